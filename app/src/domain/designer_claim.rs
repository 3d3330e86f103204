//! A designer claiming their profile: the campaign team invites the designer's address, the
//! account with that address accepts from the link, and then edits the profile on `/me/designer`.

use super::views::DesignerCard;
use super::{DesignerForm, InviteState};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// An invitation to claim a profile, not yet accepted nor withdrawn (the studio shows it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DesignerInvite {
    pub id: i64,
    pub email: String,
    pub expires_at: DateTime<Utc>,
    pub expired: bool,
}

/// What the claim link shows: whose profile, which team invited, and whether the account
/// signed in is the one invited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimView {
    pub designer: String,
    pub designer_slug: String,
    pub campaign_title: String,
    pub invited_by: String,
    pub state: InviteState,
    /// The address invited.
    pub email: String,
    /// The signed-in account's address, if any.
    pub signed_in_as: Option<String>,
}

impl ClaimView {
    /// The signed-in account is the invited address (compared as mailboxes, ignoring case).
    pub fn for_me(&self) -> bool {
        super::team::same_mailbox(self.signed_in_as.as_deref(), &self.email)
    }
}

/// `/me/designer`: the profile the signed-in account claimed, if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyDesigner {
    pub card: DesignerCard,
    pub form: DesignerForm,
}
