//! `--screenshot PATH` and `--screenshot-dir DIR`: render the window once the data is in (each
//! tab in turn for a folder), save PNGs and quit. Used by the smoke tests to prove that a real
//! window appears and draws.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use eframe::egui;

use crate::ui::app::state::Tab;

type ShotResult = Arc<Mutex<Option<Result<(), ScreenshotError>>>>;

/// The files written, or why not.
type Written = Result<Vec<PathBuf>, ScreenshotError>;

/// Why the screenshots were not written.
#[derive(Debug, thiserror::Error)]
pub enum ScreenshotError {
    #[error("the window did not become ready within 120 s")]
    NotReady,
    #[error("cannot save the screenshot to {}: {source}", path.display())]
    Save {
        path: PathBuf,
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

/// Whether the screenshots were written, shared between the window and `main`.
#[derive(Clone, Default)]
pub struct Outcome(Arc<Mutex<Option<Written>>>);

impl Outcome {
    fn set(&self, result: Written) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some(result);
        }
    }

    pub fn is_set(&self) -> bool {
        self.0.lock().map(|s| s.is_some()).unwrap_or(true)
    }

    pub fn exit_code(&self) -> ExitCode {
        match self.0.lock().ok().and_then(|mut s| s.take()) {
            None => ExitCode::SUCCESS,
            Some(Ok(paths)) => {
                for path in paths {
                    eprintln!("screenshot saved to {}", path.display());
                }
                ExitCode::SUCCESS
            }
            Some(Err(e)) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        }
    }
}

/// Screenshots to take once the window has settled: `(tab to show, file)`.
pub struct ScreenshotPlan {
    shots: Vec<(Option<Tab>, PathBuf)>,
    current: usize,
    frames: u32,
    pending: Option<ShotResult>,
    outcome: Outcome,
    started: std::time::Instant,
}

/// The file name of each tab's screenshot in a folder: the tab as `--tab` names it.
fn file_name(tab: Tab) -> String {
    format!("{}.png", tab.key())
}

impl ScreenshotPlan {
    /// One screenshot of whatever tab is open.
    pub fn single(path: PathBuf, outcome: Outcome) -> Self {
        Self::new(vec![(None, path)], outcome)
    }

    /// One screenshot of every tab, into `dir`.
    pub fn every_tab(dir: &Path, outcome: Outcome) -> Self {
        let shots = Tab::all()
            .iter()
            .map(|&t| (Some(t), dir.join(file_name(t))))
            .collect();
        Self::new(shots, outcome)
    }

    fn new(shots: Vec<(Option<Tab>, PathBuf)>, outcome: Outcome) -> Self {
        Self {
            shots,
            current: 0,
            frames: 0,
            pending: None,
            outcome,
            started: std::time::Instant::now(),
        }
    }

    /// Called every frame. `ready` says the data is in. Returns the tab to show.
    pub fn tick(&mut self, ctx: &egui::Context, ready: bool) -> Option<Tab> {
        if self.outcome.is_set() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return None;
        }
        if self.started.elapsed().as_secs() > 120 {
            self.finish(ctx, Err(ScreenshotError::NotReady));
            return None;
        }
        ctx.request_repaint();
        if !ready {
            return None;
        }
        if let Some(done) = self
            .pending
            .as_ref()
            .and_then(|p| p.lock().ok().and_then(|mut s| s.take()))
        {
            if let Err(e) = done {
                self.finish(ctx, Err(e));
                return None;
            }
            self.pending = None;
            self.current += 1;
            self.frames = 0;
        }
        let Some((tab, path)) = self.shots.get(self.current).cloned() else {
            let paths = self.shots.iter().map(|(_, p)| p.clone()).collect();
            self.finish(ctx, Ok(paths));
            return None;
        };
        self.frames += 1;
        if self.frames >= 6 && self.pending.is_none() {
            let slot: ShotResult = Arc::default();
            self.pending = Some(Arc::clone(&slot));
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                if let Ok(mut s) = slot.lock() {
                    *s = Some(save_png(&path, &image));
                }
                repaint.request_repaint();
            });
        }
        tab
    }

    fn finish(&self, ctx: &egui::Context, result: Written) {
        self.outcome.set(result);
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// Writes an RGBA image as PNG, atomically.
pub fn save_png(path: &Path, image: &egui::ColorImage) -> Result<(), ScreenshotError> {
    let [width, height] = image.size;
    let tmp = path.with_extension("png.tmp");
    let write = || -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let file = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        let mut encoder = png::Encoder::new(file, u32::try_from(width)?, u32::try_from(height)?);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(image.as_raw())?;
        writer.finish()?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    };
    write().map_err(|source| ScreenshotError::Save {
        path: path.to_owned(),
        source,
    })
}
