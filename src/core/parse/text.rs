//! Small text helpers shared by the importers: digit folding and key normalisation.

use std::borrow::Cow;

/// Replaces Arabic-Indic (`٠`–`٩`) and Extended Arabic-Indic (`۰`–`۹`) digits with ASCII digits,
/// and the Arabic thousands and decimal separators with `,` and `.`.
/// Borrows when there is nothing to replace, which is almost always.
pub fn fold_digits(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || !s.chars().any(is_foldable) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\u{0660}'..='\u{0669}' => ascii_digit(c as u32 - 0x0660),
                '\u{06F0}'..='\u{06F9}' => ascii_digit(c as u32 - 0x06F0),
                '\u{066C}' => ',',
                '\u{066B}' => '.',
                other => other,
            })
            .collect(),
    )
}

fn is_foldable(c: char) -> bool {
    matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' | '\u{066B}' | '\u{066C}')
}

fn ascii_digit(value: u32) -> char {
    char::from_digit(value, 10).unwrap_or('0')
}

/// A header name reduced for matching: lower case, without spaces, `_` and `-`.
pub fn header_key(s: &str) -> String {
    s.trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// A value reduced for matching against a vocabulary: trimmed, lower case, inner runs of
/// white space, `_` and `-` turned into one space.
pub fn value_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Shortens `s` to at most `max` characters for an error message, marking the cut.
pub fn clip(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => Cow::Borrowed(s),
        Some((cut, _)) => Cow::Owned(format!("{}…", &s[..cut])),
    }
}

/// Whether a character is a right-to-left letter (Hebrew, Arabic and its extensions, with
/// their presentation forms).
pub fn is_rtl_letter(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x05FF | 0x0600..=0x065F | 0x066E..=0x06D5 | 0x06D6..=0x06FF
        | 0x0750..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Whether the text holds right-to-left letters.
pub fn has_rtl(text: &str) -> bool {
    text.chars().any(is_rtl_letter)
}

/// The Unicode isolate controls added by [`isolate_numbers`] and [`isolate_phrases`].
pub fn is_isolate(c: char) -> bool {
    matches!(c, LRI | FSI | PDI)
}

pub const LRI: char = '\u{2066}';
pub const PDI: char = '\u{2069}';
pub const FSI: char = '\u{2068}';

/// Wraps each right-to-left phrase (words of right-to-left letters with only spaces between
/// them) in an isolate, so that in a line the app composes the numbers and words around a
/// name keep to the line's own direction.
pub fn isolate_phrases(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        if !is_rtl_letter(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while i < chars.len() {
            if is_rtl_letter(chars[i]) {
                i += 1;
                end = i;
            } else if chars[i] == ' ' {
                // A space belongs to the phrase only when another right-to-left word follows.
                let next = chars[i..].iter().position(|c| *c != ' ').map(|n| i + n);
                match next {
                    Some(n) if is_rtl_letter(chars[n]) => i = n,
                    _ => break,
                }
            } else {
                break;
            }
        }
        out.push(FSI);
        out.extend(&chars[start..end]);
        out.push(PDI);
        i = end;
    }
    out
}

/// Wraps numbers with separators (dates such as 2024-03-02, times, 1,200) in left-to-right
/// isolates, so that after Arabic text they keep their order instead of the algorithm's
/// reading of them as separate Arabic numbers. The isolates are dropped after reordering.
pub fn isolate_numbers(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], '-' | '/' | ':' | '.' | ',')
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                i += 1;
            }
            let number: String = chars[start..i].iter().collect();
            if number.chars().any(|c| !c.is_ascii_digit()) {
                out.push(LRI);
                out.push_str(&number);
                out.push(PDI);
            } else {
                out.push_str(&number);
            }
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Whether a link may be offered: `http` and `https` only, never `javascript:`, `data:` or a
/// local file.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(char::is_control)
}

/// A character that makes a spreadsheet read a cell as a formula: `= + - @`, and their
/// fullwidth look-alikes, which some spreadsheets fold to them.
pub fn is_formula_start(c: char) -> bool {
    matches!(
        c,
        '=' | '+' | '-' | '@' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}'
    )
}

/// A text cell as a spreadsheet will not run it: one that starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return gets a leading apostrophe.
pub fn guard(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some(c) if is_formula_start(c) || c == '\t' || c == '\r' => {
            std::borrow::Cow::Owned(format!("'{text}"))
        }
        _ => std::borrow::Cow::Borrowed(text),
    }
}

/// A cell as written before a spreadsheet-safe export guarded it with an apostrophe (`'=cmd`
/// is `=cmd`).
pub fn unguard(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.chars().next().is_some_and(is_formula_start) => rest,
        _ => s,
    }
}

/// Text for a terminal: control characters other than line ends and tabs (a terminal escape
/// in a name could rewrite the screen) are shown as `\u{1b}` escapes.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.contains(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_indic_digits_fold_to_ascii() {
        assert_eq!(fold_digits("١٣"), "13");
        assert_eq!(fold_digits("۲۰"), "20");
        assert_eq!(fold_digits("at least ١٬٢٠٠"), "at least 1,200");
        assert!(matches!(fold_digits("13"), Cow::Borrowed(_)));
        assert!(matches!(fold_digits("عين العرب"), Cow::Borrowed(_)));
    }

    #[test]
    fn header_keys_ignore_case_spaces_underscores_and_hyphens() {
        assert_eq!(header_key("Event_Date"), "eventdate");
        assert_eq!(header_key(" event-date "), "eventdate");
        assert_eq!(header_key("\u{feff}Source"), "source");
        assert_eq!(header_key("ATTRIBUTED TO"), "attributedto");
    }

    #[test]
    fn value_keys_collapse_separators() {
        assert_eq!(value_key("  State_Media "), "state media");
        assert_eq!(value_key("independent-media"), "independent media");
    }

    #[test]
    fn clip_marks_cut_text() {
        assert_eq!(clip("abcdef", 3), "abc…");
        assert_eq!(clip("abc", 3), "abc");
    }
}
