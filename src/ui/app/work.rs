//! The background jobs: imports, analyses and exports, started here and polled every frame.

use std::sync::Arc;

use super::startup::session_of;
use super::state::Tab;
use super::{Opened, TriangulateApp};
use crate::core::analysis::{Analysis, Settings, analyze_with};
use crate::core::export::figure::Provenance;
use crate::core::export::html::InputFile;
use crate::core::export::{
    ChartData, ExportError, ExportRequest, ExportTarget, caption_date, export, today,
};
use crate::core::import::{ImportReport, Imported, Input, import};
use crate::core::model::Dataset;
use crate::core::progress::Cancelled;
use crate::core::view::analyzed::Analyzed;
use crate::core::view::palette::OTHERS;
use crate::core::view::sources::summarize;
use crate::ui::jobs::{Job, Outcome};

/// An import under way, with what it reads.
pub struct Importing {
    pub job: Job<Result<Imported, Cancelled>>,
    pub inputs: Vec<Input>,
    pub label: String,
}

/// An export being written: what was written, or why not.
pub type Exporting = Job<Result<String, ExportError>>;

impl TriangulateApp {
    /// Whether an import, analysis, export or selection is under way.
    pub fn is_busy(&self) -> bool {
        self.import_job.is_some()
            || self.analysis_job.is_some()
            || self.export_job.is_some()
            || self.derived.is_updating()
    }

    /// Imports `inputs` off the UI thread, cancelling any import still running.
    pub(super) fn start_import(&mut self, inputs: Vec<Input>, label: String) {
        self.cancel_import();
        let generation = self.imports.next();
        let mut options = self.options.clone();
        options
            .remembered
            .extend(self.state.corrections.column_mappings.iter().cloned());
        let job_inputs = inputs.clone();
        let job = Job::spawn("import", generation, &self.ctx, move |progress| {
            import(&job_inputs, &options, progress)
        });
        self.import_job = Some(Importing { job, inputs, label });
    }

    pub(super) fn cancel_import(&mut self) {
        if let Some(importing) = &self.import_job {
            importing.job.progress.cancel();
        }
    }

    pub(super) fn poll_import(&mut self) {
        let Some(outcome) = self.import_job.as_ref().and_then(|i| i.job.poll()) else {
            return;
        };
        let Some(importing) = self.import_job.take() else {
            return;
        };
        if !self.imports.is_newest(importing.job.generation) {
            return;
        }
        match outcome {
            Outcome::Done(Ok(imported)) => self.install_import(imported, importing),
            Outcome::Done(Err(Cancelled)) | Outcome::Lost => {
                self.message = Some("Import cancelled: the data shown is unchanged.".to_owned());
            }
        }
    }

    fn install_import(&mut self, imported: Imported, importing: Importing) {
        let report = imported.report;
        self.offer_mapping(&report);
        let sources = summarize(&imported.dataset);
        self.message = Some(import_message(&report));
        if report.imported() == 0 {
            self.state.tab = Tab::ImportReport;
        }
        self.selected = None;
        self.selected_event = None;
        self.analyzed = None;
        let dataset = Arc::new(imported.dataset);
        self.start_analysis(Arc::clone(&dataset));
        self.state.session = session_of(&importing.inputs);
        self.opened = Some(Opened {
            dataset,
            report,
            sources,
            inputs: importing.inputs,
            label: importing.label,
        });
    }

    /// Runs the analysis again, with the user's current corrections.
    pub(super) fn reanalyze(&mut self) {
        if let Some(opened) = &self.opened {
            let dataset = Arc::clone(&opened.dataset);
            self.start_analysis(dataset);
        }
    }

    fn start_analysis(&mut self, dataset: Arc<Dataset>) {
        let generation = self.analyses.next();
        let aliases = self.state.corrections.aliases();
        let colors = self.state.corrections.source_colors.clone();
        self.analysis_job = Some(Job::spawn(
            "analysis",
            generation,
            &self.ctx,
            move |progress| {
                let analysis = analyze_with(&dataset, &Settings::default(), &aliases, progress)?;
                // What every view derives from it (colours, facets, findings), made here too.
                let analyzed = Analyzed::with_colors(analysis, &dataset, &colors);
                Ok((dataset.revision, analyzed))
            },
        ));
    }

    /// Stops the analysis under way; the views keep the last one, if any.
    pub(super) fn cancel_analysis(&mut self) {
        if let Some(job) = self.analysis_job.take() {
            job.progress.cancel();
            self.message = Some(if self.analyzed.is_some() {
                "Analysis cancelled: the views show the last one.".to_owned()
            } else {
                "Analysis cancelled: the Claims tab shows the data; View > Analyse again runs it."
                    .to_owned()
            });
        }
    }

    pub(super) fn poll_analysis(&mut self) {
        let Some(outcome) = self.analysis_job.as_ref().and_then(Job::poll) else {
            return;
        };
        let Some(job) = self.analysis_job.take() else {
            return;
        };
        let Outcome::Done(Ok((revision, analyzed))) = outcome else {
            return;
        };
        let Some(opened) = &self.opened else { return };
        if revision != opened.dataset.revision || !self.analyses.is_newest(job.generation) {
            return;
        }
        // Open the Events tab on the most disputed event, or the first one.
        let analysis = &analyzed.analysis;
        let first = analysis.discrepancies.first().map(|d| d.event);
        let first = first.or((!analysis.events.is_empty()).then_some(0));
        if self.analyzed.is_none() || self.selected_event.is_none() {
            self.selected_event = first;
        }
        // A filter left over from other data would show nothing and blame the wrong thing.
        let sources: Vec<&str> = analyzed
            .analysis
            .scorecard
            .iter()
            .map(|s| s.source.as_str())
            .collect();
        // The palette's colours stay with their sources from now on (grey is no one's).
        let given = analyzed.colors.iter().filter(|(_, c)| **c != OTHERS);
        let kept = &mut self.state.corrections.source_colors;
        kept.extend(given.map(|(name, c)| (name.clone(), *c)));
        let facets = &analyzed.facets;
        let stale = self
            .state
            .view
            .filter
            .drop_stale(&facets.places, &facets.groups, &sources);
        drop(sources);
        if let Some(dropped) = stale {
            self.message = Some(dropped);
        }
        // Event splits and merges that could not be made (a claim or event no longer there).
        if let Some(unmade) = analyzed.analysis.unmade_edits.first() {
            let more = analyzed.analysis.unmade_edits.len() - 1;
            self.message = Some(match more {
                0 => format!("Event edit not made: {unmade}"),
                n => format!("Event edit not made: {unmade} (and {n} more)"),
            });
        }
        self.analyzed = Some((Arc::new(analyzed), job.generation));
    }

    /// Writes an export off the UI thread, from the data, analysis and filters shown now.
    pub(super) fn start_export(&mut self, mut request: ExportRequest) {
        let (Some(opened), Some((analyzed, _))) = (&self.opened, &self.analyzed) else {
            self.message = Some("Nothing to export yet: the data is still loading.".to_owned());
            return;
        };
        if self.export_job.is_some() {
            self.message = Some("An export is still being written.".to_owned());
            return;
        }
        request.event = request.event.or(self.selected_event);
        let dataset = Arc::clone(&opened.dataset);
        let analyzed = Arc::clone(analyzed);
        let view = self.state.view.clone();
        let corrections = self.state.corrections.clone();
        let selection = self.derived.selection.clone();
        let inputs = opened.inputs.clone();
        let report = opened.report.clone();
        let provenance = Provenance {
            files: inputs.iter().map(|i| i.file_name().to_owned()).collect(),
            date: caption_date(today()),
            filters: String::new(),
            ..Default::default()
        };
        self.message = Some(format!("Exporting to {}…", request.path.display()));
        self.export_job = Some(Job::spawn("export", 0, &self.ctx, move |_| {
            let data = ChartData {
                dataset: &dataset,
                analysis: &analyzed.analysis,
                colors: &analyzed.colors,
                filter: &view.filter,
                timeline: &view.timeline,
                selection: &selection,
                corrections: &corrections,
                provenance,
                page_width: request.style.page.width,
            };
            let files = if request.target == ExportTarget::Report {
                InputFile::list(&inputs, &report)
            } else {
                Vec::new()
            };
            export(&data, &files, &request)
        }));
    }

    pub(super) fn poll_export(&mut self) {
        let Some(outcome) = self.export_job.as_ref().and_then(Job::poll) else {
            return;
        };
        self.export_job = None;
        self.message = Some(match outcome {
            Outcome::Done(Ok(done)) => done,
            Outcome::Done(Err(e)) => format!("Could not export: {e}"),
            Outcome::Lost => "Could not export: the export stopped unexpectedly".to_owned(),
        });
    }

    /// The analysis of the loaded data, once it is done.
    pub fn analysis(&self) -> Option<&Analysis> {
        self.analyzed().map(|a| &a.analysis)
    }
}

/// What the status bar says when an import is in: the totals, and where to look when rows
/// or files were refused.
fn import_message(report: &ImportReport) -> String {
    let [claims, rejected, _, unreadable] = report.totals();
    if report.rejected() > 0 || report.failed_files().count() > 0 {
        format!("Imported {claims}; {rejected}, {unreadable} — see the Import report")
    } else {
        format!("Imported {claims}")
    }
}
