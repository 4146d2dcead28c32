//! The claimants a compiled dataset cites for an event ("SOHR; VDC", "SOHR, airwars",
//! "SOHR/Waha Report", "local sources"), split into names the registry can resolve.

use super::claims::parse::strip_invisible;
use crate::core::import::registry::Registry;
use crate::core::parse::text::value_key;

/// The name given to a compiler's unnamed sources ("local sources", "activists"): one
/// claimant per event, of type `other`, never scored.
pub const UNNAMED: &str = "unnamed sources";

/// Words that, alone or with "sources", name nobody in particular.
const GENERIC: [&str; 18] = [
    "local sources",
    "local activist",
    "activist",
    "sources",
    "activists",
    "local activists",
    "residents",
    "local residents",
    "witnesses",
    "eyewitnesses",
    "medical sources",
    "military sources",
    "security sources",
    "local media",
    "media",
    "media reports",
    "officials",
    "local officials",
];

/// Whether a name as written names nobody in particular.
pub fn is_generic(name: &str) -> bool {
    let key = value_key(name);
    let key = key.strip_prefix("the ").unwrap_or(&key);
    GENERIC.contains(&key) || key.is_empty()
}

/// The claimants named in a cell, in order, each once: split on `;`, then on `,`, `/` and
/// " and " only where the registry does not know the whole string ("Heyva Sor A
/// Kurd/Kurdish Red Crescent" is one organisation). Generic ones become [`UNNAMED`], once.
pub fn claimants(cell: &str, registry: &Registry) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |name: &str| {
        let name = name
            .trim()
            .trim_matches(|c: char| c == '.' || c == '"')
            .trim();
        // A name of nothing but invisible characters names nobody.
        if name.is_empty() || strip_invisible(name).trim().is_empty() {
            return;
        }
        let name = if is_generic(name) {
            UNNAMED.to_owned()
        } else {
            registry
                .lookup(name)
                .map_or_else(|| capitalised(name), |k| k.name.clone())
        };
        if !out.contains(&name) {
            out.push(name);
        }
    };
    for part in cell.split(';') {
        split_unknown(part.trim(), registry, &mut push);
    }
    out
}

/// An unknown name written all in lower case with its first letter capitalised ("police"
/// and "Police" are one claimant); any other spelling is kept.
fn capitalised(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) if !name.chars().any(char::is_uppercase) => {
            first.to_uppercase().chain(chars).collect()
        }
        _ => name.to_owned(),
    }
}

/// Splits a name the registry does not know on `,`, `/` and " and ", as long as that helps.
fn split_unknown(part: &str, registry: &Registry, push: &mut impl FnMut(&str)) {
    if part.is_empty() {
        return;
    }
    if registry.lookup(part).is_some() || is_generic(part) {
        push(part);
        return;
    }
    for separator in [",", "/", " and ", " & "] {
        if part.contains(separator) {
            for piece in part.split(separator) {
                split_unknown(piece.trim(), registry, push);
            }
            return;
        }
    }
    push(part);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(cell: &str) -> Vec<String> {
        claimants(cell, Registry::builtin())
    }

    #[test]
    fn cited_claimants_are_split_folded_and_generic_ones_unnamed() {
        assert_eq!(names("SOHR; VDC"), ["SOHR", "VDC"]);
        assert_eq!(names("sohr, airwars"), ["SOHR", "Airwars"]);
        assert_eq!(names("SOHR/Waha Report"), ["SOHR", "Waha Report"]);
        assert_eq!(names("SOHR and airwars"), ["SOHR", "Airwars"]);
        assert_eq!(
            names("Heyva Sor A Kurd/Kurdish Red Crescent"),
            ["Kurdish Red Crescent"]
        );
        assert_eq!(names("Local sources; activists, SOHR"), [UNNAMED, "SOHR"]);
        assert_eq!(names("SOHR;SOHR"), ["SOHR"]);
        assert_eq!(names(""), Vec::<String>::new());
        // A name nobody knows is kept as written, whole when it has no separator.
        assert_eq!(names("Smart News Agency"), ["Smart News Agency"]);
    }
}
