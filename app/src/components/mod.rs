//! Reusable view pieces. The interactive ones (countdown, reward filter) are self-contained so
//! they can become islands if the wasm budget asks for it.

pub mod campaign_card;
pub mod clock;
pub mod countdown;
pub mod designer_card;
pub mod error;
pub mod form;
pub mod layout;
pub mod progress;
pub mod reward_card;
