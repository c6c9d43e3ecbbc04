//! The process around the app: input and signals on one channel, stderr, the timing trace,
//! where the user's files live, and how they are opened.

pub mod files;
pub(crate) mod input;
pub(crate) mod output;
pub(crate) mod paths;
pub mod stderr;
pub(crate) mod terminal;
pub(crate) mod trace;
