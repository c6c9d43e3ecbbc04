//! The user's settings: a RON file in the config folder. A missing file means the defaults;
//! an unknown field is an error with its line and column.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer};

use crate::routine::LeadInBounds;
use crate::routine::ron_text::{self, Bounded, Bounds};
use crate::session::Cue;
use crate::sys::files::{self, FileError, Kind};

/// The default settings as a commented file, ready to copy.
pub const DEFAULT_FILE: &str = include_str!("default.ron");

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default, rename = "Config")]
pub struct Config {
    /// 0 to 100.
    #[serde(deserialize_with = "volume")]
    pub volume: u8,
    pub muted: bool,
    pub voice: bool,
    pub voice_command: Option<String>,
    #[serde(deserialize_with = "lead_in")]
    pub lead_in: Option<u32>,
    pub theme: ThemeName,
    pub sounds: SoundFiles,
    pub desk: DeskSettings,
}

/// The sitting breaks of `unknot desk`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default, rename = "Desk")]
pub struct DeskSettings {
    /// Minutes from one break to the next prompt, 5 to 240.
    #[serde(deserialize_with = "every")]
    pub every: u32,
    /// Minutes a snooze puts the prompt off, 1 to 60.
    #[serde(deserialize_with = "snooze")]
    pub snooze: u32,
    /// The routine a break starts: a name, title or path, as `unknot start` takes.
    pub routine: String,
}

impl Default for DeskSettings {
    fn default() -> DeskSettings {
        DeskSettings {
            every: 45,
            snooze: 10,
            routine: "desk-break".to_string(),
        }
    }
}

struct EveryBounds;
impl Bounds for EveryBounds {
    const NAME: &'static str = "every";
    const MIN: u32 = 5;
    const MAX: u32 = 240;
}

struct SnoozeBounds;
impl Bounds for SnoozeBounds {
    const NAME: &'static str = "snooze";
    const MIN: u32 = 1;
    const MAX: u32 = 60;
}

fn every<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    Ok(Bounded::<EveryBounds>::deserialize(d)?.0)
}

fn snooze<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    Ok(Bounded::<SnoozeBounds>::deserialize(d)?.0)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum ThemeName {
    #[default]
    Default,
    HighContrast,
}

/// A user's own sound file for each cue; `None` keeps the bundled sound.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields, default, rename = "Sounds")]
pub struct SoundFiles {
    pub get_ready: Option<PathBuf>,
    pub go: Option<PathBuf>,
    pub halfway: Option<PathBuf>,
    pub countdown: Option<PathBuf>,
    pub end: Option<PathBuf>,
    pub rest: Option<PathBuf>,
    pub switch_sides: Option<PathBuf>,
    pub check_in: Option<PathBuf>,
    pub session_complete: Option<PathBuf>,
}

impl SoundFiles {
    pub fn for_cue(&self, cue: Cue) -> Option<&Path> {
        match cue {
            Cue::GetReady => self.get_ready.as_deref(),
            Cue::Go => self.go.as_deref(),
            Cue::Halfway => self.halfway.as_deref(),
            Cue::Countdown(_) => self.countdown.as_deref(),
            Cue::End => self.end.as_deref(),
            Cue::Rest => self.rest.as_deref(),
            Cue::SwitchSides => self.switch_sides.as_deref(),
            Cue::CheckIn => self.check_in.as_deref(),
            Cue::SessionComplete => self.session_complete.as_deref(),
        }
    }
}

impl Default for Config {
    fn default() -> Config {
        Config {
            volume: 80,
            muted: false,
            voice: false,
            voice_command: None,
            lead_in: None,
            theme: ThemeName::Default,
            sounds: SoundFiles::default(),
            desk: DeskSettings::default(),
        }
    }
}

struct VolumeBounds;
impl Bounds for VolumeBounds {
    const NAME: &'static str = "volume";
    const MIN: u32 = 0;
    const MAX: u32 = 100;
}

fn volume<'de, D: Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    let v = Bounded::<VolumeBounds>::deserialize(d)?.0;
    Ok(u8::try_from(v).unwrap_or(100))
}

fn lead_in<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    Ok(Option::<Bounded<LeadInBounds>>::deserialize(d)?.map(|b| b.0))
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// Not read: not a regular file, over 1 MB, not UTF-8 text, or the system's error.
    #[error(transparent)]
    File(#[from] FileError),
    #[error(transparent)]
    Invalid(#[from] ron_text::Problem),
}

impl Config {
    /// Reads the config file; a file that does not exist means the defaults.
    ///
    /// # Errors
    /// [`ConfigError`]: the file not read, or not valid settings (with line and column).
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let Some(path) = path else {
            return Ok(Config::default());
        };
        let bytes = match files::read(path, Kind::Settings) {
            Ok(bytes) => bytes,
            Err(e) if e.is_not_found() => return Ok(Config::default()),
            Err(e) => return Err(e.into()),
        };
        Config::parse(&files::text(bytes, path, Kind::Settings)?, path)
    }

    /// Parses settings text; `path` only names the source in errors.
    ///
    /// # Errors
    /// [`ConfigError::Invalid`], with the line and column.
    pub fn parse(source: &str, path: &Path) -> Result<Config, ConfigError> {
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        if ron_text::is_blank(source) {
            return Ok(Config::default());
        }
        Ok(ron_text::from_str(source, path)?)
    }

    /// The volume as a gain, 0.0 to 1.0.
    pub fn gain(&self) -> f32 {
        f32::from(self.volume) / 100.0
    }
}

#[cfg(test)]
mod tests;
