//! Carries out the visit's `Record` effects: each becomes a history line, stamped with a fresh
//! id and the time, written and synced as it happens. Write-only: nothing here decides what is
//! kept or reads the history back.

use crate::history::{Entry, Event, Store};

pub struct Recorder {
    store: Option<Store>,
    /// Lines not on disk yet (a full disk, say), oldest first: they go with the next line, in
    /// order, so nothing is lost once saving works again.
    waiting: Vec<Entry>,
    /// Lines this recorder has been given, saved or waiting.
    given: usize,
    /// Why saving failed, to show while the session goes on.
    problem: Option<String>,
    /// The failure itself, to say at the end if it lasted.
    reason: Option<String>,
}

impl Recorder {
    /// `store` is why the history cannot be written, when it cannot; the visit still runs and
    /// says so.
    pub fn new(store: Result<Store, String>) -> Recorder {
        let (store, problem) = match store {
            Ok(store) => (Some(store), None),
            Err(why) => (None, Some(crate::text::history::history_not_saved(&why))),
        };
        Recorder {
            store,
            waiting: Vec::new(),
            given: 0,
            problem,
            reason: None,
        }
    }

    /// Why saving is failing right now, if it is.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// Why some of what was given is not in the history, if it is not, to say at the end.
    pub fn unsaved(&self) -> Option<String> {
        match (&self.store, &self.reason, &self.problem) {
            (Some(_), Some(reason), _) if !self.waiting.is_empty() => Some(
                crate::text::history::history_unsaved(self.waiting.len(), reason),
            ),
            (None, _, Some(why)) if self.given > 0 => Some(why.clone()),
            _ => None,
        }
    }

    /// Writes one line now (after any still waiting) and returns it as written.
    pub fn record(&mut self, event: Event) -> Entry {
        let entry = Entry::new(event);
        self.given += 1;
        self.waiting.push(entry.clone());
        if let Some(store) = &mut self.store {
            match store.append(&self.waiting) {
                Ok(()) => {
                    self.waiting.clear();
                    self.problem = None;
                    self.reason = None;
                }
                Err(e) => {
                    let reason = e.to_string();
                    self.problem = Some(crate::text::history::history_saving_paused(&reason));
                    self.reason = Some(reason);
                }
            }
        }
        entry
    }
}
