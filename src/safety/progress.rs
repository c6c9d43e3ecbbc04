//! After a session: was it a flare, when to ask about the morning after, and whether the
//! sessions at a level suggest the next one or the one below (CLINICAL §3).

use chrono::{DateTime, FixedOffset, TimeDelta};

use crate::history::{Brief, Digest};
use crate::routine::{Routine, RoutineEntry};
use crate::text;

/// Was this session a flare: pain after 2 or more above before, or a worse next morning?
pub fn flared(s: &Brief) -> bool {
    let rose = s.change().is_some_and(|c| c.delta() >= 2);
    let bad_morning = match (
        s.pain_before(),
        s.next_morning.as_ref().and_then(|c| c.pain),
    ) {
        (Some(before), Some(morning)) => morning > before,
        _ => false,
    };
    rose || bad_morning
}

/// How long after a session ends its next morning is asked: from about 6 hours (a night's
/// sleep) to about 36 (CLINICAL §3).
pub const MORNING_FROM: TimeDelta = TimeDelta::hours(6);
pub const MORNING_UNTIL: TimeDelta = TimeDelta::hours(36);

/// The last session, if its next morning has not been asked yet and this start falls in the
/// window when it can be. Every session that ran is asked about, not only one that felt worse:
/// a session that feels fine and flares overnight is a flare (CLINICAL §3).
pub fn morning_to_ask(history: &Digest, now: DateTime<FixedOffset>) -> Option<&Brief> {
    let last = history.sessions.last()?;
    if last.next_morning.is_some() || last.steps == 0 {
        return None;
    }
    let ended = last.started + TimeDelta::from_std(last.elapsed).unwrap_or_default();
    let since = now.signed_duration_since(ended);
    (MORNING_FROM..=MORNING_UNTIL)
        .contains(&since)
        .then_some(last)
}

/// Whether a session counts towards stepping up: most of the planned work done (and at least
/// 3 minutes of it), no stop by the pain rule, no flare, and the next morning answered and no
/// worse than before (CLINICAL §3).
pub fn counts_towards_progress(s: &Brief) -> bool {
    let stopped = s.stopped_by_pain;
    let morning = s.next_morning.as_ref().and_then(|c| c.pain);
    let calm_morning = matches!((s.pain_before(), morning), (Some(b), Some(m)) if m <= b);
    s.not_readable().is_none() && !stopped && !flared(s) && calm_morning
}

/// How many sessions, on separate days, show a level is enough before suggesting the next.
pub const STEP_UP_AFTER: usize = 3;

/// One sentence suggesting the next level up after three sessions at this level that count
/// ([`counts_towards_progress`]) on three separate days, or a step back after a flare.
/// Sessions mostly skipped neither count nor break the run; any other session that does not
/// count does. Suggestions only; the person chooses.
pub fn progression(history: &Digest, entries: &[RoutineEntry]) -> Option<String> {
    let last = history.sessions.last()?;
    let current = &entries
        .iter()
        .find(|e| e.routine.title == last.routine)?
        .routine;
    let series = current.series.as_deref()?;
    let in_series = |r: &&Routine| r.series.as_deref() == Some(series);
    let levels: Vec<&Routine> = entries
        .iter()
        .map(|e| &e.routine)
        .filter(in_series)
        .collect();
    if flared(last) {
        let lower = levels
            .iter()
            .filter(|r| r.level < current.level)
            .max_by_key(|r| r.level)?;
        return Some(text::safety::suggest_down(&lower.title));
    }
    let mut days = Vec::new();
    for s in history.sessions.iter().rev() {
        if s.routine != current.title || s.not_readable().is_some() {
            continue;
        }
        if !counts_towards_progress(s) {
            return None;
        }
        let day = s.started.date_naive();
        if !days.contains(&day) {
            days.push(day);
        }
        if days.len() == STEP_UP_AFTER {
            let higher = levels
                .iter()
                .filter(|r| r.level > current.level)
                .min_by_key(|r| r.level)?;
            return Some(text::safety::suggest_up(
                STEP_UP_AFTER,
                &current.title,
                &higher.title,
            ));
        }
    }
    None
}
