//! Where a checked record becomes a [`Claim`]: its source resolved and its text stored.
//! Together with [`crate::core::import::format::claims::parse`], the one place where a raw record becomes a validated
//! `Claim` or a [`RowError`].

use std::borrow::Cow;
use std::collections::HashMap;

use csv::StringRecord;

use crate::core::import::format::claims::columns::{ColumnMap, Field};
use crate::core::import::format::claims::parse::{Parsed, cell, strip_invisible};
use crate::core::import::registry::Registry;
use crate::core::import::report::RowError;
use crate::core::model::strings::{Sym, TextFull, TextRef};
use crate::core::model::{Claim, Dataset, EXTRA_SEPARATOR, FileId, SourceType};

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
    article_id: TextRef,
    url: TextRef,
    event_id: Option<Sym>,
    compiled_by: Option<Sym>,
    quote: TextRef,
    extras: Option<Sym>,
}

/// Turns the records of one file into claims.
pub struct RowReader {
    map: ColumnMap,
    file: FileId,
    registry: &'static Registry,
    sources: HashMap<Sym, ResolvedSource, foldhash::fast::FixedState>,
    all_group: Option<Sym>,
    /// The handle each field's column gave last, indexed by `Field::index` (extras last).
    recent: [Option<Sym>; Field::ALL.len() + 1],
    /// The last article id and link stored, to store a run of equal ones once.
    recent_text: [TextRef; 2],
    /// Names that held invisible or direction control characters: how many, and the first
    /// line.
    pub invisible: (u64, Option<u64>),
}

type RowResult<T> = Result<T, RowError>;

impl RowReader {
    pub fn new(map: ColumnMap, file: FileId, registry: &'static Registry) -> Self {
        Self {
            map,
            file,
            registry,
            sources: HashMap::default(),
            all_group: None,
            recent: [None; Field::ALL.len() + 1],
            recent_text: [TextRef::default(); 2],
            invisible: (0, None),
        }
    }

    /// A name cell without invisible and direction control characters, counted when it had
    /// some.
    fn name<'r>(
        &mut self,
        record: &'r StringRecord,
        field: Field,
        line: u64,
    ) -> Option<Cow<'r, str>> {
        let value = self.cell(record, field)?;
        let clean = strip_invisible(value);
        if matches!(clean, Cow::Owned(_)) {
            self.invisible.0 += 1;
            self.invisible.1.get_or_insert(line);
        }
        Some(clean).filter(|c| !c.trim().is_empty())
    }

    fn cell<'r>(&self, record: &'r StringRecord, field: Field) -> Option<&'r str> {
        cell(&self.map, record, field)
    }

    /// Completes a record that [`RowParser::parse`] accepted: resolves the source and
    /// stores the text. `line` is where the record starts in its file.
    pub fn claim(
        &mut self,
        record: &StringRecord,
        line: u64,
        parsed: Parsed,
        ds: &mut Dataset,
    ) -> RowResult<Claim> {
        let full = |_: TextFull| RowError {
            line,
            column: None,
            reason: TextFull.to_string(),
        };
        let Some(source_raw) = self.name(record, Field::Source, line) else {
            return Err(RowError {
                line,
                column: self.map.header(Field::Source).map(str::to_owned),
                reason: "source is empty once invisible characters are removed".to_owned(),
            });
        };
        let Parsed {
            kind,
            quantity,
            event_start,
            event_end,
            published,
            reported_at,
            stance,
            source_type,
            coords,
        } = parsed;
        let quantity_text = self.cell(record, Field::Count);
        let source = self.source(record, line, &source_raw, source_type, ds)?;
        let group = match self.name(record, Field::Group, line) {
            Some(g) => self.intern(Field::Group, &g, ds).map_err(full)?,
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
            part: 0,
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
            compiled_by: texts.compiled_by,
            extras: texts.extras,
            point: coords.and_then(|c| ds.add_point(c)),
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
        let location = self.name(record, Field::Location, line);
        let outlet = self.name(record, Field::Outlet, line);
        let mut intern = |field: Field, value: Option<&str>| -> RowResult<Option<Sym>> {
            match value.or_else(|| self.cell(record, field)) {
                Some(v) => self.intern(field, v, ds).map(Some).map_err(full),
                None => Ok(None),
            }
        };
        let mut texts = Texts {
            location: intern(Field::Location, location.as_deref())?,
            detail: intern(Field::Detail, None)?,
            outlet: intern(Field::Outlet, outlet.as_deref())?,
            article_id: TextRef::default(),
            url: TextRef::default(),
            event_id: intern(Field::EventId, None)?,
            compiled_by: intern(Field::CompiledBy, None)?,
            // A sentence quoted by several claims is stored once while it is recent.
            quote: ds
                .texts
                .push_shared(self.cell(record, Field::Quote).unwrap_or(""))
                .map_err(full)?,
            extras: self.extras(record, ds).map_err(full)?,
        };
        for (field, slot) in [
            (Field::ArticleId, &mut texts.article_id),
            (Field::Url, &mut texts.url),
        ] {
            let value = self.cell(record, field).unwrap_or("");
            let hint = &mut self.recent_text[usize::from(field == Field::Url)];
            *slot = ds.texts.push_hinted(value, hint).map_err(full)?;
        }
        Ok(texts)
    }

    fn source(
        &mut self,
        record: &StringRecord,
        line: u64,
        written: &str,
        source_type: Option<SourceType>,
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
        if let Some(source_type) = source_type {
            resolved.source_type = source_type;
        }
        if let Some(text) = self.cell(record, Field::Side) {
            let no_side = ["none", "-", "n/a"]
                .iter()
                .any(|n| n.eq_ignore_ascii_case(text));
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
        ds.strings
            .intern_hinted(value, &mut self.recent[field.index()])
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
            let value = super::parse::trim(record.get(*only).unwrap_or(""));
            let slot = &mut self.recent[Field::ALL.len()];
            return ds.strings.intern_hinted(value, slot).map(Some);
        }
        let mut joined = String::new();
        for (n, &i) in extras.iter().enumerate() {
            if n > 0 {
                joined.push(EXTRA_SEPARATOR);
            }
            joined.push_str(super::parse::trim(record.get(i).unwrap_or("")));
        }
        let slot = &mut self.recent[Field::ALL.len()];
        ds.strings.intern_hinted(&joined, slot).map(Some)
    }
}
