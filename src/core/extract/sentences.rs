//! An article cut into sentences, each with where it lies in the text (in characters, as the
//! corpus' spans count them).

/// A sentence of the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence<'a> {
    pub text: &'a str,
    /// Character offsets into the whole text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// A line without a closing stop, before a line break: a headline or a subheading, which
    /// the story's sentences repeat.
    pub heading: bool,
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 14] = [
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "no", "vs", "jan", "feb",
];

/// The sentences of `text`: a line break ends one, and so does `.`, `!` or `?` followed by a
/// space and a capital, a digit or a quotation mark, unless it closes an abbreviation or an
/// initial ("U.S.").
pub fn sentences(text: &str) -> Vec<Sentence<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut begin = 0; // index into `chars`
    for i in 0..chars.len() {
        let c = chars[i].1;
        let ends = match c {
            '\n' => true,
            '.' | '!' | '?' => {
                let next = chars.get(i + 1).map(|p| p.1);
                let after = chars.get(i + 2).map(|p| p.1);
                let spaced = next.is_some_and(char::is_whitespace);
                let opens = after.is_none_or(|a| {
                    a.is_uppercase() || a.is_ascii_digit() || matches!(a, '"' | '\u{201c}' | '\'')
                });
                (next.is_none() || (spaced && opens)) && !abbreviation(&chars[begin..=i])
            }
            _ => false,
        };
        if ends {
            push(text, &chars, (begin, i + 1), &mut out);
            begin = i + 1;
        }
    }
    push(text, &chars, (begin, chars.len()), &mut out);
    out
}

/// Whether the word before the full stop at the end of `chars` is an abbreviation or an
/// initial.
fn abbreviation(chars: &[(usize, char)]) -> bool {
    let word: String = chars[..chars.len().saturating_sub(1)]
        .iter()
        .rev()
        .map(|p| p.1)
        .take_while(|c| c.is_alphabetic() || *c == '.')
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    let bare = word.trim_matches('.').to_lowercase();
    (bare.chars().count() == 1 && word.chars().next().is_some_and(char::is_uppercase))
        || word.contains('.')
        || ABBREVIATIONS.contains(&bare.as_str())
}

/// Keeps the trimmed sentence between two character indices, if it has any words.
fn push<'a>(
    text: &'a str,
    chars: &[(usize, char)],
    (from, to): (usize, usize),
    out: &mut Vec<Sentence<'a>>,
) {
    let (mut a, mut b) = (from, to);
    while a < b && chars[a].1.is_whitespace() {
        a += 1;
    }
    while b > a && chars[b - 1].1.is_whitespace() {
        b -= 1;
    }
    if a == b {
        return;
    }
    let byte = |i: usize| chars.get(i).map_or(text.len(), |p| p.0);
    let mut piece = &text[byte(a)..byte(b)];
    // A dateline ("SANAA, Yemen (AP) — ") is where the story was filed, not what it says.
    for mark in [") \u{2014} ", ") \u{2013} ", ") - "] {
        if let Some(at) = piece.find(mark)
            && at < 60
            && piece[..at].contains('(')
        {
            let skipped = piece[..at + mark.len()].chars().count();
            a += skipped;
            piece = &piece[at + mark.len()..];
        }
    }
    // The corpus' header lines ("outlet: …", "date: …") are not sentences of the story.
    if ["outlet:", "date:", "link:", "conflict:", "note:"]
        .iter()
        .any(|h| piece.starts_with(h))
    {
        return;
    }
    if piece.chars().any(char::is_alphabetic) {
        let closed = piece
            .chars()
            .last()
            .is_some_and(|c| matches!(c, '.' | '!' | '?' | '"' | '\u{201d}' | ':' | ')'));
        let line_ends = chars.get(b).is_some_and(|p| p.1 == '\n');
        out.push(Sentence {
            text: piece,
            start: a,
            end: b,
            heading: !closed && line_ends,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_stops_and_lines_but_not_at_initials() {
        let text = "IS seized Hasaka, SOHR said. The U.S. denied it.\nA new line. 13 died";
        let s = sentences(text);
        let texts: Vec<&str> = s.iter().map(|s| s.text).collect();
        assert_eq!(
            texts,
            [
                "IS seized Hasaka, SOHR said.",
                "The U.S. denied it.",
                "A new line.",
                "13 died"
            ]
        );
        assert!(!s[2].heading && !s[3].heading);
        let with_title = sentences("Rebels say 13 died\n\nThirteen died, the rebels said.");
        assert!(with_title[0].heading && !with_title[1].heading);
        let chars: Vec<char> = text.chars().collect();
        for s in &s {
            let span: String = chars[s.start..s.end].iter().collect();
            assert_eq!(span, s.text);
        }
    }
}
