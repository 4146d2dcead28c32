//! The fonts shipped with the app (SIL Open Font License, see `assets/fonts/OFL.txt`): Noto
//! Sans for Latin, Greek and Cyrillic, Noto Sans Arabic for Arabic, Persian and Kurdish.

pub const NOTO_SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
pub const NOTO_SANS_ARABIC: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf");
