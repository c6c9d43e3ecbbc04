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

/// The time now, for when sounds end.
#[expect(
    clippy::disallowed_methods,
    reason = "the audio thread is world-side: sounds end on the real clock"
)]
fn now() -> Instant {
    Instant::now()
}
