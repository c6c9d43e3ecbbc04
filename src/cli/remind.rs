//! `unknot remind --ics`: a calendar file with a repeating reminder to do a routine, and an
//! alarm at its time, for a phone or desktop calendar to import. unknot itself stays offline:
//! the calendar does the reminding.

use std::io::Write as _;
use std::path::Path;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc, Weekday};
use icalendar::{Alarm, Calendar, Component, Event, EventLike};

use crate::error::AppError;
use crate::sys::output;
use crate::sys::paths::Paths;
use crate::text;

/// A day of the week as the command line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Day {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Day {
    fn weekday(self) -> Weekday {
        match self {
            Day::Mon => Weekday::Mon,
            Day::Tue => Weekday::Tue,
            Day::Wed => Weekday::Wed,
            Day::Thu => Weekday::Thu,
            Day::Fri => Weekday::Fri,
            Day::Sat => Weekday::Sat,
            Day::Sun => Weekday::Sun,
        }
    }

    /// The two letters of RFC 5545's BYDAY.
    fn byday(self) -> &'static str {
        match self {
            Day::Mon => "MO",
            Day::Tue => "TU",
            Day::Wed => "WE",
            Day::Thu => "TH",
            Day::Fri => "FR",
            Day::Sat => "SA",
            Day::Sun => "SU",
        }
    }
}

/// What the reminder is: its time of day (local, wherever the calendar is), its days (none
/// means every day), and the routine it names, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub at: NaiveTime,
    pub days: Vec<Day>,
    pub routine: Option<String>,
}

/// How long a reminder lasts in the calendar without a routine to time it, in minutes.
const DEFAULT_MINUTES: u32 = 15;

/// `unknot remind --ics`: the reminder written to `out`. A routine named is looked up, so a
/// misspelt name is said now rather than on the day; its planned time is the event's length.
///
/// # Errors
/// [`AppError::UnknownRoutine`] for a routine unknot does not know; as [`write`] otherwise.
#[expect(
    clippy::disallowed_methods,
    reason = "the command line stamps the calendar file and picks its first day from today"
)]
pub fn run(paths: &Paths, mut reminder: Reminder, out: &Path, force: bool) -> Result<(), AppError> {
    // In the week's order, each once, as a calendar and a person read them.
    reminder.days.sort();
    reminder.days.dedup();
    let minutes = match reminder.routine.as_deref() {
        Some(name) => {
            let catalog = super::routines::catalog(paths);
            let entry = catalog
                .find(name)
                .ok_or_else(|| AppError::UnknownRoutine(name.to_string()))?;
            let secs = entry.routine.planned_duration().as_secs();
            u32::try_from(secs.div_ceil(60)).unwrap_or(DEFAULT_MINUTES)
        }
        None => DEFAULT_MINUTES,
    };
    let now = chrono::Local::now();
    let uid = format!("{}@unknot", uuid::Uuid::now_v7());
    let calendar = reminder.calendar(now.date_naive(), now.to_utc(), &uid, minutes);
    let days: Vec<String> = reminder
        .days
        .iter()
        .map(|d| format!("{:?}", d.weekday()))
        .collect();
    let days: Vec<&str> = days.iter().map(String::as_str).collect();
    let when = text::remind::when(&reminder.at.format("%H:%M").to_string(), &days);
    write(&calendar, out, force, &when)
}

impl Reminder {
    /// The first day on or after `today` that is one of the reminder's days.
    fn first_day(&self, today: NaiveDate) -> NaiveDate {
        today
            .iter_days()
            .take(7)
            .find(|d| self.days.is_empty() || self.days.iter().any(|x| x.weekday() == d.weekday()))
            .unwrap_or(today)
    }

    /// The repeat rule: every day, or every week on the days chosen.
    fn rule(&self) -> String {
        if self.days.is_empty() {
            "FREQ=DAILY".to_string()
        } else {
            let byday: Vec<&str> = self.days.iter().map(|d| d.byday()).collect();
            format!("FREQ=WEEKLY;BYDAY={}", byday.join(","))
        }
    }

    /// The calendar as RFC 5545 text: one repeating event of `minutes` at the local time of day
    /// (floating, so it follows the person across time zones), with an alarm at its start.
    /// `today` picks the first occurrence; `stamp` and `uid` make the file reproducible.
    pub fn calendar(
        &self,
        today: NaiveDate,
        stamp: DateTime<Utc>,
        uid: &str,
        minutes: u32,
    ) -> String {
        let start = NaiveDateTime::new(self.first_day(today), self.at);
        let end = start + TimeDelta::minutes(i64::from(minutes));
        let command = self
            .routine
            .as_deref()
            .map_or_else(|| "unknot".to_string(), |r| format!("unknot start {r}"));
        let event = Event::new()
            .uid(uid)
            .timestamp(stamp)
            .summary(text::remind::SUMMARY)
            .description(&text::remind::description(&command))
            .starts(start)
            .ends(end)
            .add_property("RRULE", self.rule())
            .alarm(
                Alarm::display(text::remind::SUMMARY, TimeDelta::zero())
                    .uid(&format!("alarm-{uid}"))
                    .timestamp(stamp)
                    .done(),
            )
            .done();
        Calendar::new()
            .name(text::remind::CALENDAR_NAME)
            .push(event)
            .done()
            .to_string()
    }
}

/// Writes `calendar` to `out` (`-` for standard output), refusing a file that exists unless
/// `force`; a file is written whole or not at all.
///
/// # Errors
/// [`AppError::OutExists`] for a file there without `force`; [`AppError::Write`] when it
/// cannot be written; as [`output::print_with`] for standard output.
pub fn write(calendar: &str, out: &Path, force: bool, told: &str) -> Result<(), AppError> {
    if out == Path::new("-") {
        return output::print(calendar);
    }
    let shown = out.display().to_string();
    if out.exists() && !force {
        return Err(AppError::OutExists(shown));
    }
    let write_err = |source| AppError::Write {
        path: shown.clone(),
        source,
    };
    let file_name = out.file_name().map_or_else(
        || "reminder.ics".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let temporary = out.with_file_name(format!(".{file_name}.part"));
    let written = std::fs::File::create(&temporary)
        .and_then(|mut f| f.write_all(calendar.as_bytes()).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&temporary, out));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(write_err(e));
    }
    output::print_line(&text::remind::written(&shown, told))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reminder(days: &[Day]) -> Reminder {
        Reminder {
            at: NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
            days: days.to_vec(),
            routine: Some("gentle-start".into()),
        }
    }

    fn lines(days: &[Day], today: NaiveDate) -> Vec<String> {
        let stamp = DateTime::parse_from_rfc3339("2026-11-30T07:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        reminder(days)
            .calendar(today, stamp, "reminder-1@unknot", 15)
            .lines()
            .map(String::from)
            .collect()
    }

    #[test]
    fn a_weekly_reminder_starts_on_its_first_day_at_its_local_time_with_an_alarm() {
        // Monday 30 November 2026; Wednesday comes first of Wed and Fri.
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let l = lines(&[Day::Wed, Day::Fri], today);
        for want in [
            "BEGIN:VCALENDAR",
            "BEGIN:VEVENT",
            "UID:reminder-1@unknot",
            "DTSTAMP:20261130T070000Z",
            "DTSTART:20261202T083000",
            "DTEND:20261202T084500",
            "RRULE:FREQ=WEEKLY;BYDAY=WE,FR",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "TRIGGER:P0D",
            "END:VCALENDAR",
        ] {
            assert!(
                l.iter().any(|x| x == want),
                "{want} missing:\n{}",
                l.join("\n")
            );
        }
    }

    #[test]
    fn no_days_means_every_day_from_today() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let l = lines(&[], today);
        assert!(l.iter().any(|x| x == "RRULE:FREQ=DAILY"), "{l:?}");
        assert!(l.iter().any(|x| x == "DTSTART:20261130T083000"), "{l:?}");
    }
}
