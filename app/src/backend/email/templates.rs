//! Email texts, per language, each with a plain-text part and a simple HTML part.

use crate::domain::Locale;
use serde::{Deserialize, Serialize};

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
    PledgeDropped {
        name: String,
        campaign: String,
        link: String,
    },
    Refunded {
        name: String,
        campaign: String,
        amount: String,
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
        }
    }

    pub fn render(&self, locale: Locale) -> Rendered {
        let (subject, greeting, body, action, link): (String, String, String, &str, &String) = match (self, locale) {
            (EmailTemplate::Welcome { name, link }, Locale::Fr) => ("Bienvenue sur Trame".into(), format!("Bonjour {name},"), "Votre compte Trame est prêt. Vous pouvez soutenir les campagnes des créateur·rices de mode durable près de chez vous. Confirmez aussi votre adresse e-mail (ce lien est valable deux jours)\u{a0}: c’est nécessaire pour lancer une campagne.".into(), "Confirmer mon adresse", link),
            (EmailTemplate::Welcome { name, link }, Locale::En) => ("Welcome to Trame".into(), format!("Hello {name},"), "Your Trame account is ready. You can now back the campaigns of sustainable-fashion designers near you. Please also confirm your email address (this link is valid for two days): it is needed to run a campaign.".into(), "Confirm my address", link),
            (EmailTemplate::Welcome { name, link }, Locale::De) => ("Willkommen bei Trame".into(), format!("Hallo {name},"), "Ihr Trame-Konto ist bereit. Sie können jetzt Kampagnen von Designer:innen nachhaltiger Mode in Ihrer Nähe unterstützen. Bitte bestätigen Sie auch Ihre E-Mail-Adresse (dieser Link ist zwei Tage gültig): Das ist nötig, um eine Kampagne zu führen.".into(), "Meine Adresse bestätigen", link),
            (EmailTemplate::PasswordReset { name, link }, Locale::Fr) => ("Réinitialiser votre mot de passe".into(), format!("Bonjour {name},"), "Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte Trame. Ce lien est valable une heure et ne fonctionne qu’une fois. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.".into(), "Choisir un nouveau mot de passe", link),
            (EmailTemplate::PasswordReset { name, link }, Locale::En) => ("Reset your password".into(), format!("Hello {name},"), "Someone (you, we hope) asked to reset the password of your Trame account. This link is valid for one hour and works once. If you did not ask for it, ignore this message: your password stays the same.".into(), "Choose a new password", link),
            (EmailTemplate::PasswordReset { name, link }, Locale::De) => ("Passwort zurücksetzen".into(), format!("Hallo {name},"), "Jemand (hoffentlich Sie) hat verlangt, das Passwort Ihres Trame-Kontos zurückzusetzen. Dieser Link ist eine Stunde gültig und funktioniert nur einmal. Wenn Sie nichts verlangt haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.".into(), "Neues Passwort wählen", link),
            (EmailTemplate::VerifyEmail { name, link }, Locale::Fr) => ("Confirmez votre adresse e-mail".into(), format!("Bonjour {name},"), "Confirmez que cette adresse est bien la vôtre. Ce lien est valable deux jours et ne fonctionne qu’une fois. Si vous n’avez pas créé de compte Trame, ignorez ce message.".into(), "Confirmer mon adresse", link),
            (EmailTemplate::VerifyEmail { name, link }, Locale::En) => ("Confirm your email address".into(), format!("Hello {name},"), "Confirm that this address is yours. This link is valid for two days and works once. If you did not create a Trame account, ignore this message.".into(), "Confirm my address", link),
            (EmailTemplate::VerifyEmail { name, link }, Locale::De) => ("Bestätigen Sie Ihre E-Mail-Adresse".into(), format!("Hallo {name},"), "Bestätigen Sie, dass diese Adresse Ihnen gehört. Dieser Link ist zwei Tage gültig und funktioniert nur einmal. Wenn Sie kein Trame-Konto erstellt haben, ignorieren Sie diese Nachricht.".into(), "Meine Adresse bestätigen", link),
            (EmailTemplate::PasswordChanged { name, link }, Locale::Fr) => ("Votre mot de passe a été modifié".into(), format!("Bonjour {name},"), "Le mot de passe de votre compte Trame vient d’être modifié, et vos autres sessions ont été fermées. Si ce n’était pas vous, réinitialisez-le tout de suite.".into(), "Réinitialiser le mot de passe", link),
            (EmailTemplate::PasswordChanged { name, link }, Locale::En) => ("Your password was changed".into(), format!("Hello {name},"), "The password of your Trame account was just changed, and your other sessions were signed out. If this was not you, reset it right away.".into(), "Reset the password", link),
            (EmailTemplate::PasswordChanged { name, link }, Locale::De) => ("Ihr Passwort wurde geändert".into(), format!("Hallo {name},"), "Das Passwort Ihres Trame-Kontos wurde soeben geändert, und Ihre anderen Sitzungen wurden beendet. Wenn Sie das nicht waren, setzen Sie es sofort zurück.".into(), "Passwort zurücksetzen", link),

            (EmailTemplate::PledgeConfirmed { name, campaign, amount, reward, when, all_or_nothing, link }, Locale::Fr) => {
                let charge = if *all_or_nothing {
                    format!("Votre carte sera débitée de {amount} le {when}, seulement si la campagne atteint son objectif ; sinon, rien ne vous sera débité.")
                } else {
                    format!("Votre carte a été débitée de {amount} le {when}.")
                };
                let body = format!("Merci de soutenir {campaign} ! Votre contribution de {amount} est bien enregistrée. {} {charge}", reward_sentence(locale, reward));
                (format!("Merci pour votre contribution à {campaign}"), format!("Bonjour {name},"), body, "Voir ma contribution", link)
            }
            (EmailTemplate::PledgeConfirmed { name, campaign, amount, reward, when, all_or_nothing, link }, Locale::En) => {
                let charge = if *all_or_nothing {
                    format!("Your card will be charged {amount} on {when}, only if the campaign reaches its goal; if it does not, nothing is charged.")
                } else {
                    format!("{amount} was charged to your card on {when}.")
                };
                let body = format!("Thank you for backing {campaign}! Your pledge of {amount} is recorded. {} {charge}", reward_sentence(locale, reward));
                (format!("Thank you for your pledge to {campaign}"), format!("Hello {name},"), body, "See my pledge", link)
            }
            (EmailTemplate::PledgeConfirmed { name, campaign, amount, reward, when, all_or_nothing, link }, Locale::De) => {
                let charge = if *all_or_nothing {
                    format!("Ihre Karte wird am {when} mit {amount} belastet, aber nur, wenn die Kampagne ihr Ziel erreicht; sonst wird nichts belastet.")
                } else {
                    format!("Ihre Karte wurde am {when} mit {amount} belastet.")
                };
                let body = format!("Danke, dass Sie {campaign} unterstützen! Ihr Beitrag von {amount} ist registriert. {} {charge}", reward_sentence(locale, reward));
                (format!("Danke für Ihre Unterstützung von {campaign}"), format!("Hallo {name},"), body, "Meinen Beitrag ansehen", link)
            }

            (EmailTemplate::PledgeChanged { name, campaign, amount, reward, link }, Locale::Fr) => (format!("Votre contribution à {campaign} a été modifiée"), format!("Bonjour {name},"), format!("Votre contribution à la campagne {campaign} a bien été modifiée. Nouveau montant : {amount}. {}", reward_sentence(locale, reward)), "Voir ma contribution", link),
            (EmailTemplate::PledgeChanged { name, campaign, amount, reward, link }, Locale::En) => (format!("Your pledge to {campaign} was changed"), format!("Hello {name},"), format!("Your pledge to the campaign {campaign} was changed. New amount: {amount}. {}", reward_sentence(locale, reward)), "See my pledge", link),
            (EmailTemplate::PledgeChanged { name, campaign, amount, reward, link }, Locale::De) => (format!("Ihr Beitrag für {campaign} wurde geändert"), format!("Hallo {name},"), format!("Ihr Beitrag für die Kampagne {campaign} wurde geändert. Neuer Betrag: {amount}. {}", reward_sentence(locale, reward)), "Meinen Beitrag ansehen", link),

            (EmailTemplate::PledgeCancelled { name, campaign, amount, link }, Locale::Fr) => (format!("Votre contribution à {campaign} a été annulée"), format!("Bonjour {name},"), format!("Votre contribution de {amount} à la campagne {campaign} a bien été annulée. Rien ne vous sera débité pour cette contribution."), "Voir mes contributions", link),
            (EmailTemplate::PledgeCancelled { name, campaign, amount, link }, Locale::En) => (format!("Your pledge to {campaign} was cancelled"), format!("Hello {name},"), format!("Your pledge of {amount} to the campaign {campaign} was cancelled. Nothing will be charged for this pledge."), "See my pledges", link),
            (EmailTemplate::PledgeCancelled { name, campaign, amount, link }, Locale::De) => (format!("Ihr Beitrag für {campaign} wurde storniert"), format!("Hallo {name},"), format!("Ihr Beitrag von {amount} für die Kampagne {campaign} wurde storniert. Für diesen Beitrag wird Ihnen nichts belastet."), "Meine Beiträge ansehen", link),

            (EmailTemplate::CampaignSucceeded { name, campaign, amount, charge_date, link }, Locale::Fr) => (format!("{campaign} a atteint son objectif !"), format!("Bonjour {name},"), format!("Bonne nouvelle : la campagne {campaign} a atteint son objectif, grâce à vous et aux autres contributeur·rices. Votre carte sera débitée de {amount} le {charge_date}. Vous recevrez un reçu dès que le paiement aura abouti."), "Voir ma contribution", link),
            (EmailTemplate::CampaignSucceeded { name, campaign, amount, charge_date, link }, Locale::En) => (format!("{campaign} reached its goal!"), format!("Hello {name},"), format!("Good news: the campaign {campaign} reached its goal, thanks to you and the other backers. Your card will be charged {amount} on {charge_date}. You will receive a receipt once the payment goes through."), "See my pledge", link),
            (EmailTemplate::CampaignSucceeded { name, campaign, amount, charge_date, link }, Locale::De) => (format!("Die Kampagne {campaign} hat ihr Ziel erreicht!"), format!("Hallo {name},"), format!("Gute Nachricht: Die Kampagne {campaign} hat ihr Ziel erreicht – dank Ihnen und den anderen Unterstützer:innen. Ihre Karte wird am {charge_date} mit {amount} belastet. Sie erhalten eine Quittung, sobald die Zahlung erfolgt ist."), "Meinen Beitrag ansehen", link),

            (EmailTemplate::CampaignFailed { name, campaign, link }, Locale::Fr) => (format!("{campaign} n’a pas atteint son objectif"), format!("Bonjour {name},"), format!("La campagne {campaign} n’a pas atteint son objectif à l’échéance. Rien ne vous a été débité, et la carte que vous aviez enregistrée a été supprimée. Merci de l’avoir soutenue."), "Voir la campagne", link),
            (EmailTemplate::CampaignFailed { name, campaign, link }, Locale::En) => (format!("{campaign} did not reach its goal"), format!("Hello {name},"), format!("The campaign {campaign} did not reach its goal by the deadline. Nothing was charged, and the card you saved was removed. Thank you for backing it."), "See the campaign", link),
            (EmailTemplate::CampaignFailed { name, campaign, link }, Locale::De) => (format!("Die Kampagne {campaign} hat ihr Ziel nicht erreicht"), format!("Hallo {name},"), format!("Die Kampagne {campaign} hat ihr Ziel bis zum Stichtag nicht erreicht. Ihnen wurde nichts belastet, und Ihre hinterlegte Karte wurde gelöscht. Danke für Ihre Unterstützung."), "Kampagne ansehen", link),

            (EmailTemplate::CampaignCancelled { name, campaign, refunded, link }, Locale::Fr) => {
                let outcome = if *refunded {
                    "Votre paiement vous est remboursé ; le remboursement peut prendre 5 à 10 jours pour apparaître sur votre relevé."
                } else {
                    "Rien ne vous a été débité, et votre contribution est annulée."
                };
                (format!("La campagne {campaign} a été annulée"), format!("Bonjour {name},"), format!("La campagne {campaign} a été annulée par son équipe. {outcome}"), "Voir la campagne", link)
            }
            (EmailTemplate::CampaignCancelled { name, campaign, refunded, link }, Locale::En) => {
                let outcome = if *refunded {
                    "Your payment is being refunded; it may take 5 to 10 days to appear on your statement."
                } else {
                    "Nothing was charged, and your pledge is cancelled."
                };
                (format!("The campaign {campaign} was cancelled"), format!("Hello {name},"), format!("The campaign {campaign} was cancelled by its team. {outcome}"), "See the campaign", link)
            }
            (EmailTemplate::CampaignCancelled { name, campaign, refunded, link }, Locale::De) => {
                let outcome = if *refunded {
                    "Ihre Zahlung wird zurückerstattet; es kann 5 bis 10 Tage dauern, bis die Gutschrift auf Ihrer Abrechnung erscheint."
                } else {
                    "Ihnen wurde nichts belastet, und Ihr Beitrag wurde storniert."
                };
                (format!("Die Kampagne {campaign} wurde abgesagt"), format!("Hallo {name},"), format!("Die Kampagne {campaign} wurde von ihrem Team abgesagt. {outcome}"), "Kampagne ansehen", link)
            }

            (EmailTemplate::PaymentReceipt { name, campaign, amount, date, reference, link }, Locale::Fr) => (format!("Reçu de votre paiement pour {campaign}"), format!("Bonjour {name},"), format!("Merci ! Nous avons bien reçu votre paiement pour la campagne {campaign}. Montant : {amount}. Date : {date}. Référence : {reference}. Conservez ce message ou retrouvez votre reçu en ligne."), "Voir le reçu", link),
            (EmailTemplate::PaymentReceipt { name, campaign, amount, date, reference, link }, Locale::En) => (format!("Receipt for your payment to {campaign}"), format!("Hello {name},"), format!("Thank you! We received your payment for the campaign {campaign}. Amount: {amount}. Date: {date}. Reference: {reference}. Keep this message, or find your receipt online."), "View the receipt", link),
            (EmailTemplate::PaymentReceipt { name, campaign, amount, date, reference, link }, Locale::De) => (format!("Quittung für Ihre Zahlung an {campaign}"), format!("Hallo {name},"), format!("Vielen Dank! Wir haben Ihre Zahlung für die Kampagne {campaign} erhalten. Betrag: {amount}. Datum: {date}. Referenz: {reference}. Bewahren Sie diese Nachricht auf oder finden Sie Ihre Quittung online."), "Quittung ansehen", link),

            (EmailTemplate::PaymentFailed { name, campaign, amount, deadline, link }, Locale::Fr) => (format!("Votre paiement pour {campaign} n’a pas abouti"), format!("Bonjour {name},"), format!("Votre paiement de {amount} pour la campagne {campaign} n’a pas pu être effectué : il a été refusé, ou votre banque demande votre confirmation. Pour garder votre contribution, finalisez le paiement avant le {deadline} ; passé ce délai, votre contribution sera annulée."), "Finaliser mon paiement", link),
            (EmailTemplate::PaymentFailed { name, campaign, amount, deadline, link }, Locale::En) => (format!("Your payment for {campaign} did not go through"), format!("Hello {name},"), format!("Your payment of {amount} for the campaign {campaign} could not be completed: it was declined, or your bank needs your confirmation. To keep your pledge, complete the payment before {deadline}; after that, your pledge will be dropped."), "Complete my payment", link),
            (EmailTemplate::PaymentFailed { name, campaign, amount, deadline, link }, Locale::De) => (format!("Ihre Zahlung für {campaign} ist nicht durchgegangen"), format!("Hallo {name},"), format!("Ihre Zahlung von {amount} für die Kampagne {campaign} konnte nicht abgeschlossen werden: Sie wurde abgelehnt, oder Ihre Bank verlangt Ihre Bestätigung. Um Ihren Beitrag zu behalten, schließen Sie die Zahlung bis zum {deadline} ab; danach verfällt Ihr Beitrag."), "Meine Zahlung abschließen", link),

            (EmailTemplate::PaymentReminder { name, campaign, amount, deadline, link }, Locale::Fr) => (format!("Rappel : votre paiement pour {campaign} est en attente"), format!("Bonjour {name},"), format!("Petit rappel : nous attendons toujours votre paiement de {amount} pour la campagne {campaign}, et l’équipe compte sur vous ! Pensez à le finaliser avant le {deadline} ; passé ce délai, votre contribution sera annulée."), "Finaliser mon paiement", link),
            (EmailTemplate::PaymentReminder { name, campaign, amount, deadline, link }, Locale::En) => (format!("Reminder: your payment for {campaign} is still waiting"), format!("Hello {name},"), format!("A friendly reminder: we are still waiting for your payment of {amount} for the campaign {campaign}, and the team is counting on you! Please complete it before {deadline}; after that, your pledge will be dropped."), "Complete my payment", link),
            (EmailTemplate::PaymentReminder { name, campaign, amount, deadline, link }, Locale::De) => (format!("Erinnerung: Ihre Zahlung für {campaign} steht noch aus"), format!("Hallo {name},"), format!("Eine freundliche Erinnerung: Wir warten noch auf Ihre Zahlung von {amount} für die Kampagne {campaign}, und das Team zählt auf Sie! Bitte schließen Sie sie bis zum {deadline} ab; danach verfällt Ihr Beitrag."), "Meine Zahlung abschließen", link),

            (EmailTemplate::PledgeDropped { name, campaign, link }, Locale::Fr) => (format!("Votre contribution à {campaign} a été retirée"), format!("Bonjour {name},"), format!("Nous n’avons pas pu encaisser votre paiement pour la campagne {campaign} dans le délai prévu. Votre contribution a donc été retirée, et sa contrepartie a été remise à disposition des autres contributeur·rices."), "Voir mes contributions", link),
            (EmailTemplate::PledgeDropped { name, campaign, link }, Locale::En) => (format!("Your pledge to {campaign} was dropped"), format!("Hello {name},"), format!("We could not collect your payment for the campaign {campaign} in time. Your pledge was therefore dropped, and its reward was released for other backers."), "See my pledges", link),
            (EmailTemplate::PledgeDropped { name, campaign, link }, Locale::De) => (format!("Ihr Beitrag für {campaign} ist verfallen"), format!("Hallo {name},"), format!("Wir konnten Ihre Zahlung für die Kampagne {campaign} nicht rechtzeitig einziehen. Ihr Beitrag ist deshalb verfallen, und die Belohnung wurde für andere Unterstützer:innen freigegeben."), "Meine Beiträge ansehen", link),

            (EmailTemplate::Refunded { name, campaign, amount, link }, Locale::Fr) => (format!("Remboursement de votre contribution à {campaign}"), format!("Bonjour {name},"), format!("Nous vous avons remboursé {amount} pour la campagne {campaign}. Le montant peut prendre 5 à 10 jours pour apparaître sur votre relevé."), "Voir mes contributions", link),
            (EmailTemplate::Refunded { name, campaign, amount, link }, Locale::En) => (format!("Refund of your pledge to {campaign}"), format!("Hello {name},"), format!("We refunded {amount} for the campaign {campaign}. It may take 5 to 10 days to appear on your statement."), "See my pledges", link),
            (EmailTemplate::Refunded { name, campaign, amount, link }, Locale::De) => (format!("Rückerstattung Ihres Beitrags für {campaign}"), format!("Hallo {name},"), format!("Wir haben Ihnen {amount} für die Kampagne {campaign} zurückerstattet. Es kann 5 bis 10 Tage dauern, bis der Betrag auf Ihrer Abrechnung erscheint."), "Meine Beiträge ansehen", link),
        };
        let signature = match locale {
            Locale::Fr => "L’équipe Trame",
            Locale::En => "The Trame team",
            Locale::De => "Das Trame-Team",
        };
        let text = format!("{greeting}\n\n{body}\n\n{action} : {link}\n\n— {signature}\n");
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

/// The sentence naming the reward a pledge comes with; `reward` is empty for none.
fn reward_sentence(locale: Locale, reward: &str) -> String {
    match (locale, reward.is_empty()) {
        (Locale::Fr, false) => format!("Contrepartie choisie : {reward}."),
        (Locale::Fr, true) => "Vous n’avez pas choisi de contrepartie.".to_owned(),
        (Locale::En, false) => format!("Reward: {reward}."),
        (Locale::En, true) => "You chose no reward.".to_owned(),
        (Locale::De, false) => format!("Gewählte Belohnung: {reward}."),
        (Locale::De, true) => "Sie haben keine Belohnung gewählt.".to_owned(),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_in_the_reader_s_language() {
        let t = EmailTemplate::PasswordReset { name: "Léa".into(), link: "http://x/reset?token=abc".into() };
        let fr = t.render(Locale::Fr);
        assert_eq!(fr.subject, "Réinitialiser votre mot de passe");
        assert!(fr.text.starts_with("Bonjour Léa,") && fr.text.contains("http://x/reset?token=abc"));
        let en = t.render(Locale::En);
        assert!(en.text.contains("valid for one hour"));
        assert!(en.html.contains(r#"<html lang="en">"#));
    }

    #[test]
    fn names_are_escaped_in_html() {
        let t = EmailTemplate::Welcome { name: "<b>Eve</b>".into(), link: "http://x/".into() };
        let html = t.render(Locale::Fr).html;
        assert!(html.contains("&lt;b&gt;Eve&lt;/b&gt;") && !html.contains("<b>Eve"));
    }

    #[test]
    fn payload_round_trips() {
        let t = EmailTemplate::Welcome { name: "Léa".into(), link: "http://x/".into() };
        let json = serde_json::to_value(&t).unwrap();
        assert_eq!(json["template"], "welcome");
        assert_eq!(serde_json::from_value::<EmailTemplate>(json).unwrap(), t);
    }

    const LINK: &str = "https://trame.example/me/pledges";

    fn pledge_confirmed(all_or_nothing: bool) -> EmailTemplate {
        EmailTemplate::PledgeConfirmed {
            name: "Léa".into(),
            campaign: "Fil rouge".into(),
            amount: "CHF 45.00".into(),
            reward: "Atelier de teinture".into(),
            when: "18 décembre 2026 à 18:00".into(),
            all_or_nothing,
            link: LINK.into(),
        }
    }

    /// One of each pledge and payment template.
    fn pledge_and_payment_templates() -> Vec<EmailTemplate> {
        let (name, campaign, amount) = (String::from("Léa"), String::from("Fil rouge"), String::from("CHF 45.00"));
        let date = String::from("18 décembre 2026 à 18:00");
        let link = String::from(LINK);
        vec![
            pledge_confirmed(true),
            pledge_confirmed(false),
            EmailTemplate::PledgeChanged {
                name: name.clone(),
                campaign: campaign.clone(),
                amount: amount.clone(),
                reward: String::new(),
                link: link.clone(),
            },
            EmailTemplate::PledgeCancelled {
                name: name.clone(),
                campaign: campaign.clone(),
                amount: amount.clone(),
                link: link.clone(),
            },
            EmailTemplate::CampaignSucceeded {
                name: name.clone(),
                campaign: campaign.clone(),
                amount: amount.clone(),
                charge_date: date.clone(),
                link: link.clone(),
            },
            EmailTemplate::CampaignFailed { name: name.clone(), campaign: campaign.clone(), link: link.clone() },
            EmailTemplate::CampaignCancelled {
                name: name.clone(),
                campaign: campaign.clone(),
                refunded: true,
                link: link.clone(),
            },
            EmailTemplate::CampaignCancelled {
                name: name.clone(),
                campaign: campaign.clone(),
                refunded: false,
                link: link.clone(),
            },
            EmailTemplate::PaymentReceipt {
                name: name.clone(),
                campaign: campaign.clone(),
                amount: amount.clone(),
                date: date.clone(),
                reference: "TRAME-42".into(),
                link: link.clone(),
            },
            EmailTemplate::PaymentFailed {
                name: name.clone(),
                campaign: campaign.clone(),
                amount: amount.clone(),
                deadline: date.clone(),
                link: link.clone(),
            },
            EmailTemplate::PaymentReminder {
                name: name.clone(),
                campaign: campaign.clone(),
                amount: amount.clone(),
                deadline: date.clone(),
                link: link.clone(),
            },
            EmailTemplate::PledgeDropped { name: name.clone(), campaign: campaign.clone(), link: link.clone() },
            EmailTemplate::Refunded { name, campaign, amount, link },
        ]
    }

    #[test]
    fn pledge_and_payment_emails_render_in_every_language() {
        for t in pledge_and_payment_templates() {
            for locale in Locale::ALL {
                let r = t.render(locale);
                let what = format!("{} in {}", t.code(), locale.code());
                assert!(!r.subject.is_empty() && r.subject.contains("Fil rouge"), "{what}: {}", r.subject);
                assert!(!r.text.is_empty() && r.text.contains(LINK), "{what}: {}", r.text);
                assert!(!r.html.is_empty() && r.html.contains(&format!("href=\"{LINK}\"")), "{what}: {}", r.html);
            }
        }
    }

    #[test]
    fn codes_match_the_payload_tag() {
        for t in pledge_and_payment_templates() {
            assert_eq!(serde_json::to_value(&t).unwrap()["template"], t.code());
        }
    }

    #[test]
    fn all_or_nothing_pledge_says_when_and_only_if_the_goal_is_reached() {
        let fr = pledge_confirmed(true).render(Locale::Fr);
        assert!(fr.text.contains("18 décembre 2026 à 18:00"), "{}", fr.text);
        assert!(fr.text.contains("objectif") && fr.text.contains("CHF 45.00"), "{}", fr.text);
        assert!(fr.text.contains("Atelier de teinture"));
        let flexible = pledge_confirmed(false).render(Locale::Fr);
        assert!(flexible.text.contains("a été débitée de CHF 45.00 le 18 décembre 2026 à 18:00"), "{}", flexible.text);
        assert!(!flexible.text.contains("objectif"));
    }

    #[test]
    fn pledge_without_reward_says_so() {
        let t = EmailTemplate::PledgeChanged {
            name: "Léa".into(),
            campaign: "Fil rouge".into(),
            amount: "CHF 45.00".into(),
            reward: String::new(),
            link: LINK.into(),
        };
        assert!(t.render(Locale::En).text.contains("You chose no reward."));
        assert!(t.render(Locale::Fr).text.contains("pas choisi de contrepartie"));
    }

    #[test]
    fn failed_payment_gives_the_amount_and_where_to_pay() {
        let t = EmailTemplate::PaymentFailed {
            name: "Léa".into(),
            campaign: "Fil rouge".into(),
            amount: "CHF 45.00".into(),
            deadline: "21 December 2026 at 18:00".into(),
            link: "https://trame.example/pay/7?step=confirm&x=1".into(),
        };
        let en = t.render(Locale::En);
        assert!(en.text.contains("CHF 45.00") && en.text.contains("https://trame.example/pay/7?step=confirm&x=1"));
        assert!(en.text.contains("21 December 2026 at 18:00") && en.text.contains("Complete my payment"));
        assert!(en.html.contains("https://trame.example/pay/7?step=confirm&amp;x=1"));
    }

    #[test]
    fn campaign_names_are_escaped_in_html() {
        let t = EmailTemplate::CampaignFailed {
            name: "Léa".into(),
            campaign: "Fil & <aiguille>".into(),
            link: LINK.into(),
        };
        let r = t.render(Locale::De);
        assert!(r.html.contains("Fil &amp; &lt;aiguille&gt;") && !r.html.contains("<aiguille>"));
        assert!(r.text.contains("Fil & <aiguille>"));
    }

    #[test]
    fn pledge_payload_round_trips() {
        let t = pledge_confirmed(true);
        let json = serde_json::to_value(&t).unwrap();
        assert_eq!(json["template"], "pledge_confirmed");
        assert_eq!(json["all_or_nothing"], true);
        assert_eq!(json["when"], "18 décembre 2026 à 18:00");
        assert_eq!(serde_json::from_value::<EmailTemplate>(json).unwrap(), t);
    }
}
