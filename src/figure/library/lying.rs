//! Poses lying on the floor: on the back, and on one side.

use super::{Figure, Prop, Skeleton, View, arm, body, curved, leg, near_leg, one, p, two};

/// On the back, knees bent, feet flat, arms by the sides: the start of many floor exercises.
const LYING: Skeleton = body(
    (12, 5),
    (19, 5),
    (39, 5),
    (arm((29, 4), (38, 3)), arm((29, 5), (38, 4))),
    (
        leg((50, 16), (57, 3), (62, 1)),
        leg((51, 15), (58, 3), (63, 1)),
    ),
);

pub fn rest() -> Figure {
    one(vec![Prop::Mat], LYING, Vec::new())
}

/// The low back arched a little off the floor, then pressed flat: the arch sits just above the
/// pelvis, the shoulders stay down.
pub fn pelvic_tilt() -> Figure {
    two(
        vec![Prop::Mat],
        curved(LYING, (34, 7)),
        curved(LYING, (30, 4)),
    )
}

/// Seen from straight above, on a mat drawn as a rectangle, head on the left and the right side
/// below the spine (the legs start at the two ends of a short bar across the hip, the pelvis):
/// lying on the back, arms straight out to the sides in a T on the mat, both knees bent up together with the feet
/// flat, so hip, knee and foot are nearly in line and the legs look short; then both knees
/// lowered slowly to the right together, the thighs swung out at an angle, the feet, hips and
/// shoulders where they were, so each leg bends like a "<" to that side.
pub fn knee_rolls() -> Figure {
    let up = body(
        (12, 30),
        (19, 30),
        (39, 30),
        (arm((20, 21), (20, 12)), arm((20, 39), (20, 48))),
        (
            leg((47, 29), (53, 28), (58, 28)),
            leg((47, 31), (53, 32), (58, 32)),
        ),
    );
    let mut lowered = up;
    lowered.near_leg.knee = p(46, 17);
    lowered.far_leg.knee = p(47, 20);
    Figure {
        view: View::Above,
        ..two(vec![Prop::MatFromAbove(p(5, 9), p(61, 51))], up, lowered)
    }
}

/// Lying on the side, propped on the forearm, the roller under the lower thigh; the top foot
/// planted in front to keep the pressure light.
pub fn roller_outer_thigh() -> Figure {
    one(
        vec![Prop::Floor, Prop::Roller(p(52, 5))],
        body(
            (15, 17),
            (22, 14),
            (44, 10),
            (arm((21, 3), (12, 2)), arm((30, 10), (33, 2))),
            (
                leg((59, 10), (72, 7), (76, 7)),
                leg((55, 18), (58, 2), (63, 1)),
            ),
        ),
        near_leg(),
    )
}

/// On the back on the mat, one knee drawn up toward the chest and held with both hands around
/// the shin, that foot in the air clear of the other leg; the other knee bent, its foot flat.
pub fn knee_to_chest() -> Figure {
    one(
        vec![Prop::Mat],
        body(
            (12, 4),
            (19, 4),
            (39, 4),
            (arm((22, 11), (29, 15)), arm((23, 12), (30, 16))),
            (
                leg((28, 13), (41, 17), (45, 19)),
                leg((52, 15), (58, 1), (63, 0)),
            ),
        ),
        near_leg(),
    )
}

/// On the back, the other thigh drawn up toward the chest with the hands behind it and its
/// shin level; the worked leg's ankle rests across that thigh just below the knee, and its knee
/// has fallen open toward the viewer, so thigh, shin and the other thigh make the "4".
pub fn figure_four() -> Figure {
    one(
        vec![Prop::Mat],
        body(
            (12, 4),
            (19, 4),
            (39, 4),
            (arm((28, 11), (37, 14)), arm((28, 10), (37, 13))),
            (
                leg((52, 11), (40, 17), (35, 18)),
                leg((38, 20), (51, 20), (54, 24)),
            ),
        ),
        near_leg(),
    )
}

/// On the back, knees bent; the hips lift, shoulders and feet stay down.
pub fn glute_bridge() -> Figure {
    two(
        vec![Prop::Mat],
        LYING,
        body(
            (12, 5),
            (19, 5),
            (38, 14),
            (arm((29, 3), (38, 2)), arm((29, 4), (38, 3))),
            (
                leg((52, 17), (57, 3), (62, 1)),
                leg((53, 16), (58, 3), (63, 1)),
            ),
        ),
    )
}
