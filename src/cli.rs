//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "unknot",
    version,
    about = "Guided self-massage and stretching for sciatica, in the terminal.",
    long_about = "Guided self-massage and stretching for sciatica, in the terminal.\n\n\
        Run `unknot` to pick a routine, or `unknot start NAME` to begin one.\n\
        unknot is self-care support, not treatment: see a clinician if symptoms are severe or worsening."
)]
pub struct Cli {
    /// Where your history is kept (default: your system's data folder)
    #[arg(long, global = true, env = "UNKNOT_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// The config file to use; your own routines live in a `routines` folder beside it
    #[arg(long, global = true, env = "UNKNOT_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Plain lines of text instead of the full-screen view (for screen readers and scripts)
    #[arg(long, global = true)]
    pub plain: bool,

    /// No sound cues
    #[arg(long, global = true)]
    pub mute: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a routine by name (see `unknot list`) or from a file
    Start {
        /// A routine name, title, or the path of a .ron file; without it, pick from a list
        routine: Option<String>,
    },
    /// List every routine you can start, with its level and length
    List,
    /// Check routine files and report every problem with its line and column
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Show where unknot keeps your routines, config and history
    Paths,
    /// Write a new routine file, with comments, ready to edit
    New {
        /// The routine's name: letters, digits and dashes
        name: String,
    },
}
