//! The terminal bell: the cue of last resort, when there is no sound device.

use std::io::Write;

use crate::session::Cue;

/// Rings the terminal bell for the moments a person must not miss with their eyes closed.
pub struct Bell<W: Write> {
    out: Option<W>,
    #[cfg(test)]
    rung: usize,
}

impl<W: Write> Bell<W> {
    /// `None` is silence (muted, or no terminal to ring).
    pub fn new(out: Option<W>) -> Self {
        Bell {
            out,
            #[cfg(test)]
            rung: 0,
        }
    }

    /// How many times it rang.
    #[cfg(test)]
    pub fn rung(&self) -> usize {
        self.rung
    }

    /// Plays what a batch of simultaneous cues asks for: one ring at most, so none drowns another.
    pub fn play(&mut self, cues: &[Cue]) {
        let Some(out) = self.out.as_mut() else {
            return;
        };
        if cues.iter().any(|c| rings(*c)) {
            #[cfg(test)]
            {
                self.rung += 1;
            }
            // A bell that cannot ring is not worth stopping the session for.
            let _ = out.write_all(b"\x07").and_then(|()| out.flush());
        }
    }
}

/// The moments that change what the person does; ticks and "get ready" stay quiet.
fn rings(cue: Cue) -> bool {
    matches!(
        cue,
        Cue::Go | Cue::End | Cue::Rest | Cue::SwitchSides | Cue::CheckIn | Cue::SessionComplete
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
        bell.play(&[Cue::GetReady]);
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
