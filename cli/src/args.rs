//! Command-line arguments (clap derive). The contract is documented in `docs/cli.md`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use firststep_core::journal::validate;

/// FirstStep in the terminal: assessment, daily plan, guided sessions and your recovery trend.
#[derive(Debug, Parser)]
#[command(name = "firststep", version, about, long_about = None)]
pub struct Cli {
    /// The journal database (default: the platform data directory, created on first use).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Print machine-readable JSON instead of the human screens.
    #[arg(long, global = true)]
    pub json: bool,

    /// The day to act on, YYYY-MM-DD (default: today in the local time zone). Never in the future.
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// IANA time zone, e.g. Europe/Berlin (default: the system zone, or UTC).
    #[arg(long, global = true, value_name = "ZONE")]
    pub tz: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands; no command shows the home screen.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The safety questions and the assessment; builds (or updates) your program.
    Assess {
        /// Read the answers from a JSON file (docs/answers.md) instead of asking.
        #[arg(long, value_name = "FILE")]
        answers: Option<PathBuf>,
    },
    /// Today's exercises.
    Today,
    /// A guided session of today's exercises (or `session log` to record one done without the guide).
    Session(SessionArgs),
    /// Log this morning's first-step pain (0–10).
    Pain {
        /// 0 = no pain, 10 = worst imaginable.
        #[arg(allow_negative_numbers = true, value_parser = pain_score)]
        score: i64,
        /// A short note.
        #[arg(long)]
        note: Option<String>,
        /// Minutes of morning stiffness.
        #[arg(long, value_name = "MIN", allow_negative_numbers = true, value_parser = stiffness_minutes)]
        stiffness: Option<i64>,
    },
    /// Answer the hop check: heel pain (0–10) during or after 10 single-leg hops on the affected foot.
    HopCheck {
        /// 0 = no pain, 10 = worst imaginable; 2 or less passes.
        #[arg(allow_negative_numbers = true, value_parser = pain_score)]
        pain: i64,
    },
    /// Answer the maintenance offer (shown on home and today once your heel has settled).
    Maintenance {
        #[command(subcommand)]
        action: MaintenanceCommand,
    },
    /// Record a visit to a clinician (clears the referral banner); `--cleared` if they cleared you
    /// after an urgent warning sign, so you can take the safety questions again.
    SeenClinician {
        /// The clinician cleared you (after an urgent safety answer).
        #[arg(long)]
        cleared: bool,
    },
    /// Log a run.
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Run {
        #[command(subcommand)]
        action: Option<RunAction>,
        /// Distance in kilometres.
        #[arg(long, allow_negative_numbers = true, value_parser = run_km, required = true)]
        km: Option<f64>,
        /// Duration in minutes.
        #[arg(long, allow_negative_numbers = true, value_parser = run_minutes)]
        minutes: Option<f64>,
        /// Heel pain during the run (0–10).
        #[arg(long, allow_negative_numbers = true, value_parser = pain_score)]
        pain: Option<i64>,
    },
    /// Level decisions with their reasons, and today's running guidance.
    Progress {
        /// A run you plan, in km: warns when it is a jump from your recent longest run.
        #[arg(long, value_name = "KM", allow_negative_numbers = true, value_parser = run_km)]
        planned_km: Option<f64>,
    },
    /// Back to running (rule RR1): shows where you stand; `return-to-run test` takes the self-test.
    ReturnToRun(ReturnToRunArgs),
    /// Your activities (PSFS, rule M2): name 3–5 things your heel limits and rate them 0–10 every
    /// 2 weeks; without a subcommand, shows first → latest and the change.
    Psfs(PsfsArgs),
    /// Your morning pain trend, drawn in the terminal.
    Trend {
        /// Window length in weeks.
        #[arg(long, default_value = "4", value_parser = ["4", "8", "12"])]
        weeks: String,
    },
    /// The reminders of the next 14 days.
    Reminders,
    /// Show or change settings (units).
    Settings {
        /// Units for distances on screen.
        #[arg(long, value_enum)]
        units: Option<UnitsArg>,
    },
    /// Back up everything as JSON, or the pain log as CSV.
    Export {
        /// Output file (required for JSON; CSV goes to stdout without it).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Export the morning pain log as CSV instead of the JSON backup.
        #[arg(long)]
        csv: bool,
        /// Replace FILE if it exists (never the journal or its -wal/-shm/-journal files).
        #[arg(long)]
        force: bool,
    },
    /// A one-page summary for your physio or doctor: HTML that prints on one A4 page.
    Report {
        /// Output file (HTML).
        #[arg(long, value_name = "FILE.html")]
        out: PathBuf,
        /// Replace FILE if it exists (never the journal or its -wal/-shm/-journal files).
        #[arg(long)]
        force: bool,
    },
    /// Import a JSON backup (merged; importing twice changes nothing).
    Import {
        /// The backup file.
        file: PathBuf,
    },
    /// Short lessons: why load, the chain, running, timelines (E1–E7); opened by week and findings.
    Learn {
        /// The lesson to read, e.g. E2 (default: the list).
        #[arg(value_name = "ID")]
        id: Option<String>,
    },
    /// The exercise library; `exercises show ID --svg FILE` draws an exercise (or an assessment
    /// test) as a figure.
    Exercises(ExercisesArgs),
    /// A one-minute tour on a throw-away database with eight weeks of history.
    Demo {
        /// No pauses and a simulated clock (for tests).
        #[arg(long)]
        fast: bool,
    },
}

/// `firststep session`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct SessionArgs {
    /// Time runs N times faster (for trying it out).
    #[arg(long, default_value_t = 1.0, value_name = "N", allow_negative_numbers = true, value_parser = speed)]
    pub speed: f64,
    /// Continue a session you quit with `q`.
    #[arg(long)]
    pub resume: bool,
    /// Peak pain during the session (0–10); asked at the end when not given (required with --json).
    #[arg(long, allow_negative_numbers = true, value_parser = pain_score)]
    pub pain: Option<i64>,
    /// How the load of the calf ladder felt (rule P5); asked at the end when not given.
    #[arg(long, value_enum)]
    pub effort: Option<EffortArg>,
    #[command(subcommand)]
    pub log: Option<SessionCommand>,
}

/// `firststep exercises`.
#[derive(Debug, Args)]
pub struct ExercisesArgs {
    #[command(subcommand)]
    pub action: Option<ExercisesCommand>,
}

/// `firststep exercises show ...`.
#[derive(Debug, Subcommand)]
pub enum ExercisesCommand {
    /// Draw one pose of an exercise (or an assessment test, e.g. knee_to_wall_cm) as an SVG file.
    Show {
        /// Exercise id (see `firststep exercises`) or a physical test's id.
        #[arg(value_name = "ID")]
        id: String,
        /// The level (0-based, as `firststep exercises` lists; default 0).
        #[arg(long, default_value_t = 0, value_name = "N")]
        level: u32,
        /// The working side (the figure of the left side is the mirror image).
        #[arg(long, value_enum, default_value_t = SideArg::Right)]
        side: SideArg,
        /// The tempo phase: up (into the key pose), hold (the key pose), down (back to the start).
        #[arg(long, value_enum, default_value_t = PhaseArg::Hold)]
        phase: PhaseArg,
        /// How far through the phase, 0.0–1.0.
        #[arg(long, default_value_t = 0.0, value_name = "0.0-1.0", allow_negative_numbers = true, value_parser = progress)]
        at: f64,
        /// Write the figure to this SVG file (with --json and without --svg, the frame's primitives are printed).
        #[arg(long, value_name = "FILE.svg")]
        svg: Option<PathBuf>,
        /// Replace FILE if it exists (never the journal or its -wal/-shm/-journal files).
        #[arg(long)]
        force: bool,
    },
}

/// A side for `exercises show --side`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SideArg {
    Left,
    Right,
}

/// A phase for `exercises show --phase`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PhaseArg {
    Up,
    Down,
    Hold,
}

/// `firststep return-to-run`.
#[derive(Debug, Args)]
pub struct ReturnToRunArgs {
    #[command(subcommand)]
    pub action: Option<ReturnToRunCommand>,
}

/// `firststep return-to-run test ...`.
#[derive(Debug, Subcommand)]
pub enum ReturnToRunCommand {
    /// Take the self-test today: after a 30-minute brisk walk, single-leg heel raises in a row on
    /// each side, and 10 single-leg hops on the affected side (the last 7 mornings come from your log).
    Test {
        /// Heel pain during or after the brisk 30-minute walk (0–10).
        #[arg(long, allow_negative_numbers = true, value_parser = pain_score)]
        walk_pain: i64,
        /// Single-leg heel raises in a row on the affected side.
        #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = heel_raises)]
        heel_raises: i64,
        /// The same on the other side (leave out when both heels hurt).
        #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = heel_raises)]
        other_side: Option<i64>,
        /// Heel pain during or after 10 single-leg hops on the affected side (0–10).
        #[arg(long, allow_negative_numbers = true, value_parser = pain_score)]
        hop_pain: i64,
    },
}

/// `firststep psfs`.
#[derive(Debug, Args)]
pub struct PsfsArgs {
    #[command(subcommand)]
    pub action: Option<PsfsCommand>,
}

/// `firststep maintenance accept|decline`.
#[derive(Clone, Copy, Debug, Subcommand)]
pub enum MaintenanceCommand {
    /// Switch to maintenance: calf strengthening twice a week, the foot stretch each morning.
    Accept,
    /// Not now: keep the full program (the offer comes back in two weeks at the earliest).
    Decline,
}

/// `firststep psfs set|rate ...`.
#[derive(Debug, Subcommand)]
pub enum PsfsCommand {
    /// Name 3–5 activities your heel limits, e.g. `psfs set "Run 5 km" "Walk the dog" "Stairs at work"`.
    /// Names you keep keep their history; names left out are removed from the list.
    Set {
        /// The activities, each in quotes.
        #[arg(required = true, value_name = "NAME")]
        names: Vec<String>,
    },
    /// Rate each activity 0–10 (0 = unable, 10 = as before the injury), in the order `firststep psfs`
    /// lists them; `--date` rates an earlier day.
    Rate {
        /// One score per activity.
        #[arg(required = true, value_name = "SCORE", allow_negative_numbers = true)]
        scores: Vec<i64>,
    },
}

/// `firststep session log ...`.
#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Record an exercise you did without the guide.
    Log {
        /// Exercise id (see `firststep today`).
        #[arg(long)]
        exercise: String,
        /// Sets done.
        #[arg(long, allow_negative_numbers = true, value_parser = sets_done)]
        sets: i64,
        /// Reps per set (rep exercises).
        #[arg(long, allow_negative_numbers = true, conflicts_with = "hold", required_unless_present = "hold", value_parser = reps_done)]
        reps: Option<i64>,
        /// Seconds held per set (hold exercises).
        #[arg(long, value_name = "S", allow_negative_numbers = true, value_parser = hold_seconds)]
        hold: Option<i64>,
        /// Peak pain during the exercise (0–10).
        #[arg(long, allow_negative_numbers = true, value_parser = pain_score)]
        pain: i64,
        /// Not all planned sets were done.
        #[arg(long)]
        partial: bool,
        /// How the load felt (rule P5: loads by effort on the calf ladder).
        #[arg(long, value_enum)]
        effort: Option<EffortArg>,
        /// How many more reps you could have done with good form (0–50); 3 or more means "add load".
        #[arg(long, value_name = "N", allow_negative_numbers = true)]
        reps_in_reserve: Option<i64>,
    },
}

/// How a loading session felt (rule P5).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EffortArg {
    /// Several more reps were left: add load.
    TooEasy,
    /// The last reps were hard, form still good: keep the load.
    Right,
    /// The reps could not be finished with good form: lighten it.
    TooHard,
}

impl From<EffortArg> for firststep_core::model::Effort {
    fn from(e: EffortArg) -> Self {
        match e {
            EffortArg::TooEasy => Self::TooEasy,
            EffortArg::Right => Self::Right,
            EffortArg::TooHard => Self::TooHard,
        }
    }
}

/// Units accepted by `settings --units`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum UnitsArg {
    Metric,
    Imperial,
}

// Value parsers: they check only the form (a whole number, a finite number) and say the allowed
// range, so `pain 4.5` explains itself; the range itself is checked by the core, which names the
// field the same way for every shell.

fn whole(text: &str, range: (i64, i64)) -> Result<i64, String> {
    text.trim().parse::<i64>().map_err(|_| format!("must be a whole number in {}..={} (got {text:?})", range.0, range.1))
}

fn number(text: &str, range: (f64, f64)) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(format!("must be a number in {}..={} (got {text:?})", range.0, range.1)),
    }
}

fn pain_score(text: &str) -> Result<i64, String> {
    whole(text, (0, 10)) // rule P1: the 0–10 scale
}

fn heel_raises(text: &str) -> Result<i64, String> {
    whole(text, (0, 100)) // design choice (RR1): heel raises are counted up to 100
}

fn stiffness_minutes(text: &str) -> Result<i64, String> {
    whole(text, validate::STIFFNESS_MINUTES)
}

fn sets_done(text: &str) -> Result<i64, String> {
    whole(text, validate::SETS)
}

fn reps_done(text: &str) -> Result<i64, String> {
    whole(text, validate::REPS)
}

fn hold_seconds(text: &str) -> Result<i64, String> {
    whole(text, validate::HOLD_SECONDS)
}

fn progress(text: &str) -> Result<f64, String> {
    number(text, (0.0, 1.0))
}

fn run_km(text: &str) -> Result<f64, String> {
    number(text, validate::DISTANCE_KM)
}

fn run_minutes(text: &str) -> Result<f64, String> {
    number(text, validate::RUN_MINUTES)
}

/// `--speed` range (design choice: slower than real time is pointless below 0.1×; above 1000×
/// a 50 ms tick would skip whole reps).
pub const SPEED_RANGE: (f64, f64) = (0.1, 1000.0);

fn speed(text: &str) -> Result<f64, String> {
    number(text, SPEED_RANGE)
}

/// The field a clap error is about, as the JSON error's `field`: `--km <KM>` → `km`,
/// `<SCORE>` → `score`; `arguments` when clap names none.
pub fn error_field(err: &clap::Error) -> String {
    let arg = match err.get(clap::error::ContextKind::InvalidArg) {
        Some(clap::error::ContextValue::String(s)) => s.clone(),
        Some(clap::error::ContextValue::Strings(v)) => v.first().cloned().unwrap_or_default(),
        _ => String::new(),
    };
    let name = arg.split_whitespace().next().unwrap_or("").trim_start_matches('-').trim_matches(['<', '>']).to_lowercase().replace('-', "_");
    if name.is_empty() {
        "arguments".into()
    } else {
        name
    }
}

/// `firststep run import`.
#[derive(Subcommand, Debug)]
pub enum RunAction {
    /// Import runs from FIT, GPX or TCX files, or folders of them (e.g. a watch's GARMIN/Activity):
    /// each file once; prints what was imported, skipped (why) or refused (why). Exit status 1 when
    /// any file was refused.
    Import {
        /// Files or folders.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<std::path::PathBuf>,
    },
}
