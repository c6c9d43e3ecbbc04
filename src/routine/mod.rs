//! Routines: what a person does, step by step. Loaded from RON files, validated as they load,
//! and laid out as the phases a session runs through.

mod bundled;
mod catalog;
mod load;
mod model;
pub(crate) mod ron_text;
mod timeline;

pub use bundled::BUNDLED;
pub use catalog::{Catalog, Origin, RoutineEntry};
pub use load::{LeadInBounds, RoutineError, from_bytes, load_file, parse};
pub use model::{Level, Routine, Side, Step, StepKind, Tool};
pub use timeline::{Phase, PhaseKind, Timeline};
// Only tests name the type; elsewhere a step's sides are read through their methods.
#[cfg(test)]
pub use model::Sides;
