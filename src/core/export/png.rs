//! PNG export: the SVG of a figure rendered by resvg, with the app's own fonts loaded, so the
//! picture is the same on every machine and Arabic comes out joined and right to left.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use crate::core::export::fonts;

use super::ExportError;

/// The font database, loaded once.
fn font_db() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    Arc::clone(DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(fonts::NOTO_SANS.to_vec());
        db.load_font_data(fonts::NOTO_SANS_ARABIC.to_vec());
        db.load_font_data(fonts::DEJAVU_SANS.to_vec());
        db.set_sans_serif_family("Noto Sans");
        Arc::new(db)
    }))
}

fn parse(svg: &str) -> Result<usvg::Tree, ExportError> {
    let options = usvg::Options {
        font_family: "Noto Sans".to_owned(),
        fontdb: font_db(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options)
        .map_err(|e| ExportError::Render(format!("the chart could not be drawn: {e}")))
}

/// Renders `svg` at `scale` (2 for print) and encodes it as PNG.
pub fn render_png(svg: &str, scale: f32) -> Result<Vec<u8>, ExportError> {
    let tree = parse(svg)?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or_else(|| ExportError::Render(format!("cannot draw at scale {scale}")))?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| {
        ExportError::Render(format!(
            "cannot draw a {}×{} picture",
            size.width(),
            size.height()
        ))
    })?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| ExportError::Render(format!("cannot encode the PNG: {e}")))
}

/// How the texts of an SVG come out when rendered: how many text elements it has, how many
/// were laid out, and the characters that had no glyph in any loaded font.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct TextCheck {
    pub elements: usize,
    pub laid_out: usize,
    pub missing: Vec<String>,
}

impl TextCheck {
    /// Every text element came out as glyphs.
    pub fn complete(&self) -> bool {
        self.elements == self.laid_out && self.missing.is_empty()
    }
}

/// Checks that no text of `svg` is dropped or drawn as empty boxes by the PNG renderer.
pub fn check_text(svg: &str) -> Result<TextCheck, ExportError> {
    let doc =
        usvg::roxmltree::Document::parse(svg).map_err(|e| ExportError::Render(e.to_string()))?;
    let elements = doc.descendants().filter(|n| n.has_tag_name("text")).count();
    let tree = parse(svg)?;
    let mut check = TextCheck {
        elements,
        ..TextCheck::default()
    };
    visit(tree.root(), &mut check);
    Ok(check)
}

fn visit(group: &usvg::Group, check: &mut TextCheck) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => visit(g, check),
            usvg::Node::Text(text) => {
                let glyphs: Vec<_> = text
                    .layouted()
                    .iter()
                    .flat_map(|span| &span.positioned_glyphs)
                    .collect();
                if !glyphs.is_empty() && text.flattened().has_children() {
                    check.laid_out += 1;
                }
                check.missing.extend(
                    glyphs
                        .iter()
                        .filter(|g| g.id.0 == 0 && !g.text.trim().is_empty())
                        .map(|g| g.text.clone()),
                );
            }
            usvg::Node::Path(_) | usvg::Node::Image(_) => {}
        }
    }
}
