//! Sound cues. For now the terminal bell carries the main moments; it never blocks the session.

use std::io::Write;

use crate::session::Cue;

/// Rings the terminal bell for the moments a person must not miss with their eyes closed.
pub struct Bell<W: Write> {
    out: Option<W>,
}

impl<W: Write> Bell<W> {
    /// `None` is silence (muted, or no terminal to ring).
    pub fn new(out: Option<W>) -> Self {
        Bell { out }
    }

    /// Plays what a batch of simultaneous cues asks for: one ring at most, so none drowns another.
    pub fn play(&mut self, cues: &[Cue]) {
        let Some(out) = self.out.as_mut() else {
            return;
        };
        if cues.iter().any(|c| rings(*c)) {
            // A bell that cannot ring is not worth stopping the session for.
            let _ = out.write_all(b"\x07").and_then(|()| out.flush());
        }
    }
}

fn rings(cue: Cue) -> bool {
    matches!(
        cue,
        Cue::Go | Cue::End | Cue::SwitchSides | Cue::CheckIn | Cue::SessionComplete
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rings_once_for_simultaneous_main_cues_and_not_for_minor_ones() {
        let mut bell = Bell::new(Some(Vec::new()));
        bell.play(&[Cue::End, Cue::Rest]);
        bell.play(&[Cue::Halfway]);
        bell.play(&[Cue::Countdown(3)]);
        bell.play(&[Cue::End, Cue::Go]);
        assert_eq!(bell.out.unwrap(), b"\x07\x07");
    }

    #[test]
    fn silent_bell_does_nothing() {
        let mut bell: Bell<Vec<u8>> = Bell::new(None);
        bell.play(&[Cue::Go]);
        assert!(bell.out.is_none());
    }
}
