//! Reading a figure from a routine file: every point inside the frame, every bone of a sensible
//! length, one or two positions, a pose named from the library. Each check fails at its own
//! line and column (see `routine::ron_text`).

use serde::Deserialize;
use serde::de::{self, Deserializer};

use super::{Arm, Figure, HEIGHT, Leg, Limb, Point, Prop, Skeleton, View, WIDTH, library};
use crate::text;

/// The longest bone, in units: a thigh is about 15; anything past this is a typing slip.
const LONGEST_BONE: i16 = 40;

impl<'de> Deserialize<'de> for Point {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (x, y) = <(i64, i64)>::deserialize(d)?;
        match (i16::try_from(x), i16::try_from(y)) {
            (Ok(x), Ok(y)) if (0..=WIDTH).contains(&x) && (0..=HEIGHT).contains(&y) => {
                Ok(Point { x, y })
            }
            _ => Err(de::Error::custom(text::figure::err_outside(
                x,
                y,
                WIDTH.into(),
                HEIGHT.into(),
            ))),
        }
    }
}

impl Point {
    /// The distance to `other`, in units.
    pub fn distance(self, other: Point) -> f64 {
        let (dx, dy) = (f64::from(self.x - other.x), f64::from(self.y - other.y));
        (dx * dx + dy * dy).sqrt()
    }
}

/// A skeleton as written, before its bones are measured.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Skeleton")]
pub struct RawSkeleton {
    head: Point,
    neck: Point,
    #[serde(default)]
    spine: Option<Point>,
    hip: Point,
    near_arm: Arm,
    far_arm: Arm,
    near_leg: Leg,
    far_leg: Leg,
    #[serde(default)]
    looking: Option<Point>,
}

impl Skeleton {
    /// Every bone, named, with its two ends.
    fn bones(&self) -> Vec<(&'static str, Point, Point)> {
        use text::figure as t;
        let mut bones = vec![(t::BONE_NECK, self.head, self.neck)];
        match self.spine {
            Some(spine) => {
                bones.push((t::BONE_BACK, self.neck, spine));
                bones.push((t::BONE_BACK, spine, self.hip));
            }
            None => bones.push((t::BONE_BACK, self.neck, self.hip)),
        }
        for (name, arm) in [(t::NEAR_ARM, self.near_arm), (t::FAR_ARM, self.far_arm)] {
            bones.push((name, self.neck, arm.elbow));
            bones.push((name, arm.elbow, arm.hand));
        }
        for (name, leg) in [(t::NEAR_LEG, self.near_leg), (t::FAR_LEG, self.far_leg)] {
            bones.push((name, self.hip, leg.knee));
            bones.push((name, leg.knee, leg.ankle));
            bones.push((name, leg.ankle, leg.toe));
        }
        bones
    }

    /// The first bone of no length or too long to be a bone, in words.
    pub fn fault(&self) -> Option<String> {
        self.bones().into_iter().find_map(|(name, a, b)| {
            let length = a.distance(b);
            if length < 1.0 {
                Some(text::figure::err_bone_empty(name, (a.x, a.y)))
            } else if length > f64::from(LONGEST_BONE) {
                Some(text::figure::err_bone_long(
                    name,
                    (a.x, a.y),
                    (b.x, b.y),
                    LONGEST_BONE,
                ))
            } else {
                None
            }
        })
    }
}

impl TryFrom<RawSkeleton> for Skeleton {
    type Error = String;

    fn try_from(raw: RawSkeleton) -> Result<Self, String> {
        let skeleton = Skeleton {
            head: raw.head,
            neck: raw.neck,
            spine: raw.spine,
            hip: raw.hip,
            near_arm: raw.near_arm,
            far_arm: raw.far_arm,
            near_leg: raw.near_leg,
            far_leg: raw.far_leg,
            looking: raw.looking,
        };
        skeleton.fault().map_or(Ok(skeleton), Err)
    }
}

/// A figure as written, before its positions are counted.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Figure")]
pub struct RawFigure {
    #[serde(default)]
    props: Vec<Prop>,
    positions: Vec<Skeleton>,
    #[serde(default)]
    marked: Vec<Limb>,
}

impl TryFrom<RawFigure> for Figure {
    type Error = String;

    fn try_from(raw: RawFigure) -> Result<Self, String> {
        if !(1..=2).contains(&raw.positions.len()) {
            return Err(text::figure::err_positions(raw.positions.len()));
        }
        Ok(Figure {
            props: raw.props,
            positions: raw.positions,
            marked: raw.marked,
            view: View::Side,
        })
    }
}

/// A pose named from the bundled library, as a step's `pose` gives it: `Some("figure-four")`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoseName(pub String);

impl<'de> Deserialize<'de> for PoseName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        if library::figure(&name).is_some() {
            Ok(PoseName(name))
        } else {
            Err(de::Error::custom(text::figure::err_unknown_pose(
                &crate::printable::shown(&name),
                &library::names().collect::<Vec<_>>(),
            )))
        }
    }
}
