//! unknot: reads the command line, runs it, and says in one sentence what went wrong, if anything.

use std::process::ExitCode;

fn main() -> ExitCode {
    unknot::sys::memory::settle();
    match unknot::cli::parse() {
        Ok(cli) => unknot::error::leave(unknot::cli::run(cli)),
        Err(code) => code,
    }
}
