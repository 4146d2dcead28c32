//! What an import did with every row: the import report.

use serde::Serialize;

/// A row that did not become a claim, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowError {
    pub line: u64,
    /// The header of the offending column; `None` when the row as a whole is wrong.
    pub column: Option<String>,
    pub reason: String,
}

impl RowError {
    /// A row with more or fewer cells than its header: its cells cannot be told apart.
    pub fn wrong_width(line: u64, cells: usize, width: usize) -> Self {
        Self {
            line,
            column: None,
            reason: format!("row has {cells} fields, the header has {width}"),
        }
    }
}

/// A row identical to one imported before it, kept once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    pub line: u64,
    pub of_file: String,
    pub of_line: u64,
}

/// Which column was read as which field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ColumnUse {
    pub field: &'static str,
    pub column: String,
}

/// The outcome for one input file.
#[derive(Clone, Debug, Default, Serialize)]
pub struct FileReport {
    /// The path as given (or the name of embedded data).
    pub path: String,
    /// Data rows read, not counting the header.
    pub rows: u64,
    /// Claims made of the rows (one a row for article extractions, several for a compiled
    /// event that cites several claimants).
    pub imported: u64,
    /// Rows counted into a claim that stands for several rows (a list of the dead, one row a
    /// person, counted per day and place).
    pub counted: u64,
    pub rejected: Vec<RowError>,
    pub duplicates: Vec<Duplicate>,
    pub warnings: Vec<String>,
    /// Why the file could not be read at all.
    pub error: Option<String>,
    pub encoding: String,
    pub delimiter: String,
    /// The import format that read it (`claims`, `ucdp`, `acled`, `ibc`, `person_list`).
    pub format: &'static str,
    pub columns: Vec<ColumnUse>,
    pub extra_columns: Vec<String>,
    /// The header as read (after a `sep=` line), for choosing a column mapping.
    pub header: Vec<String>,
    /// The file lacks a required column: a column mapping (`--map`, the window's dialog)
    /// would read it.
    pub needs_mapping: bool,
}

impl FileReport {
    pub fn new(path: &str) -> Self {
        Self {
            path: path.to_owned(),
            ..Self::default()
        }
    }

    /// Which column was read as which field: `source`, or `source = 'Claimant'` when the
    /// header differs from the field's name.
    pub fn column_mapping(&self) -> String {
        let columns: Vec<String> = self
            .columns
            .iter()
            .map(|c| {
                if c.field == c.column {
                    c.field.to_owned()
                } else {
                    format!("{} = '{}'", c.field, c.column)
                }
            })
            .collect();
        columns.join(", ")
    }

    /// What became of the file's rows, in a few words: "27 rows: 26 imported, 1 rejected, 0
    /// duplicates"; rows that made several claims each, or were counted into a list's claims,
    /// say so ("5880 rows: 5880 imported as 21446 claims, …").
    pub fn counts(&self) -> String {
        let rows_imported = self.rows_imported();
        let imported = if self.counted > 0 {
            format!(
                "{rows_imported} imported, {} counted into {} claims",
                self.counted, self.imported
            )
        } else if rows_imported == self.imported {
            format!("{rows_imported} imported")
        } else {
            format!("{rows_imported} imported as {} claims", self.imported)
        };
        format!(
            "{} rows: {imported}, {} rejected, {} duplicates",
            self.rows,
            self.rejected.len(),
            self.duplicates.len()
        )
    }

    /// Every row is accounted for: imported, rejected or a duplicate (for formats that make
    /// one claim of each row).
    pub fn is_balanced(&self) -> bool {
        self.imported + self.rejected.len() as u64 + self.duplicates.len() as u64 == self.rows
    }

    /// Rows that made at least one claim: all rows but the rejected, the duplicate and those
    /// counted into a list's claims.
    pub fn rows_imported(&self) -> u64 {
        self.rows
            .saturating_sub(self.counted)
            .saturating_sub(self.rejected.len() as u64)
            .saturating_sub(self.duplicates.len() as u64)
    }
}

/// The outcome of importing a set of files.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ImportReport {
    pub files: Vec<FileReport>,
}

impl ImportReport {
    pub fn imported(&self) -> u64 {
        self.files.iter().map(|f| f.imported).sum()
    }

    pub fn rejected(&self) -> usize {
        self.files.iter().map(|f| f.rejected.len()).sum()
    }

    pub fn duplicates(&self) -> usize {
        self.files.iter().map(|f| f.duplicates.len()).sum()
    }

    pub fn failed_files(&self) -> impl Iterator<Item = &FileReport> {
        self.files.iter().filter(|f| f.error.is_some())
    }

    /// The totals, each in a few words: claims and files, rejected rows, duplicate rows,
    /// unreadable files. The report, `check` and the status bar join them as they need.
    pub fn totals(&self) -> [String; 4] {
        [
            format!(
                "{} claims from {} file(s)",
                self.imported(),
                self.files.len()
            ),
            format!("{} rejected row(s)", self.rejected()),
            format!("{} duplicate row(s)", self.duplicates()),
            format!("{} unreadable file(s)", self.failed_files().count()),
        ]
    }
}
