//! One module per command group. Each `run` prints either the human screen or, with `--json`,
//! the documented JSON (docs/cli.md).

pub mod assess;
pub mod backup;
pub mod import;
pub mod demo;
pub mod exercises;
pub mod home;
pub mod learn;
pub mod log;
pub mod progress;
pub mod psfs;
pub mod report;
pub mod return_to_run;
pub mod reminders;
pub mod session;
pub mod settings;
pub mod today;
pub mod trend;
