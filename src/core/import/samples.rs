//! Sample data built into the binary, so the app opens with something from any directory.

use crate::core::import::Input;

/// Clearly synthetic claims: fictional sources and places (made by `examples/synth.rs`).
pub const SYNTHETIC_DEMO: &[u8] = include_bytes!("../../../sample_data/synthetic_demo.csv");

/// Every claim in the VICE News article of 25 June 2015 on Kobane and Hasaka.
pub const SEED_ARTICLE: &[u8] = include_bytes!("../../../sample_data/seed_kobane_hasaka_2015.csv");

/// The built-in samples a user can open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Sample {
    SyntheticDemo,
    SeedArticle,
}

impl Sample {
    pub const ALL: [Self; 2] = [Self::SyntheticDemo, Self::SeedArticle];

    pub fn file_name(self) -> &'static str {
        match self {
            Self::SyntheticDemo => "synthetic_demo.csv",
            Self::SeedArticle => "seed_kobane_hasaka_2015.csv",
        }
    }

    /// How the window labels data from this sample.
    pub fn label(self) -> &'static str {
        match self {
            Self::SyntheticDemo => "synthetic demo data (fictional sources and places)",
            Self::SeedArticle => "seed article: VICE News, Kobane and Hasaka, 25 June 2015",
        }
    }

    pub fn input(self) -> Input {
        let bytes = match self {
            Self::SyntheticDemo => SYNTHETIC_DEMO,
            Self::SeedArticle => SEED_ARTICLE,
        };
        Input::embedded(self.file_name(), bytes)
    }
}
