//! The map: each event the filters keep, at its place, sized by the largest figure claimed
//! for it and coloured by its worst dispute. An event placed by coordinates or to a town is a
//! point; one known only to a province or a country (or "near" a town) is an area, never a
//! point. Zoomed out, nearby events are drawn as one mark: the marks of each zoom level are
//! worked out once, so a frame draws at most a screenful of marks at any size of data.

use foldhash::{HashMap, HashMapExt};

use super::basemap::project;
use crate::core::analysis::places::{Gazetteer, PlaceKey};
use crate::core::analysis::{Analysis, Event, Severity};
use crate::core::model::{Dataset, Stance};
use crate::core::view::palette::Rgb;
use crate::core::view::selection::Selection;

/// How precisely an event is placed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Placement {
    /// At the coordinates its claims give.
    Point,
    /// At the centre of the town it names.
    Town,
    /// Somewhere in an area this many kilometres across from its centre.
    Area { radius_km: f64, reach: Reach },
}

/// What an area is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Near a town ("a village south of Kobane").
    NearTown,
    Province,
    Country,
}

impl Reach {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NearTown => "near the town",
            Self::Province => "the province",
            Self::Country => "the country",
        }
    }
}

/// How far "near a town" reaches.
const NEAR_TOWN_KM: f64 = 15.0;
const PROVINCE_KM: f64 = 50.0;
const COUNTRY_KM: f64 = 300.0;

/// One event on the map.
#[derive(Clone, Debug)]
pub struct MapEvent {
    /// Index into the analysis' events.
    pub event: u32,
    /// Projected position.
    pub at: [f64; 2],
    pub latitude: f64,
    pub placement: Placement,
    /// The largest figure a claim kept gives for it.
    pub figure: Option<f64>,
    /// Its worst dispute among those the filters keep.
    pub severity: Option<Severity>,
    /// Where it is placed, by name.
    pub place: String,
}

impl MapEvent {
    /// An area's radius in projected units (none for a point).
    pub fn area_radius(&self) -> Option<f64> {
        match self.placement {
            Placement::Area { radius_km, .. } => Some(km_to_units(radius_km, self.latitude)),
            Placement::Point | Placement::Town => None,
        }
    }
}

/// Kilometres on the ground as projected units at a latitude.
pub fn km_to_units(km: f64, latitude: f64) -> f64 {
    km / (111.32 * latitude.to_radians().cos().max(0.05))
}

/// Events drawn as one mark at a zoom level.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// The mean of its events' positions.
    pub at: [f64; 2],
    pub count: u32,
    /// Its most disputed event (then the largest figure), an index into [`MapChart::events`].
    pub top: u32,
    pub figure: Option<f64>,
    pub severity: Option<Severity>,
    /// The box its events lie in.
    pub min: [f64; 2],
    pub max: [f64; 2],
}

impl Cluster {
    /// All its events are at one spot (zooming in would not part them).
    pub fn one_spot(&self) -> bool {
        self.max[0] - self.min[0] < 1e-9 && self.max[1] - self.min[1] < 1e-9
    }
}

/// The marks of one zoom level: events in the same square of `cell` units are one mark (a
/// cell of zero: events at the same spot).
#[derive(Clone, Debug)]
pub struct MapLevel {
    pub cell: f64,
    pub clusters: Vec<Cluster>,
}

/// The map, ready to draw.
#[derive(Clone, Debug, Default)]
pub struct MapChart {
    pub events: Vec<MapEvent>,
    /// Coarsest first; the last one parts every spot.
    pub levels: Vec<MapLevel>,
    /// Events kept with no place the map knows.
    pub unplaced: usize,
    /// The box of every event (areas included), projected.
    pub bounds: Option<[[f64; 2]; 2]>,
}

/// On screen, marks at least this far apart are kept apart.
pub const CLUSTER_PX: f64 = 50.0;

impl MapChart {
    /// The marks for a view of `px_per_unit` screen points per projected unit: the finest
    /// level whose cells are at least [`CLUSTER_PX`] across.
    pub fn level_for(&self, px_per_unit: f64) -> &[Cluster] {
        let fitting = self
            .levels
            .iter()
            .take_while(|l| l.cell == 0.0 || l.cell * px_per_unit >= CLUSTER_PX)
            .last()
            .or(self.levels.first());
        fitting.map_or(&[], |l| l.clusters.as_slice())
    }

    /// Events placed to an area, not a point.
    pub fn areas(&self) -> impl Iterator<Item = &MapEvent> {
        self.events
            .iter()
            .filter(|e| matches!(e.placement, Placement::Area { .. }))
    }
}

/// The cell sizes of the zoom levels, in projected units (about degrees).
const CELLS: [f64; 12] = [
    16.0, 8.0, 4.0, 2.0, 1.0, 0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0,
];

/// The map of the events the selection keeps.
pub fn map_chart(ds: &Dataset, a: &Analysis, selection: &Selection) -> MapChart {
    let gazetteer = Gazetteer::builtin();
    let mut severity: HashMap<usize, Severity> = HashMap::new();
    for d in &a.discrepancies {
        if selection.keeps_discrepancy(d) {
            let worst = severity.entry(d.event).or_insert(d.severity);
            *worst = (*worst).max(d.severity);
        }
    }
    let mut chart = MapChart::default();
    for (i, e) in a.events.iter().enumerate() {
        if !selection.keeps_event(e) {
            continue;
        }
        let Some((lon, lat, placement, place)) = place_event(ds, a, e, gazetteer) else {
            chart.unplaced += 1;
            continue;
        };
        chart.events.push(MapEvent {
            event: u32::try_from(i).unwrap_or(u32::MAX),
            at: project(lon, lat),
            latitude: lat,
            placement,
            figure: largest_figure(ds, a, e, selection),
            severity: severity.get(&i).copied(),
            place,
        });
    }
    chart.bounds = bounds(&chart.events);
    chart.levels = CELLS
        .iter()
        .map(|&cell| MapLevel {
            cell,
            clusters: clusters(&chart.events, cell),
        })
        .collect();
    chart
}

/// Where an event goes: the mean of its claims' coordinates, else its place in the gazetteer
/// (or the nearest place above it that has coordinates, as an area).
fn place_event(
    ds: &Dataset,
    a: &Analysis,
    e: &Event,
    gazetteer: &Gazetteer,
) -> Option<(f64, f64, Placement, String)> {
    let points: Vec<[f32; 2]> = e
        .claims
        .iter()
        .filter_map(|&c| ds.coords(&ds.claims[c as usize]))
        .collect();
    if !points.is_empty() {
        let n = points.len() as f64;
        let lat = points.iter().map(|p| f64::from(p[0])).sum::<f64>() / n;
        let lon = points.iter().map(|p| f64::from(p[1])).sum::<f64>() / n;
        return Some((lon, lat, Placement::Point, e.location.clone()));
    }
    let Some(PlaceKey::Known(mut at)) = e.place else {
        return None;
    };
    let approximate = e
        .claims
        .iter()
        .all(|&c| a.facts.get(c as usize).is_some_and(|f| f.approximate_place));
    let mut exact = true;
    loop {
        let place = gazetteer.place(at)?;
        if let Some((lat, lon)) = place.coords {
            let reach = match place.kind.as_str() {
                "town" if exact && !approximate => None,
                "town" => Some((NEAR_TOWN_KM, Reach::NearTown)),
                "country" => Some((place.radius_km.unwrap_or(COUNTRY_KM), Reach::Country)),
                _ => Some((place.radius_km.unwrap_or(PROVINCE_KM), Reach::Province)),
            };
            let placement = reach.map_or(Placement::Town, |(radius_km, reach)| Placement::Area {
                radius_km,
                reach,
            });
            return Some((lon, lat, placement, place.name.clone()));
        }
        at = place.parent?;
        exact = false;
    }
}

/// The largest figure a kept, current, asserting claim gives for the event.
fn largest_figure(ds: &Dataset, a: &Analysis, e: &Event, selection: &Selection) -> Option<f64> {
    e.claims
        .iter()
        .filter(|&&c| selection.shows(c))
        .filter(|&&c| a.facts.get(c as usize).is_some_and(|f| f.current))
        .filter_map(|&c| {
            let claim = &ds.claims[c as usize];
            (claim.stance != Stance::Denies)
                .then_some(claim.quantity)
                .flatten()
                .map(|q| q.point())
        })
        .reduce(f64::max)
}

fn bounds(events: &[MapEvent]) -> Option<[[f64; 2]; 2]> {
    let mut min = [f64::INFINITY; 2];
    let mut max = [f64::NEG_INFINITY; 2];
    for e in events {
        let r = e.area_radius().unwrap_or(0.0);
        for i in 0..2 {
            min[i] = min[i].min(e.at[i] - r);
            max[i] = max[i].max(e.at[i] + r);
        }
    }
    (min[0] <= max[0]).then_some([min, max])
}

/// The events grouped into marks at least `cell` apart: each event joins the first mark whose
/// first event lies within `cell` of it (looked up in the grid squares around it), else starts
/// a mark of its own; a cell of zero groups events at the same spot. A town's events, a little
/// apart, so make one mark however the grid falls across them.
fn clusters(events: &[MapEvent], cell: f64) -> Vec<Cluster> {
    let square = |p: [f64; 2]| -> (i64, i64) {
        if cell == 0.0 {
            ((p[0] * 1e7).round() as i64, (p[1] * 1e7).round() as i64)
        } else {
            ((p[0] / cell).floor() as i64, (p[1] / cell).floor() as i64)
        }
    };
    let reach = if cell == 0.0 { 0 } else { 1 };
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    let mut seeds: Vec<[f64; 2]> = Vec::new();
    let mut sums: Vec<[f64; 2]> = Vec::new();
    let mut out: Vec<Cluster> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        let (x, y) = square(e.at);
        let near = |k: &usize| {
            let s = seeds[*k];
            if cell == 0.0 {
                square(s) == (x, y)
            } else {
                (s[0] - e.at[0]).abs() < cell && (s[1] - e.at[1]).abs() < cell
            }
        };
        let found = (-reach..=reach)
            .flat_map(|dx| (-reach..=reach).map(move |dy| (x + dx, y + dy)))
            .find_map(|key| grid.get(&key)?.iter().copied().find(|k| near(k)));
        let at = found.unwrap_or_else(|| {
            grid.entry((x, y)).or_default().push(out.len());
            seeds.push(e.at);
            sums.push([0.0; 2]);
            out.push(Cluster {
                at: e.at,
                count: 0,
                top: i,
                figure: None,
                severity: None,
                min: e.at,
                max: e.at,
            });
            out.len() - 1
        });
        sums[at][0] += e.at[0];
        sums[at][1] += e.at[1];
        join(&mut out[at], events, (i, e));
    }
    for (c, sum) in out.iter_mut().zip(sums) {
        c.at = [sum[0] / f64::from(c.count), sum[1] / f64::from(c.count)];
    }
    out
}

/// Counts event `i` into a mark: its figure, its worst dispute, its box, and whether it is
/// now the mark's most disputed event.
fn join(c: &mut Cluster, events: &[MapEvent], (i, e): (u32, &MapEvent)) {
    c.count += 1;
    let top = &events[c.top as usize];
    if (e.severity, e.figure.unwrap_or(0.0)) > (top.severity, top.figure.unwrap_or(0.0)) {
        c.top = i;
    }
    c.figure = match (c.figure, e.figure) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    };
    c.severity = c.severity.max(e.severity);
    for k in 0..2 {
        c.min[k] = c.min[k].min(e.at[k]);
        c.max[k] = c.max[k].max(e.at[k]);
    }
}

/// A mark's radius on screen, in points, for the largest figure claimed: its area grows with
/// the figure, up to a cap.
pub fn bubble_radius(figure: Option<f64>) -> f64 {
    figure.map_or(4.0, |f| (3.5 + 1.5 * f.max(0.0).sqrt()).min(24.0))
}

/// The colour of a mark by its worst dispute (none, low, medium, high): a ramp from grey to
/// red that differs in lightness, not only in hue.
pub fn severity_color(severity: Option<Severity>) -> Rgb {
    match severity {
        None => [120, 130, 140],
        Some(Severity::Low) => [222, 171, 30],
        Some(Severity::Medium) => [225, 110, 20],
        Some(Severity::High) => [190, 30, 45],
    }
}

/// A mark's legend name by its worst dispute.
pub fn severity_name(severity: Option<Severity>) -> &'static str {
    match severity {
        None => "no dispute",
        Some(Severity::Low) => "low dispute",
        Some(Severity::Medium) => "medium dispute",
        Some(Severity::High) => "high dispute",
    }
}

/// Which severities a legend lists, worst first.
pub const SEVERITIES: [Option<Severity>; 4] = [
    Some(Severity::High),
    Some(Severity::Medium),
    Some(Severity::Low),
    None,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn event(i: u32, lon: f64, lat: f64, severity: Option<Severity>) -> MapEvent {
        MapEvent {
            event: i,
            at: project(lon, lat),
            latitude: lat,
            placement: Placement::Point,
            figure: Some(f64::from(i)),
            severity,
            place: format!("p{i}"),
        }
    }

    #[test]
    fn every_level_counts_every_event_once_and_zooming_in_parts_them() {
        let events: Vec<MapEvent> = (0..2_000)
            .map(|i| {
                let (x, y) = (f64::from(i % 50), f64::from(i / 50));
                event(i, 30.0 + x * 0.2, 30.0 + y * 0.1, None)
            })
            .collect();
        let levels: Vec<Vec<Cluster>> = CELLS.iter().map(|&c| clusters(&events, c)).collect();
        for level in &levels {
            assert_eq!(level.iter().map(|c| c.count).sum::<u32>(), 2_000);
        }
        let sizes: Vec<usize> = levels.iter().map(Vec::len).collect();
        assert!(sizes.windows(2).all(|w| w[0] <= w[1]), "{sizes:?}");
        assert_eq!(
            *sizes.last().unwrap(),
            2_000,
            "the finest level parts every spot"
        );
        assert!(sizes[0] < 10, "{sizes:?}");
    }

    #[test]
    fn a_mark_opens_its_most_disputed_event_and_takes_the_worst_colour() {
        let events = vec![
            event(0, 38.0, 36.0, Some(Severity::Low)),
            event(1, 38.0, 36.0, Some(Severity::High)),
            event(2, 38.0, 36.0, None),
        ];
        let c = &clusters(&events, 0.0)[0];
        assert_eq!((c.count, c.top, c.severity), (3, 1, Some(Severity::High)));
        assert!(c.one_spot());
        assert_eq!(c.figure, Some(2.0));
    }

    #[test]
    fn the_level_shown_keeps_marks_apart_on_screen() {
        let events: Vec<MapEvent> = (0..400)
            .map(|i| {
                event(
                    i,
                    20.0 + f64::from(i % 20) * 0.7,
                    f64::from(i / 20) * 0.7,
                    None,
                )
            })
            .collect();
        let chart = MapChart {
            levels: CELLS
                .iter()
                .map(|&cell| MapLevel {
                    cell,
                    clusters: clusters(&events, cell),
                })
                .collect(),
            events,
            ..MapChart::default()
        };
        for scale in [2.0, 20.0, 200.0] {
            let marks = chart.level_for(scale);
            // No two marks closer on screen than a cell allows, bar the finest level.
            let cell = CLUSTER_PX / scale;
            let crowded = marks.iter().enumerate().any(|(i, a)| {
                marks[i + 1..].iter().any(|b| {
                    (a.at[0] - b.at[0]).abs() < cell * 0.2 && (a.at[1] - b.at[1]).abs() < cell * 0.2
                })
            });
            assert!(!crowded, "scale {scale}: {} marks", marks.len());
        }
        assert!(chart.level_for(2.0).len() < chart.level_for(200.0).len());
    }

    #[test]
    fn bubbles_grow_with_the_figure_up_to_a_cap() {
        assert!(bubble_radius(Some(100.0)) > bubble_radius(Some(10.0)));
        assert_eq!(bubble_radius(Some(1e9)), 24.0);
        assert_eq!(bubble_radius(None), 4.0);
    }
}
