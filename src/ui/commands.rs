//! What the user asked for, as plain values. Panels push these; the app applies them after
//! drawing.

use std::path::PathBuf;

use crate::core::import::samples::Sample;
use crate::core::view::claim_rows::SortColumn;
use crate::ui::app::state::{Tab, ThemeChoice};

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show the file dialog (and the path field, for when no dialog can open).
    ShowOpenDialog,
    /// The same, for files to add to those open.
    ShowAddDialog,
    /// Replace the data with these files.
    OpenFiles(Vec<PathBuf>),
    /// Add these files to the ones open now.
    AddFiles(Vec<PathBuf>),
    OpenSample(Sample),
    CancelImport,
    /// Stop the analysis under way.
    CancelAnalysis,
    /// Run the analysis again (after it was cancelled).
    Analyze,
    /// Read the next files in this format (`None`: recognise each from its header).
    SetImportFormat(Option<String>),
    /// The column mapping dialog changed: show the first rows as claims again.
    PreviewMapping,
    /// Import again with the mapping dialog's mapping (remembered if asked).
    ApplyMapping,
    CloseMapping,
    SetTab(Tab),
    SetTheme(ThemeChoice),
    SortBy(SortColumn),
    /// Open the dialog that proposes claims from an article.
    ShowExtractDialog,
    /// Write the claims kept from an article to a file of this name and add it to the data.
    AddExtracted(String, Vec<u8>),
    /// The Pivot tab's period.
    SetPivotPeriod(crate::core::charts::Period),
    /// Sort the pivot table by a column (again: the other way).
    SortPivot(crate::core::charts::PivotColumn),
    SelectClaim(Option<u32>),
    /// Show this event (by index) in the Events tab.
    OpenEvent(usize),
    SetTimelineMode(crate::core::charts::TimelineMode),
    /// One timeline, or a chart per group family or place.
    SetTimelineSplit(crate::core::charts::TimelineSplit),
    SetClaimKind(crate::core::model::ClaimKind),
    ToggleSource(String),
    ShowAllSources,
    SetDateRange(Option<chrono::NaiveDate>, Option<chrono::NaiveDate>),
    ToggleSourceType(crate::core::model::SourceType),
    ClearSearch,
    SetSearch(String),
    /// Keep (or stop keeping) only claims about this place or group.
    ToggleFacet(FacetKind, String),
    ClearFacet(FacetKind),
    /// Show (or hide) the evidence behind a source's grade.
    SelectSource(Option<String>),
    /// Panel sizes, column widths and plot zoom back to their defaults.
    ResetLayout,
    /// The user says that name `.1` (a source, place or group) is `.2`.
    Merge(crate::core::analysis::AliasKind, String, String),
    UndoMerges,
    /// Take these claims (by id, `file:line`) out of their event into one of their own.
    SplitEvent(Vec<String>),
    /// Move the claims of event `.0` (by id) into event `.1`.
    MergeEvents(String, String),
    /// Undo every split and merge of events.
    UndoEventEdits,
    /// Ask what this source, place or group is.
    ShowMergeDialog(crate::core::analysis::AliasKind, String),
    ExportAliases(PathBuf),
    SetDiscrepancyFilter(crate::ui::app::state::DiscrepancyFilter),
    /// List (or not) the findings the analyst excluded.
    SetShowExcluded(bool),
    /// Draw the next page of findings.
    ShowMoreFindings,
    /// Show every claim of a finding (by id), not the first few of each side.
    ExpandFinding(String),
    /// The analyst's verdict and note on a finding, by its id.
    MarkFinding(String, crate::core::model::judgement::Mark),
    /// The analyst's verdict and note on a claim, by its id; excluding one reruns the analysis.
    MarkClaim(String, crate::core::model::judgement::Mark),
    SetLogScale(bool),
    /// Select a claim and show its event.
    OpenClaim(u32),
    ShowWorkspaceDialog(WorkspaceAction),
    SaveWorkspace(PathBuf),
    OpenWorkspace(PathBuf),
    ShowHelp,
    /// The user says this source is of this type.
    SetSourceType(String, crate::core::model::SourceType),
    /// The analyst grades this source's reliability (A–F); `None` goes back to the suggestion.
    SetSourceGrade(String, Option<char>),
    /// The analyst rates a claim's credibility (1–6) by its id; `None` goes back to the
    /// suggestion.
    SetClaimCredibility(String, Option<u8>),
    /// The user says this source speaks for this side (`None`: no side).
    SetSourceSide(String, Option<String>),
    HideSources(Vec<String>),
    /// The Claims tab with only this source shown.
    ShowSourceClaims(String),
    /// The Findings tab with only the disputes this source is party to.
    ShowSourceDisputes(String),
    FocusSearch,
    CopyReport,
    /// Ask what to export, where; `None`: the chart or table of the tab shown.
    ShowExportDialog(Option<crate::core::export::ExportTarget>),
    /// Write an export (off the UI thread).
    Export(crate::core::export::ExportRequest),
    Quit,
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
