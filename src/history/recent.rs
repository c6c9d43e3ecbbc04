//! What a digest of the recent past lets go as the file is read, so that a visit and the home
//! screen hold a few weeks of sessions, whatever the length of the history: everything the
//! screens and the safety rules look back over, and no more.
//!
//! Kept whatever their age: each day a session was done (for the streak), the weekly checks (a
//! few a month), the safety answers worth telling (full screenings, rechecks, quick checks that
//! found something), whether the massage cautions were ever shown, and the first week of what
//! the person observed, from which "no clear improvement after six weeks" is counted.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use foldhash::{HashMap, HashSet};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::digest::Digest;
use super::event::{SafetyCheck, SafetyKind, SafetyResult};

/// How far back from the newest event the digest keeps sessions, quick logs and routine safety
/// answers: three times the longest look-back of what reads it (four weeks for pain spreading
/// further down the leg, CLINICAL §5; 30 days for the safety questions, CLINICAL §1; four weeks
/// of sessions a week).
pub const WINDOW: TimeDelta = TimeDelta::weeks(12);

/// The first observations kept: a week, from which improvement is counted (CLINICAL §5), and a
/// day for the morning after a session of that week.
pub(super) const FIRST_WEEK: TimeDelta = TimeDelta::days(8);

/// A session's lines all come within a day and a half of its start (the morning after is the
/// last), so while reading only what is this much older than the window is let go: no later
/// line of it can follow. The last cut, once the file is read, is the window itself.
const LATE_LINES: TimeDelta = TimeDelta::days(2);

/// How many events are folded between two cuts while reading.
const CUT_EVERY: usize = 4096;

/// Whether a safety answer is worth telling whatever its age, as `unknot safety` lists them for a
/// doctor: every full screening and recheck (which also decide the questions before a session),
/// and a quick check that found something. Cautions shown, and quick checks with nothing new,
/// are not.
pub fn worth_telling(check: &SafetyCheck) -> bool {
    match check.check {
        SafetyKind::Screening | SafetyKind::Recheck => true,
        SafetyKind::QuickCheck => check.result != SafetyResult::Clear,
        SafetyKind::MassageCautions => false,
    }
}

/// What was let go of, in brief.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LetGo {
    /// The days of sessions let go, oldest first, once each.
    pub days: Vec<NaiveDate>,
    /// The massage cautions were shown, in an answer let go.
    pub cautions_shown: bool,
}

/// The event ids seen, with their times, so an event that appears twice in the file counts once,
/// and the cuts: ids older than what is kept are let go with what they were.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Recent {
    seen: HashMap<Uuid, DateTime<FixedOffset>>,
    /// The ids of safety answers worth telling, kept whatever their age, as the answers are.
    told: HashSet<Uuid>,
    newest: Option<DateTime<FixedOffset>>,
    since_cut: usize,
}

impl Recent {
    /// Whether the event `id` at `at` is new, and to be folded into `digest`: not seen before,
    /// and not older than what is kept, unless it is the kind kept whatever its age.
    pub fn admit(
        &mut self,
        digest: &mut Digest,
        id: Uuid,
        at: DateTime<FixedOffset>,
        safety: Option<&SafetyCheck>,
    ) -> bool {
        if self.seen.contains_key(&id) || self.told.contains(&id) {
            return false;
        }
        self.newest = self.newest.max(Some(at));
        self.since_cut += 1;
        if self.since_cut >= CUT_EVERY {
            self.since_cut = 0;
            if let Some(newest) = self.newest {
                self.cut(digest, newest - WINDOW - LATE_LINES);
            }
        }
        let told = safety.is_some_and(worth_telling);
        if told {
            self.told.insert(id);
        }
        let old = self
            .newest
            .is_some_and(|newest| at < newest - WINDOW - LATE_LINES);
        if old && !digest.in_first_week(at) {
            if let Some(check) = safety {
                digest.let_go.cautions_shown |= check.check == SafetyKind::MassageCautions;
            }
            return told;
        }
        if !told {
            self.seen.insert(id, at);
        }
        true
    }

    /// The last cut, once the whole file is read.
    pub fn finish(mut self, digest: &mut Digest) {
        if let Some(newest) = self.newest {
            self.cut(digest, newest - WINDOW);
        }
    }

    fn cut(&mut self, digest: &mut Digest, before: DateTime<FixedOffset>) {
        digest.let_go_before(before);
        self.seen
            .retain(|_, at| *at >= before - LATE_LINES || digest.in_first_week(*at));
    }
}

impl Digest {
    /// Whether `at` falls in the first week of what was observed, kept whatever its age.
    pub(super) fn in_first_week(&self, at: DateTime<FixedOffset>) -> bool {
        self.first_observed
            .is_some_and(|first| at <= first + FIRST_WEEK)
    }

    /// Lets go of sessions, quick logs and routine safety answers from before `before`, but for
    /// the first week of what was observed and what is kept whatever its age.
    pub(super) fn let_go_before(&mut self, before: DateTime<FixedOffset>) {
        let first = self.first_observed;
        let keep =
            |at: DateTime<FixedOffset>| at >= before || first.is_some_and(|f| at <= f + FIRST_WEEK);
        let days = &mut self.let_go.days;
        let kept_sessions = self.sessions.len();
        self.sessions.retain(|s| {
            keep(s.started) || {
                days.push(s.started.date_naive());
                false
            }
        });
        let kept_logs = self.logs.len();
        self.logs.retain(|l| keep(l.at));
        let cautions = &mut self.let_go.cautions_shown;
        self.safety.retain(|s| {
            keep(s.at) || worth_telling(&s.value) || {
                *cautions |= s.value.check == SafetyKind::MassageCautions;
                false
            }
        });
        if self.sessions.len() != kept_sessions || self.logs.len() != kept_logs {
            self.let_go.days.sort_unstable();
            self.let_go.days.dedup();
            self.index();
        }
    }
}
