//! The filter the Findings and Discrepancies tabs share: severity, kind, the two kinds of
//! source a dispute is between, and a party it involves (a source, a type or a side).

use eframe::egui;

use crate::core::analysis::{DiscrepancyKind, Severity};
use crate::core::view::discrepancies::{DiscrepancyFilter, Party, TypePair};
use crate::ui::bidi::display_ltr;
use crate::ui::commands::{Command, FindingsCommand};

/// The choices the filter offers, from the analysis.
pub struct Choices<'a> {
    pub type_pairs: &'a [TypePair],
    pub parties: &'a [Party],
}

pub fn dispute_filter_ui(
    ui: &mut egui::Ui,
    filter: &DiscrepancyFilter,
    choices: &Choices<'_>,
    commands: &mut Vec<Command>,
) {
    let set = |commands: &mut Vec<Command>, f: DiscrepancyFilter| {
        commands.push(Command::Findings(FindingsCommand::SetFilter(f)));
    };
    involving_ui(ui, filter, choices.parties, commands);
    let severity_name =
        |s: Option<Severity>| s.map_or("any".to_owned(), |s| format!("{} or worse", s.as_str()));
    let severities = [
        None,
        Some(Severity::Low),
        Some(Severity::Medium),
        Some(Severity::High),
    ];
    if let Some(choice) = combo(
        ui,
        "Severity",
        &severity_name(filter.min_severity),
        severities
            .iter()
            .map(|&s| (severity_name(s), filter.min_severity == s, s)),
    ) {
        set(
            commands,
            DiscrepancyFilter {
                min_severity: choice,
                ..filter.clone()
            },
        );
    }
    let kind_name = |k: Option<DiscrepancyKind>| k.map_or("any", DiscrepancyKind::as_str);
    let kinds = std::iter::once(None).chain(DiscrepancyKind::ALL.into_iter().map(Some));
    if let Some(choice) = combo(
        ui,
        "Kind",
        kind_name(filter.kind),
        kinds.map(|k| (kind_name(k).to_owned(), filter.kind == k, k)),
    ) {
        set(
            commands,
            DiscrepancyFilter {
                kind: choice,
                ..filter.clone()
            },
        );
    }
    let pair_name = |p: Option<TypePair>| {
        p.map_or("any sources".to_owned(), |(a, b)| {
            format!("{} vs {}", a.as_str(), b.as_str())
        })
    };
    let pairs = std::iter::once(None).chain(choices.type_pairs.iter().copied().map(Some));
    if let Some(choice) = combo(
        ui,
        "Between",
        &pair_name(filter.types),
        pairs.map(|p| (pair_name(p), filter.types == p, p)),
    ) {
        set(
            commands,
            DiscrepancyFilter {
                types: choice,
                ..filter.clone()
            },
        );
    }
}

/// Only disputes one of whose claimants is a party: one source, every source of a type, or
/// every source of a side.
fn involving_ui(
    ui: &mut egui::Ui,
    filter: &DiscrepancyFilter,
    parties: &[Party],
    commands: &mut Vec<Command>,
) {
    let name = |p: Option<&Party>| {
        p.map_or("anyone".to_owned(), |p| {
            display_ltr(&p.label()).into_owned()
        })
    };
    let choices = std::iter::once(None).chain(parties.iter().map(Some));
    if let Some(choice) = combo(
        ui,
        "Involving",
        &name(filter.involving.as_ref()),
        choices.map(|p| (name(p), filter.involving.as_ref() == p, p.cloned())),
    ) {
        commands.push(Command::Findings(FindingsCommand::SetFilter(
            DiscrepancyFilter {
                involving: choice,
                ..filter.clone()
            },
        )));
    }
}

/// A labelled combo box; the choice clicked, if any.
fn combo<T>(
    ui: &mut egui::Ui,
    label: &str,
    selected: &str,
    choices: impl Iterator<Item = (String, bool, T)>,
) -> Option<T> {
    let label = ui.label(label);
    let mut picked = None;
    egui::ComboBox::from_id_salt(("dispute-filter", label.id))
        .selected_text(selected)
        .height(360.0)
        .show_ui(ui, |ui| {
            for (text, on, value) in choices {
                if ui.selectable_label(on, text).clicked() {
                    picked = Some(value);
                }
            }
        })
        .response
        .labelled_by(label.id);
    picked
}
