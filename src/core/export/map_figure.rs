//! The map as a figure: the basemap's borders, each mark of the zoom level that fits the
//! page (sized and coloured by the same rules as the window's), areas as shaded circles,
//! and a caption saying where the borders come from.

use std::collections::BTreeMap;

use super::figure::{Axis, Figure, Mark, Provenance, Series, Tick, capitalised};
use crate::core::charts::Marker;
use crate::core::charts::basemap::{BORDERS_CREDIT, basemap, country_labels, latitude, project};
use crate::core::charts::map::{
    Cluster, MapChart, SEVERITIES, bubble_radius, severity_color, severity_name,
};

/// The least a map shows across, in degrees: enough for the country around a single town.
pub const MIN_SPAN: f64 = 8.0;

/// The plot's share of the page across, for choosing the zoom level's marks.
const PLOT_SHARE: f64 = 0.75;

/// The map of `chart` for a page `page_width` points wide.
pub fn map_figure(chart: &MapChart, about: &Provenance, page_width: f64) -> Figure {
    let [min, max] = view_box(chart);
    let mut borders = Series {
        name: "Borders".to_owned(),
        color: [140, 140, 140],
        marker: Marker::Circle,
        marks: Vec::new(),
        in_legend: false,
    };
    // The box the page may show once widened to the page's shape.
    let reach = (max[0] - min[0]).max(max[1] - min[1]);
    let (wide_min, wide_max) = (
        [min[0] - reach, min[1] - reach],
        [max[0] + reach, max[1] + reach],
    );
    for arc in basemap().arcs_in(wide_min, wide_max) {
        borders.marks.push(Mark::Border {
            points: arc.points.clone(),
            coast: arc.coast,
        });
    }
    let px_per_unit = page_width * PLOT_SHARE / (max[0] - min[0]).max(1e-6);
    let mut by_severity: BTreeMap<usize, Series> = BTreeMap::new();
    for cluster in chart.level_for(px_per_unit) {
        let rank = SEVERITIES
            .iter()
            .position(|&s| s == cluster.severity)
            .unwrap_or(0);
        let series = by_severity.entry(rank).or_insert_with(|| Series {
            name: capitalised(severity_name(cluster.severity)),
            color: severity_color(cluster.severity),
            marker: Marker::Circle,
            marks: Vec::new(),
            in_legend: true,
        });
        series.marks.push(mark(chart, cluster));
    }
    let labels = names(chart, (wide_min, wide_max), px_per_unit, &borders);
    let mut series = vec![borders];
    series.extend(by_severity.into_values());
    series.push(labels);
    Figure {
        title: "Events on the map".to_owned(),
        subtitle: format!(
            "{}: size is the largest figure claimed, colour the worst dispute, a number the \
             events drawn as one mark; dashed circles are events placed only to an area",
            events(chart.events.len())
        ),
        x: Axis {
            label: String::new(),
            min: min[0],
            max: max[0],
            ticks: degree_ticks(wide_min[0], wide_max[0], reach, false),
        },
        y: Axis {
            label: String::new(),
            min: min[1],
            max: max[1],
            ticks: degree_ticks(wide_min[1], wide_max[1], reach, true),
        },
        series,
        notes: notes(chart),
        caption: [about.caption(), vec![BORDERS_CREDIT.to_owned()]].concat(),
        equal_aspect: true,
        ..Figure::default()
    }
}

/// "1 event", "2 events".
pub fn events(n: usize) -> String {
    if n == 1 {
        "1 event".to_owned()
    } else {
        format!("{n} events")
    }
}

/// The names on the map: the countries in view, and each mark's place when there are few.
fn names(
    chart: &MapChart,
    (min, max): ([f64; 2], [f64; 2]),
    px_per_unit: f64,
    like: &Series,
) -> Series {
    let mut labels = Series {
        name: "Names".to_owned(),
        in_legend: false,
        marks: country_labels()
            .iter()
            .filter(|(_, at)| (0..2).all(|i| at[i] >= min[i] && at[i] <= max[i]))
            .map(|(name, at)| Mark::Label {
                at: *at,
                text: name.clone(),
                offset: 0.0,
                country: true,
            })
            .collect(),
        ..like.clone()
    };
    let clusters = chart.level_for(px_per_unit);
    if clusters.len() <= 60 {
        labels
            .marks
            .extend(clusters.iter().map(|c| place_label(chart, c)));
    }
    labels
}

/// The name beside a mark: its place, "and nearby" when it stands for several places.
fn place_label(chart: &MapChart, c: &Cluster) -> Mark {
    let top = &chart.events[c.top as usize];
    let text = match (c.one_spot(), c.count) {
        (true, 1) => top.place.clone(),
        (true, n) => format!("{} ({n})", top.place),
        (false, n) => format!("{} and nearby ({n})", top.place),
    };
    let offset = match top.area_radius() {
        Some(_) if c.count == 1 => 6.0,
        _ => bubble_radius(c.figure) + 4.0,
    };
    Mark::Label {
        at: c.at,
        text,
        offset,
        country: false,
    }
}

/// A cluster as drawn: an area when it is one event placed to an area, else a disc.
fn mark(chart: &MapChart, cluster: &Cluster) -> Mark {
    let top = &chart.events[cluster.top as usize];
    match top.area_radius() {
        Some(radius) if cluster.count == 1 => Mark::Area {
            at: cluster.at,
            radius,
        },
        _ => Mark::Bubble {
            at: cluster.at,
            radius: bubble_radius(cluster.figure),
            count: cluster.count,
        },
    }
}

/// The box the map shows: every event with a margin, at least a few degrees across; the
/// world's inhabited latitudes when there is none.
fn view_box(chart: &MapChart) -> [[f64; 2]; 2] {
    let Some([min, max]) = chart.bounds else {
        return [project(-180.0, -58.0), project(180.0, 75.0)];
    };
    let span = (max[0] - min[0]).max(max[1] - min[1]).max(MIN_SPAN);
    let middle = [(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0];
    let half = span * 0.6;
    [
        [middle[0] - half, middle[1] - half],
        [middle[0] + half, middle[1] + half],
    ]
}

/// Ticks every whole number of degrees (1, 2, 5, 10 …) across `reach`; latitudes are placed
/// where the projection puts them.
fn degree_ticks(from: f64, to: f64, reach: f64, latitudes: bool) -> Vec<Tick> {
    let step = [1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0]
        .into_iter()
        .find(|s| reach / s <= 6.0)
        .unwrap_or(90.0);
    let (from, to) = if latitudes {
        (latitude(from), latitude(to))
    } else {
        (from, to)
    };
    let mut ticks = Vec::new();
    let mut degree = (from / step).ceil() * step;
    while degree <= to && ticks.len() < 200 {
        let (value, label) = if latitudes {
            let hemisphere = match degree {
                d if d < 0.0 => "S",
                d if d > 0.0 => "N",
                _ => "",
            };
            (
                project(0.0, degree)[1],
                format!("{}°{hemisphere}", degree.abs()),
            )
        } else {
            let hemisphere = match degree {
                d if d < 0.0 => "W",
                d if d > 0.0 => "E",
                _ => "",
            };
            (degree, format!("{}°{hemisphere}", degree.abs()))
        };
        ticks.push(Tick { value, label });
        degree += step;
    }
    ticks
}

/// What the map cannot show as points: areas, and events with no place.
fn notes(chart: &MapChart) -> Vec<String> {
    let mut notes = Vec::new();
    let mut areas: BTreeMap<String, usize> = BTreeMap::new();
    for e in chart.areas() {
        if let crate::core::charts::map::Placement::Area { reach, .. } = e.placement {
            *areas
                .entry(format!("{} ({})", e.place, reach.as_str()))
                .or_default() += 1;
        }
    }
    if !areas.is_empty() {
        let listed: Vec<String> = areas
            .iter()
            .take(8)
            .map(|(place, n)| match n {
                1 => place.clone(),
                n => format!("{place} \u{00d7}{n}"),
            })
            .collect();
        let more = areas.len().saturating_sub(8);
        notes.push(format!(
            "Placed only to an area, never as a point: {}{}",
            listed.join("; "),
            if more > 0 {
                format!("; and {more} more")
            } else {
                String::new()
            }
        ));
    }
    if chart.unplaced > 0 {
        notes.push(format!(
            "{} with no coordinates and no place the gazetteer knows: not drawn.",
            events(chart.unplaced)
        ));
    }
    if chart.events.is_empty() {
        notes.push("No event the filters keep has a place the map knows.".to_owned());
    }
    notes
}
