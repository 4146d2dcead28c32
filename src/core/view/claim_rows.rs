//! The claims table as data: which rows, in which order, for a sort and a text search.
//! Rebuilt only when its key changes, never per frame.

use serde::{Deserialize, Serialize};

use crate::core::model::strings::Sym;
use crate::core::model::{Claim, Dataset};
use crate::core::view::selection::Selection;

/// A column the claims table can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SortColumn {
    #[default]
    Id,
    Source,
    Type,
    Side,
    Claim,
    Group,
    Low,
    High,
    Stance,
    Location,
    EventDate,
    Published,
    Outlet,
}

/// A sort column and direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sort {
    pub column: SortColumn,
    pub descending: bool,
}

impl Sort {
    /// Clicking a column sorts by it; clicking it again reverses the order.
    pub fn toggled(self, column: SortColumn) -> Self {
        if self.column == column {
            Self {
                column,
                descending: !self.descending,
            }
        } else {
            Self {
                column,
                descending: false,
            }
        }
    }
}

/// Indices of the claims to show, in order.
#[derive(Default)]
pub struct ClaimRows {
    key: Option<(u64, Sort, u64)>,
    pub rows: Vec<u32>,
}

impl ClaimRows {
    /// Rebuilds the rows if the data, the sort or the selection (known by its generation)
    /// changed. Returns whether it did.
    pub fn update(&mut self, ds: &Dataset, sort: Sort, selection: (u64, &Selection)) -> bool {
        let key = (ds.revision, sort, selection.0);
        if self.key == Some(key) {
            return false;
        }
        self.rows = claim_rows(ds, sort, |c| selection.1.shows(c));
        self.key = Some(key);
        true
    }
}

/// The rows of `ds` that `keep` keeps, sorted; ties keep file order.
pub fn claim_rows(ds: &Dataset, sort: Sort, keep: impl Fn(u32) -> bool) -> Vec<u32> {
    let mut rows: Vec<u32> = (0..ds.claims.len())
        .filter_map(|i| u32::try_from(i).ok())
        .filter(|&i| keep(i))
        .collect();
    if sort.column != SortColumn::Id {
        let ranks = SymRanks::new(ds);
        rows.sort_by_cached_key(|&i| {
            ds.claims
                .get(i as usize)
                .map_or(0, |c| sort_key(c, sort.column, &ranks))
        });
    }
    if sort.descending {
        rows.reverse();
    }
    rows
}

/// Alphabetical rank of every interned string, so sorting compares integers.
struct SymRanks(Vec<u32>);

impl SymRanks {
    fn new(ds: &Dataset) -> Self {
        let mut all: Vec<(Sym, &str)> = ds.strings.iter().collect();
        all.sort_by(|a, b| cmp_ignore_case(a.1, b.1));
        let mut ranks = vec![0u32; all.len()];
        for (rank, (sym, _)) in all.iter().enumerate() {
            if let Some(slot) = ranks.get_mut(sym.index()) {
                *slot = u32::try_from(rank + 1).unwrap_or(u32::MAX);
            }
        }
        Self(ranks)
    }

    fn of(&self, sym: Option<Sym>) -> u64 {
        sym.and_then(|s| self.0.get(s.index()))
            .map_or(u64::MAX, |&r| u64::from(r))
    }
}

fn cmp_ignore_case(a: &str, b: &str) -> std::cmp::Ordering {
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
        .then_with(|| a.cmp(b))
}

fn sort_key(c: &Claim, column: SortColumn, ranks: &SymRanks) -> u64 {
    let day =
        |d: chrono::NaiveDate| u64::try_from(chrono::Datelike::num_days_from_ce(&d)).unwrap_or(0);
    match column {
        SortColumn::Id => 0,
        SortColumn::Source => ranks.of(Some(c.source)),
        SortColumn::Type => c.source_type as u64,
        SortColumn::Side => ranks.of(c.side),
        SortColumn::Claim => c.kind as u64,
        SortColumn::Group => ranks.of(Some(c.group)),
        SortColumn::Low => c.quantity.map_or(u64::MAX, |q| u64::from(q.low)),
        SortColumn::High => c
            .quantity
            .map_or(u64::MAX, |q| q.high().map_or(u64::MAX - 1, u64::from)),
        SortColumn::Stance => c.stance as u64,
        SortColumn::Location => ranks.of(c.location),
        SortColumn::EventDate => {
            day(c.event_start) << 20
                | day(c.event_end)
                    .saturating_sub(day(c.event_start))
                    .min(0xF_FFFF)
        }
        SortColumn::Published => c.published.map_or(u64::MAX, |w| {
            day(w.date) << 17
                | u64::from(
                    w.time()
                        .map_or(0, |t| chrono::Timelike::num_seconds_from_midnight(&t)),
                )
        }),
        SortColumn::Outlet => ranks.of(c.outlet),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_a_column_reverses_then_resets() {
        let sort = Sort::default().toggled(SortColumn::Source);
        assert_eq!(
            sort,
            Sort {
                column: SortColumn::Source,
                descending: false
            }
        );
        assert!(sort.toggled(SortColumn::Source).descending);
        assert!(
            !sort
                .toggled(SortColumn::Source)
                .toggled(SortColumn::Low)
                .descending
        );
    }
}
