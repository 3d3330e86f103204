//! Reusable view pieces. The interactive ones are islands (`#[island]`), each self-contained:
//! everything else renders on the server only.

pub mod campaign_card;
pub mod card_box;
pub mod countdown;
pub mod designer_card;
pub mod error;
pub mod form;
pub mod islands;
pub mod layout;
pub mod live_totals;
pub mod progress;
pub mod progressive_form;
pub mod reward_card;
