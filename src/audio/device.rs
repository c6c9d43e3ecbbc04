//! The sound device, opened and fed on a thread of its own.

use std::sync::mpsc::{Sender, channel};
use std::thread;

use rodio::{DeviceSinkBuilder, Source};

use super::{Playing, Settled};

/// Opens the default output device in the background. Sounds sent before it is open wait;
/// if it cannot be opened, the thread ends and sending fails. `settled` is set once the
/// attempt is over, whichever way it went.
pub fn spawn(
    on_open: impl FnOnce(Result<(), String>) + Send + 'static,
    settled: Settled,
) -> Sender<Playing> {
    let (tx, rx) = channel::<Playing>();
    let started = thread::Builder::new()
        .name("unknot-audio".into())
        .spawn(move || {
            let opened = DeviceSinkBuilder::open_default_sink();
            settled.set();
            match opened {
                Ok(mut sink) => {
                    sink.log_on_drop(false);
                    on_open(Ok(()));
                    // The mixer plays every sound added to it together: none cuts off another.
                    for (sound, gain) in rx {
                        sink.mixer().add(sound.amplify(gain));
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
