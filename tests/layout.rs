//! The source layout keeps its promises: no module uses another that uses it back (directly
//! or round a longer loop), the core's rooms are layered, the core names no GUI crate and no
//! window code, and no file outgrows one concept.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/core/view/filter.rs` → `["core", "view", "filter"]`; `mod.rs` names its folder.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The code of a file before its first test module, without comments: what the program
/// itself uses (a doc link names a path but uses nothing).
fn program_text(text: &str) -> String {
    let code = text.find("#[cfg(test)]").map_or(text, |i| &text[..i]);
    code.lines()
        .map(|line| line.find("//").map_or(line, |i| &line[..i]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths a file names (`crate::core::view::filter::Filter`, `super::state::Tab`), as
/// absolute module paths, with the items of `use a::{b, c}` groups expanded one level.
fn named_paths(module: &[String], text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !text.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let rest = &text[i..];
        let start = ["crate::", "super::", "self::"]
            .iter()
            .find(|p| rest.starts_with(*p))
            .filter(|_| i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'));
        let Some(prefix) = start else {
            i += 1;
            continue;
        };
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        let path: Vec<String> = rest[..end]
            .split("::")
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let mut absolute: Vec<String> = match *prefix {
            "crate::" => Vec::new(),
            "super::" => module[..module.len().saturating_sub(1)].to_vec(),
            _ => module.to_vec(),
        };
        absolute.extend(path.into_iter().skip(1));
        // `use a::b::{c, d::e}`: each item in the braces, one level deep.
        if rest[end..].starts_with('{')
            && let Some(close) = rest[end..].find('}')
        {
            for item in rest[end + 1..end + close].split(',') {
                let item: Vec<String> = item
                    .trim()
                    .split("::")
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty() && s != "self")
                    .collect();
                let mut full = absolute.clone();
                full.extend(item);
                out.push(full);
            }
        }
        out.push(absolute);
        i += end.max(1);
    }
    out
}

struct Crate {
    /// Module path → its file's program text.
    modules: BTreeMap<Vec<String>, String>,
    lines: BTreeMap<PathBuf, usize>,
}

fn read_crate() -> Crate {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut modules = BTreeMap::new();
    let mut lines = BTreeMap::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        lines.insert(file.clone(), text.lines().count());
        modules.insert(module_of(&src, &file), program_text(&text));
    }
    Crate { modules, lines }
}

impl Crate {
    /// The module files each module uses (the longest known prefix of every path it names).
    fn graph(&self) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
        let mut graph = BTreeMap::new();
        for (module, text) in &self.modules {
            let mut uses = BTreeSet::new();
            for path in named_paths(module, text) {
                let target = (1..=path.len())
                    .rev()
                    .map(|n| path[..n].to_vec())
                    .find(|p| self.modules.contains_key(p));
                if let Some(target) = target
                    && &target != module
                    // A module may name its own parent's items (`super::Thing`) without a cycle
                    // through the parent: a folder's `mod.rs` only declares and re-exports.
                    && !module.starts_with(&target)
                {
                    uses.insert(target);
                }
            }
            graph.insert(module.clone(), uses);
        }
        graph
    }
}

/// The modules that lie on a loop, as loops (Tarjan's strongly connected components).
fn cycles(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<String>> {
    struct State<'a> {
        graph: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'a [String], usize>,
        low: BTreeMap<&'a [String], usize>,
        stack: Vec<&'a [String]>,
        on_stack: BTreeSet<&'a [String]>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, node: &'a [String]) {
        let n = s.index.len();
        s.index.insert(node, n);
        s.low.insert(node, n);
        s.stack.push(node);
        s.on_stack.insert(node);
        for next in s.graph.get(node).into_iter().flatten() {
            let next = next.as_slice();
            if !s.index.contains_key(next) {
                visit(s, next);
                let low = s.low[node].min(s.low[next]);
                s.low.insert(node, low);
            } else if s.on_stack.contains(next) {
                let low = s.low[node].min(s.index[next]);
                s.low.insert(node, low);
            }
        }
        if s.low[node] == s.index[node] {
            let mut component = Vec::new();
            while let Some(top) = s.stack.pop() {
                s.on_stack.remove(top);
                component.push(top.join("::"));
                if top == node {
                    break;
                }
            }
            if component.len() > 1 {
                s.found.push(component);
            }
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !state.index.contains_key(node.as_slice()) {
            visit(&mut state, node);
        }
    }
    state.found
}

#[test]
fn no_module_uses_one_that_uses_it_back() {
    let graph = read_crate().graph();
    assert!(graph.len() > 50, "the source tree was read");
    let loops = cycles(&graph);
    assert!(loops.is_empty(), "module cycles: {loops:#?}");
}

#[test]
fn the_cycle_check_finds_a_loop() {
    let m = |s: &str| s.split("::").map(str::to_owned).collect::<Vec<_>>();
    let graph = BTreeMap::from([
        (m("core::a"), BTreeSet::from([m("core::b")])),
        (m("core::b"), BTreeSet::from([m("core::c")])),
        (m("core::c"), BTreeSet::from([m("core::a")])),
        (m("core::d"), BTreeSet::from([m("core::a")])),
    ]);
    let loops = cycles(&graph);
    assert_eq!(loops.len(), 1);
    assert_eq!(loops[0].len(), 3);
}

#[test]
fn paths_are_read_relative_and_grouped() {
    let module = ["ui".to_owned(), "app".to_owned(), "apply".to_owned()];
    let named = named_paths(
        &module,
        "use super::state::Tab;\nuse crate::core::{view::filter::Filter, files};",
    );
    let named: Vec<String> = named.iter().map(|p| p.join("::")).collect();
    assert!(named.contains(&"ui::app::state::Tab".to_owned()));
    assert!(named.contains(&"core::view::filter::Filter".to_owned()));
    assert!(named.contains(&"core::files".to_owned()));
}

/// The core's rooms, lowest first: a room may use the rooms before it, never those after.
const CORE_LAYERS: [&[&str]; 8] = [
    &["progress", "files"],
    &["model", "parse"],
    &["import"],
    &["analysis"],
    &["view"],
    &["charts"],
    &["export", "workspace"],
    &["printers", "extract"],
];

#[test]
fn every_room_of_the_core_has_a_layer() {
    let mut unplaced = Vec::new();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core")).unwrap()
    {
        let path = entry.unwrap().path();
        let room = path.file_stem().unwrap().to_string_lossy().into_owned();
        if room != "mod" && layer_of(&["core".to_owned(), room.clone()]).is_none() {
            unplaced.push(room);
        }
    }
    assert!(
        unplaced.is_empty(),
        "rooms of the core with no layer: {unplaced:?}"
    );
}

fn layer_of(module: &[String]) -> Option<usize> {
    if module.first().map(String::as_str) != Some("core") {
        return None;
    }
    let room = module.get(1)?;
    CORE_LAYERS.iter().position(|l| l.contains(&room.as_str()))
}

#[test]
fn the_core_is_layered_and_knows_nothing_of_the_window() {
    let graph = read_crate().graph();
    let mut wrong = Vec::new();
    for (module, uses) in &graph {
        let Some(layer) = layer_of(module) else {
            continue;
        };
        for used in uses {
            let upward = layer_of(used).is_some_and(|l| l > layer);
            let outside = matches!(used.first().map(String::as_str), Some("ui" | "cli"));
            if upward || outside {
                wrong.push(format!("{} uses {}", module.join("::"), used.join("::")));
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken: {wrong:#?}");
}

#[test]
fn no_source_file_is_longer_than_600_lines() {
    let long: Vec<String> = read_crate()
        .lines
        .iter()
        .filter(|(_, n)| **n > 600)
        .map(|(p, n)| format!("{} ({n} lines)", p.display()))
        .collect();
    assert!(long.is_empty(), "split these by concept: {long:#?}");
}
