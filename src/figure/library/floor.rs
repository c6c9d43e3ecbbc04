//! Poses sitting or kneeling on the floor.

use super::{Figure, Prop, arm, body, curved, leg, looking, near_leg, one, p, two};

/// Sitting on the floor on the ball, leaning back on the hands: the buttock of the worked side
/// rests on the ball and that leg lies long and relaxed, the other knee bent with its foot flat
/// to steady the weight.
pub fn ball_under_glutes() -> Figure {
    one(
        vec![Prop::Floor, Prop::Ball(p(38, 3))],
        body(
            (23, 29),
            (25, 23),
            (39, 7),
            (arm((21, 13), (17, 0)), arm((22, 13), (18, 0))),
            (
                leg((53, 9), (66, 2), (68, 7)),
                leg((50, 18), (55, 1), (60, 0)),
            ),
        ),
        near_leg(),
    )
}

/// Sitting, hands behind, the roller under the back of one thigh, the other knee bent.
pub fn roller_hamstrings() -> Figure {
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
    )
}

/// Sitting, hands behind, hips just off the floor, the roller under one calf, the other foot on
/// the floor.
pub fn roller_calves() -> Figure {
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
    )
}

/// On hands and knees: the back rounded up with the head down, then let sag with the head up.
pub fn cat_camel() -> Figure {
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
}
