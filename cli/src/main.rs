//! `firststep`: the FirstStep terminal companion. All behaviour lives in the core
//! (`firststep-core`); this binary parses arguments, builds "now" and renders the results.

mod args;
mod commands;
mod context;
mod files;
mod render;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};
use context::{CliError, Context};

fn main() -> ExitCode {
    restore_sigpipe();
    let wants_json = std::env::args().any(|a| a == "--json");
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) if !err.use_stderr() => {
            // --help and --version
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        Err(err) if wants_json => {
            // clap's text (`error: invalid value '4.5' for '<SCORE>': must be a whole number in
            // 0..=10 …`, `[possible values: 4, 8, 12]`) on one line, without the `--help` hint.
            let text = err.to_string();
            let lines: Vec<&str> = text
                .lines()
                .map(|l| l.trim().trim_start_matches("error: "))
                .filter(|l| !l.is_empty() && !l.starts_with("For more information"))
                .collect();
            let error = CliError::invalid(args::error_field(&err), lines.join("; "));
            eprintln!("{}", error.to_json());
            return ExitCode::from(context::EXIT_BAD_INPUT as u8);
        }
        Err(err) => err.exit(),
    };
    let json = cli.json;
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            if json {
                eprintln!("{}", error.to_json());
            } else {
                eprintln!("firststep: {}", error.message);
            }
            ExitCode::from(error.exit_code() as u8)
        }
    }
}

fn run(cli: Cli) -> context::CliResult {
    // The demo makes its own throw-away database.
    if let Some(Command::Demo { fast }) = cli.command {
        return commands::demo::run(fast, cli.tz);
    }
    // The library and its figures need no journal (the path only guards an --svg target).
    if let Some(Command::Exercises(args)) = cli.command {
        return commands::exercises::run(args.action, cli.json, cli.db);
    }
    if cli.json {
        needs_no_questions(&cli)?;
    }
    let ctx = Context::open(cli.db, cli.json, cli.date, cli.tz)?;
    match cli.command {
        None => commands::home::run(&ctx),
        Some(Command::Assess { answers }) => commands::assess::run(&ctx, answers.as_deref()),
        Some(Command::Today) => commands::today::run(&ctx),
        Some(Command::Session(args)) => commands::session::run(&ctx, args),
        Some(Command::Pain { score, note, stiffness }) => commands::log::pain(&ctx, score, note, stiffness),
        Some(Command::Run { action: Some(args::RunAction::Import { paths }), .. }) => commands::import::run(&ctx, &paths),
        Some(Command::Run { km, minutes, pain, .. }) => commands::log::run(&ctx, km.unwrap_or_default(), minutes, pain),
        Some(Command::SeenClinician { cleared }) => commands::log::clinician_visit(&ctx, cleared),
        Some(Command::HopCheck { pain }) => commands::log::hop_check(&ctx, pain),
        Some(Command::Maintenance { action }) => commands::log::maintenance(&ctx, action),
        Some(Command::Progress { planned_km }) => commands::progress::run(&ctx, planned_km),
        Some(Command::Psfs(args)) => commands::psfs::run(&ctx, args.action),
        Some(Command::ReturnToRun(args)) => commands::return_to_run::run(&ctx, args.action),
        Some(Command::Trend { weeks }) => commands::trend::run(&ctx, weeks.parse().unwrap_or(4)),
        Some(Command::Reminders) => commands::reminders::run(&ctx),
        Some(Command::Settings { units }) => commands::settings::run(&ctx, units),
        Some(Command::Export { out, csv, force }) => commands::backup::export(&ctx, out.as_deref(), csv, force),
        Some(Command::Report { out, force }) => commands::report::run(&ctx, &out, force),
        Some(Command::Learn { id }) => commands::learn::run(&ctx, id.as_deref()),
        Some(Command::Import { file }) => commands::backup::import(&ctx, &file),
        Some(Command::Demo { .. }) | Some(Command::Exercises(_)) => Ok(()),
    }
}

/// With `--json` nothing is asked on stdin (a script has no one to answer and stderr must stay one
/// JSON document): a command that would ask is bad input, found before the journal is opened.
fn needs_no_questions(cli: &Cli) -> context::CliResult {
    match &cli.command {
        Some(Command::Assess { answers: None }) => Err(CliError::invalid(
            "answers",
            "with --json nothing is asked: pass --answers FILE (the answers file of docs/answers.md)",
        )),
        Some(Command::Session(s)) if s.log.is_none() && s.pain.is_none() => Err(CliError::invalid(
            "pain",
            "with --json nothing is asked: pass --pain N, the peak pain during the session (0..=10)",
        )),
        _ => Ok(()),
    }
}

/// Rust ignores SIGPIPE, so printing into a closed pipe (`firststep trend | head`) would panic.
/// Like other command-line tools, end quietly instead.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first in main, before any thread exists; SIG_DFL is a valid action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
