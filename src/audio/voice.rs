//! Spoken announcements through the system's speech program, run on a thread of their own so
//! the session never waits. Only the latest announcement is spoken if several pile up.

use std::process::{Command, Stdio};
use std::sync::mpsc::{Sender, channel};
use std::thread;

use crate::text;

/// Speech programs tried in order when the config names none.
const PROGRAMS: [&str; 4] = ["espeak-ng", "spd-say", "say", "espeak"];

pub struct Voice {
    tx: Option<Sender<String>>,
}

impl Voice {
    /// A voice that says nothing.
    pub fn off() -> Voice {
        Voice { tx: None }
    }

    /// Finds the speech program (`command` is a program and its options) and starts the
    /// speaking thread. Without a program, the voice is off and the sentence says why.
    pub fn start(command: Option<&str>) -> (Voice, Option<String>) {
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
        let (program, options) = (program.clone(), options.to_vec());
        let (tx, rx) = channel::<String>();
        let started = thread::Builder::new()
            .name("unknot-voice".into())
            .spawn(move || {
                while let Ok(mut words) = rx.recv() {
                    // Speak only the newest of what piled up while the last one was spoken.
                    while let Ok(newer) = rx.try_recv() {
                        words = newer;
                    }
                    let spoken = Command::new(&program)
                        .args(&options)
                        .arg(never_an_option(words))
                        .stdin(Stdio::null())
                        .stdout(Stdio::null())
                        .stderr(Stdio::null())
                        .status();
                    if spoken.is_err() {
                        break;
                    }
                }
            });
        match started {
            Ok(_) => (Voice { tx: Some(tx) }, None),
            Err(_) => (Voice::off(), Some(text::sound::NO_VOICE.to_string())),
        }
    }

    pub fn say(&self, words: String) {
        if let Some(tx) = &self.tx {
            // A voice thread that stopped is a voice that is off; the session goes on.
            let _ = tx.send(words);
        }
    }
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
        let (voice, notice) = Voice::start(Some("no-such-speech-program-here -s 140"));
        assert!(voice.tx.is_none());
        assert!(notice.unwrap().contains("no-such-speech-program-here"));
    }

    #[test]
    fn a_program_that_exists_is_used_with_its_options() {
        // `true` ignores its arguments: it stands in for a speech program.
        let (voice, notice) = Voice::start(Some("true --rate 140"));
        assert!(notice.is_none());
        voice.say("Next: knee rolls, 60 seconds".into());
        assert!(voice.tx.is_some());
    }
}
