//! Poses on a chair, seen from the side with the chair's back on the left.

use super::{Figure, Prop, Skeleton, arm, body, curved, leg, looking, near_leg, one, p, two};

/// A chair seen from the side, its back on the left, for every seated pose.
const CHAIR: Prop = Prop::Chair {
    back: 26,
    front: 44,
    seat: 14,
};

/// Sitting on a chair, knees bent, feet flat, hands on the thighs.
const SEATED: Skeleton = body(
    (38, 42),
    (37, 37),
    (36, 17),
    (arm((41, 28), (48, 19)), arm((42, 28), (49, 19))),
    (
        leg((51, 17), (52, 3), (57, 1)),
        leg((52, 17), (53, 3), (58, 1)),
    ),
);

/// Sitting back in the chair, hands in the lap.
pub fn rest() -> Figure {
    let mut resting = SEATED;
    resting.head = p(31, 43);
    resting.neck = p(30, 37);
    resting.hip = p(33, 17);
    resting.near_arm = arm((33, 28), (41, 20));
    resting.far_arm = arm((34, 28), (42, 20));
    one(vec![Prop::Floor, CHAIR], resting, Vec::new())
}

/// The pelvis rolled back so the low back rounds, then forward so it arches.
pub fn pelvic_tilt() -> Figure {
    let mut rounded = curved(SEATED, (31, 27));
    rounded.neck = p(35, 35);
    rounded.head = p(38, 40);
    rounded.near_arm = arm((40, 26), (47, 19));
    rounded.far_arm = arm((41, 26), (48, 19));
    two(vec![Prop::Floor, CHAIR], rounded, curved(SEATED, (39, 27)))
}

/// At the front edge of the chair, one leg straight with the heel down, leaning forward from
/// the hips with a straight back, the hands reaching toward the knee.
pub fn hamstring() -> Figure {
    one(
        vec![Prop::Floor, CHAIR],
        body(
            (56, 39),
            (52, 35),
            (42, 17),
            (arm((55, 26), (58, 17)), arm((56, 26), (59, 17))),
            (
                leg((55, 10), (68, 1), (70, 6)),
                leg((56, 17), (57, 2), (62, 0)),
            ),
        ),
        near_leg(),
    )
}

/// Sitting on the chair leaning forward from the hips: the worked ankle rests across the other
/// knee with its foot past it, the shin level, and the worked knee drops out and down below the
/// ankle; one hand on that knee, the other on the ankle; the other foot flat.
pub fn figure_four() -> Figure {
    one(
        vec![Prop::Floor, CHAIR],
        body(
            (46, 41),
            (43, 36),
            (36, 17),
            (arm((43, 26), (44, 16)), arm((47, 28), (51, 22))),
            (
                leg((44, 14), (51, 20), (56, 21)),
                leg((51, 17), (52, 2), (57, 0)),
            ),
        ),
        near_leg(),
    )
}

/// Sitting tall: the knee bent with the chin down, then the knee straight with the head tilted
/// back to look up.
pub fn nerve_slider() -> Figure {
    let bent = looking(SEATED, (48, 30));
    let mut straight = looking(SEATED, (45, 60));
    straight.head = p(35, 43);
    straight.near_leg = leg((51, 17), (64, 14), (66, 19));
    let mut slider = two(vec![Prop::Floor, CHAIR], bent, straight);
    slider.marked = near_leg();
    slider
}
