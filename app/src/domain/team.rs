//! A campaign's team in the studio: its members, the invitations still open, and the page an
//! invited person opens from their email.

use super::{CampaignId, CampaignStatus, MemberRole, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Days an invitation link stays valid.
pub const INVITE_DAYS: i64 = 14;

/// Someone on the team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamMember {
    pub user: UserId,
    pub name: String,
    pub email: String,
    pub role: MemberRole,
    pub since: DateTime<Utc>,
}

/// An invitation not yet accepted (nor withdrawn).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamInvite {
    pub id: i64,
    pub email: String,
    pub role: MemberRole,
    pub expires_at: DateTime<Utc>,
    pub expired: bool,
}

/// The studio's team page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamPage {
    pub campaign: CampaignId,
    pub title: String,
    pub status: CampaignStatus,
    /// The viewer may invite and remove (owners and admins); editors see the team.
    pub manages: bool,
    pub me: UserId,
    pub members: Vec<TeamMember>,
    pub invites: Vec<TeamInvite>,
}

/// Where an invitation stands, as its link shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InviteState {
    Open,
    Expired,
    Accepted,
    Withdrawn,
}

impl InviteState {
    /// From what the invitation's row records: used first, then withdrawn, then past its date.
    pub fn of(accepted: bool, withdrawn: bool, expired: bool) -> InviteState {
        match (accepted, withdrawn, expired) {
            (true, _, _) => InviteState::Accepted,
            (_, true, _) => InviteState::Withdrawn,
            (_, _, true) => InviteState::Expired,
            _ => InviteState::Open,
        }
    }
}

/// What the invitation link shows: the campaign, the role, and whether the person signed in is
/// the one invited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InviteView {
    pub campaign: CampaignId,
    pub campaign_title: String,
    pub role: MemberRole,
    pub invited_by: String,
    pub state: InviteState,
    /// The address invited.
    pub email: String,
    /// The signed-in account's address, if any.
    pub signed_in_as: Option<String>,
}

impl InviteView {
    /// The signed-in account is the invited address (compared as mailboxes, ignoring case).
    pub fn for_me(&self) -> bool {
        same_mailbox(self.signed_in_as.as_deref(), &self.email)
    }
}

/// The signed-in address `me` is `invited` (addresses compared ignoring case).
pub(super) fn same_mailbox(me: Option<&str>, invited: &str) -> bool {
    me.is_some_and(|me| me.eq_ignore_ascii_case(invited))
}
