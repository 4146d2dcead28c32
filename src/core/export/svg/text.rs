//! Text in the SVG: escaped, measured and fitted to the room it has.

use super::MIXED_FONT_FAMILY;
use crate::core::parse::text::{has_rtl, isolate_numbers, isolate_phrases};

/// Roughly how wide a text is, for layout: Noto Sans averages a little over half its size.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.56
}

/// Escapes text for an XML text node or attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The content of a text element: escaped, and when it holds right-to-left letters, set in
/// one font that has both scripts (so the renderer never falls back between fonts inside the
/// line) with its right-to-left phrases and its dates isolated (so the line keeps the order it
/// was written in, whatever script it starts with). The text stays in logical order.
pub fn text_content(text: &str) -> String {
    if !has_rtl(text) {
        return escape(text);
    }
    format!(
        r#"<tspan font-family="{}">{}</tspan>"#,
        escape(MIXED_FONT_FAMILY),
        escape(&isolate_phrases(&isolate_numbers(text)))
    )
}

/// Cuts a text to about `width` pixels, with an ellipsis.
pub fn fit(text: &str, size: f64, width: f64) -> String {
    let max = (width / (size * 0.56)).floor().max(1.0) as usize;
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}\u{2026}", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_fitted() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&apos;x&apos;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(escape("a\u{0}b"), "a b");
        assert_eq!(fit("short", 10.0, 1000.0), "short");
        let cut = fit(&"word ".repeat(100), 10.0, 100.0);
        assert!(
            cut.ends_with('\u{2026}') && cut.chars().count() <= 18,
            "{cut}"
        );
    }
}
