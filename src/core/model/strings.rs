//! Compact storage for the text of millions of claims.
//!
//! Repeated strings (sources, outlets, places, groups) are interned once in [`Strings`] and
//! referred to by a 4-byte [`Sym`]; long one-off text (quotes) goes into a [`TextArena`] and is
//! referred to by a [`TextRef`]. Both are plain data: `Send + Sync`, cheap to share behind an `Arc`.

use std::hash::BuildHasher;
use std::num::NonZeroU32;

use hashbrown::HashTable;

/// A handle to an interned string. Resolve it with [`Strings::resolve`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(NonZeroU32);

impl Sym {
    /// A dense index (`0..Strings::len()`), for tables indexed by string.
    pub fn index(self) -> usize {
        (self.0.get() - 1) as usize
    }
}

/// Interned strings, each stored once.
#[derive(Default)]
pub struct Strings {
    text: String,
    /// End offset of each string in `text`, indexed by `Sym - 1`; each starts where the one
    /// before it ends.
    ends: Vec<u32>,
    table: HashTable<u32>,
    hasher: foldhash::fast::FixedState,
}

/// Ran out of the 4 GiB that string offsets can address.
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("more than 4 GiB of text: split the input into smaller sets")]
pub struct TextFull;

impl Strings {
    /// The handle for `s`, interning it on first sight.
    pub fn intern(&mut self, s: &str) -> Result<Sym, TextFull> {
        let hash = self.hasher.hash_one(s);
        let Self {
            text, ends, table, ..
        } = self;
        let found = table.find(hash, |&index| span_str(text, ends, index) == s);
        if let Some(&index) = found {
            return Ok(sym_from_index(index));
        }
        let end = u32::try_from(text.len() + s.len()).map_err(|_| TextFull)?;
        let index = u32::try_from(ends.len()).map_err(|_| TextFull)?;
        if index == u32::MAX {
            return Err(TextFull);
        }
        text.push_str(s);
        ends.push(end);
        let hasher = &self.hasher;
        table.insert_unique(hash, index, |&i| hasher.hash_one(span_str(text, ends, i)));
        Ok(sym_from_index(index))
    }

    /// Like [`Self::intern`], but first tries `hint`, the handle this caller got last time:
    /// consecutive rows often repeat a value (the same article, outlet, place), and comparing
    /// is cheaper than hashing.
    pub fn intern_hinted(&mut self, s: &str, hint: &mut Option<Sym>) -> Result<Sym, TextFull> {
        if let Some(sym) = *hint
            && self.resolve(sym) == s
        {
            return Ok(sym);
        }
        let sym = self.intern(s)?;
        *hint = Some(sym);
        Ok(sym)
    }

    /// The handle for `s` if it has been interned.
    pub fn get(&self, s: &str) -> Option<Sym> {
        let hash = self.hasher.hash_one(s);
        self.table
            .find(hash, |&index| span_str(&self.text, &self.ends, index) == s)
            .map(|&index| sym_from_index(index))
    }

    /// The text behind a handle made by this table.
    pub fn resolve(&self, sym: Sym) -> &str {
        span_str(&self.text, &self.ends, sym.0.get() - 1)
    }

    /// Makes room for `additional` more strings without growing the table on the way.
    pub fn reserve(&mut self, additional: usize) {
        let hasher = &self.hasher;
        let (text, ends) = (&self.text, &self.ends);
        self.table
            .reserve(additional, |&i| hasher.hash_one(span_str(text, ends, i)));
        self.ends.reserve(additional);
    }

    /// Every string with its handle, in interning order.
    pub fn iter(&self) -> impl Iterator<Item = (Sym, &str)> {
        (0..u32::try_from(self.ends.len()).unwrap_or(u32::MAX - 1))
            .map(|i| (sym_from_index(i), span_str(&self.text, &self.ends, i)))
    }

    /// How many distinct strings are held.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Bytes held, for memory reports.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * 4 + self.table.capacity() * 5
    }
}

fn sym_from_index(index: u32) -> Sym {
    // `intern` never hands out `u32::MAX`, so `index + 1` is never zero.
    Sym(NonZeroU32::MIN.saturating_add(index))
}

/// The text of string `index`.
fn span_str<'a>(text: &'a str, ends: &[u32], index: u32) -> &'a str {
    let i = index as usize;
    let start = match i.checked_sub(1) {
        Some(before) => ends.get(before).copied().unwrap_or(0),
        None => 0,
    };
    let end = ends.get(i).copied().unwrap_or(start);
    text.get(start as usize..end as usize).unwrap_or("")
}

/// A handle to text in a [`TextArena`]: 4 bytes, and the empty text costs nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TextRef(u32);

impl TextRef {
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// Slots in [`TextArena`]'s table of recent texts.
const RECENT_SLOTS: usize = 1 << 16;

/// One growing buffer for long text such as quotes and links. Each text is kept as its length
/// (LEB128) and its bytes; a [`TextRef`] is where it starts, plus one.
///
/// A text shared while it is still in the table of recent texts (one slot per hash, the
/// newest wins) is stored once. The table has a fixed size, so text that never repeats costs
/// nothing more than its bytes.
#[derive(Default)]
pub struct TextArena {
    bytes: Vec<u8>,
    /// The newest text with each hash's top bits, and its hash's low half (so that the text
    /// itself, most likely far away in memory, is read only when it is likely the same);
    /// allocated on first push.
    recent: Vec<(TextRef, u32)>,
    hasher: foldhash::fast::FixedState,
}

impl TextArena {
    /// Stores `s`.
    pub fn push(&mut self, s: &str) -> Result<TextRef, TextFull> {
        if s.is_empty() {
            return Ok(TextRef::default());
        }
        self.append(s)
    }

    /// Like [`Self::push`], but reuses `hint` (what this caller stored last) when the text is
    /// the same, and updates it: for text that repeats in runs, such as an article's link on
    /// each of its claims.
    pub fn push_hinted(&mut self, s: &str, hint: &mut TextRef) -> Result<TextRef, TextFull> {
        if !hint.is_empty() && self.bytes_of(*hint) == s.as_bytes() {
            return Ok(*hint);
        }
        let r = self.push(s)?;
        *hint = r;
        Ok(r)
    }

    /// Like [`Self::push`], but finds `s` among the recent texts if it is there: for text that
    /// repeats far apart, such as a sentence republished by several outlets.
    pub fn push_shared(&mut self, s: &str) -> Result<TextRef, TextFull> {
        if s.is_empty() {
            return Ok(TextRef::default());
        }
        if self.recent.is_empty() {
            self.recent = vec![(TextRef::default(), 0); RECENT_SLOTS];
        }
        let hash = self.hasher.hash_one(s);
        let (slot, tag) = ((hash >> 48) as usize % RECENT_SLOTS, hash as u32);
        let (seen, seen_tag) = self.recent.get(slot).copied().unwrap_or_default();
        if !seen.is_empty() && seen_tag == tag && self.bytes_of(seen) == s.as_bytes() {
            return Ok(seen);
        }
        let r = self.append(s)?;
        if let Some(recent) = self.recent.get_mut(slot) {
            *recent = (r, tag);
        }
        Ok(r)
    }

    fn append(&mut self, s: &str) -> Result<TextRef, TextFull> {
        let start = self.bytes.len();
        // A length needs at most five LEB128 bytes; the handle is the start plus one.
        let r = u32::try_from(start + 1).map_err(|_| TextFull)?;
        u32::try_from(start + 5 + s.len()).map_err(|_| TextFull)?;
        let mut len = s.len();
        while len >= 0x80 {
            self.bytes.push((len & 0x7f) as u8 | 0x80);
            len >>= 7;
        }
        self.bytes.push(len as u8);
        self.bytes.extend_from_slice(s.as_bytes());
        Ok(TextRef(r))
    }

    pub fn get(&self, r: TextRef) -> &str {
        // Only whole `&str`s go in, so the check always passes.
        std::str::from_utf8(self.bytes_of(r)).unwrap_or("")
    }

    /// Whether two handles hold the same text (the same handle, or the same bytes).
    pub fn same(&self, a: TextRef, b: TextRef) -> bool {
        a == b || self.bytes_of(a) == self.bytes_of(b)
    }

    fn bytes_of(&self, r: TextRef) -> &[u8] {
        let Some(start) = (r.0 as usize).checked_sub(1) else {
            return &[];
        };
        let mut len = 0usize;
        let mut at = start;
        for shift in (0..35).step_by(7) {
            let Some(&b) = self.bytes.get(at) else {
                return &[];
            };
            at += 1;
            len |= usize::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
        }
        self.bytes.get(at..at + len).unwrap_or(&[])
    }

    /// Drops everything from `len` bytes on, to undo a partly read file.
    pub fn truncate(&mut self, len: usize) {
        self.bytes.truncate(len);
        for (r, _) in &mut self.recent {
            if r.0 as usize > len {
                *r = TextRef::default();
            }
        }
    }

    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn heap_bytes(&self) -> usize {
        self.bytes.capacity() + self.recent.capacity() * std::mem::size_of::<(TextRef, u32)>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_returns_one_handle_per_distinct_string() {
        let mut strings = Strings::default();
        let a = strings.intern("SOHR").unwrap();
        let b = strings.intern("SANA").unwrap();
        let a2 = strings.intern("SOHR").unwrap();
        assert_eq!(a, a2);
        assert_ne!(a, b);
        assert_eq!(strings.resolve(a), "SOHR");
        assert_eq!(strings.resolve(b), "SANA");
        assert_eq!(strings.len(), 2);
        assert_eq!(strings.get("SANA"), Some(b));
        assert_eq!(strings.get("YPG"), None);
    }

    #[test]
    fn interning_survives_table_growth() {
        let mut strings = Strings::default();
        let syms: Vec<Sym> = (0..10_000)
            .map(|i| strings.intern(&format!("place {i}")).unwrap())
            .collect();
        for (i, sym) in syms.iter().enumerate() {
            assert_eq!(strings.resolve(*sym), format!("place {i}"));
            assert_eq!(strings.get(&format!("place {i}")), Some(*sym));
        }
    }

    #[test]
    fn arena_round_trips_text_including_arabic() {
        let mut arena = TextArena::default();
        let a = arena.push("at least 13 dead").unwrap();
        let b = arena.push("عين العرب").unwrap();
        let empty = arena.push("").unwrap();
        assert_eq!(arena.get(a), "at least 13 dead");
        assert_eq!(arena.get(b), "عين العرب");
        assert!(empty.is_empty());
        assert_eq!(arena.get(empty), "");
        let long = "x".repeat(300);
        let l = arena.push(&long).unwrap();
        assert_eq!(arena.get(l), long);
        assert_eq!(arena.get(a), "at least 13 dead");
    }

    #[test]
    fn arena_stores_a_repeated_text_once() {
        let mut arena = TextArena::default();
        let a = arena.push_shared("SOHR said 13 were killed").unwrap();
        let b = arena.push_shared("SANA denied it").unwrap();
        let len = arena.len();
        assert_eq!(arena.push_shared("SOHR said 13 were killed").unwrap(), a);
        assert_eq!(arena.push_shared("SANA denied it").unwrap(), b);
        assert_eq!(arena.len(), len);
        // A run of one link is stored once.
        let mut hint = TextRef::default();
        let link = arena
            .push_hinted("https://example.org/a", &mut hint)
            .unwrap();
        assert_eq!(
            arena
                .push_hinted("https://example.org/a", &mut hint)
                .unwrap(),
            link
        );
        assert_ne!(
            arena
                .push_hinted("https://example.org/b", &mut hint)
                .unwrap(),
            link
        );
        // Undoing a file forgets what it stored.
        let before = arena.len();
        let c = arena.push_shared("a third text").unwrap();
        arena.truncate(before);
        let d = arena.push_shared("a fourth").unwrap();
        assert_eq!(arena.get(d), "a fourth");
        assert_ne!(arena.push_shared("a third text").unwrap(), c);
    }
}
