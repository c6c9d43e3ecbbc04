//! Words about sound and voice: sound files that cannot be used, no sound device, muting, and the
//! speech program.

use std::path::Path;

pub const SOUND_NOT_PLAYABLE: &str = "it is not a WAV, Ogg Vorbis or FLAC file unknot can play";
pub const SOUND_EMPTY: &str = "it holds no sound";
pub const NO_SOUND_DEVICE: &str = "no sound device: using the terminal bell";
pub const MUTED: &str = "muted (m)";

// ---- Each cue's name, as the settings file's sound fields spell it; picked by `Cue::name`.

pub const CUE_GET_READY: &str = "get_ready";
pub const CUE_GO: &str = "go";
pub const CUE_HALFWAY: &str = "halfway";
pub const CUE_COUNTDOWN: &str = "countdown";
pub const CUE_END: &str = "end";
pub const CUE_REST: &str = "rest";
pub const CUE_SWITCH_SIDES: &str = "switch_sides";
pub const CUE_CHECK_IN: &str = "check_in";
pub const CUE_SESSION_COMPLETE: &str = "session_complete";

/// "the go sound FILE cannot be used (WHY); using the bundled one", given `Cue::name`.
pub fn warn_sound_file(cue: &str, path: &Path, why: &str) -> String {
    format!(
        "the {cue} sound {} cannot be used ({why}); using the bundled one",
        path.display()
    )
}
pub const NO_VOICE: &str =
    "voice is off: no speech program found (install espeak-ng, or set voice_command)";

pub fn voice_not_found(program: &str) -> String {
    format!("voice is off: the speech program {program} was not found")
}

// ---- The same notices, shorter, for the bottom edge of a narrow window: each says the same.

pub const MUTED_SHORT: &str = "muted";
pub const NO_SOUND_DEVICE_SHORT: &str = "no sound: bell";
pub const NO_VOICE_SHORT: &str = "voice off";
/// One of the person's own sound files is not used (the bundled one plays instead).
pub const SOUND_FILE_SHORT: &str = "own sound not used";
