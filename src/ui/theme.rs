//! Colours and emphasis. Colour is never the only signal: every state also has words.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeName;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
    /// Brighter colours and no dim text, for low vision or a bright room.
    high_contrast: bool,
}

impl Theme {
    /// The theme the settings name, without colour when `NO_COLOR` is set to anything non-empty.
    pub fn new(name: ThemeName) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme {
            color: !no_color,
            high_contrast: name == ThemeName::HighContrast,
        }
    }

    #[cfg(test)]
    pub fn colored() -> Theme {
        Theme {
            color: true,
            high_contrast: false,
        }
    }

    #[cfg(test)]
    pub fn plain() -> Theme {
        Theme {
            color: false,
            high_contrast: false,
        }
    }

    #[cfg(test)]
    pub fn high_contrast() -> Theme {
        Theme {
            color: true,
            high_contrast: true,
        }
    }

    fn fg(self, color: Color) -> Style {
        if !self.color {
            return Style::new();
        }
        let color = if self.high_contrast {
            match color {
                Color::Green => Color::LightGreen,
                Color::Blue | Color::Cyan => Color::LightCyan,
                Color::Yellow => Color::LightYellow,
                Color::Magenta => Color::LightMagenta,
                other => other,
            }
        } else {
            color
        };
        Style::new().fg(color)
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

    pub fn caution(self) -> Style {
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

    pub fn gauge(self) -> Style {
        self.fg(Color::Green)
    }
}
