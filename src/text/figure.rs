//! Words about figures: a figure's faults in a routine file, the captions around a figure, and
//! the figure library's listing.

// ---- Bones, as a fault names them --------------------------------------------------------------

pub const BONE_NECK: &str = "neck";
pub const BONE_BACK: &str = "back";
pub const NEAR_ARM: &str = "near arm";
pub const FAR_ARM: &str = "far arm";
pub const NEAR_LEG: &str = "near leg";
pub const FAR_LEG: &str = "far leg";

// ---- Faults in a routine file ------------------------------------------------------------------

/// A point outside the frame.
pub fn err_outside(x: i64, y: i64, width: i64, height: i64) -> String {
    format!(
        "expected a point inside the figure's frame, x from 0 to {width} and y from 0 to {height}, found ({x}, {y})"
    )
}

/// Two joints of one bone at the same place.
pub fn err_bone_empty(bone: &str, at: (i16, i16)) -> String {
    format!(
        "the {bone} has two joints at ({}, {}); a bone joins two different points",
        at.0, at.1
    )
}

/// A bone longer than any in a body.
pub fn err_bone_long(bone: &str, from: (i16, i16), to: (i16, i16), max: i16) -> String {
    format!(
        "the {bone} from ({}, {}) to ({}, {}) is longer than a bone can be ({max} units at most)",
        from.0, from.1, to.0, to.1
    )
}

/// Not one position, nor two.
pub fn err_positions(found: usize) -> String {
    format!(
        "expected one position, or two for a movement (where it starts and where it ends), found {found}"
    )
}

/// A pose the library does not have.
pub fn err_unknown_pose(name: &str, known: &[&str]) -> String {
    format!(
        "there is no pose called \"{name}\"; `unknot show --poses` lists them: {}",
        known.join(", ")
    )
}

pub const ERR_POSE_AND_FIGURE: &str =
    "a step takes a pose from the library or a figure of its own, not both";
pub const ERR_FIGURE_ON_CHECK_IN: &str = "a check-in has no position to show";

// ---- Around a figure ----------------------------------------------------------------------------

/// Under a movement's two positions.
pub const START: &str = "start";
pub const END: &str = "end";

/// Under a figure not seen from the side, as every other one is.
pub const SEEN_FROM_ABOVE: &str = "seen from above";

/// The limbs a figure's thick lines stand for, named in its key.
pub const WORKED_LEG: &str = "leg";
pub const WORKED_LEGS: &str = "legs";
pub const WORKED_ARM: &str = "arm";
pub const WORKED_ARMS: &str = "arms";
pub const WORKED_LIMBS: &str = "limbs";

/// The key to a figure's thick lines: "thick line: the leg being worked".
pub fn key(limb: &str, plural: bool) -> String {
    if plural {
        format!("thick lines: the {limb} being worked")
    } else {
        format!("thick line: the {limb} being worked")
    }
}

/// The key in fewer columns: "thick: leg worked".
pub fn key_short(limb: &str) -> String {
    format!("thick: {limb} worked")
}

// ---- `unknot show` -------------------------------------------------------------------------------

/// "Pose figure-four: used by 3 steps in the bundled routines" as a library entry's heading.
pub fn pose_heading(name: &str, movement: bool) -> String {
    if movement {
        format!("{name}  (a movement: start, then end)")
    } else {
        name.to_string()
    }
}

pub const POSES_INTRO: &str = "Poses a routine step can name, as pose: Some(\"NAME\"):";
pub const SHOW_HINT: &str =
    "Start it with `unknot start NAME`; `unknot show --poses` lists every figure.";
