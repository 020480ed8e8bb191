//! `firststep session`: the guided session (live countdowns and cues; keys in a terminal, or a
//! non-interactive run when stdin/stdout is not a TTY) and `session log` for exercises done
//! without the guide.
//!
//! The core's engine is a pure state machine over monotonic milliseconds; this module feeds it a
//! virtual clock (real elapsed time × `--speed`) and asks for the state every tick.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::{cursor, queue, style, terminal};
use firststep_core::model::{Effort as CoreEffort, SessionRecord};
use firststep_core::session::{GuidedSession, Phase, SessionEvent, SessionState, SessionStatus};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::args::{SessionArgs, SessionCommand};
use crate::context::{CliError, CliResult, Context};
use crate::render::words;

/// The virtual clock's first reading (design choice: any non-negative start works; 1 s keeps
/// "before the start" representable).
const START_MS: i64 = 1_000;
/// How often the screen is refreshed, in real time (design choice: smooth enough for tenths).
const TICK: Duration = Duration::from_millis(50);
/// Virtual time per tick of the simulated clock (`demo --fast`).
const SIM_TICK_MS: i64 = 250;
use crate::args::SPEED_RANGE;

/// Runs `firststep session …`.
pub fn run(ctx: &Context, args: SessionArgs) -> CliResult {
    if let Some(SessionCommand::Log { exercise, sets, reps, hold, pain, partial, effort, reps_in_reserve }) = args.log {
        let effort = Effort { effort: effort.map(Into::into), reps_in_reserve };
        return log(ctx, exercise, sets, reps, hold, pain, partial, effort);
    }
    if !(args.speed.is_finite() && args.speed >= SPEED_RANGE.0 && args.speed <= SPEED_RANGE.1) {
        return Err(CliError::invalid("speed", format!("speed must be in {}..={} (got {})", SPEED_RANGE.0, SPEED_RANGE.1, args.speed)));
    }
    let given_pain = args.pain.map(check_peak_pain).transpose()?;
    let snapshot_path = ctx.session_snapshot_path();
    let (session, start_ms, first) = if args.resume {
        resume(&snapshot_path)?
    } else {
        let session = ctx.app.start_session(ctx.moment.clone())?;
        let first = session.handle(SessionEvent::Start { at_ms: START_MS })?;
        (session, START_MS, first)
    };
    let interactive = !ctx.json && std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let mut clock = RealClock::new(start_ms, args.speed);
    let mode = if interactive {
        Mode::Interactive
    } else if ctx.json {
        Mode::Quiet
    } else {
        Mode::Lines
    };
    if mode != Mode::Quiet {
        print_intro(&first, interactive);
    }
    match guide(&session, &mut clock, mode, first)? {
        Outcome::Quit { at_ms } => {
            save_snapshot(&snapshot_path, &session, at_ms, &ctx.date)?;
            if ctx.json {
                return ctx.print_json(&json!({ "status": "paused", "snapshot": snapshot_path.display().to_string() }));
            }
            println!("Paused and saved. Continue with: firststep session --resume");
            Ok(())
        }
        Outcome::AwaitingPain { at_ms } => {
            let peak = match given_pain {
                Some(p) => p,
                // With --json `main` has already required --pain.
                None => ask_peak_pain()?,
            };
            let effort = match args.effort {
                Some(e) => Some(e.into()),
                None if mode == Mode::Interactive || (mode == Mode::Lines && std::io::stdin().is_terminal()) => ask_effort(ctx)?,
                None => None,
            };
            let records = finish(ctx, &session, at_ms, peak, effort)?;
            let _ = std::fs::remove_file(&snapshot_path);
            if ctx.json {
                return ctx.print_json(&json!({ "records": records }));
            }
            println!("{}", summary(&records));
            Ok(())
        }
    }
}

/// Ends the session with the peak pain and stores its records; `effort` goes on the exercises
/// whose load is set by effort (rule P5).
pub fn finish(ctx: &Context, session: &GuidedSession, at_ms: i64, peak_pain: u8, effort: Option<CoreEffort>) -> CliResult<Vec<SessionRecord>> {
    session.handle(SessionEvent::Finish { at_ms, peak_pain })?;
    let mut records = session.records()?;
    if effort.is_some() {
        let asks = effort_exercises(ctx)?;
        for r in records.iter_mut().filter(|r| asks.contains(&r.exercise_id)) {
            r.effort = effort;
        }
    }
    ctx.app.save_session(ctx.moment.clone(), records.clone())?;
    Ok(records)
}

/// Ids of today's exercises whose load is set by effort (rule P5).
fn effort_exercises(ctx: &Context) -> CliResult<Vec<String>> {
    Ok(ctx.app.program()?.map(|p| p.exercises.into_iter().filter(|e| e.asks_effort).map(|e| e.exercise_id).collect()).unwrap_or_default())
}

/// Asks how the calf ladder's load felt (rule P5), when today's session had an exercise loaded by
/// effort. An empty answer skips it: the session still counts.
fn ask_effort(ctx: &Context) -> CliResult<Option<CoreEffort>> {
    if effort_exercises(ctx)?.is_empty() {
        return Ok(None);
    }
    let stdin = std::io::stdin();
    loop {
        print!("How did the calf load feel? e = too easy (could do several more), r = right, h = too hard, Enter = skip: ");
        let _ = std::io::stdout().flush();
        let mut line = String::new();
        if stdin.read_line(&mut line).map_err(|e| CliError::invalid("effort", e))? == 0 {
            return Ok(None);
        }
        match line.trim() {
            "" => return Ok(None),
            "e" => return Ok(Some(CoreEffort::TooEasy)),
            "r" => return Ok(Some(CoreEffort::Right)),
            "h" => return Ok(Some(CoreEffort::TooHard)),
            _ => println!("  please type e, r or h, or press Enter to skip"),
        }
    }
}

/// What the runner saw at the end.
pub fn summary(records: &[SessionRecord]) -> String {
    let mut out = vec!["Session saved:".to_string()];
    for r in records {
        let amount = match (r.reps_done, r.hold_seconds_done) {
            (Some(reps), _) => format!("{} × {reps} reps", r.sets_done),
            (None, Some(hold)) => format!("{} × {hold} s", r.sets_done),
            _ => format!("{} sets", r.sets_done),
        };
        let state = if r.completed { "complete" } else { "partial" };
        let felt = match r.effort {
            Some(CoreEffort::TooEasy) => ", load too easy",
            Some(CoreEffort::Right) => ", load right",
            Some(CoreEffort::TooHard) => ", load too hard",
            None => "",
        };
        out.push(format!("  ✓ {} (L{}): {amount}, {state}, peak pain {}/10{felt}", r.exercise_id, r.level, r.peak_pain));
    }
    out.push("Well done. Log tomorrow's first-step pain: it decides when you move up a level.".to_string());
    out.join("\n")
}

/// How the session is shown and driven.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Raw-mode keys and a live status line.
    Interactive,
    /// One line per cue; self-paced reps are marked done automatically.
    Lines,
    /// Like `Lines`, printing nothing (for `--json`).
    Quiet,
}

/// How a guided run ended.
pub enum Outcome {
    /// All steps done; the engine waits for the peak pain.
    AwaitingPain { at_ms: i64 },
    /// The runner pressed q (the session is paused at `at_ms`).
    Quit { at_ms: i64 },
}

/// The engine's monotonic clock.
pub trait Clock {
    /// Current virtual time (ms).
    fn now_ms(&mut self) -> i64;
    /// Waits one tick (or, for a simulated clock, advances time by one tick).
    fn tick(&mut self);
}

/// Real elapsed time × speed.
pub struct RealClock {
    base_ms: i64,
    started: Instant,
    speed: f64,
}

impl RealClock {
    /// A clock reading `base_ms` now and running `speed` times faster than real time.
    pub fn new(base_ms: i64, speed: f64) -> Self {
        RealClock { base_ms, started: Instant::now(), speed }
    }
}

impl Clock for RealClock {
    fn now_ms(&mut self) -> i64 {
        self.base_ms + (self.started.elapsed().as_secs_f64() * 1000.0 * self.speed) as i64
    }
    fn tick(&mut self) {
        std::thread::sleep(TICK);
    }
}

/// A clock that moves only when ticked: no sleeps (for `demo --fast`).
pub struct SimClock {
    now_ms: i64,
}

impl SimClock {
    /// A simulated clock starting at `start_ms`.
    pub fn new(start_ms: i64) -> Self {
        SimClock { now_ms: start_ms }
    }
}

impl Clock for SimClock {
    fn now_ms(&mut self) -> i64 {
        self.now_ms
    }
    fn tick(&mut self) {
        self.now_ms += SIM_TICK_MS;
    }
}

/// Drives a started session until all steps are done or the runner quits.
/// `first` is the state returned by the event that started (or resumed) it: its cues are shown first.
pub fn guide(session: &GuidedSession, clock: &mut dyn Clock, mode: Mode, first: SessionState) -> CliResult<Outcome> {
    let _raw = if mode == Mode::Interactive { Some(RawMode::enable()?) } else { None };
    let mut screen = Screen { mode, last_exercise: None };
    screen.show(&first)?;
    loop {
        let now = clock.now_ms();
        let state = session.state_at(now)?;
        screen.show(&state)?;
        match state.status {
            SessionStatus::AwaitingPain | SessionStatus::Finished => {
                screen.end()?;
                return Ok(Outcome::AwaitingPain { at_ms: now });
            }
            _ => {}
        }
        if mode != Mode::Interactive {
            if state.phase == Phase::SelfPacedRep && state.status == SessionStatus::Running {
                let state = session.handle(SessionEvent::RepDone { at_ms: now })?;
                screen.show(&state)?;
                continue;
            }
            clock.tick();
            continue;
        }
        // Interactive: wait for a key up to one tick.
        if !event::poll(TICK).map_err(term_error)? {
            continue;
        }
        let Event::Key(key) = event::read().map_err(term_error)? else { continue };
        if key.kind == KeyEventKind::Release {
            continue;
        }
        let at_ms = clock.now_ms();
        let event = match key.code {
            KeyCode::Char('q') | KeyCode::Esc => Some(None),
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => Some(None),
            KeyCode::Char(' ') => Some(Some(if state.status == SessionStatus::Paused {
                SessionEvent::Resume { at_ms }
            } else {
                SessionEvent::Pause { at_ms }
            })),
            KeyCode::Char('s') => Some(Some(SessionEvent::SkipStep { at_ms })),
            KeyCode::Char('r') => Some(Some(SessionEvent::RepeatStep { at_ms })),
            KeyCode::Enter => Some(Some(SessionEvent::RepDone { at_ms })),
            _ => None,
        };
        match event {
            Some(None) => {
                if session.state_at(at_ms)?.status == SessionStatus::Running {
                    session.handle(SessionEvent::Pause { at_ms })?;
                }
                screen.end()?;
                return Ok(Outcome::Quit { at_ms });
            }
            Some(Some(event)) => {
                // A key that does not fit the moment (e.g. Enter during a timed step) is shown, not fatal.
                match session.handle(event) {
                    Ok(state) => screen.show(&state)?,
                    Err(err) => screen.note(&CliError::from(err).message)?,
                }
            }
            None => {}
        }
    }
}

/// Output for the guided session.
struct Screen {
    mode: Mode,
    last_exercise: Option<u32>,
}

impl Screen {
    fn show(&mut self, state: &SessionState) -> CliResult {
        if self.mode == Mode::Quiet {
            return Ok(());
        }
        let mut out = std::io::stdout();
        let newline = if self.mode == Mode::Interactive { "\r\n" } else { "\n" };
        if self.mode == Mode::Interactive {
            queue!(out, cursor::MoveToColumn(0), terminal::Clear(terminal::ClearType::CurrentLine)).map_err(term_error)?;
        }
        if self.last_exercise != Some(state.exercise_index) && state.status != SessionStatus::AwaitingPain {
            self.last_exercise = Some(state.exercise_index);
            let sets = if state.set_count == 1 { "set" } else { "sets" };
            let text = format!(
                "▶ {} ({} of {}) · level {} · {} {sets}",
                state.exercise_name,
                state.exercise_index + 1,
                state.exercise_count,
                state.level,
                state.set_count
            );
            write!(out, "{text}{newline}").map_err(term_error)?;
        }
        for cue in &state.cues {
            // The cue's own due time (not the query time), so late cues still read in order.
            write!(out, "  {} {}{newline}", clock_text(cue.at_ms - START_MS), cue.text).map_err(term_error)?;
        }
        if self.mode == Mode::Interactive {
            let (width, _) = terminal::size().unwrap_or((80, 24));
            let line: String = status_line(state).chars().take(width.saturating_sub(1) as usize).collect();
            queue!(out, style::Print(line)).map_err(term_error)?;
        }
        out.flush().map_err(term_error)
    }

    fn note(&mut self, text: &str) -> CliResult {
        if self.mode == Mode::Quiet {
            return Ok(());
        }
        let mut out = std::io::stdout();
        queue!(out, cursor::MoveToColumn(0), terminal::Clear(terminal::ClearType::CurrentLine)).map_err(term_error)?;
        write!(out, "  ({text})\r\n").map_err(term_error)?;
        out.flush().map_err(term_error)
    }

    fn end(&mut self) -> CliResult {
        if self.mode == Mode::Interactive {
            let mut out = std::io::stdout();
            write!(out, "\r\n").map_err(term_error)?;
            out.flush().map_err(term_error)?;
        }
        Ok(())
    }
}

/// "Calf raise · set 1/3 · rep 4/12 · left · Up 3 s · 2.4 s · ████░░░░ 31 %"
pub fn status_line(state: &SessionState) -> String {
    let mut parts = vec![state.exercise_name.clone()];
    if state.set > 0 {
        parts.push(format!("set {}/{}", state.set, state.set_count));
    }
    if state.rep > 0 && state.rep_count > 1 {
        parts.push(format!("rep {}/{}", state.rep, state.rep_count));
    }
    if !matches!(state.side, firststep_core::model::Side::None) {
        parts.push(words(&state.side));
    }
    parts.push(state.phase_label.clone());
    match state.seconds_remaining {
        Some(s) => parts.push(format!("{s:.1} s")),
        None if state.phase == Phase::SelfPacedRep => parts.push("press Enter when done".to_string()),
        None => {}
    }
    let filled = (state.session_progress.clamp(0.0, 1.0) * 10.0).round() as usize;
    parts.push(format!("{}{} {:.0} %", "█".repeat(filled), "░".repeat(10 - filled), state.session_progress * 100.0));
    if state.status == SessionStatus::Paused {
        parts.push("PAUSED (space to continue)".to_string());
    }
    parts.join(" · ")
}

/// Session time (virtual, pauses included) as m:ss.
fn clock_text(ms: i64) -> String {
    let s = ms.max(0) / 1000;
    format!("{:>2}:{:02}", s / 60, s % 60)
}

fn print_intro(first: &SessionState, interactive: bool) {
    println!("Guided session · {} exercise(s)", first.exercise_count);
    if interactive {
        println!("keys: space pause/resume · s skip step · r repeat step · Enter rep done · q quit (saved)");
    }
}

/// Switches the terminal to raw mode and back (also when leaving by an error).
struct RawMode;

impl RawMode {
    fn enable() -> CliResult<RawMode> {
        terminal::enable_raw_mode().map_err(term_error)?;
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = terminal::disable_raw_mode();
    }
}

fn term_error(err: std::io::Error) -> CliError {
    CliError::state(format!("terminal: {err}"))
}

fn check_peak_pain(value: i64) -> CliResult<u8> {
    u8::try_from(value)
        .ok()
        .filter(|v| *v <= 10)
        .ok_or_else(|| CliError::invalid("pain", format!("pain must be in 0..=10 (got {value})")))
}

/// Asks for the peak pain on stdin until a valid 0–10 arrives (never with `--json`).
fn ask_peak_pain() -> CliResult<u8> {
    let stdin = std::io::stdin();
    let say = |text: &str| {
        print!("{text}");
        let _ = std::io::stdout().flush();
    };
    loop {
        say("Peak heel pain during the session (0–10): ");
        let mut line = String::new();
        let read = stdin.read_line(&mut line).map_err(|e| CliError::invalid("pain", e))?;
        if read == 0 {
            return Err(CliError::invalid("pain", "no peak pain given (input ended); pass --pain N; nothing was saved"));
        }
        match line.trim().parse::<i64>().map_err(|_| ()).and_then(|v| check_peak_pain(v).map_err(|_| ())) {
            Ok(p) => return Ok(p),
            Err(()) => say("  please enter a whole number from 0 to 10\n"),
        }
    }
}

/// The file kept next to the database when the runner quits a session.
#[derive(Serialize, Deserialize)]
struct SavedSession {
    /// The engine's snapshot string.
    snapshot: String,
    /// The virtual clock at the pause, so time continues from there.
    clock_ms: i64,
    /// The day the session belongs to.
    date: String,
}

fn save_snapshot(path: &Path, session: &GuidedSession, clock_ms: i64, date: &str) -> CliResult {
    let saved = SavedSession { snapshot: session.snapshot(), clock_ms, date: date.to_string() };
    let text = serde_json::to_string(&saved).map_err(|e| CliError::state(e.to_string()))?;
    std::fs::write(path, text).map_err(|e| CliError::io(path, e))
}

fn resume(path: &Path) -> CliResult<(Arc<GuidedSession>, i64, SessionState)> {
    let text = std::fs::read_to_string(path)
        .map_err(|_| CliError::state(format!("no paused session to resume ({} not found); start one with: firststep session", path.display())))?;
    let saved: SavedSession = serde_json::from_str(&text)
        .map_err(|e| CliError::state(format!("the paused session {} is unreadable ({e}); start a new one", path.display())))?;
    let session = GuidedSession::restore(saved.snapshot)?;
    let mut state = session.state_at(saved.clock_ms)?;
    if state.status == SessionStatus::Paused {
        state = session.handle(SessionEvent::Resume { at_ms: saved.clock_ms })?;
    }
    println!("Resuming the session of {}.", saved.date);
    Ok((session, saved.clock_ms, state))
}

/// The optional effort answer of `session log` (rule P5).
struct Effort {
    effort: Option<CoreEffort>,
    reps_in_reserve: Option<i64>,
}

/// `session log`: one exercise done without the guide.
#[allow(clippy::too_many_arguments)]
fn log(ctx: &Context, exercise: String, sets: i64, reps: Option<i64>, hold: Option<i64>, pain: i64, partial: bool, effort: Effort) -> CliResult {
    let record =
        ctx.app.log_session(ctx.moment.clone(), None, exercise, sets, reps, hold, pain, !partial, effort.effort, effort.reps_in_reserve)?;
    if ctx.json {
        return ctx.print_json(&record);
    }
    println!("{}", summary(std::slice::from_ref(&record)).lines().take(2).collect::<Vec<_>>().join("\n"));
    Ok(())
}
