//! Desktop integration: the desktop entry and icons `pizhu --install-desktop`
//! installs, checked in Rust and, when it is installed, by
//! `desktop-file-validate`; the window icon.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use pizhu::desktop::{self, DesktopError};

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Width and height of a PNG, from its IHDR chunk; `None` if it is not a PNG.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if !bytes.starts_with(PNG_SIGNATURE) || bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    let word = |at: usize| Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    Some((word(16)?, word(20)?))
}

/// The keys of the `[Desktop Entry]` group, checking the file's shape on the
/// way: the group header first, then only comments, blank lines and unique
/// `Key=value` lines with non-empty values.
fn entry_keys(text: &str) -> HashMap<&str, &str> {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("[Desktop Entry]"));
    let mut keys = HashMap::new();
    for line in lines {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        assert!(!line.starts_with('['), "only one group expected: {line}");
        let (key, value) = line.split_once('=').expect("Key=value");
        assert!(
            key.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-[]_@.".contains(c)),
            "bad key {key:?}"
        );
        assert!(!value.is_empty(), "empty value for {key}");
        assert!(keys.insert(key, value).is_none(), "{key} twice");
    }
    keys
}

/// The required and promised keys of Pizhu's desktop entry.
fn check_entry_keys(text: &str) {
    let keys = entry_keys(text);
    for (key, want) in [
        ("Type", "Application"),
        ("Name", "Pizhu"),
        ("Name[zh_CN]", "批注"),
        ("Name[zh_TW]", "批注"),
        ("Icon", "pizhu"),
        ("Terminal", "false"),
        ("MimeType", "text/plain;"),
        ("StartupWMClass", desktop::APP_ID),
    ] {
        assert_eq!(keys.get(key), Some(&want), "{key}");
    }
    for key in ["GenericName", "Comment", "Keywords", "Exec", "TryExec"] {
        assert!(keys.contains_key(key), "{key} missing");
    }
    assert!(keys["Exec"].ends_with(" %f"), "{}", keys["Exec"]);
    // A registered main category, then additional ones; lists end with ';'.
    let categories = keys["Categories"];
    assert!(categories.ends_with(';'));
    let main = [
        "AudioVideo",
        "Audio",
        "Video",
        "Development",
        "Education",
        "Game",
        "Graphics",
        "Network",
        "Office",
        "Science",
        "Settings",
        "System",
        "Utility",
    ];
    assert_eq!(
        categories
            .split(';')
            .filter(|c| main.contains(c))
            .collect::<Vec<_>>(),
        ["Office"]
    );
    assert!(keys["Keywords"].ends_with(';'));
}

/// `desktop-file-validate FILE` prints nothing and succeeds, when the tool is
/// installed (apt `desktop-file-utils`).
fn validate(file: &Path) {
    match Command::new("desktop-file-validate").arg(file).output() {
        Ok(out) => {
            let said = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                out.status.success() && said.is_empty(),
                "desktop-file-validate {}:\n{said}",
                file.display()
            );
            println!("desktop-file-validate {}: no output", file.display());
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            println!("skipped: desktop-file-validate not installed");
        }
        Err(e) => panic!("could not run desktop-file-validate: {e}"),
    }
}

#[test]
fn the_shipped_entry_is_valid() {
    check_entry_keys(desktop::DESKTOP_ENTRY);
    assert!(desktop::DESKTOP_ENTRY.contains("\nExec=pizhu %f\n"));
    validate(&Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/pizhu.desktop"));
}

#[test]
fn install_writes_the_entry_and_the_icons() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let exe = Path::new("/opt/Pizhu 批注/pizhu");
    let written = desktop::install(&data, exe).unwrap();

    let entry_path = data.join("applications/pizhu.desktop");
    assert_eq!(written[0], entry_path);
    let entry = std::fs::read_to_string(&entry_path).unwrap();
    assert!(
        entry.contains("\nExec=\"/opt/Pizhu 批注/pizhu\" %f\n"),
        "{entry}"
    );
    assert!(
        entry.contains("\nTryExec=/opt/Pizhu 批注/pizhu\n"),
        "{entry}"
    );
    assert!(entry.contains("\nMimeType=text/plain;\n"));
    check_entry_keys(&entry);
    validate(&entry_path);

    let svg = std::fs::read_to_string(data.join("icons/hicolor/scalable/apps/pizhu.svg")).unwrap();
    assert!(svg.starts_with("<?xml") && svg.contains("<svg"));
    for size in [16, 32, 48, 64, 128, 256, 512] {
        let path = data.join(format!("icons/hicolor/{size}x{size}/apps/pizhu.png"));
        let png = std::fs::read(&path).unwrap();
        assert_eq!(png_size(&png), Some((size, size)), "{}", path.display());
        assert!(written.contains(&path));
    }
    assert_eq!(written.len(), 1 + 1 + 7);
    assert!(written.iter().all(|p| p.is_file()));

    // Installing again replaces the files; uninstall removes exactly them.
    assert_eq!(desktop::install(&data, exe).unwrap(), written);
    let mut removed = desktop::uninstall(&data).unwrap();
    let mut expected = written.clone();
    removed.sort();
    expected.sort();
    assert_eq!(removed, expected);
    assert!(written.iter().all(|p| !p.exists()));
    assert!(desktop::uninstall(&data).unwrap().is_empty());
}

#[test]
fn odd_program_paths_are_quoted_validly() {
    let dir = tempfile::tempdir().unwrap();
    for (exe, exec) in [
        (
            r#"/home/li/my "best" $apps/100%/pizhu"#,
            r#"Exec="/home/li/my \\"best\\" \\$apps/100%%/pizhu" %f"#,
        ),
        (
            r"/mnt/c/Program Files\x/pizhu",
            r#"Exec="/mnt/c/Program Files\\\\x/pizhu" %f"#,
        ),
        ("/usr/local/bin/pizhu", "Exec=/usr/local/bin/pizhu %f"),
    ] {
        let data = dir.path().join(format!("{}", exec.len()));
        desktop::install(&data, Path::new(exe)).unwrap();
        let entry_path = desktop::desktop_entry_path(&data);
        let entry = std::fs::read_to_string(&entry_path).unwrap();
        assert!(entry.lines().any(|l| l == exec), "{exe}:\n{entry}");
        check_entry_keys(&entry);
        validate(&entry_path);
    }
    let err = desktop::install(dir.path(), Path::new("/tmp/new\nline/pizhu")).unwrap_err();
    assert!(matches!(err, DesktopError::UnusablePath(_)), "{err}");
}

#[cfg(feature = "gui")]
#[test]
fn the_window_icon_decodes() {
    let icon = pizhu::ui::window_icon().expect("the embedded icon decodes");
    assert_eq!((icon.width, icon.height), (128, 128));
    assert_eq!(icon.rgba.len(), 128 * 128 * 4);
    let alpha = |x: usize, y: usize| icon.rgba[(y * 128 + x) * 4 + 3];
    assert_eq!(alpha(0, 0), 0, "the corners are transparent");
    assert_eq!(alpha(64, 20), 255, "the square is opaque");
    assert_eq!(png_size(desktop::WINDOW_ICON_PNG), Some((128, 128)));
}

fn pizhu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pizhu"))
}

/// `pizhu` with every folder it could write to inside `root`.
fn pizhu_in(root: &Path, data_home: &Path) -> Command {
    let mut cmd = pizhu();
    cmd.env("XDG_DATA_HOME", data_home)
        .env("HOME", root.join("home"))
        .env("PIZHU_DATA_DIR", root.join("pizhu-data"));
    cmd
}

#[test]
fn cli_installs_and_uninstalls() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = pizhu_in(dir.path(), &data)
        .arg("--install-desktop")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let entry_path = data.join("applications/pizhu.desktop");
    let entry = std::fs::read_to_string(&entry_path).unwrap();
    let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_pizhu")).unwrap();
    let exe = exe.to_str().unwrap();
    assert!(
        entry.contains(&format!("\nTryExec={exe}\n")),
        "{exe}:\n{entry}"
    );
    let exec = entry.lines().find(|l| l.starts_with("Exec=")).unwrap();
    assert!(
        exec == format!("Exec={exe} %f") || exec.starts_with("Exec=\""),
        "{exec}"
    );
    assert!(entry.contains("\nMimeType=text/plain;\n"));
    let png = data.join("icons/hicolor/48x48/apps/pizhu.png");
    assert!(std::fs::read(&png).unwrap().starts_with(PNG_SIGNATURE));
    for path in [&entry_path, &png] {
        assert!(
            stdout.contains(&path.display().to_string()),
            "{stdout} names {}",
            path.display()
        );
    }
    assert!(stdout.contains("pizhu --uninstall-desktop"), "{stdout}");
    assert!(!dir.path().join("home").exists(), "nothing written in HOME");
    assert!(!dir.path().join("pizhu-data").exists());

    let out = pizhu_in(dir.path(), &data)
        .arg("--uninstall-desktop")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!entry_path.exists() && !png.exists());
    assert!(String::from_utf8_lossy(&out.stdout).contains(&entry_path.display().to_string()));
}

#[test]
fn cli_without_xdg_data_home_uses_home() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let out = pizhu_in(dir.path(), Path::new(""))
        .arg("--install-desktop")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        home.join(".local/share/applications/pizhu.desktop")
            .is_file()
    );
    assert!(
        home.join(".local/share/icons/hicolor/scalable/apps/pizhu.svg")
            .is_file()
    );
}

#[test]
fn cli_errors_end_with_the_path_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the data folder should be: no folder can be made in it.
    let blocked = dir.path().join("not-a-folder");
    std::fs::write(&blocked, "").unwrap();
    let out = pizhu_in(dir.path(), &blocked)
        .arg("--install-desktop")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let first: PathBuf = blocked.join("icons/hicolor/scalable/apps/pizhu.svg");
    assert!(
        stderr.trim_end().ends_with(&first.display().to_string()),
        "{stderr}"
    );
    assert!(
        stderr.starts_with("pizhu: could not write the file ("),
        "{stderr}"
    );

    let out = pizhu_in(dir.path(), &blocked)
        .args(["--install-desktop", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("take no other arguments"));
}
