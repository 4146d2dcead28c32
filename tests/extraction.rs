//! Claims proposed from article text against the analyst's labels of the corpus of real
//! reporting, and the seed article (read in place; skipped where it is absent) through
//! extraction and analysis.

use std::path::Path;

use triangulate::core::analysis::Subtype;
use triangulate::core::extract::evaluate::{
    FIELDS, FieldScore, Label, Pairing, Score, field_score, measured, pair_by_sentence, score,
};
use triangulate::core::extract::{ArticleInfo, Proposed, extract};
use triangulate::core::model::{ClaimKind, Stance};

use crate::evaluation::articles;

/// An article's text, its header read into who published it and when.
fn article(dir: &Path) -> (String, ArticleInfo) {
    let text = std::fs::read_to_string(dir.join("text.txt")).unwrap();
    let header = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key))
            .unwrap_or("")
            .trim()
            .to_owned()
    };
    let info = ArticleInfo {
        article_id: dir.file_name().unwrap().to_string_lossy().into_owned(),
        outlet: header("outlet:"),
        url: header("link:"),
        published: chrono::NaiveDate::parse_from_str(&header("date:"), "%Y-%m-%d").ok(),
    };
    (text, info)
}

fn claim_labels(dir: &Path) -> Vec<Label> {
    labels_in(&dir.join("claims.csv"))
}

/// A claims file's rows as labels, with the spans of their sentences where it gives them.
fn labels_in(path: &Path) -> Vec<Label> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|h| h == name);
    let field = |name: &str| at(name).unwrap();
    let (source, kind, group, count, stance) = (
        field("source"),
        field("claim"),
        field("group"),
        field("count"),
        field("stance"),
    );
    let (start, end) = (at("span_start"), at("span_end"));
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let number = |i: Option<usize>| i.and_then(|i| r[i].parse().ok());
            Label {
                source: r[source].to_owned(),
                kind: ClaimKind::parse(&r[kind]).unwrap_or(ClaimKind::Other),
                group: r[group].to_owned(),
                count: r[count].to_owned(),
                stance: Stance::parse(&r[stance]).unwrap_or_default(),
                span: number(start).zip(number(end)),
            }
        })
        .collect()
}

/// Every article of a part, scored and printed; the part's total. With
/// `TRIANGULATE_EVAL_MISSES` set, each working label not matched is printed with what its
/// sentence gave.
fn evaluate(part: &str) -> Score {
    let mut total = Score::default();
    let mut fields = FieldScore::default();
    for dir in articles(part) {
        let (text, info) = article(&dir);
        let (proposed, labels) = (extract(&text, &info), claim_labels(&dir));
        let s = score(&proposed, &labels);
        println!(
            "{part} {}: {} of {} labelled found, {} of {} proposed right",
            info.article_id, s.matched, s.labelled, s.matched, s.proposed
        );
        total.add(s);
        let pairs = pair_by_sentence(&proposed, &labels);
        fields.add(&field_score(&pairs));
        // Never for the held-apart part: its misses must not shape the rules.
        if part == "working" && std::env::var_os("TRIANGULATE_EVAL_MISSES").is_some() {
            print_misses(&pairs, &text);
            print_extras(&proposed, &labels);
        }
    }
    println!(
        "{part}: {} of {} labelled claims' sentences gave a claim; of those, agreeing: {}",
        fields.found_sentence,
        fields.labelled,
        FIELDS
            .iter()
            .zip(fields.agreeing)
            .map(|(f, n)| format!("{} {n}", f.name()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!("{part}: {total}");
    total
}

/// The corpus, working part: the figures reached so far are kept (the targets, 85% precision
/// and 75% recall, are not reached yet: see the README).
#[test]
fn extraction_on_the_corpus_keeps_the_figures_reached() {
    let working = evaluate("working");
    let apart = evaluate("held_apart");
    assert!(working.labelled > 50, "{working:?}");
    assert!(working.precision() >= FLOOR.0, "{working:?}");
    assert!(working.recall() >= FLOOR.1, "{working:?}");
    // Held apart: reported, never used to write rules.
    assert!(apart.labelled > 20, "{apart:?}");
}

/// The targets for the working part: 85% precision and 75% recall (reached: 86% and 79%).
const FLOOR: (f64, f64) = (0.85, 0.75);

/// Proposed claims of the measured kinds that no label matches.
fn print_extras(proposed: &[Proposed], labels: &[Label]) {
    for p in proposed {
        let kept = measured(p.kind, p.stance, &p.count);
        if kept && !labels.iter().any(|l| FIELDS.iter().all(|f| f.agrees(p, l))) {
            println!(
                "  extra {:?} {:?} {} {:?} {:?} ({}): {}",
                p.source, p.kind, p.count, p.group, p.stance, p.rule, p.quote
            );
        }
    }
}

fn print_misses(pairs: &[Pairing<'_>], text: &str) {
    for (l, p) in pairs {
        let wrong: Vec<&str> = match p {
            Some(p) => FIELDS
                .iter()
                .filter(|f| !f.agrees(p, l))
                .map(|f| f.name())
                .collect(),
            None => vec!["sentence"],
        };
        if wrong.is_empty() {
            continue;
        }
        println!(
            "  miss [{}] label {:?} {:?} {} {:?} {:?}",
            wrong.join(","),
            l.source,
            l.kind,
            l.count,
            l.group,
            l.stance
        );
        if p.is_none()
            && let Some((start, end)) = l.span
        {
            let sentence: String = text.chars().skip(start).take(end - start).collect();
            println!("       in: {sentence}");
        }
        if let Some(p) = p {
            println!(
                "       gave {:?} {:?} {} {:?} {:?} ({}): {}",
                p.source, p.kind, p.count, p.group, p.stance, p.rule, p.quote
            );
        }
    }
}

/// The seed article, extracted and analysed, finds every disagreement the hand-made seed file
/// gives (the claimants matched by their words: "Authorities" is the hand-made "Turkish
/// authorities").
#[test]
fn the_seed_article_extracted_finds_the_disagreements_of_the_hand_made_seed() {
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_045c9b1fc1fe4767.txt");
    if !seed.exists() {
        eprintln!("skipped: seed absent");
        return;
    }
    let dir = crate::fixtures::Fixtures::new();
    let out = dir.path().join("seed_extracted.csv");
    let (seed_arg, out_arg) = (seed.display().to_string(), out.display().to_string());
    let (code, _, err) = crate::cli::triangulate(&[
        "extract",
        &seed_arg,
        "--published",
        "2015-06-25",
        "--outlet",
        "VICE News",
        "--out",
        &out_arg,
    ]);
    assert_eq!(code, 0, "{err}");
    let extracted = disagreements(&out);
    let hand_made = disagreements(&crate::fixtures::seed_path());
    assert!(hand_made.len() >= 5, "{hand_made:?}");
    let same = |a: &str, b: &str| a.contains(b) || b.contains(a);
    for (place, kind, [x, y]) in &hand_made {
        assert!(
            extracted.iter().any(|(p, k, [u, v])| p == place
                && k == kind
                && ((same(u, x) && same(v, y)) || (same(u, y) && same(v, x)))),
            "{place} {kind}: {x} against {y} not found in {extracted:#?}"
        );
    }
}

/// Each discrepancy of a file as (place, kind and subtype, both claimants in lower case).
fn disagreements(path: &Path) -> Vec<(String, String, [String; 2])> {
    let imported = crate::fixtures::import_paths(
        &[path.to_path_buf()],
        &triangulate::core::import::ImportOptions::default(),
    );
    let a = triangulate::core::analysis::analyze(
        &imported.dataset,
        &Default::default(),
        &Default::default(),
    );
    a.discrepancies
        .iter()
        .map(|d| {
            let who = |i: usize| a.facts[d.claims[i] as usize].claimant.to_lowercase();
            (
                a.events[d.event].location.clone(),
                format!(
                    "{}/{}",
                    d.kind.as_str(),
                    d.subtype.map_or("", Subtype::as_str)
                ),
                [who(0), who(1)],
            )
        })
        .collect()
}

/// A folder of articles is read in parallel, in name order, each article's header lines
/// giving its outlet and date; an HTML article loses its markup.
#[test]
fn a_folder_of_articles_is_extracted_with_each_articles_own_header() {
    let dir = crate::fixtures::Fixtures::new();
    let folder = dir.path().join("articles");
    std::fs::create_dir(&folder).unwrap();
    let working = articles("working");
    let (a, b) = (&working[0], &working[1]);
    std::fs::copy(a.join("text.txt"), folder.join("a.txt")).unwrap();
    let text = std::fs::read_to_string(b.join("text.txt")).unwrap();
    let (head, body) = text.split_once("\n\n").unwrap();
    let html = format!(
        "{head}\n\n<html><body><p>{}</p></body></html>",
        body.replace("\n\n", "</p><p>")
    );
    std::fs::write(folder.join("b.html"), html).unwrap();
    std::fs::write(folder.join("notes.csv"), "not an article").unwrap();
    let out = dir.path().join("claims.csv");
    let (folder_arg, out_arg) = (folder.display().to_string(), out.display().to_string());
    let (code, _, err) = crate::cli::triangulate(&["extract", &folder_arg, "--out", &out_arg]);
    assert_eq!(code, 0, "{err}");
    let mut reader = csv::Reader::from_path(&out).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    for (name, dir) in [("a", a), ("b", b)] {
        let (_, info) = article(dir);
        let published = info.published.unwrap().to_string();
        let mine: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[0] == name).collect();
        assert!(!mine.is_empty(), "no claims from {name}: {err}");
        assert!(
            mine.iter()
                .all(|r| r[1] == info.outlet && r[2] == published)
        );
        assert!(
            mine.iter().all(|r| !r[15].contains('<')),
            "markup left in {name}"
        );
    }
    assert_eq!(rows.first().map(|r| r[0].to_owned()).as_deref(), Some("a"));
}

/// The seed article against the hand-made seed file as labels: precision and recall of the
/// casualty figures and denials it proposes.
#[test]
fn the_seed_article_extracted_against_the_hand_made_seed() {
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_045c9b1fc1fe4767.txt");
    if !seed.exists() {
        eprintln!("skipped: seed absent");
        return;
    }
    let text = std::fs::read_to_string(&seed).unwrap();
    let info = ArticleInfo {
        article_id: "seed".into(),
        outlet: "VICE News".into(),
        url: String::new(),
        published: chrono::NaiveDate::from_ymd_opt(2015, 6, 25),
    };
    let proposed = extract(&text, &info);
    // The hand-made seed file's rows (no spans: its quotes are the analyst's).
    let labels = labels_in(&crate::fixtures::seed_path());
    let s = score(&proposed, &labels);
    println!("seed: {s}");
    if std::env::var_os("TRIANGULATE_EVAL_MISSES").is_some() {
        print_extras(&proposed, &labels);
        for l in &labels {
            if measured(l.kind, l.stance, &l.count)
                && !proposed
                    .iter()
                    .any(|p| FIELDS.iter().all(|f| f.agrees(p, l)))
            {
                println!(
                    "  miss {:?} {:?} {} {:?} {:?}",
                    l.source, l.kind, l.count, l.group, l.stance
                );
            }
        }
    }
    assert!(s.labelled >= 10, "{s:?}");
    // The targets for the seed: 90% precision and 90% recall.
    assert!(s.precision() >= 0.9 && s.recall() >= 0.9, "{s:?}");
}

/// A body named in full and later by its head noun is one claimant; what the outlet says was
/// alleged, and what it recalls of the war's start, are nobody's figures.
#[test]
fn a_body_named_again_by_its_head_noun_is_the_same_claimant_and_hearsay_is_nobodys() {
    let text = "In a statement, the 6th Infantry Division of the SAF said it had beaten back an assault.\n\n\
        Its troops, the division went on, had killed more than 100 militia fighters.\n\n\
        Allegations surfaced that the dead could number as many as 200 civilians.\n\n\
        The war began with an assault in which 1,200 people were killed.";
    let info = ArticleInfo {
        article_id: "t".into(),
        outlet: "The Outlet".into(),
        url: String::new(),
        published: chrono::NaiveDate::from_ymd_opt(2025, 10, 12),
    };
    let proposed = extract(text, &info);
    let figures: Vec<(&str, &str)> = proposed
        .iter()
        .filter(|p| !p.count.is_empty())
        .map(|p| (p.source.as_str(), p.count.as_str()))
        .collect();
    assert_eq!(figures, [("SAF", "more than 100")], "{proposed:#?}");
}
