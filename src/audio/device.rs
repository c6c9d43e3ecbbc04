//! The sound device, opened and fed on a thread of its own.

use std::sync::mpsc::{Sender, channel};
use std::thread;
use std::time::{Duration, Instant};

use rodio::{DeviceSinkBuilder, Source};

use super::{Settled, ToDevice};

/// What the device holds before a sound is heard: its buffer, a generous guess.
const LATENCY: Duration = Duration::from_millis(150);

/// Opens the default output device in the background. Sounds sent before it is open wait;
/// if it cannot be opened, the thread ends and sending fails. `settled` is set once the
/// attempt is over, whichever way it went.
pub fn spawn(
    on_open: impl FnOnce(Result<(), String>) + Send + 'static,
    settled: Settled,
) -> Sender<ToDevice> {
    let (tx, rx) = channel::<ToDevice>();
    let started = thread::Builder::new()
        .name("unknot-audio".into())
        .spawn(move || {
            if nothing_to_play_on(Machine::this()) {
                settled.set();
                on_open(Err(NOTHING_TO_PLAY_ON.into()));
                return;
            }
            let opened = DeviceSinkBuilder::open_default_sink();
            settled.set();
            match opened {
                Ok(mut sink) => {
                    sink.log_on_drop(false);
                    on_open(Ok(()));
                    // When the last sound added ends: each starts as it is added and lasts as long
                    // as its samples.
                    let mut heard_until: Option<Instant> = None;
                    for message in rx {
                        match message {
                            ToDevice::Play((sound, gain)) => {
                                let ends = now() + sound.total_duration().unwrap_or_default();
                                heard_until = heard_until.max(Some(ends));
                                // The mixer plays every sound added to it together: none cuts
                                // off another.
                                sink.mixer().add(sound.amplify(gain));
                            }
                            ToDevice::Flush(deadline, done) => {
                                if let Some(until) = heard_until {
                                    let until = (until + LATENCY).min(deadline);
                                    thread::sleep(until.saturating_duration_since(now()));
                                }
                                let _ = done.send(());
                            }
                        }
                    }
                }
                Err(e) => on_open(Err(e.to_string())),
            }
        });
    if started.is_err() {
        // Without a thread there is no device; the channel closes and the bell takes over.
        return channel().0;
    }
    tx
}

/// Why no device was opened where [`nothing_to_play_on`] holds.
const NOTHING_TO_PLAY_ON: &str = "no sound card, sound server or sound settings on this machine";

/// What this machine has that a sound could be played on.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Machine {
    /// Sound devices the kernel offers (`/dev/snd` holds something).
    cards: bool,
    /// A sound server named (`PULSE_SERVER`) or listening (the Pulse or Pipewire socket in
    /// `XDG_RUNTIME_DIR`, or the system-wide Pulse one).
    server: bool,
    /// ALSA settings of the user's or the system's (`~/.asoundrc`, `/etc/asound.conf`,
    /// `ALSA_CONFIG_PATH`), which may point anywhere.
    settings: bool,
}

impl Machine {
    /// This machine, as its files and environment say.
    fn this() -> Machine {
        let exists = |p: &std::path::Path| p.exists();
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        let runtime = var("XDG_RUNTIME_DIR").map(std::path::PathBuf::from);
        let home = var("HOME").map(std::path::PathBuf::from);
        Machine {
            cards: std::fs::read_dir("/dev/snd").is_ok_and(|mut d| d.next().is_some()),
            server: var("PULSE_SERVER").is_some()
                || runtime.is_some_and(|r| {
                    exists(&r.join("pulse").join("native")) || exists(&r.join("pipewire-0"))
                })
                || exists(std::path::Path::new("/var/run/pulse/native")),
            settings: var("ALSA_CONFIG_PATH").is_some()
                || exists(std::path::Path::new("/etc/asound.conf"))
                || home.is_some_and(|h| exists(&h.join(".asoundrc"))),
        }
    }
}

/// Whether nothing could play a sound here: no sound card, no sound server, no ALSA settings
/// that could lead elsewhere. Opening the default device there would only load the system's
/// sound libraries (megabytes, for the whole run) and fail seconds later.
fn nothing_to_play_on(machine: Machine) -> bool {
    !(machine.cards || machine.server || machine.settings)
}

/// The time now, for when sounds end.
#[expect(
    clippy::disallowed_methods,
    reason = "the audio thread is world-side: sounds end on the real clock"
)]
fn now() -> Instant {
    Instant::now()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_is_tried_wherever_a_sound_could_be_played() {
        assert!(nothing_to_play_on(Machine::default()));
        for machine in [
            Machine {
                cards: true,
                ..Machine::default()
            },
            Machine {
                server: true,
                ..Machine::default()
            },
            Machine {
                settings: true,
                ..Machine::default()
            },
        ] {
            assert!(!nothing_to_play_on(machine), "{machine:?}");
        }
    }
}
