//! Email texts, per language, each with a plain-text part and a simple HTML part.

mod texts;

use crate::domain::Locale;
use serde::{Deserialize, Serialize};
use texts::{texts, Texts};

/// An email to send, with what its text needs. Stored as JSON in the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "template", rename_all = "snake_case")]
pub enum EmailTemplate {
    Welcome {
        name: String,
        link: String,
    },
    PasswordReset {
        name: String,
        link: String,
    },
    /// The link that proves an account's address.
    VerifyEmail {
        name: String,
        link: String,
    },
    PasswordChanged {
        name: String,
        link: String,
    },
    /// A pledge was made. `reward` is empty for a pledge without reward; `when` is the charge date
    /// (all-or-nothing: the campaign's deadline; flexible: the moment it was charged).
    PledgeConfirmed {
        name: String,
        campaign: String,
        amount: String,
        reward: String,
        when: String,
        all_or_nothing: bool,
        link: String,
    },
    /// A pledge's amount or reward was changed. `reward` is empty for no reward.
    PledgeChanged {
        name: String,
        campaign: String,
        amount: String,
        reward: String,
        link: String,
    },
    PledgeCancelled {
        name: String,
        campaign: String,
        amount: String,
        link: String,
    },
    /// An all-or-nothing campaign reached its goal: the card is charged on `charge_date`.
    CampaignSucceeded {
        name: String,
        campaign: String,
        amount: String,
        charge_date: String,
        link: String,
    },
    CampaignFailed {
        name: String,
        campaign: String,
        link: String,
    },
    /// The team cancelled its campaign; `refunded` when the backer had already paid.
    CampaignCancelled {
        name: String,
        campaign: String,
        refunded: bool,
        link: String,
    },
    PaymentReceipt {
        name: String,
        campaign: String,
        amount: String,
        date: String,
        reference: String,
        link: String,
    },
    /// A charge was declined or needs the backer's confirmation; `link` is where to pay.
    PaymentFailed {
        name: String,
        campaign: String,
        amount: String,
        deadline: String,
        link: String,
    },
    PaymentReminder {
        name: String,
        campaign: String,
        amount: String,
        deadline: String,
        link: String,
    },
    /// `reward` is empty for a pledge without reward (and in emails queued before it was added).
    PledgeDropped {
        name: String,
        campaign: String,
        #[serde(default)]
        reward: String,
        link: String,
    },
    Refunded {
        name: String,
        campaign: String,
        amount: String,
        link: String,
    },
    /// To a campaign's backers: an update its team published (`body` is its Markdown text).
    CampaignNews {
        name: String,
        campaign: String,
        title: String,
        body: String,
        link: String,
    },
    /// To an address invited to a campaign's team (`role` is the role's name in the email's
    /// language).
    CampaignInvite {
        inviter: String,
        campaign: String,
        role: String,
        link: String,
    },
    /// To a designer's address: a campaign's team invites them to claim their public profile.
    DesignerInvite {
        inviter: String,
        designer: String,
        campaign: String,
        link: String,
    },
    /// To a campaign's owners: someone offers help against a need (`amount`: `4 heures`).
    HelpOffered {
        name: String,
        campaign: String,
        need: String,
        helper: String,
        amount: String,
        link: String,
    },
    /// To a helper: the team moved their offer (`step`: `accepted`, `declined` or `done`).
    HelpAnswered {
        name: String,
        campaign: String,
        need: String,
        amount: String,
        step: String,
        link: String,
    },
    /// To a partner: their application was approved, or rejected with `reason`; `campaign` is
    /// empty for the platform.
    PartnerReviewed {
        name: String,
        organisation: String,
        campaign: String,
        approved: bool,
        reason: String,
        link: String,
    },
    /// To a campaign's owners: someone applies to be a partner of their campaign.
    PartnerApplied {
        name: String,
        campaign: String,
        organisation: String,
        link: String,
    },
    /// To a campaign's owners: a partner offers a match fund (`terms` in words).
    MatchFundOffered {
        name: String,
        campaign: String,
        organisation: String,
        terms: String,
        link: String,
    },
    /// To a partner: the owners accepted their fund (the link saves a card), or declined it
    /// with `reason`.
    MatchFundDecided {
        name: String,
        organisation: String,
        campaign: String,
        accepted: bool,
        reason: String,
        link: String,
    },
    /// To a campaign's owners: their campaign was submitted for review.
    CampaignSubmitted {
        name: String,
        campaign: String,
        link: String,
    },
    /// To a campaign's owners: approved; public and open to pledges from `starts` (a date).
    CampaignApproved {
        name: String,
        campaign: String,
        starts: String,
        link: String,
    },
    /// To a campaign's owners: sent back to draft, with the reviewer's reason.
    CampaignReturned {
        name: String,
        campaign: String,
        reason: String,
        link: String,
    },
}

/// A rendered email.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl EmailTemplate {
    /// The template's name, stored beside its payload.
    pub fn code(&self) -> &'static str {
        match self {
            EmailTemplate::Welcome { .. } => "welcome",
            EmailTemplate::PasswordReset { .. } => "password_reset",
            EmailTemplate::VerifyEmail { .. } => "verify_email",
            EmailTemplate::PasswordChanged { .. } => "password_changed",
            EmailTemplate::PledgeConfirmed { .. } => "pledge_confirmed",
            EmailTemplate::PledgeChanged { .. } => "pledge_changed",
            EmailTemplate::PledgeCancelled { .. } => "pledge_cancelled",
            EmailTemplate::CampaignSucceeded { .. } => "campaign_succeeded",
            EmailTemplate::CampaignFailed { .. } => "campaign_failed",
            EmailTemplate::CampaignCancelled { .. } => "campaign_cancelled",
            EmailTemplate::PaymentReceipt { .. } => "payment_receipt",
            EmailTemplate::PaymentFailed { .. } => "payment_failed",
            EmailTemplate::PaymentReminder { .. } => "payment_reminder",
            EmailTemplate::PledgeDropped { .. } => "pledge_dropped",
            EmailTemplate::Refunded { .. } => "refunded",
            EmailTemplate::CampaignNews { .. } => "campaign_news",
            EmailTemplate::CampaignInvite { .. } => "campaign_invite",
            EmailTemplate::DesignerInvite { .. } => "designer_invite",
            EmailTemplate::HelpOffered { .. } => "help_offered",
            EmailTemplate::PartnerReviewed { .. } => "partner_reviewed",
            EmailTemplate::HelpAnswered { .. } => "help_answered",
            EmailTemplate::PartnerApplied { .. } => "partner_applied",
            EmailTemplate::MatchFundOffered { .. } => "match_fund_offered",
            EmailTemplate::MatchFundDecided { .. } => "match_fund_decided",
            EmailTemplate::CampaignSubmitted { .. } => "campaign_submitted",
            EmailTemplate::CampaignApproved { .. } => "campaign_approved",
            EmailTemplate::CampaignReturned { .. } => "campaign_returned",
        }
    }

    pub fn render(&self, locale: Locale) -> Rendered {
        let Texts { subject, greeting, body, action, link } = texts(self, locale);
        let signature = match locale {
            Locale::Fr => "L’équipe Trame",
            Locale::En => "The Trame team",
            Locale::De => "Das Trame-Team",
        };
        // French puts a no-break space before the colon
        let colon = if locale == Locale::Fr { "\u{a0}:" } else { ":" };
        let text = format!("{greeting}\n\n{body}\n\n{action}{colon} {link}\n\n— {signature}\n");
        let html = format!(
            "<!doctype html><html lang=\"{lang}\"><body style=\"font-family:system-ui,sans-serif;color:#22302c;line-height:1.5\">\
             <p>{greeting}</p><p>{body}</p><p><a href=\"{link}\" style=\"color:#b4472a\">{action}</a></p><p>— {signature}</p></body></html>",
            lang = locale.code(),
            greeting = escape(&greeting),
            body = escape(&body),
            link = escape(link),
            action = escape(action),
        );
        Rendered { subject, text, html }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests;
