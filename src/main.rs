//! unknot: reads the command line, runs it, and says in one sentence what went wrong, if anything.

use std::process::ExitCode;

use unknot::error::AppError;

fn main() -> ExitCode {
    let cli = match unknot::cli::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    match unknot::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            // Already said, or nobody is left to read it.
            if !matches!(e, AppError::Reported { .. } | AppError::OutputClosed) {
                unknot::sys::stderr::say(&e.to_string());
            }
            ExitCode::from(e.exit_code())
        }
    }
}
