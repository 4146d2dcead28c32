//! The Claims tab: every claim with every column, sortable and searchable.

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::core::analysis::credibility::reason as credibility_reason;
use crate::core::analysis::{Analysis, ClaimFacts};
use crate::core::model::judgement::Mark;
use crate::core::model::{Claim, Dataset};
use crate::core::view::claim_rows::{Sort, SortColumn};
use crate::ui::bidi::{data_label, display_ltr, display_wrapped, hover_text, is_rtl};
use crate::ui::commands::{Command, JudgementCommand, NavCommand, TableCommand};
use crate::ui::views::judgement::mark_ui;

/// A column of the table: its title and how a cell reads (and, for a sortable cell, what
/// it sorts by).
struct TableColumn {
    title: String,
    width: f32,
    cell: Cell,
}

impl TableColumn {
    fn sort(&self) -> Option<SortColumn> {
        match self.cell {
            Cell::Sorted(column) => Some(column),
            Cell::Written
            | Cell::Qualifier
            | Cell::Detail
            | Cell::Quote
            | Cell::Credibility
            | Cell::Extra(_) => None,
        }
    }
}

/// What a cell shows: a column the rows can be sorted by, or one of the others.
enum Cell {
    Sorted(SortColumn),
    Written,
    Qualifier,
    Detail,
    Quote,
    Credibility,
    Extra(String),
}

fn columns(ds: &Dataset) -> Vec<TableColumn> {
    let col = |title: &str, width, cell| TableColumn {
        title: title.to_owned(),
        width,
        cell,
    };
    let sorted = |title: &str, width, column| col(title, width, Cell::Sorted(column));
    let mut list = vec![
        sorted("Source", 130.0, SortColumn::Source),
        sorted("Type", 110.0, SortColumn::Type),
        sorted("Claim", 80.0, SortColumn::Claim),
        sorted("Group", 120.0, SortColumn::Group),
        col("As written", 90.0, Cell::Written),
        sorted("Low", 50.0, SortColumn::Low),
        sorted("High", 50.0, SortColumn::High),
        col("Qualifier", 70.0, Cell::Qualifier),
        sorted("Place", 120.0, SortColumn::Location),
        sorted("Event date", 90.0, SortColumn::EventDate),
        sorted("Stance", 60.0, SortColumn::Stance),
        col("Detail", 180.0, Cell::Detail),
        sorted("Side", 120.0, SortColumn::Side),
        sorted("Published", 90.0, SortColumn::Published),
        sorted("Outlet", 110.0, SortColumn::Outlet),
        col("Credibility", 80.0, Cell::Credibility),
        col("Quote", 360.0, Cell::Quote),
        sorted("Id (file:line)", 200.0, SortColumn::Id),
    ];
    for name in ds.extra_column_names() {
        list.push(col(name, 110.0, Cell::Extra(name.to_owned())));
    }
    list
}

fn cell_text(ds: &Dataset, facts: Option<&ClaimFacts>, c: &Claim, cell: &Cell) -> String {
    let s = |sym| ds.str(sym).to_owned();
    let o = |sym| ds.opt_str(sym).to_owned();
    match cell {
        Cell::Sorted(SortColumn::Id) => ds.claim_id(c),
        Cell::Sorted(SortColumn::Source) => s(c.source),
        Cell::Sorted(SortColumn::Type) => c.source_type.as_str().to_owned(),
        Cell::Sorted(SortColumn::Side) => o(c.side),
        Cell::Sorted(SortColumn::Claim) => c.kind.as_str().to_owned(),
        Cell::Sorted(SortColumn::Group) => s(c.group),
        Cell::Written => o(c.quantity_text),
        Cell::Sorted(SortColumn::Low) => c.quantity.map(|q| q.low.to_string()).unwrap_or_default(),
        Cell::Sorted(SortColumn::High) => match c.quantity {
            Some(q) => q
                .high()
                .map_or_else(|| "open".to_owned(), |h| h.to_string()),
            None => String::new(),
        },
        Cell::Qualifier => c
            .quantity
            .map(|q| q.qualifier.as_str().to_owned())
            .unwrap_or_default(),
        Cell::Sorted(SortColumn::Stance) => c.stance.as_str().to_owned(),
        Cell::Detail => o(c.detail),
        Cell::Sorted(SortColumn::Location) => o(c.location),
        Cell::Sorted(SortColumn::EventDate) => {
            if c.event_start == c.event_end {
                c.event_start.to_string()
            } else {
                format!("{}/{}", c.event_start, c.event_end)
            }
        }
        Cell::Sorted(SortColumn::Published) => {
            c.published.map(|w| w.to_string()).unwrap_or_default()
        }
        Cell::Sorted(SortColumn::Outlet) => o(c.outlet),
        Cell::Quote => ds.quote(c).to_owned(),
        Cell::Extra(name) => ds.extra(c, name).unwrap_or("").to_owned(),
        Cell::Credibility => match facts {
            Some(f) if f.current => format!("{} / 6", f.credibility),
            Some(_) => "superseded".to_owned(),
            None => String::new(),
        },
    }
}

/// The table itself: reads the cached row order, pushes sort and selection commands.
pub fn claims_table_ui(
    ui: &mut egui::Ui,
    ds: &Dataset,
    analysis: Option<&Analysis>,
    rows: &[u32],
    sort: Sort,
    selected: Option<u32>,
    commands: &mut Vec<Command>,
) {
    let columns = columns(ds);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    egui::ScrollArea::horizontal().show(ui, |ui| {
        let mut table = TableBuilder::new(ui)
            .id_salt("claims-table")
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .min_scrolled_height(0.0)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
        for column in &columns {
            table = table.column(Column::initial(column.width).at_least(36.0).clip(true));
        }
        table
            .header(row_height + 4.0, |mut header| {
                for column in &columns {
                    header.col(|ui| header_cell_ui(ui, column, sort, commands));
                }
            })
            .body(|body| {
                body.rows(row_height, rows.len(), |mut row| {
                    let Some(&index) = rows.get(row.index()) else {
                        return;
                    };
                    let Some(claim) = ds.claims.get(index as usize) else {
                        return;
                    };
                    row.set_selected(selected == Some(index));
                    let facts = analysis.and_then(|a| a.facts.get(index as usize));
                    for column in &columns {
                        row.col(|ui| {
                            let text = cell_text(ds, facts, claim, &column.cell);
                            let label = data_label(ui, &text);
                            match (&column.cell, facts) {
                                (Cell::Quote | Cell::Detail, _) if !text.is_empty() => {
                                    label.on_hover_text(hover_text(&text));
                                }
                                (Cell::Credibility, Some(f)) => {
                                    label.on_hover_text(credibility_reason(f));
                                }
                                _ => {}
                            }
                        });
                    }
                    if row.response().clicked() {
                        let next = if selected == Some(index) {
                            None
                        } else {
                            Some(index)
                        };
                        commands.push(Command::Nav(NavCommand::SelectClaim(next)));
                    }
                });
            });
    });
}

fn header_cell_ui(
    ui: &mut egui::Ui,
    column: &TableColumn,
    sort: Sort,
    commands: &mut Vec<Command>,
) {
    let Some(sort_column) = column.sort() else {
        ui.strong(column.title.as_str());
        return;
    };
    let sorted = (sort.column == sort_column).then_some(sort.descending);
    let button =
        egui::Button::new(egui::RichText::new(column.title.as_str()).strong()).frame(false);
    let response = ui
        .add(button)
        .on_hover_text("Sort by this column; click again to reverse");
    if let Some(descending) = sorted {
        sort_arrow_ui(ui, descending);
    }
    if response.clicked() {
        commands.push(Command::Table(TableCommand::SortClaims(sort_column)));
    }
}

/// A small triangle: up for ascending, down for descending. Painted, as the default fonts
/// have no arrow glyphs.
fn sort_arrow_ui(ui: &mut egui::Ui, descending: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    let c = rect.center();
    let (tip, base) = if descending { (3.5, -3.5) } else { (-3.5, 3.5) };
    let points = vec![
        egui::pos2(c.x, c.y + tip),
        egui::pos2(c.x - 4.0, c.y + base),
        egui::pos2(c.x + 4.0, c.y + base),
    ];
    let color = ui.visuals().strong_text_color();
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
}

/// Admiralty information credibility, in words.
pub const CREDIBILITY: [&str; 6] = [
    "1 confirmed",
    "2 probably true",
    "3 possibly true",
    "4 doubtful",
    "5 improbable",
    "6 cannot be judged",
];

/// The suggested credibility with its reason, and the analyst's own.
fn credibility_ui(
    ui: &mut egui::Ui,
    id: &str,
    f: &ClaimFacts,
    set: Option<u8>,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        let word = |n: u8| {
            CREDIBILITY
                .get(usize::from(n.max(1)) - 1)
                .copied()
                .unwrap_or("")
        };
        ui.label(format!("Credibility suggested: {}", word(f.credibility)))
            .on_hover_text(credibility_reason(f));
        let shown = set.map_or_else(|| "as suggested".to_owned(), |n| word(n).to_owned());
        egui::ComboBox::from_id_salt(("claim-credibility", id))
            .selected_text(format!("Your rating: {shown}"))
            .show_ui(ui, |ui| {
                if ui.selectable_label(set.is_none(), "as suggested").clicked() {
                    commands.push(Command::Judgement(JudgementCommand::SetClaimCredibility(
                        id.to_owned(),
                        None,
                    )));
                }
                for n in 1..=6u8 {
                    if ui.selectable_label(set == Some(n), word(n)).clicked() {
                        commands.push(Command::Judgement(JudgementCommand::SetClaimCredibility(
                            id.to_owned(),
                            Some(n),
                        )));
                    }
                }
            });
    });
}

/// The selected claim in full, under the table.
pub fn claim_details_ui(
    ui: &mut egui::Ui,
    ds: &Dataset,
    claim: &Claim,
    (facts, set, mark): (Option<&ClaimFacts>, Option<u8>, Option<&Mark>),
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.strong(ds.claim_id(claim));
        ui.label(display_ltr(&format!(
            "{} ({}) · {} {} · {}",
            ds.str(claim.source),
            claim.source_type.as_str(),
            claim.kind.as_str(),
            ds.str(claim.group),
            ds.opt_str(claim.location)
        )));
        if ui.button("Copy quote").clicked() {
            ui.ctx().copy_text(ds.quote(claim).to_owned());
        }
        if ui.button("Close").clicked() {
            commands.push(Command::Nav(NavCommand::SelectClaim(None)));
        }
    });
    let id = ds.claim_id(claim);
    if let Some(f) = facts {
        credibility_ui(ui, &id, f, set, commands);
    }
    ui.horizontal_wrapped(|ui| {
        let current = mark.cloned().unwrap_or_default();
        let send = |mark| Command::Judgement(JudgementCommand::MarkClaim(id.clone(), mark));
        mark_ui(ui, &id, &current, &send, commands);
    });
    let quote = ds.quote(claim);
    if is_rtl(quote) {
        // Wrapped on the logical text, then each line shaped and put right to left.
        let chars = (ui.available_width() / 7.0).max(20.0) as usize;
        let shown = display_wrapped(&format!("\u{201c}{quote}\u{201d}"), chars);
        ui.with_layout(egui::Layout::top_down(egui::Align::Max), |ui| {
            ui.add(egui::Label::new(egui::RichText::new(shown)).selectable(false));
        });
    } else if !quote.is_empty() {
        ui.label(egui::RichText::new(format!("“{quote}”")).italics());
    }
}
