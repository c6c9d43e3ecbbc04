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

/// The SVG's drawing, without its title and caption.
fn drawn_part(picture: &str) -> &str {
    let start = picture.find("</title>").unwrap();
    let end = picture.find("<text").unwrap_or(picture.len());
    &picture[start..end]
}

#[test]
fn the_left_and_right_svg_of_every_one_sided_pose_differ() {
    for (name, figure) in library::all().filter(|(_, f)| f.worked().is_some()) {
        let left = svg::svg(figure, Some(Side::Left), name);
        let right = svg::svg(figure, Some(Side::Right), name);
        assert_ne!(drawn_part(&left), drawn_part(&right), "{name}");
    }
}

#[test]
fn the_svg_of_a_one_sided_figure_carries_its_side_and_the_key_to_the_thick_line() {
    for (name, figure) in library::all().filter(|(_, f)| f.worked().is_some()) {
        for (side, word) in [(Side::Left, "left side"), (Side::Right, "right side")] {
            let picture = svg::svg(figure, Some(side), name);
            assert!(
                picture.contains(&format!(r#"font-weight="bold">{word}</text>"#)),
                "{name}: {picture}"
            );
            assert!(
                picture.contains(">thick line: the leg being worked</text>"),
                "{name}: {picture}"
            );
            assert!(
                picture.contains(r#"stroke-width="7""#),
                "{name}: the worked leg is drawn thick: {picture}"
            );
        }
    }
}

#[test]
fn the_svg_of_a_figure_without_a_side_has_no_caption_but_a_view_other_than_the_side() {
    for (name, figure) in library::all() {
        let picture = svg::svg(figure, None, name);
        match figure.view {
            View::Side => assert!(!picture.contains("<text"), "{name}"),
            View::Above => assert_eq!(picture.matches("<text").count(), 1, "{name}: {picture}"),
        }
    }
}

/// A figure not seen from the side says how it is seen, on every side it is drawn for, above its
/// side and key.
#[test]
fn the_svg_of_a_figure_seen_from_above_says_so() {
    let rolls = library::figure("knee-rolls").unwrap();
    assert_eq!(rolls.view_words(), Some("seen from above"));
    for side in [None, Some(Side::Left), Some(Side::Right)] {
        let picture = svg::svg(rolls, side, "Knee rolls");
        assert!(
            picture.contains(">seen from above</text>"),
            "{side:?}: {picture}"
        );
    }
    let mut marked = rolls.clone();
    marked.marked = vec![Limb::NearLeg];
    let picture = svg::svg(&marked, Some(Side::Left), "Knee rolls");
    let (view, side, key) = (
        picture.find(">seen from above<").unwrap(),
        picture.find(r#"font-weight="bold">left side<"#).unwrap(),
        picture.find(">thick line: the leg being worked<").unwrap(),
    );
    assert!(view < side && side < key, "{picture}");
    for (name, figure) in library::all().filter(|(_, f)| f.view == View::Side) {
        assert_eq!(figure.view_words(), None, "{name}");
    }
}

/// The picture's width and height, from its `viewBox`.
fn view_box(picture: &str) -> (f64, f64) {
    let start = picture.find("viewBox=\"0 0 ").unwrap() + "viewBox=\"0 0 ".len();
    let rest = &picture[start..];
    let mut numbers = rest[..rest.find('"').unwrap()].split(' ');
    let mut next = || numbers.next().unwrap().parse::<f64>().unwrap();
    (next(), next())
}

#[test]
fn a_caption_wider_than_a_narrow_figure_widens_the_picture_around_it() {
    let standing = library::figure("ball-on-wall").unwrap();
    let (bare, _) = view_box(&svg::svg(standing, None, "ball"));
    let (captioned, _) = view_box(&svg::svg(standing, Some(Side::Left), "ball"));
    let key = "thick line: the leg being worked";
    assert!(bare < 150.0, "a standing figure is narrow: {bare}");
    assert!(
        captioned >= key.len() as f64 * 13.0 * 0.6,
        "{captioned} is too narrow for the key"
    );
}

#[test]
fn the_key_names_the_limbs_marked_once_each() {
    let mut figure = library::figure("lying-rest").unwrap().clone();
    let cases = [
        (vec![], None),
        (
            vec![Limb::NearLeg],
            Some("thick line: the leg being worked"),
        ),
        (
            vec![Limb::FarLeg, Limb::FarLeg],
            Some("thick line: the leg being worked"),
        ),
        (
            vec![Limb::NearLeg, Limb::FarLeg],
            Some("thick lines: the legs being worked"),
        ),
        (
            vec![Limb::NearArm],
            Some("thick line: the arm being worked"),
        ),
        (
            vec![Limb::NearArm, Limb::FarArm],
            Some("thick lines: the arms being worked"),
        ),
        (
            vec![Limb::NearArm, Limb::FarLeg],
            Some("thick lines: the limbs being worked"),
        ),
    ];
    for (marked, key) in cases {
        figure.marked.clone_from(&marked);
        assert_eq!(figure.key().as_deref(), key, "{marked:?}");
    }
}

#[test]
fn every_one_sided_bundled_step_shows_a_figure_that_marks_the_limb_worked() {
    let catalog = crate::routine::Catalog::load(std::path::Path::new(""));
    for entry in &catalog.entries {
        for step in &entry.routine.steps {
            let one_sided = step.sides.order().iter().any(Option::is_some);
            if let (true, Some(figure)) = (one_sided, &step.figure) {
                assert!(figure.worked().is_some(), "{}: {}", entry.name, step.title);
            }
        }
    }
}

/// The mat a figure seen from above lies on: its left, right, low and high edges.
fn mat_from_above(figure: &Figure) -> (i16, i16, i16, i16) {
    figure
        .props
        .iter()
        .find_map(|p| {
            if let Prop::MatFromAbove(a, b) = *p {
                Some((a.x.min(b.x), a.x.max(b.x), a.y.min(b.y), a.y.max(b.y)))
            } else {
                None
            }
        })
        .unwrap()
}

/// What a physiotherapist looks for, seen from above: on the back along a mat, head at one end,
/// arms out in a T; the knees bent up together, so the legs point along the body and look short;
/// then both knees lowered clearly to one side together, each leg bent like a "<", with the
/// feet, hips, shoulders and arms where they were.
#[test]
fn knee_rolls_start_with_the_knees_up_and_end_with_them_lowered_to_one_side() {
    let rolls = library::figure("knee-rolls").unwrap();
    assert_eq!(rolls.view, View::Above);
    let [up, lowered] = rolls.positions.as_slice() else {
        panic!("a movement: {rolls:?}");
    };
    let (left, right, low, high) = mat_from_above(rolls);
    for s in [up, lowered] {
        for p in [s.head, s.neck, s.hip] {
            assert!(
                (left..=right).contains(&p.x) && (low..=high).contains(&p.y),
                "on the mat: {p:?}"
            );
        }
        assert!(
            s.head.x - HEAD_RADIUS - left <= 6 && s.head.x < s.neck.x && s.neck.x < s.hip.x,
            "the head at one end, the body along the mat: {s:?}"
        );
        assert_eq!(s.neck.y, s.hip.y, "the spine straight along the mat");
        assert!(
            s.near_arm.hand.y <= s.neck.y - 15 && s.far_arm.hand.y >= s.neck.y + 15,
            "the arms out to both sides: {s:?}"
        );
        assert!(
            s.near_leg.knee.distance(s.far_leg.knee) <= 4.0,
            "knees together: {s:?}"
        );
    }
    for leg in [up.near_leg, up.far_leg] {
        assert!(
            leg.knee.x > up.hip.x && (leg.knee.y - up.hip.y).abs() <= 2,
            "the knee points along the body: {leg:?}"
        );
        assert!(
            to_segment(leg.knee, up.hip, leg.ankle) <= 2.0,
            "hip, knee and foot nearly in line: {leg:?}"
        );
        assert!(
            leg.toe.x - up.hip.x <= 22,
            "shorter than a leg lying straight (34), as a knee bent up looks from above: {leg:?}"
        );
    }
    for (start, end) in [
        (up.near_leg, lowered.near_leg),
        (up.far_leg, lowered.far_leg),
    ] {
        assert!(
            up.hip.y - end.knee.y >= 8,
            "the knee lowered clearly to the right, below the spine: {end:?}"
        );
        let (along, across) = (end.knee.x - up.hip.x, up.hip.y - end.knee.y);
        assert!(
            across * 2 >= along,
            "the thigh swung out at an angle of 30 degrees or more: {end:?}"
        );
        assert!(
            to_segment(end.knee, up.hip, end.ankle) >= 6.0,
            "the leg bent like a \"<\": {end:?}"
        );
        assert_eq!(
            (start.ankle, start.toe),
            (end.ankle, end.toe),
            "the feet stay"
        );
    }
    assert_eq!(
        (up.head, up.near_arm, up.far_arm, up.neck, up.hip),
        (
            lowered.head,
            lowered.near_arm,
            lowered.far_arm,
            lowered.neck,
            lowered.hip
        ),
        "the head, shoulders, arms and hips stay down"
    );
}

/// Each figure is drawn in one view, with what the body rests on drawn in that view too: from
/// the side a floor line or a mat's edge, never a mat seen from above; from above the mat's
/// outline, and nothing drawn from the side.
#[test]
fn every_figure_shows_what_it_rests_on_in_its_own_view() {
    for (name, figure) in library::all() {
        let above = figure
            .props
            .iter()
            .filter(|p| matches!(p, Prop::MatFromAbove(..)))
            .count();
        let from_the_side = figure
            .props
            .iter()
            .filter(|p| {
                matches!(
                    p,
                    Prop::Floor | Prop::Mat | Prop::Chair { .. } | Prop::Wall(_)
                )
            })
            .count();
        let ground = figure
            .props
            .iter()
            .filter(|p| matches!(p, Prop::Floor | Prop::Mat))
            .count();
        match figure.view {
            View::Side => assert!(above == 0 && ground >= 1, "{name}: {:?}", figure.props),
            View::Above => assert!(
                above == 1 && from_the_side == 0,
                "{name}: {:?}",
                figure.props
            ),
        }
    }
}

/// The distance from `p` to the segment from `a` to `b`, in units.
fn to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (ax, ay, bx, by, px, py) = (
        f64::from(a.x),
        f64::from(a.y),
        f64::from(b.x),
        f64::from(b.y),
        f64::from(p.x),
        f64::from(p.y),
    );
    let (dx, dy) = (bx - ax, by - ay);
    let t = (((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
    (px - ax - t * dx).hypot(py - ay - t * dy)
}

/// The "4": the worked ankle across the other thigh near its knee, the foot past it, and the
/// worked knee fallen open, lower than the other knee and away from the thigh it crosses.
#[test]
fn the_figure_four_crosses_the_worked_ankle_over_the_other_thigh_with_the_hip_open() {
    let four = library::figure("figure-four").unwrap();
    assert_eq!(four.marked, vec![Limb::NearLeg]);
    let s = four.positions[0];
    let (worked, other) = (s.near_leg, s.far_leg);
    assert!(
        to_segment(worked.ankle, s.hip, other.knee) <= 3.0,
        "the ankle rests on the other thigh: {s:?}"
    );
    assert!(
        worked.ankle.distance(other.knee) < worked.ankle.distance(s.hip),
        "near the knee, not the hip"
    );
    assert!(
        to_segment(worked.toe, s.hip, other.knee) >= 1.0
            && (worked.toe.x < other.knee.x) != (worked.ankle.x < other.knee.x),
        "the foot past the thigh: {s:?}"
    );
    assert!(other.knee.y > s.hip.y + 12, "the other thigh drawn up");
    assert!(
        worked.knee.y < other.knee.y - 8,
        "the worked knee fallen open"
    );
    assert!(
        to_segment(worked.knee, s.hip, other.knee) >= 8.0,
        "an open triangle, not a line: {s:?}"
    );
}

/// Every bone of a position, as its two ends.
fn segments(s: &Skeleton) -> Vec<(Point, Point)> {
    let mut all = vec![(s.neck, s.hip)];
    for a in [s.near_arm, s.far_arm] {
        all.extend([(s.neck, a.elbow), (a.elbow, a.hand)]);
    }
    for l in [s.near_leg, s.far_leg] {
        all.extend([(s.hip, l.knee), (l.knee, l.ankle), (l.ankle, l.toe)]);
    }
    all
}

/// How far `p` lies from the nearest bone of `s`, in units.
fn to_body(p: Point, s: &Skeleton) -> f64 {
    segments(s)
        .into_iter()
        .map(|(a, b)| to_segment(p, a, b))
        .fold(f64::INFINITY, f64::min)
}

/// A ball or roller is pressed by the body, neither floating free of it nor sunk through it.
#[test]
fn every_ball_and_roller_touches_the_body() {
    for (name, figure) in library::all() {
        for prop in &figure.props {
            let (centre, radius) = match *prop {
                Prop::Ball(c) => (c, BALL_RADIUS),
                Prop::Roller(c) => (c, ROLLER_RADIUS),
                _ => continue,
            };
            for s in &figure.positions {
                let gap = to_body(centre, s) - f64::from(radius);
                assert!(gap.abs() <= 1.5, "{name}: {gap} units from the body");
            }
        }
    }
}

/// Nobody hovers: the lowest point of the body (a foot, a hand, the back of the head) rests on
/// the floor or mat, in every figure seen from the side (from above, y is across the floor).
#[test]
fn every_figure_rests_on_its_floor() {
    for (name, figure) in library::all().filter(|(_, f)| f.view == View::Side) {
        for s in &figure.positions {
            let mut lowest = s.head.y - HEAD_RADIUS;
            for (a, b) in segments(s) {
                lowest = lowest.min(a.y).min(b.y);
            }
            assert!(lowest <= 1, "{name}: lowest point {lowest} units up");
        }
    }
}

/// Where the figure's ball is.
fn ball_of(figure: &Figure) -> Point {
    figure
        .props
        .iter()
        .find_map(|p| {
            if let Prop::Ball(c) = *p {
                Some(c)
            } else {
                None
            }
        })
        .unwrap()
}

/// Standing with the back to the wall, the ball between the wall and the buttock, touching
/// both; the arms apart from the trunk, not a thin loop along it; the knees a little bent.
#[test]
fn the_ball_on_the_wall_is_pinned_between_the_wall_and_the_buttock() {
    let figure = library::figure("ball-on-wall").unwrap();
    let s = figure.positions[0];
    let wall = figure
        .props
        .iter()
        .find_map(|p| {
            if let Prop::Wall(x) = *p {
                Some(x)
            } else {
                None
            }
        })
        .unwrap();
    let ball = ball_of(figure);
    assert!(wall < ball.x && ball.x < s.hip.x, "behind the hip: {s:?}");
    assert!(
        (ball.x - BALL_RADIUS - wall) <= 1,
        "against the wall: {ball:?}"
    );
    assert!(
        (s.hip.distance(ball) - f64::from(BALL_RADIUS)).abs() <= 1.0,
        "against the buttock: {s:?}"
    );
    assert!(
        (ball.y - s.hip.y).abs() <= 2,
        "at the buttock's height: {s:?}"
    );
    for arm in [s.near_arm, s.far_arm] {
        assert!(
            to_segment(arm.elbow, s.neck, s.hip) >= 3.0
                && to_segment(arm.hand, s.neck, s.hip) >= 8.0,
            "the arm clear of the trunk: {arm:?}"
        );
    }
    for leg in [s.near_leg, s.far_leg] {
        assert!(
            to_segment(leg.knee, s.hip, leg.ankle) >= 3.0,
            "the knee a little bent: {leg:?}"
        );
    }
}

/// Sitting on the ball: the hip rests on its top; the worked leg lies differently from the
/// other, which is bent with its foot flat.
#[test]
fn the_ball_under_the_glutes_is_sat_on_and_the_worked_leg_differs() {
    let figure = library::figure("ball-under-glutes").unwrap();
    let s = figure.positions[0];
    let ball = ball_of(figure);
    assert!(s.hip.y > ball.y, "on top of the ball: {s:?}");
    assert!(
        s.hip.distance(ball) <= f64::from(BALL_RADIUS) + 1.5,
        "resting on it: {s:?}"
    );
    let (worked, other) = (s.near_leg, s.far_leg);
    assert!(
        other.knee.y >= worked.knee.y + 6,
        "the other knee bent higher: {s:?}"
    );
    assert!(
        worked.ankle.distance(other.ankle) >= 8.0,
        "the worked leg lies long: {s:?}"
    );
}

/// The knee drawn toward the chest with the hands on it, and the worked shin and foot in the
/// air clear of the other leg, not closing a "tent" on its knee.
#[test]
fn knee_to_chest_holds_the_knee_up_clear_of_the_other_leg() {
    let s = library::figure("knee-to-chest").unwrap().positions[0];
    let (worked, other) = (s.near_leg, s.far_leg);
    assert!(
        worked.knee.distance(s.neck) < s.hip.distance(s.neck),
        "the knee toward the chest: {s:?}"
    );
    for arm in [s.near_arm, s.far_arm] {
        assert!(
            arm.hand.distance(worked.knee) <= 4.0,
            "the hands around the knee: {arm:?}"
        );
    }
    for p in [worked.ankle, worked.toe] {
        for (a, b) in [
            (s.hip, other.knee),
            (other.knee, other.ankle),
            (other.ankle, other.toe),
        ] {
            assert!(to_segment(p, a, b) >= 4.0, "clear of the other leg: {s:?}");
        }
    }
    assert!(other.ankle.y <= 2, "the other foot on the mat: {other:?}");
}

/// Seen from the front: the worked ankle rests on the other knee, and the worked knee has
/// dropped out to the side, below that ankle, the thigh and shin an open "4".
#[test]
fn the_seated_figure_four_drops_the_worked_knee_out_to_the_side() {
    let s = library::figure("seated-figure-four").unwrap().positions[0];
    let (worked, other) = (s.near_leg, s.far_leg);
    assert!(
        worked.ankle.distance(other.knee) <= 4.0 && worked.toe.x > other.knee.x,
        "the ankle across the other knee, its foot past it: {s:?}"
    );
    assert!(
        worked.knee.x > s.hip.x + 6 && worked.knee.x < other.knee.x,
        "the knee forward of the hip, short of the other knee: {s:?}"
    );
    assert!(
        worked.knee.y < s.hip.y && worked.knee.y <= worked.ankle.y - 6,
        "the knee dropped, not raised: {s:?}"
    );
    assert!(
        to_segment(worked.ankle, s.hip, worked.knee) >= 5.0,
        "an open angle, not a bar: {s:?}"
    );
    assert!(
        s.neck.x > s.hip.x + 4,
        "leaning forward from the hips: {s:?}"
    );
    assert!(other.ankle.y <= 2, "the other foot flat: {other:?}");
}

/// In the figure-4 on the back, the worked thigh is bent up from the hip, not lying flat.
#[test]
fn the_figure_four_bends_the_worked_thigh_up() {
    let s = library::figure("figure-four").unwrap().positions[0];
    let thigh = (s.near_leg.knee.x - s.hip.x, s.near_leg.knee.y - s.hip.y);
    assert!(
        thigh.1 * 2 >= thigh.0.abs(),
        "at least about 25 degrees up: {s:?}"
    );
}

/// A straight leg with the heel down rests its heel on the floor.
#[test]
fn a_heel_set_down_is_on_the_floor() {
    let hamstring = library::figure("seated-hamstring").unwrap().positions[0];
    let walking = library::figure("walking").unwrap().positions[0];
    for (name, heel) in [
        ("seated-hamstring", hamstring.near_leg.ankle),
        ("walking", walking.near_leg.ankle),
    ] {
        assert!(heel.y <= 1, "{name}: {heel:?}");
    }
}
