//! A figure as marks to draw: strokes, rings and discs in the figure's own units, laid out
//! side by side for a movement's two positions and mirrored for the left side. The terminal's
//! canvas and the SVG writer both draw these marks, so the two always show the same figure.

use super::{BALL_RADIUS, Figure, HEAD_RADIUS, Limb, Point, Prop, ROLLER_RADIUS, Skeleton, View};
use crate::routine::Side;

/// Units between a movement's two positions, where the arrow goes.
const GAP: f64 = 16.0;
/// Units of empty edge around the whole drawing.
const MARGIN: f64 = 2.0;
/// How far below the floor line a mat reaches.
const MAT_DEPTH: f64 = 1.5;
/// Half the width of the pelvis seen from above, from the spine to each hip, in units.
const HALF_PELVIS: i16 = 3;
/// The height of a chair's back above its seat.
const CHAIR_BACK_UNITS: i16 = 18;
const CHAIR_BACK: f64 = 18.0;

/// How a mark is drawn: the body, limbs on the far side, the limb being worked, a prop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Body,
    Far,
    Worked,
    Prop,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A line through the points; `bold` for the limb being worked.
    Stroke {
        points: Vec<(f64, f64)>,
        tone: Tone,
        bold: bool,
    },
    /// A circle's outline: the head.
    Ring {
        centre: (f64, f64),
        radius: f64,
        tone: Tone,
    },
    /// A filled circle: a ball, a roller.
    Disc {
        centre: (f64, f64),
        radius: f64,
        tone: Tone,
    },
}

/// Everything to draw, and the box it fills: x from `left` to `right`, y from `bottom` to
/// `top`, in units.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    pub marks: Vec<Mark>,
    pub left: f64,
    pub right: f64,
    pub bottom: f64,
    pub top: f64,
    /// Where each position's panel starts and ends along x, for captions under them.
    pub panels: Vec<(f64, f64)>,
}

impl Drawing {
    pub fn width(&self) -> f64 {
        self.right - self.left
    }

    pub fn height(&self) -> f64 {
        self.top - self.bottom
    }
}

/// The figure as marks, on `side` (mirrored for the left; as drawn for the right or for a step
/// on both sides). A movement's positions stand side by side, start on the left, with an arrow
/// between them.
pub fn drawing(figure: &Figure, side: Option<Side>) -> Drawing {
    let (x0, x1, y0, y1) = extent(figure);
    let width = x1 - x0;
    let mirrored = side == Some(Side::Left);
    let mut marks = Vec::new();
    let mut panels = Vec::new();
    for (i, skeleton) in figure.positions.iter().enumerate() {
        let shift = i as f64 * (width + GAP) - x0;
        // Mirrored within its own panel, so the panels keep their order.
        let place = |x: f64| {
            if mirrored {
                x1 - (x - x0) + shift
            } else {
                x + shift
            }
        };
        panels.push((x0 + shift, x1 + shift));
        props(&figure.props, (place(x0), place(x1)), y1, place, &mut marks);
        body(skeleton, figure, place, &mut marks);
    }
    if figure.is_movement() {
        marks.push(arrow(width, y0, y1));
    }
    let count = figure.positions.len() as f64;
    Drawing {
        marks,
        left: -MARGIN,
        right: count * width + (count - 1.0) * GAP + MARGIN,
        bottom: y0 - MARGIN,
        top: y1 + MARGIN,
        panels,
    }
}

/// The box every position and prop of the figure fits in: left, right, bottom, top.
fn extent(figure: &Figure) -> (f64, f64, f64, f64) {
    let mut xs = Vec::new();
    // From the side the floor and a mat's depth below it are always in the picture; from above
    // y is across the floor, and only what lies on it is.
    let mut ys = match figure.view {
        View::Side => vec![0.0 - MAT_DEPTH],
        View::Above => Vec::new(),
    };
    let mut add = |p: Point, r: i16| {
        let r = f64::from(r);
        xs.extend([f64::from(p.x) - r, f64::from(p.x) + r]);
        ys.extend([f64::from(p.y) - r, f64::from(p.y) + r]);
    };
    for s in &figure.positions {
        add(s.head, HEAD_RADIUS);
        for p in joints(s) {
            add(p, 0);
        }
        if figure.view == View::Above {
            add(s.hip, HALF_PELVIS);
        }
    }
    for prop in &figure.props {
        match *prop {
            Prop::Ball(c) => add(c, BALL_RADIUS),
            Prop::Roller(c) => add(c, ROLLER_RADIUS),
            Prop::MatFromAbove(a, b) => {
                add(a, 0);
                add(b, 0);
            }
            Prop::Chair { back, front, seat } => {
                add(Point { x: back, y: 0 }, 0);
                add(Point { x: front, y: seat }, 0);
                // The top of the chair's back.
                add(
                    Point {
                        x: back,
                        y: seat.saturating_add(CHAIR_BACK_UNITS),
                    },
                    0,
                );
            }
            Prop::Wall(x) => add(Point { x, y: 0 }, 0),
            Prop::Floor | Prop::Mat => {}
        }
    }
    let low = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
    let high = |v: &[f64]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (low(&xs), high(&xs), low(&ys), high(&ys))
}

fn joints(s: &Skeleton) -> Vec<Point> {
    let mut all = vec![s.neck, s.hip];
    all.extend(s.spine);
    for a in [s.near_arm, s.far_arm] {
        all.extend([a.elbow, a.hand]);
    }
    for l in [s.near_leg, s.far_leg] {
        all.extend([l.knee, l.ankle, l.toe]);
    }
    all
}

fn xy(p: Point) -> (f64, f64) {
    (f64::from(p.x), f64::from(p.y))
}

/// The props of one panel, which spans `span` along x and reaches `top`.
fn props(
    props: &[Prop],
    span: (f64, f64),
    top: f64,
    place: impl Fn(f64) -> f64,
    marks: &mut Vec<Mark>,
) {
    let (a, b) = (span.0.min(span.1), span.0.max(span.1));
    let stroke = |points: Vec<(f64, f64)>| Mark::Stroke {
        points,
        tone: Tone::Prop,
        bold: false,
    };
    for prop in props {
        match *prop {
            Prop::Floor => marks.push(stroke(vec![(a, 0.0), (b, 0.0)])),
            Prop::Mat => marks.push(stroke(vec![
                (a, -MAT_DEPTH),
                (a, 0.0),
                (b, 0.0),
                (b, -MAT_DEPTH),
                (a, -MAT_DEPTH),
            ])),
            Prop::MatFromAbove(a, b) => {
                let (x0, x1) = (place(f64::from(a.x)), place(f64::from(b.x)));
                let (y0, y1) = (f64::from(a.y), f64::from(b.y));
                marks.push(stroke(vec![
                    (x0, y0),
                    (x1, y0),
                    (x1, y1),
                    (x0, y1),
                    (x0, y0),
                ]));
            }
            Prop::Ball(c) | Prop::Roller(c) => marks.push(Mark::Disc {
                centre: (place(f64::from(c.x)), f64::from(c.y)),
                radius: f64::from(if matches!(prop, Prop::Ball(_)) {
                    BALL_RADIUS
                } else {
                    ROLLER_RADIUS
                }),
                tone: Tone::Prop,
            }),
            Prop::Chair { back, front, seat } => {
                let (back, front, seat) = (
                    place(f64::from(back)),
                    place(f64::from(front)),
                    f64::from(seat),
                );
                marks.push(stroke(vec![
                    (back, seat + CHAIR_BACK),
                    (back, 0.0),
                    (back, seat),
                    (front, seat),
                    (front, 0.0),
                ]));
            }
            Prop::Wall(x) => {
                let x = place(f64::from(x));
                marks.push(stroke(vec![(x, 0.0), (x, top)]));
            }
        }
    }
}

/// The person: far limbs first, then (from above) the pelvis, the trunk and head, then the near
/// limbs over them.
fn body(s: &Skeleton, figure: &Figure, place: impl Fn(f64) -> f64, marks: &mut Vec<Mark>) {
    let at = |p: Point| (place(f64::from(p.x)), f64::from(p.y));
    let limb = |limb: Limb, points: Vec<(f64, f64)>, far: bool| {
        let worked = figure.marked.contains(&limb);
        Mark::Stroke {
            points: points.into_iter().map(|(x, y)| (place(x), y)).collect(),
            tone: match (worked, far) {
                (true, _) => Tone::Worked,
                (false, true) => Tone::Far,
                (false, false) => Tone::Body,
            },
            bold: worked,
        }
    };
    let arm = |a: super::Arm| vec![xy(s.neck), xy(a.elbow), xy(a.hand)];
    let (near_hip, far_hip) = hips(s, figure.view);
    let leg = |hip: (f64, f64), l: super::Leg| vec![hip, xy(l.knee), xy(l.ankle), xy(l.toe)];
    marks.push(limb(Limb::FarArm, arm(s.far_arm), true));
    marks.push(limb(Limb::FarLeg, leg(far_hip, s.far_leg), true));
    if figure.view == View::Above {
        marks.push(Mark::Stroke {
            points: vec![
                (place(near_hip.0), near_hip.1),
                (place(far_hip.0), far_hip.1),
            ],
            tone: Tone::Body,
            bold: false,
        });
    }

    let back = match s.spine {
        Some(spine) => curve(xy(s.neck), xy(spine), xy(s.hip)),
        None => vec![xy(s.neck), xy(s.hip)],
    };
    marks.push(Mark::Stroke {
        points: back.into_iter().map(|(x, y)| (place(x), y)).collect(),
        tone: Tone::Body,
        bold: false,
    });
    let head = at(s.head);
    let radius = f64::from(HEAD_RADIUS);
    let neck = at(s.neck);
    marks.push(Mark::Stroke {
        points: vec![neck, towards(head, neck, radius)],
        tone: Tone::Body,
        bold: false,
    });
    marks.push(Mark::Ring {
        centre: head,
        radius,
        tone: Tone::Body,
    });
    if let Some(gaze) = s.looking {
        // A short nose on the head, pointing where the face looks.
        marks.push(Mark::Stroke {
            points: vec![
                towards(head, at(gaze), radius),
                towards(head, at(gaze), radius + 2.0),
            ],
            tone: Tone::Body,
            bold: false,
        });
    }
    marks.push(limb(Limb::NearLeg, leg(near_hip, s.near_leg), false));
    marks.push(limb(Limb::NearArm, arm(s.near_arm), false));
}

/// Where the legs join the body, near then far: both at the hip from the side; from above, as
/// far apart as the pelvis is wide, the near (right) hip below the spine, which lies along x.
fn hips(s: &Skeleton, view: View) -> ((f64, f64), (f64, f64)) {
    let (x, y) = xy(s.hip);
    match view {
        View::Side => ((x, y), (x, y)),
        View::Above => {
            let half = f64::from(HALF_PELVIS);
            ((x, y - half), (x, y + half))
        }
    }
}

/// The point `distance` from `from` toward `to`.
fn towards(from: (f64, f64), to: (f64, f64), distance: f64) -> (f64, f64) {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = (dx * dx + dy * dy).sqrt().max(f64::EPSILON);
    (
        from.0 + dx / length * distance,
        from.1 + dy / length * distance,
    )
}

/// A smooth curve from `a` through `via` to `b`: a quadratic Bézier whose middle is `via`.
fn curve(a: (f64, f64), via: (f64, f64), b: (f64, f64)) -> Vec<(f64, f64)> {
    let control = (
        2.0 * via.0 - f64::midpoint(a.0, b.0),
        2.0 * via.1 - f64::midpoint(a.1, b.1),
    );
    (0..=8)
        .map(|i| {
            let t = f64::from(i) / 8.0;
            let u = 1.0 - t;
            (
                u * u * a.0 + 2.0 * u * t * control.0 + t * t * b.0,
                u * u * a.1 + 2.0 * u * t * control.1 + t * t * b.1,
            )
        })
        .collect()
}

/// "Then": an arrow across the gap between the two positions, at mid-height.
fn arrow(width: f64, bottom: f64, top: f64) -> Mark {
    let y = f64::midpoint(bottom, top);
    let (from, to) = (width + GAP * 0.2, width + GAP * 0.8);
    let head = GAP * 0.2;
    Mark::Stroke {
        points: vec![
            (from, y),
            (to, y),
            (to - head, y + head),
            (to, y),
            (to - head, y - head),
        ],
        tone: Tone::Prop,
        bold: false,
    }
}
