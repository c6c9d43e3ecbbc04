//! The process around the app: input and signals on one channel, stderr, the timing trace,
//! where the user's files live, how they are opened, and memory given back.

pub mod files;
pub(crate) mod input;
pub mod memory;
pub(crate) mod output;
pub(crate) mod paths;
pub mod stderr;
pub(crate) mod terminal;
pub(crate) mod trace;
