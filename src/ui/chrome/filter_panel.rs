//! The filter panel, beside every tab: text search, claim kind, dates, places, groups, source
//! types and sources. It reads the filter and pushes commands; the app applies them.

use eframe::egui;

use crate::core::analysis::AliasKind;
use crate::core::model::{ClaimKind, SourceType};
use crate::core::parse::dates::parse_date;
use crate::core::view::analyzed::Analyzed;
use crate::core::view::filter::Filter;
use crate::core::workspace::ViewSettings;
use crate::ui::bidi::display_ltr;
use crate::ui::commands::{Command, CorrectionCommand, FacetKind, FilterCommand, TimelineCommand};

/// The id of the search box, so Ctrl+F can focus it.
pub const SEARCH_ID: &str = "filter-search";

pub fn filter_panel_ui(
    ui: &mut egui::Ui,
    analyzed: &Analyzed,
    view: &ViewSettings,
    focus_search: bool,
    commands: &mut Vec<Command>,
) {
    let filter = &view.filter;
    egui::ScrollArea::vertical()
        .id_salt("filter-panel")
        .show(ui, |ui| {
            search_ui(ui, &filter.search, focus_search, commands);
            ui.separator();
            kind_ui(ui, view.timeline.kind, commands);
            ui.separator();
            dates_ui(ui, filter, commands);
            ui.separator();
            sources_ui(ui, analyzed, filter, commands);
            ui.separator();
            ui.strong("Source types");
            ui.horizontal_wrapped(|ui| {
                for t in SourceType::ALL {
                    let mut shown = !filter.hidden_types.contains(&t);
                    if ui.checkbox(&mut shown, t.as_str()).changed() {
                        commands.push(Command::Filter(FilterCommand::ToggleSourceType(t)));
                    }
                }
            });
            ui.separator();
            let facets = &analyzed.facets;
            facet_ui(
                ui,
                FacetKind::Place,
                &facets.places,
                &filter.places,
                commands,
            );
            ui.separator();
            facet_ui(
                ui,
                FacetKind::Group,
                &facets.groups,
                &filter.groups,
                commands,
            );
        });
}

fn search_ui(ui: &mut egui::Ui, current: &str, focus: bool, commands: &mut Vec<Command>) {
    ui.strong("Search");
    ui.horizontal(|ui| {
        let mut text = current.to_owned();
        let edit = ui.add(
            egui::TextEdit::singleline(&mut text)
                .id_salt(SEARCH_ID)
                .hint_text("quotes, outlets, sources (Ctrl+F)")
                .desired_width(170.0),
        );
        if focus {
            edit.request_focus();
        }
        if text != current {
            commands.push(Command::Filter(FilterCommand::SetSearch(text)));
        }
        if !current.is_empty() && ui.small_button("Clear").clicked() {
            commands.push(Command::Filter(FilterCommand::ClearSearch));
        }
    });
}

fn kind_ui(ui: &mut egui::Ui, current: ClaimKind, commands: &mut Vec<Command>) {
    egui::ComboBox::new("claim-kind", "Claim kind")
        .selected_text(current.as_str())
        .show_ui(ui, |ui| {
            for kind in ClaimKind::ALL.into_iter().filter(|k| k.is_numeric()) {
                if ui
                    .selectable_label(current == kind, kind.as_str())
                    .clicked()
                {
                    commands.push(Command::Timeline(TimelineCommand::SetClaimKind(kind)));
                }
            }
        })
        .response
        .on_hover_text("The figures the timeline charts: one kind at a time");
}

/// A searchable list of places or groups with their claim counts; ticking names keeps only
/// those. Right-click a name to merge or rename it.
fn facet_ui(
    ui: &mut egui::Ui,
    kind: FacetKind,
    names: &[(String, usize)],
    chosen: &std::collections::BTreeSet<String>,
    commands: &mut Vec<Command>,
) {
    let (title, alias) = match kind {
        FacetKind::Place => ("Places", AliasKind::Place),
        FacetKind::Group => ("Groups", AliasKind::Group),
    };
    ui.horizontal(|ui| {
        ui.strong(title);
        if chosen.is_empty() {
            ui.weak(format!("all {}", names.len()));
        } else {
            ui.weak(format!("{} of {}", chosen.len(), names.len()));
            if ui.small_button("All").clicked() {
                commands.push(Command::Filter(FilterCommand::ClearFacet(kind)));
            }
        }
    });
    let find_id = ui.scope_id().with(("facet-find", title));
    let mut find: String = ui.data(|d| d.get_temp(find_id)).unwrap_or_default();
    ui.add(
        egui::TextEdit::singleline(&mut find)
            .id_salt(("facet-find", title))
            .hint_text(format!("find {}", title.to_lowercase()))
            .desired_width(170.0),
    );
    let needle = find.trim().to_lowercase();
    let matching: Vec<&(String, usize)> = names
        .iter()
        .filter(|(name, _)| needle.is_empty() || name.to_lowercase().contains(&needle))
        .collect();
    ui.data_mut(|d| d.insert_temp(find_id, find));
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt(("facet-list", title))
        .max_height(150.0)
        .show_rows(ui, row_height, matching.len(), |ui, range| {
            for (name, count) in matching.get(range).unwrap_or_default() {
                let mut on = chosen.contains(name);
                let response = ui.checkbox(&mut on, display_ltr(&format!("{name} ({count})")));
                if response.changed() {
                    commands.push(Command::Filter(FilterCommand::ToggleFacet(
                        kind,
                        name.clone(),
                    )));
                }
                merge_menu(&response, alias, name, commands);
            }
        });
}

/// Right-click on a name: say it is another one.
pub fn merge_menu(
    response: &egui::Response,
    kind: AliasKind,
    name: &str,
    commands: &mut Vec<Command>,
) {
    response.context_menu(|ui| {
        if ui.button("Merge or rename…").clicked() {
            commands.push(Command::Correction(CorrectionCommand::ShowMergeDialog(
                kind,
                name.to_owned(),
            )));
            ui.close();
        }
    });
}

fn sources_ui(
    ui: &mut egui::Ui,
    analyzed: &Analyzed,
    filter: &Filter,
    commands: &mut Vec<Command>,
) {
    let analysis = &analyzed.analysis;
    ui.horizontal(|ui| {
        ui.strong("Sources");
        if ui.small_button("All").clicked() {
            commands.push(Command::Filter(FilterCommand::ShowAllSources));
        }
        if ui.small_button("None").clicked() {
            let all = analysis
                .scorecard
                .iter()
                .map(|s| s.source.clone())
                .collect();
            commands.push(Command::Filter(FilterCommand::HideSources(all)));
        }
    });
    for s in &analysis.scorecard {
        ui.horizontal(|ui| {
            let [r, g, b] = analyzed
                .colors
                .get(&s.source)
                .copied()
                .unwrap_or([128, 128, 128]);
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(rect, 2.0, egui::Color32::from_rgb(r, g, b));
            let mut shown = !filter.hidden_sources.contains(&s.source);
            let label = display_ltr(&format!("{} ({})", s.source, s.claims)).into_owned();
            let response = ui.checkbox(&mut shown, label);
            if response.changed() {
                commands.push(Command::Filter(FilterCommand::ToggleSource(
                    s.source.clone(),
                )));
            }
            merge_menu(&response, AliasKind::Source, &s.source, commands);
        });
    }
}

/// From and to dates, typed in any form the importer reads; an empty field is no limit.
fn dates_ui(ui: &mut egui::Ui, filter: &Filter, commands: &mut Vec<Command>) {
    ui.strong("Event dates");
    let mut changed = None;
    for (label, current, is_from) in [("from", filter.from, true), ("to", filter.to, false)] {
        ui.horizontal(|ui| {
            ui.label(label);
            let id = egui::Id::unique(("date-filter", is_from));
            let mut text: String = ui
                .data(|d| d.get_temp(id))
                .unwrap_or_else(|| current.map(|d| d.to_string()).unwrap_or_default());
            let edit = ui.add(
                egui::TextEdit::singleline(&mut text)
                    .desired_width(110.0)
                    .hint_text("any date"),
            );
            let parsed = if text.trim().is_empty() {
                Some(None)
            } else {
                parse_date(&text).ok().map(|p| Some(p.when.date))
            };
            if parsed.is_none() {
                edit.on_hover_text(
                    "Not a date I can read: 2015-06-25, 25/06/2015 or June 25, 2015",
                );
            } else if let Some(date) = parsed
                && date != current
            {
                changed = Some((is_from, date));
            }
            ui.data_mut(|d| d.insert_temp(id, text));
        });
    }
    if let Some((is_from, date)) = changed {
        let (from, to) = if is_from {
            (date, filter.to)
        } else {
            (filter.from, date)
        };
        commands.push(Command::Filter(FilterCommand::SetDateRange(from, to)));
    }
}
