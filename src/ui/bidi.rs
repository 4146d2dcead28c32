//! Right-to-left text for display. egui 0.37 shapes text with harfrust: given a font with the
//! letters (Noto Sans Arabic is installed as a fallback), it joins Arabic letters and draws a
//! right-to-left run right to left. What it does not do is order the runs of a mixed string
//! ("SOHR: عين العرب 13"): it lays them out in logical order. So before such a string is drawn,
//! the Unicode bidirectional algorithm (`unicode-bidi`) puts its runs in visual order, each run
//! still in logical order for egui to shape. (Turning letters into presentation forms
//! beforehand, as older egui needed, now makes egui shape them a second time and breaks them.)
//! This is for display only: the data, search, sorting, copying and exports keep the logical
//! text. Results are cached (a bounded map, cleared when full), so a string is worked out once
//! however many frames show it.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use eframe::egui;
use unicode_bidi::BidiInfo;

/// Most strings kept shaped; the cache is cleared when it fills.
const CACHE_SIZE: usize = 4096;

thread_local! {
    /// Per base direction (first letter's, left to right): text → its display form.
    static CACHE: RefCell<[HashMap<String, Rc<str>>; 2]> = RefCell::new(Default::default());
}

pub use crate::core::parse::text::has_rtl as is_rtl;
use crate::core::parse::text::{is_isolate, is_rtl_letter, isolate_numbers, isolate_phrases};

/// The text as it should be drawn: unchanged when it has no right-to-left letters, else
/// with its runs in visual order, one line at a time.
///
/// A line's direction is that of its first letter: a quote in Arabic reads right to left.
pub fn display(text: &str) -> Cow<'_, str> {
    if !is_rtl(text) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(cached(text, false).to_string())
}

/// As [`display`], for a line the app composes in English around names from the data
/// ("تل الزيتون · 2024-03-02 · 3 sources"): it reads left to right whatever it starts with.
pub fn display_ltr(text: &str) -> Cow<'_, str> {
    if !is_rtl(text) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(cached(text, true).to_string())
}

/// The display form, shared: for drawing the same text every frame without copying it.
pub fn cached(text: &str, ltr: bool) -> Rc<str> {
    CACHE.with(|cache| {
        let slot = usize::from(ltr);
        if let Some(done) = cache.borrow()[slot].get(text) {
            return Rc::clone(done);
        }
        let done: Rc<str> = visual(text, ltr).into();
        let map = &mut cache.borrow_mut()[slot];
        if map.len() >= CACHE_SIZE {
            map.clear();
        }
        map.insert(text.to_owned(), Rc::clone(&done));
        done
    })
}

/// Orders each line of `text` for egui, which joins the letters of each Arabic word and draws
/// the word right to left, but lays words and other runs out left to right in the order it
/// gets them. The bidirectional algorithm gives the runs of a line in visual order; inside a
/// right-to-left run the words and the spaces and punctuation between them are then put in
/// reverse order, each word still written in logical order for egui to shape.
fn visual(text: &str, ltr: bool) -> String {
    let base = ltr.then(unicode_bidi::Level::ltr);
    text.split('\n')
        .map(|line| {
            let mut line = isolate_numbers(line);
            if ltr {
                line = isolate_phrases(&line);
            }
            let bidi = BidiInfo::new(&line, base);
            let mut out = String::with_capacity(line.len());
            for para in &bidi.paragraphs {
                let (levels, runs) = bidi.visual_runs(para, para.range.clone());
                for run in runs {
                    let rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
                    let piece = &line[run];
                    if rtl {
                        for chunk in words(piece).iter().rev() {
                            out.push_str(&mirrored(chunk));
                        }
                    } else {
                        out.push_str(piece);
                    }
                }
            }
            out.retain(|c| !is_isolate(c));
            out
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A bracket drawn in a right-to-left run faces the other way.
fn mirrored(chunk: &str) -> std::borrow::Cow<'_, str> {
    let mirror = |c: char| match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '\u{ab}' => '\u{bb}',
        '\u{bb}' => '\u{ab}',
        c => c,
    };
    if chunk.chars().any(|c| mirror(c) != c) {
        std::borrow::Cow::Owned(chunk.chars().map(mirror).collect())
    } else {
        std::borrow::Cow::Borrowed(chunk)
    }
}

/// A right-to-left run cut where egui cuts it: each word of right-to-left letters (with its
/// marks) is one piece, every other character a piece of its own.
fn words(run: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = None;
    for (i, c) in run.char_indices() {
        if is_rtl_letter(c) {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                pieces.push(&run[s..i]);
            }
            pieces.push(&run[i..i + c.len_utf8()]);
        }
    }
    if let Some(s) = start {
        pieces.push(&run[s..]);
    }
    pieces
}

/// Wraps logical text into lines of at most `width` characters at spaces, then shapes and
/// reorders each line: reordering first would reverse the order of the lines.
pub fn display_wrapped(text: &str, width: usize) -> String {
    let width = width.max(8);
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let len = line.chars().count();
            if len > 0 && len + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
        .iter()
        .map(|l| display(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A label for text from the data: shaped for display and, when right-to-left, aligned right
/// (and clipped on the left, where its logical end is). Not selectable: it shows the visual
/// form; an explicit Copy gives the logical text.
pub fn data_label(ui: &mut egui::Ui, text: &str) -> egui::Response {
    if is_rtl(text) {
        let shown = cached(text, false);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.add(
                egui::Label::new(&*shown)
                    .wrap_mode(egui::TextWrapMode::Extend)
                    .selectable(false),
            )
        })
        .inner
    } else {
        ui.add(egui::Label::new(text).truncate().selectable(false))
    }
}

/// Hover text for a long data text: wrapped on the logical text, then shaped line by line.
pub fn hover_text(text: &str) -> String {
    if is_rtl(text) {
        display_wrapped(text, 80)
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_text_is_left_alone() {
        assert!(matches!(display("SOHR: 13 dead"), Cow::Borrowed(_)));
        assert!(!is_rtl("Kobanê Şanlıurfa"));
        assert!(is_rtl("عين العرب"));
    }

    #[test]
    fn arabic_words_come_in_visual_order_each_in_logical_order() {
        // egui shapes each word itself; the words go right to left.
        assert_eq!(display("عين العرب"), "العرب عين");
        assert_eq!(display("قال المرصد إن 12 قتلوا"), "قتلوا 12 إن المرصد قال");
    }

    #[test]
    fn mixed_text_keeps_latin_words_and_numbers_readable() {
        // A left-to-right line: the Latin stays first, the number after the Arabic words (an
        // Arabic number by the algorithm's rules) goes to their left.
        assert_eq!(display("SOHR: عين العرب 13"), "SOHR: 13 العرب عين");
        // A right-to-left line: the Latin name inside keeps its letters in order.
        assert_eq!(display("قال SOHR إن"), "إن SOHR قال");
        // Brackets face the text they enclose; dates keep their digits in order.
        assert_eq!(display("مرصد (1)"), "(1) مرصد");
        assert_eq!(
            display("تل الزيتون · 2024-03-02"),
            "2024-03-02 · الزيتون تل"
        );
    }

    #[test]
    fn long_text_is_wrapped_before_it_is_reordered() {
        let text = "Reuters: الأولى الثانية الثالثة الرابعة";
        let wrapped = display_wrapped(text, 24);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert_eq!(lines.len(), 2, "{wrapped:?}");
        // The first line on screen holds the first words of the text.
        assert!(
            lines[0].starts_with("Reuters: ") && lines[0].contains("الأولى"),
            "{wrapped:?}"
        );
        assert!(lines[1].contains("الرابعة"), "{wrapped:?}");
    }

    #[test]
    fn composed_lines_read_left_to_right() {
        assert_eq!(
            display_ltr("تل الزيتون · 2024-03-02 · 3 sources"),
            "الزيتون تل · 2024-03-02 · 3 sources"
        );
        assert_eq!(display_ltr("مرصد (1)"), "مرصد (1)");
    }

    #[test]
    fn the_cache_gives_the_same_result() {
        let first = cached("الحسكة", false);
        let second = cached("الحسكة", false);
        assert!(Rc::ptr_eq(&first, &second));
    }
}
