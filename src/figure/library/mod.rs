//! The bundled poses, one for every position the bundled routines ask for, split by where the
//! body is: lying on the floor, sitting or kneeling on it, on a chair, standing.
//!
//! Each is drawn as seen from the right side of the body (lying figures have the head on the
//! left), so a left-side step shows it mirrored. Knee rolls alone are seen from straight above,
//! head on the left and the right side below the spine, the hips as wide as the pelvis, on a
//! mat drawn as a rectangle, and say so under the figure: their knees move sideways across the
//! floor, which a side view can only show as going down through it. Proportions: head radius
//! 4, back 20, upper arm 10, forearm 10, thigh 15, shin 14, foot 5 units, shorter from above
//! where a bone rises off the floor; a seated person's hip is at 17 on a chair seat at 14.

mod chair;
mod floor;
mod lying;
mod standing;

use std::sync::LazyLock;

use super::{Arm, Figure, Leg, Limb, Point, Prop, Skeleton, View};

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

/// A position held, with the limbs being worked.
fn one(props: Vec<Prop>, s: Skeleton, marked: Vec<Limb>) -> Figure {
    Figure {
        props,
        positions: vec![s],
        marked,
        view: View::Side,
    }
}

/// A movement: where it starts and where it ends.
fn two(props: Vec<Prop>, start: Skeleton, end: Skeleton) -> Figure {
    Figure {
        props,
        positions: vec![start, end],
        marked: Vec::new(),
        view: View::Side,
    }
}

/// The leg nearest the viewer, the one a one-sided pose works.
fn near_leg() -> Vec<Limb> {
    vec![Limb::NearLeg]
}

/// Every bundled pose by the name a step gives it, in the order `unknot show --poses` lists them.
static LIBRARY: LazyLock<Vec<(&'static str, Figure)>> = LazyLock::new(|| {
    vec![
        ("lying-rest", lying::rest()),
        ("pelvic-tilt", lying::pelvic_tilt()),
        ("knee-rolls", lying::knee_rolls()),
        ("roller-outer-thigh", lying::roller_outer_thigh()),
        ("ball-under-glutes", floor::ball_under_glutes()),
        ("roller-hamstrings", floor::roller_hamstrings()),
        ("roller-calves", floor::roller_calves()),
        ("calf-stretch-wall", standing::calf_stretch_wall()),
        ("knee-to-chest", lying::knee_to_chest()),
        ("figure-four", lying::figure_four()),
        ("glute-bridge", lying::glute_bridge()),
        ("cat-camel", floor::cat_camel()),
        ("seated-rest", chair::rest()),
        ("seated-pelvic-tilt", chair::pelvic_tilt()),
        ("seated-hamstring", chair::hamstring()),
        ("seated-figure-four", chair::figure_four()),
        ("seated-nerve-slider", chair::nerve_slider()),
        ("ball-on-wall", standing::ball_on_wall()),
        ("walking", standing::walking()),
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
