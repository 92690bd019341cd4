//! The *voortgang* chart of one goal: its scores per session (0–10, left axis) and the GAS
//! levels reached at evaluations (−2…+2, right axis) on one time axis with dates under it.

use chrono::NaiveDate;

use crate::svg::{esc, n, open};
use crate::{BLUE, MonthNames, ORANGE, long_date, short_date};

/// What one goal's chart shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgressData {
    /// *Voortgang* scores 0–10 by session date.
    pub scores: Vec<(NaiveDate, u8)>,
    /// GAS levels −2…+2 by evaluation date.
    pub gas: Vec<(NaiveDate, i8)>,
}

/// Every word on the chart, in the caller's language.
#[derive(Debug, Clone, Copy)]
pub struct ProgressLabels<'a> {
    /// The chart's accessible name ("Voortgang en GAS over tijd").
    pub chart: &'a str,
    /// The word for a score in a point's tooltip ("voortgang").
    pub score: &'a str,
    /// Month names for the dates.
    pub months: &'a MonthNames<'a>,
    /// A font family for the text (the report names its embedded font; the screen inherits).
    pub font_family: Option<&'a str>,
}

/// The chart's size and margins, in SVG units.
pub const WIDTH: f32 = 640.0;
/// Height.
pub const HEIGHT: f32 = 210.0;
const LEFT: f32 = 34.0;
const RIGHT: f32 = 34.0;
const TOP: f32 = 12.0;
const BOTTOM: f32 = 34.0;
/// The least distance between two dates written under the axis ("10 december" is about 65
/// units wide at 12 px).
const MIN_GAP: f32 = 80.0;

/// A date under the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMark {
    /// The day.
    pub date: NaiveDate,
    /// Where its text is anchored.
    pub x: f32,
    /// `start`, `middle` or `end`: the first and last date stand inside the chart.
    pub anchor: &'static str,
    /// A date between the first and the last, which a narrow screen may hide.
    pub between: bool,
}

/// Where every mark of a chart goes.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressLayout {
    /// Each score with its centre.
    pub scores: Vec<(NaiveDate, u8, f32, f32)>,
    /// Each GAS level with its centre.
    pub gas: Vec<(NaiveDate, i8, f32, f32)>,
    /// The dates written under the axis (at most about six).
    pub dates: Vec<DateMark>,
}

fn plot_w() -> f32 {
    WIDTH - LEFT - RIGHT
}

/// The y of a score 0–10 (a GAS level −2…+2 shares the scale: −2 at 0, +2 at 10).
pub fn y_of_score(v: f32) -> f32 {
    TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - v / 10.0)
}

/// The y of a GAS level.
pub fn y_of_gas(level: i8) -> f32 {
    y_of_score((f32::from(level) + 2.0) * 2.5)
}

/// Lays out `data`; `None` when there is nothing to draw.
pub fn progress_layout(data: &ProgressData) -> Option<ProgressLayout> {
    let days: Vec<NaiveDate> = data
        .scores
        .iter()
        .map(|p| p.0)
        .chain(data.gas.iter().map(|p| p.0))
        .collect();
    let first = *days.iter().min()?;
    let last = *days.iter().max()?;
    let span = (last - first).num_days() as f32;
    // One day only: the points stand in the middle.
    let x = |d: NaiveDate| {
        if span == 0.0 {
            LEFT + plot_w() / 2.0
        } else {
            LEFT + plot_w() * ((d - first).num_days() as f32 / span)
        }
    };
    let mut label_days = days.clone();
    label_days.sort();
    label_days.dedup();
    let every = label_days.len().div_ceil(5).max(1);
    let count = label_days.len();
    let is_last = |i: usize| i == count - 1;
    // Kept dates stand at least MIN_GAP apart: the one before the last gives way to the last.
    let mut kept: Vec<(usize, NaiveDate)> = Vec::new();
    for (i, d) in label_days.iter().copied().enumerate() {
        if i % every != 0 && !is_last(i) {
            continue;
        }
        if let Some(&(_, prev)) = kept.last()
            && x(d) - x(prev) < MIN_GAP
        {
            if !is_last(i) {
                continue;
            }
            if kept.len() > 1 {
                kept.pop();
            }
        }
        kept.push((i, d));
    }
    let dates = kept
        .into_iter()
        .map(|(i, d)| {
            let anchor = match i {
                _ if count == 1 => "middle",
                0 => "start",
                i if is_last(i) => "end",
                _ => "middle",
            };
            let shift = match anchor {
                "start" => -8.0,
                "end" => 8.0,
                _ => 0.0,
            };
            DateMark {
                date: d,
                x: x(d) + shift,
                anchor,
                between: anchor == "middle" && count > 1,
            }
        })
        .collect();
    Some(ProgressLayout {
        scores: data
            .scores
            .iter()
            .map(|&(d, v)| (d, v, x(d), y_of_score(f32::from(v))))
            .collect(),
        gas: data
            .gas
            .iter()
            .map(|&(d, l)| (d, l, x(d), y_of_gas(l)))
            .collect(),
        dates,
    })
}

fn sign(level: i8) -> String {
    match level {
        l if l > 0 => format!("+{l}"),
        l if l < 0 => format!("−{}", -l),
        _ => "0".into(),
    }
}

/// The chart as a standalone SVG document; `None` when there is nothing to draw.
pub fn progress_svg(data: &ProgressData, labels: &ProgressLabels<'_>) -> Option<String> {
    let layout = progress_layout(data)?;
    let mut s = open(WIDTH, HEIGHT, labels.chart, labels.font_family);
    let axis = "class=\"axis\" font-size=\"12\" fill=\"#5f6b6a\"";
    for v in [0u8, 5, 10] {
        let y = y_of_score(f32::from(v));
        let gas = ["−2", "0", "+2"][usize::from(v / 5)];
        s += &format!(
            "<line x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" class=\"grid\" stroke=\"#e5e0d6\"/>\
             <text x=\"{}\" y=\"{}\" {axis} text-anchor=\"end\">{v}</text>\
             <text x=\"{}\" y=\"{}\" {axis} text-anchor=\"start\">{gas}</text>",
            n(LEFT),
            n(WIDTH - RIGHT),
            n(LEFT - 6.0),
            n(y + 4.0),
            n(WIDTH - RIGHT + 6.0),
            n(y + 4.0),
            y = n(y),
        );
    }
    for m in &layout.dates {
        let class = if m.between { "axis mid" } else { "axis" };
        s += &format!(
            "<text x=\"{}\" y=\"{}\" class=\"{class}\" font-size=\"12\" fill=\"#5f6b6a\" text-anchor=\"{}\">{}</text>",
            n(m.x),
            n(HEIGHT - 10.0),
            m.anchor,
            esc(&short_date(labels.months, m.date))
        );
    }
    if layout.scores.len() > 1 {
        let points: Vec<String> = layout
            .scores
            .iter()
            .map(|&(_, _, x, y)| format!("{},{}", n(x), n(y)))
            .collect();
        s += &format!(
            "<polyline points=\"{}\" class=\"score-line\" fill=\"none\" stroke=\"{BLUE}\" stroke-width=\"2.5\"/>",
            points.join(" ")
        );
    }
    for &(d, v, x, y) in &layout.scores {
        s += &format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"6\" class=\"score-point\" data-value=\"{v}\" fill=\"{BLUE}\" stroke=\"#fff\" stroke-width=\"2\"><title>{} · {}: {v}</title></circle>",
            n(x),
            n(y),
            esc(&long_date(labels.months, d)),
            esc(labels.score)
        );
    }
    for &(d, l, x, y) in &layout.gas {
        s += &format!(
            "<path d=\"M{},{} l8,8 l-8,8 l-8,-8 z\" class=\"gas-point\" data-level=\"{l}\" fill=\"{ORANGE}\" stroke=\"#6b4a00\" stroke-width=\"1.5\"><title>{} · GAS {}</title></path>",
            n(x),
            n(y - 8.0),
            esc(&long_date(labels.months, d)),
            sign(l)
        );
    }
    s += "</svg>";
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MONTHS: MonthNames<'static> = crate::MONTHS_NL;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn labels() -> ProgressLabels<'static> {
        ProgressLabels {
            chart: "Voortgang",
            score: "voortgang",
            months: &MONTHS,
            font_family: None,
        }
    }

    #[test]
    fn nothing_to_draw_gives_no_chart() {
        assert_eq!(progress_layout(&ProgressData::default()), None);
        assert_eq!(progress_svg(&ProgressData::default(), &labels()), None);
    }

    #[test]
    fn dates_are_placed_in_proportion_to_the_days_between_them() {
        // 1, 11 and 21 november: the plot runs from x = 34 to x = 606 (572 wide), so the
        // middle date stands halfway at 320.
        let data = ProgressData {
            scores: vec![(day(11, 1), 2), (day(11, 11), 5), (day(11, 21), 10)],
            gas: vec![(day(11, 11), -2)],
        };
        let l = progress_layout(&data).unwrap();
        let xs: Vec<f32> = l.scores.iter().map(|p| p.2).collect();
        assert_eq!(xs, vec![34.0, 320.0, 606.0]);
        // The GAS rating of the same day stands at the same x.
        assert_eq!(l.gas[0].2, 320.0);
    }

    #[test]
    fn the_scale_ends_meet_the_grid_and_gas_shares_it() {
        // Plot from y = 12 (10) to y = 176 (0); GAS −2 at the bottom, +2 at the top, 0 halfway.
        assert_eq!(y_of_score(10.0), 12.0);
        assert_eq!(y_of_score(0.0), 176.0);
        assert_eq!(y_of_gas(-2), 176.0);
        assert_eq!(y_of_gas(2), 12.0);
        assert_eq!(y_of_gas(0), 94.0);
        assert_eq!(y_of_score(5.0), 94.0);
    }

    #[test]
    fn a_single_day_stands_in_the_middle_with_one_centred_date() {
        let data = ProgressData {
            scores: vec![(day(3, 4), 7)],
            gas: vec![],
        };
        let l = progress_layout(&data).unwrap();
        assert_eq!(l.scores, vec![(day(3, 4), 7, 320.0, y_of_score(7.0))]);
        assert_eq!(
            l.dates,
            vec![DateMark {
                date: day(3, 4),
                x: 320.0,
                anchor: "middle",
                between: false
            }]
        );
    }

    #[test]
    fn many_dates_are_thinned_but_the_first_and_last_stay() {
        let data = ProgressData {
            scores: (1..=12).map(|d| (day(1, d), 5)).collect(),
            gas: vec![],
        };
        let l = progress_layout(&data).unwrap();
        let days: Vec<u32> = l
            .dates
            .iter()
            .map(|m| chrono::Datelike::day(&m.date))
            .collect();
        // 12 days, every third: 1, 4, 7, 10 and the last.
        assert_eq!(days, vec![1, 4, 7, 10, 12]);
        assert_eq!(l.dates[0].anchor, "start");
        assert_eq!(l.dates[4].anchor, "end");
        assert!(l.dates[1].between);
    }

    #[test]
    fn the_svg_carries_its_name_dates_and_both_shapes() {
        let data = ProgressData {
            scores: vec![(day(11, 3), 4), (day(11, 17), 6)],
            gas: vec![(day(11, 17), 1)],
        };
        let svg = progress_svg(&data, &labels()).unwrap();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("aria-label=\"Voortgang\""));
        assert!(svg.contains(">3 november</text>"));
        assert!(svg.contains(">17 november</text>"));
        assert_eq!(svg.matches("class=\"score-point\"").count(), 2);
        assert_eq!(svg.matches("class=\"gas-point\"").count(), 1);
        assert!(svg.contains("17 november 2026 · GAS +1"));
        assert!(svg.contains("fill=\"#0072b2\"") && svg.contains("fill=\"#e69f00\""));
    }

    #[test]
    fn a_date_too_close_to_the_last_gives_way_to_it() {
        // 24 november to 10 december is 16 days over 572 units: 8 and 10 december stand 71.5
        // apart, too close to read both, so 8 december goes and the last date stays.
        let data = ProgressData {
            scores: vec![(day(11, 24), 3), (day(12, 1), 5), (day(12, 8), 7)],
            gas: vec![(day(12, 10), 1)],
        };
        let l = progress_layout(&data).unwrap();
        let days: Vec<NaiveDate> = l.dates.iter().map(|m| m.date).collect();
        assert_eq!(days, vec![day(11, 24), day(12, 1), day(12, 10)]);
        // Every mark still has its place.
        assert_eq!(l.scores.len(), 3);
    }
}
