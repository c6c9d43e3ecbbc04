//! The routine model. Field names are the user-facing contract of routine files.

use std::time::Duration;

use serde::{Deserialize, Deserializer, de};

use super::load::{LeadIn, Reps, RestSeconds, Seconds, Title, Words};
use super::ron_text::Bounded;
use crate::figure::{Figure, PoseName, library};
use crate::{clean, text};

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "RawRoutine")]
pub struct Routine {
    pub title: String,
    pub summary: String,
    pub level: Level,
    /// Routines of one series are the same sequence at different levels, so a person can be
    /// pointed one level up or down.
    pub series: Option<String>,
    /// Seconds of "get ready" before each timed step.
    pub lead_in: u32,
    pub steps: Vec<Step>,
    /// SHA-256 of the file's text, in hex: tells the history when a routine was changed.
    pub hash: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
pub enum Level {
    Gentle,
    Standard,
    Deep,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum StepKind {
    Massage,
    Stretch,
    Movement,
    Rest,
    CheckIn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Tool {
    TennisBall,
    FoamRoller,
    Chair,
    Wall,
    Mat,
}

/// Which side a step works on, as written in the routine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum Sides {
    #[default]
    Both,
    Left,
    Right,
    /// Left, then right.
    Each,
}

/// The side one stretch of work is done on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Sides {
    /// The sides worked in order; `None` means the step is not one-sided.
    pub fn order(self) -> &'static [Option<Side>] {
        match self {
            Sides::Both => &[None],
            Sides::Left => &[Some(Side::Left)],
            Sides::Right => &[Some(Side::Right)],
            Sides::Each => &[Some(Side::Left), Some(Side::Right)],
        }
    }

    /// The sides in words, as a step's line shows them; `None` for a step not one-sided.
    pub fn word(self) -> Option<&'static str> {
        match self {
            Sides::Both => None,
            Sides::Left => Some(text::routine::LEFT_SIDE),
            Sides::Right => Some(text::routine::RIGHT_SIDE),
            Sides::Each => Some(text::routine::EACH_SIDE),
        }
    }
}

impl Side {
    /// "left side", "right side".
    pub fn word(self) -> &'static str {
        match self {
            Side::Left => text::routine::LEFT_SIDE,
            Side::Right => text::routine::RIGHT_SIDE,
        }
    }
}

impl Level {
    /// The level's name: "gentle".
    pub fn word(self) -> &'static str {
        match self {
            Level::Gentle => text::routine::GENTLE,
            Level::Standard => text::routine::STANDARD,
            Level::Deep => text::routine::DEEP,
        }
    }
}

impl Tool {
    /// The tool's name: "tennis ball".
    pub fn word(self) -> &'static str {
        match self {
            Tool::TennisBall => text::routine::TENNIS_BALL,
            Tool::FoamRoller => text::routine::FOAM_ROLLER,
            Tool::Chair => text::routine::CHAIR,
            Tool::Wall => text::routine::WALL,
            Tool::Mat => text::routine::MAT,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "RawStep")]
pub struct Step {
    pub title: String,
    pub kind: StepKind,
    pub tool: Option<Tool>,
    pub sides: Sides,
    /// Work time per rep and per side; zero only for check-ins.
    pub seconds: u32,
    pub reps: u32,
    /// Seconds between reps and between sides.
    pub rest: u32,
    pub wait_for_key: bool,
    pub instructions: Vec<String>,
    pub caution: Option<String>,
    /// The position to show: a pose from the library or the routine's own figure.
    pub figure: Option<Figure>,
}

impl Step {
    pub fn is_check_in(&self) -> bool {
        self.kind == StepKind::CheckIn
    }

    pub fn work(&self) -> Duration {
        Duration::from_secs(u64::from(self.seconds))
    }

    /// The step in one line, on `side`: "Figure-4 stretch, left side, 30 seconds, 3 times",
    /// as plain mode prints it and the voice says it.
    pub fn line(&self, side: Option<Side>) -> String {
        text::session::step_line(
            &self.title,
            side.map(Side::word),
            self.work(),
            self.reps,
            self.is_check_in(),
        )
    }
}

#[cfg(test)]
impl Routine {
    /// A gentle routine called "Test" with these steps, for tests.
    pub fn of_steps(lead_in: u32, steps: Vec<Step>) -> Routine {
        Routine {
            title: "Test".into(),
            summary: String::new(),
            level: Level::Gentle,
            series: None,
            lead_in,
            steps,
            hash: String::new(),
        }
    }
}

impl Routine {
    /// Planned time of the whole routine, lead-ins and rests included; check-ins take no time.
    pub fn planned_duration(&self) -> Duration {
        super::Timeline::new(self).planned_total()
    }

    /// The routine in one line of a list: "Gentle start  ·  gentle  ·  11 min".
    pub fn list_line(&self) -> String {
        text::home::home_line(&self.title, self.level.word(), self.planned_duration())
    }

    /// Steps that run on a timer (everything but check-ins).
    pub fn timed_steps(&self) -> usize {
        self.steps.iter().filter(|s| !s.is_check_in()).count()
    }
}

/// The routine as written, before the checks that span several fields. Named as the file may
/// name it: `Routine( ... )`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Routine")]
struct RawRoutine {
    title: Heading,
    #[serde(default)]
    summary: Sentence,
    level: Level,
    #[serde(default)]
    series: Option<Name>,
    #[serde(default = "default_lead_in")]
    lead_in: LeadIn,
    steps: Vec<Step>,
}

fn default_lead_in() -> LeadIn {
    Bounded::new(5)
}

impl TryFrom<RawRoutine> for Routine {
    type Error = String;

    fn try_from(raw: RawRoutine) -> Result<Self, String> {
        if raw.steps.iter().all(Step::is_check_in) {
            return Err(text::routine::ERR_NO_TIMED_STEP.to_string());
        }
        Ok(Routine {
            title: raw.title.0,
            summary: raw.summary.0,
            level: raw.level,
            series: raw.series.map(|w| w.0).filter(|s| !s.trim().is_empty()),
            lead_in: raw.lead_in.0,
            steps: raw.steps,
            hash: String::new(),
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Step")]
struct RawStep {
    title: Heading,
    kind: StepKind,
    #[serde(default)]
    tool: Option<Tool>,
    #[serde(default)]
    sides: Sides,
    // Written as a plain number, yet optional: check-ins have none.
    #[serde(default, deserialize_with = "present")]
    seconds: Option<Seconds>,
    #[serde(default = "one_rep")]
    reps: Reps,
    #[serde(default)]
    rest: RestSeconds,
    #[serde(default)]
    wait_for_key: bool,
    #[serde(default)]
    instructions: Vec<Sentence>,
    #[serde(default)]
    caution: Option<Sentence>,
    #[serde(default)]
    pose: Option<PoseName>,
    #[serde(default)]
    figure: Option<Figure>,
}

/// Text of a routine as the file has it ([`Words`]: one line, nothing a terminal would obey),
/// cleaned as all text from outside is ([`clean::line`]: runs of spaces as one) and of at most
/// `MAX` characters, so that no screen, list or export has to hold more. Longer is an error at
/// its line and column.
#[derive(Default)]
struct Limited<const MAX: usize>(String);

/// A routine's summary, one of a step's instructions, or a caution.
type Sentence = Limited<{ clean::SENTENCE_MAX }>;
/// A routine's series.
type Name = Limited<{ clean::TITLE_MAX }>;

fn limited<E: de::Error>(words: &str, max: usize) -> Result<String, E> {
    clean::within(words, max)
        .map(std::borrow::Cow::into_owned)
        .map_err(|e| E::custom(text::routine::err_too_long(e.max, e.chars)))
}

impl<'de, const MAX: usize> Deserialize<'de> for Limited<MAX> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let Words(words) = Words::deserialize(d)?;
        limited(&words, MAX).map(Limited)
    }
}

/// A routine's or a step's title ([`Title`]: not empty), of at most [`clean::TITLE_MAX`]
/// characters once cleaned.
struct Heading(String);

impl<'de> Deserialize<'de> for Heading {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let Title(title) = Title::deserialize(d)?;
        limited(&title, clean::TITLE_MAX).map(Heading)
    }
}

fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Seconds>, D::Error> {
    Seconds::deserialize(d).map(Some)
}

fn one_rep() -> Reps {
    Bounded::new(1)
}

impl TryFrom<RawStep> for Step {
    type Error = String;

    fn try_from(raw: RawStep) -> Result<Self, String> {
        let title = raw.title.0;
        let seconds = match (raw.kind, raw.seconds) {
            (StepKind::CheckIn, None) => 0,
            (StepKind::CheckIn, Some(_)) => {
                return Err(text::routine::err_check_in_seconds(&title));
            }
            (_, Some(s)) => s.0,
            (_, None) => return Err(text::routine::err_missing_seconds(&title)),
        };
        let figure = match (raw.pose, raw.figure) {
            (Some(_), Some(_)) => return Err(text::figure::ERR_POSE_AND_FIGURE.to_string()),
            (Some(name), None) => library::figure(&name.0).cloned(),
            (None, figure) => figure,
        };
        if raw.kind == StepKind::CheckIn && figure.is_some() {
            return Err(text::figure::ERR_FIGURE_ON_CHECK_IN.to_string());
        }
        Ok(Step {
            title,
            kind: raw.kind,
            tool: raw.tool,
            sides: raw.sides,
            seconds,
            reps: raw.reps.0,
            rest: raw.rest.0,
            wait_for_key: raw.wait_for_key,
            instructions: raw.instructions.into_iter().map(|w| w.0).collect(),
            caution: raw.caution.map(|w| w.0),
            figure,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn routine(title: &str, step: &str) -> Result<Routine, String> {
        let source = format!(
            "(\n    title: {title:?},\n    level: Gentle,\n    steps: [\n        {step},\n    ],\n)\n"
        );
        super::super::load::parse(&source, Path::new("r.ron")).map_err(|e| e.to_string())
    }

    #[test]
    fn text_longer_than_its_limit_is_an_error_at_its_place() {
        let long_title = "T".repeat(clean::TITLE_MAX + 1);
        assert_eq!(
            routine(
                &long_title,
                r#"(title: "Reach", kind: Stretch, seconds: 30)"#
            ),
            Err("r.ron:2:13: expected text of at most 100 characters, found 101".into())
        );
        let step = format!(
            r#"(title: "Reach", kind: Stretch, seconds: 30, instructions: ["{}"])"#,
            "i".repeat(clean::SENTENCE_MAX + 1)
        );
        assert_eq!(
            routine("Morning", &step),
            Err("r.ron:5:70: expected text of at most 400 characters, found 401".into())
        );
        for step in [
            format!(
                r#"(title: "{}", kind: Stretch, seconds: 30)"#,
                "s".repeat(101)
            ),
            format!(
                r#"(title: "Reach", kind: Stretch, seconds: 30, caution: Some("{}"))"#,
                "c".repeat(401)
            ),
        ] {
            let error = routine("Morning", &step).unwrap_err();
            assert!(error.contains("expected text of at most"), "{error}");
        }
    }

    #[test]
    fn text_at_its_limit_loads_as_one_line() {
        let title = "T".repeat(clean::TITLE_MAX);
        let step = format!(
            r#"(title: "Reach  up", kind: Stretch, seconds: 30, instructions: ["{}"], caution: Some("Slowly,\tgently"))"#,
            "i".repeat(clean::SENTENCE_MAX)
        );
        let loaded = routine(&title, &step).unwrap();
        assert_eq!(loaded.title, title);
        assert_eq!(loaded.steps[0].title, "Reach up");
        assert_eq!(loaded.steps[0].instructions[0].len(), clean::SENTENCE_MAX);
        assert_eq!(loaded.steps[0].caution.as_deref(), Some("Slowly, gently"));
    }
}
