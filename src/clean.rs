//! Text that comes in from outside: typed in a form or on the command line, read from the
//! history file (which a person may edit by hand, or import from another machine) or from a
//! routine file. Each such text is made one line that a terminal shows as it is, of bounded
//! length, where it enters; so nothing unknot prints (the screens, plain lines, the table, CSV,
//! JSON, messages) can carry a terminal command, and none of it runs on without end.
//!
//! Lengths are counted in characters (Unicode scalar values), not bytes or screen columns.

use std::borrow::Cow;

use crate::printable;

/// The most characters a note holds: a line, not an essay.
pub const NOTE_MAX: usize = 200;

/// The most characters of a title: a routine's, a step's, or a routine series' name. Titles
/// head screens and fill table cells.
pub const TITLE_MAX: usize = 100;

/// The most characters of a routine's summary, of one of a step's instructions, or of a
/// caution: a sentence or two.
pub const SENTENCE_MAX: usize = 400;

/// What shows where text read back was cut short.
const CUT: char = '…';

/// Whitespace that moves along or across lines. A terminal obeys all but the space as
/// commands, and a line break would split one line in two, so in one line every run of them is
/// one space. Other spaces (no-break, ideographic) are text and kept as they are.
fn breaks(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | '\u{B}' | '\u{C}' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Left off at either end of a line: whitespace of any kind, and what is never shown.
fn trimmed(c: char) -> bool {
    c.is_whitespace() || printable::is_unshowable(c)
}

/// A character typed into a text field, as the field keeps it: a tab or a line break as a
/// space, a control character or direction override as nothing, anything else as it is.
pub fn typed(c: char) -> Option<char> {
    if breaks(c) {
        Some(' ')
    } else if printable::is_unshowable(c) {
        None
    } else {
        Some(c)
    }
}

/// Already one clean line of at most `max` characters: nothing to copy. Reads at most
/// `max + 1` characters.
fn is_clean(text: &str, max: usize) -> bool {
    // Most text is ASCII, and a history holds much of it: checked a byte at a time. Of ASCII,
    // only the space is whitespace that shows.
    if text.is_ascii() {
        if text.len() > max {
            return false;
        }
        // A space may not come first, after another, or last.
        let mut after_space = true;
        for b in text.bytes() {
            if !(b' '..=b'~').contains(&b) || (after_space && b == b' ') {
                return false;
            }
            after_space = b == b' ';
        }
        return !after_space || text.is_empty();
    }
    if text.starts_with(trimmed) || text.ends_with(trimmed) {
        return false;
    }
    let mut count = 0;
    let mut after_space = false;
    for c in text.chars() {
        count += 1;
        if count > max || printable::is_unshowable(c) {
            return false;
        }
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if breaks(c) {
            return false;
        } else {
            after_space = false;
        }
    }
    true
}

/// `text` as one line of at most `max` characters, and whether more was left: runs of spaces,
/// tabs and line breaks as one space, nothing that is never shown, no whitespace at either end.
fn clean(text: &str, max: usize) -> (String, bool) {
    let mut kept = String::new();
    let mut count = 0;
    let mut space = false;
    for c in text.trim_matches(trimmed).chars() {
        if breaks(c) {
            space = true;
            continue;
        }
        if printable::is_unshowable(c) {
            continue;
        }
        let after_space = std::mem::take(&mut space).then_some(' ');
        for c in after_space.into_iter().chain([c]) {
            if count == max {
                return (kept, true);
            }
            kept.push(c);
            count += 1;
        }
    }
    (kept, false)
}

/// `text` as one line a terminal shows as it is: each run of spaces, tabs and line breaks
/// becomes one space, none is left at either end, and control characters (C0 with ESC, DEL, C1
/// with CSI and OSC) and direction overrides are left out. No length limit: see [`bounded`]
/// and [`within`].
pub fn line(text: &str) -> Cow<'_, str> {
    if is_clean(text, usize::MAX) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(clean(text, usize::MAX).0)
    }
}

/// [`line`], cut to at most `max` characters (`max` ≥ 1), the last one `…` when something
/// was cut. For text read back that was written elsewhere: what fits is kept, and the cut
/// shows. Reads no more of `text` than it needs, however long it is.
pub fn bounded(text: &str, max: usize) -> Cow<'_, str> {
    if is_clean(text, max) {
        return Cow::Borrowed(text);
    }
    let (mut kept, cut) = clean(text, max);
    if cut {
        kept.pop();
        kept.truncate(kept.trim_end().len());
        kept.push(CUT);
    }
    Cow::Owned(kept)
}

/// [`bounded`], for text already owned: kept as it is, not copied, when already clean.
pub fn bounded_string(text: String, max: usize) -> String {
    match bounded(&text, max) {
        Cow::Owned(cleaned) => cleaned,
        Cow::Borrowed(_) => text,
    }
}

/// Cleaned text over its limit, for text a person gives now and can shorten.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong {
    /// Characters in the text once cleaned.
    pub chars: usize,
    /// The most allowed.
    pub max: usize,
}

/// [`line`], if it is at most `max` characters long.
///
/// # Errors
/// [`TooLong`], with the cleaned text's length, when it is longer than `max`.
pub fn within(text: &str, max: usize) -> Result<Cow<'_, str>, TooLong> {
    let cleaned = line(text);
    match cleaned.chars().count() {
        chars if chars > max => Err(TooLong { chars, max }),
        _ => Ok(cleaned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every character a terminal might obey, or that reorders what follows it.
    const HOSTILE: &[&str] = &[
        "\u{1b}[2J",                  // ESC CSI: clear the screen
        "\u{1b}]0;owned\u{7}",        // OSC: retitle the window, ended by BEL
        "\u{1b}]8;;http://x\u{1b}\\", // OSC 8 hyperlink, ended by ST
        "\u{9b}31m",                  // C1 CSI
        "\u{9d}0;x\u{9c}",            // C1 OSC ... ST
        "\u{90}q\u{9c}",              // C1 DCS
        "\u{7f}",                     // DEL
        "\u{0}\u{8}\u{1a}",           // NUL, backspace, SUB
        "\u{202E}",                   // right-to-left override
        "\u{2066}\u{2069}",           // isolates
        "\u{202A}\u{202C}",           // embedding, pop
    ];

    fn shows_as_itself(text: &str) -> bool {
        !text.contains(|c: char| printable::is_unshowable(c) || (breaks(c) && c != ' '))
    }

    #[test]
    fn hostile_characters_are_left_out_and_the_rest_is_kept() {
        for hostile in HOSTILE {
            let text = format!("sore{hostile}today");
            let cleaned = line(&text);
            assert!(shows_as_itself(&cleaned), "{hostile:?} -> {cleaned:?}");
            assert!(
                cleaned.starts_with("sore") && cleaned.ends_with("today"),
                "{cleaned:?}"
            );
        }
        assert_eq!(line("a\u{1b}[2Jb\u{202E}c"), "a[2Jbc");
    }

    #[test]
    fn line_breaks_and_tabs_become_one_space_and_the_ends_are_trimmed() {
        assert_eq!(
            line("after a walk,\nstill sore"),
            "after a walk, still sore"
        );
        assert_eq!(line("  a\t\tb \r\n c\u{2028}d\u{85}e  "), "a b c d e");
        assert_eq!(line("\u{7} \u{1b}x\u{202E} "), "x");
        assert_eq!(line("\n\t \u{7}"), "");
    }

    #[test]
    fn text_that_is_already_clean_is_not_copied() {
        for text in [
            "",
            "Gentle start",
            "腰痛ストレッチ 🧘",
            "כאב \u{200F}5",
            "a\u{a0}\u{a0}b",
        ] {
            assert!(
                matches!(line(text), Cow::Borrowed(t) if t == text),
                "{text}"
            );
            assert!(
                matches!(bounded(text, TITLE_MAX), Cow::Borrowed(_)),
                "{text}"
            );
        }
    }

    #[test]
    fn other_spaces_and_right_to_left_marks_are_text() {
        assert_eq!(line("30\u{a0}s"), "30\u{a0}s");
        assert_eq!(line("痛み\u{3000}5"), "痛み\u{3000}5");
        assert_eq!(line("כאב \u{200F}5"), "כאב \u{200F}5");
        // Joined emoji keep their joiner.
        assert_eq!(line("🧘\u{200D}♀️"), "🧘\u{200D}♀️");
    }

    #[test]
    fn bounded_cuts_long_text_and_shows_the_cut() {
        assert_eq!(bounded("abcdef", 6), "abcdef");
        assert_eq!(bounded("abcdefg", 6), "abcde…");
        // No space before the mark.
        assert_eq!(bounded("abcd efgh", 6), "abcd…");
        assert_eq!(
            bounded(&"x".repeat(10_000_000), NOTE_MAX).chars().count(),
            NOTE_MAX
        );
        // Counted once cleaned: what is left out takes no room.
        assert_eq!(bounded("\u{1b}\u{1b}\u{1b}abc", 3), "abc");
    }

    #[test]
    fn within_says_how_long_the_cleaned_text_is() {
        assert_eq!(within("a  b", 3).as_deref(), Ok("a b"));
        assert_eq!(
            within(&"x".repeat(319), NOTE_MAX),
            Err(TooLong {
                chars: 319,
                max: NOTE_MAX
            })
        );
        assert_eq!(
            within(&format!("{}\n\n\n", "x".repeat(200)), NOTE_MAX).map(|t| t.len()),
            Ok(200)
        );
    }

    #[test]
    fn a_typed_character_is_kept_as_a_field_keeps_it() {
        assert_eq!(typed('a'), Some('a'));
        assert_eq!(typed('\t'), Some(' '));
        assert_eq!(typed('\n'), Some(' '));
        assert_eq!(typed('\u{1b}'), None);
        assert_eq!(typed('\u{9b}'), None);
        assert_eq!(typed('\u{202E}'), None);
        assert_eq!(typed('痛'), Some('痛'));
    }

    proptest! {
        /// Whatever comes in, what goes out shows as itself, fits, and is cleaned once for all:
        /// cleaning it again changes nothing.
        #[test]
        fn cleaning_is_safe_bounded_and_idempotent(
            text in "(\\PC|[\\x00-\\x1f\\x7f-\\x9f\u{202A}-\u{202E}\u{2066}-\u{2069} \u{a0}\u{2028}]){0,80}",
            max in 1usize..40,
        ) {
            let once = line(&text);
            prop_assert!(shows_as_itself(&once));
            prop_assert!(!once.starts_with(char::is_whitespace) && !once.ends_with(char::is_whitespace));
            prop_assert!(!once.contains("  "));
            prop_assert_eq!(line(&once), once.clone());

            let cut = bounded(&text, max);
            prop_assert!(cut.chars().count() <= max);
            prop_assert!(shows_as_itself(&cut));
            prop_assert_eq!(bounded(&cut, max), cut.clone());
            prop_assert_eq!(line(&cut), cut.clone());
            if once.chars().count() <= max {
                prop_assert_eq!(&cut, &once);
            }
            match within(&text, max) {
                Ok(kept) => prop_assert_eq!(kept, once),
                Err(e) => prop_assert_eq!(e, TooLong { chars: once.chars().count(), max }),
            }
        }
    }
}
