//! `--screenshot PATH`: render the window once the data is in, save it as PNG and quit.
//! Used by the smoke test to prove that a real window appears and draws.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use eframe::egui;

/// Whether the screenshot was written, shared between the window and `main`.
#[derive(Clone, Default)]
pub struct Outcome(Arc<Mutex<Option<Result<PathBuf, String>>>>);

impl Outcome {
    fn set(&self, result: Result<PathBuf, String>) {
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
            Some(Ok(path)) => {
                eprintln!("screenshot saved to {}", path.display());
                ExitCode::SUCCESS
            }
            Some(Err(e)) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        }
    }
}

/// A screenshot to take once the window has settled.
pub struct ScreenshotPlan {
    pub path: PathBuf,
    pub outcome: Outcome,
    frames_ready: u32,
    requested: bool,
    started: std::time::Instant,
}

impl ScreenshotPlan {
    pub fn new(path: PathBuf, outcome: Outcome) -> Self {
        Self {
            path,
            outcome,
            frames_ready: 0,
            requested: false,
            started: std::time::Instant::now(),
        }
    }

    /// Called every frame. `ready` says the data is in; a few frames later the shot is taken.
    pub fn tick(&mut self, ctx: &egui::Context, ready: bool) {
        if self.outcome.is_set() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if self.started.elapsed().as_secs() > 120 {
            self.outcome.set(Err(
                "the window did not become ready within 120 s".to_owned()
            ));
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        ctx.request_repaint();
        if !ready {
            return;
        }
        self.frames_ready += 1;
        if self.frames_ready >= 5 && !self.requested {
            self.requested = true;
            let path = self.path.clone();
            let outcome = self.outcome.clone();
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                outcome.set(save_png(&path, &image).map(|()| path.clone()));
                repaint.request_repaint();
            });
        }
    }
}

/// Writes an RGBA image as PNG, atomically.
pub fn save_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let [width, height] = image.size;
    let tmp = path.with_extension("png.tmp");
    let write = || -> Result<(), Box<dyn std::error::Error>> {
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
    write().map_err(|e| format!("cannot save the screenshot to {}: {e}", path.display()))
}
