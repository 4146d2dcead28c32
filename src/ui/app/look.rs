//! How the window looks: its fonts and its theme.

use std::sync::Arc;

use eframe::egui;

use crate::ui::app::state::ThemeChoice;

/// egui's fonts, with two after them for what they lack: Noto Sans Arabic for Arabic,
/// Persian and Kurdish letters, then DejaVu Sans for arrows, mathematical signs and the many
/// other symbols that turn up in quotes.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    for (name, data) in [
        (
            "noto-sans-arabic",
            crate::core::export::fonts::NOTO_SANS_ARABIC,
        ),
        ("dejavu-sans", crate::core::export::fonts::DEJAVU_SANS),
    ] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(egui::FontData::from_static(data)));
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push(name.to_owned());
        }
    }
    ctx.set_fonts(fonts);
}

pub fn apply_theme(ctx: &egui::Context, theme: ThemeChoice) {
    ctx.set_theme(match theme {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Light => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
    });
}
