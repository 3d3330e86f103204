//! A campaign's dashboard in the studio: its figures, pledges over time, sales against limits,
//! and the backers table with its filters (read from the address, so they work as plain links).

use super::views::CampaignDetail;
use super::{Money, PledgeId, PledgeStatus, RewardSlotId, RewardTierId};
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The pledges counted on one day (Geneva's calendar), for the chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PledgeDay {
    pub day: NaiveDate,
    /// The amount pledged that day by pledges that still count.
    pub amount: Decimal,
    pub pledges: i64,
}

/// A tier's sales against its limit, with its slots' bookings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TierSales {
    pub id: RewardTierId,
    pub title: String,
    pub claimed: i64,
    pub limit: Option<i64>,
    pub slots: Vec<SlotSales>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlotSales {
    pub id: RewardSlotId,
    pub starts_at: DateTime<Utc>,
    pub claimed: i64,
    pub capacity: i64,
    /// Who holds a place (card saved or paid), and who came.
    pub attendees: Vec<Attendee>,
}

/// A backer expected at a time slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attendee {
    pub pledge: PledgeId,
    pub name: String,
    pub quantity: i32,
    pub checked_in_at: Option<DateTime<Utc>>,
}

/// What the check-in link shows the team member who opened it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    pub name: String,
    pub reward: String,
    pub slot: DateTime<Utc>,
    pub quantity: i32,
    /// When the backer came; `None` when the pledge holds no place (nothing was recorded).
    pub checked_in_at: Option<DateTime<Utc>>,
    /// Checked in before this scan.
    pub already: bool,
}

/// Everything on the dashboard but the backers table and the money (`TeamTools`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    /// The campaign's figures (any status: the team sees its draft's zeros).
    pub campaign: CampaignDetail,
    pub days: Vec<PledgeDay>,
    pub tiers: Vec<TierSales>,
    pub server_now: DateTime<Utc>,
}

impl Dashboard {
    /// The running total after each day: the chart's line.
    pub fn cumulative(&self) -> Vec<(NaiveDate, Decimal)> {
        let mut total = Decimal::ZERO;
        self.days
            .iter()
            .map(|d| {
                total = total.checked_add(d.amount).unwrap_or(total);
                (d.day, total)
            })
            .collect()
    }
}

/// The backers table's filters, as the address carries them (`?q=&tier=&status=&page=`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackerFilter {
    /// Part of a name or an email address.
    pub q: String,
    /// A tier's id, `none` for pledges without reward, or empty for all.
    pub tier: String,
    /// A pledge status code, or empty for all.
    pub status: String,
    /// From 1.
    pub page: u32,
}

/// Rows per page of the backers table.
pub const BACKERS_PER_PAGE: u32 = 25;

impl BackerFilter {
    pub fn search(&self) -> Option<String> {
        let q = self.q.trim();
        (!q.is_empty()).then(|| q.chars().take(100).collect())
    }

    pub fn status(&self) -> Option<PledgeStatus> {
        PledgeStatus::parse(self.status.trim()).ok()
    }

    /// `Some(None)`: pledges without reward; `Some(Some(id))`: one tier; `None`: all.
    pub fn tier(&self) -> Option<Option<RewardTierId>> {
        match self.tier.trim() {
            "none" => Some(None),
            t => t.parse::<i64>().ok().map(|t| Some(RewardTierId(t))),
        }
    }

    pub fn page(&self) -> u32 {
        self.page.clamp(1, 10_000)
    }

    /// This filter on another page, as a query string for a link.
    pub fn query(&self, page: u32) -> String {
        let mut parts = Vec::new();
        for (name, value) in [("q", self.q.trim()), ("tier", self.tier.trim()), ("status", self.status.trim())] {
            if !value.is_empty() {
                parts.push(format!("{name}={}", super::text::query_value(value)));
            }
        }
        parts.push(format!("page={page}"));
        format!("?{}", parts.join("&"))
    }
}

/// One pledge in the backers table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackerRow {
    pub pledge: PledgeId,
    pub name: String,
    pub email: String,
    pub reward: Option<String>,
    pub slot: Option<DateTime<Utc>>,
    pub quantity: i32,
    pub total: Money,
    pub status: PledgeStatus,
    pub fulfilled: bool,
    pub created_at: DateTime<Utc>,
}

/// A page of the backers table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackersPage {
    pub rows: Vec<BackerRow>,
    /// Pledges matching the filter, on every page.
    pub matching: i64,
    pub page: u32,
    /// The campaign's tiers, for the filter: (id, title).
    pub tiers: Vec<(RewardTierId, String)>,
}

impl BackersPage {
    pub fn pages(&self) -> u32 {
        let pages = (self.matching.max(0) as u64).div_ceil(u64::from(BACKERS_PER_PAGE));
        u32::try_from(pages).unwrap_or(u32::MAX).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_reads_the_address_and_writes_links() {
        let f = BackerFilter { q: " Léa ".into(), tier: "12".into(), status: "active".into(), page: 0 };
        assert_eq!(f.search().as_deref(), Some("Léa"));
        assert_eq!(f.tier(), Some(Some(RewardTierId(12))));
        assert_eq!(f.status(), Some(PledgeStatus::Active));
        assert_eq!(f.page(), 1);
        assert_eq!(f.query(2), "?q=L%C3%A9a&tier=12&status=active&page=2");
        let all = BackerFilter::default();
        assert_eq!((all.search(), all.tier(), all.status()), (None, None, None));
        assert_eq!(BackerFilter { tier: "none".into(), ..all }.tier(), Some(None));
    }
}
