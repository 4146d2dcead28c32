//! The analyst's verdict and note on a finding or a claim: three toggles and a note field,
//! the same wherever they appear.

use eframe::egui;

use crate::core::model::judgement::{Mark, Verdict};
use crate::ui::commands::Command;

/// What each verdict means, for its tooltip.
fn meaning(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Verified => "You checked it and it holds",
        Verdict::Disputed => "You doubt it; it stays in the analysis",
        Verdict::Excluded => {
            "Leave it out: an excluded claim leaves the analysis, an excluded \
                              finding the list"
        }
    }
}

/// "Your verdict: verified disputed excluded · Note: […]". A verdict clicked again is taken
/// back; the note is kept when its field loses focus. `key` names what is judged (a finding's
/// or a claim's id); `send` makes the command for a mark.
pub fn mark_ui(
    ui: &mut egui::Ui,
    key: &str,
    current: &Mark,
    send: &dyn Fn(Mark) -> Command,
    commands: &mut Vec<Command>,
) {
    ui.label("Your verdict:");
    for verdict in Verdict::ALL {
        let on = current.verdict == Some(verdict);
        if ui
            .add(egui::Button::new(verdict.as_str()).selected(on))
            .on_hover_text(meaning(verdict))
            .clicked()
        {
            commands.push(send(Mark {
                verdict: (!on).then_some(verdict),
                ..current.clone()
            }));
        }
    }
    ui.separator();
    let id = egui::Id::unique("analyst-note").with(key);
    let mut text = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| current.note.clone());
    let label = ui.label("Note:");
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .hint_text("what you checked, whom to ask")
                .desired_width(260.0),
        )
        .labelled_by(label.id);
    if response.changed() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    }
    if response.lost_focus() {
        ui.data_mut(|d| d.remove::<String>(id));
        if text != current.note {
            commands.push(send(Mark {
                note: text,
                ..current.clone()
            }));
        }
    }
}
