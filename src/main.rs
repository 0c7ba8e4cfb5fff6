//! Start-up only: parse the arguments, then run a CLI command or open the window.

// No console window when a release build is double-clicked on Windows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;
use std::time::Instant;

use pizhu::cli::{self, Finished, Invocation};
use pizhu::core::escape::escape_controls;
use pizhu::core::lang::Lang;

fn main() -> ExitCode {
    let started = Instant::now();
    let (invocation, encoding) = match cli::parse_with_encoding(std::env::args_os().skip(1)) {
        Ok(parsed) => parsed,
        Err(err) => {
            eprintln!(
                "pizhu: {}\n\n{}",
                escape_controls(&err.to_string()),
                cli::USAGE
            );
            return ExitCode::from(2);
        }
    };
    let result = match invocation {
        Invocation::Help => {
            print!("{}", cli::USAGE);
            Ok(Finished::Clean)
        }
        Invocation::Version => {
            println!("pizhu {}", env!("CARGO_PKG_VERSION"));
            Ok(Finished::Clean)
        }
        Invocation::Text { file, script } => cli::text(
            file.as_deref(),
            encoding,
            script,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        )
        .map(|()| Finished::Clean),
        Invocation::Timeline { file, notes, lang } => cli::timeline(
            file.as_deref(),
            encoding,
            notes.as_deref(),
            lang.unwrap_or_else(Lang::system),
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        )
        .map(|()| Finished::Clean),
        Invocation::Export {
            format,
            file,
            notes,
            output,
            lang,
        } => cli::export(
            format,
            file.as_deref(),
            encoding,
            notes.as_deref(),
            output.as_deref(),
            lang.unwrap_or_else(Lang::system),
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        Invocation::Import {
            annotations,
            file,
            notes,
            lang,
        } => cli::import(
            &annotations,
            file.as_deref(),
            encoding,
            notes.as_deref(),
            lang.unwrap_or_else(Lang::system),
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        Invocation::InstallDesktop => {
            pizhu::desktop::install_for_user(&mut std::io::stdout().lock())
                .map(|()| Finished::Clean)
                .map_err(anyhow::Error::from)
        }
        Invocation::UninstallDesktop => {
            pizhu::desktop::uninstall_for_user(&mut std::io::stdout().lock())
                .map(|()| Finished::Clean)
                .map_err(anyhow::Error::from)
        }
        Invocation::Gui { file, notes } => window(file, notes, encoding, started),
    };
    match result {
        Ok(finished) => ExitCode::from(finished.code()),
        Err(err) => {
            // Messages name files and ids from files: no raw control
            // character reaches the terminal.
            eprintln!("pizhu: {}", escape_controls(&format!("{err:#}")));
            ExitCode::from(2)
        }
    }
}

/// `pizhu [FILE] [--notes PATH]`: the window on FILE (a review file opens its
/// document with its notes), or on the embedded article.
#[cfg(feature = "gui")]
fn window(
    file: Option<std::path::PathBuf>,
    notes: Option<std::path::PathBuf>,
    encoding: Option<&'static encoding_rs::Encoding>,
    started: Instant,
) -> anyhow::Result<Finished> {
    let (doc, notes) = pizhu::core::file::open::open_path_as(file, notes, encoding);
    if let Err(err) = &doc {
        eprintln!("pizhu: {}", escape_controls(&err.to_string()));
    }
    pizhu::ui::run(doc, notes, started).map(|()| Finished::Clean)
}

/// A build without the `gui` feature has the CLI only: say so, and how to
/// get the window, instead of silently doing nothing (exit code 2).
#[cfg(not(feature = "gui"))]
fn window(
    _file: Option<std::path::PathBuf>,
    _notes: Option<std::path::PathBuf>,
    _encoding: Option<&'static encoding_rs::Encoding>,
    _started: Instant,
) -> anyhow::Result<Finished> {
    anyhow::bail!(
        "this pizhu was built without the window (cargo build --no-default-features); \
         the commands text, timeline, export and import work (see pizhu --help), \
         or build with the default features to open the window"
    )
}
