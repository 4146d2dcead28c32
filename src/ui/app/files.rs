//! Saving and opening workspaces, and saving the user's merges as an alias file.

use std::path::{Path, PathBuf};

use super::TriangulateApp;
use super::startup::Startup;
use crate::core::files::{Overwrite, write_atomic};
use crate::core::workspace::Workspace;
use crate::ui::commands::MappingCommand;

impl TriangulateApp {
    pub(super) fn export_aliases(&mut self, path: &Path) {
        let corrections = &self.state.corrections;
        let written = write_atomic(path, corrections.alias_csv().as_bytes(), Overwrite::Yes);
        self.message = Some(match written {
            Ok(_) => format!(
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

impl TriangulateApp {
    /// What the mapping dialog asks for.
    pub(super) fn apply_mapping_command(&mut self, command: MappingCommand) {
        match command {
            MappingCommand::Preview => self.preview_mapping(),
            MappingCommand::Apply => self.apply_mapping(),
            MappingCommand::Close => self.mapping_dialog.mapping = None,
        }
    }

    /// Opens the column mapping dialog for the first file the import could not read for want
    /// of a required column.
    pub(super) fn offer_mapping(&mut self, report: &crate::core::import::ImportReport) {
        let Some(file) = report.files.iter().find(|f| f.needs_mapping) else {
            return;
        };
        self.mapping_dialog
            .show(std::path::PathBuf::from(&file.path), file.header.clone());
        self.preview_mapping();
    }

    /// The first rows of the mapped file as the claims they make. A preview reads twenty
    /// rows: it is worked out once a change, not every frame.
    pub(super) fn preview_mapping(&mut self) {
        use crate::core::import::{ImportOptions, Input, import};
        use crate::ui::dialogs::mapping::{PREVIEW_ROWS, Preview};
        let Some(mapping) = &mut self.mapping_dialog.mapping else {
            return;
        };
        let options = ImportOptions {
            encoding: self.options.encoding,
            mapping: mapping.pairs(),
            row_limit: Some(PREVIEW_ROWS),
            ..ImportOptions::default()
        };
        let progress = crate::core::progress::Progress::default();
        let Ok(imported) = import(&[Input::file(&mapping.path)], &options, &progress) else {
            return;
        };
        let ds = &imported.dataset;
        let rows = ds
            .claims
            .iter()
            .map(|c| {
                let figure = match (ds.opt_str(c.quantity_text), c.quantity) {
                    ("", Some(q)) => q.high().map_or(format!("{}+", q.low), |h| {
                        if h == q.low {
                            h.to_string()
                        } else {
                            format!("{}–{h}", q.low)
                        }
                    }),
                    (text, _) => text.to_owned(),
                };
                [
                    c.line.to_string(),
                    ds.str(c.source).to_owned(),
                    c.kind.as_str().to_owned(),
                    figure,
                    ds.opt_str(c.location).to_owned(),
                    c.event_start.to_string(),
                ]
            })
            .collect();
        let file = &imported.report.files[0];
        let prefix = format!("{}: ", file.path);
        let problems = file
            .error
            .iter()
            .map(|e| e.strip_prefix(&prefix).unwrap_or(e).to_owned())
            .chain(file.rejected.iter().map(|r| {
                let column = r
                    .column
                    .as_deref()
                    .map_or(String::new(), |c| format!(", {c}"));
                format!("line {}{column}: {}", r.line, r.reason)
            }))
            .collect();
        mapping.preview = Preview { rows, problems };
    }

    /// Imports the open files again with the dialog's mapping, remembered for files with
    /// that header (for good when asked, else for this session).
    pub(super) fn apply_mapping(&mut self) {
        let Some(mapping) = self.mapping_dialog.mapping.take() else {
            return;
        };
        let remembered = crate::core::import::RememberedMapping {
            mapping: mapping.pairs(),
            header: mapping.header,
        };
        let list = if mapping.remember {
            &mut self.state.corrections.column_mappings
        } else {
            &mut self.options.remembered
        };
        list.retain(|r| r.header != remembered.header);
        list.push(remembered);
        let inputs = self
            .opened
            .as_ref()
            .map(|o| o.inputs.clone())
            .unwrap_or_else(|| vec![crate::core::import::Input::file(&mapping.path)]);
        let label = crate::ui::app::startup::files_label(&inputs);
        self.start_import(inputs, label);
    }
}
