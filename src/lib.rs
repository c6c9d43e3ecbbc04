//! unknot: a guided self-massage and stretching routine for sciatica, in the terminal.
//!
//! Data flows one way: input becomes events for pure state machines ([`visit`], which holds a
//! [`session`]), whose effects the two front ends ([`app`], full screen; [`plain`], lines of
//! text) carry out in the world: the terminal, sound, and the history on disk.
//!
//! The binary (`main.rs`) parses the command line and calls [`cli::run`]. [`history`] is public
//! so that its benchmark can load and summarise a large history directly, and [`readers`] so that
//! fuzz targets can reach the routine and settings readers.

mod app;
mod audio;
mod clean;
pub mod cli;
mod config;
mod desk;
pub mod error;
pub mod history;
mod plain;
mod printable;
pub mod readers;
mod routine;
mod safety;
mod session;
pub mod sys;
mod text;
mod ui;
mod visit;
