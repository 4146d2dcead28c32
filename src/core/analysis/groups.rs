//! Who a figure is about, normalised: "IS fighters", "jihadists", "Daesh" are one party;
//! "government troops and allied militia" are government forces; "people" and blank are all.
//! Groups form a hierarchy (children ⊂ civilians ⊂ all; policemen ⊂ security forces ⊂
//! government forces): a figure is compared with figures for the same group, and a part with
//! its wholes only to see whether it exceeds them. No group is folded into its parent.

use std::collections::HashMap;

use crate::core::analysis::places::fold_words;

pub const ALL: &str = "all";
pub const CIVILIANS: &str = "civilians";
pub const CHILDREN: &str = "children";
pub const WOMEN: &str = "women";
pub const WOMEN_AND_CHILDREN: &str = "women and children";
pub const MEDICAL_STAFF: &str = "medical staff";
pub const JOURNALISTS: &str = "journalists";
pub const POLICEMEN: &str = "policemen";
pub const SECURITY_FORCES: &str = "security forces";
pub const GOVERNMENT_FORCES: &str = "government forces";

/// Every group that is part of a larger one, with that larger group. A group not listed is
/// part of `all` only; the user's alias file adds more (`group,Name,parent`).
const PARENTS: [(&str, &str); 9] = [
    (CHILDREN, CIVILIANS),
    (WOMEN, CIVILIANS),
    (WOMEN_AND_CHILDREN, CIVILIANS),
    (MEDICAL_STAFF, CIVILIANS),
    (JOURNALISTS, CIVILIANS),
    (CIVILIANS, ALL),
    (POLICEMEN, SECURITY_FORCES),
    (SECURITY_FORCES, GOVERNMENT_FORCES),
    (GOVERNMENT_FORCES, ALL),
];

/// The group a normalised group is part of (`all` for every group but `all` itself).
pub fn parent(group: &str) -> Option<&'static str> {
    if group == ALL {
        return None;
    }
    Some(
        PARENTS
            .iter()
            .find(|(part, _)| *part == group)
            .map_or(ALL, |(_, whole)| whole),
    )
}

/// The family a group belongs to: the largest group under `all` that holds it (children and
/// women are civilians; police are government forces); `all` is its own.
pub fn family(group: &str) -> &str {
    let mut at = group;
    for _ in 0..8 {
        match parent(at) {
            Some(ALL) | None => return at,
            Some(up) => at = up,
        }
    }
    at
}

/// Whether `part` is `whole` or lies inside it.
pub fn is_part_of(part: &str, whole: &str) -> bool {
    let mut at = Some(part);
    for _ in 0..8 {
        match at {
            Some(g) if g == whole => return true,
            Some(g) => at = parent(g),
            None => return false,
        }
    }
    false
}

/// Whether a group is civilians or a part of them.
pub fn is_civilian(group: &str) -> bool {
    is_part_of(group, CIVILIANS)
}

/// Whether a group as written is people who fight: a party's fighters, troops, militants,
/// "terrorists", gunmen, mercenaries, or a party itself.
pub fn is_combatant(group: &str) -> bool {
    if group == ALL || is_civilian(group) {
        return false;
    }
    let words = fold_words(group);
    let fighting = [
        "fighters",
        "fighter",
        "militants",
        "militant",
        "terrorists",
        "terrorist",
        "gunmen",
        "insurgents",
        "insurgent",
        "mercenaries",
        "soldiers",
        "troops",
        "rebels",
        "jihadists",
    ];
    words.iter().any(|w| fighting.contains(&w.as_str()))
        || is_part_of(group, GOVERNMENT_FORCES)
        || group == "IS"
}

/// Civilians, or the part of them a group as written names.
fn civilian_group(has: &impl Fn(&str) -> bool) -> Option<&'static str> {
    let children = has("children") || has("child") || has("minors") || has("kids");
    let women = has("women") || has("woman");
    Some(if women && children {
        WOMEN_AND_CHILDREN
    } else if children {
        CHILDREN
    } else if women {
        WOMEN
    } else if [
        "doctors",
        "nurses",
        "medics",
        "paramedics",
        "medical",
        "health",
    ]
    .iter()
    .any(|w| has(w))
    {
        MEDICAL_STAFF
    } else if has("journalists") || has("journalist") || has("reporters") {
        JOURNALISTS
    } else if has("civilians")
        || has("civilian")
        || has("noncombatants")
        || has("noncombatant")
        || (has("non") && (has("combatants") || has("combatant")))
        || has("villagers")
    {
        CIVILIANS
    } else {
        return None;
    })
}

/// Words that name the kind of people, not the party: dropped to find the party.
const NOUNS: [&str; 17] = [
    "fighters",
    "fighter",
    "members",
    "member",
    "militants",
    "militant",
    "troops",
    "forces",
    "soldiers",
    "personnel",
    "militia",
    "militias",
    "allied",
    "and",
    "of",
    "the",
    "from",
];

/// The normalised group for a group as written. `extra` holds the user's aliases (folded
/// name → group).
pub fn normalize_group(written: &str, extra: &HashMap<String, String>) -> String {
    let words = fold_words(written);
    if let Some(target) = extra.get(&words.concat()) {
        return target.clone();
    }
    let has = |w: &str| words.iter().any(|x| x == w);
    if words.is_empty()
        || words.iter().all(|w| {
            matches!(
                w.as_str(),
                "all" | "people" | "persons" | "total" | "everyone" | "person"
            )
        })
    {
        return ALL.to_owned();
    }
    let fights = [
        "fighters",
        "fighter",
        "soldiers",
        "soldier",
        "militants",
        "combatants",
    ]
    .iter()
    .any(|w| has(w))
        && !has("non");
    if !fights && let Some(group) = civilian_group(&has) {
        return group.to_owned();
    }
    if has("is")
        || has("isis")
        || has("isil")
        || has("daesh")
        || has("jihadists")
        || has("jihadist")
        || (has("islamic") && has("state"))
    {
        return "IS".to_owned();
    }
    if has("police") || has("policemen") || has("policeman") {
        return POLICEMEN.to_owned();
    }
    if has("security") && (has("forces") || has("personnel") || has("services")) {
        return SECURITY_FORCES.to_owned();
    }
    if has("government") || has("regime") || has("army") || has("saa") {
        return GOVERNMENT_FORCES.to_owned();
    }
    if has("ypg") || has("sdf") || has("kurdish") || has("kurds") {
        return "Kurdish-led forces".to_owned();
    }
    // Another party: the words of the name as written, without the nouns ("NLF fighters" → "NLF").
    let party: Vec<&str> = written
        .split_whitespace()
        .filter(|w| !NOUNS.contains(&w.to_lowercase().as_str()))
        .collect();
    if party.is_empty() {
        written.trim().to_owned()
    } else {
        party.join(" ")
    }
}

/// The party a free text names, if it names one of the well-known ones ("IS gunmen detonated
/// a car bomb" names IS).
pub fn party_named(text: &str) -> Option<&'static str> {
    let words = fold_words(text);
    let has = |w: &str| words.iter().any(|x| x == w);
    // In running text "is" is a verb: only the capitals name the group.
    let names_is = text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "IS");
    if names_is
        || has("isis")
        || has("isil")
        || has("daesh")
        || has("jihadists")
        || (has("islamic") && has("state"))
    {
        Some("IS")
    } else if has("government") || has("regime") || has("army") {
        Some("government forces")
    } else if has("ypg") || has("sdf") || has("kurdish") {
        Some("Kurdish-led forces")
    } else {
        None
    }
}

/// Whether a normalised group is one side's own people: the group names the side, shares a
/// word with it, or is its initials ("NLF" for "Northern Liberation Front").
pub fn group_is_side(group: &str, side: &str) -> bool {
    if group == ALL || group == CIVILIANS {
        return false;
    }
    let g = fold_words(group);
    let s = fold_words(side);
    if g.is_empty() || s.is_empty() {
        return false;
    }
    let initials: String = s.iter().filter_map(|w| w.chars().next()).collect();
    let shared = g
        .iter()
        .any(|w| w.len() > 2 && s.contains(w) && !NOUNS.contains(&w.as_str()) && w != "led");
    shared || g.concat() == initials || g.concat() == s.concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalize_group(s, &HashMap::new())
    }

    #[test]
    fn parties_fold_whatever_the_noun() {
        for s in [
            "IS fighters",
            "jihadists",
            "IS members",
            "ISIS militants",
            "Daesh",
            "Islamic State fighters",
        ] {
            assert_eq!(n(s), "IS", "{s}");
        }
        for s in [
            "government troops",
            "regime forces",
            "government troops and allied militia",
            "government forces",
        ] {
            assert_eq!(n(s), "government forces", "{s}");
        }
        for s in ["people", "", "all", "People"] {
            assert_eq!(n(s), ALL, "{s}");
        }
        assert_eq!(n("civilians"), CIVILIANS);
        assert_eq!(n("non-combatants"), CIVILIANS);
        assert_eq!(n("two noncombatants"), CIVILIANS);
        assert_ne!(n("combatants"), CIVILIANS);
        assert_eq!(n("mostly women and children"), WOMEN_AND_CHILDREN);
        assert_eq!(n("four children"), CHILDREN);
        assert_eq!(n("policemen"), POLICEMEN);
        assert_eq!(n("NLF fighters"), "NLF");
    }

    #[test]
    fn parts_are_kept_apart_from_their_wholes() {
        assert!(is_part_of(CHILDREN, CIVILIANS));
        assert!(is_part_of(CHILDREN, ALL));
        assert!(is_part_of(POLICEMEN, GOVERNMENT_FORCES));
        assert!(is_part_of("NLF", ALL));
        assert!(!is_part_of(CIVILIANS, CHILDREN));
        assert!(!is_part_of(CHILDREN, GOVERNMENT_FORCES));
        assert_eq!(parent(ALL), None);
    }

    #[test]
    fn groups_belong_to_sides() {
        assert!(group_is_side("government forces", "Syrian government"));
        assert!(group_is_side("government forces", "Veldaran government"));
        assert!(group_is_side("nlf", "Northern Liberation Front"));
        assert!(group_is_side("IS", "IS"));
        assert!(group_is_side("Kurdish-led forces", "Kurdish-led forces"));
        assert!(!group_is_side("IS", "Kurdish-led forces"));
        assert!(!group_is_side("civilians", "Syrian government"));
    }
}
