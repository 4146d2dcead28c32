//! The grammar of explanations, case by case.

use super::*;

fn numeric(
    figure: Option<&'static str>,
    group: &'static str,
    stance: Stance,
) -> Statement<'static> {
    Statement {
        claimant: "SOHR",
        voice: "monitor".to_owned(),
        kind: ClaimKind::Killed,
        stance,
        figure: figure.map(str::to_owned),
        one: matches!(figure, Some("one" | "1")),
        group,
        ..Statement::default()
    }
}

use ClaimKind::Responsibility;
use ClaimKind::{Captured, Control, Displaced, Injured, Killed, Missing, Origin, Other};
use Stance::{Asserts, Denies};

/// (figure, group, stance, kind, detail) → the clause.
type Case = (
    Option<&'static str>,
    &'static str,
    Stance,
    ClaimKind,
    &'static str,
    &'static str,
);

const CASES: [Case; 33] = [
    (
        Some("none"),
        "",
        Asserts,
        Killed,
        "",
        "says no people were killed",
    ),
    (
        None,
        "",
        Denies,
        Other,
        "Turkey denies shelling the village",
        "Turkey denies shelling the village",
    ),
    (
        Some("four"),
        "",
        Asserts,
        Killed,
        "",
        "says four people were killed",
    ),
    (
        Some("four"),
        "all",
        Asserts,
        Killed,
        "",
        "says four people were killed",
    ),
    (
        Some("four"),
        "people",
        Asserts,
        Killed,
        "",
        "says four people were killed",
    ),
    (
        Some("1"),
        "",
        Asserts,
        Killed,
        "",
        "says 1 person was killed",
    ),
    (
        Some("one"),
        "civilians",
        Asserts,
        Killed,
        "",
        "says one civilian was killed",
    ),
    (
        Some("one"),
        "children",
        Asserts,
        Killed,
        "",
        "says one child was killed",
    ),
    (
        Some("one"),
        "women",
        Asserts,
        Killed,
        "",
        "says one woman was killed",
    ),
    (
        Some("one"),
        "militias",
        Asserts,
        Killed,
        "",
        "says one militia was killed",
    ),
    (
        Some("three"),
        "children",
        Asserts,
        Killed,
        "",
        "says three children were killed",
    ),
    (
        Some("at least 85"),
        "civilians",
        Asserts,
        Killed,
        "",
        "says at least 85 civilians were killed",
    ),
    (
        Some("5"),
        "Turkish",
        Asserts,
        Killed,
        "",
        "says 5 Turkish people were killed",
    ),
    (
        Some("two"),
        "Ukrainian",
        Asserts,
        Killed,
        "",
        "says two Ukrainian people were killed",
    ),
    (
        Some("dozens"),
        "the wedding guests",
        Asserts,
        Killed,
        "",
        "says dozens of wedding guests were killed",
    ),
    (
        Some("at least 30"),
        "government troops and allied militia",
        Asserts,
        Killed,
        "",
        "says at least 30 government troops and allied militia were killed",
    ),
    (
        Some("20"),
        "IS members",
        Asserts,
        Killed,
        "",
        "says 20 IS members were killed",
    ),
    (
        Some("30"),
        "government forces",
        Denies,
        Killed,
        "",
        "denies that 30 government forces were killed",
    ),
    (None, "", Asserts, Killed, "", "says people were killed"),
    (
        None,
        "civilians",
        Asserts,
        Killed,
        "",
        "says civilians were killed",
    ),
    (
        None,
        "",
        Denies,
        Killed,
        "",
        "denies the reports that people were killed",
    ),
    (
        None,
        "civilians",
        Denies,
        Killed,
        "",
        "denies the reports that civilians were killed",
    ),
    (
        None,
        "",
        Denies,
        Killed,
        "disputes the toll of 40",
        "denies the reports that people were killed (disputes the toll of 40)",
    ),
    (
        Some("tens"),
        "civilians",
        Asserts,
        Injured,
        "",
        "says tens of civilians were injured",
    ),
    (
        Some("one"),
        "jihadists",
        Asserts,
        Captured,
        "",
        "says one jihadist was captured",
    ),
    (
        Some("about 500"),
        "families",
        Asserts,
        Displaced,
        "",
        "says about 500 families were displaced",
    ),
    (
        Some("12"),
        "fishermen",
        Asserts,
        Missing,
        "",
        "says 12 fishermen were missing",
    ),
    (
        None,
        "",
        Asserts,
        Control,
        "IS seized two districts of Hasaka",
        "says IS seized two districts of Hasaka",
    ),
    (
        None,
        "",
        Denies,
        Control,
        "IS holds a position inside Hasaka",
        "denies that IS holds a position inside Hasaka",
    ),
    (
        None,
        "",
        Denies,
        Control,
        "denies that Wagner has seized Soledar",
        "denies that Wagner has seized Soledar",
    ),
    (
        None,
        "",
        Denies,
        Other,
        "rejects that coalition raids caused the deaths",
        "rejects that coalition raids caused the deaths",
    ),
    (None, "", Asserts, Origin, "", "makes a claim of origin"),
    (
        None,
        "",
        Denies,
        Responsibility,
        "",
        "denies a claim of responsibility",
    ),
];

#[test]
fn clauses_read_as_english() {
    for (figure, group, stance, kind, detail, expected) in CASES {
        let statement = Statement {
            kind,
            detail,
            ..numeric(figure, group, stance)
        };
        assert_eq!(clause(&statement), expected, "{statement:?}");
    }
}

#[test]
fn sentences_name_both_places_when_they_differ_and_how_far_apart() {
    let a = Statement {
        place: "Helmand",
        ..numeric(Some("at least 40"), "civilians", Stance::Asserts)
    };
    let b = Statement {
        claimant: "Resolute Support",
        voice: "combatant, NATO side".to_owned(),
        place: "Musa Qala district",
        ..numeric(Some("two"), "civilians", Stance::Asserts)
    };
    assert_eq!(
        sentence(&a, &b, "22 Sep 2019", Some(20.0)),
        "SOHR (monitor) says at least 40 civilians were killed in Helmand on 22 Sep 2019; \
         Resolute Support (combatant, NATO side) says two civilians were killed in Musa Qala \
         district: 20.0× apart."
    );
    let same_place = Statement {
        place: "Helmand",
        ..b.clone()
    };
    assert!(
        sentence(&a, &same_place, "22 Sep 2019", Some(f64::INFINITY))
            .ends_with("says two civilians were killed: one says none.")
    );
    let again = Statement {
        place: "Helmand",
        ..numeric(Some("seven"), "civilians", Stance::Asserts)
    };
    assert!(sentence(&a, &again, "22 Sep 2019", None).contains("; it also says seven civilians"));
}

#[test]
fn a_plural_claimant_takes_a_plural_verb() {
    let denial = Statement {
        claimant: "Turkish authorities",
        kind: ClaimKind::Origin,
        stance: Stance::Denies,
        detail: "the vehicle crossed from Turkey into Kobane",
        ..Statement::default()
    };
    assert_eq!(
        clause(&denial),
        "deny that the vehicle crossed from Turkey into Kobane"
    );
    let one = Statement {
        claimant: "Sanliurfa governor",
        ..denial.clone()
    };
    assert_eq!(
        clause(&one),
        "denies that the vehicle crossed from Turkey into Kobane"
    );
    // One word is an organisation's name, not a crowd; "news" is not a plural here.
    assert!(!speaks_as_many("Airwars"));
    assert!(!speaks_as_many("Veldaran State News"));
    assert!(speaks_as_many("Syrian security forces"));
}
