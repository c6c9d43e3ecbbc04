//! Every word unknot shows or says, in one place, so the wording can be reviewed and kept
//! consistent. One file per topic, and callers name the topic: `text::session::step_of`.
//!
//! A leaf: nothing here knows the app's types, so any module may use it. Where a value of a
//! model type chooses the words, they are constants here and a method on the type picks one
//! (`Level::word`, `Question::asked`); functions that build a sentence take plain values.

pub mod checkin;
pub mod cli;
pub mod desk;
pub mod figure;
pub mod history;
pub mod home;
pub mod keys;
pub mod remind;
pub mod report;
pub mod review;
pub mod routine;
pub mod safety;
pub mod session;
pub mod sound;
pub mod summary;
pub mod time;
pub mod voice;
pub mod weekly;
pub mod window;
