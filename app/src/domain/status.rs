//! The campaign, pledge and payment state machines. Each has one function deciding which transitions are
//! allowed; every state change in the code goes through `transition`.

use super::text_enum;

/// A state change the state machine does not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}: {from} → {to} is not allowed")]
pub struct TransitionError {
    pub kind: &'static str,
    pub from: &'static str,
    pub to: &'static str,
}

text_enum! {
    /// `draft → in_review → live → succeeded | failed | cancelled`.
    CampaignStatus {
        Draft = "draft",
        InReview = "in_review",
        Live = "live",
        Succeeded = "succeeded",
        Failed = "failed",
        Cancelled = "cancelled",
    }
}

impl CampaignStatus {
    /// The one place that decides which campaign transitions exist.
    pub fn can_become(self, to: CampaignStatus) -> bool {
        use CampaignStatus::*;
        matches!(
            (self, to),
            (Draft, InReview)
                // review sends it back for changes, or approves it
                | (InReview, Draft)
                | (InReview, Live)
                // the deadline decides
                | (Live, Succeeded)
                | (Live, Failed)
                | (Draft | InReview | Live, Cancelled)
        )
    }

    pub fn transition(self, to: CampaignStatus) -> Result<CampaignStatus, TransitionError> {
        if self.can_become(to) {
            Ok(to)
        } else {
            Err(TransitionError { kind: "campaign", from: self.as_str(), to: to.as_str() })
        }
    }

    /// Visible to the public (a draft or one under review is only visible to its team).
    pub fn is_public(self) -> bool {
        !matches!(self, CampaignStatus::Draft | CampaignStatus::InReview)
    }

    /// Backers may pledge only while live.
    pub fn accepts_pledges(self) -> bool {
        self == CampaignStatus::Live
    }

    pub fn is_final(self) -> bool {
        CampaignStatus::ALL.iter().all(|to| !self.can_become(*to))
    }
}

text_enum! {
    /// `pending → active → collected | payment_failed → collected | dropped`, or `cancelled`,
    /// `refunded`.
    PledgeStatus {
        /// Created, unit claimed, waiting for a saved card (all-or-nothing) or a payment (flexible).
        Pending = "pending",
        /// Card saved; will be charged if the goal is reached.
        Active = "active",
        /// Money received.
        Collected = "collected",
        /// The charge failed or needs the backer; recovery emails are running.
        PaymentFailed = "payment_failed",
        /// Never paid: recovery ran out, or the hold expired without a card.
        Dropped = "dropped",
        /// Withdrawn by the backer before the deadline, or the campaign failed or was cancelled.
        Cancelled = "cancelled",
        /// Collected, then paid back.
        Refunded = "refunded",
    }
}

impl PledgeStatus {
    /// The one place that decides which pledge transitions exist.
    pub fn can_become(self, to: PledgeStatus) -> bool {
        use PledgeStatus::*;
        matches!(
            (self, to),
            (Pending, Active)
                // flexible campaigns charge at pledge time
                | (Pending, Collected)
                // the hold expired without a saved card
                | (Pending, Dropped)
                | (Pending, Cancelled)
                | (Active, Collected)
                | (Active, PaymentFailed)
                | (Active, Cancelled)
                | (PaymentFailed, Collected)
                | (PaymentFailed, Dropped)
                | (Collected, Refunded)
        )
    }

    pub fn transition(self, to: PledgeStatus) -> Result<PledgeStatus, TransitionError> {
        if self.can_become(to) {
            Ok(to)
        } else {
            Err(TransitionError { kind: "pledge", from: self.as_str(), to: to.as_str() })
        }
    }

    /// The statuses counted in the campaign's pledged total and backer count: the one place
    /// this rule is written (queries bind `PledgeStatus::codes(PledgeStatus::COUNTING)`).
    pub const COUNTING: &'static [PledgeStatus] =
        &[PledgeStatus::Active, PledgeStatus::Collected, PledgeStatus::PaymentFailed];

    /// The statuses that hold a unit of a limited reward (and a place in a slot).
    pub const HOLDING: &'static [PledgeStatus] =
        &[PledgeStatus::Pending, PledgeStatus::Active, PledgeStatus::Collected, PledgeStatus::PaymentFailed];

    /// Counted in the campaign's pledged total and backer count.
    pub fn counts_toward_total(self) -> bool {
        PledgeStatus::COUNTING.contains(&self)
    }

    /// Holds a unit of a limited reward (and a place in a slot).
    pub fn holds_reward_unit(self) -> bool {
        PledgeStatus::HOLDING.contains(&self)
    }

    /// The backer may still change or cancel it (before the deadline, with no charge open).
    pub fn changeable(self) -> bool {
        matches!(self, PledgeStatus::Pending | PledgeStatus::Active)
    }

    pub fn is_final(self) -> bool {
        PledgeStatus::ALL.iter().all(|to| !self.can_become(*to))
    }
}

text_enum! {
    /// What a `payment` row is: one attempt at Stripe.
    PaymentKind {
        /// Saving a card (a SetupIntent).
        Setup = "setup",
        /// Taking money (a PaymentIntent).
        Charge = "charge",
        /// Giving money back.
        Refund = "refund",
    }
}

text_enum! {
    /// `pending → processing | requires_action → succeeded | failed | cancelled`.
    PaymentStatus {
        /// Written down, not yet answered by Stripe (or answered with nothing final).
        Pending = "pending",
        /// Stripe is working on it (a bank debit, a slow network): money may still move.
        Processing = "processing",
        /// Waits for the backer (3-D Secure).
        RequiresAction = "requires_action",
        Succeeded = "succeeded",
        /// Refused, or authentication failed.
        Failed = "failed",
        /// Cancelled at Stripe: superseded, or its pledge ended.
        Cancelled = "cancelled",
    }
}

impl PaymentStatus {
    /// The one place that decides which payment transitions exist. A succeeded payment stays
    /// succeeded whatever arrives late. A failed or cancelled attempt can still be reported as
    /// succeeded (a backer retrying 3-D Secure on an old page, an answer to a request we had
    /// given up on): money Stripe took is always recorded, and refunded if nothing wants it.
    pub fn can_become(self, to: PaymentStatus) -> bool {
        use PaymentStatus::*;
        matches!(
            (self, to),
            (Pending, Processing | RequiresAction | Succeeded | Failed | Cancelled)
                | (Processing, RequiresAction | Succeeded | Failed | Cancelled)
                | (RequiresAction, Processing | Succeeded | Failed | Cancelled)
                | (Failed | Cancelled, Succeeded)
        )
    }

    pub fn transition(self, to: PaymentStatus) -> Result<PaymentStatus, TransitionError> {
        if self.can_become(to) {
            Ok(to)
        } else {
            Err(TransitionError { kind: "payment", from: self.as_str(), to: to.as_str() })
        }
    }

    /// Stripe may still move money on it: no new attempt while one is open.
    pub fn is_open(self) -> bool {
        PaymentStatus::OPEN.contains(&self)
    }

    /// The statuses of an attempt Stripe may still move money on.
    pub const OPEN: &'static [PaymentStatus] =
        &[PaymentStatus::Pending, PaymentStatus::Processing, PaymentStatus::RequiresAction];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (from, to) pair, checked against the table in DESIGN.md.
    #[test]
    fn campaign_transitions_exhaustive() {
        use CampaignStatus::*;
        let allowed = [
            (Draft, InReview),
            (Draft, Cancelled),
            (InReview, Draft),
            (InReview, Live),
            (InReview, Cancelled),
            (Live, Succeeded),
            (Live, Failed),
            (Live, Cancelled),
        ];
        for &from in CampaignStatus::ALL {
            for &to in CampaignStatus::ALL {
                let expected = allowed.contains(&(from, to));
                assert_eq!(from.can_become(to), expected, "{from} → {to}");
                assert_eq!(from.transition(to).is_ok(), expected, "{from} → {to}");
            }
        }
        let finals: Vec<_> = CampaignStatus::ALL.iter().copied().filter(|s| s.is_final()).collect();
        assert_eq!(finals, [Succeeded, Failed, Cancelled]);
    }

    #[test]
    fn pledge_transitions_exhaustive() {
        use PledgeStatus::*;
        let allowed = [
            (Pending, Active),
            (Pending, Collected),
            (Pending, Dropped),
            (Pending, Cancelled),
            (Active, Collected),
            (Active, PaymentFailed),
            (Active, Cancelled),
            (PaymentFailed, Collected),
            (PaymentFailed, Dropped),
            (Collected, Refunded),
        ];
        for &from in PledgeStatus::ALL {
            for &to in PledgeStatus::ALL {
                let expected = allowed.contains(&(from, to));
                assert_eq!(from.can_become(to), expected, "{from} → {to}");
                assert_eq!(from.transition(to).is_ok(), expected, "{from} → {to}");
            }
        }
        let finals: Vec<_> = PledgeStatus::ALL.iter().copied().filter(|s| s.is_final()).collect();
        assert_eq!(finals, [Dropped, Cancelled, Refunded]);
    }

    #[test]
    fn payment_transitions_exhaustive() {
        use PaymentStatus::*;
        let allowed = [
            (Pending, Processing),
            (Pending, RequiresAction),
            (Pending, Succeeded),
            (Pending, Failed),
            (Pending, Cancelled),
            (Processing, RequiresAction),
            (Processing, Succeeded),
            (Processing, Failed),
            (Processing, Cancelled),
            (RequiresAction, Processing),
            (RequiresAction, Succeeded),
            (RequiresAction, Failed),
            (RequiresAction, Cancelled),
            (Failed, Succeeded),
            (Cancelled, Succeeded),
        ];
        for &from in PaymentStatus::ALL {
            for &to in PaymentStatus::ALL {
                let expected = allowed.contains(&(from, to));
                assert_eq!(from.can_become(to), expected, "{from} → {to}");
                assert_eq!(from.transition(to).is_ok(), expected, "{from} → {to}");
            }
        }
        let open: Vec<_> = PaymentStatus::ALL.iter().copied().filter(|s| s.is_open()).collect();
        assert_eq!(open, [Pending, Processing, RequiresAction]);
        // a succeeded payment never changes again
        assert!(PaymentStatus::ALL.iter().all(|to| !Succeeded.can_become(*to)));
    }

    #[test]
    fn transition_error_names_both_states() {
        let err = PledgeStatus::Refunded.transition(PledgeStatus::Active).unwrap_err();
        assert_eq!(err.to_string(), "pledge: refunded → active is not allowed");
    }

    #[test]
    fn totals_and_units() {
        use PledgeStatus::*;
        for &s in PledgeStatus::ALL {
            // whatever counts in the total also holds its reward unit
            if s.counts_toward_total() {
                assert!(s.holds_reward_unit(), "{s}");
            }
        }
        assert!(!Pending.counts_toward_total() && Pending.holds_reward_unit());
        assert!(!Cancelled.holds_reward_unit() && !Dropped.holds_reward_unit() && !Refunded.holds_reward_unit());
    }

    #[test]
    fn only_live_campaigns_take_pledges_and_drafts_are_private() {
        for &s in CampaignStatus::ALL {
            assert_eq!(s.accepts_pledges(), s == CampaignStatus::Live);
        }
        assert!(!CampaignStatus::Draft.is_public() && !CampaignStatus::InReview.is_public());
        assert!(CampaignStatus::Succeeded.is_public());
    }
}
