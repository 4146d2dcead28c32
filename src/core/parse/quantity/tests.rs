//! The quantity phrases, each read as the README's table says.

use super::*;

fn q(text: &str) -> (u32, Option<u32>, Qualifier) {
    let quantity = parse_quantity(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    (quantity.low, quantity.high(), quantity.qualifier)
}

#[test]
fn plain_numbers_are_exact() {
    assert_eq!(q("13"), (13, Some(13), Qualifier::Exact));
    assert_eq!(q("1,200"), (1200, Some(1200), Qualifier::Exact));
    assert_eq!(q("1 200"), (1200, Some(1200), Qualifier::Exact));
    assert_eq!(q(" 0 "), (0, Some(0), Qualifier::Exact));
    assert_eq!(q("١٣"), (13, Some(13), Qualifier::Exact));
    assert_eq!(q("15.0"), (15, Some(15), Qualifier::Exact));
}

#[test]
fn floors_are_open_ended() {
    for text in [
        "at least 13",
        "13+",
        "no fewer than 13",
        "At Least 13",
        "13 or more",
    ] {
        assert_eq!(q(text), (13, None, Qualifier::AtLeast), "{text}");
    }
    assert_eq!(q("more than 13"), (14, None, Qualifier::MoreThan));
    assert_eq!(q("over 13"), (14, None, Qualifier::MoreThan));
}

#[test]
fn ceilings_start_at_zero() {
    for text in ["up to 13", "at most 13", "as many as 13"] {
        assert_eq!(q(text), (0, Some(13), Qualifier::AtMost), "{text}");
    }
}

#[test]
fn approximate_forms_use_documented_bands() {
    assert_eq!(q("about 13"), (12, Some(14), Qualifier::About));
    assert_eq!(q("around 100"), (90, Some(110), Qualifier::About));
    assert_eq!(q("~13"), (12, Some(14), Qualifier::About));
    assert_eq!(q("some 13"), (12, Some(14), Qualifier::About));
    assert_eq!(q("nearly 13"), (11, Some(12), Qualifier::About));
    assert_eq!(q("almost 100"), (90, Some(99), Qualifier::About));
    assert_eq!(q("nearly 1"), (0, Some(0), Qualifier::About));
}

#[test]
fn ranges_in_every_spelling() {
    for text in ["10-15", "10 - 15", "10 to 15", "between 10 and 15", "10–15"] {
        assert_eq!(q(text), (10, Some(15), Qualifier::Range), "{text}");
    }
    assert_eq!(q("12-12"), (12, Some(12), Qualifier::Exact));
    assert!(matches!(
        parse_quantity("15-10"),
        Err(QuantityError::Reversed { .. })
    ));
}

#[test]
fn words_and_vague_floors() {
    assert_eq!(q("one"), (1, Some(1), Qualifier::Exact));
    assert_eq!(q("Twenty"), (20, Some(20), Qualifier::Exact));
    assert_eq!(q("a dozen"), (12, Some(12), Qualifier::Exact));
    assert_eq!(q("fifty"), (50, Some(50), Qualifier::Exact));
    assert_eq!(q("forty-two"), (42, Some(42), Qualifier::Exact));
    assert_eq!(q("just three"), (3, Some(3), Qualifier::Exact));
    assert_eq!(q("only six"), (6, Some(6), Qualifier::Exact));
    assert_eq!(q("at least fifty"), (50, None, Qualifier::AtLeast));
    assert_eq!(q("at least fifteen"), (15, None, Qualifier::AtLeast));
    assert_eq!(q("none"), (0, Some(0), Qualifier::Exact));
    assert_eq!(q("no"), (0, Some(0), Qualifier::Exact));
    assert_eq!(q("tens"), (10, None, Qualifier::Vague));
    assert_eq!(q("Dozens"), (12, None, Qualifier::Vague));
    assert_eq!(q("dozens of"), (12, None, Qualifier::Vague));
    assert_eq!(q("hundreds"), (100, None, Qualifier::Vague));
    for text in ["several", "a few", "many", "a number of"] {
        assert_eq!(q(text), (3, None, Qualifier::Vague), "{text}");
    }
    assert_eq!(q("عشرات"), (10, None, Qualifier::Vague));
}

#[test]
fn unknown_text_is_an_error_that_quotes_it() {
    let err = parse_quantity("many many").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("count 'many many' is not a quantity I know")
    );
    assert!(matches!(
        parse_quantity("-5"),
        Err(QuantityError::Negative(_))
    ));
    assert!(matches!(
        parse_quantity("12.5"),
        Err(QuantityError::NotWhole(_))
    ));
    assert!(matches!(
        parse_quantity("99999999999"),
        Err(QuantityError::TooLarge(_))
    ));
    // One past the largest figure is said, not clipped to it.
    assert_eq!(parse_quantity("4294967294").map(|q| q.low), Ok(LARGEST));
    assert!(matches!(
        parse_quantity("4294967295"),
        Err(QuantityError::TooLarge(_))
    ));
    assert!(matches!(
        parse_quantity("4,294,967,295"),
        Err(QuantityError::TooLarge(_))
    ));
    assert!(parse_quantity("1,20").is_err());
    assert!(parse_quantity("").is_err());
    assert!(parse_quantity("13 dead").is_err());
}

#[test]
fn a_figure_takes_16_bytes_and_keeps_its_bounds() {
    assert_eq!(std::mem::size_of::<Option<Quantity>>(), 16);
    let mut q = Quantity::new(u32::MAX, Some(u32::MAX), Qualifier::Exact);
    assert_eq!((q.low, q.high()), (u32::MAX - 1, Some(u32::MAX - 1)));
    assert_eq!(q.best(), None);
    q.set_best(Some(7));
    assert_eq!(q.best(), Some(7));
    assert_eq!(q.point(), 7.0);
    q.set_best(None);
    assert_eq!(q.best(), None);
    assert_eq!(Quantity::new(3, None, Qualifier::AtLeast).high(), None);
    assert_eq!(Quantity::exact(0).high(), Some(0));
}

#[test]
fn explicit_bounds() {
    let both = from_bounds(Some(10), Some(15), "").unwrap().unwrap();
    assert_eq!(
        (both.low, both.high(), both.qualifier),
        (10, Some(15), Qualifier::Range)
    );
    let low = from_bounds(Some(13), None, "").unwrap().unwrap();
    assert_eq!((low.low, low.high()), (13, None));
    let high = from_bounds(None, Some(13), "").unwrap().unwrap();
    assert_eq!((high.low, high.high()), (0, Some(13)));
    assert!(from_bounds(None, None, "").is_none());
    assert_eq!(parse_bound("١٣").unwrap(), 13);
    assert!(parse_bound("-1").is_err());
    assert!(parse_bound("lots").is_err());
}
