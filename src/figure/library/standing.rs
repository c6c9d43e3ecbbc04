//! Poses standing.

use super::{Figure, Prop, arm, body, leg, near_leg, one, p};

/// Facing the wall, hands on it, the back leg straight with the heel down, the front knee bent.
pub fn calf_stretch_wall() -> Figure {
    one(
        vec![Prop::Floor, Prop::Wall(82)],
        body(
            (66, 53),
            (63, 48),
            (52, 30),
            (arm((71, 45), (81, 48)), arm((72, 46), (81, 49))),
            (
                leg((44, 16), (36, 3), (41, 1)),
                leg((62, 17), (60, 3), (65, 1)),
            ),
        ),
        near_leg(),
    )
}

/// The back to a wall, a ball pinned between the wall and one buttock, knees a little bent,
/// the shoulders just off the wall and the hands resting in front.
pub fn ball_on_wall() -> Figure {
    one(
        vec![Prop::Floor, Prop::Wall(12), Prop::Ball(p(16, 27))],
        body(
            (20, 53),
            (19, 47),
            (19, 27),
            (arm((23, 37), (29, 30)), arm((24, 38), (30, 31))),
            (
                leg((26, 14), (22, 2), (27, 0)),
                leg((27, 15), (23, 2), (28, 0)),
            ),
        ),
        near_leg(),
    )
}

/// Mid-stride, arms swinging against the legs.
pub fn walking() -> Figure {
    one(
        vec![Prop::Floor],
        body(
            (42, 55),
            (41, 49),
            (40, 29),
            (arm((37, 39), (35, 30)), arm((45, 39), (50, 32))),
            (
                leg((46, 16), (49, 1), (54, 3)),
                leg((37, 15), (31, 4), (35, 0)),
            ),
        ),
        Vec::new(),
    )
}
