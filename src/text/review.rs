//! Words of the review screen and of history exports.
