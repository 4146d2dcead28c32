//! The fonts shipped with the app: Noto Sans for Latin, Greek and Cyrillic and Noto Sans
//! Arabic for Arabic, Persian and Kurdish (SIL Open Font License, `assets/fonts/OFL.txt`), and
//! DejaVu Sans, which has both scripts in one font (Bitstream Vera licence,
//! `assets/fonts/DejaVu-LICENSE.txt`): exported lines that mix the two scripts are drawn with it,
//! so the renderer never has to fall back from one font to another inside a line.

pub const NOTO_SANS: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
pub const NOTO_SANS_ARABIC: &[u8] =
    include_bytes!("../../../assets/fonts/NotoSansArabic-Regular.ttf");
pub const DEJAVU_SANS: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
