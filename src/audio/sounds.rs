//! The cue sounds: bundled in the binary, or the user's own files, decoded once at start so a
//! cue plays the moment it is due.

use std::io::Cursor;
use std::num::NonZero;
use std::path::Path;

use rodio::buffer::SamplesBuffer;
use rodio::{Decoder, Source};

use crate::config::SoundFiles;
use crate::session::Cue;
use crate::sys::files::{self, Kind};
use crate::text;

/// Every kind of cue, in the order of the sounds below.
pub const CUES: [Cue; 9] = [
    Cue::GetReady,
    Cue::Go,
    Cue::Halfway,
    Cue::Countdown(1),
    Cue::End,
    Cue::Rest,
    Cue::SwitchSides,
    Cue::CheckIn,
    Cue::SessionComplete,
];

/// The bundled sounds, made by `examples/make_cues.rs`, in the order of `CUES`.
const BUNDLED: [&[u8]; 9] = [
    include_bytes!("../../assets/get_ready.wav"),
    include_bytes!("../../assets/go.wav"),
    include_bytes!("../../assets/halfway.wav"),
    include_bytes!("../../assets/countdown.wav"),
    include_bytes!("../../assets/end.wav"),
    include_bytes!("../../assets/rest.wav"),
    include_bytes!("../../assets/switch_sides.wav"),
    include_bytes!("../../assets/check_in.wav"),
    include_bytes!("../../assets/session_complete.wav"),
];

/// Longer sounds are cut here, so a cue never runs into the next one for long.
const MAX_SECONDS: usize = 5;

#[derive(Debug, Clone)]
pub struct Sounds {
    sounds: Vec<SamplesBuffer>,
}

impl Sounds {
    /// The bundled sounds, with the user's own where they can be played. Each file that cannot
    /// comes back as one sentence saying which file and why; its bundled sound is used instead.
    pub fn load(files: &SoundFiles) -> (Sounds, Vec<String>) {
        let mut warnings = Vec::new();
        let mut sounds = Vec::with_capacity(CUES.len());
        for (cue, bundled) in CUES.iter().zip(BUNDLED) {
            let own = files.for_cue(*cue).map(|path| (path, read(path)));
            let sound = match own {
                Some((_, Ok(sound))) => sound,
                Some((path, Err(why))) => {
                    warnings.push(text::sound::warn_sound_file(cue.name(), path, &why));
                    bundled_sound(bundled)
                }
                None => bundled_sound(bundled),
            };
            sounds.push(sound);
        }
        (Sounds { sounds }, warnings)
    }

    pub fn get(&self, cue: Cue) -> Option<&SamplesBuffer> {
        let slot = CUES.iter().position(|c| same_kind(*c, cue))?;
        self.sounds.get(slot)
    }
}

fn same_kind(a: Cue, b: Cue) -> bool {
    std::mem::discriminant(&a) == std::mem::discriminant(&b)
}

fn bundled_sound(bytes: &'static [u8]) -> SamplesBuffer {
    // The bundled files are checked by the tests; an empty sound is the impossible fallback.
    decode(bytes.to_vec()).unwrap_or_else(|_| silence())
}

fn silence() -> SamplesBuffer {
    SamplesBuffer::new(NonZero::<u16>::MIN, NonZero::<u32>::MIN, Vec::new())
}

/// A user's sound file: a regular file of at most 10 MB, so that none can hang unknot at start.
fn read(path: &Path) -> Result<SamplesBuffer, String> {
    decode(files::read(path, Kind::Sound).map_err(|e| e.reason())?)
}

/// Decodes a whole WAV, Ogg Vorbis or FLAC file into samples.
pub fn decode(bytes: Vec<u8>) -> Result<SamplesBuffer, String> {
    let decoder = Decoder::new(Cursor::new(bytes))
        .map_err(|_| text::sound::SOUND_NOT_PLAYABLE.to_string())?;
    let channels = decoder.channels();
    let rate = decoder.sample_rate();
    let limit = MAX_SECONDS * rate.get() as usize * usize::from(channels.get());
    let samples: Vec<f32> = decoder.take(limit).collect();
    if samples.is_empty() {
        return Err(text::sound::SOUND_EMPTY.to_string());
    }
    Ok(SamplesBuffer::new(channels, rate, samples))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_sound_decodes_to_its_length_and_is_neither_silent_nor_clipped() {
        let lengths = [0.55, 0.70, 0.50, 0.15, 0.75, 0.70, 0.80, 0.85, 2.60];
        for ((cue, bytes), seconds) in CUES.iter().zip(BUNDLED).zip(lengths) {
            let sound = decode(bytes.to_vec()).unwrap();
            let duration = sound.total_duration().unwrap().as_secs_f64();
            assert!((duration - seconds).abs() < 0.01, "{cue:?}: {duration} s");
            let samples: Vec<f32> = sound.collect();
            let peak = samples.iter().fold(0.0f32, |m, s| m.max(s.abs()));
            assert!(peak > 0.3, "{cue:?} is too quiet: peak {peak}");
            assert!(peak < 0.9, "{cue:?} is too loud or clipped: peak {peak}");
            let rms = (samples.iter().map(|s| s * s).sum::<f32>() / samples.len() as f32).sqrt();
            assert!(rms > 0.02, "{cue:?} is nearly silent: rms {rms}");
            // Starts and ends quietly: no click.
            assert!(samples[0].abs() < 0.05 && samples[samples.len() - 1].abs() < 0.05);
        }
        let short: Vec<f64> = lengths[..8].to_vec();
        assert!(
            short.iter().all(|s| *s < 1.0),
            "every cue but the last is under a second"
        );
    }

    #[test]
    fn a_users_missing_or_unplayable_file_falls_back_with_one_warning_each() {
        let dir = tempfile::tempdir().unwrap();
        let junk = dir.path().join("junk.wav");
        std::fs::write(&junk, b"not a sound").unwrap();
        let own = dir.path().join("go.wav");
        std::fs::write(&own, BUNDLED[2]).unwrap();
        let files = SoundFiles {
            go: Some(own),
            end: Some(junk.clone()),
            rest: Some(dir.path().join("missing.ogg")),
            ..SoundFiles::default()
        };
        let (sounds, warnings) = Sounds::load(&files);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("junk.wav") && warnings[0].contains("end"));
        assert!(warnings[1].contains("missing.ogg") && warnings[1].contains("no such file"));
        // The user's go sound is the bundled halfway bell, 0.5 s long.
        let go = sounds.get(Cue::Go).unwrap().total_duration().unwrap();
        assert!((go.as_secs_f64() - 0.5).abs() < 0.01);
        let end = sounds.get(Cue::End).unwrap().total_duration().unwrap();
        assert!((end.as_secs_f64() - 0.75).abs() < 0.01);
        assert!(sounds.get(Cue::Countdown(2)).is_some());
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_or_a_device_as_a_sound_falls_back_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("go.wav");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()));
        let files = SoundFiles {
            go: Some(fifo),
            end: Some("/dev/zero".into()),
            ..SoundFiles::default()
        };
        let (_, warnings) = Sounds::load(&files);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(
            warnings[0].contains("it is a named pipe, not a file"),
            "{warnings:?}"
        );
        assert!(
            warnings[1].contains("it is a device, not a file"),
            "{warnings:?}"
        );
    }
}
