//! Errors that reach the person, each one sentence, each with its exit code; and leaving, in
//! one place: the sentence on stderr, the code to the shell.

use std::process::ExitCode;

use crate::routine::RoutineError;
use crate::text;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Routine(#[from] RoutineError),
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error("{}", text::routine::err_unknown_routine(.0))]
    UnknownRoutine(String),
    /// The problem was already told on stderr; only the exit code is left.
    #[error("")]
    Reported { code: u8 },
    #[error("{}", text::routine::err_bad_name(.0))]
    BadName(String),
    #[error("{}", text::routine::err_new_exists(.0))]
    AlreadyExists(String),
    #[error("{}", text::routine::err_shadows_bundled(.0))]
    ShadowsBundled(String),
    /// A file unknot was asked to write is there already, and `--force` was not given.
    #[error("{}", text::cli::err_out_exists(.0))]
    OutExists(String),
    #[error("{}", text::cli::ERR_NO_CONFIG_DIR)]
    NoConfigDir,
    #[error("cannot write {path}: {}", text::cli::io_reason(.source))]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("{}", text::cli::ERR_NO_DATA_DIR)]
    NoDataDir,
    #[error(transparent)]
    Store(#[from] crate::history::StoreError),
    /// A file read for a command: the history, or one to import.
    #[error(transparent)]
    File(#[from] crate::sys::files::FileError),
    #[error("{}", text::history::err_not_history(.0))]
    NotHistory(std::path::PathBuf),
    /// Standard output could not be written, for a reason other than its reader going (see
    /// `sys::output`).
    #[error("cannot write the output: {}", text::cli::io_reason(.0))]
    Output(std::io::Error),
    #[error("the terminal stopped working ({})", text::cli::io_reason(.0))]
    Terminal(std::io::Error),
    /// Whoever read the output has gone (`| head`); there is nobody left to tell.
    #[error("")]
    OutputClosed,
}

impl AppError {
    /// 2 for bad input from the person, 1 for everything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            AppError::Reported { code } => *code,
            // As a program killed by SIGPIPE would report.
            AppError::OutputClosed => 141,
            AppError::Routine(_)
            | AppError::Config(_)
            | AppError::UnknownRoutine(_)
            | AppError::BadName(_)
            | AppError::AlreadyExists(_)
            | AppError::ShadowsBundled(_)
            | AppError::OutExists(_)
            | AppError::NotHistory(_) => 2,
            AppError::Store(e) => e.exit_code(),
            AppError::File(e) => e.exit_code(),
            AppError::NoConfigDir
            | AppError::NoDataDir
            | AppError::Output(_)
            | AppError::Write { .. }
            | AppError::Terminal(_) => 1,
        }
    }
}

/// Says `e` on stderr, in one sentence, unless it was said already or nobody is left to read it.
pub fn tell(e: &AppError) {
    if !matches!(e, AppError::Reported { .. } | AppError::OutputClosed) {
        crate::sys::stderr::say(&e.to_string());
    }
}

/// How unknot leaves: the code `outcome` gives, with its error told ([`tell`]) first.
pub fn leave(outcome: Result<ExitCode, AppError>) -> ExitCode {
    outcome.unwrap_or_else(|e| {
        tell(&e);
        ExitCode::from(e.exit_code())
    })
}
