//! Routines that ship inside the binary, so unknot works from anywhere with no files installed.

/// (name, source text); the name is what `unknot start NAME` takes.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "gentle-start",
        include_str!("../../routines/gentle-start.ron"),
    ),
    (
        "daily-standard",
        include_str!("../../routines/daily-standard.ron"),
    ),
    (
        "deep-release",
        include_str!("../../routines/deep-release.ron"),
    ),
    ("desk-break", include_str!("../../routines/desk-break.ron")),
    (
        "nerve-glides",
        include_str!("../../routines/nerve-glides.ron"),
    ),
];

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::BUNDLED;
    use crate::routine::{Routine, StepKind, parse};

    /// Doses from the stretching and self-massage guidance the routines cite: stretch holds of
    /// 10-60 s, 1-4 times, about a minute in all per side; a ball or roller 30-120 s per area,
    /// 1-3 rounds.
    #[test]
    fn every_bundled_dose_is_within_the_guidance_and_every_massage_has_a_caution() {
        for (name, source) in BUNDLED {
            let routine = parse(source, Path::new(name)).unwrap();
            for step in &routine.steps {
                let what = format!("{name}: {}", step.title);
                match step.kind {
                    StepKind::Stretch => {
                        assert!(
                            (10..=60).contains(&step.seconds),
                            "{what}: {} s",
                            step.seconds
                        );
                        assert!((1..=4).contains(&step.reps), "{what}: {} reps", step.reps);
                        assert!(step.seconds * step.reps <= 90, "{what}: too long in all");
                    }
                    StepKind::Massage => {
                        assert!(
                            (30..=120).contains(&step.seconds),
                            "{what}: {} s",
                            step.seconds
                        );
                        assert!((1..=3).contains(&step.reps), "{what}: {} rounds", step.reps);
                        assert!(step.caution.is_some(), "{what}: no caution");
                    }
                    StepKind::Movement | StepKind::Rest => {
                        assert!(step.seconds <= 120, "{what}: {} s", step.seconds);
                    }
                    StepKind::CheckIn => {}
                }
                if step.title.to_lowercase().contains("nerve") {
                    let caution = step.caution.as_deref().unwrap_or_default();
                    assert!(caution.contains("2 hours"), "{what}: {caution}");
                }
                assert!(
                    !step.instructions.is_empty() || step.kind == StepKind::CheckIn,
                    "{what}"
                );
                assert!(
                    step.instructions.len() <= 4,
                    "{what}: too many instructions"
                );
            }
        }
    }

    #[test]
    fn the_floor_sequence_is_the_same_steps_at_three_rising_levels() {
        let series: Vec<_> = BUNDLED
            .iter()
            .map(|(name, source)| parse(source, Path::new(name)).unwrap())
            .filter(|r| r.series.as_deref() == Some("Floor sequence"))
            .collect();
        assert_eq!(series.len(), 3);
        let titles = |r: &crate::routine::Routine| -> Vec<String> {
            r.steps.iter().map(|s| s.title.clone()).collect()
        };
        assert!(series.iter().all(|r| titles(r) == titles(&series[0])));
        let mut levels: Vec<_> = series.iter().map(|r| r.level).collect();
        levels.dedup();
        assert_eq!(levels.len(), 3);
        let mut by_level = series.clone();
        by_level.sort_by_key(|r| r.level);
        let lengths: Vec<_> = by_level.iter().map(Routine::planned_duration).collect();
        assert!(lengths.windows(2).all(|w| w[0] < w[1]), "{lengths:?}");
    }

    /// The floor sequence's routines, lightest first.
    fn floor_sequence() -> Vec<Routine> {
        let mut series: Vec<_> = BUNDLED
            .iter()
            .map(|(name, source)| parse(source, Path::new(name)).unwrap())
            .filter(|r| r.series.as_deref() == Some("Floor sequence"))
            .collect();
        series.sort_by_key(|r| r.level);
        series
    }

    /// Stepping up a level adds ball and roller time gently: no step, and no level in all, gets
    /// more than 1.5 times the time it had one level down, and none gets less.
    #[test]
    fn ball_and_roller_time_rises_gently_through_the_floor_sequence() {
        let massage = |r: &Routine| -> Vec<(String, u32)> {
            r.steps
                .iter()
                .filter(|s| s.kind == StepKind::Massage)
                .map(|s| (s.title.clone(), s.seconds * s.reps))
                .collect()
        };
        let gently = |what: &str, lower: u32, upper: u32| {
            assert!(
                lower <= upper && 2 * upper <= 3 * lower,
                "{what}: {lower} s, then {upper} s one level up"
            );
        };
        for pair in floor_sequence().windows(2) {
            let (lower, upper) = (massage(&pair[0]), massage(&pair[1]));
            assert_eq!(lower.len(), upper.len());
            assert!(lower.len() >= 3, "{lower:?}");
            for ((title, down), (_, up)) in lower.iter().zip(&upper) {
                gently(&format!("{}: {title}", pair[1].title), *down, *up);
            }
            let total = |m: &[(String, u32)]| m.iter().map(|(_, s)| s).sum::<u32>();
            gently(&pair[1].title, total(&lower), total(&upper));
        }
    }

    /// The IT-band warm-up comes first of the ball and roller work and is never the longest of it,
    /// and it says plainly that there is no good evidence for it and that it is optional.
    #[test]
    fn the_it_band_warm_up_is_optional_light_and_honest_about_the_evidence() {
        for routine in floor_sequence() {
            let massage: Vec<_> = routine
                .steps
                .iter()
                .filter(|s| s.kind == StepKind::Massage)
                .collect();
            let it_band = massage[0];
            let what = format!("{}: {}", routine.title, it_band.title);
            assert!(it_band.title.contains("outer thigh"), "{what}");
            assert!(it_band.title.contains("optional"), "{what}");
            let caution = it_band.caution.as_deref().unwrap_or_default();
            for words in ["no good evidence", "IT band", "optional", "light"] {
                assert!(
                    caution.contains(words),
                    "{what}: no {words:?} in {caution:?}"
                );
            }
            assert!(
                massage[1..].iter().all(|s| s.seconds >= it_band.seconds),
                "{what}: longer than the deeper work"
            );
        }
    }

    #[test]
    fn no_bundled_text_claims_what_the_evidence_does_not_support() {
        for (name, source) in BUNDLED {
            let routine = parse(source, Path::new(name)).unwrap();
            let mut said = vec![routine.summary.clone()];
            for step in &routine.steps {
                said.extend(step.instructions.iter().cloned());
                said.extend(step.caution.iter().cloned());
            }
            let words: Vec<String> = said
                .join(" ")
                .to_lowercase()
                .split(|c: char| !c.is_alphabetic())
                .map(String::from)
                .collect();
            let text = words.join(" ");
            for claim in [
                "toxins",
                "cure",
                "cures",
                "bed rest",
                "root cause",
                "heals",
                "fixes",
            ] {
                assert!(
                    !text.contains(&format!(" {claim} ")),
                    "{name} says {claim:?}"
                );
            }
        }
    }
}
