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

/// The back to a wall, a ball between one buttock and the wall, knees a little bent.
pub fn ball_on_wall() -> Figure {
    one(
        vec![Prop::Floor, Prop::Wall(16), Prop::Ball(p(19, 28))],
        body(
            (23, 53),
            (22, 47),
            (25, 28),
            (arm((22, 37), (25, 28)), arm((23, 37), (26, 28))),
            (
                leg((30, 15), (28, 2), (33, 1)),
                leg((31, 15), (29, 2), (34, 1)),
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
                leg((46, 16), (49, 3), (53, 4)),
                leg((37, 15), (31, 4), (35, 1)),
            ),
        ),
        Vec::new(),
    )
}
