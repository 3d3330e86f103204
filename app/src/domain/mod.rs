//! Pure domain types shared by the browser and the server. No I/O here: every type parses its
//! input (`Slug::parse`, `Email::parse`, `Money::new`...) so that holding one means it is valid.

mod account;
mod campaign_form;
mod dashboard;
mod designer_claim;
mod designer_form;
mod enums;
mod fund;
mod help;
mod ids;
mod locale;
pub mod matching;
mod money;
mod partner;
mod pledge;
mod registry;
mod reward_form;
mod status;
mod team;
mod text;
mod time;
mod translation;
mod update_form;
pub mod views;

pub use account::{DisplayName, DisplayNameError, NewPassword, PasswordError};
pub use campaign_form::{
    local_input, CampaignEditor, CampaignForm, CampaignSettings, FaqForm, FaqSettings, ReviewItem, StudioCampaign,
    StudioFaq, StudioImage, MAX_DAYS,
};
pub use dashboard::{
    Attendee, BackerFilter, BackerRow, BackersPage, CheckIn, Dashboard, PledgeDay, SlotSales, TierSales,
    BACKERS_PER_PAGE,
};
pub use designer_claim::{ClaimView, DesignerInvite, MyDesigner};
pub use designer_form::{parse_distance, DesignerEdit, DesignerForm, DesignerSettings, DesignersEditor};
pub use enums::{
    Fulfilment, FundingModel, HelpOfferStatus, MemberRole, NeedKind, PartnerKind, PartnerLevel, PartnerStatus,
    Practice, QuestionKind, RewardKind, UpdateVisibility,
};
pub use fund::{FundCardPage, FundForm, FundStatus, FundTerms, FundView, TierChoice};
pub use help::{
    HelpOfferForm, HelpOfferSettings, MyOffer, NeedForm, NeedSettings, NeedsEditor, OfferPage, StudioNeed, StudioOffer,
};
pub use ids::{CampaignId, DesignerId, NeedId, PartnerId, PickupPointId, PledgeId, RewardSlotId, RewardTierId, UserId};
pub use locale::Locale;
pub use money::{Currency, Money, MoneyError};
pub use partner::{PartnerApplication, PartnerForm, PartnerJoinPage, PartnerSettings, PartnerTarget, PartnersReview};
pub use pledge::{parse_amount, FieldError, NewPledgeForm, PledgeChoice, PledgeForm};
pub use registry::{registry, DesignerFilter, DesignerRegistry, Facet};
pub use reward_form::{
    PickupPointForm, PickupPointSettings, QuestionForm, QuestionSettings, RewardEditor, RewardForm, RewardSettings,
    RewardsEditor, SlotForm, SlotSettings, StudioQuestion, StudioReward, StudioSlot,
};
pub use status::{CampaignStatus, PaymentKind, PaymentStatus, PledgeStatus, TransitionError};
pub use team::{InviteState, InviteView, TeamInvite, TeamMember, TeamPage, INVITE_DAYS};
pub use text::{Email, EmailError, Slug, SlugError};
pub use time::{from_zurich, to_zurich, TimeLeft};
pub use translation::{other_locales, Blank, CampaignTexts, FaqTexts, RewardTexts, TranslatedPart, TranslationsEditor};
pub use update_form::{StudioUpdate, UpdateForm, UpdatePage, UpdateSettings, UpdatesEditor};

/// Error returned when a stored or submitted code names no known variant of an enum.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind}: {value:?}")]
pub struct UnknownVariant {
    pub kind: &'static str,
    pub value: String,
}

/// Declares an enum stored as lowercase text (the database CHECK lists the same codes),
/// with `as_str`, `parse`, `ALL`, `Display` and `FromStr`.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code stored in the database and used in URLs.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The codes of `list`, to bind in SQL (`status = any($1)`): the lists of which states
            /// do what are written once, on the enum, never as SQL text.
            pub fn codes(list: &[$name]) -> Vec<String> {
                list.iter().map(|v| v.as_str().to_owned()).collect()
            }

            /// Parses a stored or submitted code.
            pub fn parse(value: &str) -> Result<Self, $crate::domain::UnknownVariant> {
                match value {
                    $($code => Ok($name::$variant),)+
                    _ => Err($crate::domain::UnknownVariant { kind: stringify!($name), value: value.to_owned() }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::UnknownVariant;
            fn from_str(s: &str) -> Result<Self, Self::Err> { Self::parse(s) }
        }
    };
}
pub(crate) use text_enum;
