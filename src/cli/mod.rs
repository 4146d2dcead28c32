//! The command line: `triangulate [FILE...]` opens the window; `check`, `analyze`, `export`
//! and `report` do the same work headless.

pub mod allocator;
mod export;
mod extract;
mod shared;

pub use shared::{DataArgs, FilterArgs};

use crate::core::parse::text::terminal_safe;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::{Deserialize, Serialize};

use crate::core::import::{ImportOptions, Input, import};
use crate::core::printers::analyze::{AnalysisJson, render_text as render_analysis};
use crate::core::printers::check::{CheckJson, render_text};
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
    #[command(flatten)]
    pub read: shared::ReadArgs,
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
    pub tab: Option<Tab>,
    /// Light or dark, instead of the remembered theme.
    #[arg(long, value_enum)]
    pub theme: Option<ThemeChoice>,
    /// The window's size in points, such as 1920x1080.
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub window_size: Option<[f32; 2]>,
    /// Open File > Extract from article… on this article's text, its claims proposed.
    #[arg(long, value_name = "TEXT")]
    pub extract: Option<PathBuf>,
    /// With --extract: the day the article was published (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", requires = "extract")]
    pub published: Option<String>,
    /// With --extract: the outlet that published it.
    #[arg(long, value_name = "NAME", requires = "extract")]
    pub outlet: Option<String>,
}

/// Light, dark, or follow the system: `--theme` names one, and the window remembers it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ValueEnum)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

/// A window size that cannot be read.
#[derive(Debug, thiserror::Error)]
enum SizeError {
    #[error("{0}: give a width and a height, such as 1920x1080")]
    NotAPair(String),
    #[error("{0}: each side a whole number from 320 to 65535")]
    Side(String),
}

/// "1920x1080" as a width and a height.
fn parse_size(s: &str) -> Result<[f32; 2], SizeError> {
    let (w, h) = s
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| SizeError::NotAPair(s.to_owned()))?;
    let number = |n: &str| {
        n.trim()
            .parse::<u16>()
            .ok()
            .filter(|&n| n >= 320)
            .map(f32::from)
            .ok_or_else(|| SizeError::Side(s.to_owned()))
    };
    Ok([number(w)?, number(h)?])
}

/// The window's central tabs, in the order it shows them: `--tab` names one, and
/// `--screenshot-dir` writes one picture of each, named as `--tab` names it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ValueEnum)]
pub enum Tab {
    #[default]
    Findings,
    Timeline,
    Map,
    Pivot,
    Events,
    Discrepancies,
    Sources,
    Claims,
    #[value(name = "import-report", alias = "report")]
    ImportReport,
}

impl Tab {
    /// Every tab, in order: the list the derive writes, so a new tab is in it.
    pub fn all() -> &'static [Self] {
        <Self as ValueEnum>::value_variants()
    }

    /// The tab's name on the command line and in file names (`import-report`).
    pub fn key(self) -> String {
        ValueEnum::to_possible_value(&self)
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default()
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Import the files and print the import report.
    Check(CheckArgs),
    /// Group claims into events, find discrepancies and score every source.
    Analyze(AnalyzeArgs),
    /// Draw a chart (SVG or PNG) or write a findings table (CSV).
    Export(export::ExportArgs),
    /// Write one self-contained HTML report: charts, discrepancies, scorecard, methodology.
    Report(export::ReportArgs),
    /// Propose claims from article text (plain text or HTML): a claims file to review and import.
    Extract(extract::ExtractArgs),
}

#[derive(Args, Debug)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Print one JSON object (settings, events, discrepancies, scorecard, claims).
    #[arg(long)]
    pub json: bool,
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
    #[command(flatten)]
    pub read: shared::ReadArgs,
}

/// What the window should open with.
#[derive(Debug, Default)]
pub struct WindowArgs {
    pub files: Vec<PathBuf>,
    pub options: ImportOptions,
    pub screenshot: Option<PathBuf>,
    pub screenshot_dir: Option<PathBuf>,
    pub tab: Option<Tab>,
    pub theme: Option<ThemeChoice>,
    pub window_size: Option<[f32; 2]>,
    pub no_restore: bool,
    pub workspace: Option<PathBuf>,
    /// An article to propose claims from, with its date and outlet.
    pub extract: Option<(PathBuf, crate::core::extract::ArticleInfo)>,
}

/// Either a finished command-line run, or the window to open.
pub enum Run {
    Done(ExitCode),
    Window(Box<WindowArgs>),
}

/// Runs a command, or says to open the window. Call it once per process: `analyze` leaves
/// its data to the system at exit instead of freeing it.
pub fn run(cli: Cli) -> Run {
    match cli.command {
        Some(Command::Check(args)) => Run::Done(check(&args)),
        Some(Command::Analyze(args)) => Run::Done(analyze(&args)),
        Some(Command::Export(args)) => Run::Done(export::export(&args)),
        Some(Command::Extract(args)) => Run::Done(extract::run(&args)),
        Some(Command::Report(args)) => Run::Done(export::report(&args)),
        None => match import_options(&cli.read) {
            Ok(options) => Run::Window(Box::new(WindowArgs {
                files: cli.files,
                options,
                screenshot: cli.screenshot,
                screenshot_dir: cli.screenshot_dir,
                tab: cli.tab,
                theme: cli.theme,
                window_size: cli.window_size,
                no_restore: cli.no_restore,
                workspace: cli.workspace,
                extract: cli.extract.map(|path| {
                    let info = crate::core::extract::ArticleInfo {
                        article_id: "pasted".to_owned(),
                        outlet: cli.outlet.unwrap_or_default(),
                        url: String::new(),
                        published: cli.published.as_deref().and_then(|d| {
                            chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok()
                        }),
                    };
                    (path, info)
                }),
            })),
            Err(code) => Run::Done(code),
        },
    }
}

fn import_options(read: &shared::ReadArgs) -> Result<ImportOptions, ExitCode> {
    read.options().map_err(|failure| {
        failure.report();
        ExitCode::from(failure.code)
    })
}

fn check(args: &CheckArgs) -> ExitCode {
    let options = match import_options(&args.read) {
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
        let text = render_text(&imported.report, &imported.dataset);
        write!(out, "{}", terminal_safe(&text))
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
    let loaded = match shared::load(&args.data, &args.filters) {
        Ok(loaded) => loaded,
        Err(failure) => {
            failure.report();
            return ExitCode::from(failure.code);
        }
    };
    let ds = &loaded.imported.dataset;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = if args.json {
        serde_json::to_writer(
            &mut out,
            &AnalysisJson {
                dataset: ds,
                analysis: &loaded.analysis,
                selection: &loaded.selection,
            },
        )
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out))
    } else {
        let text = render_analysis(ds, &loaded.analysis, &loaded.selection, args.top);
        write!(out, "{}", terminal_safe(&text))
    };
    let code = match written.and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("error: cannot write the analysis: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    };
    drop(out);
    // The process ends here: the system takes its memory back at once, where freeing a
    // million claims' shared names one by one took 30 ms.
    std::mem::forget(loaded);
    code
}
