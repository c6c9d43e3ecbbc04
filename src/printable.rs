//! Text from files and typing, made safe to print. A terminal obeys a control character as a
//! command, and a bidirectional override makes the text after it read in an order the file does
//! not have; neither is ever shown as itself.

use std::borrow::Cow;

/// A character a terminal would not show as itself.
pub fn is_unshowable(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The text with each unshowable character as U+FFFD, the mark for a character that cannot be
/// shown, so that what was there is still seen to be there.
pub fn shown(text: &str) -> Cow<'_, str> {
    if text.contains(is_unshowable) {
        Cow::Owned(
            text.chars()
                .map(|c| if is_unshowable(c) { '\u{FFFD}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_and_overrides_become_marks_and_the_rest_is_kept() {
        assert_eq!(shown("Piriformis ball"), Cow::Borrowed("Piriformis ball"));
        assert_eq!(
            shown("a\u{1b}[2Jb\u{202E}c\td"),
            "a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}d"
        );
        // Right-to-left script itself, and the marks that only nudge it, are text.
        assert_eq!(shown("כאב \u{200F}5"), "כאב \u{200F}5");
    }
}
