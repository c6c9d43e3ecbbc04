//! `unknot report`: the history over a period, for a physiotherapist, as one HTML page (or
//! text), written whole and readable by the person alone.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::history::whole;
use super::routines;
use crate::error::AppError;
use crate::history;
use crate::report::{Period, Report};
use crate::sys::output;
use crate::sys::paths::Paths;
use crate::sys::stderr::say;
use crate::text;

/// How the report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// One self-contained page to open in a browser or print.
    Html,
    /// Lines of text, for a terminal or a screen reader.
    Text,
}

/// What the command line asked for.
pub struct Asked {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub out: Option<PathBuf>,
    pub force: bool,
    pub format: ReportFormat,
}

/// Gathers the report and writes it: HTML to `--out` (default `unknot-report-DATE.html`), text
/// to standard output unless `--out` is given; `--out -` prints either.
///
/// # Errors
/// [`AppError::Request`] for a period backwards or with nothing in it; [`AppError::OutExists`]
/// without `--force`; [`AppError::BadOut`] for a file that cannot be written; the history's.
pub fn run(paths: &Paths, asked: &Asked) -> Result<(), AppError> {
    let now = history::now();
    let period =
        Period::new(asked.since, asked.until, now.date_naive()).map_err(AppError::Request)?;
    let (history, _, notice) = whole(paths)?;
    if let Some(notice) = notice {
        say(&notice);
    }
    let catalog = routines::catalog(paths);
    let report = Report::gather(&history, &catalog.entries, period, now);
    if report.is_empty() {
        return Err(AppError::Request(text::report::err_empty(
            period.since,
            period.until,
        )));
    }
    let (contents, default_out) = match asked.format {
        ReportFormat::Html => (
            crate::report::html(&report),
            Some(PathBuf::from(format!(
                "unknot-report-{}.html",
                now.date_naive()
            ))),
        ),
        ReportFormat::Text => (crate::report::text(&report), None),
    };
    match asked.out.clone().or(default_out) {
        Some(out) if out != Path::new("-") => {
            super::out::write_whole(&contents, &out, asked.force, true)?;
            output::print_line(&text::report::written(&out.display().to_string()))
        }
        _ => output::print(&contents),
    }
}
