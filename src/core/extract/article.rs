//! An article file's text: HTML with its markup dropped, and the header lines a saved
//! article may open with ("outlet: …", "date: …", "link: …").

/// The text of an article file's bytes: HTML has its markup dropped; UTF-16 (with or without
/// a byte-order mark) is decoded; other text is read as UTF-8 (a bad byte replaced).
pub fn article_text(bytes: &[u8]) -> String {
    use crate::core::import::encoding::{FirstGuess, TextEncoding, first_guess};
    let raw = match first_guess(bytes) {
        FirstGuess::Bom(TextEncoding::Other(encoding)) => encoding.decode(bytes).0,
        FirstGuess::Bom(TextEncoding::Utf8) | FirstGuess::LooksUtf8 | FirstGuess::NotUtf8 => {
            String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        }
    };
    if looks_like_html(&raw) {
        strip_html(&raw)
    } else {
        raw.into_owned()
    }
}

/// What an article's header lines say: its outlet, publication date and link, where given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    pub outlet: Option<String>,
    pub published: Option<chrono::NaiveDate>,
    pub url: Option<String>,
}

/// The header lines before the article's first blank line.
pub fn header(text: &str) -> Header {
    let mut found = Header::default();
    for line in text.lines().take_while(|l| !l.trim().is_empty()).take(12) {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match key.trim().to_lowercase().as_str() {
            "outlet" => found.outlet = Some(value.to_owned()),
            "date" | "published" => {
                found.published = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").ok();
            }
            "link" | "url" => found.url = Some(value.to_owned()),
            _ => {}
        }
    }
    found
}

pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.chars().take(2_000).collect::<String>().to_lowercase();
    head.contains("<html") || head.contains("<p>") || head.contains("<body")
}

/// The text of an HTML page: scripts and styles dropped, paragraphs and line breaks kept as
/// lines, the commonest entities read.
pub fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = rest[open + 1..open + close].to_lowercase();
        rest = &rest[open + close + 1..];
        for skipped in ["script", "style"] {
            if tag.starts_with(skipped)
                && let Some(end) = rest.to_lowercase().find(&format!("</{skipped}"))
            {
                rest = &rest[end..];
            }
        }
        if [
            "p", "/p", "br", "br/", "br /", "/h1", "/h2", "/h3", "/li", "div", "/div",
        ]
        .iter()
        .any(|t| tag == *t || tag.starts_with(&format!("{t} ")))
        {
            out.push('\n');
        }
    }
    out.push_str(rest);
    out.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_loses_its_markup_and_a_header_is_read() {
        let text = article_text(b"<html><body><p>13 died, SOHR said.</p><script>x()</script><p>A &amp; B</p></body></html>");
        assert!(text.contains("13 died, SOHR said.\n"));
        assert!(text.contains("A & B") && !text.contains("x()"));
        let h = header("outlet: VICE News\ndate: 2015-06-25\nlink: https://example.org\n\nText.");
        assert_eq!(h.outlet.as_deref(), Some("VICE News"));
        assert_eq!(
            h.published.map(|d| d.to_string()).as_deref(),
            Some("2015-06-25")
        );
        assert_eq!(header("Thirteen died: SOHR.\n").outlet, None);
    }
}
