//! What the pages receive from the server: read models assembled from the database, already
//! checked (amounts as `Money`, codes as enums). Story and update bodies arrive as sanitised HTML.
//!
//! One file per area (campaign, designers, pledges); every type is reachable as `views::Type`.

mod campaign;
mod designers;
mod pledges;

pub use campaign::*;
pub use designers::*;
pub use pledges::*;

use crate::domain::{Locale, UserId};
use serde::{Deserialize, Serialize};

/// The person signed in, as the pages see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignedInUser {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub locale: Locale,
    /// Admin rights: named by `ADMIN_EMAILS` or flagged, and the address verified.
    pub is_admin: bool,
    /// The address was proven by the link sent to it.
    pub email_verified: bool,
}

/// A picture with its text alternative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Image {
    pub url: String,
    pub alt: String,
    /// Every width of an uploaded picture (`url 480w, …`); empty for a single file.
    pub srcset: String,
}
