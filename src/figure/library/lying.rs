//! Poses lying on the floor: on the back, and on one side.

use super::{Figure, Prop, Skeleton, arm, body, curved, leg, near_leg, one, p, two};

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

/// Seen from the feet end of the mat, a little from above: the head at the far end, arms out to
/// the sides on the floor, the knees up together with the shins upright in front of the body;
/// then both knees lowered to one side, the feet and shoulders staying down.
pub fn knee_rolls() -> Figure {
    let mat = Prop::MatFromEnd {
        near: (p(30, 0), p(70, 0)),
        far: (p(36, 36), p(64, 36)),
    };
    let up = body(
        (50, 33),
        (50, 28),
        (50, 14),
        (arm((41, 28), (33, 29)), arm((59, 28), (67, 29))),
        (
            leg((49, 23), (46, 3), (45, 1)),
            leg((51, 23), (54, 3), (55, 1)),
        ),
    );
    let mut lowered = up;
    lowered.hip = p(51, 14);
    lowered.near_leg = leg((64, 18), (47, 3), (46, 1));
    lowered.far_leg = leg((66, 13), (54, 3), (55, 1));
    two(vec![mat], up, lowered)
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

/// On the back, one knee drawn up and held with both hands, the other foot flat.
pub fn knee_to_chest() -> Figure {
    one(
        vec![Prop::Mat],
        body(
            (12, 5),
            (19, 5),
            (39, 5),
            (arm((26, 12), (32, 19)), arm((25, 13), (31, 20))),
            (
                leg((32, 18), (45, 14), (50, 15)),
                leg((51, 15), (58, 3), (63, 1)),
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
            (12, 5),
            (19, 5),
            (39, 5),
            (arm((28, 12), (38, 14)), arm((28, 11), (38, 13))),
            (
                leg((50, 8), (41, 18), (36, 19)),
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
