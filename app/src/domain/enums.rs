//! The small closed vocabularies of the domain. State machines live in `status.rs`.

use super::text_enum;

text_enum! {
    /// How a campaign collects money.
    FundingModel {
        /// Nobody is charged unless the goal is reached at the deadline (the default).
        AllOrNothing = "all_or_nothing",
        /// Charged at once; the campaign keeps what it raises.
        Flexible = "flexible",
    }
}

text_enum! {
    /// What a reward tier gives the backer.
    RewardKind {
        Object = "object",
        Workshop = "workshop",
        GuidedRoute = "guided_route",
        Coaching = "coaching",
        Meeting = "meeting",
    }
}

text_enum! {
    /// How a reward reaches its backer.
    Fulfilment {
        /// Collected at one of the campaign's named pickup points.
        Pickup = "pickup",
        Shipping = "shipping",
        /// A session in person (workshops, routes, meetings), usually with time slots.
        InPerson = "in_person",
        Online = "online",
    }
}

text_enum! {
    /// Sustainable practices a designer follows (the registry's filter vocabulary).
    Practice {
        Upcycling = "upcycling",
        ZeroWasteCutting = "zero_waste_cutting",
        LocalSourcing = "local_sourcing",
        NaturalDyes = "natural_dyes",
        Repair = "repair",
        OrganicFibres = "organic_fibres",
        MadeToOrder = "made_to_order",
        Deadstock = "deadstock",
        HandCraft = "hand_craft",
    }
}

text_enum! {
    /// What a partner brings.
    PartnerKind {
        Technology = "technology",
        Media = "media",
        Financial = "financial",
        InKind = "in_kind",
    }
}

text_enum! {
    /// How prominently a partner appears on the partner wall.
    PartnerLevel {
        Principal = "principal",
        Major = "major",
        Supporter = "supporter",
    }
}

text_enum! {
    /// Review state of a partner application.
    PartnerStatus {
        Applied = "applied",
        Approved = "approved",
        Rejected = "rejected",
    }
}

text_enum! {
    /// In-kind help a campaign can ask for.
    NeedKind {
        Space = "space",
        Machine = "machine",
        VolunteerHours = "volunteer_hours",
        Skill = "skill",
        DesignerIntroduction = "designer_introduction",
        Other = "other",
    }
}

text_enum! {
    /// Life of an offer of help against a need.
    HelpOfferStatus {
        Offered = "offered",
        Accepted = "accepted",
        Declined = "declined",
        Done = "done",
        Withdrawn = "withdrawn",
    }
}

impl HelpOfferStatus {
    /// Whether the offer counts towards the need's progress.
    pub fn counts_toward_need(self) -> bool {
        matches!(self, HelpOfferStatus::Accepted | HelpOfferStatus::Done)
    }
}

text_enum! {
    /// Who may read a campaign update.
    UpdateVisibility {
        Public = "public",
        Backers = "backers",
    }
}

text_enum! {
    /// How a backer answers a reward question.
    QuestionKind {
        Text = "text",
        Choice = "choice",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for k in RewardKind::ALL {
            assert_eq!(RewardKind::parse(k.as_str()), Ok(*k));
        }
        for p in Practice::ALL {
            assert_eq!(p.as_str().parse::<Practice>(), Ok(*p));
        }
        for f in Fulfilment::ALL {
            assert_eq!(Fulfilment::parse(&f.to_string()), Ok(*f));
        }
    }

    #[test]
    fn unknown_code_is_an_error() {
        let err = RewardKind::parse("banana").unwrap_err();
        assert_eq!(err.kind, "RewardKind");
        assert!(FundingModel::parse("All_Or_Nothing").is_err(), "codes are case-sensitive");
    }

    #[test]
    fn serde_uses_the_stored_codes() {
        assert_eq!(serde_json::to_string(&RewardKind::GuidedRoute).unwrap(), "\"guided_route\"");
        assert_eq!(serde_json::from_str::<NeedKind>("\"volunteer_hours\"").unwrap(), NeedKind::VolunteerHours);
    }

    #[test]
    fn only_accepted_and_done_offers_count() {
        let counted: Vec<_> = HelpOfferStatus::ALL.iter().filter(|s| s.counts_toward_need()).collect();
        assert_eq!(counted, [&HelpOfferStatus::Accepted, &HelpOfferStatus::Done]);
    }
}

text_enum! {
    /// A member's role in a campaign's team.
    MemberRole {
        /// Runs the campaign: everything an editor does, plus money, team and launch.
        Owner = "owner",
        /// Edits the campaign's texts and rewards.
        Editor = "editor",
    }
}

impl MemberRole {
    /// Holding `self` allows what `required` allows.
    pub fn allows(self, required: MemberRole) -> bool {
        self == MemberRole::Owner || required == MemberRole::Editor
    }
}
