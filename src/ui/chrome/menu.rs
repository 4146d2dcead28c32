//! The menu bar and the keyboard shortcuts.

use eframe::egui;
use egui::{Key, KeyboardShortcut, Modifiers};

use crate::core::export::ExportTarget;
use crate::core::export::tables::TableKind;
use crate::core::import::samples::Sample;
use crate::ui::app::state::{Tab, ThemeChoice};
use crate::ui::commands::{
    AnalysisCommand, Command, ExportCommand, FileCommand, NavCommand, WorkspaceAction,
};

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
const EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);

/// Turns pressed shortcuts into commands.
pub fn shortcuts(ctx: &egui::Context, commands: &mut Vec<Command>) {
    ctx.input_mut(|i| {
        if i.consume_shortcut(&OPEN) {
            commands.push(Command::File(FileCommand::ShowOpenDialog));
        }
        if i.consume_shortcut(&FIND) {
            commands.push(Command::Nav(NavCommand::FocusSearch));
        }
        if i.consume_shortcut(&SAVE) {
            commands.push(Command::File(FileCommand::ShowWorkspaceDialog(
                WorkspaceAction::Save,
            )));
        }
        if i.consume_shortcut(&EXPORT) {
            commands.push(Command::Export(ExportCommand::ShowDialog(None)));
        }
        if i.consume_shortcut(&QUIT) {
            commands.push(Command::Nav(NavCommand::Quit));
        }
    });
}

/// The menu bar; `format` is the import format chosen for the next files (`None`: each
/// file's is recognised from its header).
pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    theme: ThemeChoice,
    format: Option<&str>,
    commands: &mut Vec<Command>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, format, commands));
        ui.menu_button("View", |ui| view_menu_ui(ui, theme, commands));
        ui.menu_button("Help", |ui| help_menu_ui(ui, commands));
    });
}

fn file_menu_ui(ui: &mut egui::Ui, format: Option<&str>, commands: &mut Vec<Command>) {
    let ctx = ui.ctx().clone();
    if ui
        .add(egui::Button::new("Open CSV…").shortcut_text(ctx.format_shortcut(&OPEN)))
        .clicked()
    {
        commands.push(Command::File(FileCommand::ShowOpenDialog));
    }
    if ui.button("Add files…").clicked() {
        commands.push(Command::File(FileCommand::ShowAddDialog));
    }
    if ui
        .button("Extract from article…")
        .on_hover_text("Paste an article: its claims are proposed for you to review and add")
        .clicked()
    {
        commands.push(Command::File(FileCommand::ShowExtractDialog));
    }
    ui.menu_button("Read files as", |ui| {
        let choices = std::iter::once((None, "Recognised from the header".to_owned())).chain(
            crate::core::import::builtin_formats()
                .into_iter()
                .map(|f| (Some(f.name), f.label.to_owned())),
        );
        for (choice, label) in choices {
            if ui.radio(format == choice, label).clicked() {
                commands.push(Command::File(FileCommand::SetFormat(
                    choice.map(str::to_owned),
                )));
                ui.close();
            }
        }
    });
    if ui.add(egui::Button::new("Open workspace…")).clicked() {
        commands.push(Command::File(FileCommand::ShowWorkspaceDialog(
            WorkspaceAction::Open,
        )));
    }
    if ui
        .add(egui::Button::new("Save workspace…").shortcut_text(ctx.format_shortcut(&SAVE)))
        .clicked()
    {
        commands.push(Command::File(FileCommand::ShowWorkspaceDialog(
            WorkspaceAction::Save,
        )));
    }
    ui.menu_button("Open sample data", |ui| {
        for sample in Sample::ALL {
            if ui.button(sample.label()).clicked() {
                commands.push(Command::File(FileCommand::OpenSample(sample)));
            }
        }
    });
    ui.separator();
    if ui
        .add(egui::Button::new("Export chart…").shortcut_text(ctx.format_shortcut(&EXPORT)))
        .clicked()
    {
        commands.push(Command::Export(ExportCommand::ShowDialog(None)));
    }
    if ui.button("Export table…").clicked() {
        commands.push(Command::Export(ExportCommand::ShowDialog(Some(
            ExportTarget::Table(TableKind::Discrepancies),
        ))));
    }
    if ui.button("Export report…").clicked() {
        commands.push(Command::Export(ExportCommand::ShowDialog(Some(
            ExportTarget::Report,
        ))));
    }
    ui.separator();
    if ui
        .add(egui::Button::new("Quit").shortcut_text(ctx.format_shortcut(&QUIT)))
        .clicked()
    {
        commands.push(Command::Nav(NavCommand::Quit));
    }
}

fn view_menu_ui(ui: &mut egui::Ui, theme: ThemeChoice, commands: &mut Vec<Command>) {
    for &tab in Tab::all() {
        if ui.button(tab.title()).clicked() {
            commands.push(Command::Nav(NavCommand::SetTab(tab)));
        }
    }
    ui.separator();
    if ui
        .button("Analyse again")
        .on_hover_text("Run the analysis again, after it was cancelled")
        .clicked()
    {
        commands.push(Command::Analysis(AnalysisCommand::Run));
    }
    if ui
        .button("Reset layout")
        .on_hover_text("Panel sizes, column widths and zoom back to their defaults")
        .clicked()
    {
        commands.push(Command::Nav(NavCommand::ResetLayout));
    }
    ui.separator();
    for (choice, label) in [
        (ThemeChoice::System, "Follow system theme"),
        (ThemeChoice::Light, "Light theme"),
        (ThemeChoice::Dark, "Dark theme"),
    ] {
        if ui.radio(theme == choice, label).clicked() {
            commands.push(Command::Nav(NavCommand::SetTheme(choice)));
        }
    }
}

fn help_menu_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    if ui.button("CSV format and methodology").clicked() {
        commands.push(Command::Nav(NavCommand::ShowHelp));
    }
    ui.label("Drop CSV files on the window to add them.");
    ui.label("Ctrl+O open · Ctrl+S save workspace · Ctrl+E export · Ctrl+F search · Ctrl+Q quit");
    ui.label(format!("Triangulate {}", env!("CARGO_PKG_VERSION")));
}
