//! Typed ids: a `PledgeId` cannot be passed where a `CampaignId` is expected.

macro_rules! typed_id {
    ($($(#[$meta:meta])* $name:ident),+ $(,)?) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )+};
}

typed_id! {
    /// Id of an `app_user` row.
    UserId,
    /// Id of a campaign.
    CampaignId,
    /// Id of a reward tier.
    RewardTierId,
    /// Id of a time slot of a reward tier.
    RewardSlotId,
    /// Id of a pickup point.
    PickupPointId,
    /// Id of a pledge.
    PledgeId,
    /// Id of a designer in the registry.
    DesignerId,
    /// Id of a partner.
    PartnerId,
    /// Id of a campaign need.
    NeedId,
}

impl PledgeId {
    /// The reference printed on receipts: `TRAME-000042`.
    pub fn receipt_reference(self) -> String {
        format!("TRAME-{:06}", self.0)
    }
}
