//! History speed: load and summarise 10k and 100k events, and append one check-in with fsync.
//! Run with `cargo bench --bench history`; prints a table of median times.
#![expect(
    clippy::disallowed_methods,
    reason = "a benchmark times itself, and its made-up sessions get fresh ids and today's date"
)]

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, TimeDelta};
use unknot::history::{self, CheckIn, Entry, Event, Moment, Outcome, Store};
use uuid::Uuid;

/// Events one made-up session writes: start, before, 8 steps, 1 check-in during, end, after.
const PER_SESSION: usize = 13;

fn session(start: DateTime<FixedOffset>, n: usize) -> Vec<Entry> {
    let id = Uuid::now_v7();
    let entry = |minutes: i64, event| Entry::at(start + TimeDelta::minutes(minutes), event);
    let check = |moment, pain, after_step: Option<&str>| {
        Event::CheckIn(CheckIn {
            form: Uuid::now_v7(),
            session: Some(id),
            moment,
            after_step: after_step.map(String::from),
            pain: Some(pain),
            ..CheckIn::default()
        })
    };
    let mut v = vec![
        entry(
            0,
            Event::SessionStarted {
                session: id,
                routine: ["Gentle start", "Daily standard", "Desk break"][n % 3].into(),
                routine_hash: "0".repeat(64),
                planned_s: None,
            },
        ),
        entry(0, check(Moment::Before, small(n % 7) + 3, None)),
    ];
    for (minutes, step) in (0..).zip(0..8) {
        v.push(entry(
            minutes,
            Event::StepDone {
                session: id,
                step,
                title: format!("Step {step}"),
                planned_s: 60.0,
                actual_s: 58.5,
                skipped: step == 5,
            },
        ));
    }
    v.push(entry(
        8,
        check(Moment::During, small(n % 5) + 2, Some("Step 3")),
    ));
    v.push(entry(
        10,
        Event::SessionEnded {
            session: id,
            outcome: Outcome::Completed,
            elapsed_s: 600.0,
        },
    ));
    v.push(entry(10, check(Moment::After, small(n % 4) + 2, None)));
    v
}

/// A remainder under 11, as part of a made-up pain score.
fn small(n: usize) -> u8 {
    u8::try_from(n).unwrap_or(u8::MAX)
}

fn history_text(events: usize) -> Vec<u8> {
    let start = DateTime::parse_from_rfc3339("2020-01-01T08:00:00+01:00").unwrap_or_default();
    let mut text = Vec::new();
    for (n, halves) in (0..events.div_ceil(PER_SESSION)).zip(0..) {
        for e in session(start + TimeDelta::hours(halves * 12), n) {
            text.extend(serde_json::to_vec(&e).unwrap_or_default());
            text.push(b'\n');
        }
    }
    text
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let dir = std::env::temp_dir().join(format!("unknot-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_default();
    println!("| what | events | median | runs |");
    println!("|---|---:|---:|---:|");
    for events in [10_000, 100_000] {
        let path = dir.join(format!("history-{events}.jsonl"));
        std::fs::write(&path, history_text(events)).unwrap_or_default();
        let runs = 7;
        let mut times = Vec::new();
        let mut sessions = 0;
        for _ in 0..runs {
            let t = Instant::now();
            // As the review reads it: parsed on two threads, folded as it comes.
            let mut view = history::ViewFolder::default();
            let _ = history::read_each_in_parallel(&path, |entry| view.fold(entry));
            if std::env::var_os("UNKNOT_BENCH_SPLIT").is_some() {
                eprintln!("read and fold {:?}", t.elapsed());
            }
            let h = view.finish();
            let figures = history::per_routine(&h);
            let stretches = history::stretches(&h);
            let today = chrono::Local::now().date_naive();
            let streak = history::streak(h.days(), today);
            times.push(t.elapsed());
            sessions = h.sessions.len() + figures.len() + stretches.len() + streak as usize;
        }
        println!(
            "| load and summarise ({sessions} figures) | {events} | {:.1} ms | {runs} |",
            median(times).as_secs_f64() * 1000.0
        );
    }
    let mut store = match Store::open(&dir) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("cannot open a store in {}: {e}", dir.display());
            return;
        }
    };
    let runs = 50;
    let times: Vec<Duration> = (0..runs)
        .map(|_| {
            let entry = Entry::new(Event::CheckIn(CheckIn {
                form: Uuid::now_v7(),
                moment: Moment::Log,
                pain: Some(4),
                ..CheckIn::default()
            }));
            let t = Instant::now();
            let _ = store.append(&[entry]);
            t.elapsed()
        })
        .collect();
    println!(
        "| append one check-in with fsync | 1 | {:.2} ms | {runs} |",
        median(times).as_secs_f64() * 1000.0
    );
    drop(store);
    if std::env::var_os("UNKNOT_BENCH_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
