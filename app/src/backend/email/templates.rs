//! Email texts, per language, each with a plain-text part and a simple HTML part.

use crate::domain::Locale;
use serde::{Deserialize, Serialize};

/// An email to send, with what its text needs. Stored as JSON in the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "template", rename_all = "snake_case")]
pub enum EmailTemplate {
    Welcome { name: String, link: String },
    PasswordReset { name: String, link: String },
    PasswordChanged { name: String, link: String },
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
            EmailTemplate::PasswordChanged { .. } => "password_changed",
        }
    }

    pub fn render(&self, locale: Locale) -> Rendered {
        let (subject, greeting, body, action, link) = match (self, locale) {
            (EmailTemplate::Welcome { name, link }, Locale::Fr) => ("Bienvenue sur Trame", format!("Bonjour {name},"), "Votre compte Trame est prêt. Vous pouvez soutenir les campagnes des créateur·rices de mode durable près de chez vous.", "Découvrir les campagnes", link),
            (EmailTemplate::Welcome { name, link }, Locale::En) => ("Welcome to Trame", format!("Hello {name},"), "Your Trame account is ready. You can now back the campaigns of sustainable-fashion designers near you.", "Discover the campaigns", link),
            (EmailTemplate::Welcome { name, link }, Locale::De) => ("Willkommen bei Trame", format!("Hallo {name},"), "Ihr Trame-Konto ist bereit. Sie können jetzt Kampagnen von Designer:innen nachhaltiger Mode in Ihrer Nähe unterstützen.", "Kampagnen entdecken", link),
            (EmailTemplate::PasswordReset { name, link }, Locale::Fr) => ("Réinitialiser votre mot de passe", format!("Bonjour {name},"), "Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte Trame. Ce lien est valable une heure et ne fonctionne qu’une fois. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.", "Choisir un nouveau mot de passe", link),
            (EmailTemplate::PasswordReset { name, link }, Locale::En) => ("Reset your password", format!("Hello {name},"), "Someone (you, we hope) asked to reset the password of your Trame account. This link is valid for one hour and works once. If you did not ask for it, ignore this message: your password stays the same.", "Choose a new password", link),
            (EmailTemplate::PasswordReset { name, link }, Locale::De) => ("Passwort zurücksetzen", format!("Hallo {name},"), "Jemand (hoffentlich Sie) hat verlangt, das Passwort Ihres Trame-Kontos zurückzusetzen. Dieser Link ist eine Stunde gültig und funktioniert nur einmal. Wenn Sie nichts verlangt haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.", "Neues Passwort wählen", link),
            (EmailTemplate::PasswordChanged { name, link }, Locale::Fr) => ("Votre mot de passe a été modifié", format!("Bonjour {name},"), "Le mot de passe de votre compte Trame vient d’être modifié, et vos autres sessions ont été fermées. Si ce n’était pas vous, réinitialisez-le tout de suite.", "Réinitialiser le mot de passe", link),
            (EmailTemplate::PasswordChanged { name, link }, Locale::En) => ("Your password was changed", format!("Hello {name},"), "The password of your Trame account was just changed, and your other sessions were signed out. If this was not you, reset it right away.", "Reset the password", link),
            (EmailTemplate::PasswordChanged { name, link }, Locale::De) => ("Ihr Passwort wurde geändert", format!("Hallo {name},"), "Das Passwort Ihres Trame-Kontos wurde soeben geändert, und Ihre anderen Sitzungen wurden beendet. Wenn Sie das nicht waren, setzen Sie es sofort zurück.", "Passwort zurücksetzen", link),
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
            body = escape(body),
            link = escape(link),
            action = escape(action),
        );
        Rendered { subject: subject.to_owned(), text, html }
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
}
