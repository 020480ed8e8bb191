//! Which screens a write makes stale, decided once for every shell (issue 26): a shell reloads
//! exactly these after the change and keeps no list of its own.

use serde::{Deserialize, Serialize};

/// A write to the journal, as the shells name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum JournalChange {
    SafetyScreen,
    Assessment,
    PainLogged,
    PainUndone,
    SessionSaved,
    RunLogged,
    RunsImported,
    ClinicianVisit,
    HopCheck,
    Maintenance,
    ReturnToRunTest,
    Psfs,
    SettingsSaved,
    /// A backup restored or a journal imported: everything may differ.
    Imported,
}

/// A screen that shows journal data and so may need reloading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum AppScreen {
    Home,
    Trend,
    Progress,
    Program,
    Lessons,
    Runs,
    ReturnToRun,
    Psfs,
    Settings,
    /// Not a screen: the scheduled notifications (the shells re-plan them).
    Reminders,
}

/// The screens `change` makes stale, in a fixed order (the order of [`AppScreen`]).
///
/// design choice (issue 26): derived from what each screen reads — the morning pain feeds home,
/// the trend, progress (decisions, running light), the program (levels move, P4/P7), the reminders
/// (today's morning reminder is obsolete) and the return-to-run card (RR1 mornings); a session feeds
/// home (done today), the trend (adherence) and the reminders; runs feed home and progress (running
/// light, A7), the trend (weekly distance), the runs list and the return-to-run card; the safety
/// screen and an assessment replace the program and so everything built on it.
#[uniffi::export]
pub fn screens_to_refresh(change: JournalChange) -> Vec<AppScreen> {
    use AppScreen::*;
    let mut screens = match change {
        JournalChange::PainLogged | JournalChange::PainUndone => vec![Home, Trend, Progress, Program, ReturnToRun, Reminders],
        JournalChange::SessionSaved => vec![Home, Trend, Reminders],
        JournalChange::RunLogged | JournalChange::RunsImported => vec![Home, Trend, Progress, Runs, ReturnToRun],
        JournalChange::SafetyScreen => vec![Home, Progress, Program, Lessons, ReturnToRun, Reminders],
        JournalChange::Assessment => vec![Home, Trend, Progress, Program, Lessons, Psfs, Reminders],
        JournalChange::ClinicianVisit => vec![Home, Progress],
        JournalChange::HopCheck => vec![Home, Progress, Program],
        JournalChange::Maintenance => vec![Home, Trend, Progress, Program, Reminders],
        JournalChange::ReturnToRunTest => vec![Home, Progress, Lessons, ReturnToRun],
        JournalChange::Psfs => vec![Home, Progress, Psfs],
        JournalChange::SettingsSaved | JournalChange::Imported => {
            vec![Home, Trend, Progress, Program, Lessons, Runs, ReturnToRun, Psfs, Settings, Reminders]
        }
    };
    screens.sort();
    screens
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL_CHANGES: [JournalChange; 14] = [
        JournalChange::SafetyScreen,
        JournalChange::Assessment,
        JournalChange::PainLogged,
        JournalChange::PainUndone,
        JournalChange::SessionSaved,
        JournalChange::RunLogged,
        JournalChange::RunsImported,
        JournalChange::ClinicianVisit,
        JournalChange::HopCheck,
        JournalChange::Maintenance,
        JournalChange::ReturnToRunTest,
        JournalChange::Psfs,
        JournalChange::SettingsSaved,
        JournalChange::Imported,
    ];

    #[test]
    fn every_write_refreshes_home_and_lists_each_screen_once() {
        for change in ALL_CHANGES {
            let screens = screens_to_refresh(change);
            assert!(screens.contains(&AppScreen::Home), "{change:?}");
            let mut unique = screens.clone();
            unique.dedup();
            assert_eq!(unique, screens, "{change:?}");
        }
    }

    #[test]
    fn a_morning_log_replans_the_reminders_and_a_run_does_not() {
        assert!(screens_to_refresh(JournalChange::PainLogged).contains(&AppScreen::Reminders));
        assert!(screens_to_refresh(JournalChange::PainUndone).contains(&AppScreen::Program));
        assert!(!screens_to_refresh(JournalChange::RunLogged).contains(&AppScreen::Reminders));
        assert!(screens_to_refresh(JournalChange::RunsImported).contains(&AppScreen::Runs));
    }
}
