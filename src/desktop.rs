//! Desktop integration: the app icon and, on Linux and the BSDs, the
//! freedesktop.org desktop entry that puts Pizhu in the applications menu and
//! in "Open with" for text files.
//!
//! The icon (`assets/pizhu.svg`, rendered to `assets/icons/pizhu-*.png` by
//! `scripts/make-icons.sh`) and the entry (`assets/pizhu.desktop`) are
//! embedded in the binary, so `pizhu --install-desktop` needs nothing beside
//! it. [`install`] and [`uninstall`] work on a given data folder (tests give
//! a temporary one); [`install_for_user`] and [`uninstall_for_user`] are the
//! command-line options, for `$XDG_DATA_HOME` (default `~/.local/share`).

use std::ffi::OsStr;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::core::file::atomic;

/// The application id: the window's app id (Wayland) and WM class (X11),
/// and the name of the desktop entry and of the icon.
pub const APP_ID: &str = "pizhu";

/// The icon as SVG (`assets/pizhu.svg`), installed as the scalable icon.
pub const ICON_SVG: &[u8] = include_bytes!("../assets/pizhu.svg");

/// The 128 px icon, also the window icon.
const PNG_128: &[u8] = include_bytes!("../assets/icons/pizhu-128.png");

/// The icon rendered as PNG, `(size in pixels, PNG bytes)`, smallest first:
/// the sizes of the hicolor icon theme.
pub const ICON_PNGS: [(u32, &[u8]); 7] = [
    (16, include_bytes!("../assets/icons/pizhu-16.png")),
    (32, include_bytes!("../assets/icons/pizhu-32.png")),
    (48, include_bytes!("../assets/icons/pizhu-48.png")),
    (64, include_bytes!("../assets/icons/pizhu-64.png")),
    (128, PNG_128),
    (256, include_bytes!("../assets/icons/pizhu-256.png")),
    (512, include_bytes!("../assets/icons/pizhu-512.png")),
];

/// The PNG the window shows as its icon (title bar, task bar, Alt+Tab).
pub const WINDOW_ICON_PNG: &[u8] = PNG_128;

/// The desktop entry as shipped (`assets/pizhu.desktop`), with
/// `Exec=pizhu %f`; [`desktop_entry`] puts the program's path in.
pub const DESKTOP_ENTRY: &str = include_str!("../assets/pizhu.desktop");

/// Why the desktop entry could not be installed or removed. Messages that
/// name a file end with its path.
#[derive(thiserror::Error, Debug)]
pub enum DesktopError {
    /// Not a freedesktop.org system (Windows, macOS).
    #[error(
        "--install-desktop installs a Linux desktop entry; on Windows and macOS see \
         \"Install\" in the README (a shortcut to pizhu.exe, or Pizhu started from Terminal)"
    )]
    Unsupported,
    /// Neither `XDG_DATA_HOME` nor `HOME` is an absolute path.
    #[error(
        "no folder to install into: set HOME (or XDG_DATA_HOME) to your home folder \
         (or its data folder) and try again"
    )]
    NoDataHome,
    /// The path of the running program is unknown.
    #[error("could not find the path of the running program: {0}")]
    NoExe(io::Error),
    /// The program's path cannot be written in a desktop entry.
    #[error(
        "the program's path cannot be written in a desktop entry (it must be UTF-8 without \
         control characters); move or rename the program: {}",
        .0.display()
    )]
    UnusablePath(PathBuf),
    /// A file could not be written.
    #[error(
        "could not write the file ({cause}); check that the folder is yours and writable: {}",
        path.display()
    )]
    Write {
        /// The file.
        path: PathBuf,
        /// What the system said.
        cause: io::Error,
    },
    /// A file could not be removed.
    #[error(
        "could not remove the file ({cause}); check that the folder is yours and writable: {}",
        path.display()
    )]
    Remove {
        /// The file.
        path: PathBuf,
        /// What the system said.
        cause: io::Error,
    },
}

/// The folder desktop entries and icons go under: `xdg_data_home` when it
/// is an absolute path (the XDG Base Directory spec ignores relative ones),
/// else `home/.local/share`; `None` when neither is usable.
#[must_use]
pub fn data_home(xdg_data_home: Option<&OsStr>, home: Option<&OsStr>) -> Option<PathBuf> {
    let absolute = |v: &OsStr| {
        let path = PathBuf::from(v);
        path.is_absolute().then_some(path)
    };
    xdg_data_home
        .and_then(absolute)
        .or_else(|| home.and_then(absolute).map(|h| h.join(".local/share")))
}

/// Where the desktop entry goes under `data_home`.
#[must_use]
pub fn desktop_entry_path(data_home: &Path) -> PathBuf {
    data_home
        .join("applications")
        .join(format!("{APP_ID}.desktop"))
}

/// The hicolor icon theme folder under `data_home`.
fn hicolor(data_home: &Path) -> PathBuf {
    data_home.join("icons").join("hicolor")
}

/// Every file [`install`] writes under `data_home` with its contents: the
/// scalable icon, the PNG icons (smallest first); not the desktop entry.
fn icon_files(data_home: &Path) -> Vec<(PathBuf, &'static [u8])> {
    let hicolor = hicolor(data_home);
    let mut files = vec![(
        hicolor
            .join("scalable")
            .join("apps")
            .join(format!("{APP_ID}.svg")),
        ICON_SVG,
    )];
    files.extend(ICON_PNGS.iter().map(|&(size, png)| {
        (
            hicolor
                .join(format!("{size}x{size}"))
                .join("apps")
                .join(format!("{APP_ID}.png")),
            png,
        )
    }));
    files
}

/// The desktop entry for the program at `exe`: [`DESKTOP_ENTRY`] with `Exec`
/// and `TryExec` set to that path, quoted and escaped as the Desktop Entry
/// Specification asks (`"/opt/my apps/pizhu" %f`).
///
/// # Errors
/// [`DesktopError::UnusablePath`] when the path is not UTF-8 or has control
/// characters (a desktop entry cannot hold those).
pub fn desktop_entry(exe: &Path) -> Result<String, DesktopError> {
    let path = exe
        .to_str()
        .filter(|p| !p.is_empty() && !p.chars().any(char::is_control))
        .ok_or_else(|| DesktopError::UnusablePath(exe.to_path_buf()))?;
    let mut entry = String::with_capacity(DESKTOP_ENTRY.len() + 2 * path.len());
    for line in DESKTOP_ENTRY.lines() {
        if line.starts_with("Exec=") {
            entry.push_str("Exec=");
            entry.push_str(&exec_argument(path));
            entry.push_str(" %f");
        } else if line.starts_with("TryExec=") {
            entry.push_str("TryExec=");
            entry.push_str(&escape_string(path));
        } else {
            entry.push_str(line);
        }
        entry.push('\n');
    }
    Ok(entry)
}

/// `arg` as one argument of an `Exec` value: `%` doubled, the whole argument
/// in double quotes when it has a reserved character (with `"`, `` ` ``, `$`
/// and `\` escaped inside), then the string escapes of every value on top.
fn exec_argument(arg: &str) -> String {
    const RESERVED: &[char] = &[
        ' ', '\t', '\n', '"', '\'', '\\', '>', '<', '~', '|', '&', ';', '$', '*', '?', '#', '(',
        ')', '`',
    ];
    let arg = arg.replace('%', "%%");
    let quoted = if arg.contains(RESERVED) {
        let mut quoted = String::with_capacity(arg.len() + 2);
        quoted.push('"');
        for c in arg.chars() {
            if matches!(c, '"' | '`' | '$' | '\\') {
                quoted.push('\\');
            }
            quoted.push(c);
        }
        quoted.push('"');
        quoted
    } else {
        arg
    };
    escape_string(&quoted)
}

/// The string escapes of a desktop entry value. Only the backslash can occur
/// here: control characters were refused earlier.
fn escape_string(value: &str) -> String {
    value.replace('\\', "\\\\")
}

/// Install the desktop entry for the program at `exe` and the icons under
/// `data_home` (usually `~/.local/share`):
///
/// - `icons/hicolor/scalable/apps/pizhu.svg`,
/// - `icons/hicolor/<size>x<size>/apps/pizhu.png` for each of [`ICON_PNGS`],
/// - `applications/pizhu.desktop`, last, so that a menu that notices it finds
///   the icons already there.
///
/// Files are replaced atomically and folders made as needed. Returns the
/// files written, the desktop entry first.
///
/// # Errors
/// When `exe` cannot be written in a desktop entry or a file cannot be
/// written; files written before stay.
pub fn install(data_home: &Path, exe: &Path) -> Result<Vec<PathBuf>, DesktopError> {
    let entry = desktop_entry(exe)?;
    let entry_path = desktop_entry_path(data_home);
    let icons = icon_files(data_home);
    for (path, bytes) in &icons {
        write(path, bytes)?;
    }
    write(&entry_path, entry.as_bytes())?;
    Ok(std::iter::once(entry_path)
        .chain(icons.into_iter().map(|(path, _)| path))
        .collect())
}

/// Write one file atomically.
fn write(path: &Path, bytes: &[u8]) -> Result<(), DesktopError> {
    atomic::write_file_atomic(path, bytes).map_err(|cause| DesktopError::Write {
        path: path.to_path_buf(),
        cause,
    })
}

/// Remove what [`install`] wrote under `data_home`. Returns the files that
/// were there and are now removed (none when Pizhu was not installed);
/// folders stay.
///
/// # Errors
/// When a file is there but cannot be removed.
pub fn uninstall(data_home: &Path) -> Result<Vec<PathBuf>, DesktopError> {
    let mut removed = Vec::new();
    let paths = std::iter::once(desktop_entry_path(data_home))
        .chain(icon_files(data_home).into_iter().map(|(path, _)| path));
    for path in paths {
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(cause) => return Err(DesktopError::Remove { path, cause }),
        }
    }
    Ok(removed)
}

/// Whether this is a system with freedesktop.org desktop entries.
const SUPPORTED: bool = cfg!(all(
    unix,
    not(any(
        target_os = "macos",
        target_os = "ios",
        target_os = "android"
    ))
));

/// The user's data folder from the environment (see [`data_home`]).
fn user_data_home() -> Result<PathBuf, DesktopError> {
    if !SUPPORTED {
        return Err(DesktopError::Unsupported);
    }
    data_home(
        std::env::var_os("XDG_DATA_HOME").as_deref(),
        std::env::var_os("HOME").as_deref(),
    )
    .ok_or(DesktopError::NoDataHome)
}

/// `pizhu --install-desktop`: [`install`] the running program for this user
/// (`$XDG_DATA_HOME`, default `~/.local/share`), let the menus know, and
/// print what was installed and how to remove it on `out`.
///
/// # Errors
/// On Windows and macOS, without a home folder, or when [`install`] fails.
pub fn install_for_user(out: &mut dyn Write) -> Result<(), DesktopError> {
    let data_home = user_data_home()?;
    let exe = std::env::current_exe().map_err(DesktopError::NoExe)?;
    let written = install(&data_home, &exe)?;
    refresh(&data_home);
    // The files are installed: a closed standard output must not turn that
    // into a failure.
    let _ = print_installed(out, &written, &exe);
    Ok(())
}

/// `path` for the terminal, control characters escaped.
fn shown(path: &Path) -> String {
    crate::core::escape::escape_controls(&path.display().to_string()).into_owned()
}

/// The report of [`install_for_user`].
fn print_installed(out: &mut dyn Write, written: &[PathBuf], exe: &Path) -> io::Result<()> {
    writeln!(out, "Installed the Pizhu desktop entry and icons:")?;
    for path in written {
        writeln!(out, "  {}", shown(path))?;
    }
    writeln!(
        out,
        "Pizhu is now in the applications menu and in \"Open with\" for text files \
         (log out and in again if it does not show yet)."
    )?;
    writeln!(out, "The entry starts {}", shown(exe))?;
    let in_build_folder = exe
        .components()
        .any(|c| c.as_os_str() == OsStr::new("target"));
    if in_build_folder {
        writeln!(
            out,
            "That is a build folder: copy the program to a lasting place (such as \
             ~/.local/bin) and run --install-desktop from there."
        )?;
    } else {
        writeln!(
            out,
            "After moving the program, run `pizhu --install-desktop` again."
        )?;
    }
    writeln!(
        out,
        "To remove it: pizhu --uninstall-desktop (or delete the files above)."
    )?;
    out.flush()
}

/// `pizhu --uninstall-desktop`: [`uninstall`] for this user, let the menus
/// know, and print what was removed on `out`.
///
/// # Errors
/// On Windows and macOS, without a home folder, or when [`uninstall`] fails.
pub fn uninstall_for_user(out: &mut dyn Write) -> Result<(), DesktopError> {
    let data_home = user_data_home()?;
    let removed = uninstall(&data_home)?;
    if !removed.is_empty() {
        refresh(&data_home);
    }
    let _ = print_removed(out, &removed, &data_home);
    Ok(())
}

/// The report of [`uninstall_for_user`].
fn print_removed(out: &mut dyn Write, removed: &[PathBuf], data_home: &Path) -> io::Result<()> {
    if removed.is_empty() {
        writeln!(
            out,
            "Nothing to remove: the Pizhu desktop entry is not installed in {}",
            shown(data_home)
        )?;
    } else {
        writeln!(out, "Removed the Pizhu desktop entry and icons:")?;
        for path in removed {
            writeln!(out, "  {}", shown(path))?;
        }
    }
    out.flush()
}

/// Best effort: tell menus and icon caches that files changed. Missing tools
/// and their failures are ignored; menus also notice on their own.
fn refresh(data_home: &Path) {
    let hicolor = hicolor(data_home);
    // GTK rereads an icon theme whose folder is newer than its cache
    // (what xdg-icon-resource does with `touch`).
    let _ =
        std::fs::File::open(&hicolor).and_then(|f| f.set_modified(std::time::SystemTime::now()));
    if hicolor.join("icon-theme.cache").exists() {
        run_quietly(Command::new("gtk-update-icon-cache").args([
            OsStr::new("--force"),
            OsStr::new("--ignore-theme-index"),
            hicolor.as_os_str(),
        ]));
    }
    run_quietly(Command::new("update-desktop-database").arg(data_home.join("applications")));
}

/// Run a helper tool without output, ignoring whether it exists or works.
fn run_quietly(command: &mut Command) {
    let _ = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exec_arguments_are_quoted_only_when_needed() {
        assert_eq!(
            exec_argument("/home/li/.local/bin/pizhu"),
            "/home/li/.local/bin/pizhu"
        );
        assert_eq!(exec_argument("/opt/批注/pizhu"), "/opt/批注/pizhu");
        assert_eq!(
            exec_argument("/opt/my apps/pizhu"),
            "\"/opt/my apps/pizhu\""
        );
        assert_eq!(exec_argument("/opt/100%/pizhu"), "/opt/100%%/pizhu");
        // Inside quotes `"` `$` `` ` `` `\` get a backslash; then every
        // backslash is doubled by the string escapes.
        assert_eq!(exec_argument("/a\"b/pizhu"), r#""/a\\"b/pizhu""#);
        assert_eq!(exec_argument("/a$b/pizhu"), r#""/a\\$b/pizhu""#);
        assert_eq!(exec_argument("/a\\b/pizhu"), r#""/a\\\\b/pizhu""#);
        assert_eq!(exec_argument("/a'b/pizhu"), "\"/a'b/pizhu\"");
    }

    #[test]
    fn the_entry_starts_the_given_program() {
        let entry = desktop_entry(Path::new("/opt/my apps/pizhu")).unwrap();
        assert!(
            entry.contains("\nExec=\"/opt/my apps/pizhu\" %f\n"),
            "{entry}"
        );
        assert!(entry.contains("\nTryExec=/opt/my apps/pizhu\n"), "{entry}");
        assert!(entry.starts_with("[Desktop Entry]\n"));
        assert_eq!(entry.lines().count(), DESKTOP_ENTRY.lines().count());
        assert!(matches!(
            desktop_entry(Path::new("/tmp/a\nb")),
            Err(DesktopError::UnusablePath(_))
        ));
    }

    #[test]
    fn the_shipped_entry_has_the_lines_that_are_replaced() {
        assert_eq!(
            DESKTOP_ENTRY
                .lines()
                .filter(|l| *l == "Exec=pizhu %f" || *l == "TryExec=pizhu")
                .count(),
            2
        );
    }

    #[test]
    fn data_home_follows_the_xdg_rules() {
        let os = |s: &'static str| Some(OsStr::new(s));
        assert_eq!(
            data_home(os("/x/data"), os("/home/li")),
            Some(PathBuf::from("/x/data"))
        );
        // Empty or relative XDG_DATA_HOME is ignored.
        for xdg in [os(""), os("relative/data"), None] {
            assert_eq!(
                data_home(xdg, os("/home/li")),
                Some(PathBuf::from("/home/li/.local/share"))
            );
        }
        assert_eq!(data_home(None, os("")), None);
        assert_eq!(data_home(os("data"), None), None);
    }

    #[test]
    fn error_messages_end_with_the_path() {
        let err = DesktopError::Write {
            path: PathBuf::from("/x/applications/pizhu.desktop"),
            cause: io::Error::from(io::ErrorKind::PermissionDenied),
        };
        assert!(
            err.to_string().ends_with(": /x/applications/pizhu.desktop"),
            "{err}"
        );
    }
}
