//! Errors that reach the person, each one sentence, each with its exit code.

use crate::routine::RoutineError;
use crate::text;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Routine(#[from] RoutineError),
    #[error("{}", text::err_unknown_routine(.0))]
    UnknownRoutine(String),
    /// The problem was already told on stderr; only the exit code is left.
    #[error("")]
    Reported { code: u8 },
    #[error("{}", text::err_bad_name(.0))]
    BadName(String),
    #[error("{}", text::err_new_exists(.0))]
    AlreadyExists(String),
    #[error("{}", text::ERR_NO_CONFIG_DIR)]
    NoConfigDir,
    #[error("cannot write {path}: {}", text::io_reason(.source))]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("the terminal stopped working ({})", text::io_reason(.0))]
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
            | AppError::UnknownRoutine(_)
            | AppError::BadName(_)
            | AppError::AlreadyExists(_) => 2,
            AppError::NoConfigDir | AppError::Write { .. } | AppError::Terminal(_) => 1,
        }
    }
}
