//! Small facts kept on the session screen's bottom edge (muted, no sound device, a sound file
//! not used, no voice), fitted to the window without changing what they say: each has a
//! shorter form for a narrow window, and one that still does not fit is left out, never cut.

use std::borrow::Cow;

use super::columns;

/// Between two notices.
const BETWEEN: &str = "  ·  ";

/// A notice in full, and in a shorter form that says the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub full: Cow<'static, str>,
    pub short: &'static str,
}

impl Notice {
    pub fn new(full: impl Into<Cow<'static, str>>, short: &'static str) -> Notice {
        Notice {
            full: full.into(),
            short,
        }
    }
}

/// The notices that fit in `columns`, most important (first) first: as many as fit in their
/// short form, the last left out until the rest do; then in full, from the first, as far as
/// they still fit.
pub fn line(notices: &[Notice], columns: usize) -> String {
    let fits = |forms: &[&str]| columns::width(&forms.join(BETWEEN)) <= columns;
    // The first `kept` notices, the last `shortened` of them in their short form; two sound
    // files not used read the same short, and are said once.
    let forms = |kept: usize, shortened: usize| -> Vec<&str> {
        let full = kept.saturating_sub(shortened);
        let mut forms: Vec<&str> = notices[..kept]
            .iter()
            .enumerate()
            .map(|(i, n)| if i < full { n.full.as_ref() } else { n.short })
            .collect();
        forms.dedup();
        forms
    };
    let kept = (0..=notices.len())
        .rev()
        .find(|&kept| fits(&forms(kept, kept)))
        .unwrap_or(0);
    (0..=kept)
        .map(|shortened| forms(kept, shortened))
        .find(|f| fits(f))
        .unwrap_or_default()
        .join(BETWEEN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sound;

    /// Every notice that can show on the edge, most important first, as the app orders them.
    fn every_notice() -> Vec<Notice> {
        vec![
            Notice::new(sound::MUTED, sound::MUTED_SHORT),
            Notice::new(sound::NO_SOUND_DEVICE, sound::NO_SOUND_DEVICE_SHORT),
            Notice::new(sound::NO_VOICE, sound::NO_VOICE_SHORT),
            Notice::new(sound::voice_not_found("espeak-ng"), sound::NO_VOICE_SHORT),
            Notice::new(
                sound::warn_sound_file(
                    "go",
                    std::path::Path::new("/home/me/sounds/go.wav"),
                    sound::SOUND_EMPTY,
                ),
                sound::SOUND_FILE_SHORT,
            ),
        ]
    }

    #[test]
    fn a_notice_alone_shows_in_full_at_100_columns_and_whole_at_40() {
        // A 40-column window leaves 36 between its corners and the spaces around the line.
        for notice in every_notice() {
            let wide = line(std::slice::from_ref(&notice), 96);
            assert_eq!(wide, notice.full, "at 100 columns");
            let narrow = line(std::slice::from_ref(&notice), 36);
            assert!(
                narrow == notice.full || narrow == notice.short,
                "{narrow:?} is neither form of {notice:?}"
            );
            assert!(columns::width(&narrow) <= 36, "{narrow:?}");
        }
    }

    #[test]
    fn at_40_columns_no_sound_and_muted_both_keep_their_meaning() {
        let both = &every_notice()[..2];
        assert_eq!(line(both, 36), "muted (m)  ·  no sound: bell");
        assert_eq!(
            line(both, 96),
            "muted (m)  ·  no sound device: using the terminal bell"
        );
    }

    #[test]
    fn what_does_not_fit_even_short_is_left_out_whole() {
        let all = every_notice();
        let narrow = line(&all, 36);
        assert_eq!(narrow, "muted (m)  ·  no sound: bell");
        let wide = line(&all, 96);
        assert!(wide.starts_with("muted (m)  ·  no sound device: using the terminal bell"));
        for width in 0..120 {
            let shown = line(&all, width);
            assert!(columns::width(&shown) <= width, "{shown:?} at {width}");
            for part in shown.split(BETWEEN).filter(|p| !p.is_empty()) {
                assert!(
                    all.iter().any(|n| n.full == part || n.short == part),
                    "{part:?} is cut at {width}"
                );
            }
        }
    }
}
