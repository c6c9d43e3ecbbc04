use super::draw::{Mark, drawing};
use super::svg;
use super::*;
use crate::routine::Side;

#[test]
fn every_bundled_pose_has_sound_bones() {
    for (name, figure) in library::all() {
        for s in &figure.positions {
            assert_eq!(s.fault(), None, "{name}");
        }
        assert!((1..=2).contains(&figure.positions.len()), "{name}");
    }
}

#[test]
fn the_left_side_is_the_right_side_mirrored() {
    for (name, figure) in library::all() {
        let right = drawing(figure, Some(Side::Right));
        let left = drawing(figure, Some(Side::Left));
        assert_ne!(right.marks, left.marks, "{name}");
        assert_eq!((right.left, right.right), (left.left, left.right), "{name}");
        assert_eq!(
            drawing(figure, None),
            right,
            "{name}: both sides draw as the right"
        );
    }
}

#[test]
fn a_movement_shows_two_positions_side_by_side_with_an_arrow() {
    let tilt = library::figure("pelvic-tilt").unwrap();
    let d = drawing(tilt, None);
    assert_eq!(d.panels.len(), 2);
    assert!(d.panels[0].1 < d.panels[1].0);
    let rings = d
        .marks
        .iter()
        .filter(|m| matches!(m, Mark::Ring { .. }))
        .count();
    assert_eq!(rings, 2, "two heads");
}

#[test]
fn the_svg_is_plain_shapes_with_a_view_box_and_an_escaped_title() {
    for (name, figure) in library::all() {
        let picture = svg::svg(figure, Some(Side::Left), "Knee <to> chest & \"hold\"\u{1b}");
        assert!(
            picture.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
            "{name}"
        );
        assert!(picture.contains(" viewBox=\"0 0 "), "{name}");
        assert!(picture.contains("stroke-width="), "{name}");
        assert!(
            picture.contains("<title>Knee &lt;to&gt; chest &amp; &quot;hold&quot;</title>"),
            "{name}: {picture}"
        );
        for banned in [
            "<script",
            "href",
            "url(",
            "<style",
            "<image",
            "<foreignObject",
            " onload",
            " onclick",
        ] {
            assert!(!picture.contains(banned), "{name}: {banned}");
        }
        assert!(picture.ends_with("</svg>"), "{name}");
    }
}
