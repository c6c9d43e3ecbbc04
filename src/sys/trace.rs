//! A timing trace for measuring the session's accuracy: with `UNKNOT_TRACE=FILE`, every phase
//! boundary is written with the time it was due and the time the app got to it, and the times
//! its cue was handed to the sound device and its history lines were synced to disk.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::time::Instant;

use crate::session::Session;

/// What happened after a boundary, and when.
#[derive(Debug, Clone, Copy)]
pub enum Moment {
    /// The cues were handed to the sound device (or the bell).
    Cue,
    /// The history lines were written and synced.
    Synced,
}

pub struct Trace {
    out: Option<BufWriter<File>>,
    /// The session's start: every time in the trace counts from it.
    origin: Option<Instant>,
    last_phase: Option<usize>,
}

impl Trace {
    /// Writes to the file named by `UNKNOT_TRACE`, if set and writable; otherwise does nothing.
    pub fn from_env() -> Trace {
        let out = std::env::var_os("UNKNOT_TRACE")
            .and_then(|path| File::create(path).ok())
            .map(BufWriter::new);
        Trace {
            out,
            origin: None,
            last_phase: None,
        }
    }

    /// Notes the session's phase if it changed: `boundary PHASE STEP due_ms seen_ms`.
    pub fn note(&mut self, session: &Session, now: Instant) {
        let Some(out) = &mut self.out else {
            return;
        };
        let phase = session.current_index();
        if self.last_phase == Some(phase) {
            return;
        }
        self.last_phase = Some(phase);
        let Some(due) = session.phase_started() else {
            return;
        };
        let origin = *self.origin.get_or_insert(due);
        let ms = |t: Instant| t.saturating_duration_since(origin).as_secs_f64() * 1000.0;
        // A trace that cannot be written is not worth stopping a session for.
        let _ = writeln!(
            out,
            "boundary {phase} {} {:.3} {:.3}",
            session.phase().step,
            ms(due),
            ms(now)
        )
        .and_then(|()| out.flush());
    }

    /// Notes `moment` of the current phase: `cue PHASE ms` or `synced PHASE ms`, in the
    /// boundaries' time.
    pub fn moment(&mut self, moment: Moment, session: &Session, now: Instant) {
        let (Some(out), Some(due)) = (&mut self.out, session.phase_started()) else {
            return;
        };
        let origin = *self.origin.get_or_insert(due);
        let word = match moment {
            Moment::Cue => "cue",
            Moment::Synced => "synced",
        };
        let ms = now.saturating_duration_since(origin).as_secs_f64() * 1000.0;
        let _ =
            writeln!(out, "{word} {} {ms:.3}", session.current_index()).and_then(|()| out.flush());
    }
}
