//! The sound device, opened and fed on a thread of its own.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::thread;
use std::time::{Duration, Instant};

use rodio::source::Done;
use rodio::{DeviceSinkBuilder, Source};

use super::{Settled, ToDevice};

/// How often a flush looks whether the last sound has ended.
const POLL: Duration = Duration::from_millis(10);

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
                    // Sounds still playing: each counts itself off as it ends.
                    let playing = Arc::new(AtomicUsize::new(0));
                    for message in rx {
                        match message {
                            ToDevice::Play((sound, gain)) => {
                                playing.fetch_add(1, Ordering::Relaxed);
                                // The mixer plays every sound added to it together: none cuts
                                // off another.
                                sink.mixer()
                                    .add(Done::new(sound.amplify(gain), Arc::clone(&playing)));
                            }
                            ToDevice::Flush(deadline, done) => {
                                flush(&playing, deadline);
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

/// Waits until no sound is playing, or `deadline`.
#[expect(
    clippy::disallowed_methods,
    reason = "the audio thread is world-side: it waits on the real clock for sounds to end"
)]
fn flush(playing: &AtomicUsize, deadline: Instant) {
    while playing.load(Ordering::Relaxed) > 0 && Instant::now() < deadline {
        thread::sleep(POLL);
    }
}
