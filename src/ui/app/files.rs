//! Saving and opening workspaces, and saving the user's merges as an alias file.

use std::path::{Path, PathBuf};

use super::TriangulateApp;
use super::startup::Startup;
use crate::core::files::{Overwrite, write_atomic};
use crate::core::workspace::Workspace;

impl TriangulateApp {
    pub(super) fn export_aliases(&mut self, path: &Path) {
        let corrections = &self.state.corrections;
        let written = write_atomic(path, corrections.alias_csv().as_bytes(), Overwrite::Yes);
        self.message = Some(match written {
            Ok(()) => format!(
                "Saved {} merge(s) to {}",
                corrections.merge_count(),
                path.display()
            ),
            Err(e) => format!("Could not save the aliases: {e}"),
        });
    }

    pub(super) fn save_workspace(&mut self, path: &Path) {
        let paths: Vec<PathBuf> = self
            .opened
            .as_ref()
            .map(|o| {
                o.inputs
                    .iter()
                    .filter_map(|i| i.path().map(ToOwned::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let saved = Workspace::new(
            &paths,
            self.state.view.clone(),
            self.state.corrections.clone(),
        )
        .and_then(|w| w.save(path));
        self.message = Some(match saved {
            Ok(()) if paths.is_empty() => format!(
                "Saved {} (the built-in sample data is not a file, so no files are listed)",
                path.display()
            ),
            Ok(()) => format!("Saved {}", path.display()),
            Err(e) => format!("Could not save the workspace: {e}"),
        });
    }

    /// Opens a workspace: its files, filter and corrections.
    pub fn open_workspace(&mut self, path: &Path) {
        match Workspace::load(path) {
            Ok((workspace, warnings)) => {
                self.state.view = workspace.filter.clone();
                self.state.corrections = workspace.corrections.clone();
                let startup = Startup::files(workspace.paths());
                self.start_import(startup.inputs, startup.label);
                self.message = Some(if warnings.is_empty() {
                    format!("Opened {}", path.display())
                } else {
                    format!("Opened {}: {}", path.display(), warnings.join("; "))
                });
            }
            Err(e) => self.message = Some(format!("Could not open the workspace: {e}")),
        }
    }
}
