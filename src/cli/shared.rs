//! The options `analyze`, `export` and `report` share: which files (or workspace), how to
//! analyse them, and which claims to keep. A chart made in the window can be made again here
//! from its saved workspace.

use std::path::PathBuf;

use clap::Args;
use clap::builder::PossibleValuesParser;

use crate::core::analysis::Analysis;
use crate::core::analysis::places::{Gazetteer, fold_words};
use crate::core::analysis::{Aliases, Settings, analyze};
use crate::core::charts::{TimelineMode, TimelineSettings};
use crate::core::import::registry::Registry;
use crate::core::import::{ImportOptions, Imported, Input, format_names, import};
use crate::core::model::{ClaimKind, Dataset, SourceType};
use crate::core::parse::dates::parse_date;
use crate::core::parse::text::terminal_safe;
use crate::core::progress::Progress;
use crate::core::view::filter::Filter;
use crate::core::view::palette::{Rgb, source_colors};
use crate::core::view::selection::{Facets, Selection};
use crate::core::workspace::{ViewSettings, Workspace};

/// Which files, and how to analyse them.
#[derive(Args, Debug, Default, Clone)]
pub struct DataArgs {
    /// CSV files of claims (none: the files of --workspace).
    pub files: Vec<PathBuf>,
    /// A workspace saved by the window (`.triangulate.json`): its files, filters and
    /// corrections; options given here go on top.
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
    /// Claims at one place join an event within this many days of its first date.
    #[arg(long, default_value_t = 2)]
    pub window_days: u32,
    /// Figures are consistent when the gap is at most this share of the larger bound.
    #[arg(long, default_value_t = 0.10)]
    pub ratio: f64,
    /// An alias file (CSV: kind,name,means) that says which names mean the same.
    #[arg(long)]
    pub aliases: Vec<PathBuf>,
    /// Merge one event into another, by their ids: `FROM=INTO` (as `analyze` lists them).
    #[arg(long, value_name = "FROM=INTO")]
    pub merge_event: Vec<String>,
    /// Take claims out of their event into one of their own: `NEW_ID=CLAIM,CLAIM…` with claim
    /// ids as `file:line`.
    #[arg(long, value_name = "NEW_ID=CLAIMS")]
    pub split_event: Vec<String>,
}

/// How the timeline plots.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ModeArg {
    Claims,
    Daily,
    Cumulative,
}

/// The timeline's small multiples.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SplitArg {
    /// One chart.
    None,
    /// A chart per group family.
    Group,
    /// A chart per place.
    Place,
}

/// Which claims to keep; each option takes one value and may be repeated.
#[derive(Args, Debug, Default, Clone)]
pub struct FilterArgs {
    /// The timeline's mode.
    #[arg(long, value_enum)]
    pub mode: Option<ModeArg>,
    /// Plot the timeline's counts on a log scale.
    #[arg(long)]
    pub log: bool,
    /// Small multiples: a timeline chart per group family or per place.
    #[arg(long, value_enum)]
    pub split: Option<SplitArg>,
    /// Only events from this date on (any form the importer reads).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only events up to this date.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only claims about this place.
    #[arg(long)]
    pub place: Vec<String>,
    /// The claim kind the timeline charts (killed, injured …).
    #[arg(long)]
    pub claim: Vec<String>,
    /// Only claims about this group (as normalised: civilians, IS, government forces …).
    #[arg(long)]
    pub group: Vec<String>,
    /// Only claims by this source.
    #[arg(long)]
    pub source: Vec<String>,
    /// Only claims by sources of this type (monitor, state_media, government …).
    #[arg(long = "source-type", value_name = "TYPE")]
    pub source_type: Vec<String>,
    /// Only claims whose quote, source, outlet or place contains this text.
    #[arg(long)]
    pub search: Option<String>,
}

/// A failure with its exit code: 1 for no data or an unwritable file, 2 for a wrong option.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub fn usage(message: impl std::fmt::Display) -> Self {
        Self {
            code: 2,
            message: message.to_string(),
        }
    }

    pub fn failed(message: impl std::fmt::Display) -> Self {
        Self {
            code: 1,
            message: message.to_string(),
        }
    }

    /// Says the failure on standard error. Text from the data (a name, a cell) may hold
    /// control characters: they are shown escaped, never sent to the terminal.
    pub fn report(&self) {
        eprintln!("error: {}", terminal_safe(&self.message));
    }
}

/// The data, its analysis and the filter in force. Unlike the window, a command does not
/// build the findings or the facet lists it would not print (a fifth of the analysis' time
/// at a million claims); the facets are built when a place or group filter needs them.
pub struct Loaded {
    pub files: Vec<PathBuf>,
    pub imported: Imported,
    pub analysis: Analysis,
    /// Each source's colour in charts, keeping those the workspace gave before.
    pub colors: std::collections::BTreeMap<String, Rgb>,
    pub view: ViewSettings,
    pub selection: Selection,
    /// The analyst's grades, credibility, verdicts and notes, from the workspace.
    pub corrections: crate::core::workspace::Corrections,
}

pub fn import_options(
    encoding: Option<&str>,
    format: Option<&str>,
    map: &[String],
) -> Result<ImportOptions, Failure> {
    let mut options = ImportOptions::default();
    if let Some(label) = encoding {
        options.encoding = Some(crate::core::import::encoding_for_label(label).ok_or_else(
            || {
                Failure::usage(format!(
                    "unknown encoding '{label}': use a label such as utf-8, windows-1256, \
                 windows-1252, iso-8859-6"
                ))
            },
        )?);
    }
    if let Some(name) = format {
        let names = crate::core::import::format_names();
        if !names.contains(&name) {
            return Err(Failure::usage(format!(
                "unknown format '{name}': use one of {}",
                names.join(", ")
            )));
        }
        options.format = Some(name.to_owned());
    }
    for text in map {
        options
            .mapping
            .extend(ImportOptions::parse_mapping(text).map_err(Failure::usage)?);
    }
    Ok(options)
}

/// How files are read: their encoding, their format, and which column is which field.
#[derive(Args, Debug, Default, Clone)]
pub struct ReadArgs {
    /// Decode the files with this encoding instead of detecting it.
    #[arg(long)]
    pub encoding: Option<String>,
    /// Read the files in this format instead of recognising it.
    #[arg(long, value_name = "NAME", value_parser = PossibleValuesParser::new(format_names()))]
    pub format: Option<String>,
    /// Which column fills which claim field: `claim=Kind,source=Attributed to`.
    #[arg(long, value_name = "FIELD=COLUMN,…")]
    pub map: Vec<String>,
}

impl ReadArgs {
    pub fn options(&self) -> Result<ImportOptions, Failure> {
        import_options(self.encoding.as_deref(), self.format.as_deref(), &self.map)
    }
}

/// Imports, analyses and filters as the options say; warnings go to stderr.
pub fn load(data: &DataArgs, filters: &FilterArgs) -> Result<Loaded, Failure> {
    let mut options = data.read.options()?;
    let workspace = match &data.workspace {
        Some(path) => {
            let (workspace, warnings) = Workspace::load(path).map_err(Failure::usage)?;
            for w in warnings {
                eprintln!("warning: {}", terminal_safe(&w));
            }
            Some(workspace)
        }
        None => None,
    };
    if let Some(w) = &workspace {
        options
            .remembered
            .clone_from(&w.corrections.column_mappings);
    }
    let files = if data.files.is_empty() {
        workspace.as_ref().map(Workspace::paths).unwrap_or_default()
    } else {
        data.files.clone()
    };
    if files.is_empty() {
        return Err(Failure::usage(
            "no input files: name CSV files, or a --workspace that lists them",
        ));
    }
    let aliases = aliases(workspace.as_ref(), data)?;
    let settings = Settings {
        window_days: data.window_days,
        tolerance_ratio: data.ratio,
        ..Settings::default()
    };
    settings.check().map_err(Failure::usage)?;
    let inputs: Vec<Input> = files.iter().map(Input::file).collect();
    let imported = import(&inputs, &options, &Progress::default())
        .map_err(|_| Failure::failed("the import was cancelled"))?;
    for failed in imported.report.failed_files() {
        eprintln!(
            "error: {}",
            terminal_safe(failed.error.as_deref().unwrap_or(""))
        );
    }
    let rejected = imported.report.rejected();
    if rejected > 0 {
        eprintln!("warning: {rejected} row(s) rejected; `triangulate check` lists them");
    }
    if imported.dataset.claims.is_empty() {
        return Err(Failure::failed("no claims were imported"));
    }
    let analysis = analyze(&imported.dataset, &settings, &aliases);
    for unmade in &analysis.unmade_edits {
        eprintln!("warning: {}", terminal_safe(unmade));
    }
    let corrections = workspace
        .as_ref()
        .map(|w| w.corrections.clone())
        .unwrap_or_default();
    let mut view = workspace.map(|w| w.filter).unwrap_or_default();
    let colors = source_colors(&analysis, &corrections.source_colors);
    apply_filters(&mut view, filters, &imported.dataset, &analysis, &aliases)?;
    let selection = Selection::new(&imported.dataset, Some(&analysis), &view.filter);
    Ok(Loaded {
        files,
        imported,
        analysis,
        colors,
        view,
        selection,
        corrections,
    })
}

/// Puts the command line's filters into `view`, checking each name against the data.
fn apply_filters(
    view: &mut ViewSettings,
    args: &FilterArgs,
    ds: &Dataset,
    analysis: &Analysis,
    aliases: &Aliases,
) -> Result<(), Failure> {
    apply_timeline(&mut view.timeline, args)?;
    let filter = &mut view.filter;
    let date = |text: &Option<String>, what: &str| -> Result<_, Failure> {
        text.as_deref()
            .map(|t| {
                parse_date(t)
                    .map(|p| p.when.date)
                    .map_err(|e| Failure::usage(format!("--{what} '{t}': {e}")))
            })
            .transpose()
    };
    if let Some(from) = date(&args.from, "from")? {
        filter.from = Some(from);
    }
    if let Some(to) = date(&args.to, "to")? {
        filter.to = Some(to);
    }
    apply_names(filter, args, ds, analysis, aliases)
}

/// The timeline's mode, scale and claim kind.
fn apply_timeline(timeline: &mut TimelineSettings, args: &FilterArgs) -> Result<(), Failure> {
    if let Some(mode) = args.mode {
        timeline.mode = match mode {
            ModeArg::Claims => TimelineMode::Claims,
            ModeArg::Daily => TimelineMode::Daily,
            ModeArg::Cumulative => TimelineMode::Cumulative,
        };
    }
    timeline.log |= args.log;
    if let Some(split) = args.split {
        timeline.split = match split {
            SplitArg::Group => crate::core::charts::TimelineSplit::Group,
            SplitArg::Place => crate::core::charts::TimelineSplit::Place,
            SplitArg::None => crate::core::charts::TimelineSplit::None,
        };
    }
    match args.claim.as_slice() {
        [] => Ok(()),
        [one] => {
            timeline.kind = ClaimKind::parse(one)
                .filter(|k| k.is_numeric())
                .ok_or_else(|| {
                    Failure::usage(format!(
                        "--claim '{one}': not a claim kind with figures (killed, injured, \
                         captured, missing, displaced …)"
                    ))
                })?;
            Ok(())
        }
        _ => Err(Failure::usage(
            "--claim: the timeline charts one claim kind at a time",
        )),
    }
}

/// Places, groups, sources, source types and the search, each name checked against the data.
fn apply_names(
    filter: &mut Filter,
    args: &FilterArgs,
    ds: &Dataset,
    analysis: &Analysis,
    aliases: &Aliases,
) -> Result<(), Failure> {
    if !args.place.is_empty() || !args.group.is_empty() {
        let facets = Facets::new(ds, analysis);
        for place in &args.place {
            filter.places.insert(find_place(place, &facets, aliases)?);
        }
        for group in &args.group {
            filter
                .groups
                .insert(find_name("--group", group, &facets.groups)?);
        }
    }
    if !args.source.is_empty() {
        let known: Vec<(String, usize)> = analysis
            .scorecard
            .iter()
            .map(|s| (s.source.clone(), s.claims))
            .collect();
        let mut keep = std::collections::BTreeSet::new();
        for source in &args.source {
            let named = aliases.source(source);
            let named = Registry::builtin()
                .lookup(named)
                .map_or(named, |k| k.name.as_str());
            keep.insert(find_name("--source", named, &known)?);
        }
        filter.hidden_sources = known
            .into_iter()
            .map(|(name, _)| name)
            .filter(|name| !keep.contains(name))
            .collect();
    }
    if !args.source_type.is_empty() {
        let mut keep = Vec::new();
        for t in &args.source_type {
            keep.push(SourceType::parse(t).ok_or_else(|| {
                let all: Vec<&str> = SourceType::ALL.iter().map(|t| t.as_str()).collect();
                Failure::usage(format!(
                    "--source-type '{t}': use one of {}",
                    all.join(", ")
                ))
            })?);
        }
        filter.hidden_types = SourceType::ALL
            .into_iter()
            .filter(|t| !keep.contains(t))
            .collect();
    }
    if let Some(search) = &args.search {
        filter.search.clone_from(search);
    }
    Ok(())
}

/// A place as the data names it: as written, in another spelling the gazetteer knows, or by
/// the user's aliases.
fn find_place(written: &str, facets: &Facets, aliases: &Aliases) -> Result<String, Failure> {
    if let Ok(name) = find_name("--place", written, &facets.places) {
        return Ok(name);
    }
    let gazetteer = Gazetteer::builtin();
    let resolved = gazetteer.resolve(written, &aliases.places);
    if let Some(name) = gazetteer.name(&resolved.key)
        && let Ok(name) = find_name("--place", name, &facets.places)
    {
        return Ok(name);
    }
    find_name("--place", written, &facets.places)
}

/// The name in `names` that `written` means, ignoring case, accents and articles.
fn find_name(option: &str, written: &str, names: &[(String, usize)]) -> Result<String, Failure> {
    let key = fold_words(written).concat();
    names
        .iter()
        .find(|(name, _)| fold_words(name).concat() == key)
        .map(|(name, _)| name.clone())
        .ok_or_else(|| {
            let some: Vec<&str> = names.iter().take(12).map(|(n, _)| n.as_str()).collect();
            let more = names.len().saturating_sub(some.len());
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            Failure::usage(format!(
                "{option} '{written}': no claims name it; the data has {}{more}",
                some.join(", ")
            ))
        })
}

/// `--split-event` and `--merge-event`, on top of the workspace's own edits.
/// The workspace's corrections and the alias files, with the event edits given.
fn aliases(workspace: Option<&Workspace>, data: &DataArgs) -> Result<Aliases, Failure> {
    let mut aliases = workspace
        .map(|w| w.corrections.aliases())
        .unwrap_or_default();
    for path in &data.aliases {
        aliases.extend(Aliases::from_path(path).map_err(Failure::usage)?);
    }
    // A loop may also close between the workspace's merges and an alias file.
    if let Some(cycle) = aliases.cycles().into_iter().next() {
        return Err(Failure::usage(format!(
            "{cycle}: names that rename each other round a loop would swap who said what; \
             say which name each one means"
        )));
    }
    event_edits(data, &mut aliases.events)?;
    Ok(aliases)
}

fn event_edits(
    data: &DataArgs,
    edits: &mut crate::core::analysis::EventEdits,
) -> Result<(), Failure> {
    let pair = |text: &str, option: &str| -> Result<(String, String), Failure> {
        match text.split_once('=') {
            Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
                Ok((a.trim().to_owned(), b.trim().to_owned()))
            }
            _ => Err(Failure::usage(format!(
                "--{option} '{text}' is not of the form {}",
                if option == "merge-event" {
                    "FROM=INTO"
                } else {
                    "NEW_ID=CLAIM,CLAIM…"
                }
            ))),
        }
    };
    for text in &data.split_event {
        let (label, claims) = pair(text, "split-event")?;
        for claim in claims.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            edits.splits.insert(claim.to_owned(), label.clone());
        }
    }
    for text in &data.merge_event {
        edits.merges.push(pair(text, "merge-event")?);
    }
    Ok(())
}
