//! What `extract` reads and writes: regular files and standard input, with a size cap;
//! devices and pipes refused or skipped; UTF-16 decoded; formula cells guarded.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::cli::triangulate;

fn article() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reporting/iraq-2017-03-26-cnn-mosul-strike/text.txt")
}

/// The proposed claims' count in `extract --json`'s output.
fn claims(json: &str) -> usize {
    let doc: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    doc["claims"].as_array().map_or(0, Vec::len)
}

#[test]
fn a_device_is_refused_at_once_and_a_huge_file_past_its_cap() {
    let (code, _, stderr) = triangulate(&["extract", "/dev/zero", "--json"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("not a regular file"), "{stderr}");
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, vec![b'a'; (16 << 20) + 1]).unwrap();
    let (code, _, stderr) = triangulate(&["extract", big.to_str().unwrap(), "--json"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("more than the 16 MiB"), "{stderr}");
}

#[test]
fn a_folders_pipe_is_skipped_with_a_message_and_the_rest_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(article(), dir.path().join("a.txt")).unwrap();
    let fifo = dir.path().join("b.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo here
    }
    let (code, stdout, stderr) = triangulate(&["extract", dir.path().to_str().unwrap(), "--json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("b.txt: not a regular file"), "{stderr}");
    assert!(claims(&stdout) > 0);
}

#[test]
fn utf16_and_standard_input_give_the_same_claims() {
    let text = std::fs::read_to_string(article()).unwrap();
    let (_, utf8, _) = triangulate(&["extract", article().to_str().unwrap(), "--json"]);
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        (
            "le.txt",
            [0xFF, 0xFE]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
                .collect::<Vec<u8>>(),
        ),
        (
            "be.txt",
            text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, json, stderr) = triangulate(&["extract", path.to_str().unwrap(), "--json"]);
        assert_eq!(code, 0, "{stderr}");
        assert!(claims(&json) > 0, "{name}");
        assert_eq!(claims(&json), claims(&utf8), "{name}");
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_triangulate"))
        .args(["extract", "-", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(claims(&String::from_utf8_lossy(&out.stdout)), claims(&utf8));
}

#[test]
fn formula_cells_are_guarded_and_read_back_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("claims.csv");
    let (code, _, stderr) = triangulate(&[
        "extract",
        article().to_str().unwrap(),
        "--outlet",
        "=cmd|' /C calc'!A0",
        "--url",
        "\u{FF1D}HYPERLINK(\"x\")",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let written = std::fs::read_to_string(&out).unwrap();
    let mut rows = csv::Reader::from_reader(written.as_bytes());
    let header = rows.headers().unwrap().clone();
    let outlet = header.iter().position(|h| h == "outlet").unwrap();
    let url = header.iter().position(|h| h == "url").unwrap();
    let first = rows.records().next().unwrap().unwrap();
    assert_eq!(&first[outlet], "'=cmd|' /C calc'!A0");
    assert_eq!(&first[url], "'\u{FF1D}HYPERLINK(\"x\")");
    // The importer reads the cell as it was before the guard.
    let (code, json, _) = triangulate(&["check", out.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0);
    assert!(json.contains("=cmd|' /C calc'!A0"), "{json}");
}
