//! One line of the history file. Field names are a stored format: add, never rename.

use chrono::{DateTime, DurationRound, FixedOffset};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::clean;

/// Local time now with its UTC offset, to the millisecond: the timestamp of a new line.
#[expect(
    clippy::disallowed_methods,
    reason = "the one place the wall clock is read: history lines are stamped in the world, and the machines are given the time"
)]
pub fn now() -> DateTime<FixedOffset> {
    let now = chrono::Local::now().fixed_offset();
    now.duration_trunc(chrono::TimeDelta::milliseconds(1))
        .unwrap_or(now)
}

/// Activities of the functional scale a weekly check keeps (CLINICAL.md section 5: up to 3-5).
pub const ACTIVITIES_MAX: usize = 3;

/// The format version written by this build. Lines from a newer version are kept but skipped.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "FlatEntry")]
pub struct Entry {
    /// Format version.
    pub v: u32,
    pub id: Uuid,
    /// Local time with its UTC offset, when it happened.
    pub at: DateTime<FixedOffset>,
    #[serde(flatten)]
    pub event: Event,
}

impl Entry {
    /// A new line of this version, with a fresh id, happening now.
    pub fn new(event: Event) -> Entry {
        Entry::at(now(), event)
    }

    /// A new line of this version, with a fresh id, that happened at `at`.
    #[expect(
        clippy::disallowed_methods,
        reason = "a line's id is a v7 UUID, made as the line is stamped, in the world"
    )]
    pub fn at(at: DateTime<FixedOffset>, event: Event) -> Entry {
        Entry {
            v: VERSION,
            id: Uuid::now_v7(),
            at,
            event,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    SessionStarted {
        session: Uuid,
        routine: String,
        /// SHA-256 of the routine file's text, so a changed routine is told apart.
        routine_hash: String,
        /// The routine's planned time, seconds: how much of it was done is read against this.
        /// Lines written before unknot kept it have none.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        planned_s: Option<f64>,
    },
    CheckIn(CheckIn),
    StepDone {
        session: Uuid,
        step: usize,
        title: String,
        planned_s: f64,
        actual_s: f64,
        skipped: bool,
    },
    SessionEnded {
        session: Uuid,
        outcome: Outcome,
        elapsed_s: f64,
    },
    /// Safety questions answered, or cautions shown.
    Safety(SafetyCheck),
    /// The pain-monitoring rule paused a session, and what the person chose.
    PainRule {
        session: Uuid,
        trigger: PainTrigger,
        choice: PainChoice,
    },
    /// A sitting-break prompt of `unknot desk`, and what the person answered.
    SittingBreak(SittingBreak),
    /// The weekly check: leg and back pain, numbness, weakness, and the functional scale.
    WeeklyCheck(WeeklyCheck),
}

impl Event {
    /// The session this event belongs to, if it belongs to one.
    pub fn session(&self) -> Option<Uuid> {
        match self {
            Event::SessionStarted { session, .. }
            | Event::StepDone { session, .. }
            | Event::SessionEnded { session, .. }
            | Event::PainRule { session, .. } => Some(*session),
            Event::CheckIn(check_in) => check_in.session,
            Event::Safety(_) | Event::SittingBreak(_) | Event::WeeklyCheck(_) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafetyCheck {
    pub check: SafetyKind,
    /// Numbers (from 1) of the emergency questions answered yes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emergency_yes: Vec<u8>,
    /// Numbers (from 1) of the see-a-doctor-first questions answered yes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub doctor_yes: Vec<u8>,
    pub result: SafetyResult,
}

impl SafetyCheck {
    /// The self-massage cautions were shown.
    pub fn cautions_shown() -> SafetyCheck {
        SafetyCheck {
            check: SafetyKind::MassageCautions,
            emergency_yes: Vec::new(),
            doctor_yes: Vec::new(),
            result: SafetyResult::Shown,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SafetyKind {
    /// Every question, before the first session and every 30 days.
    Screening,
    /// "Any new symptoms?" before other sessions.
    QuickCheck,
    /// The self-massage cautions were shown.
    MassageCautions,
    /// After a sign for a doctor was answered: has a doctor checked it since? Then the quick
    /// check.
    Recheck,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SafetyResult {
    Clear,
    /// An emergency sign: told to get help now; no session.
    Emergency,
    /// A reason to see a doctor first; the person said a doctor has checked it.
    SeeDoctorContinued,
    /// A reason to see a doctor first; the person stopped.
    SeeDoctorStopped,
    /// Asked again: a doctor has checked it since, and nothing new has started.
    DoctorChecked,
    /// A reason to book a GP appointment; gentle routines meanwhile.
    SeeGp,
    /// Not all questions were answered; no session.
    NotAnswered,
    /// Cautions shown.
    Shown,
}

/// The weekly check (CLINICAL.md section 5): the symptoms sciatica trials track separately, and
/// the Patient-Specific Functional Scale. Saved after each answer under one form id; the last
/// line of a form holds all its answers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WeeklyCheck {
    pub form: Uuid,
    /// Leg pain this week, 0-10 on the numeric rating scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leg_pain: Option<u8>,
    /// Back pain this week, 0-10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub back_pain: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbness: Option<bool>,
    /// Weakness in the leg or foot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weakness: Option<bool>,
    /// The functional scale: up to three activities the person finds hard, each rated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
}

/// One activity of the Patient-Specific Functional Scale (Stratford 1995).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// In the person's own words: "sitting through a film".
    pub name: String,
    /// 0 unable to do it, 10 able to do it as before the problem; `None` not rated this week.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
}

impl WeeklyCheck {
    /// The functional scale's score: the average of the activities rated, 0-10.
    pub fn function(&self) -> Option<f64> {
        let scores: Vec<f64> = self
            .activities
            .iter()
            .filter_map(|a| a.score.map(f64::from))
            .collect();
        (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SittingBreak {
    pub answer: BreakAnswer,
    /// Seconds sat since the last break ended, or since `unknot desk` started.
    pub sitting_s: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakAnswer {
    /// The desk-break routine was started.
    Taken,
    /// Asked again after the snooze.
    Snoozed,
    Skipped,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PainTrigger {
    /// 2 or more points above the starting score.
    Rise,
    /// Above 5.
    High,
    /// Spread further down the leg.
    Spread,
    /// The person pressed "this hurts".
    ThisHurts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PainChoice {
    Stop,
    Skip,
    Gentler,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Completed,
    Quit,
    Interrupted,
}

/// A pain check-in. A form answered question by question is saved after each answer, every
/// save a new line with the same `form`; the last line of a form holds all its answers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CheckIn {
    pub form: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Uuid>,
    pub moment: Moment,
    /// For check-ins during a session: the title of the step just before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_step: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain: Option<u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<Area>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<BodySide>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbness: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub felt: Option<Felt>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Moment {
    Before,
    During,
    After,
    /// The morning after a session, asked when that session raised the pain.
    NextMorning,
    /// A quick log outside any session.
    #[default]
    Log,
}

/// Where the pain is felt, from the back down the leg.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Back,
    Buttock,
    Thigh,
    Calf,
    Foot,
}

impl Area {
    pub const ALL: [Area; 5] = [
        Area::Back,
        Area::Buttock,
        Area::Thigh,
        Area::Calf,
        Area::Foot,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum BodySide {
    Left,
    Right,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Felt {
    Better,
    Same,
    Worse,
}

/// A line read as one flat record, then checked for the fields its type needs. Reading this way
/// avoids buffering each line to find its tag first, which made loading several times slower.
/// Its free text, written by any unknot, edited by hand or imported, is cleaned as the line is
/// read (`clean::bounded`), so no screen or export ever carries a terminal command or runs on.
#[derive(Deserialize)]
struct FlatEntry {
    v: u32,
    id: Uuid,
    #[serde(deserialize_with = "super::timestamp::deserialize")]
    at: DateTime<FixedOffset>,
    #[serde(rename = "type")]
    kind: Kind,
    session: Option<Uuid>,
    routine: Option<String>,
    routine_hash: Option<String>,
    form: Option<Uuid>,
    moment: Option<Moment>,
    after_step: Option<String>,
    pain: Option<u8>,
    #[serde(default)]
    areas: Vec<Area>,
    side: Option<BodySide>,
    numbness: Option<bool>,
    felt: Option<Felt>,
    note: Option<String>,
    step: Option<usize>,
    title: Option<String>,
    planned_s: Option<f64>,
    actual_s: Option<f64>,
    skipped: Option<bool>,
    outcome: Option<Outcome>,
    elapsed_s: Option<f64>,
    check: Option<SafetyKind>,
    #[serde(default)]
    emergency_yes: Vec<u8>,
    #[serde(default)]
    doctor_yes: Vec<u8>,
    result: Option<SafetyResult>,
    trigger: Option<PainTrigger>,
    choice: Option<PainChoice>,
    answer: Option<BreakAnswer>,
    sitting_s: Option<f64>,
    leg_pain: Option<u8>,
    back_pain: Option<u8>,
    weakness: Option<bool>,
    #[serde(default)]
    activities: Vec<Activity>,
}

/// A routine's or a step's title, as one line of at most [`clean::TITLE_MAX`] characters.
fn title(read: Option<String>) -> Option<String> {
    read.map(|t| clean::bounded_string(t, clean::TITLE_MAX))
}

/// A note, as one line of at most [`clean::NOTE_MAX`] characters; none when nothing is left.
fn note(read: Option<String>) -> Option<String> {
    read.map(|n| clean::bounded_string(n, clean::NOTE_MAX))
        .filter(|n| !n.is_empty())
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    SessionStarted,
    CheckIn,
    StepDone,
    SessionEnded,
    Safety,
    PainRule,
    SittingBreak,
    WeeklyCheck,
}

impl TryFrom<FlatEntry> for Entry {
    type Error = String;

    fn try_from(f: FlatEntry) -> Result<Entry, String> {
        fn need<T>(value: Option<T>, field: &str) -> Result<T, String> {
            value.ok_or_else(|| format!("missing field `{field}`"))
        }
        let event = match f.kind {
            Kind::SessionStarted => Event::SessionStarted {
                session: need(f.session, "session")?,
                routine: need(title(f.routine), "routine")?,
                routine_hash: need(f.routine_hash, "routine_hash")?,
                planned_s: f.planned_s,
            },
            Kind::CheckIn => Event::CheckIn(CheckIn {
                form: need(f.form, "form")?,
                session: f.session,
                moment: need(f.moment, "moment")?,
                after_step: title(f.after_step),
                pain: f.pain.filter(|p| *p <= 10),
                areas: f.areas,
                side: f.side,
                numbness: f.numbness,
                felt: f.felt,
                note: note(f.note),
            }),
            Kind::StepDone => Event::StepDone {
                session: need(f.session, "session")?,
                step: need(f.step, "step")?,
                title: need(title(f.title), "title")?,
                planned_s: need(f.planned_s, "planned_s")?,
                actual_s: need(f.actual_s, "actual_s")?,
                skipped: need(f.skipped, "skipped")?,
            },
            Kind::SessionEnded => Event::SessionEnded {
                session: need(f.session, "session")?,
                outcome: need(f.outcome, "outcome")?,
                elapsed_s: need(f.elapsed_s, "elapsed_s")?,
            },
            Kind::Safety => Event::Safety(SafetyCheck {
                check: need(f.check, "check")?,
                emergency_yes: f.emergency_yes,
                doctor_yes: f.doctor_yes,
                result: need(f.result, "result")?,
            }),
            Kind::PainRule => Event::PainRule {
                session: need(f.session, "session")?,
                trigger: need(f.trigger, "trigger")?,
                choice: need(f.choice, "choice")?,
            },
            Kind::WeeklyCheck => Event::WeeklyCheck(WeeklyCheck {
                form: need(f.form, "form")?,
                leg_pain: f.leg_pain.filter(|p| *p <= 10),
                back_pain: f.back_pain.filter(|p| *p <= 10),
                numbness: f.numbness,
                weakness: f.weakness,
                activities: f
                    .activities
                    .into_iter()
                    .take(ACTIVITIES_MAX)
                    .map(|a| Activity {
                        name: clean::bounded_string(a.name, clean::TITLE_MAX),
                        score: a.score.filter(|s| *s <= 10),
                    })
                    .filter(|a| !a.name.is_empty())
                    .collect(),
            }),
            Kind::SittingBreak => Event::SittingBreak(SittingBreak {
                answer: need(f.answer, "answer")?,
                sitting_s: need(
                    f.sitting_s.filter(|s| s.is_finite() && *s >= 0.0),
                    "sitting_s",
                )?,
            }),
        };
        Ok(Entry {
            v: f.v,
            id: f.id,
            at: f.at,
            event,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_in_line_is_flat_and_leaves_out_what_was_not_answered() {
        let entry = Entry {
            v: VERSION,
            id: Uuid::nil(),
            at: DateTime::parse_from_rfc3339("2026-11-21T08:30:00+01:00").unwrap(),
            event: Event::CheckIn(CheckIn {
                form: Uuid::nil(),
                moment: Moment::Log,
                pain: Some(4),
                areas: vec![Area::Buttock, Area::Thigh],
                ..CheckIn::default()
            }),
        };
        let line = serde_json::to_string(&entry).unwrap();
        assert_eq!(
            line,
            r#"{"v":1,"id":"00000000-0000-0000-0000-000000000000","at":"2026-11-21T08:30:00+01:00","type":"check_in","form":"00000000-0000-0000-0000-000000000000","moment":"log","pain":4,"areas":["buttock","thigh"]}"#
        );
        let back: Entry = serde_json::from_str(&line).unwrap();
        assert_eq!(back, entry);
    }

    #[test]
    fn every_number_in_a_line_reads_back_exactly_as_written() {
        // Read with a parser that only comes close, the last digit of such a number changes:
        // an export, or a derived file, would then say other than the history says.
        let line = r#"{"v":1,"id":"00000000-0000-0000-0000-000000000001","at":"2026-11-21T08:30:00+01:00","type":"step_done","session":"00000000-0000-0000-0000-000000000002","step":0,"title":"Ball","planned_s":60.0,"actual_s":2765.4658335185522,"skipped":false}"#;
        let entry: Entry = serde_json::from_str(line).unwrap();
        assert_eq!(serde_json::to_string(&entry).unwrap(), line);
        let Event::StepDone { actual_s, .. } = entry.event else {
            panic!("not a step: {entry:?}");
        };
        assert_eq!(actual_s.to_bits(), 2_765.465_833_518_552_2_f64.to_bits());
    }

    #[test]
    fn text_in_a_line_is_read_as_one_clean_line_of_bounded_length() {
        let line = format!(
            r#"{{"v":1,"id":"00000000-0000-0000-0000-000000000001","at":"2026-11-21T08:30:00+01:00","type":"check_in","form":"00000000-0000-0000-0000-000000000002","moment":"during","after_step":"Ball\u001b]0;owned\u0007\u202e","note":"sore\n\tleft\u009b2J{}"}}"#,
            "x".repeat(1000)
        );
        let entry: Entry = serde_json::from_str(&line).unwrap();
        let Event::CheckIn(check_in) = &entry.event else {
            panic!("{entry:?}")
        };
        assert_eq!(check_in.after_step.as_deref(), Some("Ball]0;owned"));
        let note = check_in.note.as_deref().unwrap();
        assert!(note.starts_with("sore left2Jxxx"), "{note}");
        assert_eq!(note.chars().count(), clean::NOTE_MAX);
        // Written back and read again, it is the same.
        let again: Entry = serde_json::from_str(&serde_json::to_string(&entry).unwrap()).unwrap();
        assert_eq!(again, entry);

        let line = format!(
            r#"{{"v":1,"id":"00000000-0000-0000-0000-000000000003","at":"2026-11-21T08:30:00+01:00","type":"step_done","session":"00000000-0000-0000-0000-000000000004","step":0,"title":"{}\r\n","planned_s":1.0,"actual_s":1.0,"skipped":false}}"#,
            "t".repeat(500)
        );
        let entry: Entry = serde_json::from_str(&line).unwrap();
        let Event::StepDone { title, .. } = &entry.event else {
            panic!("{entry:?}")
        };
        assert_eq!(title.chars().count(), clean::TITLE_MAX);
        assert!(title.ends_with('…'), "{title}");
    }

    #[test]
    fn a_note_with_nothing_to_show_is_no_note() {
        let line = r#"{"v":1,"id":"00000000-0000-0000-0000-000000000001","at":"2026-11-21T08:30:00+01:00","type":"check_in","form":"00000000-0000-0000-0000-000000000002","moment":"log","note":" \u001b\u0007 "}"#;
        let entry: Entry = serde_json::from_str(line).unwrap();
        let Event::CheckIn(check_in) = &entry.event else {
            panic!("{entry:?}")
        };
        assert_eq!(check_in.note, None);
    }
}
