//! Tension before/after: every rated exercise run, oldest left, on the 0–10 scale of the
//! *spanningsthermometer*; before an open circle, after a filled one, joined by a line.

use chrono::NaiveDate;

use crate::svg::{esc, n, open};
use crate::{MonthNames, short_date};

/// One exercise run as the chart shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct TensionRun {
    /// The day it ran.
    pub date: NaiveDate,
    /// The exercise's name, cut to fit under its mark by the chart.
    pub name: String,
    /// The tooltip (name and time, as the caller writes them).
    pub tooltip: String,
    /// Tension before, 0–10.
    pub before: Option<u8>,
    /// Tension after, 0–10.
    pub after: Option<u8>,
}

/// Every word on the chart.
#[derive(Debug, Clone, Copy)]
pub struct TensionLabels<'a> {
    /// The chart's accessible name.
    pub chart: &'a str,
    /// Month names for the dates.
    pub months: &'a MonthNames<'a>,
    /// A font family for the text (the report names its embedded font; the screen inherits).
    pub font_family: Option<&'a str>,
}

/// Width in SVG units.
pub const WIDTH: f32 = 640.0;
/// Height.
pub const HEIGHT: f32 = 220.0;
const LEFT: f32 = 36.0;
const TOP: f32 = 14.0;

/// Where each run's marks go.
#[derive(Debug, Clone, PartialEq)]
pub struct TensionLayout {
    /// Per run (in the order given, which must be oldest first): its x, the y of before and
    /// after, and whether its date and name are written under it.
    pub runs: Vec<(f32, Option<f32>, Option<f32>, bool)>,
}

/// The y of a tension value 0–10.
pub fn y_of(v: u8) -> f32 {
    TOP + (HEIGHT - TOP - 40.0) * (1.0 - f32::from(v.min(10)) / 10.0)
}

/// Lays out the runs that have a rating; `None` when none has.
pub fn tension_layout(runs: &[TensionRun]) -> Option<TensionLayout> {
    let rated: Vec<&TensionRun> = rated(runs).collect();
    if rated.is_empty() {
        return None;
    }
    let step = (WIDTH - LEFT - 20.0) / rated.len() as f32;
    // At most about eight labels fit under the chart; the rest keep their tooltip.
    let every = rated.len().div_ceil(8).max(1);
    Some(TensionLayout {
        runs: rated
            .iter()
            .enumerate()
            .map(|(i, r)| {
                (
                    LEFT + step * (i as f32 + 0.5),
                    r.before.map(y_of),
                    r.after.map(y_of),
                    i % every == 0,
                )
            })
            .collect(),
    })
}

fn rated(runs: &[TensionRun]) -> impl Iterator<Item = &TensionRun> {
    runs.iter()
        .filter(|r| r.before.is_some() || r.after.is_some())
}

fn short(title: &str) -> String {
    if title.chars().count() <= 16 {
        title.to_string()
    } else {
        format!("{}…", title.chars().take(15).collect::<String>())
    }
}

fn value(v: Option<u8>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "–".into())
}

/// The chart as a standalone SVG document; `None` when no run has a rating.
pub fn tension_svg(runs: &[TensionRun], labels: &TensionLabels<'_>) -> Option<String> {
    let layout = tension_layout(runs)?;
    let mut s = open(WIDTH, HEIGHT, labels.chart, labels.font_family);
    let axis = "font-size=\"12\" fill=\"#5f6b6a\"";
    for v in [0u8, 5, 10] {
        s += &format!(
            "<line x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" class=\"grid\" stroke=\"#e5e0d6\"/>\
             <text x=\"{}\" y=\"{}\" class=\"axis\" {axis} text-anchor=\"end\">{v}</text>",
            n(LEFT),
            n(WIDTH - 10.0),
            n(LEFT - 8.0),
            n(y_of(v) + 4.0),
            y = n(y_of(v)),
        );
    }
    for (r, &(x, before, after, labelled)) in rated(runs).zip(&layout.runs) {
        s += &format!(
            "<g class=\"run\" data-before=\"{}\" data-after=\"{}\"><title>{}</title>",
            value(r.before),
            value(r.after),
            esc(&r.tooltip)
        );
        if let (Some(b), Some(a)) = (before, after) {
            s += &format!(
                "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" class=\"change\" stroke=\"#9aa9a5\" stroke-width=\"2\"/>",
                n(b),
                n(a),
                x = n(x)
            );
        }
        if let Some(b) = before {
            s += &format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"7\" class=\"before\" fill=\"#fff\" stroke=\"#f4a261\" stroke-width=\"3\"/>",
                n(x),
                n(b)
            );
        }
        if let Some(a) = after {
            s += &format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"7\" class=\"after\" fill=\"#6fb3a3\" stroke=\"#2f6f64\" stroke-width=\"2\"/>",
                n(x),
                n(a)
            );
        }
        if labelled {
            s += &format!(
                "<text x=\"{x}\" y=\"{}\" class=\"axis\" {axis} text-anchor=\"middle\">{}</text>\
                 <text x=\"{x}\" y=\"{}\" class=\"axis name\" {axis} text-anchor=\"middle\">{}</text>",
                n(HEIGHT - 24.0),
                esc(&short_date(labels.months, r.date)),
                n(HEIGHT - 8.0),
                esc(&short(&r.name)),
                x = n(x)
            );
        }
        s += "</g>";
    }
    s += "</svg>";
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MONTHS: MonthNames<'static> = [
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];

    fn run(d: u32, before: Option<u8>, after: Option<u8>) -> TensionRun {
        TensionRun {
            date: NaiveDate::from_ymd_opt(2026, 11, d).unwrap(),
            name: "Ademen met de ballon erbij".into(),
            tooltip: "<Ademen> & rust".into(),
            before,
            after,
        }
    }

    fn labels() -> TensionLabels<'static> {
        TensionLabels {
            chart: "Spanning voor en na",
            months: &MONTHS,
            font_family: Some("Libertinus Serif"),
        }
    }

    #[test]
    fn runs_without_a_rating_are_left_out_and_none_gives_no_chart() {
        assert_eq!(tension_layout(&[]), None);
        assert_eq!(tension_layout(&[run(1, None, None)]), None);
        let l = tension_layout(&[run(1, Some(8), Some(3)), run(2, None, None)]).unwrap();
        assert_eq!(l.runs.len(), 1);
    }

    #[test]
    fn runs_share_the_width_and_values_meet_the_scale() {
        // Two runs over 584 units: centres at 36 + 146 and 36 + 438.
        let l = tension_layout(&[run(1, Some(10), Some(0)), run(8, Some(5), None)]).unwrap();
        assert_eq!(l.runs[0], (182.0, Some(14.0), Some(180.0), true));
        assert_eq!(l.runs[1], (474.0, Some(97.0), None, true));
    }

    #[test]
    fn the_svg_has_open_before_filled_after_and_escaped_text() {
        let svg = tension_svg(&[run(3, Some(8), Some(3))], &labels()).unwrap();
        assert!(svg.contains("data-before=\"8\" data-after=\"3\""));
        assert!(svg.contains("class=\"before\" fill=\"#fff\""));
        assert!(svg.contains("class=\"after\" fill=\"#6fb3a3\""));
        assert!(svg.contains("&lt;Ademen&gt; &amp; rust"));
        assert!(svg.contains(">3 nov</text>"));
        assert!(svg.contains(">Ademen met de b…</text>"));
        assert!(svg.contains("font-family=\"Libertinus Serif\""));
    }
}
