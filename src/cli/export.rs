//! `triangulate export` (a chart or a table) and `triangulate report` (one HTML file).

use crate::core::charts::Period;
use std::path::{Path, PathBuf};

use std::process::ExitCode;

use clap::Args;

use crate::cli::shared::{DataArgs, Failure, FilterArgs, Loaded, load};
use crate::core::export::figure::Provenance;
use crate::core::export::html::InputFile;
use crate::core::export::svg::Page;
use crate::core::export::tables::TableKind;
use crate::core::export::{
    ChartData, ChartKind, ChartStyle, ExportRequest, ExportTarget, caption_date, file_name, today,
};
use crate::core::files::{Overwrite, WriteError};
use crate::core::import::Input;
use crate::core::parse::dates::parse_date;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ChartArg {
    Timeline,
    Event,
    Sources,
    /// The events on the map, over Natural Earth's borders.
    Map,
    /// The claim kind's totals per period (`--period`) and source.
    Pivot,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TableArg {
    Claims,
    Discrepancies,
    Scorecard,
    /// Totals of the claim kind (`--claim`) per period, source and place.
    Pivot,
}

/// The periods of `--table pivot`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PeriodArg {
    Week,
    Month,
}

/// Where and how to write.
#[derive(Args, Debug, Clone)]
pub struct OutputArgs {
    /// The file to write.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
    /// The date the caption gives (default: today), so exports can be reproduced.
    #[arg(long, value_name = "DATE")]
    pub caption_date: Option<String>,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// The chart to draw; the format follows --out's extension (.svg or .png).
    #[arg(
        long,
        value_enum,
        required_unless_present = "table",
        conflicts_with = "table"
    )]
    pub chart: Option<ChartArg>,
    /// The table to write as CSV.
    #[arg(long, value_enum)]
    pub table: Option<TableArg>,
    /// The period of `--table pivot` and `--chart pivot`: a week (Monday to Sunday) or a calendar month.
    #[arg(long, value_enum, default_value = "month")]
    pub period: PeriodArg,
    /// The event of `--chart event`, by id (default: the event with the most claims among
    /// those the filters keep, e.g. at --place).
    #[arg(long, value_name = "ID")]
    pub event: Option<String>,
    /// Chart width in points.
    #[arg(long, default_value_t = 1200)]
    pub width: u32,
    /// Chart height in points (default 700; an event chart grows to give each claim a line).
    #[arg(long)]
    pub height: Option<u32>,
    /// Pixels per point of a PNG: 2 for print.
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    /// A dark background.
    #[arg(long)]
    pub dark: bool,
    /// Start the CSV with a byte-order mark, for Excel.
    #[arg(long)]
    pub bom: bool,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

fn finish(result: Result<String, Failure>) -> ExitCode {
    match result {
        Ok(message) => {
            eprintln!("{message}");
            ExitCode::SUCCESS
        }
        Err(failure) => {
            failure.report();
            ExitCode::from(failure.code)
        }
    }
}

fn overwrite(output: &OutputArgs) -> Overwrite {
    if output.force {
        Overwrite::Yes
    } else {
        Overwrite::No
    }
}

/// The caption's provenance: file names and the export date.
fn provenance(loaded: &Loaded, output: &OutputArgs) -> Result<Provenance, Failure> {
    let date = match &output.caption_date {
        Some(text) => parse_date(text)
            .map(|p| p.when.date)
            .map_err(|e| Failure::usage(format!("--caption-date '{text}': {e}")))?,
        None => today(),
    };
    Ok(Provenance {
        files: loaded.files.iter().map(|p| file_name(p)).collect(),
        date: caption_date(date),
        filters: String::new(),
        ..Default::default()
    })
}

fn chart_data<'a>(loaded: &'a Loaded, provenance: Provenance) -> ChartData<'a> {
    ChartData {
        dataset: &loaded.imported.dataset,
        analysis: &loaded.analysis,
        colors: &loaded.colors,
        filter: &loaded.view.filter,
        timeline: &loaded.view.timeline,
        selection: &loaded.selection,
        corrections: &loaded.corrections,
        provenance,
        page_width: crate::core::export::svg::Page::default().width,
    }
}

pub fn export(args: &ExportArgs) -> ExitCode {
    finish(run_export(args))
}

fn run_export(args: &ExportArgs) -> Result<String, Failure> {
    let out = &args.output.out;
    let period = match args.period {
        PeriodArg::Week => Period::Week,
        PeriodArg::Month => Period::Month,
    };
    let target = match (args.chart, args.table) {
        (_, Some(TableArg::Claims)) => ExportTarget::Table(TableKind::Claims),
        (_, Some(TableArg::Discrepancies)) => ExportTarget::Table(TableKind::Discrepancies),
        (_, Some(TableArg::Scorecard)) => ExportTarget::Table(TableKind::Scorecard),
        (_, Some(TableArg::Pivot)) => ExportTarget::Table(TableKind::Pivot(period)),
        (Some(ChartArg::Event), None) => ExportTarget::Chart(ChartKind::Event),
        (Some(ChartArg::Sources), None) => ExportTarget::Chart(ChartKind::Sources),
        (Some(ChartArg::Map), None) => ExportTarget::Chart(ChartKind::Map),
        (Some(ChartArg::Pivot), None) => ExportTarget::Chart(ChartKind::Pivot(period)),
        (_, None) => ExportTarget::Chart(ChartKind::Timeline),
    };
    if let ExportTarget::Chart(_) = target {
        crate::core::export::ChartFormat::of(out).map_err(Failure::usage)?;
        if !(1..=20_000).contains(&args.width)
            || !(1..=20_000).contains(&args.height.unwrap_or(700))
        {
            return Err(Failure::usage("--width and --height: from 1 to 20000"));
        }
        if !(0.1..=8.0).contains(&args.scale) {
            return Err(Failure::usage("--scale: from 0.1 to 8"));
        }
    }
    check_target(out, args.output.force)?;
    let loaded = load(&args.data, &args.filters)?;
    let data = chart_data(&loaded, provenance(&loaded, &args.output)?);
    let event = args
        .event
        .as_deref()
        .map(|id| data.event_by_id(id))
        .transpose()
        .map_err(Failure::usage)?;
    let request = ExportRequest {
        target,
        path: out.clone(),
        style: ChartStyle {
            page: Page {
                width: f64::from(args.width),
                height: f64::from(args.height.unwrap_or(700)),
                dark: args.dark,
            },
            scale: args.scale,
        },
        event,
        grow: args.height.is_none(),
        bom: args.bom,
        overwrite: overwrite(&args.output),
    };
    crate::core::export::export(&data, &[], &request).map_err(Failure::failed)
}

/// Refuses early, before any work, to replace a file without --force.
fn check_target(out: &Path, force: bool) -> Result<(), Failure> {
    if !force && out.exists() {
        return Err(Failure::failed(WriteError::Exists(out.to_owned())));
    }
    Ok(())
}

pub fn report(args: &ReportArgs) -> ExitCode {
    finish(run_report(args))
}

fn run_report(args: &ReportArgs) -> Result<String, Failure> {
    let out = &args.output.out;
    check_target(out, args.output.force)?;
    let loaded = load(&args.data, &args.filters)?;
    let data = chart_data(&loaded, provenance(&loaded, &args.output)?);
    let inputs: Vec<Input> = loaded.files.iter().map(Input::file).collect();
    let files = InputFile::list(&inputs, &loaded.imported.report);
    let request = ExportRequest {
        target: ExportTarget::Report,
        path: out.clone(),
        style: ChartStyle::default(),
        event: None,
        grow: false,
        bom: false,
        overwrite: overwrite(&args.output),
    };
    crate::core::export::export(&data, &files, &request).map_err(Failure::failed)
}
