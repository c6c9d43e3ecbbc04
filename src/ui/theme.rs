//! Colours and emphasis. Colour is never the only signal: every state also has words.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;

use crate::config::ThemeName;
use crate::figure::draw::Tone;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
    /// For low vision or a bright room: no colour of unknot's own, whose contrast would depend
    /// on a background it cannot know, and no dim text. Everything is in the terminal's own
    /// foreground and background, the person's readable pair, in bold, or swapped (reverse
    /// video) where the default theme marks something with colour.
    high_contrast: bool,
    /// How figures are drawn: braille dots, or half blocks for a font without braille; `None`
    /// leaves them out.
    figures: Option<Marker>,
}

impl Theme {
    /// The theme the settings name, without colour when `NO_COLOR` is set to anything non-empty.
    pub fn new(name: ThemeName) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme {
            color: !no_color,
            high_contrast: name == ThemeName::HighContrast,
            figures: Some(Marker::Braille),
        }
    }

    /// No colour and no high contrast: text printed for any reader.
    pub fn uncoloured() -> Theme {
        Theme {
            color: false,
            high_contrast: false,
            figures: Some(Marker::Braille),
        }
    }

    /// The same theme, drawing figures with `marker`, or without figures.
    pub fn with_figures(self, figures: Option<Marker>) -> Theme {
        Theme { figures, ..self }
    }

    /// How figures are drawn, or `None` to leave them out.
    pub fn figures(self) -> Option<Marker> {
        self.figures
    }

    #[cfg(test)]
    pub fn colored() -> Theme {
        Theme {
            color: true,
            high_contrast: false,
            figures: Some(Marker::Braille),
        }
    }

    #[cfg(test)]
    pub fn plain() -> Theme {
        Theme {
            color: false,
            high_contrast: false,
            figures: Some(Marker::Braille),
        }
    }

    #[cfg(test)]
    pub fn high_contrast() -> Theme {
        Theme {
            color: true,
            high_contrast: true,
            figures: Some(Marker::Braille),
        }
    }

    /// Text in `color`, unless colour is off or the theme is high contrast.
    fn fg(self, color: Color) -> Style {
        if self.color && !self.high_contrast {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    #[expect(
        clippy::unused_self,
        reason = "every style is asked of the theme, even the one no theme changes"
    )]
    pub fn heading(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn work(self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    pub fn rest(self) -> Style {
        self.fg(Color::Blue).add_modifier(Modifier::BOLD)
    }

    pub fn ready(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn paused(self) -> Style {
        self.fg(Color::Magenta)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    /// Warnings; in high contrast, bold where the default theme has yellow.
    pub fn caution(self) -> Style {
        if self.high_contrast {
            return Style::new().add_modifier(Modifier::BOLD);
        }
        self.fg(Color::Yellow)
    }

    pub fn dim(self) -> Style {
        if self.high_contrast {
            return Style::new();
        }
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn selected(self) -> Style {
        self.fg(Color::Cyan)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    pub fn keys(self) -> Style {
        self.dim()
    }

    /// The filled part of a progress bar ("█"); the rest ("░") is [`Theme::dim`].
    pub fn gauge(self) -> Style {
        self.fg(Color::Green)
    }

    /// The colour of a figure's marks: the terminal's own text colour for the body, and for
    /// everything in high contrast or without colour; the worked limb is also drawn thicker.
    pub fn ink(self, tone: Tone) -> Color {
        if !self.color || self.high_contrast {
            return Color::Reset;
        }
        match tone {
            Tone::Body => Color::Reset,
            Tone::Far => Color::DarkGray,
            Tone::Worked => Color::Red,
            Tone::Prop => Color::Blue,
        }
    }

    /// Every style the theme gives, named, for the tests that read them all.
    #[cfg(test)]
    pub fn every_style(self) -> [(&'static str, Style); 11] {
        [
            ("title", self.title()),
            ("heading", self.heading()),
            ("work", self.work()),
            ("rest", self.rest()),
            ("ready", self.ready()),
            ("paused", self.paused()),
            ("caution", self.caution()),
            ("dim", self.dim()),
            ("selected", self.selected()),
            ("keys", self.keys()),
            ("gauge", self.gauge()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A colour as 8-bit sRGB.
    type Rgb = (u8, u8, u8);

    /// A terminal's own text and background colours.
    struct Terminal {
        name: &'static str,
        fg: Rgb,
        bg: Rgb,
    }

    /// xterm's defaults, black on white, and their reverse (`xterm -rv`), as dark terminals
    /// have them: the light one reads at 21:1, the dark one at 16.7:1 (xterm's "white" text).
    const TERMINALS: [Terminal; 2] = [
        Terminal {
            name: "light",
            fg: (0, 0, 0),
            bg: (255, 255, 255),
        },
        Terminal {
            name: "dark",
            fg: (229, 229, 229),
            bg: (0, 0, 0),
        },
    ];

    /// A named colour as xterm shows it; the terminal's own for `Reset`.
    fn rgb(color: Color, own: Rgb) -> Rgb {
        match color {
            Color::Reset => own,
            Color::Black => (0, 0, 0),
            Color::Red => (205, 0, 0),
            Color::Green => (0, 205, 0),
            Color::Yellow => (205, 205, 0),
            Color::Blue => (0, 0, 238),
            Color::Magenta => (205, 0, 205),
            Color::Cyan => (0, 205, 205),
            Color::Gray => (229, 229, 229),
            Color::DarkGray => (127, 127, 127),
            Color::LightRed => (255, 0, 0),
            Color::LightGreen => (0, 255, 0),
            Color::LightYellow => (255, 255, 0),
            Color::LightBlue => (92, 92, 255),
            Color::LightMagenta => (255, 0, 255),
            Color::LightCyan => (0, 255, 255),
            Color::White => (255, 255, 255),
            Color::Rgb(r, g, b) => (r, g, b),
            Color::Indexed(i) => panic!("colour {i} of 256 is not modelled here"),
        }
    }

    /// WCAG 2 relative luminance.
    fn luminance((r, g, b): Rgb) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// WCAG 2 contrast ratio, from 1 (none) to 21 (black and white).
    fn contrast(a: Rgb, b: Rgb) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// The text and background colours `style` shows on `terminal`.
    fn shown(style: Style, terminal: &Terminal) -> (Rgb, Rgb) {
        let fg = rgb(style.fg.unwrap_or(Color::Reset), terminal.fg);
        let bg = rgb(style.bg.unwrap_or(Color::Reset), terminal.bg);
        if style.add_modifier.contains(Modifier::REVERSED) {
            (bg, fg)
        } else {
            (fg, bg)
        }
    }

    fn round(ratio: f64) -> f64 {
        (ratio * 10.0).round() / 10.0
    }

    #[test]
    fn high_contrast_reads_at_7_to_1_or_more_on_light_and_dark_terminals() {
        for (name, style) in Theme::high_contrast().every_style() {
            assert!(!style.add_modifier.contains(Modifier::DIM), "{name} is dim");
            for terminal in &TERMINALS {
                let (fg, bg) = shown(style, terminal);
                let ratio = contrast(fg, bg);
                assert!(
                    ratio >= 7.0,
                    "{name} reads at {ratio:.1}:1 on a {} terminal",
                    terminal.name
                );
                let expected = if terminal.name == "light" { 21.0 } else { 16.7 };
                assert!(
                    (round(ratio) - expected).abs() < f64::EPSILON,
                    "{name}: {ratio:.1}:1 on a {} terminal",
                    terminal.name
                );
            }
        }
    }

    /// Why high contrast no longer brightens the default theme's colours: on a light
    /// background bright green and bright yellow all but vanish.
    #[test]
    fn the_bright_colours_high_contrast_had_were_unreadable_on_white() {
        let white = (255, 255, 255);
        let black = (0, 0, 0);
        let light = |c| round(contrast(rgb(c, white), white));
        let dark = |c| round(contrast(rgb(c, black), black));
        assert!((light(Color::LightGreen) - 1.4).abs() < f64::EPSILON);
        assert!((light(Color::LightYellow) - 1.1).abs() < f64::EPSILON);
        assert!((light(Color::LightCyan) - 1.3).abs() < f64::EPSILON);
        assert!((dark(Color::LightGreen) - 15.3).abs() < f64::EPSILON);
    }

    #[test]
    fn the_default_theme_marks_states_with_colour_and_words_alike() {
        let theme = Theme::colored();
        assert_eq!(theme.work().fg, Some(Color::Green));
        assert_eq!(theme.ready().fg, Some(Color::Yellow));
        assert_eq!(Theme::plain().work().fg, None);
    }
}
