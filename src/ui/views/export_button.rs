//! The "Export…" button beside every chart.

use eframe::egui;

use crate::core::export::{ChartKind, ExportTarget};
use crate::ui::commands::{Command, ExportCommand};

/// A button that opens the export dialog for `chart`: full size in the timeline's toolbar,
/// small in the headings of the other charts.
pub fn export_button_ui(ui: &mut egui::Ui, chart: ChartKind, commands: &mut Vec<Command>) {
    let what = match chart {
        ChartKind::Event => "this event's chart",
        ChartKind::Timeline | ChartKind::Sources | ChartKind::Pivot(_) => "this chart",
        ChartKind::Map => "this map",
    };
    let button = match chart {
        ChartKind::Timeline | ChartKind::Map | ChartKind::Pivot(_) => egui::Button::new("Export…"),
        ChartKind::Event | ChartKind::Sources => egui::Button::new("Export…").small(),
    };
    if ui
        .add(button)
        .on_hover_text(format!("Save {what} as PNG or SVG (Ctrl+E)"))
        .clicked()
    {
        commands.push(Command::Export(ExportCommand::ShowDialog(Some(
            ExportTarget::Chart(chart),
        ))));
    }
}
