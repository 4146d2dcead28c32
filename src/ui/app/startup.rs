//! What the window opens with: files named on the command line, the last session's, or the
//! demo data.

use std::path::PathBuf;

use crate::cli::WindowArgs;
use crate::core::import::samples::Sample;
use crate::core::import::{ImportOptions, Input};
use crate::ui::app::state::{Session, Tab, ThemeChoice};

/// What to import when the window opens.
pub struct Startup {
    pub inputs: Vec<Input>,
    pub label: String,
    pub options: ImportOptions,
    /// Open on this tab instead of the remembered one.
    pub tab: Option<Tab>,
    /// Use this theme instead of the remembered one.
    pub theme: Option<ThemeChoice>,
    /// Start from the default UI state, not the one saved last time (for repeatable
    /// screenshots).
    pub fresh_state: bool,
    /// No files were named: reopen the last session's instead of the demo, if there was one.
    pub restore: bool,
    /// An article to propose claims from at once, with its date and outlet.
    pub extract: Option<(String, crate::core::extract::ArticleInfo)>,
}

impl Startup {
    pub fn from_args(args: WindowArgs) -> Self {
        let restore = args.files.is_empty() && !args.no_restore;
        let mut startup = if args.files.is_empty() {
            Self::sample(Sample::SyntheticDemo)
        } else {
            Self::files(args.files)
        };
        startup.restore = restore;
        startup.options = args.options;
        startup.tab = args.tab;
        startup.theme = args.theme;
        startup.extract = args.extract.and_then(|(path, info)| {
            let bytes = std::fs::read(&path).ok()?;
            Some((crate::core::extract::article::article_text(&bytes), info))
        });
        startup
    }

    pub fn files(paths: Vec<PathBuf>) -> Self {
        let inputs: Vec<Input> = paths.into_iter().map(Input::file).collect();
        Self {
            label: files_label(&inputs),
            inputs,
            options: ImportOptions::default(),
            tab: None,
            theme: None,
            fresh_state: false,
            restore: false,
            extract: None,
        }
    }

    pub fn sample(sample: Sample) -> Self {
        Self {
            inputs: vec![sample.input()],
            label: sample.label().to_owned(),
            options: ImportOptions::default(),
            tab: None,
            theme: None,
            fresh_state: false,
            restore: false,
            extract: None,
        }
    }
}

pub fn files_label(inputs: &[Input]) -> String {
    let names: Vec<&str> = inputs.iter().map(Input::file_name).collect();
    match names.as_slice() {
        [one] => (*one).to_owned(),
        [first, rest @ ..] => format!("{first} and {} more", rest.len()),
        [] => "no files".to_owned(),
    }
}

/// How to reopen these inputs next time.
pub fn session_of(inputs: &[Input]) -> Session {
    let paths: Option<Vec<PathBuf>> = inputs
        .iter()
        .map(|i| i.path().map(ToOwned::to_owned))
        .collect();
    match (paths, inputs) {
        (Some(paths), _) if !paths.is_empty() => Session::Files(paths),
        (_, [one]) => Sample::ALL
            .into_iter()
            .find(|s| s.file_name() == one.file_name())
            .map_or(Session::Demo, Session::Sample),
        _ => Session::Demo,
    }
}
