//! Matching a file's header to the claim fields.

use crate::core::parse::text::header_key;
use crate::core::parse::text::unguard;

/// A claim field that a CSV column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Source,
    SourceType,
    Side,
    Claim,
    Group,
    Count,
    Low,
    High,
    Best,
    Qualifier,
    Detail,
    Stance,
    Location,
    EventDate,
    DateStart,
    DateEnd,
    EventId,
    Published,
    ReportedAt,
    Outlet,
    ArticleId,
    Url,
    Quote,
    Latitude,
    Longitude,
    CompiledBy,
}

impl Field {
    pub const ALL: [Self; 26] = [
        Self::Source,
        Self::SourceType,
        Self::Side,
        Self::Claim,
        Self::Group,
        Self::Count,
        Self::Low,
        Self::High,
        Self::Best,
        Self::Qualifier,
        Self::Detail,
        Self::Stance,
        Self::Location,
        Self::EventDate,
        Self::DateStart,
        Self::DateEnd,
        Self::EventId,
        Self::Published,
        Self::ReportedAt,
        Self::Outlet,
        Self::ArticleId,
        Self::Url,
        Self::Quote,
        Self::Latitude,
        Self::Longitude,
        Self::CompiledBy,
    ];

    /// The columns of a claims table as Triangulate writes one (the export's claims table,
    /// an extraction's file), in order, each under its canonical name: where the claim was
    /// published, the claim itself (the fields up to its date, in the order above), then what
    /// ties it to an event, a compiler, its words and a point. A period's start and end are
    /// written as one `event_date`.
    pub const WRITTEN: [Self; 24] = {
        const PUBLISHED: [Field; 5] = [
            Field::ArticleId,
            Field::Outlet,
            Field::Published,
            Field::ReportedAt,
            Field::Url,
        ];
        const CLAIM: usize = Field::EventDate as usize + 1;
        const REST: [Field; 5] = [
            Field::EventId,
            Field::CompiledBy,
            Field::Quote,
            Field::Latitude,
            Field::Longitude,
        ];
        let mut written = [Field::Source; 24];
        let mut i = 0;
        while i < written.len() {
            written[i] = if i < PUBLISHED.len() {
                PUBLISHED[i]
            } else if i < PUBLISHED.len() + CLAIM {
                Field::ALL[i - PUBLISHED.len()]
            } else {
                REST[i - PUBLISHED.len() - CLAIM]
            };
            i += 1;
        }
        written
    };

    /// The canonical column name, as documented in the README.
    pub const fn name(self) -> &'static str {
        self.names()[0]
    }

    /// Every header that means this field; the first is the canonical name. Matching ignores
    /// case, spaces, `_` and `-`.
    pub const fn names(self) -> &'static [&'static str] {
        match self {
            Self::Source => &[
                "source",
                "claimant",
                "attributed_to",
                "source_name",
                "said_by",
            ],
            Self::SourceType => &[
                "source_type",
                "claimant_type",
                "source_kind",
                "source_category",
            ],
            Self::Side => &["side", "source_side", "affiliation", "allegiance"],
            Self::Claim => &["claim", "kind", "claim_type", "metric", "claim_kind"],
            Self::Group => &["group", "victims", "victim_group", "party", "victim_type"],
            Self::Count => &[
                "count",
                "number",
                "figure",
                "value",
                "quantity",
                "quantity_text",
            ],
            Self::Low => &["low", "min", "minimum", "low_estimate"],
            Self::High => &["high", "max", "maximum", "high_estimate"],
            Self::Best => &["best", "best_estimate", "point_estimate"],
            Self::Qualifier => &["qualifier", "precision"],
            Self::Detail => &["detail", "details", "content"],
            Self::Stance => &["stance", "polarity"],
            Self::Location => &["location", "place", "town", "city", "village", "where"],
            Self::EventDate => &["event_date", "date", "incident_date", "event_day"],
            Self::DateStart => &["date_start", "start_date", "period_start", "from_date"],
            Self::DateEnd => &["date_end", "end_date", "period_end", "to_date"],
            Self::EventId => &["event_id", "event"],
            Self::Published => &[
                "published",
                "published_at",
                "publication_date",
                "pub_date",
                "date_published",
            ],
            Self::ReportedAt => &["reported_at", "reported", "statement_date", "claimed_at"],
            Self::Outlet => &["outlet", "publisher", "media", "publication", "newspaper"],
            Self::ArticleId => &["article_id", "article"],
            Self::Url => &["url", "link", "article_url"],
            Self::Quote => &["quote", "excerpt", "snippet", "text", "statement"],
            Self::Latitude => &["latitude", "lat"],
            Self::Longitude => &["longitude", "lon", "lng", "long"],
            Self::CompiledBy => &["compiled_by", "compiler"],
        }
    }

    fn matches(self, key: &str) -> bool {
        self.names().iter().any(|n| header_key(n) == key)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// Which column fills which field, and which columns are kept as extras.
#[derive(Clone, Debug, Default)]
pub struct ColumnMap {
    columns: [Option<usize>; Field::ALL.len()],
    /// The header as written, one entry per column.
    pub headers: Vec<String>,
    /// Columns that fill no field, kept as extra columns.
    pub extras: Vec<usize>,
    /// A column that means a field already taken by an earlier column.
    pub shadowed: Vec<(usize, Field)>,
    /// Columns an export writes from the analysis (credibility …): worked out again, not read.
    pub derived: Vec<usize>,
}

/// Columns the claims table export writes from the analysis, not from the claim.
pub const DERIVED_COLUMNS: [&str; 5] = [
    "credibility",
    "credibility_suggested",
    "credibility_set_by",
    "analyst_verdict",
    "analyst_note",
];

impl ColumnMap {
    pub fn from_headers<'a>(headers: impl IntoIterator<Item = &'a str>) -> Self {
        let mut map = Self::default();
        for (i, header) in headers.into_iter().enumerate() {
            let header = unguard(header.trim_start_matches('\u{feff}').trim());
            map.headers.push(header.to_owned());
            let key = header_key(header);
            if DERIVED_COLUMNS.iter().any(|d| header_key(d) == key) {
                map.derived.push(i);
                continue;
            }
            match Field::ALL.into_iter().find(|f| f.matches(&key)) {
                Some(field) if map.columns[field.index()].is_none() => {
                    map.columns[field.index()] = Some(i);
                }
                Some(field) => {
                    map.shadowed.push((i, field));
                    map.extras.push(i);
                }
                None => map.extras.push(i),
            }
        }
        map
    }

    /// The column that fills `field`.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns[field.index()]
    }

    /// The header of the column that fills `field`.
    pub fn header(&self, field: Field) -> Option<&str> {
        self.column(field)
            .and_then(|i| self.headers.get(i))
            .map(String::as_str)
    }

    /// `(field, header)` for every field that was found, in field order.
    pub fn used(&self) -> impl Iterator<Item = (Field, &str)> {
        Field::ALL
            .into_iter()
            .filter_map(|f| self.header(f).map(|h| (f, h)))
    }

    /// The extra columns' names, each once: a name the header repeats (`notes,notes`) is
    /// numbered from its second column on (`notes (2)`), so that no column hides another.
    pub fn extra_headers(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::with_capacity(self.extras.len());
        for name in self.extras.iter().filter_map(|&i| self.headers.get(i)) {
            let mut unique = name.clone();
            let mut n = 1;
            while names.contains(&unique) {
                n += 1;
                unique = format!("{name} ({n})");
            }
            names.push(unique);
        }
        names
    }

    /// What is missing for this header to describe claims, if anything.
    pub fn missing_required(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        for field in [Field::Source, Field::Claim] {
            if self.column(field).is_none() {
                missing.push(field.name());
            }
        }
        let has_date = [Field::EventDate, Field::DateStart, Field::Published]
            .into_iter()
            .any(|f| self.column(f).is_some());
        if !has_date {
            missing.push("event_date or published");
        }
        missing
    }

    pub fn has_count(&self) -> bool {
        [Field::Count, Field::Low, Field::High]
            .into_iter()
            .any(|f| self.column(f).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_map_to_fields_whatever_the_spelling() {
        let map = ColumnMap::from_headers([
            "Claimant",
            "Kind",
            "Date",
            "Place",
            "Victims",
            "Number",
            "MIN",
            "max",
            "Publisher",
            "Excerpt",
            "Source-Side",
            "Attributed To",
        ]);
        assert_eq!(map.header(Field::Source), Some("Claimant"));
        assert_eq!(map.header(Field::Claim), Some("Kind"));
        assert_eq!(map.header(Field::EventDate), Some("Date"));
        assert_eq!(map.header(Field::Location), Some("Place"));
        assert_eq!(map.header(Field::Group), Some("Victims"));
        assert_eq!(map.header(Field::Count), Some("Number"));
        assert_eq!(map.header(Field::Low), Some("MIN"));
        assert_eq!(map.header(Field::High), Some("max"));
        assert_eq!(map.header(Field::Outlet), Some("Publisher"));
        assert_eq!(map.header(Field::Quote), Some("Excerpt"));
        assert_eq!(map.header(Field::Side), Some("Source-Side"));
        // A second column for a taken field is kept as an extra, not dropped.
        assert_eq!(map.shadowed, vec![(11, Field::Source)]);
        assert_eq!(map.extra_headers(), vec!["Attributed To".to_owned()]);
        assert!(map.missing_required().is_empty());
    }

    #[test]
    fn more_aliases() {
        let map = ColumnMap::from_headers([
            "incident_date",
            "town",
            "attributed_to",
            "claim_type",
            "victim_group",
            "figure",
            "media",
            "snippet",
            "affiliation",
            "city",
        ]);
        assert_eq!(map.header(Field::EventDate), Some("incident_date"));
        assert_eq!(map.header(Field::Location), Some("town"));
        assert_eq!(map.header(Field::Source), Some("attributed_to"));
        assert_eq!(map.header(Field::Claim), Some("claim_type"));
        assert_eq!(map.header(Field::Group), Some("victim_group"));
        assert_eq!(map.header(Field::Count), Some("figure"));
        assert_eq!(map.header(Field::Outlet), Some("media"));
        assert_eq!(map.header(Field::Quote), Some("snippet"));
        assert_eq!(map.header(Field::Side), Some("affiliation"));
        for (headers, field) in [(
            ["metric", "party", "value", "excerpt"],
            [Field::Claim, Field::Group, Field::Count, Field::Quote],
        )] {
            let map = ColumnMap::from_headers(headers);
            for (h, f) in headers.iter().zip(field) {
                assert_eq!(map.header(f), Some(*h));
            }
        }
    }

    #[test]
    fn unknown_columns_are_extras_and_required_ones_are_reported() {
        let map = ColumnMap::from_headers(["id", "year", "side_a", "deaths"]);
        assert_eq!(map.extras, vec![0, 1, 2, 3]);
        assert_eq!(
            map.missing_required(),
            vec!["source", "claim", "event_date or published"]
        );
        let published_only = ColumnMap::from_headers(["source", "claim", "published"]);
        assert!(published_only.missing_required().is_empty());
        assert!(!published_only.has_count());
    }

    #[test]
    fn a_repeated_extra_column_keeps_both() {
        let map = ColumnMap::from_headers(["source", "claim", "event_date", "notes", "notes"]);
        assert_eq!(map.extra_headers(), ["notes", "notes (2)"]);
    }
}
