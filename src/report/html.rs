//! The report as one self-contained HTML page: no script, nothing fetched, charts inline as
//! SVG, and print styles that fit eight weeks on two A4 or Letter pages.

use maud::{DOCTYPE, Markup, PreEscaped, html as markup};

use super::{Report, charts};
use crate::history::BreakFigures;
use crate::history::{Finish, SessionView};
use crate::text::report as words;

/// Small type and tight spacing, so eight weeks print on two pages; page breaks never split a
/// table row or a chart.
const STYLE: &str = "
body { font-family: system-ui, sans-serif; font-size: 10pt; line-height: 1.35; color: #111; max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 16pt; margin: 0; }
h2 { font-size: 11.5pt; margin: 1rem 0 0.3rem; border-bottom: 1px solid #999; }
p { margin: 0.25rem 0; }
.sub { color: #333; margin-bottom: 0.4rem; }
.note { color: #444; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { text-align: left; padding: 1px 6px 1px 0; border-bottom: 1px solid #ddd; vertical-align: top; }
td.n, th.n { text-align: right; }
td.cal { white-space: nowrap; }
.cal span { display: inline-block; width: 1.1rem; height: 0.95rem; line-height: 0.95rem; margin-right: 1px; text-align: center; font-size: 7.5pt; vertical-align: middle; }
.cal .on { background: #1f5faa; color: #fff; font-weight: bold; }
.cal .off { background: #e4e4e4; }
.cal .out { background: none; }
ul.flow { columns: 2; column-gap: 1.5rem; margin: 0.2rem 0; padding-left: 1.1rem; }
svg { width: 100%; height: auto; }
.figs { display: flex; flex-wrap: wrap; gap: 2px 10px; align-items: flex-end; margin: 0.2rem 0; }
.figs figure { margin: 0; text-align: center; font-size: 7.5pt; color: #444; }
.figs svg { width: auto; height: 2.2rem; }
ol.steps { columns: 2; column-gap: 1.5rem; margin: 0.2rem 0; padding-left: 1.4rem; font-size: 9pt; }
.flare { font-weight: bold; }
.legend { font-size: 8.5pt; margin: 0 0 0.2rem; }
th.cal span { display: inline-block; width: 1.1rem; margin-right: 1px; text-align: center; }
.routine { break-inside: avoid; }
@page { size: auto; margin: 9mm 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 8.5pt; }
  h2 { font-size: 10.5pt; margin-top: 0.6rem; }
  .note, .legend { font-size: 7.5pt; }
  th, td { padding-top: 0; padding-bottom: 0; }
  h2 { break-after: avoid; }
  tr, svg, .cal { break-inside: avoid; }
}
";

/// The whole page.
pub fn html(report: &Report) -> String {
    let page = markup! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (words::TITLE) ": " (period(report)) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                h1 { (words::TITLE) }
                p.sub { (words::SUBTITLE) ". " strong { (period(report)) } }
                p.note { (words::made(&report.made.format("%a %-d %b %Y, %H:%M").to_string())) }
                (adherence(report))
                (pain(report))
                (weekly(report))
                (mornings(report))
                (pain_rules(report))
                (safety(report))
                (routines(report))
                (notes(report))
                h2 { (words::CANNOT) }
                p.note { (words::CANNOT_TEXT.join(" ")) }
            }
        }
    };
    page.into_string()
}

fn period(report: &Report) -> String {
    words::period(report.period.since, report.period.until)
}

fn day(s: &SessionView) -> String {
    s.started.format("%a %-d %b").to_string()
}

/// A screening's outcome as a dated fact: no warning sign is "none reported", not "all clear".
fn safety_told(result: crate::history::SafetyResult) -> &'static str {
    match result {
        crate::history::SafetyResult::Clear => words::SAFETY_CLEAR,
        other => other.told(),
    }
}

fn average(a: Option<f64>) -> String {
    a.map(|a| format!("{a:.1}")).unwrap_or_default()
}

fn score(p: Option<u8>) -> String {
    p.map(|p| p.to_string()).unwrap_or_default()
}

fn adherence(report: &Report) -> Markup {
    let completed = report
        .sessions
        .iter()
        .filter(|s| s.finish() == Finish::Completed)
        .count();
    let BreakFigures {
        taken,
        snoozed,
        skipped,
    } = report.breaks;
    markup! {
        h2 { (words::ADHERENCE) }
        p { (words::adherence(report.sessions.len(), report.per_week(), completed, report.sessions.len() - completed)) }
        @if taken + snoozed + skipped > 0 { p { (words::breaks(taken, snoozed, skipped)) } }
    }
}

fn pain(report: &Report) -> Markup {
    markup! {
        h2 { (words::PAIN) }
        @match charts::pain(report) {
            Some(svg) => { (PreEscaped(svg)) p.legend { (words::PAIN_LEGEND) } }
            None => p { (words::PAIN_NONE) },
        }
        p.note { (words::PAIN_NOTE) }
        @if !report.sessions.is_empty() || !report.logs.is_empty() {
            table {
                thead {
                    tr {
                        th { (words::HEADINGS_WEEKS[0]) }
                        th.cal { @for d in words::CALENDAR_DAYS { span { (d) } } }
                        @for h in &words::HEADINGS_WEEKS[1..] { th.n { (h) } }
                    }
                }
                tbody {
                    @for (w, days) in report.week_figures().iter().zip(&report.weeks) {
                        tr {
                            td { (w.monday.format("%-d %b").to_string()) }
                            td.cal {
                                @for d in days.days {
                                    @match d {
                                        Some(0) => span.off {},
                                        Some(n) => span.on { (n) },
                                        None => span.out {},
                                    }
                                }
                            }
                            td.n { (w.sessions) }
                            td.n { (w.completed) }
                            td.n { (average(w.before)) }
                            td.n { (average(w.after)) }
                            td.n { (average(w.logs)) }
                        }
                    }
                }
            }
            p.note { (words::CALENDAR_NOTE) }
        }
    }
}

fn weekly(report: &Report) -> Markup {
    let activities = report.activities();
    let yes_no = |b: Option<bool>| match b {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    };
    markup! {
        h2 { (words::WEEKLY) }
        @if report.weekly.is_empty() {
            p { (words::WEEKLY_NONE) }
        } @else {
            @if let Some(svg) = charts::weekly(report) {
                (PreEscaped(svg))
                p.legend { (words::WEEKLY_LEGEND) }
            }
            table {
                thead {
                    tr {
                        @for (i, h) in words::WEEKLY_HEADINGS.iter().enumerate() {
                            // Leg and back pain are numbers, aligned as their column.
                            th class=[(1..=2).contains(&i).then_some("n")] { (h) }
                        }
                        @for name in &activities { th.n { (name) } }
                    }
                }
                tbody {
                    @for w in &report.weekly {
                        tr {
                            td { (w.at.format("%a %-d %b").to_string()) }
                            td.n { (score(w.value.leg_pain)) }
                            td.n { (score(w.value.back_pain)) }
                            td { (yes_no(w.value.numbness)) }
                            td { (yes_no(w.value.weakness)) }
                            @for name in &activities {
                                td.n { (score(w.value.activities.iter().find(|a| &a.name == name).and_then(|a| a.score))) }
                            }
                        }
                    }
                }
            }
            @for line in report.trend.lines() { p { (line.trim()) } }
        }
        p.note { (words::WEEKLY_NOTE) }
    }
}

fn mornings(report: &Report) -> Markup {
    markup! {
        h2 { (words::MORNINGS) }
        @if report.mornings.is_empty() {
            p { (words::MORNINGS_NONE) }
        } @else {
            ul.flow {
                @for (s, flare) in &report.mornings {
                    li class=[flare.then_some("flare")] {
                        (words::morning(
                            &day(s),
                            &s.routine,
                            s.pain_before(),
                            s.next_morning.as_ref().and_then(|m| m.pain),
                            *flare,
                        ))
                    }
                }
            }
            p.note { (words::MORNINGS_NOTE) }
        }
    }
}

fn pain_rules(report: &Report) -> Markup {
    let paused: Vec<&SessionView> = report.pain_rules().collect();
    markup! {
        h2 { (words::PAIN_RULES) }
        @if paused.is_empty() {
            p { (words::PAIN_RULES_NONE) }
        } @else {
            table {
                thead { tr { @for h in words::PAIN_RULES_HEADINGS { th { (h) } } } }
                tbody {
                    @for s in paused {
                        @for (trigger, choice) in &s.pain_rules {
                            tr { td { (day(s)) } td { (s.routine) } td { (trigger.why()) } td { (choice.words()) } }
                        }
                    }
                }
            }
        }
    }
}

fn safety(report: &Report) -> Markup {
    markup! {
        h2 { (words::SAFETY) }
        @if report.safety.is_empty() {
            p { (words::SAFETY_NONE) }
        } @else {
            table {
                thead { tr { @for h in words::SAFETY_HEADINGS { th { (h) } } } }
                tbody {
                    @for s in &report.safety {
                        tr {
                            td { (s.at.format("%a %-d %b").to_string()) }
                            td { (s.value.check.asked()) }
                            td { (safety_told(s.value.result)) }
                        }
                    }
                }
            }
        }
    }
}

/// Each routine with its steps' dose, and a figure of each position not drawn already for a
/// routine above (routines of one series share their positions).
fn routines(report: &Report) -> Markup {
    let mut drawn: Vec<&str> = Vec::new();
    let strips: Vec<Vec<(usize, String)>> = report
        .routines
        .iter()
        .map(|used| {
            let timed = used.routine.steps.iter().filter(|s| !s.is_check_in());
            timed
                .enumerate()
                .filter_map(|(i, step)| {
                    let figure = step.figure.as_ref()?;
                    if drawn.contains(&step.title.as_str()) {
                        return None;
                    }
                    drawn.push(&step.title);
                    Some((i + 1, crate::figure::svg::svg(figure, None, &step.title)))
                })
                .collect()
        })
        .collect();
    markup! {
        h2 { (words::ROUTINES) }
        @if report.routines.is_empty() {
            p { (words::ROUTINES_NONE) }
        }
        @for (used, strip) in report.routines.iter().zip(&strips) {
            div.routine {
                p {
                    strong { (words::routine(&used.routine.title, used.routine.level.word(), used.sessions)) }
                    @if strip.is_empty() { " " span.note { (words::FIGURES_ABOVE) } }
                }
                @if !strip.is_empty() {
                    div.figs {
                        @for (n, svg) in strip {
                            figure { (PreEscaped(svg)) figcaption { (n) } }
                        }
                    }
                }
                ol.steps {
                    @for step in used.routine.steps.iter().filter(|s| !s.is_check_in()) {
                        li { (step.line(None)) }
                    }
                }
            }
        }
    }
}

fn notes(report: &Report) -> Markup {
    markup! {
        h2 { (words::NOTES) }
        @if report.notes.is_empty() {
            p { (words::NOTES_NONE) }
        } @else {
            table {
                tbody {
                    @for (at, note) in &report.notes {
                        tr { td { (at.format("%a %-d %b").to_string()) } td { (note) } }
                    }
                }
            }
        }
    }
}
