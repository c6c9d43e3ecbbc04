//! Spoken announcements through the system's speech program, on a thread of their own so the
//! session never waits. While the voice is on, cues pass through the same thread: one
//! [`Queue`] lets words and cues take turns, so none is heard over another.

use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread;
use std::time::{Duration, Instant};

use super::queue::{Action, Item, Queue};
use super::{Playing, ToDevice};
use crate::text;

/// Speech programs tried in order when the config names none.
const PROGRAMS: [&str; 4] = ["espeak-ng", "spd-say", "say", "espeak"];

/// How often a running speech program is asked whether it has finished.
const POLL: Duration = Duration::from_millis(20);

/// What the speaking thread is told.
enum Message {
    /// Where cues are played, once the sound device is there.
    #[cfg_attr(
        not(feature = "sound"),
        allow(
            dead_code,
            reason = "without the sound feature there is no device to play on"
        )
    )]
    Device(Sender<ToDevice>),
    Cue(Playing, Duration),
    Words(String),
    /// Finish what is due, until the deadline at most, then say so and stop.
    Finish(Instant, Sender<()>),
}

pub struct Voice {
    tx: Option<Sender<Message>>,
}

/// How the speech program is asked for a voice and a pace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dialect {
    /// espeak-ng and espeak: `-v NAME -s WPM`.
    Espeak,
    /// macOS `say`: `-v NAME -r WPM`.
    Say,
    /// speech-dispatcher's `spd-say`: `-y NAME -r -100..100`, and `-w` to wait until spoken.
    SpdSay,
    /// Any other program: given the words alone.
    Other,
}

impl Voice {
    /// A voice that says nothing.
    pub fn off() -> Voice {
        Voice { tx: None }
    }

    /// Finds the speech program (`command` is a program and its options; `name` the voice it
    /// should speak in, `rate` words a minute) and starts the speaking thread. Without a
    /// program, the voice is off and the sentence says why.
    pub fn start(
        command: Option<&str>,
        name: Option<&str>,
        rate: Option<u32>,
    ) -> (Voice, Option<String>) {
        let words: Vec<String> = match command {
            Some(c) => c.split_whitespace().map(String::from).collect(),
            None => PROGRAMS
                .iter()
                .find(|p| which::which(p).is_ok())
                .map(|p| vec![(*p).to_string()])
                .unwrap_or_default(),
        };
        let Some((program, options)) = words.split_first() else {
            return (Voice::off(), Some(text::sound::NO_VOICE.to_string()));
        };
        if which::which(program).is_err() {
            return (Voice::off(), Some(text::sound::voice_not_found(program)));
        }
        let mut options = options.to_vec();
        options.extend(voice_options(dialect(program), name, rate));
        let program = program.clone();
        let (tx, rx) = channel::<Message>();
        let started = thread::Builder::new()
            .name("unknot-voice".into())
            .spawn(move || speak(&program, &options, &rx));
        match started {
            Ok(_) => (Voice { tx: Some(tx) }, None),
            Err(_) => (Voice::off(), Some(text::sound::NO_VOICE.to_string())),
        }
    }

    /// Whether words are spoken, and so cues must come through here to take turns with them.
    pub fn is_on(&self) -> bool {
        self.tx.is_some()
    }

    pub fn say(&self, words: String) {
        self.send(Message::Words(words));
    }

    /// Where cues go once the sound device is there.
    #[cfg_attr(
        not(feature = "sound"),
        allow(
            dead_code,
            reason = "without the sound feature there is no device to play on"
        )
    )]
    pub fn use_device(&self, device: Sender<ToDevice>) {
        self.send(Message::Device(device));
    }

    /// A cue of `length`, to be heard in its turn.
    pub fn cue(&self, sound: Playing, length: Duration) {
        self.send(Message::Cue(sound, length));
    }

    /// Waits until everything already due has been said and played, or `deadline` has come;
    /// the words still being spoken then are cut short.
    #[expect(
        clippy::disallowed_methods,
        reason = "world-side: the wait before leaving is bounded on the real clock"
    )]
    pub fn finish(&self, deadline: Instant) {
        let (done, finished) = channel();
        if let Some(tx) = &self.tx
            && tx.send(Message::Finish(deadline, done)).is_ok()
        {
            let _ = finished.recv_timeout(deadline.saturating_duration_since(Instant::now()));
        }
    }

    fn send(&self, message: Message) {
        if let Some(tx) = &self.tx {
            // A voice thread that stopped is a voice that is off; the session goes on.
            let _ = tx.send(message);
        }
    }
}

/// The speaking thread: carries out the queue's actions until told to finish.
#[expect(
    clippy::disallowed_methods,
    reason = "the speaking thread is world-side: it times cues against the real clock"
)]
fn speak(program: &str, options: &[String], rx: &Receiver<Message>) {
    let mut queue: Queue<Playing> = Queue::default();
    let mut device: Option<Sender<ToDevice>> = None;
    let mut child: Option<Child> = None;
    let mut finishing: Option<(Instant, Sender<()>)> = None;
    loop {
        let now = Instant::now();
        let wait = match (&child, queue.wake()) {
            (Some(_), _) => Some(POLL),
            (None, Some(until)) => Some(until.saturating_duration_since(now)),
            (None, None) => None,
        };
        let wait = match (&finishing, wait) {
            (Some((deadline, _)), w) => {
                let left = deadline.saturating_duration_since(now);
                Some(w.map_or(left, |w| w.min(left)))
            }
            (None, w) => w,
        };
        let message = match wait {
            Some(w) => rx.recv_timeout(w),
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        let now = Instant::now();
        let mut actions = match message {
            Ok(Message::Device(tx)) => {
                device = Some(tx);
                Vec::new()
            }
            Ok(Message::Cue(sound, length)) => queue.push(Item::Cue { sound, length }, now),
            Ok(Message::Words(words)) => queue.push(Item::Words(words), now),
            Ok(Message::Finish(deadline, done)) => {
                finishing = Some((deadline, done));
                Vec::new()
            }
            Err(RecvTimeoutError::Timeout) => queue.tick(now),
            Err(RecvTimeoutError::Disconnected) => {
                finishing.get_or_insert((now, channel().0));
                Vec::new()
            }
        };
        if let Some(running) = &mut child
            && !matches!(running.try_wait(), Ok(None))
        {
            child = None;
            actions.extend(queue.spoken(now));
        }
        for action in actions {
            match action {
                Action::Play(sound) => {
                    if let Some(tx) = &device {
                        let _ = tx.send(ToDevice::Play(sound));
                    }
                }
                Action::Speak(words) => match spawn(program, options, words) {
                    Some(started) => child = Some(started),
                    // A program that cannot be run says nothing; the queue goes on.
                    None => {
                        for next in queue.spoken(now) {
                            if let (Action::Play(sound), Some(tx)) = (next, &device) {
                                let _ = tx.send(ToDevice::Play(sound));
                            }
                        }
                    }
                },
                Action::Hush => {
                    if let Some(running) = &mut child {
                        let _ = running.kill();
                    }
                }
            }
        }
        if let Some((deadline, _)) = &finishing
            && (queue.is_idle(now) || now >= *deadline)
        {
            if let Some(mut running) = child.take() {
                let _ = running.kill();
                let _ = running.wait();
            }
            if let Some((_, done)) = finishing.take() {
                let _ = done.send(());
            }
            return;
        }
    }
}

fn spawn(program: &str, options: &[String], words: String) -> Option<Child> {
    Command::new(program)
        .args(options)
        .arg(never_an_option(words))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()
}

/// How the program named `program` (a name or a path) takes a voice and a pace.
fn dialect(program: &str) -> Dialect {
    let name = std::path::Path::new(program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(program);
    match name {
        "espeak-ng" | "espeak" => Dialect::Espeak,
        "say" => Dialect::Say,
        "spd-say" => Dialect::SpdSay,
        _ => Dialect::Other,
    }
}

/// The options asking `dialect` for the voice `name` at `rate` words a minute.
fn voice_options(dialect: Dialect, name: Option<&str>, rate: Option<u32>) -> Vec<String> {
    let mut options = Vec::new();
    let (voice_flag, rate_flag) = match dialect {
        Dialect::Espeak => ("-v", "-s"),
        Dialect::Say => ("-v", "-r"),
        Dialect::SpdSay => {
            // spd-say returns at once unless asked to wait, and the queue must know when the
            // words end.
            options.push("-w".to_string());
            ("-y", "-r")
        }
        Dialect::Other => return options,
    };
    if let Some(name) = name {
        options.extend([voice_flag.to_string(), name.to_string()]);
    }
    if let Some(rate) = rate {
        let rate = if dialect == Dialect::SpdSay {
            // spd-say's pace runs from -100 to 100 around its own default of about 180 a minute.
            (i64::from(rate) - 180).clamp(-100, 100)
        } else {
            i64::from(rate)
        };
        options.extend([rate_flag.to_string(), rate.to_string()]);
    }
    options
}

/// The words as the speech program's last argument, which it must never read as an option: a
/// step title from a shared routine such as "-w FILE" would otherwise make espeak-ng write a
/// file. A leading space keeps any program's option parser off it and is not heard.
fn never_an_option(words: String) -> String {
    if words.starts_with('-') {
        format!(" {words}")
    } else {
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_starting_with_a_dash_are_never_an_option() {
        assert_eq!(
            never_an_option("-w /tmp/x Knee rolls".into()),
            " -w /tmp/x Knee rolls"
        );
        assert_eq!(never_an_option("--help".into()), " --help");
        assert_eq!(
            never_an_option("Knee rolls - left".into()),
            "Knee rolls - left"
        );
    }

    #[test]
    fn a_missing_program_turns_the_voice_off_with_a_reason() {
        let (voice, notice) = Voice::start(Some("no-such-speech-program-here -s 140"), None, None);
        assert!(voice.tx.is_none());
        assert!(notice.unwrap().contains("no-such-speech-program-here"));
    }

    #[test]
    #[expect(
        clippy::disallowed_methods,
        reason = "the test bounds the wait for the speaking thread on the real clock"
    )]
    fn a_program_that_exists_is_used_with_its_options() {
        // `true` ignores its arguments: it stands in for a speech program.
        let (voice, notice) = Voice::start(Some("true --rate 140"), None, None);
        assert!(notice.is_none());
        voice.say("Next: knee rolls, 60 seconds".into());
        assert!(voice.is_on());
        voice.finish(Instant::now() + Duration::from_secs(2));
    }

    #[test]
    fn the_voice_and_pace_are_asked_for_in_each_program_s_own_words() {
        let v = |d, n, r| voice_options(d, n, r).join(" ");
        assert_eq!(dialect("/usr/bin/espeak-ng"), Dialect::Espeak);
        assert_eq!(
            v(Dialect::Espeak, Some("en-gb"), Some(140)),
            "-v en-gb -s 140"
        );
        assert_eq!(v(Dialect::Say, Some("Daniel"), None), "-v Daniel");
        assert_eq!(v(Dialect::SpdSay, None, Some(400)), "-w -r 100");
        assert_eq!(v(Dialect::SpdSay, None, None), "-w");
        assert_eq!(v(Dialect::Other, Some("en-gb"), Some(140)), "");
    }
}
