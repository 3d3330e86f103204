//! Names of the domain's vocabularies in each language.

use crate::domain::Locale;
use crate::domain::{
    CampaignStatus, Fulfilment, FundStatus, FundingModel, HelpOfferStatus, MemberRole, NeedKind, PartnerKind,
    PartnerLevel, PartnerStatus, PledgeStatus, Practice, QuestionKind, RewardKind, UpdateVisibility,
};

/// A value with a user-visible name in each language.
pub trait Translate: Copy {
    /// (French, English, German)
    fn names(self) -> (&'static str, &'static str, &'static str);

    fn label(self, locale: Locale) -> &'static str {
        super::pick(locale, self.names())
    }
}

impl Translate for RewardKind {
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            RewardKind::Object => ("Objet", "Item", "Objekt"),
            RewardKind::Workshop => ("Atelier", "Workshop", "Workshop"),
            RewardKind::GuidedRoute => ("Parcours guidé", "Guided route", "Geführter Rundgang"),
            RewardKind::Coaching => ("Coaching en ligne", "Online coaching", "Online-Coaching"),
            RewardKind::Meeting => ("Rencontre", "Meet-up", "Begegnung"),
        }
    }
}

impl Translate for MemberRole {
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            MemberRole::Owner => ("Propriétaire", "Owner", "Inhaber:in"),
            MemberRole::Editor => ("Rédaction", "Editor", "Redaktion"),
        }
    }
}

impl Translate for HelpOfferStatus {
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            HelpOfferStatus::Offered => ("Proposée", "Offered", "Angeboten"),
            HelpOfferStatus::Accepted => ("Acceptée", "Accepted", "Angenommen"),
            HelpOfferStatus::Declined => ("Déclinée", "Declined", "Abgelehnt"),
            HelpOfferStatus::Done => ("Faite", "Done", "Erledigt"),
            HelpOfferStatus::Withdrawn => ("Retirée", "Withdrawn", "Zurückgezogen"),
        }
    }
}

impl Translate for FundStatus {
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            FundStatus::Offered => {
                ("Offre en attente de réponse", "Offer awaiting an answer", "Angebot wartet auf Antwort")
            }
            FundStatus::Accepted => ("Accepté", "Accepted", "Angenommen"),
            FundStatus::Declined => ("Refusé", "Declined", "Abgelehnt"),
            FundStatus::Withdrawn => ("Retiré", "Withdrawn", "Zurückgezogen"),
        }
    }
}

impl Translate for PartnerStatus {
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            PartnerStatus::Applied => ("Demande en cours d’examen", "Application under review", "Anfrage wird geprüft"),
            PartnerStatus::Approved => (
                "Approuvé — sur le mur des partenaires",
                "Approved — on the partner wall",
                "Angenommen — auf der Partnerwand",
            ),
            PartnerStatus::Rejected => ("Refusée", "Rejected", "Abgelehnt"),
        }
    }
}

impl Translate for PledgeStatus {
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            PledgeStatus::Pending => ("En attente de carte", "Waiting for a card", "Wartet auf eine Karte"),
            PledgeStatus::Active => ("Active — carte enregistrée", "Active — card saved", "Aktiv — Karte hinterlegt"),
            PledgeStatus::Collected => ("Payée", "Paid", "Bezahlt"),
            PledgeStatus::PaymentFailed => ("Paiement à finaliser", "Payment to complete", "Zahlung abzuschliessen"),
            PledgeStatus::Dropped => ("Expirée", "Dropped", "Verfallen"),
            PledgeStatus::Cancelled => ("Annulée", "Cancelled", "Storniert"),
            PledgeStatus::Refunded => ("Remboursée", "Refunded", "Zurückerstattet"),
        }
    }
}

impl Translate for Fulfilment {
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Fulfilment::Pickup => ("Retrait sur place", "Pickup", "Abholung"),
            Fulfilment::Shipping => ("Envoi postal", "Shipping", "Versand"),
            Fulfilment::InPerson => ("En personne", "In person", "Vor Ort"),
            Fulfilment::Online => ("En ligne", "Online", "Online"),
        }
    }
}

impl Translate for FundingModel {
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            FundingModel::AllOrNothing => ("Tout ou rien", "All or nothing", "Alles oder nichts"),
            FundingModel::Flexible => ("Flexible", "Flexible", "Flexibel"),
        }
    }
}

impl Translate for CampaignStatus {
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            CampaignStatus::Draft => ("Brouillon", "Draft", "Entwurf"),
            CampaignStatus::InReview => ("En relecture", "In review", "In Prüfung"),
            CampaignStatus::Live => ("En cours", "Live", "Läuft"),
            CampaignStatus::Succeeded => ("Réussie", "Succeeded", "Erfolgreich"),
            CampaignStatus::Failed => ("Objectif non atteint", "Goal not reached", "Ziel nicht erreicht"),
            CampaignStatus::Cancelled => ("Annulée", "Cancelled", "Abgebrochen"),
        }
    }
}

impl Translate for Practice {
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Practice::Upcycling => ("Surcyclage", "Upcycling", "Upcycling"),
            Practice::ZeroWasteCutting => ("Coupe zéro déchet", "Zero-waste cutting", "Zero-Waste-Schnitt"),
            Practice::LocalSourcing => ("Approvisionnement local", "Local sourcing", "Lokale Beschaffung"),
            Practice::NaturalDyes => ("Teintures végétales", "Natural dyes", "Pflanzenfarben"),
            Practice::Repair => ("Réparation", "Repair", "Reparatur"),
            Practice::OrganicFibres => ("Fibres biologiques", "Organic fibres", "Bio-Fasern"),
            Practice::MadeToOrder => ("Sur commande", "Made to order", "Auf Bestellung"),
            Practice::Deadstock => ("Tissus dormants", "Deadstock fabrics", "Restbestände"),
            Practice::HandCraft => ("Fait main", "Handmade", "Handarbeit"),
        }
    }
}

impl Translate for PartnerKind {
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            PartnerKind::Technology => ("Technologie", "Technology", "Technologie"),
            PartnerKind::Media => ("Médias", "Media", "Medien"),
            PartnerKind::Financial => ("Financier", "Financial", "Finanzen"),
            PartnerKind::InKind => ("En nature", "In kind", "Sachleistung"),
        }
    }
}

impl Translate for PartnerLevel {
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            PartnerLevel::Principal => ("Partenaire principal", "Principal partner", "Hauptpartner"),
            PartnerLevel::Major => ("Grand partenaire", "Major partner", "Grosser Partner"),
            PartnerLevel::Supporter => ("Soutien", "Supporter", "Förderpartner"),
        }
    }
}

impl Translate for NeedKind {
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            NeedKind::Space => ("Espace", "Space", "Raum"),
            NeedKind::Machine => ("Machines", "Machines", "Maschinen"),
            NeedKind::VolunteerHours => ("Heures bénévoles", "Volunteer hours", "Freiwilligenstunden"),
            NeedKind::Skill => ("Compétences", "Skills", "Fähigkeiten"),
            NeedKind::DesignerIntroduction => ("Mise en relation", "Designer introductions", "Vermittlung"),
            NeedKind::Other => ("Autre", "Other", "Anderes"),
        }
    }
}

impl Translate for UpdateVisibility {
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            UpdateVisibility::Public => ("Public", "Public", "Öffentlich"),
            UpdateVisibility::Backers => {
                ("Réservé aux contributeur·rices", "Backers only", "Nur für Unterstützer:innen")
            }
        }
    }
}

impl Translate for QuestionKind {
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            QuestionKind::Text => ("Texte libre", "Free text", "Freier Text"),
            QuestionKind::Choice => ("Un choix dans une liste", "A choice from a list", "Eine Auswahl aus einer Liste"),
        }
    }
}
