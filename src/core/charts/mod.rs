//! Chart data as plain values: points, ranges, labels and colours, built once per change and
//! drawn by the window and by the exporters without further work. One chart per file.

pub mod axes;
pub mod basemap;
pub mod bias;
pub mod event;
pub mod map;
pub mod pivot;
pub mod timeline;

pub use crate::core::view::palette::{Marker, Rgb, source_colors};
pub use axes::{
    LOG_ZERO, OPEN_RANGE_SHARE, bias_label, bias_words, date_label, date_of, date_ticks,
    day_number, log_ticks, open_range_end, range_axis_max, y_label, y_value,
};
pub use bias::{BiasBar, BiasChart, bias_chart, selected_bias_chart};
pub use event::{EventChart, PropositionRow, RangeBlock, RangeRow, event_chart};
pub use map::{MapChart, map_chart};
pub use pivot::{Period, Pivot, PivotColumn, PivotRow, pivot};
pub use timeline::{
    MAX_PANELS, MAX_TIMELINE_POINTS, TimelineChart, TimelineMode, TimelinePanel, TimelineSeries,
    TimelineSettings, TimelineSplit, timeline, timeline_panels,
};
