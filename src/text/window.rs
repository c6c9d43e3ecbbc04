//! Words about the terminal window itself: when it is too small to draw in, and when there is
//! more text than fits.

pub const TOO_SMALL: &str = "Make the window bigger";

pub fn too_small_detail(w: u16, h: u16) -> String {
    format!("unknot needs at least 40 x 12; this is {w} x {h}")
}

/// Behind the notice nothing else acts, and the countdown waits.
pub const TOO_SMALL_PAUSED: &str = "Paused. q quits.";

// Under text cut short by the window.
pub const MORE_BELOW: &str = "↓ more below (↓ to read on)";
pub const MORE_ABOVE: &str = "↑ more above";
pub const MORE_BOTH: &str = "↑↓ more above and below";
