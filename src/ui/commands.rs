//! What the user asked for, as plain values. Panels push these; the app applies them after
//! drawing.
//!
//! A `Command` is one of a few concerns, each its own enum with its own handler in
//! `app/apply.rs`: every `match` there is exhaustive, so a new variant is a compile error where
//! it must be handled, and no handler passes a command it does not know on to another.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::core::analysis::AliasKind;
use crate::core::charts::{Period, PivotColumn, TimelineMode, TimelineSplit};
use crate::core::export::{ExportRequest, ExportTarget};
use crate::core::import::samples::Sample;
use crate::core::model::judgement::Mark;
use crate::core::model::{ClaimKind, SourceType};
use crate::core::view::claim_rows::SortColumn;
use crate::ui::app::state::{DiscrepancyFilter, Tab, ThemeChoice};

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    File(FileCommand),
    Mapping(MappingCommand),
    Analysis(AnalysisCommand),
    Nav(NavCommand),
    Timeline(TimelineCommand),
    Table(TableCommand),
    Filter(FilterCommand),
    Findings(FindingsCommand),
    Judgement(JudgementCommand),
    Correction(CorrectionCommand),
    Export(ExportCommand),
}

/// Files, samples, articles and workspaces: what the data is.
#[derive(Clone, Debug, PartialEq)]
pub enum FileCommand {
    /// Show the file dialog (and the path field, for when no dialog can open).
    ShowOpenDialog,
    /// The same, for files to add to those open.
    ShowAddDialog,
    /// Replace the data with these files.
    Open(Vec<PathBuf>),
    /// Add these files to the ones open now.
    Add(Vec<PathBuf>),
    OpenSample(Sample),
    CancelImport,
    /// Read the next files in this format (`None`: recognise each from its header).
    SetFormat(Option<String>),
    /// Open the dialog that proposes claims from an article.
    ShowExtractDialog,
    /// Write the claims kept from an article to a file of this name and add it to the data.
    AddExtracted(String, Vec<u8>),
    ShowWorkspaceDialog(WorkspaceAction),
    SaveWorkspace(PathBuf),
    OpenWorkspace(PathBuf),
    /// Write the analyst's merges as an alias file.
    ExportAliases(PathBuf),
}

/// The column mapping dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MappingCommand {
    /// The mapping changed: show the first rows as claims again.
    Preview,
    /// Import again with the dialog's mapping (remembered if asked).
    Apply,
    Close,
}

/// The analysis thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnalysisCommand {
    /// Stop the analysis under way.
    Cancel,
    /// Run the analysis again (after it was cancelled).
    Run,
}

/// Where the user looks: tabs, selections, the theme, the app itself.
#[derive(Clone, Debug, PartialEq)]
pub enum NavCommand {
    SetTab(Tab),
    SetTheme(ThemeChoice),
    SelectClaim(Option<u32>),
    /// Select a claim and show its event.
    OpenClaim(u32),
    /// Show this event (by index) in the Events tab.
    OpenEvent(usize),
    /// Show (or hide) the evidence behind a source's grade.
    SelectSource(Option<String>),
    /// Panel sizes, column widths and plot zoom back to their defaults.
    ResetLayout,
    FocusSearch,
    ShowHelp,
    /// The Claims tab with only this source shown.
    ShowSourceClaims(String),
    /// The Findings tab with only the disputes this source is party to.
    ShowSourceDisputes(String),
    CopyReport,
    Quit,
}

/// The timeline's own settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimelineCommand {
    SetMode(TimelineMode),
    /// One timeline, or a chart per group family or place.
    SetSplit(TimelineSplit),
    SetClaimKind(ClaimKind),
    SetLogScale(bool),
}

/// The order of the claims table and the pivot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableCommand {
    SortClaims(SortColumn),
    /// The Pivot tab's period.
    SetPivotPeriod(Period),
    /// Sort the pivot table by a column (again: the other way).
    SortPivot(PivotColumn),
}

/// The filter every view shares.
#[derive(Clone, Debug, PartialEq)]
pub enum FilterCommand {
    ToggleSource(String),
    ShowAllSources,
    HideSources(Vec<String>),
    SetDateRange(Option<NaiveDate>, Option<NaiveDate>),
    ToggleSourceType(SourceType),
    ClearSearch,
    SetSearch(String),
    /// Keep (or stop keeping) only claims about this place or group.
    ToggleFacet(FacetKind, String),
    ClearFacet(FacetKind),
}

/// The list of findings and discrepancies.
#[derive(Clone, Debug, PartialEq)]
pub enum FindingsCommand {
    SetFilter(DiscrepancyFilter),
    /// List (or not) the findings the analyst excluded.
    SetShowExcluded(bool),
    /// Draw the next page of findings.
    ShowMore,
    /// Show every claim of a finding (by id), not the first few of each side.
    Expand(String),
}

/// The analyst's judgement of findings, claims and sources.
#[derive(Clone, Debug, PartialEq)]
pub enum JudgementCommand {
    /// The verdict and note on a finding, by its id.
    MarkFinding(String, Mark),
    /// The verdict and note on a claim, by its id; excluding one reruns the analysis.
    MarkClaim(String, Mark),
    /// A source's reliability (A–F); `None` goes back to the suggestion.
    SetSourceGrade(String, Option<char>),
    /// A claim's credibility (1–6) by its id; `None` goes back to the suggestion.
    SetClaimCredibility(String, Option<u8>),
}

/// Corrections to what the data says: names merged, events split and merged, a source's type
/// and side. Each reruns the analysis.
#[derive(Clone, Debug, PartialEq)]
pub enum CorrectionCommand {
    /// The user says that name `.1` (a source, place or group) is `.2`.
    Merge(AliasKind, String, String),
    UndoMerges,
    /// Ask what this source, place or group is.
    ShowMergeDialog(AliasKind, String),
    /// Take these claims (by id, `file:line`) out of their event into one of their own.
    SplitEvent(Vec<String>),
    /// Move the claims of event `.0` (by id) into event `.1`.
    MergeEvents(String, String),
    /// Undo every split and merge of events.
    UndoEventEdits,
    /// The user says this source is of this type.
    SetSourceType(String, SourceType),
    /// The user says this source speaks for this side (`None`: no side).
    SetSourceSide(String, Option<String>),
}

/// Charts, tables and reports written to files.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportCommand {
    /// Ask what to export, where; `None`: the chart or table of the tab shown.
    ShowDialog(Option<ExportTarget>),
    /// Write an export (off the UI thread).
    Write(ExportRequest),
}

/// A list of names the filter panel can narrow to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FacetKind {
    Place,
    Group,
}

/// What the workspace dialog is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkspaceAction {
    Save,
    Open,
}
