//! A client's timeline (*tijdlijn*): the sessions in order, newest first, each with what was
//! made in it, read a page at a time. The filters (goal, work form, period), the keyset cursor
//! and the page's wire format are here; the server runs the query, the app shows the page.
//!
//! Keyset, not offset: a page starts after the last session of the page before (its date, then
//! its id), so a session added meanwhile never shifts a page and the database walks an index
//! rather than counting skipped rows. The items carry a *glance* — what a card needs to show
//! (a drawing's size, a take's hits as a few dots, an exercise's before/after) — never the
//! whole record, so a page of ten sessions stays a few kilobytes before its thumbnails.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{ArtefactKind, ValidationError};

/// Sessions per page when the query does not say.
pub const TIMELINE_DEFAULT_LIMIT: u8 = 10;
/// Most sessions on one page.
pub const TIMELINE_MAX_LIMIT: u8 = 50;
/// Most dots in a music glance.
pub const MUSIC_GLANCE_DOTS: usize = 48;

/// Which sessions a period keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    /// Every session.
    #[default]
    All,
    /// The last `n` months up to today.
    Months(u8),
    /// From one date to another, both included.
    Range {
        /// First day.
        from: NaiveDate,
        /// Last day.
        to: NaiveDate,
    },
}

impl Period {
    /// The choices offered on screen, besides a range.
    pub const CHOICES: [Period; 4] = [
        Self::All,
        Self::Months(3),
        Self::Months(6),
        Self::Months(12),
    ];

    /// The first and last day kept (`None`: no bound), counted back from `today`.
    pub fn bounds(self, today: NaiveDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
        match self {
            Self::All => (None, None),
            Self::Months(n) => {
                let from = today
                    .checked_sub_months(Months::new(u32::from(n)))
                    .unwrap_or(NaiveDate::MIN);
                (Some(from), None)
            }
            Self::Range { from, to } => (Some(from), Some(to)),
        }
    }

    /// The code in an address: `alles`, `3m`, `2026-01-01..2026-06-30`.
    pub fn code(self) -> String {
        match self {
            Self::All => "alles".into(),
            Self::Months(n) => format!("{n}m"),
            Self::Range { from, to } => format!("{from}..{to}"),
        }
    }

    /// Reads a code; what no period is refused in Dutch.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let bad = || ValidationError::Filter {
            what: "De periode",
            got: raw.chars().take(40).collect(),
        };
        if raw == "alles" || raw.is_empty() {
            return Ok(Self::All);
        }
        if let Some(n) = raw.strip_suffix('m') {
            let n: u8 = n.parse().map_err(|_| bad())?;
            return if (1..=120).contains(&n) {
                Ok(Self::Months(n))
            } else {
                Err(bad())
            };
        }
        let (from, to) = raw.split_once("..").ok_or_else(bad)?;
        let from: NaiveDate = from.parse().map_err(|_| bad())?;
        let to: NaiveDate = to.parse().map_err(|_| bad())?;
        if from > to {
            return Err(ValidationError::Filter {
                what: "De periode (het begin ligt na het einde)",
                got: raw.chars().take(40).collect(),
            });
        }
        Ok(Self::Range { from, to })
    }
}

/// Where a page starts: after the session with this date and id (newest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineCursor {
    /// The last session's date.
    pub date: NaiveDate,
    /// The last session's id.
    pub id: Uuid,
}

impl TimelineCursor {
    /// As written in an address: `2026-03-05_<uuid>`.
    pub fn code(self) -> String {
        format!("{}_{}", self.date, self.id)
    }

    /// Reads [`TimelineCursor::code`].
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let bad = || ValidationError::Filter {
            what: "Het vervolg van de tijdlijn",
            got: raw.chars().take(60).collect(),
        };
        let (date, id) = raw.split_once('_').ok_or_else(bad)?;
        Ok(Self {
            date: date.parse().map_err(|_| bad())?,
            id: Uuid::parse_str(id).map_err(|_| bad())?,
        })
    }

    /// Whether a session (newest first) comes after this cursor.
    pub fn before(self, date: NaiveDate, id: Uuid) -> bool {
        (date, id) < (self.date, self.id)
    }
}

/// What the timeline asks for: `?doel=<uuid>&werkvorm=drawing&periode=3m&na=<cursor>&aantal=10`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineQuery {
    /// Only what is linked to this goal.
    pub goal: Option<Uuid>,
    /// Only what this work form made.
    pub kind: Option<ArtefactKind>,
    /// Only sessions in this period.
    pub period: Period,
    /// The page after this session.
    pub after: Option<TimelineCursor>,
    /// Sessions on the page, 1 to [`TIMELINE_MAX_LIMIT`].
    pub limit: u8,
}

impl Default for TimelineQuery {
    fn default() -> Self {
        Self {
            goal: None,
            kind: None,
            period: Period::All,
            after: None,
            limit: TIMELINE_DEFAULT_LIMIT,
        }
    }
}

impl TimelineQuery {
    /// Whether a goal or work form filter narrows the items (then sessions without a matching
    /// item are left out; without one every session shows, also an empty one).
    pub fn narrows_items(&self) -> bool {
        self.goal.is_some() || self.kind.is_some()
    }

    /// Reads a query string (without `?`). Unknown keys are refused, so a typo never silently
    /// shows everything.
    pub fn parse(query: &str) -> Result<Self, ValidationError> {
        let mut q = Self::default();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let got = || value.chars().take(60).collect::<String>();
            match key {
                "doel" if !value.is_empty() => {
                    q.goal = Some(Uuid::parse_str(value).map_err(|_| ValidationError::Filter {
                        what: "Het behandeldoel",
                        got: got(),
                    })?);
                }
                "werkvorm" if !value.is_empty() => {
                    q.kind = Some(ArtefactKind::from_code(value).ok_or(
                        ValidationError::Filter {
                            what: "De werkvorm",
                            got: got(),
                        },
                    )?);
                }
                "periode" => q.period = Period::parse(value)?,
                "na" if !value.is_empty() => q.after = Some(TimelineCursor::parse(value)?),
                "aantal" => {
                    let n: i64 = value.parse().map_err(|_| ValidationError::Filter {
                        what: "Het aantal sessies",
                        got: got(),
                    })?;
                    if !(1..=i64::from(TIMELINE_MAX_LIMIT)).contains(&n) {
                        return Err(ValidationError::OutOfRange {
                            what: "Het aantal sessies per bladzijde",
                            min: 1,
                            max: i64::from(TIMELINE_MAX_LIMIT),
                            got: n.to_string(),
                        });
                    }
                    q.limit = n as u8;
                }
                "doel" | "werkvorm" | "na" => {}
                other => {
                    return Err(ValidationError::Filter {
                        what: "Het filter",
                        got: other.chars().take(40).collect(),
                    });
                }
            }
        }
        Ok(q)
    }

    /// The query string that [`TimelineQuery::parse`] reads back (without `?`).
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(g) = self.goal {
            parts.push(format!("doel={g}"));
        }
        if let Some(k) = self.kind {
            parts.push(format!("werkvorm={}", k.code()));
        }
        if self.period != Period::All {
            parts.push(format!("periode={}", self.period.code()));
        }
        if let Some(c) = self.after {
            parts.push(format!("na={}", c.code()));
        }
        if self.limit != TIMELINE_DEFAULT_LIMIT {
            parts.push(format!("aantal={}", self.limit));
        }
        parts.join("&")
    }
}

/// One hit in a music glance: where in the take (‰ of its length) and who played it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MusicDot {
    /// Position, 0–1000 ‰ of the take's length.
    pub at: u16,
    /// The player (0-based), for the dot's colour.
    pub player: u8,
}

/// What a card shows of an artefact without opening it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum Glance {
    /// A drawing: its paper's size (the thumbnail is a blob).
    Drawing {
        /// Paper width, CSS px.
        width: f32,
        /// Paper height, CSS px.
        height: f32,
    },
    /// A take on the pads: its length and its hits as at most [`MUSIC_GLANCE_DOTS`] dots.
    Music {
        /// Length, ms.
        length_ms: u32,
        /// Hits.
        dots: Vec<MusicDot>,
    },
    /// An exercise run: its name and the spanningsthermometer before and after.
    Exercise {
        /// The exercise's name in Dutch.
        title_nl: String,
        /// The exercise's name in English.
        title_en: String,
        /// Tension before, 0–10.
        before: Option<u8>,
        /// Tension after, 0–10.
        after: Option<u8>,
    },
    /// Metadata no work form's record (or unreadable): only the kind shows.
    Other,
}

/// One artefact on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineItem {
    /// The artefact.
    pub id: Uuid,
    /// Its kind.
    pub kind: ArtefactKind,
    /// When it was made (on the tablet).
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// Goals it is linked to.
    pub goal_ids: Vec<Uuid>,
    /// Whether it has a `thumb.png`.
    pub thumb: bool,
    /// What its card shows.
    pub glance: Glance,
}

/// One session on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineSession {
    /// The session.
    pub id: Uuid,
    /// Its date.
    pub date: NaiveDate,
    /// What was made in it (as filtered), oldest first.
    pub items: Vec<TimelineItem>,
}

/// One page of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelinePage {
    /// Sessions, newest first.
    pub sessions: Vec<TimelineSession>,
    /// The `na=` of the next page; `None` on the last page.
    pub next: Option<String>,
}

/// Builds a page from the sessions the query found (newest first, at most `limit + 1`: the
/// extra one only tells that there is a next page) and the items of those sessions (any order).
pub fn timeline_page(
    sessions: Vec<(Uuid, NaiveDate)>,
    items: Vec<(Uuid, TimelineItem)>,
    limit: u8,
) -> TimelinePage {
    let limit = usize::from(limit);
    let more = sessions.len() > limit;
    let mut out: Vec<TimelineSession> = sessions
        .into_iter()
        .take(limit)
        .map(|(id, date)| TimelineSession {
            id,
            date,
            items: Vec::new(),
        })
        .collect();
    for (sid, item) in items {
        if let Some(s) = out.iter_mut().find(|s| s.id == sid) {
            s.items.push(item);
        }
    }
    for s in &mut out {
        s.items.sort_by_key(|i| (i.created_at, i.id));
    }
    let next = more
        .then(|| {
            out.last().map(|s| {
                TimelineCursor {
                    date: s.date,
                    id: s.id,
                }
                .code()
            })
        })
        .flatten();
    TimelinePage {
        sessions: out,
        next,
    }
}

/// The dots of a music glance: each hit's place in the take, thinned evenly to at most
/// [`MUSIC_GLANCE_DOTS`] when there are more (a long take still shows its shape, not its
/// first seconds).
pub fn music_dots(hits: impl IntoIterator<Item = (u32, u8)>, length_ms: u32) -> Vec<MusicDot> {
    let mut all: Vec<(u32, u8)> = hits.into_iter().collect();
    all.sort_unstable();
    let len = u64::from(length_ms.max(1));
    let n = all.len();
    let keep = n.min(MUSIC_GLANCE_DOTS);
    (0..keep)
        .map(|k| {
            // Evenly spread picks, the first and the last hit always among them.
            let i = if keep <= 1 {
                0
            } else {
                k * (n - 1) / (keep - 1)
            };
            let (t, player) = all[i];
            MusicDot {
                at: (u64::from(t).min(len) * 1000 / len) as u16,
                player,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn item(n: u128, minute: u32) -> TimelineItem {
        TimelineItem {
            id: id(n),
            kind: ArtefactKind::Drawing,
            created_at: chrono::DateTime::from_timestamp(i64::from(minute) * 60, 0).unwrap(),
            goal_ids: vec![],
            thumb: true,
            glance: Glance::Other,
        }
    }

    #[test]
    fn three_months_back_from_the_last_of_may_starts_on_the_last_of_february() {
        assert_eq!(
            Period::Months(3).bounds(d("2026-05-31")),
            (Some(d("2026-02-28")), None)
        );
        assert_eq!(
            Period::Months(12).bounds(d("2026-03-05")),
            (Some(d("2025-03-05")), None)
        );
        assert_eq!(Period::All.bounds(d("2026-03-05")), (None, None));
    }

    #[test]
    fn a_range_keeps_both_of_its_days() {
        let p = Period::parse("2026-01-01..2026-06-30").unwrap();
        assert_eq!(
            p.bounds(d("2030-01-01")),
            (Some(d("2026-01-01")), Some(d("2026-06-30")))
        );
        assert_eq!(Period::parse(&p.code()).unwrap(), p);
    }

    #[test]
    fn a_range_that_ends_before_it_begins_is_refused_in_dutch() {
        let e = Period::parse("2026-06-30..2026-01-01").unwrap_err();
        assert!(e.to_string().contains("het begin ligt na het einde"), "{e}");
        assert!(Period::parse("0m").is_err());
        assert!(Period::parse("gisteren").is_err());
    }

    #[test]
    fn a_query_reads_back_what_it_writes() {
        let q = TimelineQuery {
            goal: Some(id(7)),
            kind: Some(ArtefactKind::Music),
            period: Period::Months(6),
            after: Some(TimelineCursor {
                date: d("2026-03-05"),
                id: id(9),
            }),
            limit: 20,
        };
        assert_eq!(TimelineQuery::parse(&q.to_query()).unwrap(), q);
        assert_eq!(TimelineQuery::parse("").unwrap(), TimelineQuery::default());
        assert_eq!(TimelineQuery::default().to_query(), "");
    }

    #[test]
    fn an_empty_filter_value_means_no_filter() {
        let q = TimelineQuery::parse("doel=&werkvorm=&periode=alles").unwrap();
        assert_eq!(q, TimelineQuery::default());
        assert!(!q.narrows_items());
    }

    #[test]
    fn a_misspelt_filter_or_work_form_is_refused_rather_than_ignored() {
        assert_eq!(
            TimelineQuery::parse("werkvorm=dans")
                .unwrap_err()
                .to_string(),
            "De werkvorm 'dans' kan niet kloppen."
        );
        assert_eq!(
            TimelineQuery::parse("doelen=1").unwrap_err().to_string(),
            "Het filter 'doelen' kan niet kloppen."
        );
        assert_eq!(
            TimelineQuery::parse("aantal=51").unwrap_err().to_string(),
            "Het aantal sessies per bladzijde moet tussen 1 en 50 liggen (nu 51)."
        );
        assert!(TimelineQuery::parse("na=2026-01-01_nope").is_err());
    }

    #[test]
    fn the_cursor_orders_by_date_then_id_newest_first() {
        let c = TimelineCursor {
            date: d("2026-03-05"),
            id: id(5),
        };
        assert!(c.before(d("2026-03-04"), id(9)));
        assert!(c.before(d("2026-03-05"), id(4)));
        assert!(!c.before(d("2026-03-05"), id(5)));
        assert!(!c.before(d("2026-03-06"), id(1)));
        assert_eq!(TimelineCursor::parse(&c.code()).unwrap(), c);
    }

    #[test]
    fn a_full_page_points_at_its_last_session_and_groups_its_items_oldest_first() {
        let sessions = vec![
            (id(3), d("2026-03-03")),
            (id(2), d("2026-03-02")),
            (id(1), d("2026-03-01")),
        ];
        let items = vec![
            (id(3), item(31, 5)),
            (id(3), item(30, 1)),
            (id(2), item(20, 0)),
            (id(1), item(10, 0)), // the extra session's: not on this page
        ];
        let page = timeline_page(sessions, items, 2);
        assert_eq!(page.sessions.len(), 2);
        let ids: Vec<_> = page.sessions[0].items.iter().map(|i| i.id).collect();
        assert_eq!(ids, vec![id(30), id(31)]);
        assert_eq!(page.sessions[1].items.len(), 1);
        assert_eq!(
            page.next,
            Some(
                TimelineCursor {
                    date: d("2026-03-02"),
                    id: id(2)
                }
                .code()
            )
        );
    }

    #[test]
    fn the_last_page_has_no_next() {
        let page = timeline_page(vec![(id(1), d("2026-03-01"))], vec![], 2);
        assert_eq!(page.sessions.len(), 1);
        assert!(page.sessions[0].items.is_empty());
        assert_eq!(page.next, None);
        assert_eq!(timeline_page(vec![], vec![], 10).next, None);
    }

    #[test]
    fn a_long_take_is_thinned_evenly_keeping_its_first_and_last_hit() {
        let hits = (0..480u32).map(|i| (i * 100, (i % 2) as u8));
        let dots = music_dots(hits, 48_000);
        assert_eq!(dots.len(), MUSIC_GLANCE_DOTS);
        assert_eq!(dots[0], MusicDot { at: 0, player: 0 });
        assert_eq!(dots[47].at, 997); // 47_900 ms of 48_000
        assert!(dots.windows(2).all(|w| w[0].at <= w[1].at));
    }

    #[test]
    fn a_short_take_keeps_every_hit_in_time_order() {
        let dots = music_dots([(1500, 1), (0, 0), (3000, 0)], 3000);
        let at: Vec<u16> = dots.iter().map(|d| d.at).collect();
        assert_eq!(at, vec![0, 500, 1000]);
        assert_eq!(dots[1].player, 1);
        assert!(music_dots([], 0).is_empty());
    }
}
