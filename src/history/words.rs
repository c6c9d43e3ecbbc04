//! Which words each value of the history's types takes. The words live in `text`; here each
//! type picks its own, so `text` never needs to know the history's types.

use super::event::{
    Area, BodySide, Felt, Moment, PainChoice, PainTrigger, SafetyKind, SafetyResult, WeeklyCheck,
};
use super::view::{Change, Finish, Reading, Unread, Verdict};
use super::weekly::WeeklyTrend;
use crate::text;

impl Area {
    /// "buttock"; also what plain mode accepts for it.
    pub fn word(self) -> &'static str {
        match self {
            Area::Back => text::checkin::BACK,
            Area::Buttock => text::checkin::BUTTOCK,
            Area::Thigh => text::checkin::THIGH,
            Area::Calf => text::checkin::CALF,
            Area::Foot => text::checkin::FOOT,
        }
    }

    /// "buttock, thigh" with `text::checkin::AREAS_SCREEN`; empty for none.
    pub fn join(areas: &[Area], separator: &str) -> String {
        areas
            .iter()
            .map(|a| a.word())
            .collect::<Vec<_>>()
            .join(separator)
    }
}

impl BodySide {
    /// "left", "right", "both".
    pub fn word(self) -> &'static str {
        match self {
            BodySide::Left => text::checkin::LEFT,
            BodySide::Right => text::checkin::RIGHT,
            BodySide::Both => text::checkin::BOTH,
        }
    }
}

impl Felt {
    /// "better", "same", "worse".
    pub fn word(self) -> &'static str {
        match self {
            Felt::Better => text::checkin::BETTER,
            Felt::Same => text::checkin::SAME,
            Felt::Worse => text::checkin::WORSE,
        }
    }
}

impl Moment {
    /// The title of a check-in form asked at this moment: "Before you start".
    pub fn title(self) -> &'static str {
        match self {
            Moment::Before => text::checkin::TITLE_BEFORE,
            Moment::During => text::checkin::CHECK_IN_TITLE,
            Moment::After => text::checkin::TITLE_AFTER,
            Moment::NextMorning => text::checkin::TITLE_NEXT_MORNING,
            Moment::Log => text::checkin::TITLE_LOG,
        }
    }
}

impl SafetyKind {
    /// What was asked, for the list of answers: "all the questions".
    pub fn asked(self) -> &'static str {
        match self {
            SafetyKind::Screening => text::safety::ASKED_FULL,
            SafetyKind::QuickCheck => text::safety::ASKED_QUICK,
            SafetyKind::Recheck => text::safety::ASKED_AGAIN,
            SafetyKind::MassageCautions => text::safety::ASKED_CAUTIONS,
        }
    }
}

impl SafetyResult {
    /// What the answers led to, for the list of answers.
    pub fn told(self) -> &'static str {
        match self {
            SafetyResult::Clear => text::safety::TOLD_CLEAR,
            SafetyResult::Emergency => text::safety::TOLD_EMERGENCY,
            SafetyResult::SeeDoctorContinued => text::safety::TOLD_DOCTOR_CONTINUED,
            SafetyResult::SeeDoctorStopped => text::safety::TOLD_DOCTOR_STOPPED,
            SafetyResult::DoctorChecked => text::safety::TOLD_DOCTOR_CHECKED,
            SafetyResult::SeeGp => text::safety::TOLD_GP,
            SafetyResult::NotAnswered => text::safety::TOLD_NOT_ANSWERED,
            SafetyResult::Shown => text::safety::TOLD_SHOWN,
        }
    }
}

impl Finish {
    /// The summary's heading: "Session complete".
    pub fn heading(self) -> &'static str {
        match self {
            Finish::Completed => text::summary::COMPLETED,
            Finish::MostlySkipped => text::summary::MOSTLY_SKIPPED,
            Finish::Stopped => text::summary::STOPPED,
            Finish::Interrupted => text::summary::INTERRUPTED,
        }
    }

    /// A word or two for tables and exports: "completed".
    pub fn word(self) -> &'static str {
        match self {
            Finish::Completed => text::review::COMPLETED,
            Finish::MostlySkipped => text::review::MOSTLY_SKIPPED,
            Finish::Stopped => text::review::STOPPED,
            Finish::Interrupted => text::review::INTERRUPTED,
        }
    }

    /// As one session's detail says it: "Stopped before the end".
    pub fn detail(self) -> &'static str {
        match self {
            Finish::Completed => text::review::DETAIL_COMPLETED,
            Finish::MostlySkipped => text::review::DETAIL_MOSTLY_SKIPPED,
            Finish::Stopped => text::review::DETAIL_STOPPED,
            Finish::Interrupted => text::review::DETAIL_INTERRUPTED,
        }
    }
}

impl Reading {
    /// For exports: "lower", "not judged: most of the routine was skipped".
    pub fn words(self) -> &'static str {
        match self {
            Reading::Lower => text::summary::READ_LOWER,
            Reading::Same => text::summary::READ_SAME,
            Reading::Higher => text::summary::READ_HIGHER,
            Reading::NotJudged(Unread::MostlySkipped) => text::summary::UNREAD_SKIPPED,
            Reading::NotJudged(Unread::TooShort) => text::summary::UNREAD_SHORT,
        }
    }

    /// In a word or two, for the review's list: "lower", "skipped".
    pub fn short(self) -> &'static str {
        match self {
            Reading::Lower => text::summary::READ_LOWER,
            Reading::Same => text::summary::READ_SAME,
            Reading::Higher => text::summary::READ_HIGHER,
            Reading::NotJudged(Unread::MostlySkipped) => text::summary::SHORT_SKIPPED,
            Reading::NotJudged(Unread::TooShort) => text::summary::SHORT_TOO_SHORT,
        }
    }

    /// What the summary and a session's detail say after the numbers.
    pub fn sentence(self) -> &'static str {
        match self {
            Reading::NotJudged(Unread::MostlySkipped) => text::summary::NOT_JUDGED_SKIPPED,
            Reading::NotJudged(Unread::TooShort) => text::summary::NOT_JUDGED_SHORT,
            Reading::Lower | Reading::Same | Reading::Higher => text::summary::ONE_SESSION,
        }
    }
}

impl PainTrigger {
    /// Why the session eased off, for its summary: "pain went above 5".
    pub fn why(self) -> &'static str {
        match self {
            PainTrigger::Rise => text::summary::WHY_RISE,
            PainTrigger::High => text::summary::WHY_HIGH,
            PainTrigger::Spread => text::summary::WHY_SPREAD,
            PainTrigger::ThisHurts => text::summary::WHY_THIS_HURTS,
        }
    }

    /// Why the session asks to ease off now, with the scores `before` it and `now` when known.
    pub fn reason(self, before: Option<u8>, now: Option<u8>) -> String {
        match (self, before, now) {
            (PainTrigger::Rise, Some(b), Some(n)) => text::safety::pain_rose(b, n),
            (PainTrigger::High, _, Some(n)) => text::safety::pain_high(n),
            (PainTrigger::Spread, _, _) => text::safety::REASON_SPREAD.to_string(),
            _ => text::safety::REASON_THIS_HURTS.to_string(),
        }
    }
}

impl PainChoice {
    /// What was done: "Stopped", "Carrying on gentler: holds a third shorter, ...".
    pub fn words(self) -> &'static str {
        match self {
            PainChoice::Stop => text::safety::CHOSE_STOP,
            PainChoice::Skip => text::safety::CHOSE_SKIP,
            PainChoice::Gentler => text::safety::CHOSE_GENTLER,
        }
    }
}

impl Verdict {
    /// "a real improvement".
    pub fn words(self) -> &'static str {
        match self {
            Verdict::Better => text::summary::VERDICT_BETTER,
            Verdict::SlightlyLower => text::summary::VERDICT_SLIGHTLY_LOWER,
            Verdict::Same => text::summary::VERDICT_SAME,
            Verdict::SlightlyHigher => text::summary::VERDICT_SLIGHTLY_HIGHER,
            Verdict::Worse => text::summary::VERDICT_WORSE,
        }
    }

    /// The verdict in a word or two, for tight spaces: "better".
    pub fn short(self) -> &'static str {
        match self {
            Verdict::Better => text::summary::SHORT_BETTER,
            Verdict::SlightlyLower => text::summary::SHORT_SLIGHTLY_LOWER,
            Verdict::Same => text::summary::SHORT_SAME,
            Verdict::SlightlyHigher => text::summary::SHORT_SLIGHTLY_HIGHER,
            Verdict::Worse => text::summary::SHORT_WORSE,
        }
    }
}

impl Change {
    /// "6 → 3: 3 points lower (50%)", as the summary and a session's detail show it: the
    /// numbers, without a verdict on one session.
    pub fn line(self) -> String {
        text::summary::change_line(self.before, self.after)
    }
}

impl WeeklyCheck {
    /// "leg 6  ·  back 3  ·  numbness: no  ·  weakness: no  ·  activities 4.5": what was answered.
    pub fn summary(&self) -> String {
        text::weekly::answers_so_far(
            self.leg_pain,
            self.back_pain,
            self.numbness,
            self.weakness,
            self.function(),
        )
    }
}

impl WeeklyTrend {
    /// Each score's change from the first check to the last, against the 2-point threshold,
    /// a line each; scores with fewer than two answers are left out.
    pub fn lines(&self) -> Vec<String> {
        [
            (text::weekly::LEG_PAIN, self.leg_pain, false),
            (text::weekly::BACK_PAIN, self.back_pain, false),
            (text::weekly::ACTIVITIES, self.function, true),
        ]
        .into_iter()
        .filter_map(|(what, change, higher_is_better)| {
            change.map(|c| {
                text::weekly::weekly_change(what, c.first, c.last, c.meaningful(), higher_is_better)
            })
        })
        .collect()
    }
}
