//! Worsening over weeks, which a person should take to a GP or physiotherapist (CLINICAL §1,
//! §3, §5): pain rising over two weeks, no improvement after six, pain spreading further down
//! the leg, numbness that was not there. Thresholds are the ones for change over weeks: about 2
//! points, or 30 %, is a change people notice.

use chrono::{DateTime, FixedOffset, TimeDelta};

use crate::history::{Area, CheckIn, Digest, WeeklyCheck};

/// One thing the person said about their symptoms, with when.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub at: DateTime<FixedOffset>,
    pub pain: Option<u8>,
    pub areas: Vec<Area>,
    pub numbness: Option<bool>,
    /// The scores of a weekly check, which are compared with the check before, not averaged
    /// with the pain of sessions.
    pub weekly: Option<Weekly>,
}

/// What a weekly check scores, each 0-10.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weekly {
    pub leg_pain: Option<u8>,
    pub back_pain: Option<u8>,
    pub weakness: Option<bool>,
    /// The functional scale's average: 0 unable, 10 as before.
    pub function: Option<f64>,
}

impl Observation {
    /// What a check-in says about the symptoms.
    pub fn of(at: DateTime<FixedOffset>, c: &CheckIn) -> Observation {
        Observation {
            at,
            pain: c.pain,
            areas: c.areas.clone(),
            numbness: c.numbness,
            weekly: None,
        }
    }

    /// What a weekly check says.
    pub fn of_weekly(at: DateTime<FixedOffset>, w: &WeeklyCheck) -> Observation {
        Observation {
            at,
            pain: None,
            areas: Vec::new(),
            numbness: w.numbness,
            weekly: Some(Weekly {
                leg_pain: w.leg_pain,
                back_pain: w.back_pain,
                weakness: w.weakness,
                function: w.function(),
            }),
        }
    }
}

/// Which weekly score changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Score {
    LegPain,
    BackPain,
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
    /// A weekly pain score 2 or more points above the week before's.
    WeeklyRising { score: Score, from: u8, to: u8 },
    /// The functional scale's average 2 or more points below the week before's.
    LessAble { from: f64, to: f64 },
    /// Weakness in the weekly check, where the check before had none.
    Weakness,
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
            Worsening::WeeklyRising { score, from, to } => crate::text::safety::worse_weekly(
                match score {
                    Score::LegPain => crate::text::safety::LEG_PAIN,
                    Score::BackPain => crate::text::safety::BACK_PAIN,
                },
                *from,
                *to,
            ),
            Worsening::LessAble { from, to } => crate::text::safety::worse_function(*from, *to),
            Worsening::Weakness => crate::text::safety::WORSE_WEAKNESS.to_string(),
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
        .chain(
            history
                .weekly
                .iter()
                .map(|w| Observation::of_weekly(w.at, &w.value)),
        )
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
    found.extend(weekly_worsening(seen, now));
    found
}

/// The last weekly check against the one before it, when the last is from the past week and the
/// one before from the one or two weeks before that: pain scores up 2 points or more, the
/// functional scale down 2 or more (CLINICAL §5), weakness that was not there.
fn weekly_worsening(seen: &[Observation], now: DateTime<FixedOffset>) -> Vec<Worsening> {
    let mut checks = seen
        .iter()
        .rev()
        .filter_map(|o| o.weekly.map(|w| (o.at, w)));
    let (Some((last_at, last)), Some((before_at, before))) = (checks.next(), checks.next()) else {
        return Vec::new();
    };
    let gap = last_at - before_at;
    if now - last_at > TimeDelta::days(8) || gap < TimeDelta::days(4) || gap > TimeDelta::days(15) {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (score, from, to) in [
        (Score::LegPain, before.leg_pain, last.leg_pain),
        (Score::BackPain, before.back_pain, last.back_pain),
    ] {
        if let (Some(from), Some(to)) = (from, to)
            && f64::from(to) - f64::from(from) >= MEANINGFUL_POINTS
        {
            found.push(Worsening::WeeklyRising { score, from, to });
        }
    }
    if let (Some(from), Some(to)) = (before.function, last.function)
        && from - to >= MEANINGFUL_POINTS
    {
        found.push(Worsening::LessAble { from, to });
    }
    if last.weakness == Some(true) && before.weakness == Some(false) {
        found.push(Worsening::Weakness);
    }
    found
}
