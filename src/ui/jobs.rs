//! Imports run on a named background thread; the frame polls for the result.

use std::sync::Arc;
use std::sync::mpsc;

use eframe::egui;

use crate::core::analysis::{Aliases, Analysis, Settings, analyze};
use crate::core::import::{ImportOptions, Imported, Input, import};
use crate::core::model::Dataset;
use crate::core::progress::{Cancelled, Progress};

/// An import in progress.
pub struct ImportJob {
    /// Numbers every job the app starts; a result whose generation is not the newest is
    /// dropped, so a cancelled or stale import never replaces newer data.
    pub generation: u64,
    pub progress: Arc<Progress>,
    pub inputs: Vec<Input>,
    pub label: String,
    result: mpsc::Receiver<Result<Imported, Cancelled>>,
}

impl ImportJob {
    /// Starts importing `inputs` off the UI thread; `ctx` is asked to repaint when done.
    pub fn start(
        inputs: Vec<Input>,
        generation: u64,
        options: ImportOptions,
        label: String,
        ctx: &egui::Context,
    ) -> Self {
        let progress = Arc::new(Progress::default());
        let (send, result) = mpsc::channel();
        let job_progress = Arc::clone(&progress);
        let job_inputs = inputs.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("import".to_owned())
            .spawn(move || {
                let outcome = import(&job_inputs, &options, &job_progress);
                let _ = send.send(outcome);
                ctx.request_repaint();
            });
        if spawned.is_err() {
            // With no thread the receiver reports a disconnect, which `poll` treats as cancelled.
            progress.cancel();
        }
        Self {
            generation,
            progress,
            inputs,
            label,
            result,
        }
    }

    /// The result, once the import has finished.
    pub fn poll(&self) -> Option<Result<Imported, Cancelled>> {
        match self.result.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(Err(Cancelled)),
        }
    }
}

/// An analysis in progress, for one dataset.
pub struct AnalysisJob {
    /// The dataset revision it analyses; a result for an older one is dropped.
    pub revision: u64,
    /// As for [`ImportJob::generation`].
    pub generation: u64,
    result: mpsc::Receiver<Analysis>,
}

impl AnalysisJob {
    pub fn start(
        dataset: Arc<Dataset>,
        generation: u64,
        settings: Settings,
        aliases: Aliases,
        ctx: &egui::Context,
    ) -> Self {
        let (send, result) = mpsc::channel();
        let revision = dataset.revision;
        let ctx = ctx.clone();
        let _ = std::thread::Builder::new()
            .name("analysis".to_owned())
            .spawn(move || {
                let analysis = analyze(&dataset, &settings, &aliases);
                let _ = send.send(analysis);
                ctx.request_repaint();
            });
        Self {
            revision,
            generation,
            result,
        }
    }

    pub fn poll(&self) -> Option<Option<Analysis>> {
        match self.result.try_recv() {
            Ok(analysis) => Some(Some(analysis)),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(None),
        }
    }
}

/// An export being written.
pub struct ExportJob {
    result: mpsc::Receiver<Result<String, String>>,
}

impl ExportJob {
    /// Runs `work` off the UI thread; `ctx` is asked to repaint when it is done.
    pub fn start(
        work: impl FnOnce() -> Result<String, String> + Send + 'static,
        ctx: &egui::Context,
    ) -> Self {
        let (send, result) = mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("export".to_owned())
            .spawn(move || {
                let _ = send.send(work());
                ctx.request_repaint();
            });
        if let Err(e) = spawned {
            let (send, failed) = mpsc::channel();
            let _ = send.send(Err(format!("cannot start the export: {e}")));
            return Self { result: failed };
        }
        Self { result }
    }

    /// What was written, or why not, once done.
    pub fn poll(&self) -> Option<Result<String, String>> {
        match self.result.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                Some(Err("the export stopped unexpectedly".to_owned()))
            }
        }
    }
}
