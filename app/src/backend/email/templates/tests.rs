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
        EmailTemplate::PledgeDropped {
            name: name.clone(),
            campaign: campaign.clone(),
            reward: String::new(),
            link: link.clone(),
        },
        EmailTemplate::Refunded { name: name.clone(), campaign: campaign.clone(), amount, link: link.clone() },
        EmailTemplate::CampaignSubmitted { name: name.clone(), campaign: campaign.clone(), link: link.clone() },
        EmailTemplate::CampaignNews {
            name: name.clone(),
            campaign: campaign.clone(),
            title: "Le métier est arrivé".into(),
            body: "Venez le voir **samedi**.".into(),
            link: link.clone(),
        },
        EmailTemplate::CampaignApproved {
            name: name.clone(),
            campaign: campaign.clone(),
            starts: date,
            link: link.clone(),
        },
        EmailTemplate::CampaignInvite {
            inviter: name.clone(),
            campaign: campaign.clone(),
            role: "Rédaction".into(),
            link: link.clone(),
        },
        EmailTemplate::DesignerInvite {
            inviter: name.clone(),
            designer: "Léa Martin".into(),
            campaign: campaign.clone(),
            link: link.clone(),
        },
        EmailTemplate::HelpOffered {
            name: name.clone(),
            campaign: campaign.clone(),
            need: "Bénévoles".into(),
            helper: "Léa".into(),
            amount: "4 heures".into(),
            link: link.clone(),
        },
        EmailTemplate::HelpAnswered {
            name: name.clone(),
            campaign: campaign.clone(),
            need: "Bénévoles".into(),
            amount: "4 heures".into(),
            step: "accepted".into(),
            link: link.clone(),
        },
        EmailTemplate::PartnerReviewed {
            name: name.clone(),
            organisation: "Atelier Lumière".into(),
            campaign: campaign.clone(),
            approved: false,
            reason: "Ajoutez un logo".into(),
            link: link.clone(),
        },
        EmailTemplate::PartnerApplied {
            name: name.clone(),
            campaign: campaign.clone(),
            organisation: "Atelier Lumière".into(),
            link: link.clone(),
        },
        EmailTemplate::MatchFundOffered {
            name: name.clone(),
            campaign: campaign.clone(),
            organisation: "Banque du Léman".into(),
            terms: "+100\u{a0}% sur chaque contribution, CHF\u{a0}500.00 au total".into(),
            link: link.clone(),
        },
        EmailTemplate::MatchFundDecided {
            name: name.clone(),
            organisation: "Banque du Léman".into(),
            campaign: campaign.clone(),
            accepted: true,
            reason: String::new(),
            link: link.clone(),
        },
        EmailTemplate::CampaignReturned { name, campaign, reason: "Ajoutez des photos".into(), link },
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
    let t =
        EmailTemplate::CampaignFailed { name: "Léa".into(), campaign: "Fil & <aiguille>".into(), link: LINK.into() };
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

/// The account emails, one of each.
fn account_templates() -> Vec<EmailTemplate> {
    let (name, link) = (String::from("Léa"), String::from(LINK));
    vec![
        EmailTemplate::Welcome { name: name.clone(), link: link.clone() },
        EmailTemplate::PasswordReset { name: name.clone(), link: link.clone() },
        EmailTemplate::VerifyEmail { name: name.clone(), link: link.clone() },
        EmailTemplate::PasswordChanged { name, link },
    ]
}

#[test]
fn every_email_follows_the_glossary_typography() {
    let dropped_with_reward = EmailTemplate::PledgeDropped {
        name: "Léa".into(),
        campaign: "Fil rouge".into(),
        reward: "Atelier de teinture".into(),
        link: LINK.into(),
    };
    let mut faults = Vec::new();
    for t in pledge_and_payment_templates().into_iter().chain(account_templates()).chain([dropped_with_reward]) {
        for locale in Locale::ALL {
            let r = t.render(locale);
            for part in [&r.subject, &r.text] {
                let found = crate::i18n::typography::faults(locale, part);
                faults.extend(found.into_iter().map(|f| format!("{} in {}: {f}", t.code(), locale.code())));
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn a_dropped_pledge_names_its_reward_only_when_it_had_one() {
    let dropped = |reward: &str| EmailTemplate::PledgeDropped {
        name: "Léa".into(),
        campaign: "Fil rouge".into(),
        reward: reward.into(),
        link: LINK.into(),
    };
    let without = dropped("");
    assert!(!without.render(Locale::En).text.contains("reward"), "{}", without.render(Locale::En).text);
    assert!(!without.render(Locale::Fr).text.contains("contrepartie"));
    assert!(!without.render(Locale::De).text.contains("Belohnung"));
    assert!(without.render(Locale::En).text.contains("nothing was charged"));
    let with = dropped("Atelier de teinture");
    assert!(with.render(Locale::En).text.contains("The reward “Atelier de teinture” was released"));
    assert!(with.render(Locale::Fr).subject.contains("a expiré"), "dropped is « expirée » in French");
    // emails queued before the field existed still render
    let old: EmailTemplate =
        serde_json::from_str(r#"{"template":"pledge_dropped","name":"Léa","campaign":"Fil rouge","link":"x"}"#)
            .unwrap();
    assert!(!old.render(Locale::En).text.contains("reward"));
}

#[test]
fn french_text_part_puts_a_no_break_space_before_the_colon() {
    let t = EmailTemplate::Welcome { name: "Léa".into(), link: LINK.into() };
    assert!(t.render(Locale::Fr).text.contains(&format!("Confirmer mon adresse\u{a0}: {LINK}")));
    assert!(t.render(Locale::En).text.contains(&format!("Confirm my address: {LINK}")));
}
