//! Real third-party files, read in place when `../shared/realdata/` is there: the generic
//! importer must refuse them clearly (they are not claims files) and never panic.

use std::path::PathBuf;

use triangulate::core::import::ImportOptions;

use crate::fixtures::import_paths;

fn realdata(name: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/realdata")
        .join(name);
    path.exists().then_some(path)
}

#[test]
fn ucdp_and_vdc_files_get_a_clear_column_error() {
    let names = [
        "ucdp_ged231_sample_syria_iraq.csv",
        "ucdp_ged191_syria_2016_2019_multisource.csv",
        "vdc_regime_fatalities_2015.csv",
    ];
    for name in names {
        let Some(path) = realdata(name) else {
            eprintln!("skipping {name}: ../shared/realdata is not here");
            continue;
        };
        let imported = import_paths(&[path], ImportOptions::default());
        let error = imported.report.files[0].error.clone().unwrap_or_default();
        assert!(error.contains("no `"), "{name}: {error}");
        assert!(error.contains("found:"), "{name}: {error}");
    }
}
