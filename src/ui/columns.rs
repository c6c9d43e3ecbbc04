//! Text measured and fitted in terminal columns, as it shows: a CJK character or an emoji takes
//! two columns, a combining accent none. Counting characters (as `format!`'s widths do) puts
//! everything after such a name out of line.

use ratatui::style::Style;
use ratatui::text::Span;

/// How many columns `text` takes on a terminal.
pub fn width(text: &str) -> usize {
    Span::raw(text).width()
}

/// `text` followed by spaces to make `columns` columns; text already as wide is left whole.
pub fn pad(text: &str, columns: usize) -> String {
    let mut padded = text.to_string();
    padded.extend(std::iter::repeat_n(
        ' ',
        columns.saturating_sub(width(text)),
    ));
    padded
}

/// `text` in exactly `columns` columns: padded with spaces, or cut with "…" where it is too wide.
/// A character is never split: where a wide one would cross the edge, a space fills its place.
pub fn fit(text: &str, columns: usize) -> String {
    if width(text) <= columns {
        return pad(text, columns);
    }
    let room = columns.saturating_sub(1);
    let mut cut = String::new();
    let mut used = 0;
    for grapheme in Span::raw(text).styled_graphemes(Style::new()) {
        let w = width(grapheme.symbol);
        if used + w > room {
            break;
        }
        used += w;
        cut.push_str(grapheme.symbol);
    }
    if columns > 0 {
        cut.push('…');
    }
    pad(&cut, columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(width("Gentle start"), 12);
        assert_eq!(width("腰痛ストレッチ 🧘"), 17);
        assert_eq!(width("e\u{301}"), 1);
    }

    #[test]
    fn padding_counts_columns() {
        assert_eq!(pad("腰痛", 6), "腰痛  ");
        assert_eq!(pad("abc", 2), "abc");
    }

    #[test]
    fn fitting_cuts_between_characters_and_keeps_the_width() {
        // "ト" would reach the eighth column, where "…" goes: a space makes up the width.
        assert_eq!(fit("腰痛ストレッチ 🧘", 8), "腰痛ス… ");
        for columns in 0..20 {
            let fitted = fit("腰痛ストレッチ 🧘", columns);
            assert_eq!(width(&fitted), columns, "{fitted:?}");
        }
        assert_eq!(fit("Gentle start", 8), "Gentle …");
        assert_eq!(fit("腰痛", 3), "腰…");
        assert_eq!(fit("腰痛", 4), "腰痛");
    }
}
