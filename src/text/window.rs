//! Words about the terminal window itself: when it is too small to draw in.

pub const TOO_SMALL: &str = "Make the window bigger";

pub fn too_small_detail(w: u16, h: u16) -> String {
    format!("unknot needs at least 40 x 12; this is {w} x {h}")
}
