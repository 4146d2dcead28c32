//! One module per tab. Each view is a function that reads what it is given and pushes
//! commands; none of them changes state or works anything out beyond laying it out.

pub mod claims;
pub mod discrepancies;
pub mod dispute_filter;
pub mod events;
pub mod export_button;
pub mod findings;
pub mod import_report;
pub mod judgement;
pub mod legend;
pub mod map;
pub mod pivot;
pub mod sources;
#[cfg(test)]
mod tests;
pub mod timeline;

/// A source's colour as text: darker on a light background, where pale colours (pink, yellow,
/// light grey) are hard to read.
pub fn readable(ui: &eframe::egui::Ui, [r, g, b]: [u8; 3]) -> eframe::egui::Color32 {
    if ui.visuals().dark_mode {
        eframe::egui::Color32::from_rgb(r, g, b)
    } else {
        let dark = |c: u8| (f32::from(c) * 0.55) as u8;
        eframe::egui::Color32::from_rgb(dark(r), dark(g), dark(b))
    }
}
