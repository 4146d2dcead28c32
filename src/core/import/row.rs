//! The one place where a raw CSV record becomes a validated [`Claim`] or a [`RowError`].

use std::collections::HashMap;

use csv::StringRecord;

use super::columns::{ColumnMap, Field};
use super::report::RowError;
use crate::core::dates::{DateError, ParsedDate, Reading, When, parse_date, parse_span};
use crate::core::model::{Claim, ClaimKind, Dataset, EXTRA_SEPARATOR, FileId, SourceType, Stance};
use crate::core::quantity::{Qualifier, Quantity, from_bounds, parse_bound, parse_quantity};
use crate::core::registry::Registry;
use crate::core::strings::{Sym, TextFull};
use crate::core::text::clip;

/// How a claimant name as written resolves, cached per distinct spelling.
#[derive(Clone, Copy)]
struct ResolvedSource {
    raw: Sym,
    canonical: Sym,
    source_type: SourceType,
    side: Option<Sym>,
}

/// A claim's free-text fields.
struct Texts {
    location: Option<Sym>,
    detail: Option<Sym>,
    outlet: Option<Sym>,
    article_id: Option<Sym>,
    url: Option<Sym>,
    event_id: Option<Sym>,
    quote: crate::core::strings::TextRef,
    extras: Option<Sym>,
}

/// Counts of numeric dates read with a caveat, for the file's warnings.
#[derive(Default, Debug)]
pub struct DateNotes {
    pub ambiguous: u64,
    pub first_ambiguous: Option<(u64, String)>,
    pub month_first: u64,
    pub first_month_first: Option<(u64, String)>,
}

/// Turns the records of one file into claims.
pub struct RowReader<'a> {
    map: &'a ColumnMap,
    file: FileId,
    registry: &'a Registry,
    sources: HashMap<Sym, ResolvedSource>,
    all_group: Option<Sym>,
    /// The handle each field's column gave last, indexed by `Field::index` (extras last).
    recent: [Option<Sym>; Field::ALL.len() + 1],
    pub dates: DateNotes,
}

type RowResult<T> = Result<T, RowError>;

impl<'a> RowReader<'a> {
    pub fn new(map: &'a ColumnMap, file: FileId, registry: &'a Registry) -> Self {
        Self {
            map,
            file,
            registry,
            sources: HashMap::new(),
            all_group: None,
            recent: [None; Field::ALL.len() + 1],
            dates: DateNotes::default(),
        }
    }

    fn cell<'r>(&self, record: &'r StringRecord, field: Field) -> Option<&'r str> {
        let value = trim(record.get(self.map.column(field)?)?);
        (!value.is_empty()).then_some(value)
    }

    fn error(&self, line: u64, field: Field, reason: impl Into<String>) -> RowError {
        RowError {
            line,
            column: self.map.header(field).map(str::to_owned),
            reason: reason.into(),
        }
    }

    /// Validates one record. `line` is where the record starts in its file.
    pub fn claim(
        &mut self,
        record: &StringRecord,
        line: u64,
        ds: &mut Dataset,
    ) -> RowResult<Claim> {
        let width = self.map.headers.len();
        if record.len() != width {
            return Err(RowError {
                line,
                column: None,
                reason: format!("row has {} fields, the header has {width}", record.len()),
            });
        }
        if record.as_slice().trim().is_empty() {
            return Err(RowError {
                line,
                column: None,
                reason: "row is empty".to_owned(),
            });
        }
        let full = |_: TextFull| RowError {
            line,
            column: None,
            reason: TextFull.to_string(),
        };
        let source_raw = self.cell(record, Field::Source).ok_or_else(|| {
            self.error(
                line,
                Field::Source,
                "source is empty: every claim needs a claimant",
            )
        })?;
        let kind = self.kind(record, line)?;
        let (quantity, quantity_text) = self.quantity(record, line, kind)?;
        let (event_start, event_end, published, reported_at) = self.dates(record, line)?;
        let stance = match self.cell(record, Field::Stance) {
            None => Stance::Asserts,
            Some(s) => Stance::parse(s).ok_or_else(|| {
                self.error(
                    line,
                    Field::Stance,
                    format!("stance '{}' is not asserts or denies", clip(s, 40)),
                )
            })?,
        };
        let source = self.source(record, line, source_raw, ds)?;
        let group = match self.cell(record, Field::Group) {
            Some(g) => self.intern(Field::Group, g, ds).map_err(full)?,
            None => self.all_group(ds).map_err(full)?,
        };
        let texts = self.texts(record, line, ds)?;
        let quantity_text = match quantity_text {
            Some(text) => Some(self.intern(Field::Count, text, ds).map_err(full)?),
            None => None,
        };
        Ok(Claim {
            file: self.file,
            line: u32::try_from(line).unwrap_or(u32::MAX),
            source: source.canonical,
            source_raw: source.raw,
            source_type: source.source_type,
            side: source.side,
            kind,
            group,
            quantity,
            quantity_text,
            detail: texts.detail,
            stance,
            location: texts.location,
            event_start,
            event_end,
            published,
            reported_at,
            outlet: texts.outlet,
            article_id: texts.article_id,
            url: texts.url,
            quote: texts.quote,
            event_id: texts.event_id,
            extras: texts.extras,
        })
    }

    /// The free-text fields: interned when they repeat (places, outlets), the quote in the
    /// arena.
    fn texts(&mut self, record: &StringRecord, line: u64, ds: &mut Dataset) -> RowResult<Texts> {
        let full = |_: TextFull| RowError {
            line,
            column: None,
            reason: TextFull.to_string(),
        };
        let mut intern = |field: Field| -> RowResult<Option<Sym>> {
            match self.cell(record, field) {
                Some(v) => self.intern(field, v, ds).map(Some).map_err(full),
                None => Ok(None),
            }
        };
        let texts = Texts {
            location: intern(Field::Location)?,
            detail: intern(Field::Detail)?,
            outlet: intern(Field::Outlet)?,
            article_id: intern(Field::ArticleId)?,
            url: intern(Field::Url)?,
            event_id: intern(Field::EventId)?,
            quote: ds
                .texts
                .push(self.cell(record, Field::Quote).unwrap_or(""))
                .map_err(full)?,
            extras: self.extras(record, ds).map_err(full)?,
        };
        Ok(texts)
    }

    fn kind(&self, record: &StringRecord, line: u64) -> RowResult<ClaimKind> {
        let text = self.cell(record, Field::Claim).ok_or_else(|| {
            self.error(
                line,
                Field::Claim,
                "claim is empty: say what is claimed (killed, injured, control …)",
            )
        })?;
        ClaimKind::parse(text).ok_or_else(|| {
            self.error(
                line,
                Field::Claim,
                format!(
                    "claim '{}' is not a kind I know: use killed, injured, captured, missing, \
                     displaced, control, origin, responsibility or other (dead, wounded, \
                     detained … are read too)",
                    clip(text, 40)
                ),
            )
        })
    }

    /// The figure: explicit `low`/`high` win over `count`; a `qualifier` column names the
    /// qualifier when given.
    fn quantity<'r>(
        &self,
        record: &'r StringRecord,
        line: u64,
        kind: ClaimKind,
    ) -> RowResult<(Option<Quantity>, Option<&'r str>)> {
        let count_text = self.cell(record, Field::Count);
        let bound = |field: Field| -> RowResult<Option<u32>> {
            self.cell(record, field)
                .map(|text| {
                    parse_bound(text)
                        .map_err(|e| self.error(line, field, format!("{} {e}", field.name())))
                })
                .transpose()
        };
        let (low, high) = (bound(Field::Low)?, bound(Field::High)?);
        let bounds_text = count_text.unwrap_or("");
        let mut quantity = match from_bounds(low, high, bounds_text) {
            Some(result) => Some(result.map_err(|e| self.error(line, Field::Low, e.to_string()))?),
            None => match count_text {
                Some(text) => match parse_quantity(text) {
                    Ok(q) => Some(q),
                    Err(e) if kind.is_numeric() => {
                        return Err(self.error(line, Field::Count, e.to_string()));
                    }
                    Err(_) => None,
                },
                None => None,
            },
        };
        if let (Some(q), Some(text)) = (quantity.as_mut(), self.cell(record, Field::Qualifier)) {
            q.qualifier = Qualifier::parse(text).ok_or_else(|| {
                self.error(
                    line,
                    Field::Qualifier,
                    format!(
                        "qualifier '{}' is not one of exact, at_least, more_than, at_most, \
                         about, range, vague",
                        clip(text, 40)
                    ),
                )
            })?;
        }
        if kind.is_numeric() && quantity.is_none() {
            let column = if self.map.has_count() {
                Field::Count
            } else {
                Field::Claim
            };
            return Err(self.error(
                line,
                column,
                format!(
                    "a '{}' claim needs a count (or low/high); none is given",
                    kind.as_str()
                ),
            ));
        }
        Ok((quantity, count_text))
    }

    /// `(event_start, event_end, published, reported_at)`.
    fn dates(
        &mut self,
        record: &StringRecord,
        line: u64,
    ) -> RowResult<(
        chrono::NaiveDate,
        chrono::NaiveDate,
        Option<When>,
        Option<When>,
    )> {
        let published = self.date(record, line, Field::Published)?;
        let reported_at = self.date(record, line, Field::ReportedAt)?.or(published);
        let span = match self.cell(record, Field::EventDate) {
            Some(text) => {
                let (a, b) =
                    parse_span(text).map_err(|e| self.date_error(line, Field::EventDate, &e))?;
                self.note(line, text, a);
                if b != a {
                    self.note(line, text, b);
                }
                Some((a.when.date, b.when.date))
            }
            None => {
                let start = self.date(record, line, Field::DateStart)?;
                let end = self.date(record, line, Field::DateEnd)?;
                match (start, end) {
                    (Some(s), Some(e)) if e.date < s.date => {
                        return Err(self.error(
                            line,
                            Field::DateEnd,
                            format!("date_end {} is before date_start {}", e.date, s.date),
                        ));
                    }
                    (Some(s), e) => Some((s.date, e.unwrap_or(s).date)),
                    (None, Some(e)) => Some((e.date, e.date)),
                    (None, None) => None,
                }
            }
        };
        let (start, end) = match (span, published) {
            (Some(span), _) => span,
            (None, Some(p)) => (p.date, p.date),
            (None, None) => {
                let field = if self.map.column(Field::EventDate).is_some() {
                    Field::EventDate
                } else {
                    Field::Published
                };
                return Err(self.error(line, field, "no date: fill event_date or published"));
            }
        };
        Ok((start, end, published, reported_at))
    }

    fn date(&mut self, record: &StringRecord, line: u64, field: Field) -> RowResult<Option<When>> {
        let Some(text) = self.cell(record, field) else {
            return Ok(None);
        };
        let parsed = parse_date(text).map_err(|e| self.date_error(line, field, &e))?;
        self.note(line, text, parsed);
        Ok(Some(parsed.when))
    }

    fn date_error(&self, line: u64, field: Field, e: &DateError) -> RowError {
        self.error(line, field, format!("{}: {e}", field.name()))
    }

    fn note(&mut self, line: u64, text: &str, parsed: ParsedDate) {
        let notes = &mut self.dates;
        match parsed.reading {
            Reading::Certain => {}
            Reading::AmbiguousDayFirst => {
                notes.ambiguous += 1;
                notes
                    .first_ambiguous
                    .get_or_insert_with(|| (line, text.to_owned()));
            }
            Reading::MonthFirst => {
                notes.month_first += 1;
                notes
                    .first_month_first
                    .get_or_insert_with(|| (line, text.to_owned()));
            }
        }
    }

    fn source(
        &mut self,
        record: &StringRecord,
        line: u64,
        written: &str,
        ds: &mut Dataset,
    ) -> RowResult<ResolvedSource> {
        let full = |_: TextFull| RowError {
            line,
            column: None,
            reason: TextFull.to_string(),
        };
        let raw = self.intern(Field::Source, written, ds).map_err(full)?;
        let mut resolved = match self.sources.get(&raw) {
            Some(r) => *r,
            None => {
                let known = self.registry.lookup(written);
                let r = ResolvedSource {
                    raw,
                    canonical: match known {
                        Some(k) => ds.strings.intern(&k.name).map_err(full)?,
                        None => raw,
                    },
                    source_type: known.map_or(SourceType::Other, |k| k.source_type),
                    side: match known.and_then(|k| k.side.as_deref()) {
                        Some(side) => Some(ds.strings.intern(side).map_err(full)?),
                        None => None,
                    },
                };
                self.sources.insert(raw, r);
                r
            }
        };
        if let Some(text) = self.cell(record, Field::SourceType) {
            resolved.source_type = SourceType::parse(text).ok_or_else(|| {
                self.error(
                    line,
                    Field::SourceType,
                    format!(
                        "source_type '{}' is not one of monitor, state_media, government, \
                         combatant, independent_media, analyst, other",
                        clip(text, 40)
                    ),
                )
            })?;
        }
        if let Some(text) = self.cell(record, Field::Side) {
            let no_side = ["none", "-", "n/a"].iter().any(|n| n.eq_ignore_ascii_case(text));
            resolved.side = if no_side {
                None
            } else {
                Some(ds.strings.intern(text).map_err(full)?)
            };
        }
        Ok(resolved)
    }

    fn all_group(&mut self, ds: &mut Dataset) -> Result<Sym, TextFull> {
        if let Some(sym) = self.all_group {
            return Ok(sym);
        }
        let sym = ds.strings.intern("all")?;
        self.all_group = Some(sym);
        Ok(sym)
    }

    fn intern(&mut self, field: Field, value: &str, ds: &mut Dataset) -> Result<Sym, TextFull> {
        ds.strings.intern_hinted(value, &mut self.recent[field.index()])
    }

    fn extras(&mut self, record: &StringRecord, ds: &mut Dataset) -> Result<Option<Sym>, TextFull> {
        let extras = &self.map.extras;
        if extras
            .iter()
            .all(|&i| record.get(i).is_none_or(|v| v.trim().is_empty()))
        {
            return Ok(None);
        }
        if let [only] = extras.as_slice() {
            let value = record.get(*only).unwrap_or("").trim();
            let slot = &mut self.recent[Field::ALL.len()];
            return ds.strings.intern_hinted(value, slot).map(Some);
        }
        let mut joined = String::new();
        for (n, &i) in extras.iter().enumerate() {
            if n > 0 {
                joined.push(EXTRA_SEPARATOR);
            }
            joined.push_str(record.get(i).unwrap_or("").trim());
        }
        let slot = &mut self.recent[Field::ALL.len()];
        ds.strings.intern_hinted(&joined, slot).map(Some)
    }
}

/// `str::trim`, with a fast answer for the usual cell that starts and ends with a visible
/// ASCII character.
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}
