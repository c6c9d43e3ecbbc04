//! The whole view as its derived file keeps it, laid out to be read back fast: the sessions in
//! two halves, parsed on two threads; the rest of the view; and the event ids seen as one run of
//! hexadecimal digits (a hundred thousand ids parse in milliseconds, where as JSON strings they
//! take longer than all the rest). One line each.

use std::time::Duration;

use foldhash::{HashMap, HashSet};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::event::{CheckIn, SafetyCheck, SittingBreak, WeeklyCheck};
use super::view::{Dated, History, Index, SessionView, ViewFolder};

/// Everything of the view but its sessions and the ids seen, lent to be written.
#[derive(Serialize)]
struct RestOf<'a> {
    logs: &'a [Dated<CheckIn>],
    safety: &'a [Dated<SafetyCheck>],
    breaks: &'a [Dated<SittingBreak>],
    weekly: &'a [Dated<WeeklyCheck>],
    sessions_at: &'a HashMap<Uuid, usize>,
    log_forms: &'a HashMap<Uuid, usize>,
    ended: &'a HashMap<Uuid, Duration>,
}

/// The same, read back.
#[derive(Deserialize)]
struct Rest {
    logs: Vec<Dated<CheckIn>>,
    safety: Vec<Dated<SafetyCheck>>,
    breaks: Vec<Dated<SittingBreak>>,
    weekly: Vec<Dated<WeeklyCheck>>,
    sessions_at: HashMap<Uuid, usize>,
    log_forms: HashMap<Uuid, usize>,
    ended: HashMap<Uuid, Duration>,
}

/// The four lines of a view's derived form.
///
/// # Errors
/// What `serde_json` reports, which for these types it never does.
pub fn encode(folder: &ViewFolder) -> serde_json::Result<Vec<u8>> {
    let view = &folder.0;
    let half = view.sessions.len() / 2;
    let mut bytes = serde_json::to_vec(&view.sessions[..half])?;
    bytes.push(b'\n');
    serde_json::to_writer(&mut bytes, &view.sessions[half..])?;
    bytes.push(b'\n');
    serde_json::to_writer(
        &mut bytes,
        &RestOf {
            logs: &view.logs,
            safety: &view.safety,
            breaks: &view.breaks,
            weekly: &view.weekly,
            sessions_at: &view.index.sessions,
            log_forms: &view.index.log_forms,
            ended: &view.index.ended,
        },
    )?;
    bytes.push(b'\n');
    for id in &view.index.seen {
        bytes.extend_from_slice(
            id.simple()
                .encode_lower(&mut Uuid::encode_buffer())
                .as_bytes(),
        );
    }
    Ok(bytes)
}

/// A view read back from [`encode`]'s lines; `None` for anything else.
pub fn decode(bytes: &[u8]) -> Option<ViewFolder> {
    let mut lines = bytes.splitn(4, |b| *b == b'\n');
    let (first, second, rest, seen) = (lines.next()?, lines.next()?, lines.next()?, lines.next()?);
    let ((first, seen), (second, rest)) = std::thread::scope(|scope| {
        let there = scope.spawn(|| {
            let first = serde_json::from_slice::<Vec<SessionView>>(first).ok();
            (first, ids(seen))
        });
        let here = (
            serde_json::from_slice::<Vec<SessionView>>(second).ok(),
            serde_json::from_slice::<Rest>(rest).ok(),
        );
        (there.join().unwrap_or_default(), here)
    });
    let (mut sessions, rest) = (first?, rest?);
    sessions.extend(second?);
    Some(ViewFolder(History {
        sessions,
        logs: rest.logs,
        safety: rest.safety,
        breaks: rest.breaks,
        weekly: rest.weekly,
        index: Index {
            seen: seen?,
            sessions: rest.sessions_at,
            log_forms: rest.log_forms,
            ended: rest.ended,
        },
    }))
}

/// The ids of a run of 32 hexadecimal digits each.
fn ids(hex: &[u8]) -> Option<HashSet<Uuid>> {
    if !hex.len().is_multiple_of(32) || !hex.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let mut seen = HashSet::default();
    seen.reserve(hex.len() / 32);
    for id in hex.chunks_exact(32) {
        // Hexadecimal digits only, checked above: no sign, nothing else `from_str_radix` takes.
        let text = std::str::from_utf8(id).ok()?;
        seen.insert(Uuid::from_u128(u128::from_str_radix(text, 16).ok()?));
    }
    Some(seen)
}
