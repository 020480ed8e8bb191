//! Maintenance (CLINICAL P9, E7): once the heel has settled, the runner is offered a lighter plan
//! that keeps the calf work twice a week; a flare (P3) or two sore mornings bring the full program
//! back, saying why. Pure functions over the validated mornings and the stored choices.

use crate::clinical::pain::{flare_on, Morning};
use crate::day::Day;
use crate::model::{DayPlan, Domain, MaintenanceChoice, MaintenanceChoiceKind, MaintenanceNote, MaintenanceState, Program};

/// rule P9: the program is at least 8 weeks old…
pub const MIN_PROGRAM_DAYS: i32 = 8 * 7;
/// …and morning pain is ≤ 1…
pub const CALM_SCORE_MAX: u8 = 1;
/// …on at least 12 of the last 14 logged mornings.
pub const CALM_MORNINGS: usize = 12;
pub const LOOKED_AT_MORNINGS: usize = 14;
/// rule P9: two mornings ≥ 3 within a week bring the full program back.
pub const SORE_SCORE_MIN: u8 = 3;
pub const SORE_WINDOW_DAYS: i32 = 7;
/// design choice (rule P9): a declined offer, or a return to the full program, is followed by 14
/// days without the offer.
pub const QUIET_DAYS: i32 = 14;
pub use crate::model::CALF_DAYS_IN_CYCLE;
/// design choice (rule P9): after a return to the full program, its reason is shown for 7 days.
pub const BACK_NOTE_DAYS: i32 = 7;

const CALF: &str = "calf_loading";
const STRETCH: &str = "plantar_fascia_stretch";

/// rule P9: where the runner stands on `day`, from the stored choices up to that day.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Standing {
    /// No choice yet, or a decline / return older than the quiet days: the offer may be made.
    Full,
    /// Declined or returned recently: no offer until `until` (exclusive), and the reason of a return.
    Quiet { until: Day, back: Option<(Day, String)> },
    /// Accepted on the day.
    Active { since: Day },
}

pub(crate) fn standing(choices: &[MaintenanceChoice], day: Day) -> Standing {
    let latest = choices.iter().rfind(|c| Day::parse("date", &c.date).is_ok_and(|d| d <= day));
    let Some(latest) = latest else { return Standing::Full };
    let Ok(on) = Day::parse("date", &latest.date) else { return Standing::Full };
    match latest.choice {
        MaintenanceChoiceKind::Accepted => Standing::Active { since: on },
        _ if day.days_since(on) >= QUIET_DAYS => Standing::Full,
        MaintenanceChoiceKind::Declined => Standing::Quiet { until: on.add_days(QUIET_DAYS), back: None },
        MaintenanceChoiceKind::Ended => {
            Standing::Quiet { until: on.add_days(QUIET_DAYS), back: latest.reason.clone().map(|r| (on, r)) }
        }
    }
}

/// rule P9: the mornings allow the offer on `day` (the program's mornings, up to the day): at least
/// 12 of the last 14 logged at 1 or less (design choice: with fewer than 14 logged, 12 must still be).
pub(crate) fn mornings_calm(mornings: &[Morning], day: Day) -> bool {
    let seen: Vec<&Morning> = mornings.iter().filter(|m| m.day <= day).collect();
    let last = &seen[seen.len().saturating_sub(LOOKED_AT_MORNINGS)..];
    last.iter().filter(|m| m.score <= CALM_SCORE_MAX).count() >= CALM_MORNINGS
}

/// rule P9: what ends maintenance accepted on `since`, first found on a day up to `day`: a flare
/// (P3) or two mornings ≥ 3 within 7 days (design choice: only mornings from `since` on count, so
/// the sore mornings allowed before the offer cannot end it at once). The sentence says why.
pub(crate) fn end_of(mornings: &[Morning], since: Day, day: Day) -> Option<(Day, String)> {
    let during: Vec<&Morning> = mornings.iter().filter(|m| m.day >= since && m.day <= day).collect();
    for m in &during {
        if let Some(flare) = flare_on(mornings, m.day) {
            return Some((m.day, format!("Your full program is back after a flare on {}: {}.", m.day.iso(), flare.words())));
        }
        if m.score >= SORE_SCORE_MIN {
            let earlier = during.iter().find(|e| e.day < m.day && m.day.days_since(e.day) < SORE_WINDOW_DAYS && e.score >= SORE_SCORE_MIN);
            if let Some(e) = earlier {
                return Some((
                    m.day,
                    format!(
                        "Your full program is back: two mornings of 3 or more within a week ({} on {} and {} on {}).",
                        e.score,
                        e.day.iso(),
                        m.score,
                        m.day.iso()
                    ),
                ));
            }
        }
    }
    None
}

/// rule P9: the offer's sentence.
pub(crate) fn offer_note() -> MaintenanceNote {
    MaintenanceNote {
        state: MaintenanceState::Offered,
        text: "Your first steps have been nearly pain-free for two weeks and your morning pain has clearly improved. \
               You can switch to maintenance: the calf strengthening twice a week at its current level, the foot stretch \
               before your first steps each morning, and at most one exercise for something still worth working on. \
               A flare brings your full program back."
            .to_string(),
        rule: "P9".to_string(),
    }
}

pub(crate) fn back_note(text: String) -> MaintenanceNote {
    MaintenanceNote { state: MaintenanceState::FullProgramBack, text, rule: "P9".to_string() }
}

/// rule P9: the day's plan during maintenance, from the plan the full program would show that day
/// (`full`, with its flare and impact notes) and the program under the safety screen (`program`):
/// the calf ladder at its current level on two days a week, the plantar-fascia stretch daily, and
/// the first exercise (in program order; design choice) that answers a marked finding of the latest
/// assessment, on its own schedule.
pub(crate) fn plan(program: &Program, full: &DayPlan, since: Day, day: Day, marked: &[Domain]) -> DayPlan {
    let cycle = day.days_since(since).rem_euclid(7);
    let calf_day = CALF_DAYS_IN_CYCLE.contains(&cycle);
    let next_calf = (1..=7).map(|d| day.add_days(d)).find(|d| CALF_DAYS_IN_CYCLE.contains(&d.days_since(since).rem_euclid(7)));
    let extra = program
        .exercises
        .iter()
        .find(|e| e.exercise_id != CALF && e.exercise_id != STRETCH && e.answers.iter().any(|d| marked.contains(d)))
        .map(|e| e.exercise_id.clone());
    let mut exercises = Vec::new();
    for e in &program.exercises {
        let keep = match e.exercise_id.as_str() {
            CALF => calf_day,
            STRETCH => true,
            id => extra.as_deref() == Some(id) && e.is_planned_on(day),
        };
        if keep {
            let mut shown = e.clone();
            if shown.exercise_id == CALF {
                shown.frequency = crate::model::Frequency::TwiceWeekly; // rule P9, E7
            }
            exercises.push(shown);
        }
    }
    let calf_words = match (program.exercises.iter().any(|e| e.exercise_id == CALF), calf_day, next_calf) {
        (false, _, _) => "Maintenance: the foot stretch before your first steps each morning.".to_string(),
        (true, true, _) => "Maintenance: calf strengthening today (twice a week), and the foot stretch before your first steps each morning.".to_string(),
        (true, false, Some(next)) => format!(
            "Maintenance: the foot stretch before your first steps each morning; calf strengthening is twice a week, next on {}.",
            next.iso()
        ),
        (true, false, None) => "Maintenance: the foot stretch before your first steps each morning.".to_string(),
    };
    let minutes = exercises.iter().map(|e| e.minutes).sum();
    DayPlan {
        date: day.iso(),
        exercises,
        note: None,
        minutes,
        flare: full.flare.clone(),
        impact_hold: None,
        hop_check_question: None,
        maintenance: Some(MaintenanceNote {
            state: MaintenanceState::Active,
            text: format!("{calf_words} A flare, or two mornings of 3 or more within a week, brings your full program back."),
            rule: "P9".to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(offset: i32, score: u8) -> Morning {
        Morning { day: Day::parse("t", "2026-09-01").unwrap().add_days(offset), score }
    }

    #[test]
    fn p9_twelve_of_the_last_fourteen_mornings_at_one_or_less() {
        let mut ms: Vec<Morning> = (0..20).map(|d| m(d, if d < 6 { 5 } else { 1 })).collect();
        let day = m(19, 0).day;
        assert!(mornings_calm(&ms, day));
        ms[10].score = 2;
        ms[12].score = 2;
        assert!(mornings_calm(&ms, day), "2 of 14 above 1");
        ms[14].score = 2;
        assert!(!mornings_calm(&ms, day), "3 of 14 above 1");
    }

    #[test]
    fn p9_two_mornings_of_three_in_a_week_end_maintenance() {
        let ms: Vec<Morning> = (0..30).map(|d| m(d, if d == 20 || d == 26 { 3 } else { 1 })).collect();
        let (on, why) = end_of(&ms, m(18, 0).day, m(29, 0).day).unwrap();
        assert_eq!(on, m(20, 0).day, "a 3 after mornings of 1 is already a flare: {why}");
        let ms: Vec<Morning> = (0..30).map(|d| m(d, if (15..30).contains(&d) { if d == 20 || d == 26 { 3 } else { 2 } } else { 2 })).collect();
        let (on, why) = end_of(&ms, m(18, 0).day, m(29, 0).day).unwrap();
        assert_eq!(on, m(26, 0).day, "{why}");
        assert!(why.contains("two mornings of 3 or more within a week"), "{why}");
        let ms: Vec<Morning> = (0..30).map(|d| m(d, if d == 20 || d == 27 { 3 } else { 2 })).collect();
        assert!(end_of(&ms, m(18, 0).day, m(29, 0).day).is_none(), "7 days apart is not within a week");
    }
}
