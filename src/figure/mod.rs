//! Figures of the positions a routine asks for: a person drawn from a small skeleton of joint
//! positions, with the props the step uses (floor, mat, ball, roller, chair, wall).
//!
//! A figure is one skeleton, or two for a movement (where it starts and where it ends), in one
//! [`View`]: as seen from the person's right side, or, for a movement across the floor, from
//! straight above. A step on the left side is drawn mirrored, so the near limbs are always the
//! side being worked. The same figure becomes marks ([`draw`]), which the terminal draws with
//! ratatui's canvas (`ui::figure`) and [`svg`] writes as a picture.
//!
//! Coordinates are whole units of a frame 100 wide and 60 high: from the side, y up from the
//! floor at 0; from above, y across the floor.

pub mod draw;
pub mod library;
mod read;
pub mod svg;

use serde::Deserialize;

/// The side a figure is drawn for, as [`svg::svg`] takes it.
pub use crate::routine::Side;
pub use read::PoseName;

/// The frame every point lies in, in units: x from 0 to `WIDTH`, y from 0 to `HEIGHT`.
pub const WIDTH: i16 = 100;
pub const HEIGHT: i16 = 60;

/// A joint or a prop's place, in units of the frame, y up from the floor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    pub x: i16,
    pub y: i16,
}

/// Shoulder to hand: the shoulder is the skeleton's `neck`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename = "Arm")]
pub struct Arm {
    pub elbow: Point,
    pub hand: Point,
}

/// Hip to toes: the hip is the skeleton's `hip`; the heel is at the ankle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename = "Leg")]
pub struct Leg {
    pub knee: Point,
    pub ankle: Point,
    pub toe: Point,
}

/// One position of the body. "Near" limbs are the right ones: from the side, those facing the
/// viewer; from above, those below the spine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(
    deny_unknown_fields,
    rename = "Skeleton",
    try_from = "read::RawSkeleton"
)]
pub struct Skeleton {
    /// The centre of the head.
    pub head: Point,
    /// The base of the neck, where the shoulders are.
    pub neck: Point,
    /// A point the back curves through between neck and hip (rounded or arched); straight
    /// without it.
    pub spine: Option<Point>,
    pub hip: Point,
    pub near_arm: Arm,
    pub far_arm: Arm,
    pub near_leg: Leg,
    pub far_leg: Leg,
    /// Where the face looks, when it matters (chin down, looking up): a short mark on the head
    /// points there.
    pub looking: Option<Point>,
}

/// A limb, to mark it as the one being worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Limb {
    NearArm,
    FarArm,
    NearLeg,
    FarLeg,
}

/// What the body rests on or uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Prop {
    /// The floor, a line at y = 0 under the whole figure.
    Floor,
    /// An exercise mat on the floor.
    Mat,
    /// An exercise mat seen from above, for a figure seen that way: the rectangle between two
    /// opposite corners. Bundled poses only: a routine file's figure is seen from the side.
    #[serde(skip_deserializing)]
    MatFromAbove(Point, Point),
    /// A tennis ball, by its centre (radius 3).
    Ball(Point),
    /// A foam roller seen end on, by its centre (radius 5).
    Roller(Point),
    /// A chair seen from the side: its back at x = `back`, its front edge at x = `front`, its
    /// seat at height `seat`.
    Chair { back: i16, front: i16, seat: i16 },
    /// A wall at x, from the floor to the top of the frame.
    Wall(i16),
}

/// Where a figure is seen from; every position and prop of it is drawn that way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// From the person's right side, y up from the floor: the view of every figure a routine
    /// file draws.
    Side,
    /// From straight above a person lying on the back, head on the left, y across the floor:
    /// for a movement that happens across the floor (knees lowered to one side), which a side
    /// view shows as going through it.
    Above,
}

/// A figure: its props, one position (or two for a movement: start and end), the limbs being
/// worked, and where it is seen from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename = "Figure", try_from = "read::RawFigure")]
pub struct Figure {
    pub props: Vec<Prop>,
    /// One skeleton, or two: where a movement starts and where it ends.
    pub positions: Vec<Skeleton>,
    pub marked: Vec<Limb>,
    pub view: View,
}

impl Figure {
    /// Whether it shows a movement: two positions, start and end.
    pub fn is_movement(&self) -> bool {
        self.positions.len() > 1
    }

    /// The limbs drawn as worked, as the key names them ("leg", "arms"), and whether that word is
    /// plural; `None` when no limb is marked.
    pub fn worked(&self) -> Option<(&'static str, bool)> {
        use crate::text::figure as t;
        // Counted by limb, so a limb named twice in a routine file is still one.
        let count = |limbs: [Limb; 2]| limbs.iter().filter(|l| self.marked.contains(l)).count();
        let legs = count([Limb::NearLeg, Limb::FarLeg]);
        let arms = count([Limb::NearArm, Limb::FarArm]);
        match (legs, arms) {
            (0, 0) => None,
            (1, 0) => Some((t::WORKED_LEG, false)),
            (_, 0) => Some((t::WORKED_LEGS, true)),
            (0, 1) => Some((t::WORKED_ARM, false)),
            (0, _) => Some((t::WORKED_ARMS, true)),
            _ => Some((t::WORKED_LIMBS, true)),
        }
    }

    /// The view in words for a caption ("seen from above"); `None` for the side view, which
    /// every other figure shares.
    pub fn view_words(&self) -> Option<&'static str> {
        match self.view {
            View::Side => None,
            View::Above => Some(crate::text::figure::SEEN_FROM_ABOVE),
        }
    }

    /// The key to the figure's thick lines in words ("thick line: the leg being worked"), for a
    /// caption beside or under it; `None` when no limb is marked as worked.
    pub fn key(&self) -> Option<String> {
        self.worked()
            .map(|(limb, plural)| crate::text::figure::key(limb, plural))
    }
}

/// Radius of the head, the ball and the roller, in units.
pub const HEAD_RADIUS: i16 = 4;
pub const BALL_RADIUS: i16 = 3;
pub const ROLLER_RADIUS: i16 = 5;

#[cfg(test)]
mod tests;
