//! `triangulate check` as a user runs it.

use std::process::Command;

use crate::fixtures::{Fixtures, seed_path};

pub fn triangulate(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_triangulate"))
        .args(args)
        .output()
        .expect("run triangulate");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_json_has_the_documented_keys() {
    let seed = seed_path();
    let (code, stdout, _) = triangulate(&["check", seed.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON object");
    let file = &doc["files"][0];
    for key in ["path", "rows", "imported", "rejected", "warnings"] {
        assert!(file.get(key).is_some(), "files[].{key}");
    }
    assert_eq!(file["rows"], 27);
    let claim = &doc["claims"][0];
    for key in [
        "id",
        "file",
        "line",
        "source",
        "source_raw",
        "source_type",
        "side",
        "claim",
        "group",
        "low",
        "high",
        "qualifier",
        "stance",
        "detail",
        "location",
        "event_date",
        "published",
        "reported_at",
        "date_start",
        "date_end",
        "quantity_text",
        "outlet",
        "article_id",
        "quote",
    ] {
        assert!(claim.get(key).is_some(), "claims[].{key}");
    }
    assert_eq!(claim["id"], "seed_kobane_hasaka_2015.csv:2");
    let sources = doc["sources"].as_array().unwrap();
    assert!(
        sources
            .iter()
            .any(|s| s["name"] == "SOHR" && s["type"] == "monitor" && s["claims"] == 8)
    );
}

#[test]
fn check_text_report_lists_rejections_and_sources() {
    let fixtures = Fixtures::new();
    let path = fixtures.write("mixed.csv", "source,claim,count,event_date\nSOHR,killed,13,2015-06-25\nSOHR,killed,many many,2015-06-25\n");
    let (code, stdout, _) = triangulate(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("2 rows: 1 imported, 1 rejected"),
        "{stdout}"
    );
    assert!(
        stdout.contains("rejected: line 3, column 'count': count 'many many'"),
        "{stdout}"
    );
    assert!(stdout.contains("SOHR"));
}

#[test]
fn exit_codes_say_whether_anything_was_imported() {
    let fixtures = Fixtures::new();
    let empty = fixtures.write("empty.csv", "");
    let (code, stdout, _) = triangulate(&["check", empty.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stdout.contains("empty.csv"), "{stdout}");
    let (code, _, stderr) = triangulate(&["check"]);
    assert_eq!(code, 2, "{stderr}");
    let seed = seed_path();
    let (code, _, stderr) =
        triangulate(&["check", seed.to_str().unwrap(), "--encoding", "klingon"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown encoding 'klingon'"));
}

#[test]
fn analyze_json_has_the_documented_keys() {
    let seed = seed_path();
    let (code, stdout, _) = triangulate(&["analyze", seed.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON object");
    assert_eq!(doc["settings"]["window_days"], 2);
    let event = &doc["events"][0];
    for key in ["id", "location", "date_from", "date_to", "claims"] {
        assert!(event.get(key).is_some(), "events[].{key}");
    }
    let d = &doc["discrepancies"][0];
    for key in [
        "kind",
        "subtype",
        "severity",
        "event",
        "claim",
        "group",
        "sources",
        "claims",
        "explanation",
    ] {
        assert!(d.get(key).is_some(), "discrepancies[].{key}");
    }
    let s = &doc["scorecard"][0];
    for key in [
        "source",
        "type",
        "side",
        "claims",
        "comparable",
        "corroborated",
        "contradicted",
        "rate",
        "denials",
        "bias_log2",
        "bias_own",
        "bias_adversary",
        "grade",
        "evidence",
    ] {
        assert!(s.get(key).is_some(), "scorecard[].{key}");
    }
    let c = &doc["claims"][0];
    for key in [
        "id",
        "source",
        "current",
        "credibility",
        "credibility_reason",
        "interested",
    ] {
        assert!(c.get(key).is_some(), "claims[].{key}");
    }
    let (code, stdout, _) = triangulate(&["analyze", seed.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Reported claims — not verified totals"));
    assert!(stdout.contains("contradiction/denial"));
}

#[test]
fn analyze_reads_alias_files_and_reports_bad_ones() {
    let fixtures = Fixtures::new();
    let data = fixtures.write(
        "a.csv",
        "source,claim,count,location,event_date\nthe Observatory,killed,40,Idlib,2016-01-01\nSNHR,killed,10,Idleb city,2016-01-01\n",
    );
    let aliases = fixtures.write(
        "aliases.csv",
        "kind,name,means\nsource,the Observatory,SOHR\nplace,Idleb city,Idlib\n",
    );
    let (code, stdout, stderr) = triangulate(&[
        "analyze",
        data.to_str().unwrap(),
        "--aliases",
        aliases.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        doc["events"].as_array().unwrap().len(),
        1,
        "the alias joins the two places"
    );
    assert_eq!(doc["discrepancies"][0]["sources"][0], "SOHR");
    let bad = fixtures.write("bad.csv", "kind,name,means\nplanet,Mars,Earth\n");
    let (code, _, stderr) = triangulate(&[
        "analyze",
        data.to_str().unwrap(),
        "--aliases",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("bad.csv: line 2, column kind: 'planet'"),
        "{stderr}"
    );
}

#[test]
fn aliases_that_rename_each_other_round_a_loop_are_refused() {
    // Applied one step at a time, SOHR → SANA and SANA → SOHR printed "SANA (monitor)
    // says…" and "SOHR (state media) denies…"; places the same.
    let fixtures = Fixtures::new();
    let data = fixtures.write(
        "a.csv",
        "source,source_type,claim,count,location,event_date
SOHR,monitor,killed,40,Kobane,2015-06-25
SANA,state_media,killed,10,Kobane,2015-06-25
",
    );
    for (name, text, cycle) in [
        (
            "sources.csv",
            "kind,name,means\nsource,SOHR,SANA\nsource,sana,SOHR\n",
            "source aliases SANA → SOHR → SANA",
        ),
        (
            "places.csv",
            "kind,name,means\nplace,Kobane,Kobani\nplace,Kobani,Ain al-Arab\nplace,Ain al-Arab,Kobane\n",
            "place aliases",
        ),
    ] {
        let aliases = fixtures.write(name, text);
        let (code, stdout, stderr) = triangulate(&[
            "analyze",
            data.to_str().unwrap(),
            "--aliases",
            aliases.to_str().unwrap(),
        ]);
        assert_eq!(code, 2, "{stdout}");
        assert!(
            stderr.contains(name) && stderr.contains(cycle) && stderr.contains("round a loop"),
            "{stderr}"
        );
    }
    // A loop closed between two files is refused too.
    let one = fixtures.write(
        "one.csv",
        "kind,name,means
source,SOHR,SANA
",
    );
    let two = fixtures.write(
        "two.csv",
        "kind,name,means
source,SANA,SOHR
",
    );
    let (code, _, stderr) = triangulate(&[
        "analyze",
        data.to_str().unwrap(),
        "--aliases",
        one.to_str().unwrap(),
        "--aliases",
        two.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("round a loop"), "{stderr}");
}

#[test]
fn thresholds_that_make_no_sense_are_refused() {
    let seed = seed_path();
    let seed = seed.to_str().unwrap();
    for ratio in ["NaN", "-0.1", "1.5"] {
        let option = format!("--ratio={ratio}");
        let (code, _, stderr) = triangulate(&["analyze", seed, &option]);
        assert_eq!(code, 2, "--ratio {ratio}: {stderr}");
        assert!(stderr.contains("--ratio"), "{stderr}");
    }
    let (code, _, _) = triangulate(&["analyze", seed, "--ratio", "0.2"]);
    assert_eq!(code, 0);
}

#[test]
fn terminal_escapes_in_the_data_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("escape.csv");
    std::fs::write(
        &path,
        "source,claim,group,count,location,event_date\n\
         SO\u{1b}[2JHR,killed,civilians,3,Kob\u{7}ane,2015-06-25\n",
    )
    .unwrap();
    for command in ["check", "analyze"] {
        let (code, stdout, _) = triangulate(&[command, path.to_str().unwrap()]);
        assert_eq!(code, 0, "{command}");
        assert!(
            !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
            "{command}: {stdout}"
        );
        assert!(stdout.contains("SO\\u{1b}[2JHR"), "{command}: {stdout}");
    }
}

#[test]
fn standard_input_and_fifos_are_read_once() {
    use std::io::Write;
    let seed = std::fs::read(seed_path()).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_triangulate"))
        .args(["check", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&seed).unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("standard input — 27 rows: 27 imported"),
        "{text}"
    );
    #[cfg(unix)]
    {
        let fixtures = Fixtures::new();
        let fifo = fixtures.path().join("claims.fifo");
        let made = Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let writer = {
                let fifo = fifo.clone();
                std::thread::spawn(move || std::fs::write(fifo, seed))
            };
            let (code, stdout, _) = triangulate(&["check", fifo.to_str().unwrap()]);
            writer.join().unwrap().unwrap();
            assert_eq!(code, 0);
            assert!(stdout.contains("27 rows: 27 imported"), "{stdout}");
        }
    }
}

#[test]
fn format_and_map_choose_how_a_file_is_read() {
    let fixtures = Fixtures::new();
    let path = fixtures.write("own.csv", "Said,Type,Day,N\nSOHR,killed,2015-06-25,13\n");
    let path = path.to_str().unwrap();
    let (code, _, stderr) = triangulate(&["check", path]);
    assert_ne!(code, 0, "{stderr}");
    let (code, stdout, _) = triangulate(&[
        "check",
        path,
        "--map",
        "source=Said,claim=Type,event_date=Day,count=N",
    ]);
    assert_eq!(code, 0);
    assert!(stdout.contains("1 rows: 1 imported"), "{stdout}");
    let (code, _, stderr) = triangulate(&["check", path, "--map", "sorce=Said"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("not a claim field"));
    let (code, stdout, stderr) = triangulate(&["check", path, "--format", "ucdp"]);
    assert_ne!(code, 0);
    assert!(
        format!("{stdout}{stderr}").contains("UCDP GED"),
        "{stdout}{stderr}"
    );
}

#[test]
fn devices_given_as_workspace_or_alias_files_are_refused_not_read() {
    #[cfg(unix)]
    {
        let seed = seed_path();
        let seed = seed.to_str().unwrap();
        let (code, _, stderr) = triangulate(&["analyze", seed, "--aliases", "/dev/zero"]);
        assert_ne!(code, 0);
        assert!(stderr.contains("not a regular file"), "{stderr}");
        let (code, _, stderr) = triangulate(&["analyze", "--workspace", "/dev/zero"]);
        assert_ne!(code, 0);
        assert!(stderr.contains("not a regular file"), "{stderr}");
        // A workspace that lists a device: the device is not hashed.
        let fixtures = Fixtures::new();
        let workspace = fixtures.write(
            "w.triangulate.json",
            r#"{"files":[{"path":"/dev/zero","sha256":"00"}]}"#,
        );
        let (_, _, stderr) = triangulate(&["analyze", "--workspace", workspace.to_str().unwrap()]);
        assert!(stderr.contains("not a regular file"), "{stderr}");
    }
}

#[test]
fn terminal_escapes_from_the_data_never_reach_the_terminal() {
    // A source named with an OSC 52 sequence (a clipboard write), listed by the error that
    // says which sources the data has.
    let fixtures = Fixtures::new();
    let data = fixtures.write(
        "escape.csv",
        "source,claim,count,location,event_date\n\u{1b}]52;c;ZXZpbA==\u{7}SOHR,killed,4,Kobane,2015-06-25\n",
    );
    let (code, _, stderr) = triangulate(&["analyze", data.to_str().unwrap(), "--source", "nobody"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("the data has"), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    assert!(stderr.contains("\\u{1b}]52"), "{stderr:?}");
}

#[test]
fn event_edits_that_cannot_be_made_are_said() {
    let seed = crate::fixtures::seed_path();
    let (code, _, stderr) = triangulate(&[
        "analyze",
        seed.to_str().unwrap(),
        "--split-event",
        "new-event=seed_kobane_hasaka_2015.csv:999",
        "--split-event",
        "hasakah-2015-06-25=seed_kobane_hasaka_2015.csv:2",
        "--merge-event",
        "nowhere=kobane-2015-06-25",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("split of claim seed_kobane_hasaka_2015.csv:999: no such claim"),
        "{stderr}"
    );
    assert!(
        stderr.contains("split into hasakah-2015-06-25: an event already has that id"),
        "{stderr}"
    );
    assert!(
        stderr.contains("merge of nowhere into kobane-2015-06-25: no event nowhere"),
        "{stderr}"
    );
    // A split to a new id is made and says nothing.
    let (_, stdout, stderr) = triangulate(&[
        "analyze",
        seed.to_str().unwrap(),
        "--split-event",
        "mine=seed_kobane_hasaka_2015.csv:2",
        "--json",
    ]);
    assert!(!stderr.contains("warning"), "{stderr}");
    assert!(stdout.contains("\"mine\""), "the split's event is there");
}

#[test]
fn map_errors_name_the_files_own_columns() {
    let fixtures = Fixtures::new();
    let data = fixtures.write(
        "own.csv",
        "Attributed to,Kind,When\nSOHR,killed,2015-06-25\n",
    );
    // `Kind` is already read as source: said so, not "no column Kind".
    let (code, stdout, _) = triangulate(&[
        "check",
        data.to_str().unwrap(),
        "--map",
        "source=Kind,claim=Kind",
    ]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("column 'Kind' is already read as source"),
        "{stdout}"
    );
    // A missing column is listed among the file's own names, not the renamed ones.
    let (_, stdout, _) = triangulate(&[
        "check",
        data.to_str().unwrap(),
        "--map",
        "source=Attributed to,claim=Type",
    ]);
    assert!(
        stdout.contains("its columns: Attributed to, Kind, When"),
        "{stdout}"
    );
}
