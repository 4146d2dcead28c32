//! The command line: `triangulate [FILE...]` opens the window, `triangulate check` reports.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::core::analysis::output::{AnalysisJson, render_text as render_analysis};
use crate::core::analysis::{Aliases, Settings, analyze as analyze_dataset};
use crate::core::check::{CheckJson, render_text};
use crate::core::import::{ImportOptions, Input, encoding_for_label, import};
use crate::core::progress::Progress;

#[derive(Parser, Debug)]
#[command(
    name = "triangulate",
    version,
    about = "Compare what the sources of a war claim, event by event."
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// CSV files to open in the window (the synthetic demo data when none is given).
    pub files: Vec<PathBuf>,
    /// Decode the files with this encoding (windows-1256, windows-1252, iso-8859-6 …).
    #[arg(long)]
    pub encoding: Option<String>,
    /// Render the window once, save a PNG screenshot here and quit.
    #[arg(long, value_name = "PNG")]
    pub screenshot: Option<PathBuf>,
    /// Show each tab in turn, save `timeline.png`, `events.png`, … in this folder and quit.
    #[arg(long, value_name = "DIR")]
    pub screenshot_dir: Option<PathBuf>,
    /// Open this workspace file (files, filter, corrections).
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
    /// Do not reopen the files of the last session; start from the demo data.
    #[arg(long)]
    pub no_restore: bool,
    /// The tab to open with.
    #[arg(long, value_enum)]
    pub tab: Option<StartTab>,
}

/// A tab named on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StartTab {
    Timeline,
    Events,
    Discrepancies,
    Sources,
    Claims,
    Report,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Import the files and print the import report.
    Check(CheckArgs),
    /// Group claims into events, find discrepancies and score every source.
    Analyze(AnalyzeArgs),
}

#[derive(Args, Debug)]
pub struct AnalyzeArgs {
    /// CSV files of claims.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Print one JSON object (settings, events, discrepancies, scorecard, claims).
    #[arg(long)]
    pub json: bool,
    /// Claims at one place join an event within this many days of its first date.
    #[arg(long, default_value_t = 2)]
    pub window_days: u32,
    /// Figures are consistent when the gap is at most this share of the larger bound.
    #[arg(long, default_value_t = 0.10)]
    pub ratio: f64,
    /// An alias file (CSV: kind,name,means) that says which names mean the same.
    #[arg(long)]
    pub aliases: Vec<PathBuf>,
    /// Decode the files with this encoding instead of detecting it.
    #[arg(long)]
    pub encoding: Option<String>,
    /// How many discrepancies and events the text report lists.
    #[arg(long, default_value_t = 40)]
    pub top: usize,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// CSV files of claims.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Print one JSON object (files, claims, sources) instead of text.
    #[arg(long)]
    pub json: bool,
    /// Decode the files with this encoding instead of detecting it.
    #[arg(long)]
    pub encoding: Option<String>,
}

/// What the window should open with.
#[derive(Debug, Default)]
pub struct WindowArgs {
    pub files: Vec<PathBuf>,
    pub options: ImportOptions,
    pub screenshot: Option<PathBuf>,
    pub screenshot_dir: Option<PathBuf>,
    pub tab: Option<StartTab>,
    pub no_restore: bool,
    pub workspace: Option<PathBuf>,
}

/// Either a finished command-line run, or the window to open.
pub enum Run {
    Done(ExitCode),
    Window(WindowArgs),
}

pub fn run(cli: Cli) -> Run {
    match cli.command {
        Some(Command::Check(args)) => Run::Done(check(&args)),
        Some(Command::Analyze(args)) => Run::Done(analyze(&args)),
        None => match import_options(cli.encoding.as_deref()) {
            Ok(options) => Run::Window(WindowArgs {
                files: cli.files,
                options,
                screenshot: cli.screenshot,
                screenshot_dir: cli.screenshot_dir,
                tab: cli.tab,
                no_restore: cli.no_restore,
                workspace: cli.workspace,
            }),
            Err(code) => Run::Done(code),
        },
    }
}

fn import_options(encoding: Option<&str>) -> Result<ImportOptions, ExitCode> {
    let Some(label) = encoding else {
        return Ok(ImportOptions::default());
    };
    match encoding_for_label(label) {
        Some(encoding) => Ok(ImportOptions {
            encoding: Some(encoding),
        }),
        None => {
            eprintln!(
                "error: unknown encoding '{label}': use a label such as utf-8, windows-1256, \
                 windows-1252, iso-8859-6"
            );
            Err(ExitCode::from(2))
        }
    }
}

fn check(args: &CheckArgs) -> ExitCode {
    let options = match import_options(args.encoding.as_deref()) {
        Ok(options) => options,
        Err(code) => return code,
    };
    let inputs: Vec<Input> = args.files.iter().map(Input::file).collect();
    let Ok(imported) = import(&inputs, &options, &Progress::default()) else {
        eprintln!("error: the import was cancelled");
        return ExitCode::FAILURE;
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = if args.json {
        let doc = CheckJson {
            report: &imported.report,
            dataset: &imported.dataset,
        };
        serde_json::to_writer(&mut out, &doc)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        write!(out, "{}", render_text(&imported.report, &imported.dataset))
    };
    if let Err(e) = written.and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("error: cannot write the report: {e}");
        return ExitCode::FAILURE;
    }
    if imported.report.imported() > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn analyze(args: &AnalyzeArgs) -> ExitCode {
    let options = match import_options(args.encoding.as_deref()) {
        Ok(options) => options,
        Err(code) => return code,
    };
    let mut aliases = Aliases::default();
    for path in &args.aliases {
        match Aliases::from_path(path) {
            Ok(more) => {
                aliases.places.extend(more.places);
                aliases.sources.extend(more.sources);
                aliases.groups.extend(more.groups);
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let settings = Settings {
        window_days: args.window_days,
        tolerance_ratio: args.ratio,
        ..Settings::default()
    };
    let inputs: Vec<Input> = args.files.iter().map(Input::file).collect();
    let Ok(imported) = import(&inputs, &options, &Progress::default()) else {
        eprintln!("error: the import was cancelled");
        return ExitCode::FAILURE;
    };
    for failed in imported.report.failed_files() {
        eprintln!("error: {}", failed.error.as_deref().unwrap_or(""));
    }
    let rejected = imported.report.rejected();
    if rejected > 0 {
        eprintln!("warning: {rejected} row(s) rejected; `triangulate check` lists them");
    }
    let ds = &imported.dataset;
    let analysis = analyze_dataset(ds, &settings, &aliases);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = if args.json {
        serde_json::to_writer(
            &mut out,
            &AnalysisJson {
                dataset: ds,
                analysis: &analysis,
            },
        )
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out))
    } else {
        write!(out, "{}", render_analysis(ds, &analysis, args.top))
    };
    if let Err(e) = written.and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("error: cannot write the analysis: {e}");
        return ExitCode::FAILURE;
    }
    if ds.claims.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
