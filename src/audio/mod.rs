//! Sound cues, played on their own thread so the session never waits on audio. Sounds overlap
//! rather than cut each other off. Without a sound device the terminal bell carries the main
//! moments, and the person is told so once.

mod bell;
#[cfg(feature = "sound")]
mod device;
mod queue;
#[cfg(test)]
mod schedule_tests;
mod sounds;
mod voice;

use std::io::Write;
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use rodio::buffer::SamplesBuffer;

pub use bell::Bell;
pub use sounds::Sounds;
pub use voice::Voice;

use crate::session::Cue;

/// How long leaving waits for a sound device that is still opening.
pub const SETTLE_LIMIT: Duration = Duration::from_secs(3);

/// How long leaving waits, at most, for the cues and words already due to be heard.
pub const FINISH_LIMIT: Duration = Duration::from_secs(4);

/// A sound to play and how loud, on its way to the audio thread.
pub type Playing = (SamplesBuffer, f32);

/// What the audio thread is told.
#[cfg_attr(
    not(feature = "sound"),
    allow(
        dead_code,
        reason = "without the sound feature there is no device to play on"
    )
)]
pub enum ToDevice {
    Play(Playing),
    /// Say so on the sender once every sound has ended, or at the deadline.
    Flush(Instant, Sender<()>),
}

/// Set once the attempt to open the sound device is over. While it runs, the sound system may
/// still print to stderr, so stderr is handed back only after it.
#[derive(Clone, Default)]
pub struct Settled(Arc<(Mutex<bool>, Condvar)>);

impl Settled {
    pub fn set(&self) {
        let (done, changed) = &*self.0;
        if let Ok(mut done) = done.lock() {
            *done = true;
        }
        changed.notify_all();
    }

    /// Waits until the attempt is over, or `limit` has passed.
    pub fn wait(&self, limit: Duration) {
        let (done, changed) = &*self.0;
        if let Ok(guard) = done.lock() {
            let _ = changed.wait_timeout_while(guard, limit, |done| !*done);
        }
    }
}

/// How cues reach the person right now.
enum Output {
    /// The device is still opening; cues wait in its queue.
    #[cfg_attr(
        not(feature = "sound"),
        allow(
            dead_code,
            reason = "without the sound feature there is no device to open"
        )
    )]
    Opening(Sender<ToDevice>),
    Device(Sender<ToDevice>),
    Bell,
    /// Muted from the start: the device is not opened until the sound is switched on, so a
    /// silent session never loads the system's sound libraries (megabytes, and seconds of
    /// trying where there is no sound card). Holds what to call once it has been tried.
    #[cfg(feature = "sound")]
    Unopened(OnOpen),
}

/// Called from the audio thread with how opening the device went.
#[cfg(feature = "sound")]
type OnOpen = Box<dyn FnOnce(Result<(), String>) + Send>;

pub struct Audio<W: Write> {
    output: Output,
    settled: Settled,
    sounds: Sounds,
    bell: Bell<W>,
    voice: Voice,
    gain: f32,
    muted: bool,
}

/// What the audio needs, read from the settings before the session.
pub struct AudioSetup {
    pub sounds: Sounds,
    pub voice: Voice,
    pub gain: f32,
    pub muted: bool,
    /// Things to tell the person once: sound files that could not be used, no speech program.
    pub notes: Vec<String>,
}

impl<W: Write> Audio<W> {
    /// Starts opening the sound device in the background and returns at once. `on_open` is
    /// called from the audio thread with the outcome, so the app can wake up and say it.
    pub fn start(
        setup: AudioSetup,
        bell: Bell<W>,
        on_open: impl FnOnce(Result<(), String>) + Send + 'static,
    ) -> Audio<W> {
        let settled = Settled::default();
        #[cfg(feature = "sound")]
        let output = if setup.muted {
            settled.set();
            Output::Unopened(Box::new(on_open))
        } else {
            open(on_open, &settled, &setup.voice)
        };
        #[cfg(not(feature = "sound"))]
        let output = {
            settled.set();
            on_open(Err(crate::text::sound::NO_SOUND_DEVICE.to_string()));
            Output::Bell
        };
        Audio {
            output,
            settled,
            sounds: setup.sounds,
            bell,
            voice: setup.voice,
            gain: setup.gain,
            muted: setup.muted,
        }
    }

    /// Audio that makes no sound and rings no bell, for tests of what drives it.
    #[cfg(test)]
    pub fn quiet() -> Audio<W> {
        let settled = Settled::default();
        settled.set();
        Audio {
            output: Output::Bell,
            settled,
            sounds: Sounds::load(&crate::config::SoundFiles::default()).0,
            bell: Bell::new(None),
            voice: Voice::off(),
            gain: 0.0,
            muted: true,
        }
    }

    /// The device opened, or could not: from now on cues go to it, or to the bell.
    pub fn opened(&mut self, result: &Result<(), String>) {
        let output = std::mem::replace(&mut self.output, Output::Bell);
        self.output = match (output, result) {
            (Output::Opening(tx) | Output::Device(tx), Ok(())) => Output::Device(tx),
            #[cfg(feature = "sound")]
            (unopened @ Output::Unopened(_), _) => unopened,
            _ => Output::Bell,
        };
    }

    /// Plays what a moment asks for; the session has already chosen one cue per moment.
    pub fn play(&mut self, cues: &[Cue]) {
        if self.muted {
            return;
        }
        match &self.output {
            Output::Opening(tx) | Output::Device(tx) => {
                for cue in cues {
                    if let Some(sound) = self.sounds.get(*cue) {
                        if self.voice.is_on() {
                            // In turn with the words, through the voice's queue.
                            let length = rodio::Source::total_duration(sound).unwrap_or_default();
                            self.voice.cue((sound.clone(), self.gain), length);
                            continue;
                        }
                        // A closed audio thread means no device; the bell takes over.
                        if tx.send(ToDevice::Play((sound.clone(), self.gain))).is_err() {
                            self.output = Output::Bell;
                            self.bell.play(cues);
                            return;
                        }
                    }
                }
            }
            Output::Bell => self.bell.play(cues),
            #[cfg(feature = "sound")]
            Output::Unopened(_) => {}
        }
    }

    /// Says `words` in turn with the cues, unless muted; what is said is the visit's rule
    /// (`visit::spoken`).
    pub fn say(&self, words: String) {
        if !self.muted {
            self.voice.say(words);
        }
    }

    /// Waits until the cues and words already due have been heard, `limit` at most, so that
    /// leaving does not cut off the last hold's end or the completion chime.
    #[expect(
        clippy::disallowed_methods,
        reason = "world-side: the wait before leaving is bounded on the real clock"
    )]
    pub fn finish(&self, limit: Duration) {
        let deadline = Instant::now() + limit;
        self.voice.finish(deadline);
        if let Output::Opening(tx) | Output::Device(tx) = &self.output {
            let (done, finished) = channel();
            if tx.send(ToDevice::Flush(deadline, done)).is_ok() {
                let _ = finished.recv_timeout(deadline.saturating_duration_since(Instant::now()));
            }
        }
    }

    /// Waits (at most `limit`) for the sound device to finish opening, so that nothing it
    /// prints comes after the screen is handed back.
    pub fn settle(&self, limit: Duration) {
        self.settled.wait(limit);
    }

    /// Switches the sound off or on, opening the device the first time it is switched on;
    /// returns whether it is now muted.
    pub fn toggle_mute(&mut self) -> bool {
        self.muted = !self.muted;
        #[cfg(feature = "sound")]
        if !self.muted {
            self.output = match std::mem::replace(&mut self.output, Output::Bell) {
                Output::Unopened(on_open) => {
                    self.settled = Settled::default();
                    open(on_open, &self.settled, &self.voice)
                }
                other => other,
            };
        }
        self.muted
    }

    pub fn is_muted(&self) -> bool {
        self.muted
    }
}

/// Starts opening the sound device in the background; the voice plays through it too.
#[cfg(feature = "sound")]
fn open(
    on_open: impl FnOnce(Result<(), String>) + Send + 'static,
    settled: &Settled,
    voice: &Voice,
) -> Output {
    let device = device::spawn(on_open, settled.clone());
    voice.use_device(device.clone());
    Output::Opening(device)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::SoundFiles;

    fn audio(muted: bool) -> Audio<Vec<u8>> {
        let (sounds, _) = Sounds::load(&SoundFiles::default());
        Audio {
            output: Output::Bell,
            settled: Settled::default(),
            sounds,
            bell: Bell::new(Some(Vec::new())),
            voice: Voice::off(),
            gain: 0.8,
            muted,
        }
    }

    #[test]
    fn without_a_device_the_bell_rings_and_mute_silences_it() {
        let mut a = audio(false);
        a.play(&[Cue::Go]);
        assert!(a.toggle_mute());
        a.play(&[Cue::End]);
        assert!(!a.toggle_mute());
        a.play(&[Cue::Halfway]);
        a.play(&[Cue::SessionComplete]);
        assert_eq!(a.bell.rung(), 2);
    }

    #[cfg(feature = "sound")]
    #[test]
    fn muted_from_the_start_the_device_is_opened_only_once_the_sound_is_switched_on() {
        let tried = Arc::new(Mutex::new(false));
        let setup = AudioSetup {
            sounds: Sounds::load(&SoundFiles::default()).0,
            voice: Voice::off(),
            gain: 0.8,
            muted: true,
            notes: Vec::new(),
        };
        let told = Arc::clone(&tried);
        let mut a = Audio::start(setup, Bell::new(Some(Vec::new())), move |_| {
            *told.lock().unwrap() = true;
        });
        assert!(matches!(a.output, Output::Unopened(_)));
        a.play(&[Cue::Go]);
        a.opened(&Err("no device".into()));
        assert!(matches!(a.output, Output::Unopened(_)), "still not opened");
        a.settle(Duration::ZERO);
        assert_eq!(a.bell.rung(), 0);
        assert!(!*tried.lock().unwrap());
        assert!(!a.toggle_mute());
        assert!(
            matches!(a.output, Output::Opening(_)),
            "opening once switched on"
        );
    }

    #[test]
    fn a_device_that_fails_to_open_hands_over_to_the_bell() {
        let (tx, rx) = std::sync::mpsc::channel();
        let mut a = audio(false);
        a.output = Output::Opening(tx);
        a.play(&[Cue::Go]);
        assert_eq!(rx.try_iter().count(), 1, "queued while opening");
        a.opened(&Err("no device".into()));
        a.play(&[Cue::Go]);
        assert_eq!(a.bell.rung(), 1);
        assert_eq!(rx.try_iter().count(), 0);
    }

    #[test]
    fn an_open_device_gets_the_sounds_at_the_set_volume() {
        let (tx, rx) = std::sync::mpsc::channel();
        let mut a = audio(false);
        a.output = Output::Opening(tx);
        a.opened(&Ok(()));
        a.play(&[Cue::SwitchSides]);
        let Ok(ToDevice::Play((sound, gain))) = rx.try_recv() else {
            panic!("a sound for the device");
        };
        assert!((gain - 0.8).abs() < 1e-6);
        assert!(rodio::Source::total_duration(&sound).is_some());
        assert_eq!(a.bell.rung(), 0);
    }

    #[test]
    #[expect(
        clippy::disallowed_methods,
        reason = "the test times the wait before leaving on the real clock"
    )]
    fn leaving_waits_for_the_sounds_still_playing_but_no_longer_than_the_limit() {
        // A stand-in device whose last sound ends 300 ms after it is asked.
        let (tx, rx) = channel();
        let mut a = audio(false);
        a.output = Output::Device(tx);
        std::thread::spawn(move || {
            for message in rx {
                if let ToDevice::Flush(_, done) = message {
                    std::thread::sleep(Duration::from_millis(300));
                    let _ = done.send(());
                }
            }
        });
        let start = Instant::now();
        a.finish(Duration::from_secs(3));
        let waited = start.elapsed();
        assert!(waited >= Duration::from_millis(300), "{waited:?}");
        assert!(waited < Duration::from_secs(2), "{waited:?}");

        // One that never says it is done: leaving waits out the limit, then goes.
        let (tx, _rx) = channel();
        a.output = Output::Device(tx);
        let start = Instant::now();
        a.finish(Duration::from_millis(200));
        let waited = start.elapsed();
        assert!(waited >= Duration::from_millis(200), "{waited:?}");
        assert!(waited < Duration::from_secs(2), "{waited:?}");
    }
}
