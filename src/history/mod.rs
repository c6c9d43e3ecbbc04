//! The user's history: every session, step and pain score, kept in an append-only file.

mod derived;
#[cfg(test)]
mod derived_tests;
mod digest;
#[cfg(test)]
mod digest_tests;
mod event;
pub mod export;
mod export_stream;
#[cfg(test)]
mod export_tests;
mod load;
mod recent;
#[cfg(test)]
pub(super) mod recent_tests;
mod seen;
mod stats;
mod store;
mod stream;
mod timestamp;
mod view;
mod view_kept;
mod weekly;
mod words;

pub use derived::read as read_derived;
pub use derived::{Fold, Folded, Keep, Later, Plan, RECENT, REVIEW, read_in_step, read_pair};
pub use digest::{Brief, Digest, Folder, digest};
pub use event::{
    ACTIVITIES_MAX, Activity, Area, BodySide, BreakAnswer, CheckIn, Entry, Event, Felt, Moment,
    Outcome, PainChoice, PainTrigger, SafetyCheck, SafetyKind, SafetyResult, SittingBreak, VERSION,
    WeeklyCheck, now,
};
pub use load::{
    Loaded, Mark, Pass, SkipReason, Skipped, check, lines_by_id, parse, read_each_from,
};
pub use recent::{WINDOW, worth_telling};
pub use stream::{in_time_order, read_each_in_parallel, read_each_in_parallel_from};
// The whole-file reader, against which the readers of a line at a time are checked.
#[cfg(test)]
pub use load::{load, read_digest, read_each};
pub use stats::{
    BreakFigures, RoutineFigures, STRETCH_MIN_SESSIONS, Stretch, per_routine, per_week,
    sitting_breaks, sitting_breaks_between, streak, stretches,
};
pub use store::{FILE_NAME, Store, StoreError, encode, new_lines};
pub use view::{
    Change, Dated, Finish, History, Reading, SessionView, StepView, Unread, Verdict, ViewFolder,
    Work, build, session_view,
};
pub use weekly::{
    MEANINGFUL_POINTS, ScoreChange, WeeklyTrend, known_activities, weekly_due, weekly_trend,
};
