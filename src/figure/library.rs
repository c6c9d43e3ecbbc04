//! The bundled poses, one for every position the bundled routines ask for, each drawn as seen
//! from the right side of the body (lying figures have the head on the left), so a left-side
//! step shows it mirrored. Proportions: head radius 4, back 20, upper arm 10, forearm 10,
//! thigh 15, shin 14, foot 5 units; a seated person's hip is at 17 on a chair seat at 14.

use std::sync::LazyLock;

use super::{Arm, Figure, Leg, Limb, Point, Prop, Skeleton};

const fn p(x: i16, y: i16) -> Point {
    Point { x, y }
}

const fn arm(elbow: (i16, i16), hand: (i16, i16)) -> Arm {
    Arm {
        elbow: p(elbow.0, elbow.1),
        hand: p(hand.0, hand.1),
    }
}

const fn leg(knee: (i16, i16), ankle: (i16, i16), toe: (i16, i16)) -> Leg {
    Leg {
        knee: p(knee.0, knee.1),
        ankle: p(ankle.0, ankle.1),
        toe: p(toe.0, toe.1),
    }
}

/// Head, neck, hip and the four limbs; no curve in the back, no gaze.
const fn body(
    head: (i16, i16),
    neck: (i16, i16),
    hip: (i16, i16),
    arms: (Arm, Arm),
    legs: (Leg, Leg),
) -> Skeleton {
    Skeleton {
        head: p(head.0, head.1),
        neck: p(neck.0, neck.1),
        spine: None,
        hip: p(hip.0, hip.1),
        near_arm: arms.0,
        far_arm: arms.1,
        near_leg: legs.0,
        far_leg: legs.1,
        looking: None,
    }
}

const fn curved(mut s: Skeleton, spine: (i16, i16)) -> Skeleton {
    s.spine = Some(p(spine.0, spine.1));
    s
}

const fn looking(mut s: Skeleton, at: (i16, i16)) -> Skeleton {
    s.looking = Some(p(at.0, at.1));
    s
}

/// A chair seen from the side, its back on the left, for every seated pose.
const CHAIR: Prop = Prop::Chair {
    back: 26,
    front: 44,
    seat: 14,
};

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

/// Every bundled pose by the name a step gives it.
static LIBRARY: LazyLock<Vec<(&'static str, Figure)>> = LazyLock::new(|| {
    let one = |props: Vec<Prop>, s: Skeleton, marked: Vec<Limb>| Figure {
        props,
        positions: vec![s],
        marked,
    };
    let two = |props: Vec<Prop>, a: Skeleton, b: Skeleton| Figure {
        props,
        positions: vec![a, b],
        marked: Vec::new(),
    };
    let near_leg = || vec![Limb::NearLeg];
    vec![
        ("lying-rest", one(vec![Prop::Mat], LYING, Vec::new())),
        (
            "pelvic-tilt",
            // The low back arched a little off the floor, then pressed flat: the arch sits just
            // above the pelvis, the shoulders stay down.
            two(
                vec![Prop::Mat],
                curved(LYING, (34, 7)),
                curved(LYING, (30, 4)),
            ),
        ),
        (
            "knee-rolls",
            // Seen from above, head on the left, arms out: both knees tip to one side, then the
            // other, while the feet stay put.
            two(
                vec![Prop::MatFromAbove(p(4, 6), p(70, 54))],
                body(
                    (12, 30),
                    (19, 30),
                    (39, 30),
                    (arm((19, 20), (19, 10)), arm((19, 40), (19, 50))),
                    (
                        leg((50, 39), (57, 31), (62, 31)),
                        leg((51, 42), (57, 29), (62, 29)),
                    ),
                ),
                body(
                    (12, 30),
                    (19, 30),
                    (39, 30),
                    (arm((19, 20), (19, 10)), arm((19, 40), (19, 50))),
                    (
                        leg((51, 18), (57, 31), (62, 31)),
                        leg((50, 21), (57, 29), (62, 29)),
                    ),
                ),
            ),
        ),
        (
            "roller-outer-thigh",
            // Lying on the side, propped on the forearm, the roller under the lower thigh; the
            // top foot planted in front to keep the pressure light.
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
            ),
        ),
        (
            "ball-under-glutes",
            // Sitting on the floor, leaning back on the hands, the ball under one buttock.
            one(
                vec![Prop::Floor, Prop::Ball(p(38, 3))],
                body(
                    (23, 30),
                    (25, 24),
                    (39, 10),
                    (arm((21, 14), (17, 1)), arm((22, 14), (18, 1))),
                    (
                        leg((52, 17), (58, 3), (63, 1)),
                        leg((53, 16), (59, 3), (64, 1)),
                    ),
                ),
                near_leg(),
            ),
        ),
        (
            "roller-hamstrings",
            // Sitting, hands behind, the roller under the back of one thigh, the other knee bent.
            one(
                vec![Prop::Floor, Prop::Roller(p(46, 4))],
                body(
                    (24, 30),
                    (26, 24),
                    (38, 7),
                    (arm((22, 14), (18, 1)), arm((23, 14), (19, 1))),
                    (
                        leg((53, 11), (66, 8), (68, 13)),
                        leg((50, 18), (56, 3), (61, 1)),
                    ),
                ),
                near_leg(),
            ),
        ),
        (
            "roller-calves",
            // Sitting, hands behind, hips just off the floor, the roller under one calf, the other
            // foot on the floor.
            one(
                vec![Prop::Floor, Prop::Roller(p(57, 5))],
                body(
                    (22, 32),
                    (24, 26),
                    (34, 9),
                    (arm((21, 15), (18, 1)), arm((22, 15), (19, 1))),
                    (
                        leg((49, 11), (63, 10), (65, 15)),
                        leg((45, 18), (50, 3), (55, 1)),
                    ),
                ),
                near_leg(),
            ),
        ),
        (
            "calf-stretch-wall",
            // Facing the wall, hands on it, the back leg straight with the heel down, the front
            // knee bent.
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
            ),
        ),
        (
            "knee-to-chest",
            // On the back, one knee drawn up and held with both hands, the other foot flat.
            one(
                vec![Prop::Mat],
                body(
                    (12, 5),
                    (19, 5),
                    (39, 5),
                    (arm((26, 12), (32, 19)), arm((25, 13), (31, 20))),
                    (
                        leg((32, 18), (45, 14), (47, 19)),
                        leg((51, 15), (58, 3), (63, 1)),
                    ),
                ),
                near_leg(),
            ),
        ),
        (
            "figure-four",
            // On the back, one ankle crossed over the other knee, that thigh drawn toward the
            // chest with the hands behind it.
            one(
                vec![Prop::Mat],
                body(
                    (12, 5),
                    (19, 5),
                    (39, 5),
                    (arm((27, 12), (37, 13)), arm((27, 11), (37, 12))),
                    (
                        leg((49, 14), (38, 21), (35, 23)),
                        leg((36, 19), (49, 21), (52, 25)),
                    ),
                ),
                near_leg(),
            ),
        ),
        (
            "glute-bridge",
            // On the back, knees bent; the hips lift, shoulders and feet stay down.
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
            ),
        ),
        ("cat-camel", {
            // On hands and knees: the back rounded up with the head down, then let sag with the
            // head up.
            let on_all_fours = body(
                (60, 15),
                (56, 20),
                (36, 16),
                (arm((56, 10), (56, 1)), arm((57, 10), (57, 1))),
                (
                    leg((36, 1), (22, 1), (19, 2)),
                    leg((37, 1), (23, 1), (20, 2)),
                ),
            );
            let mut sagging = on_all_fours;
            sagging.head = p(61, 25);
            two(
                vec![Prop::Mat],
                looking(curved(on_all_fours, (46, 25)), (62, 0)),
                looking(curved(sagging, (46, 13)), (72, 30)),
            )
        }),
        ("seated-rest", {
            // Sitting back in the chair, hands in the lap.
            let mut resting = SEATED;
            resting.head = p(31, 43);
            resting.neck = p(30, 37);
            resting.hip = p(33, 17);
            resting.near_arm = arm((33, 28), (41, 20));
            resting.far_arm = arm((34, 28), (42, 20));
            one(vec![Prop::Floor, CHAIR], resting, Vec::new())
        }),
        ("seated-pelvic-tilt", {
            // On a chair: the pelvis rolled back so the low back rounds, then forward so it
            // arches.
            let mut rounded = curved(SEATED, (31, 27));
            rounded.neck = p(35, 35);
            rounded.head = p(38, 40);
            rounded.near_arm = arm((40, 26), (47, 19));
            rounded.far_arm = arm((41, 26), (48, 19));
            two(vec![Prop::Floor, CHAIR], rounded, curved(SEATED, (39, 27)))
        }),
        ("seated-hamstring", {
            // At the front of the chair, one leg straight with the heel down, leaning forward
            // from the hips with a straight back.
            let mut leaning = SEATED;
            leaning.neck = p(47, 34);
            leaning.head = p(51, 38);
            leaning.near_arm = arm((50, 25), (52, 15));
            leaning.far_arm = arm((51, 25), (53, 15));
            leaning.near_leg = leg((50, 11), (63, 3), (65, 8));
            one(vec![Prop::Floor, CHAIR], leaning, near_leg())
        }),
        ("seated-figure-four", {
            // On the chair, one ankle resting on the other knee, leaning forward a little.
            let mut crossed = SEATED;
            crossed.neck = p(45, 35);
            crossed.head = p(48, 40);
            crossed.near_arm = arm((47, 27), (52, 20));
            crossed.far_arm = arm((48, 27), (53, 20));
            // The knee turned out toward the viewer, so the thigh looks short and the shin lies
            // across the other knee.
            crossed.near_leg = leg((42, 22), (51, 20), (55, 23));
            one(vec![Prop::Floor, CHAIR], crossed, near_leg())
        }),
        ("seated-nerve-slider", {
            // Sitting tall: the knee bent with the chin down, then the knee straight with the
            // head tilted back to look up.
            let bent = looking(SEATED, (48, 30));
            let mut straight = looking(SEATED, (45, 60));
            straight.head = p(35, 43);
            straight.near_leg = leg((51, 17), (64, 14), (66, 19));
            let mut slider = two(vec![Prop::Floor, CHAIR], bent, straight);
            slider.marked = near_leg();
            slider
        }),
        (
            "ball-on-wall",
            // Standing with the back to a wall, a ball between one buttock and the wall, knees a
            // little bent.
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
            ),
        ),
        (
            "walking",
            // Mid-stride, arms swinging against the legs.
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
            ),
        ),
    ]
});

/// The pose called `name`, if the library has it.
pub fn figure(name: &str) -> Option<&'static Figure> {
    LIBRARY.iter().find(|(n, _)| *n == name).map(|(_, f)| f)
}

/// Every pose's name, in the library's order.
pub fn names() -> impl Iterator<Item = &'static str> {
    LIBRARY.iter().map(|(n, _)| *n)
}

/// Every pose with its name, in the library's order.
pub fn all() -> impl Iterator<Item = (&'static str, &'static Figure)> {
    LIBRARY.iter().map(|(n, f)| (*n, f))
}
