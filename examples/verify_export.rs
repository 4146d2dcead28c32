//! Checks exported charts as CI needs them checked: `verify_export FILE[:WxH]...`. An SVG must
//! parse as XML and every text in it must come out as glyphs when rendered; a PNG must decode
//! at the given size (when one is given) and not be blank. Exits 1 with the reasons if not.

use std::path::Path;
use std::process::ExitCode;

use triangulate::core::export::png::check_text;

fn check_svg(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    roxmltree::Document::parse(&text).map_err(|e| format!("not XML: {e}"))?;
    let check = check_text(&text).map_err(|e| e.to_string())?;
    if !check.complete() {
        return Err(format!("text lost in rendering: {check:?}"));
    }
    Ok(format!("{} texts, all drawn", check.elements))
}

fn check_png(path: &Path, size: Option<(u32, u32)>) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .map_err(|e| format!("not a PNG: {e}"))?;
    let mut pixels = vec![0; reader.output_buffer_size().ok_or("too large")?];
    let info = reader
        .next_frame(&mut pixels)
        .map_err(|e| format!("cannot decode: {e}"))?;
    pixels.truncate(info.buffer_size());
    if let Some((w, h)) = size
        && (info.width, info.height) != (w, h)
    {
        return Err(format!("{}x{}, not {w}x{h}", info.width, info.height));
    }
    let colours: std::collections::HashSet<&[u8]> = pixels.chunks(4).collect();
    if colours.len() < 50 {
        return Err(format!("blank: {} colours", colours.len()));
    }
    Ok(format!(
        "{}x{}, {} colours",
        info.width,
        info.height,
        colours.len()
    ))
}

fn main() -> ExitCode {
    let mut failed = false;
    for arg in std::env::args().skip(1) {
        let (name, size) = match arg.rsplit_once(':') {
            Some((name, size)) => {
                let parsed = size
                    .split_once('x')
                    .and_then(|(w, h)| Some((w.parse().ok()?, h.parse().ok()?)));
                (name.to_owned(), parsed)
            }
            None => (arg.clone(), None),
        };
        let path = Path::new(&name);
        let outcome = match path.extension().and_then(|e| e.to_str()) {
            Some("svg") => check_svg(path),
            Some("png") => check_png(path, size),
            _ => Err("neither .svg nor .png".to_owned()),
        };
        match outcome {
            Ok(what) => println!("ok   {name}: {what}"),
            Err(why) => {
                println!("FAIL {name}: {why}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
