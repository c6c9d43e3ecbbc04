//! One queue for everything the person hears while the voice is on: cues and spoken
//! announcements take turns, so no two are heard at once. Pure: the time is passed in, and what
//! to do comes back as [`Action`]s for the speaking thread to carry out.
//!
//! What goes stale is dropped: newer words replace words still waiting and cut short words being
//! spoken (the session has moved on, say after a skip), and a newer cue replaces a cue still
//! waiting (after a long announcement, only the latest second of a countdown is worth hearing).

use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// Something to hear: a cue of known length, carrying what plays it, or words to say.
#[derive(Debug, Clone, PartialEq)]
pub enum Item<P> {
    Cue { sound: P, length: Duration },
    Words(String),
}

/// What the speaking thread does next.
#[derive(Debug, Clone, PartialEq)]
pub enum Action<P> {
    Play(P),
    Speak(String),
    /// Stop the words being spoken; [`Queue::spoken`] follows once they have stopped.
    Hush,
}

/// What is being heard now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Busy {
    Idle,
    /// A cue, until the time it ends.
    Cue(Instant),
    /// Words, until the speech program says it has finished.
    Words,
}

#[derive(Debug)]
pub struct Queue<P> {
    waiting: VecDeque<Item<P>>,
    busy: Busy,
}

impl<P> Default for Queue<P> {
    fn default() -> Self {
        Queue {
            waiting: VecDeque::new(),
            busy: Busy::Idle,
        }
    }
}

impl<P> Queue<P> {
    /// Adds `item` at `now`, dropping what it makes stale; returns what to do now.
    pub fn push(&mut self, item: Item<P>, now: Instant) -> Vec<Action<P>> {
        let mut actions = Vec::new();
        match item {
            Item::Words(_) => {
                self.waiting.retain(|i| !matches!(i, Item::Words(_)));
                if self.busy == Busy::Words {
                    actions.push(Action::Hush);
                }
            }
            Item::Cue { .. } => self.waiting.retain(|i| !matches!(i, Item::Cue { .. })),
        }
        self.waiting.push_back(item);
        actions.extend(self.next(now));
        actions
    }

    /// The words being spoken have ended (finished or hushed) at `now`.
    pub fn spoken(&mut self, now: Instant) -> Vec<Action<P>> {
        if self.busy == Busy::Words {
            self.busy = Busy::Idle;
        }
        self.next(now)
    }

    /// Time has passed: a cue whose time is up makes way for what waits.
    pub fn tick(&mut self, now: Instant) -> Vec<Action<P>> {
        self.next(now)
    }

    /// When a cue being heard ends, if one is: the time to call [`Queue::tick`].
    pub fn wake(&self) -> Option<Instant> {
        match self.busy {
            Busy::Cue(until) => Some(until),
            Busy::Idle | Busy::Words => None,
        }
    }

    /// Whether nothing is being heard or waits to be.
    pub fn is_idle(&self, now: Instant) -> bool {
        self.waiting.is_empty()
            && match self.busy {
                Busy::Idle => true,
                Busy::Cue(until) => now >= until,
                Busy::Words => false,
            }
    }

    fn next(&mut self, now: Instant) -> Vec<Action<P>> {
        if let Busy::Cue(until) = self.busy
            && now >= until
        {
            self.busy = Busy::Idle;
        }
        if self.busy != Busy::Idle {
            return Vec::new();
        }
        match self.waiting.pop_front() {
            None => Vec::new(),
            Some(Item::Cue { sound, length }) => {
                self.busy = Busy::Cue(now + length);
                vec![Action::Play(sound)]
            }
            Some(Item::Words(words)) => {
                self.busy = Busy::Words;
                vec![Action::Speak(words)]
            }
        }
    }
}

#[cfg(test)]
#[expect(
    clippy::disallowed_methods,
    reason = "a real instant is only the fake clock's origin; every other instant is built from it"
)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    fn cue(name: &'static str, ms: u64) -> Item<&'static str> {
        Item::Cue {
            sound: name,
            length: MS * u32::try_from(ms).unwrap(),
        }
    }

    fn words(w: &str) -> Item<&'static str> {
        Item::Words(w.into())
    }

    #[test]
    fn words_wait_for_the_cue_being_heard_and_a_cue_waits_for_the_words() {
        let t0 = Instant::now();
        let mut q = Queue::default();
        assert_eq!(q.push(cue("go", 300), t0), vec![Action::Play("go")]);
        assert_eq!(q.push(words("Next: Knee rolls"), t0 + MS * 10), vec![]);
        assert_eq!(q.wake(), Some(t0 + MS * 300));
        assert_eq!(q.tick(t0 + MS * 299), vec![]);
        assert_eq!(
            q.tick(t0 + MS * 300),
            vec![Action::Speak("Next: Knee rolls".into())]
        );
        assert_eq!(q.push(cue("halfway", 200), t0 + MS * 400), vec![]);
        assert!(!q.is_idle(t0 + MS * 5000), "the words have not ended");
        assert_eq!(
            q.spoken(t0 + MS * 2000),
            vec![Action::Play("halfway")],
            "the cue plays when the words end"
        );
        assert!(!q.is_idle(t0 + MS * 2199));
        assert!(q.is_idle(t0 + MS * 2200));
    }

    #[test]
    fn newer_words_replace_waiting_words_and_cut_short_the_words_being_spoken() {
        let t0 = Instant::now();
        let mut q = Queue::default();
        assert_eq!(q.push(cue("go", 300), t0), vec![Action::Play("go")]);
        q.push(words("Step 2"), t0);
        assert_eq!(q.push(words("Step 3"), t0), vec![], "step 2 is stale");
        assert_eq!(q.tick(t0 + MS * 300), vec![Action::Speak("Step 3".into())]);
        assert_eq!(q.push(words("Step 4"), t0 + MS * 400), vec![Action::Hush]);
        assert_eq!(
            q.spoken(t0 + MS * 410),
            vec![Action::Speak("Step 4".into())]
        );
        assert!(!q.is_idle(t0 + MS * 60_000), "step 4 is being spoken");
    }

    #[test]
    fn a_newer_cue_replaces_a_waiting_one_but_words_keep_their_place() {
        let t0 = Instant::now();
        let mut q = Queue::default();
        q.push(words("Rest: 10 seconds"), t0);
        q.push(cue("3", 100), t0 + MS * 100);
        q.push(words("Switch to the right side"), t0 + MS * 150);
        q.push(cue("2", 100), t0 + MS * 200);
        q.push(cue("1", 100), t0 + MS * 300);
        // "Rest" was being spoken when "Switch" came: it is cut short.
        assert_eq!(
            q.spoken(t0 + MS * 350),
            vec![Action::Speak("Switch to the right side".into())]
        );
        assert_eq!(q.spoken(t0 + MS * 900), vec![Action::Play("1")]);
        assert!(q.is_idle(t0 + MS * 1000));
        assert_eq!(q.wake(), Some(t0 + MS * 1000));
    }

    #[test]
    fn the_end_of_words_not_being_spoken_changes_nothing() {
        let t0 = Instant::now();
        let mut q = Queue::default();
        assert_eq!(q.push(cue("end", 500), t0), vec![Action::Play("end")]);
        assert_eq!(q.spoken(t0 + MS * 10), vec![]);
        assert!(!q.is_idle(t0 + MS * 10));
    }
}
