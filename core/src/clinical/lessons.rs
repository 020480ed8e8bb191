//! Lessons (CLINICAL E1–E7): short reads written once in the core and shared by every shell,
//! released by week on the program and, earlier, by a finding of the latest assessment. Each
//! exercise's "why" links to one lesson ([`lesson_for_exercise`]).
//!
//! Wording follows X1/X3: load and capacity; findings are things to work on, not proven reasons
//! for the pain; timelines are honest ranges (M4), never promises. Every number below cites its
//! CLINICAL id next to it.

use serde::{Deserialize, Serialize};

use crate::clinical::library::exercise_library;
use crate::day::Day;
use crate::error::{CoreError, Result};
use crate::model::Domain;

/// One short read (E1–E7), ready to show.
#[derive(uniffi::Record, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Lesson {
    /// "E1" … "E7" (the CLINICAL id).
    pub id: String,
    pub title: String,
    /// 3–6 short paragraphs, second person, plain words.
    pub body: Vec<String>,
    /// CLINICAL rule ids the lesson rests on.
    pub rules: Vec<String>,
    /// Whole weeks on the program after which it opens (0: from the start).
    pub unlock_week: u32,
    /// Finding domains that open it early (empty: only the week opens it).
    pub domains: Vec<Domain>,
    /// Library exercises whose "why" links to this lesson.
    pub exercise_ids: Vec<String>,
    /// Whether the runner can read it now.
    pub unlocked: bool,
    /// Why it is open ("Available from the start", "Week 2 of your program", "Your calf capacity
    /// finding") or, when locked, when it opens ("Opens in week 3 of your program").
    pub unlocked_because: String,
}

/// The written content of a lesson and when it opens.
struct LessonText {
    id: &'static str,
    title: &'static str,
    body: &'static [&'static str],
    rules: &'static [&'static str],
    /// design choice (CLINICAL E, "released by week"): the week the lesson opens; see [`LESSONS`].
    unlock_week: u32,
    /// design choice: finding domains that open it before its week.
    domains: &'static [Domain],
    /// design choice (E7): a return-to-run self-test (RR1) opens it before its week.
    opened_by_return_to_run_test: bool,
}

/// Week E7 opens, unless a return-to-run self-test (RR1) was taken before.
pub const RETURN_TO_RUN_LESSON_WEEK: u32 = 6;

/// The lessons in reading order. The unlock schedule is a **design choice** (CLINICAL E says only
/// "released by week and tied to findings"; listed in docs/clinical-rules.md):
/// E1 and E4 from the start (week 0: the load idea and the pain rules are needed on day one);
/// E2 at week 1 or with any ankle, calf, foot, balance or hip finding; E3 at week 1; E5 at week 2
/// or with a gait or training-load finding; E6 at week 3; E7 at week 6.
const LESSONS: &[LessonText] = &[
    LessonText {
        id: "E1",
        title: "Your heel is a load problem",
        body: &[
            // rule E1, X3: load and capacity, not tissue damage
            "Plantar heel pain is mostly about load. The thick band under your foot (the plantar fascia) and the calf and Achilles above it have been asked to take more than they could recover from — through running, walking and time on your feet.",
            "So the answer is to adjust the load, not to remove it. Your program calms things down where needed and then builds the capacity of your calf and fascia step by step, so they can take more again.",
            // rule L1: the heavy, slow heel raise ladder; rule P4: moves by response
            "The main tool is the calf and plantar fascia loading ladder: slow heel raises that get heavier over the weeks. The app moves you up, holds you or steps you back by how your heel responds, not by the calendar alone.",
            // rule X1
            "Your assessment findings are things to work on, each shown with its measurement. They are places where more capacity is likely to help, not proof of why your heel hurts.",
        ],
        rules: &["E1", "X1", "X3", "L1", "P4"],
        unlock_week: 0,
        domains: &[],
        opened_by_return_to_run_test: false,
    },
    LessonText {
        id: "E2",
        title: "The chain: calf, Achilles and plantar fascia",
        body: &[
            // rule E2
            "Your calf muscles, your Achilles tendon and your plantar fascia work as one chain. With every step the calf and Achilles lift your heel while the fascia tightens under the arch, so load on one link is shared with the next.",
            "That is why your program trains the calf, and why ankle movement, the small muscles of your foot, balance and hip control can change how much load reaches your heel.",
            // rule X1: weak associations; greater dorsiflexion seen in chronic heel pain (Irving 2007)
            "Be clear about what the research shows: the links between these measurements and heel pain are associations, and weak ones. Some people with long-lasting heel pain even have more ankle movement, not less. A finding is a thing to work on, with its number shown — not a proven reason for your pain.",
            // rule A1, A2: re-assessment every 2 weeks with noise thresholds
            "Working on it is still worthwhile: more capacity along the chain gives your heel more margin. Your re-assessment every 2 weeks shows what changed, and small changes within the measurement noise are not counted as change.",
        ],
        rules: &["E2", "X1", "A1", "A2", "A4"],
        unlock_week: 1,
        domains: &[Domain::AnkleMobility, Domain::CalfCapacity, Domain::FootIntrinsics, Domain::Balance, Domain::HipControl],
        opened_by_return_to_run_test: false,
    },
    LessonText {
        id: "E3",
        title: "Stretching, rolling, inserts and splints",
        body: &[
            // rule E3
            "Stretching the plantar fascia and the calf, rolling the arch, shoe inserts and night splints can ease pain, especially on your first steps in the morning. Think of them as short-term relief, or a bridge while you build capacity.",
            // rule L1: both arms wore inserts; loading better at 3 months, no difference at 1, 6, 12 months
            "On their own they rarely finish the job, as they do not make the tissue stronger. In the trial behind your loading ladder, both groups wore shoe inserts; the group that added heavy, slow heel raises did better at 3 months than the group that only stretched, and by 6 and 12 months the two groups were alike.",
            // rule L3: fascia stretch before the first step
            "That is why the fascia stretch stays in your program every day — before your first step in the morning — next to the loading work, not instead of it.",
            // rule G: options to discuss, no device prescription; night splints 1–3 months
            "The physiotherapy guideline for heel pain also lists hands-on treatment, taping for short-term relief, night splints worn for 1–3 months for first-step pain, and shoe inserts alongside other treatment. These are options to discuss with a clinician; FirstStep does not prescribe devices.",
        ],
        rules: &["E3", "L1", "L3", "G"],
        unlock_week: 1,
        domains: &[],
        opened_by_return_to_run_test: false,
    },
    LessonText {
        id: "E4",
        title: "Pain rules: how much is OK",
        body: &[
            // rule P1: 0–3 safe, 4–5 acceptable, > 5 too much
            "Some heel pain during your exercises is allowed. On the 0–10 scale, 0–3 is safe, 4–5 is acceptable, and above 5 is too much: ease off or stop that exercise.",
            // rule P1: settles by next morning; 24-hour response matters more
            "What matters most is how your heel answers over the next 24 hours. Pain from a session should settle by the next morning. That is why the app asks for your first-step pain each morning: it decides whether you stay, move up or step back.",
            // rule P3: ≥ 2 points above the mean of the previous 7 logged mornings
            "A flare means your morning pain is 2 or more points above your usual — the average of your last 7 logged mornings. After a flare, or a session that went above 5, the exercise steps back one level for a while.",
            // rule P2, P4
            "Flares are a normal part of recovery, not a failure. They show where your current limit is. The load is eased, not stopped, and then built up again once your mornings settle.",
        ],
        rules: &["E4", "P1", "P2", "P3", "P4"],
        unlock_week: 0,
        domains: &[],
        opened_by_return_to_run_test: false,
    },
    LessonText {
        id: "E5",
        title: "Running while your heel recovers",
        body: &[
            // rule X2: reduce, don't eliminate; zero only for R1/R2
            "You rarely have to stop running. The aim is to reduce, not eliminate: the app suggests a distance worked out from your own logged runs, and says no running only after an urgent or no-impact safety answer.",
            // rule A7: single run > 10 % over the longest of 30 days (HR 1.64); weekly > 30 % over 2 weeks (HR 1.59)
            "Spikes matter more than steady running. In large studies of runners, a single run more than 10 % longer than the longest run of the previous 30 days raised the injury risk, and so did weekly distance rising by more than 30 % over 2 weeks. The app warns you about both.",
            // rule A6: +5–10 % step rate, never a fixed number
            "A slightly quicker step rate — about 5–10 % above your own — with the foot landing closer under the knee lowers braking and the load of each step. There is no magic number of steps per minute: your target is your own rate plus 5–10 %.",
            // rule A7: surface and shoe change, race build-up
            "Change one thing at a time. New shoes, a switch to harder surfaces or a race build-up add load too, so avoid stacking them on top of more distance.",
            // rule A7 (Riddle 2003): 8 hours or more a day on the feet at work
            "Time on your feet counts as well. If you stand or walk for 8 hours or more a day at work, wear cushioned, supportive shoes there and take short sitting breaks through the day.",
            // rule RR1: pain during a run ≤ 3 (design)
            "Keep heel pain during a run at 3 or less, and check that the next morning is no worse.",
        ],
        rules: &["E5", "X2", "A7", "A6", "RR1"],
        unlock_week: 2,
        domains: &[Domain::Gait, Domain::TrainingLoad],
        opened_by_return_to_run_test: false,
    },
    LessonText {
        id: "E6",
        title: "Honest timelines",
        body: &[
            // rule M4: meaningful improvement in 4–6 weeks, resolution 8–12 weeks
            "Heel pain usually settles slowly. With consistent work, many people notice a meaningful improvement in 4–6 weeks, and the pain often settles over 8–12 weeks. These are ranges, not promises.",
            // rule M4, L1: benefit of loading showed at 3 months, not 1
            "In the trial behind your loading ladder, the benefit of the heavy calf work showed at 3 months, not at 1 month. A slow first month does not mean it is not working.",
            // rule M4: 80 % of a hospital cohort still had symptoms at 1 year (Hansen 2018)
            "Some heels take longer: in one hospital study, 80 % of people still had some symptoms a year later. A slow recovery is common and does not mean you did something wrong.",
            // rule M1: ≥ 2 points and ≥ 30 % below the baseline
            "The app counts a clear improvement when your 7-day average morning pain is at least 2 points and 30 % below your starting level.",
            // rule R4: 6 weeks with ≥ 70 % of sessions and no improvement; 12 weeks; 2 weeks ≥ 2 points worse
            "See a clinician if, after 6 weeks, you have done at least 7 in 10 of your planned sessions and your pain has not clearly improved; if 12 weeks pass without a clear improvement; or if your morning pain has been 2 or more points above your starting level for 2 weeks. The home screen will tell you too.",
        ],
        rules: &["E6", "M4", "M1", "R4", "L1"],
        unlock_week: 3,
        domains: &[],
        opened_by_return_to_run_test: false,
    },
    LessonText {
        id: "E7",
        title: "Back to running, and staying well",
        body: &[
            // rule RR1: mornings ≤ 2 × 7, 30-min walk ≤ 2, ≥ 25 heel raises or ≥ 90 % of the other side (A2), 10 hops ≤ 2
            "Before you build your running back up, check four things: your first-step pain has been 2 or less on each of the last 7 mornings; a 30-minute brisk walk stays at 2 or less; your sore side does at least 25 single-leg heel raises, or at least 90 % of your other side; and 10 single-leg hops on the sore side stay at 2 or less.",
            // rule RR1: walk-run 1 min run / 1 min walk × 10 → 20 min continuous over 2–3 weeks; run pain ≤ 3
            "Then use walk-run: start with 1 minute of running and 1 minute of walking, 10 times, and build to 20 minutes of continuous running over 2–3 weeks. Keep pain during a run at 3 or less, and check that the next morning is no worse.",
            // rule A7: > 10 % over the longest run of 30 days; > 30 % weekly over 2 weeks
            "After that, grow your running gradually: avoid runs more than 10 % longer than your longest of the last 30 days, and weekly distance rising by more than 30 % over 2 weeks.",
            // rule E7: calf work twice a week after recovery
            "Once your heel has settled, keep the calf work going twice a week. Strength fades when it is not used, and your calf and fascia carry you through every run.",
            // rule RR1 is a design choice from sports-physio practice, not a trial
            "These checks come from common sports-physio practice, not from a trial. Use them as a guide, and ask a clinician if you are unsure.",
        ],
        rules: &["E7", "RR1", "A2", "A7"],
        unlock_week: RETURN_TO_RUN_LESSON_WEEK,
        domains: &[],
        opened_by_return_to_run_test: true,
    },
];

/// Every lesson id, comma-separated (for error messages).
pub fn lesson_ids() -> String {
    LESSONS.iter().map(|l| l.id).collect::<Vec<_>>().join(", ")
}

/// Whole weeks since the program started (week 0 = its first 7 days), `None` without a program.
pub fn program_week(program_start: Option<Day>, today: Day) -> Option<u32> {
    program_start.map(|start| (today.days_since(start).max(0) / 7) as u32)
}

/// Plain words for a finding domain in "Your … finding".
fn domain_words(domain: Domain) -> &'static str {
    match domain {
        Domain::AnkleMobility => "ankle mobility",
        Domain::CalfCapacity => "calf capacity",
        Domain::FootIntrinsics => "foot strength",
        Domain::HipControl => "hip control",
        Domain::Balance => "balance",
        Domain::Gait => "running form",
        Domain::TrainingLoad => "training load",
    }
}

/// Whether a lesson is open and why (or when it opens).
fn unlock_state(text: &LessonText, week: Option<u32>, finding_domains: &[Domain], return_to_run_tested: bool) -> (bool, String) {
    if text.unlock_week == 0 {
        return (true, "Available from the start".to_string());
    }
    if week.is_some_and(|w| w >= text.unlock_week) {
        return (true, format!("Week {} of your program", text.unlock_week));
    }
    if let Some(domain) = text.domains.iter().find(|d| finding_domains.contains(d)) {
        return (true, format!("Your {} finding", domain_words(*domain)));
    }
    if return_to_run_tested && text.opened_by_return_to_run_test {
        return (true, "You took the return-to-run self-test".to_string());
    }
    match week {
        Some(_) => (false, format!("Opens in week {} of your program", text.unlock_week)),
        None => (false, format!("Opens in week {} of your program; take the assessment to start one", text.unlock_week)),
    }
}

fn lesson_from(text: &LessonText, week: Option<u32>, finding_domains: &[Domain], return_to_run_tested: bool) -> Lesson {
    let (unlocked, unlocked_because) = unlock_state(text, week, finding_domains, return_to_run_tested);
    Lesson {
        id: text.id.to_string(),
        title: text.title.to_string(),
        body: text.body.iter().map(|p| (*p).to_string()).collect(),
        rules: text.rules.iter().map(|r| (*r).to_string()).collect(),
        unlock_week: text.unlock_week,
        domains: text.domains.to_vec(),
        exercise_ids: exercise_library().into_iter().map(|e| e.id).filter(|id| lesson_for_exercise(id) == Some(text.id)).collect(),
        unlocked,
        unlocked_because,
    }
}

/// All lessons E1–E7 in reading order, each marked unlocked or not for a program that started on
/// `program_start` (none: only the week-0 lessons, plus those the findings open) and the finding
/// domains of the latest assessment, and whether a return-to-run self-test was taken (opens E7).
/// Pure: `today` is the runner's local date.
pub fn lessons_for(program_start: Option<Day>, today: Day, finding_domains: &[Domain], return_to_run_tested: bool) -> Vec<Lesson> {
    let week = program_week(program_start, today);
    LESSONS.iter().map(|text| lesson_from(text, week, finding_domains, return_to_run_tested)).collect()
}

/// One lesson by id (locked ones too, with when they open); an unknown id is an error listing E1–E7.
pub fn lesson_for(id: &str, program_start: Option<Day>, today: Day, finding_domains: &[Domain], return_to_run_tested: bool) -> Result<Lesson> {
    let text = LESSONS.iter().find(|l| l.id == id).ok_or_else(|| CoreError::unknown("lesson", id, lesson_ids()))?;
    Ok(lesson_from(text, program_week(program_start, today), finding_domains, return_to_run_tested))
}

/// The lesson an exercise's "why" links to: the calf-loading ladder (heel raises and heel drops)
/// → E1, stretches → E3, ankle, foot, balance and hip work → E2, the cadence drill → E5. Pure (it
/// does not read the library, so the library may call it while it is being built). Ids not in the
/// table fall back on words in the id, so a new exercise still gets a sensible lesson; `None` only
/// for an id that matches nothing.
pub fn lesson_for_exercise(exercise_id: &str) -> Option<&'static str> {
    let lesson = match exercise_id {
        "calf_loading" => "E1",
        "plantar_fascia_stretch" | "calf_stretch" => "E3",
        "ankle_mobility" | "towel_scrunch" | "short_foot" | "single_leg_balance" | "side_lying_hip_abduction" | "clamshell"
        | "single_leg_bridge" => "E2",
        "cadence_drill" => "E5",
        other => {
            let has = |words: &[&str]| words.iter().any(|w| other.contains(w));
            if has(&["stretch"]) {
                "E3"
            } else if has(&["cadence", "run", "stride"]) {
                "E5"
            } else if has(&["calf", "heel"]) {
                "E1"
            } else if has(&["ankle", "foot", "toe", "arch", "balance", "hip", "glute", "bridge", "clam", "step", "hop", "squat", "band"]) {
                "E2"
            } else {
                return None;
            }
        }
    };
    Some(lesson)
}

/// The title of the lesson `id`, if it exists (how a link to it reads, CLINICAL X4).
pub fn lesson_title(id: &str) -> Option<&'static str> {
    LESSONS.iter().find(|l| l.id == id).map(|l| l.title)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse("test", text).unwrap()
    }

    fn open_ids(lessons: &[Lesson]) -> Vec<&str> {
        lessons.iter().filter(|l| l.unlocked).map(|l| l.id.as_str()).collect()
    }

    #[test]
    fn lessons_open_by_week_and_by_finding() {
        let start = day("2026-09-01");
        // (program start, today, finding domains, lessons open)
        type Row<'a> = (Option<Day>, &'a str, &'a [Domain], &'a [&'a str]);
        let table: &[Row] = &[
            (Some(start), "2026-09-01", &[], &["E1", "E4"]),
            (Some(start), "2026-09-07", &[], &["E1", "E4"]),
            (Some(start), "2026-09-08", &[], &["E1", "E2", "E3", "E4"]),
            (Some(start), "2026-09-15", &[], &["E1", "E2", "E3", "E4", "E5"]),
            (Some(start), "2026-09-22", &[], &["E1", "E2", "E3", "E4", "E5", "E6"]),
            (Some(start), "2026-10-12", &[], &["E1", "E2", "E3", "E4", "E5", "E6"]),
            (Some(start), "2026-10-13", &[], &["E1", "E2", "E3", "E4", "E5", "E6", "E7"]),
            (None, "2026-10-13", &[], &["E1", "E4"]),
            (None, "2026-09-01", &[Domain::CalfCapacity], &["E1", "E2", "E4"]),
            (Some(start), "2026-09-01", &[Domain::HipControl], &["E1", "E2", "E4"]),
            (Some(start), "2026-09-01", &[Domain::Gait], &["E1", "E4", "E5"]),
            (Some(start), "2026-09-08", &[Domain::TrainingLoad], &["E1", "E2", "E3", "E4", "E5"]),
        ];
        for (program_start, today, domains, open) in table {
            let lessons = lessons_for(*program_start, day(today), domains, false);
            assert_eq!(lessons.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), ["E1", "E2", "E3", "E4", "E5", "E6", "E7"]);
            assert_eq!(open_ids(&lessons), *open, "start {program_start:?}, today {today}, findings {domains:?}");
        }
    }

    #[test]
    fn each_lesson_says_why_it_is_open_or_when_it_opens() {
        let start = Some(day("2026-09-01"));
        let lessons = lessons_for(start, day("2026-09-01"), &[Domain::CalfCapacity], false);
        let by_id = |id: &str| lessons.iter().find(|l| l.id == id).unwrap().clone();
        assert_eq!(by_id("E1").unlocked_because, "Available from the start");
        assert_eq!(by_id("E2").unlocked_because, "Your calf capacity finding");
        assert_eq!(by_id("E6").unlocked_because, "Opens in week 3 of your program");
        assert!(!by_id("E6").unlocked);
        let later = lessons_for(start, day("2026-09-16"), &[], false);
        assert_eq!(later[4].unlocked_because, "Week 2 of your program");
        let none = lessons_for(None, day("2026-09-16"), &[], false);
        assert!(none[2].unlocked_because.starts_with("Opens in week 1 of your program"), "{}", none[2].unlocked_because);
        // A date before the program's start (a re-assessment dated back) counts as week 0.
        assert_eq!(open_ids(&lessons_for(start, day("2026-08-20"), &[], false)), ["E1", "E4"]);
    }

    #[test]
    fn one_lesson_by_id_and_unknown_ids_list_the_lessons() {
        let lesson = lesson_for("E6", Some(day("2026-09-01")), day("2026-09-02"), &[], false).unwrap();
        assert!(!lesson.unlocked);
        assert_eq!(lesson.unlock_week, 3);
        let err = lesson_for("E9", None, day("2026-09-02"), &[], false).unwrap_err();
        assert!(err.to_string().contains("E1, E2, E3, E4, E5, E6, E7"), "{err}");
    }

    #[test]
    fn every_library_exercise_links_to_a_lesson_and_back() {
        let ids: Vec<&str> = LESSONS.iter().map(|l| l.id).collect();
        let library = exercise_library();
        for exercise in &library {
            let lesson = lesson_for_exercise(&exercise.id).unwrap_or_else(|| panic!("{} has no lesson", exercise.id));
            assert!(ids.contains(&lesson), "{} → {lesson}", exercise.id);
        }
        let lessons = lessons_for(None, day("2026-09-01"), &[], false);
        let mut linked = Vec::new();
        for lesson in &lessons {
            for id in &lesson.exercise_ids {
                assert!(library.iter().any(|e| &e.id == id), "{}: {id} is not a library exercise", lesson.id);
                linked.push(id.clone());
            }
        }
        assert_eq!(linked.len(), library.len(), "each exercise is linked from exactly one lesson");
        let expect = [("calf_loading", "E1"), ("plantar_fascia_stretch", "E3"), ("calf_stretch", "E3"), ("ankle_mobility", "E2"),
            ("towel_scrunch", "E2"), ("short_foot", "E2"), ("single_leg_balance", "E2"), ("clamshell", "E2"), ("cadence_drill", "E5")];
        for (exercise, lesson) in expect {
            assert_eq!(lesson_for_exercise(exercise), Some(lesson), "{exercise}");
        }
        assert_eq!(lesson_for_exercise("hip_band_walk"), Some("E2"), "a new hip exercise falls back on E2");
        assert_eq!(lesson_for_exercise("moon_walk"), None);
    }

    #[test]
    fn lessons_are_worded_per_x1_and_x3() {
        for lesson in lessons_for(Some(day("2026-01-01")), day("2026-12-01"), &[], false) {
            assert!((3..=6).contains(&lesson.body.len()), "{}: {} paragraphs", lesson.id, lesson.body.len());
            assert!(lesson.rules.first() == Some(&lesson.id), "{} rests on its own E rule first", lesson.id);
            for paragraph in lesson.body.iter().chain([&lesson.title]) {
                let lower = paragraph.to_lowercase();
                for banned in ["micro-tear", "microtear", "cause", "diagnos", "cure", "guarantee", "180", "further up the chain"] {
                    assert!(!lower.contains(banned), "{}: {banned:?} in {paragraph:?}", lesson.id);
                }
                // "inflammation" only to say it is not that (X3)
                if lower.contains("inflammation") {
                    assert!(lower.contains("not"), "{}: {paragraph:?}", lesson.id);
                }
                assert!(paragraph.chars().count() <= 420, "{}: keep paragraphs short: {paragraph:?}", lesson.id);
            }
        }
    }

    #[test]
    fn lessons_carry_the_numbers_the_brief_requires() {
        let lessons = lessons_for(Some(day("2026-01-01")), day("2026-12-01"), &[], false);
        let text = |id: &str| lessons.iter().find(|l| l.id == id).unwrap().body.join(" ");
        assert!(text("E3").contains("both groups wore shoe inserts") && text("E3").contains("discuss with a clinician"));
        // rule A7 (Riddle 2003): time on the feet at work — footwear and sitting breaks.
        for needle in ["reduce, not eliminate", "10 %", "30 % over 2 weeks", "5–10 %", "shoes", "surfaces", "8 hours or more a day at work",
            "cushioned, supportive shoes", "sitting breaks"] {
            assert!(text("E5").contains(needle), "E5 lacks {needle:?}");
        }
        for needle in ["4–6 weeks", "8–12 weeks", "3 months", "80 %", "6 weeks", "12 weeks", "for 2 weeks"] {
            assert!(text("E6").contains(needle), "E6 lacks {needle:?}");
        }
        for needle in ["2 or less on each of the last 7 mornings", "30-minute brisk walk", "25 single-leg heel raises", "90 %", "10 single-leg hops",
            "1 minute of running and 1 minute of walking, 10 times", "20 minutes", "2–3 weeks", "3 or less", "twice a week"] {
            assert!(text("E7").contains(needle), "E7 lacks {needle:?}");
        }
    }
}
