//! Input formats: each module turns the records of one kind of file into claims, behind the
//! small [`Format`] trait. The pipeline ([`super::pipeline`]) owns the file, the encoding, the
//! threads and the progress; a format only says whether a header is its own and what each
//! record means.
//!
//! A new format is a module here with a type that implements [`Format`], and a line in
//! [`crate::core::import::builtin_formats`].

pub mod acled;
pub mod cited;
pub mod claims;
pub mod ibc;
pub mod person_list;
pub mod translate;
pub mod ucdp;

use csv::StringRecord;

use super::registry::Registry;
use super::report::{FileReport, RowError};
use chrono::NaiveDate;

use crate::core::model::strings::{TextFull, TextRef};
use crate::core::model::{Claim, ClaimKind, Dataset, FileId, SourceType, Stance};
use crate::core::parse::quantity::Quantity;
use crate::core::parse::text::header_key;

/// A file's header row, as written (a byte-order mark and outer spaces removed).
#[derive(Clone, Debug, Default)]
pub struct Header {
    pub names: Vec<String>,
}

impl Header {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            names: names
                .into_iter()
                .map(|n| n.trim_start_matches('\u{feff}').trim().to_owned())
                .collect(),
        }
    }

    /// Whether a column of this name is present (case, spaces, `_` and `-` ignored).
    pub fn has(&self, name: &str) -> bool {
        let key = header_key(name);
        self.names.iter().any(|n| header_key(n) == key)
    }
}

/// What a format's reader knows about the file it reads.
#[derive(Clone, Copy)]
pub struct FileContext {
    pub file: FileId,
    pub registry: &'static Registry,
}

/// Where a format puts what it made of the records: claims into the dataset, rejected rows
/// into the report.
pub struct Emit<'a> {
    pub ds: &'a mut Dataset,
    pub report: &'a mut FileReport,
}

/// The fields of a claim that a format fills from its records; everything else starts empty.
/// For formats whose records are not one claim each (a per-person list, a row per incident
/// with several figures).
#[derive(Clone, Debug)]
pub struct NewClaim<'a> {
    pub file: FileId,
    /// The line of the (first) record it comes from.
    pub line: u64,
    pub source: &'a str,
    pub source_type: SourceType,
    pub kind: ClaimKind,
    /// Who the figure is about; `all` when empty.
    pub group: &'a str,
    pub quantity: Option<Quantity>,
    pub location: Option<&'a str>,
    pub event_date: NaiveDate,
    pub detail: Option<&'a str>,
    /// Latitude and longitude (WGS 84 degrees), when the format gives them.
    pub coords: Option<[f32; 2]>,
}

impl Emit<'_> {
    /// Stores a claim made of `new`; a full string store rejects it as the row at its line.
    pub fn new_claim(&mut self, new: &NewClaim<'_>) {
        match self.build(new) {
            Ok(claim) => self.claim(claim),
            Err(TextFull) => self.reject(RowError {
                line: new.line,
                column: None,
                reason: TextFull.to_string(),
            }),
        }
    }

    fn build(&mut self, new: &NewClaim<'_>) -> Result<Claim, TextFull> {
        let strings = &mut self.ds.strings;
        let source = strings.intern(new.source)?;
        let group = strings.intern(if new.group.is_empty() {
            "all"
        } else {
            new.group
        })?;
        let location = new.location.map(|l| strings.intern(l)).transpose()?;
        let detail = new.detail.map(|d| strings.intern(d)).transpose()?;
        Ok(Claim {
            file: new.file,
            line: u32::try_from(new.line).unwrap_or(u32::MAX),
            part: 0,
            source,
            source_raw: source,
            source_type: new.source_type,
            side: None,
            kind: new.kind,
            group,
            quantity: new.quantity,
            quantity_text: None,
            detail,
            stance: Stance::Asserts,
            location,
            event_start: new.event_date,
            event_end: new.event_date,
            published: None,
            reported_at: None,
            outlet: None,
            article_id: TextRef::default(),
            url: TextRef::default(),
            quote: TextRef::default(),
            event_id: None,
            compiled_by: None,
            extras: None,
            point: new.coords.and_then(|c| self.ds.add_point(c)),
        })
    }

    pub fn claim(&mut self, mut claim: Claim) {
        // The claims of one record come one after another: number them.
        if let Some(last) = self.ds.claims.last()
            && last.file == claim.file
            && last.line == claim.line
            && self.report.imported > 0
        {
            claim.part = last.part.saturating_add(1);
        }
        self.ds.claims.push(claim);
        self.report.imported += 1;
    }

    pub fn reject(&mut self, error: RowError) {
        self.report.rejected.push(error);
    }
}

/// One input format.
///
/// A file is read in two stages so that the slow part runs beside the rest: [`Format::check`]
/// runs on the reader thread and needs nothing but the record; [`Format::build`] runs on the
/// importing thread and may store text in the dataset. One record may become several claims,
/// and several records one claim (kept in the builder until the group ends, or until
/// [`Format::finish`]). Every record must end as a claim, part of one, or a rejected row.
/// Why a format cannot read a file with this header.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HeaderError {
    /// A claims file without a column it needs: the column mapping dialog (or `--map`) can
    /// say which column is which.
    #[error(
        "no `{}` column; found: {}. A claims file needs the columns source, claim and \
         event_date (or published); see the CSV format in the README",
        missing.join("`/`"),
        found.join(", ")
    )]
    ClaimsColumns {
        missing: Vec<&'static str>,
        /// The file's first columns (and how many more), as the message lists them.
        found: Vec<String>,
    },
    /// A header that looks like a known format's but lacks columns that format needs.
    #[error("this looks like {format} but has no `{}` column", missing.join("`, `"))]
    FormatColumns {
        /// The format, in words ("UCDP GED").
        format: &'static str,
        missing: Vec<&'static str>,
    },
}

pub trait Format: 'static {
    /// State on the reader thread, for one file.
    type Checker: Send;
    /// What `check` hands to `build` for one record.
    type Checked: Send;
    /// State on the importing thread, for one file.
    type Builder;
    /// The name `--format` takes and reports show.
    const NAME: &'static str = "custom";
    /// What the format is, in words, for menus and listings.
    const LABEL: &'static str = "A format of the user's own";
    /// Whether the format counts rows into claims on the reader thread (a list of people), so
    /// that repeated rows must be set aside before [`Format::check`] sees them.
    const COUNTS_ROWS: bool = false;

    /// Whether a file with this header is in this format.
    fn recognises(header: &Header) -> bool;

    /// Checks the header and prepares to read the records. An error says why the file
    /// cannot be read in this format (it names the columns that are missing).
    fn open(
        header: &Header,
        context: FileContext,
        report: &mut FileReport,
    ) -> Result<(Self::Checker, Self::Builder), HeaderError>;

    /// Checks one record on the reader thread. `line` is where it starts in the file.
    fn check(
        checker: &mut Self::Checker,
        record: &StringRecord,
        line: u64,
    ) -> Result<Self::Checked, RowError>;

    /// Turns a checked record into claims (or keeps it for a claim still being built).
    fn build(
        builder: &mut Self::Builder,
        record: &StringRecord,
        line: u64,
        checked: Self::Checked,
        out: &mut Emit<'_>,
    );

    /// The file has ended: emit what is still being built and add the file's warnings.
    fn finish(builder: Self::Builder, checker: Self::Checker, out: &mut Emit<'_>);
}
