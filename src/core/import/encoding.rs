//! Choosing how to decode a file's bytes.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// How a file's bytes are turned into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 (a byte-order mark, if any, is skipped).
    Utf8,
    /// Anything else, decoded to UTF-8 on the fly.
    Other(&'static Encoding),
}

impl TextEncoding {
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Other(e) => e.name(),
        }
    }
}

/// Looks an encoding up by any of its WHATWG labels (`windows-1256`, `cp1252`, `latin1` …).
pub fn encoding_for_label(label: &str) -> Option<TextEncoding> {
    let encoding = Encoding::for_label(label.trim().as_bytes())?;
    Some(if encoding == UTF_8 {
        TextEncoding::Utf8
    } else {
        TextEncoding::Other(encoding)
    })
}

/// What the first bytes of a file say about its encoding.
pub enum FirstGuess {
    /// A byte-order mark settles it.
    Bom(TextEncoding),
    /// The sample is valid UTF-8 (a character cut at the end of the sample is allowed).
    LooksUtf8,
    /// The sample is not UTF-8.
    NotUtf8,
}

pub fn first_guess(sample: &[u8]) -> FirstGuess {
    if sample.starts_with(b"\xEF\xBB\xBF") {
        return FirstGuess::Bom(TextEncoding::Utf8);
    }
    if sample.starts_with(b"\xFF\xFE") {
        return FirstGuess::Bom(TextEncoding::Other(UTF_16LE));
    }
    if sample.starts_with(b"\xFE\xFF") {
        return FirstGuess::Bom(TextEncoding::Other(UTF_16BE));
    }
    if let Some(utf16) = utf16_without_bom(sample) {
        return FirstGuess::Bom(TextEncoding::Other(utf16));
    }
    match std::str::from_utf8(sample) {
        Ok(_) => FirstGuess::LooksUtf8,
        // An error with no length is a character cut off at the end of the sample.
        Err(e) if e.error_len().is_none() => FirstGuess::LooksUtf8,
        Err(_) => FirstGuess::NotUtf8,
    }
}

/// UTF-16 written without a byte-order mark, known by its zero bytes: text that is mostly
/// Latin letters, digits and commas has a zero in every other byte (the high byte of each
/// code unit: odd offsets in little-endian, even in big-endian) and almost none elsewhere.
fn utf16_without_bom(sample: &[u8]) -> Option<&'static Encoding> {
    let units = &sample[..sample.len().min(1024) & !1];
    if units.len() < 8 {
        return None;
    }
    let pairs = units.len() / 2;
    let zeros = |parity: usize| {
        units
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= pairs * 6 && even * 20 <= pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 6 && odd * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Whether a sample looks like binary data rather than text: NUL bytes outside UTF-16.
pub fn looks_binary(sample: &[u8]) -> bool {
    sample.iter().take(8192).any(|&b| b == 0)
}

/// Guesses from a sample only.
pub fn detect_sample(sample: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// Decodes a sample for sniffing, without failing.
pub fn decode_sample(sample: &[u8], encoding: TextEncoding) -> String {
    match encoding {
        TextEncoding::Utf8 => {
            let valid = match std::str::from_utf8(sample) {
                Ok(s) => s,
                Err(e) => std::str::from_utf8(&sample[..e.valid_up_to()]).unwrap_or(""),
            };
            valid.trim_start_matches('\u{feff}').to_owned()
        }
        TextEncoding::Other(encoding) => encoding.decode(sample).0.into_owned(),
    }
}

/// Picks the field delimiter from the first lines: the one of `,` `;` tab that splits the
/// header into the most columns and the next lines into the same number.
/// The delimiter a first line `sep=;` (Excel's way of naming it) names, if the text has one.
pub fn sep_line(text: &str) -> Option<u8> {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()?
        .trim_end();
    if !first.get(..4)?.eq_ignore_ascii_case("sep=") {
        return None;
    }
    match first.as_bytes() {
        [_, _, _, _, d] if d.is_ascii() && !d.is_ascii_alphanumeric() => Some(*d),
        _ => None,
    }
}

pub fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(6)
        .collect();
    let count = |line: &str, d: u8| -> usize {
        let mut in_quotes = false;
        line.bytes()
            .filter(|&b| {
                if b == b'"' {
                    in_quotes = !in_quotes;
                }
                !in_quotes && b == d
            })
            .count()
    };
    let Some(header) = lines.first() else {
        return b',';
    };
    let mut best = (b',', 0usize, false);
    for d in [b',', b';', b'\t'] {
        let n = count(header, d);
        let consistent = lines.iter().skip(1).all(|l| count(l, d) == n);
        let better = (consistent && !best.2 && n > 0) || (consistent == best.2 && n > best.1);
        if better {
            best = (d, n, consistent);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_sniffed() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter("a;b;c\n1;2,5;3\n"), b';');
        assert_eq!(sniff_delimiter("a\tb\tc\n1\t2\t3\n"), b'\t');
        assert_eq!(sniff_delimiter("source;quote\nSOHR;\"a, b, c\"\n"), b';');
        assert_eq!(sniff_delimiter(""), b',');
    }

    #[test]
    fn boms_and_utf8_are_recognised() {
        assert!(matches!(
            first_guess(b"\xEF\xBB\xBFsource"),
            FirstGuess::Bom(TextEncoding::Utf8)
        ));
        assert!(matches!(
            first_guess(b"\xFF\xFEs\0"),
            FirstGuess::Bom(TextEncoding::Other(_))
        ));
        assert!(matches!(
            first_guess("عين".as_bytes()),
            FirstGuess::LooksUtf8
        ));
        // A character cut at the end of the sample is not an error.
        assert!(matches!(
            first_guess(&"عين".as_bytes()[..5]),
            FirstGuess::LooksUtf8
        ));
        assert!(matches!(
            first_guess(b"caf\xE9 au lait"),
            FirstGuess::NotUtf8
        ));
    }

    #[test]
    fn windows_1256_arabic_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(
            "source,location\nالمرصد السوري,عين العرب\nسانا,الحسكة\nالمرصد السوري لحقوق الإنسان,الرقة\n",
        );
        assert_eq!(detect_sample(&bytes).name(), "windows-1256");
    }

    #[test]
    fn labels_name_encodings() {
        assert_eq!(
            encoding_for_label("cp1256").map(TextEncoding::name),
            Some("windows-1256")
        );
        assert_eq!(encoding_for_label("utf8"), Some(TextEncoding::Utf8));
        assert!(encoding_for_label("klingon").is_none());
    }
}
