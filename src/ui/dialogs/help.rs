//! Help → CSV format and methodology, shown in the app from the README's own sections.

use eframe::egui;

const README: &str = include_str!("../../../README.md");

/// The README's sections from "The CSV format" up to "Sample data".
fn help_text() -> &'static str {
    let start = README.find("## The CSV format").unwrap_or(0);
    let end = README
        .find("## Sample data")
        .filter(|&e| e > start)
        .unwrap_or(README.len());
    README.get(start..end).unwrap_or(README)
}

pub fn help_window_ui(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("CSV format and methodology")
        .open(open)
        .default_size([760.0, 560.0])
        .vscroll(true)
        .show(ctx, |ui| {
            for line in help_text().lines() {
                if let Some(title) = line
                    .strip_prefix("## ")
                    .or_else(|| line.strip_prefix("### "))
                {
                    ui.add_space(6.0);
                    ui.heading(title);
                } else if line.starts_with('|') {
                    let cells: Vec<&str> =
                        line.trim_matches('|').split(" | ").map(str::trim).collect();
                    if !cells.iter().all(|c| c.chars().all(|ch| ch == '-')) {
                        ui.label(cells.join("  ·  ").replace('`', ""));
                    }
                } else if !line.trim().is_empty() {
                    ui.label(line.replace('`', "").replace("**", ""));
                }
            }
        });
}
