//! Worsening over weeks, which a person should take to a GP or physiotherapist (CLINICAL §1,
//! §3, §5): pain rising over two weeks, no improvement after six, pain spreading further down
//! the leg, numbness that was not there. Thresholds are the ones for change over weeks: about 2
//! points, or 30 %, is a change people notice.

use chrono::{DateTime, FixedOffset, TimeDelta};

use crate::history::{Area, CheckIn, Digest};

/// One thing the person said about their symptoms, with when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observation {
    pub at: DateTime<FixedOffset>,
    pub pain: Option<u8>,
    pub areas: Vec<Area>,
    pub numbness: Option<bool>,
}

impl Observation {
    /// What a check-in says about the symptoms.
    pub fn of(at: DateTime<FixedOffset>, c: &CheckIn) -> Observation {
        Observation {
            at,
            pain: c.pain,
            areas: c.areas.clone(),
            numbness: c.numbness,
        }
    }
}

/// A reason to see a GP or physiotherapist, with what shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Worsening {
    /// The last week's average pain is 2 or more points above the week before's.
    Rising { from: f64, to: f64 },
    /// Six weeks or more of scores, and the last week is not clearly better than the first.
    NotImproving { weeks: i64, from: f64, to: f64 },
    /// Pain reaches further down the leg than it did.
    Spreading { from: Area, to: Area },
    /// Numbness or tingling this week, where there was none before.
    Numbness,
}

impl Worsening {
    /// What to do about it, and why, in one sentence.
    pub fn words(&self) -> String {
        match self {
            Worsening::Rising { from, to } => crate::text::safety::worse_rising(*from, *to),
            Worsening::NotImproving { weeks, from, to } => {
                crate::text::safety::worse_not_improving(*weeks, *from, *to)
            }
            Worsening::Spreading { from, to } => {
                crate::text::safety::worse_spreading(from.word(), to.word())
            }
            Worsening::Numbness => crate::text::safety::WORSE_NUMBNESS.to_string(),
        }
    }
}

/// A change people notice, over weeks (Farrar 2001; Ostelo 2008; CLINICAL §5).
const MEANINGFUL_POINTS: f64 = 2.0;
const MEANINGFUL_SHARE: f64 = 0.3;
/// Sciatica usually gets better in 4 to 6 weeks (NHS): after six, no improvement is worth a GP.
const IMPROVES_WITHIN: TimeDelta = TimeDelta::weeks(6);
/// Fewer scores in a week than this say too little to compare.
const SCORES_A_WEEK: usize = 2;

/// What the symptoms people recorded say: before their sessions, the morning after, and in quick
/// logs. Pain right after a session is left out: relief then is often short-lived.
pub fn observations(history: &Digest) -> Vec<Observation> {
    let mut seen: Vec<Observation> = history
        .sessions
        .iter()
        .flat_map(|s| {
            let before = s.before.as_ref().map(|c| Observation::of(s.started, c));
            let morning = s.next_morning.as_ref().map(|c| Observation {
                // The morning after: a day on, near enough for weekly averages.
                at: s.started + TimeDelta::days(1),
                ..Observation::of(s.started, c)
            });
            before.into_iter().chain(morning)
        })
        .chain(history.logs.iter().map(|l| Observation::of(l.at, &l.value)))
        .collect();
    seen.sort_by_key(|o| o.at);
    seen
}

/// Every sign of worsening in what was observed, as of `now`.
pub fn worsening(seen: &[Observation], now: DateTime<FixedOffset>) -> Vec<Worsening> {
    let week = TimeDelta::weeks(1);
    let within = |from: DateTime<FixedOffset>, to: DateTime<FixedOffset>| {
        seen.iter().filter(move |o| o.at > from && o.at <= to)
    };
    let mean = |from, to| {
        let pains: Vec<f64> = within(from, to)
            .filter_map(|o| o.pain.map(f64::from))
            .collect();
        (pains.len() >= SCORES_A_WEEK).then(|| pains.iter().sum::<f64>() / pains.len() as f64)
    };
    let mut found = Vec::new();
    if let (Some(before), Some(last)) = (mean(now - week * 2, now - week), mean(now - week, now))
        && last - before >= MEANINGFUL_POINTS
    {
        found.push(Worsening::Rising {
            from: before,
            to: last,
        });
    }
    if let Some(first) = seen.first().map(|o| o.at)
        && now - first >= IMPROVES_WITHIN
        && let (Some(start), Some(last)) = (
            mean(first - TimeDelta::seconds(1), first + week),
            mean(now - week, now),
        )
    {
        let better = start - last;
        // Pain already mild is not "not improving".
        let clearly = better >= MEANINGFUL_POINTS || better >= start * MEANINGFUL_SHARE;
        if !clearly && last > 3.0 {
            found.push(Worsening::NotImproving {
                weeks: (now - first).num_weeks(),
                from: start,
                to: last,
            });
        }
    }
    let furthest = |from, to| within(from, to).flat_map(|o| o.areas.iter().copied()).max();
    if let (Some(earlier), Some(now_reaches)) = (
        furthest(now - week * 4, now - week),
        furthest(now - week, now),
    ) && now_reaches > earlier
    {
        found.push(Worsening::Spreading {
            from: earlier,
            to: now_reaches,
        });
    }
    let numb_now = within(now - week, now).any(|o| o.numbness == Some(true));
    let earlier: Vec<bool> = seen
        .iter()
        .filter(|o| o.at <= now - week)
        .filter_map(|o| o.numbness)
        .collect();
    if numb_now && !earlier.is_empty() && !earlier.contains(&true) {
        found.push(Worsening::Numbness);
    }
    found
}
