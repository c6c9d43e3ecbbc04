//! What must hold for any bytes given to unknot's file readers. The fuzz targets run these on
//! every input they make up; `tests/fuzz_regressions.rs` runs them on the kept corpus, so an
//! input that once broke a property keeps being checked by `cargo test`.

use std::time::Duration;

use unknot::history::{self, SkipReason, VERSION};
use unknot::readers;
use unknot::sys::files::without_bom;

/// Bounds of one routine step, from `src/routine/load.rs`.
const MAX_LEAD_IN: u64 = 60;
const MAX_SECONDS: u64 = 1800;
const MAX_REPS: u64 = 20;
const MAX_REST: u64 = 600;
/// `Sides::Each` works both sides.
const MAX_SIDES: u64 = 2;

/// The longest one step can plan: a lead-in, every rep on both sides with a rest between
/// reps, and a switch of sides that lasts the rest or the lead-in, whichever it is.
const MAX_STEP_TIME: Duration = Duration::from_secs(
    MAX_LEAD_IN
        + MAX_SIDES * MAX_REPS * MAX_SECONDS
        + MAX_SIDES * (MAX_REPS - 1) * MAX_REST
        + if MAX_REST > MAX_LEAD_IN {
            MAX_REST
        } else {
            MAX_LEAD_IN
        },
);

/// The most phases one step lays out: wait for a key, a lead-in, a switch of sides, and per
/// side every rep with a rest between reps.
#[allow(
    clippy::cast_possible_truncation,
    reason = "81 fits any usize; allow, not expect, as the fuzz crate does not turn pedantic on"
)]
const MAX_STEP_PHASES: usize = 3 + (MAX_SIDES * (2 * MAX_REPS - 1)) as usize;

pub fn routine(bytes: &[u8]) {
    match readers::routine(bytes) {
        Ok(facts) => {
            let steps = u32::try_from(facts.steps).expect("a routine that loads has few steps");
            // A routine with no timed step is refused, so every routine that loads has one.
            assert!(facts.steps >= 1, "{facts:?}");
            assert!(
                (facts.steps..=facts.steps * MAX_STEP_PHASES).contains(&facts.phases),
                "{facts:?}"
            );
            assert!(
                facts.planned >= Duration::from_secs(1) && facts.planned <= MAX_STEP_TIME * steps,
                "{facts:?}"
            );
            assert_eq!(facts.planned.subsec_nanos(), 0, "{facts:?}");
        }
        Err(message) => one_line_naming(&message, "routine.ron", bytes),
    }
}

pub fn settings(bytes: &[u8]) {
    if let Err(message) = readers::settings(bytes) {
        one_line_naming(&message, "config.ron", bytes);
    }
}

/// A message a person reads: one line that names the file, and where a line and column are
/// given, a place that is in the file.
fn one_line_naming(message: &str, file: &str, bytes: &[u8]) {
    assert!(!message.contains('\n'), "more than one line: {message:?}");
    assert!(message.contains(file), "does not name {file}: {message:?}");
    let Some(place) = message.strip_prefix(&format!("{file}:")) else {
        return;
    };
    let mut parts = place.splitn(3, ':');
    let mut number = || parts.next().and_then(|n| n.parse::<usize>().ok());
    let (line, column) = (number(), number());
    let lines = bytes.split(|b| *b == b'\n').count();
    assert!(
        line.is_some_and(|l| (1..=lines).contains(&l)) && column.is_some_and(|c| c >= 1),
        "no place in the file: {message:?}"
    );
}

pub fn history(bytes: &[u8]) {
    let loaded = history::parse(bytes);
    let lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    let filled = |n: usize| !lines[n - 1].iter().all(u8::is_ascii_whitespace);
    let non_blank = (1..=lines.len()).filter(|n| filled(*n)).count();
    let ends_clean = bytes.last().is_none_or(|b| *b == b'\n');

    // Each line that holds something is either read or reported, never both, never neither.
    assert_eq!(
        loaded.entries.len() + loaded.skipped.len(),
        non_blank,
        "{loaded:?}"
    );
    for pair in loaded.skipped.windows(2) {
        assert!(pair[0].line < pair[1].line, "{:?}", loaded.skipped);
    }
    for skipped in &loaded.skipped {
        assert!(
            (1..=lines.len()).contains(&skipped.line) && filled(skipped.line),
            "{skipped:?} of {} lines",
            lines.len()
        );
        match skipped.why {
            SkipReason::Torn => assert!(skipped.line == lines.len() && !ends_clean),
            SkipReason::Newer(v) => assert!(v > VERSION, "{skipped:?}"),
            SkipReason::Garbled => {}
        }
    }

    // What unknot reads, it writes back as one line that reads the same.
    for entry in &loaded.entries {
        assert!(entry.v <= VERSION, "{entry:?}");
        let line = serde_json::to_string(entry).expect("an entry is always JSON");
        let again = history::parse(line.as_bytes());
        assert!(again.skipped.is_empty(), "{line} was skipped");
        assert_eq!(again.entries, std::slice::from_ref(entry), "{line}");
    }

    // Import keeps every line that loads, in order, and only drops lines that load skips.
    let (kept, dropped) = history::lines_by_id(bytes);
    assert_eq!(kept.len() + dropped.len(), non_blank);
    let mut kept_ids = kept.iter().map(|(id, _)| id);
    for entry in &loaded.entries {
        assert!(
            kept_ids.any(|id| *id == entry.id),
            "{} is not kept",
            entry.id
        );
    }
    for line in &dropped {
        assert!(
            loaded.skipped.iter().any(|s| s.line == line.line),
            "{line:?} loads"
        );
    }
}

/// An import: `data` is the history there before, a zero byte, then the file imported (all of
/// `data` is the file imported, into an empty history, when it holds no zero byte).
pub fn import(data: &[u8]) {
    let (ours, theirs) = match data.iter().position(|b| *b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (&data[..0], data),
    };
    let imported = match readers::import(ours, theirs) {
        Ok(imported) => imported,
        Err(message) => {
            one_line_naming(&message, "theirs.jsonl", theirs);
            return;
        }
    };
    let after = &imported.after;

    // What was there stays exactly as it was; only whole lines come after it.
    assert!(after.starts_with(ours), "the history was rewritten");
    let added = &after[ours.len()..];
    assert_eq!(imported.added == 0, added.is_empty(), "{imported:?}");
    assert!(added.is_empty() || added.ends_with(b"\n"), "{added:?}");
    assert!(imported.added <= imported.offered, "{imported:?}");

    // Each line added reads as it did in their file: an event, or one from a newer unknot,
    // never a torn or garbled line; and none is an event the history held.
    let new = history::parse(added);
    assert!(
        new.skipped
            .iter()
            .all(|s| matches!(s.why, SkipReason::Newer(_))),
        "{:?}",
        new.skipped
    );
    let (added_ids, _) = history::lines_by_id(added);
    assert_eq!(added_ids.len(), imported.added, "{imported:?}");
    let (ours_ids, _) = history::lines_by_id(without_bom(ours));
    let mut seen: Vec<_> = ours_ids.iter().map(|(id, _)| *id).collect();
    for (id, _) in &added_ids {
        assert!(!seen.contains(id), "{id} is there twice");
        seen.push(*id);
    }

    // Every event of theirs is now in the history, and a second import adds nothing.
    let (theirs_ids, _) = history::lines_by_id(without_bom(theirs));
    for (id, _) in &theirs_ids {
        assert!(seen.contains(id), "{id} was not imported");
    }
    let again = readers::import(after, theirs).expect("the same file imports again");
    assert_eq!(again.added, 0, "a second import added lines");
    assert_eq!(&again.after, after);

    // The history reads as before, with the new events after its own.
    let before = history::parse(without_bom(ours));
    let whole = history::parse(without_bom(after));
    assert_eq!(
        whole.entries.len(),
        before.entries.len() + new.entries.len(),
        "{imported:?}"
    );
}
