//! Names that mean the same place: a built-in gazetteer (`assets/gazetteer.csv`) with aliases
//! in Latin and Arabic script and each place's parent, plus folding for places it does not
//! know.

use std::collections::HashMap;
use std::sync::OnceLock;

const GAZETTEER_CSV: &str = include_str!("../../../assets/gazetteer.csv");

/// A place the gazetteer knows.
#[derive(Clone, Debug)]
pub struct KnownPlace {
    pub id: String,
    pub name: String,
    pub parent: Option<usize>,
}

/// Where a claim's location resolves to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKey {
    /// An index into the gazetteer.
    Known(usize),
    /// A place the gazetteer does not know, by its folded name.
    Unknown(String),
}

/// A location as resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub key: PlaceKey,
    /// The text named a known place inside a description ("a village south of Kobane").
    pub approximate: bool,
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<KnownPlace>,
    by_key: HashMap<String, usize>,
    /// The longest alias in words, to bound the search inside descriptions.
    max_words: usize,
}

impl Gazetteer {
    pub fn builtin() -> &'static Self {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(|| Self::from_csv(GAZETTEER_CSV).unwrap_or_default())
    }

    pub fn from_csv(text: &str) -> Result<Self, String> {
        let mut g = Self::default();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let mut parents: Vec<String> = Vec::new();
        let mut ids: HashMap<String, usize> = HashMap::new();
        for (row, record) in reader.records().enumerate() {
            let record = record.map_err(|e| format!("gazetteer row {}: {e}", row + 2))?;
            let field = |i: usize| record.get(i).unwrap_or("").trim();
            let index = g.places.len();
            ids.insert(field(0).to_owned(), index);
            parents.push(field(3).to_owned());
            g.places.push(KnownPlace {
                id: field(0).to_owned(),
                name: field(1).to_owned(),
                parent: None,
            });
            for name in [field(1)].into_iter().chain(field(4).split('|')) {
                let words = fold_words(name);
                if words.is_empty() {
                    continue;
                }
                g.max_words = g.max_words.max(words.len());
                g.by_key.entry(words.concat()).or_insert(index);
            }
        }
        for (place, parent) in g.places.iter_mut().zip(&parents) {
            if !parent.is_empty() {
                place.parent = Some(
                    *ids.get(parent)
                        .ok_or_else(|| format!("unknown parent '{parent}'"))?,
                );
            }
        }
        Ok(g)
    }

    pub fn place(&self, index: usize) -> Option<&KnownPlace> {
        self.places.get(index)
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Resolves a location as written; `extra` are the user's aliases (folded name → place
    /// name as written), tried first.
    pub fn resolve(&self, written: &str, extra: &HashMap<String, String>) -> Resolved {
        let words = fold_words(written);
        let whole = words.concat();
        if let Some(target) = extra.get(&whole) {
            return self.resolve(target, &HashMap::new());
        }
        if let Some(&i) = self.by_key.get(&whole) {
            return Resolved {
                key: PlaceKey::Known(i),
                approximate: false,
            };
        }
        // A description that names a known place: the longest run of words that is one,
        // unless the description names another place the gazetteer does not know ("Dara
        // district, Panjshir province" is not Daraa): a name is never guessed.
        let names = proper_names(written);
        for len in (1..=self.max_words.min(words.len())).rev() {
            for window in words.windows(len) {
                if let Some(&i) = self.by_key.get(&window.concat()) {
                    let unexplained = names.iter().any(|n| {
                        !window.contains(n)
                            && !self.by_key.contains_key(n)
                            && !GENERIC_PLACE.contains(&n.as_str())
                    });
                    if unexplained {
                        continue;
                    }
                    return Resolved {
                        key: PlaceKey::Known(i),
                        approximate: true,
                    };
                }
            }
        }
        Resolved {
            key: PlaceKey::Unknown(whole),
            approximate: false,
        }
    }

    /// Whether `outer` is `inner` or one of its ancestors.
    pub fn contains(&self, outer: &PlaceKey, inner: &PlaceKey) -> bool {
        if outer == inner {
            return true;
        }
        let (PlaceKey::Known(outer), PlaceKey::Known(inner)) = (outer, inner) else {
            return false;
        };
        let mut at = *inner;
        for _ in 0..16 {
            match self.places.get(at).and_then(|p| p.parent) {
                Some(parent) if parent == *outer => return true,
                Some(parent) => at = parent,
                None => return false,
            }
        }
        false
    }

    /// The canonical name of a resolved place, or `None` for an unknown one.
    pub fn name(&self, key: &PlaceKey) -> Option<&str> {
        match key {
            PlaceKey::Known(i) => self.places.get(*i).map(|p| p.name.as_str()),
            PlaceKey::Unknown(_) => None,
        }
    }
}

/// A name reduced to comparable words: lower case, Latin diacritics and Arabic vowel marks
/// removed, alef forms folded, the articles `al-`, `ar-`, `as-`, `el-` … and `ال` dropped.
/// Words of a place description that are usually capitalised but name no place.
const GENERIC_PLACE: [&str; 24] = [
    "idp",
    "un",
    "unrwa",
    "province",
    "state",
    "district",
    "governorate",
    "city",
    "camp",
    "north",
    "south",
    "east",
    "west",
    "near",
    "outskirts",
    "outside",
    "village",
    "town",
    "area",
    "region",
    "northern",
    "southern",
    "eastern",
    "western",
];

/// The folded words of a description written with a capital letter: the names in it ("a
/// village near Tal Abyad, Raqqa province" names Tal, Abyad and Raqqa).
pub fn proper_names(written: &str) -> Vec<String> {
    written
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .flat_map(fold_words)
        .filter(|w| {
            w.chars().count() > 2
                && !PARTIES.contains(&w.as_str())
                && !GENERIC_PLACE.contains(&w.as_str())
        })
        .collect()
}

/// Capitalised names of armed groups that turn up in place descriptions ("IS attacked from
/// Jarablus"): not places.
const PARTIES: [&str; 6] = ["isis", "isil", "daesh", "ypg", "sdf", "fsa"];

pub fn fold_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, words: &mut Vec<String>| {
        if !word.is_empty() {
            let w = std::mem::take(word);
            let w = match w.strip_prefix("ال") {
                Some(rest) if rest.chars().count() >= 2 => rest.to_owned(),
                _ => w,
            };
            if !ARTICLES.contains(&w.as_str()) {
                words.push(w);
            }
        }
    };
    for c in name.chars().flat_map(char::to_lowercase) {
        match fold_char(c) {
            Fold::Keep(c) => word.push(c),
            Fold::Drop => {}
            Fold::Break => flush(&mut word, &mut words),
        }
    }
    flush(&mut word, &mut words);
    words
}

const ARTICLES: [&str; 12] = [
    "al", "ar", "as", "el", "an", "ad", "at", "az", "ash", "ath", "the", "of",
];

enum Fold {
    Keep(char),
    Drop,
    Break,
}

fn fold_char(c: char) -> Fold {
    let plain = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ş' | 'ś' | 'š' | 'ṣ' => 's',
        'ğ' => 'g',
        'ḥ' => 'h',
        'ṭ' => 't',
        'ḍ' => 'd',
        'ẓ' | 'ž' => 'z',
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        '\'' | '’' | 'ʿ' | 'ʾ' | '`' => return Fold::Drop,
        '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}' => return Fold::Drop,
        c if c.is_alphanumeric() => c,
        _ => return Fold::Break,
    };
    Fold::Keep(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> PlaceKey {
        Gazetteer::builtin().resolve(name, &HashMap::new()).key
    }

    #[test]
    fn the_embedded_gazetteer_parses() {
        let g = Gazetteer::from_csv(GAZETTEER_CSV).unwrap();
        assert_eq!(g.len(), GAZETTEER_CSV.lines().count() - 1);
    }

    #[test]
    fn spellings_of_one_place_resolve_together() {
        let kobane = key("Kobane");
        for name in [
            "Kobani",
            "Kobanê",
            "Ayn al-Arab",
            "Ain al-Arab",
            "عين العرب",
            "KOBANE",
        ] {
            assert_eq!(key(name), kobane, "{name}");
        }
        let hasaka = key("Hasaka");
        for name in ["Hasakah", "Al-Hasakah", "الحسكة", "al hasakah"] {
            assert_eq!(key(name), hasaka, "{name}");
        }
        let raqqa = key("Raqqa");
        for name in ["Raqaa", "Ar-Raqqah", "الرقة"] {
            assert_eq!(key(name), raqqa, "{name}");
        }
        assert_eq!(key("Palmyra"), key("Tadmur"));
        assert_ne!(key("Kobane"), key("Hasaka"));
    }

    #[test]
    fn descriptions_resolve_approximately() {
        let g = Gazetteer::builtin();
        let r = g.resolve("a village south of Kobane", &HashMap::new());
        assert_eq!(r.key, key("Kobane"));
        assert!(r.approximate);
        assert_eq!(g.resolve("near Manbij", &HashMap::new()).key, key("Manbij"));
        assert!(!g.resolve("Kobane", &HashMap::new()).approximate);
    }

    #[test]
    fn unknown_places_fold_prefixes_and_diacritics() {
        assert_eq!(key("Al-Qaryatayn"), key("Qaryatayn"));
        assert_eq!(key("Tell Şimşek"), key("tell simsek"));
    }

    #[test]
    fn containment_follows_parents() {
        let g = Gazetteer::builtin();
        assert!(g.contains(&key("Raqqa province"), &key("Tal Abyad")));
        assert!(g.contains(&key("Syria"), &key("Kobane")));
        assert!(!g.contains(&key("Tal Abyad"), &key("Raqqa province")));
        assert!(!g.contains(&key("Aleppo Governorate"), &key("Tal Abyad")));
    }

    #[test]
    fn user_aliases_win() {
        let mut extra = HashMap::new();
        extra.insert(fold_words("Kobani canton").concat(), "Kobane".to_owned());
        let r = Gazetteer::builtin().resolve("Kobani Canton", &extra);
        assert_eq!(r.key, key("Kobane"));
    }
}
