//! What surrounds the tabs: the menu bar, the filter panel and the status bar.

pub mod filter_panel;
pub mod menu;
pub mod status_bar;
