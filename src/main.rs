//! Start-up only: parse the arguments, then run a CLI command or open the window.

// No console window when a release build is double-clicked on Windows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;
use std::time::Instant;

use pizhu::cli::{self, Finished, Invocation};

fn main() -> ExitCode {
    let started = Instant::now();
    let invocation = match cli::parse(std::env::args_os().skip(1)) {
        Ok(inv) => inv,
        Err(err) => {
            eprintln!("pizhu: {err}\n\n{}", cli::USAGE);
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
        Invocation::Text { file } => cli::text(
            file.as_deref(),
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        )
        .map(|()| Finished::Clean),
        Invocation::Timeline { file, notes } => cli::timeline(
            file.as_deref(),
            notes.as_deref(),
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        )
        .map(|()| Finished::Clean),
        Invocation::Export {
            format,
            file,
            notes,
            output,
        } => cli::export(
            format,
            file.as_deref(),
            notes.as_deref(),
            output.as_deref(),
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        Invocation::Import {
            annotations,
            file,
            notes,
        } => cli::import(
            &annotations,
            file.as_deref(),
            notes.as_deref(),
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
        Invocation::Gui { file, notes } => {
            let (doc, notes) = cli::gui_target(file, notes);
            if let Err(err) = &doc {
                eprintln!("pizhu: {err}");
            }
            pizhu::ui::run(doc, notes, started).map(|()| Finished::Clean)
        }
    };
    match result {
        Ok(finished) => ExitCode::from(finished.code()),
        Err(err) => {
            eprintln!("pizhu: {err:#}");
            ExitCode::from(2)
        }
    }
}
