//! Server functions, one file per area: thin adapters from the browser to `backend::db`.

pub mod auth;
pub mod campaigns;
pub mod designer_claims;
pub mod designers;
pub mod funds;
pub mod help;
pub mod partners;
pub mod pledges;
pub mod studio;
