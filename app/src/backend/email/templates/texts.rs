//! The words of each email, per language: subject, greeting, body and the action's label.

use super::EmailTemplate;
use crate::domain::Locale;

/// What an email says, before it is wrapped into its text and HTML parts.
pub(super) struct Texts<'a> {
    pub subject: String,
    pub greeting: String,
    pub body: String,
    pub action: &'static str,
    pub link: &'a str,
}

pub(super) fn texts(template: &EmailTemplate, locale: Locale) -> Texts<'_> {
    let (subject, greeting, body, action, link): (String, String, String, &str, &String) = match (template, locale) {
        (EmailTemplate::Welcome { name, link }, Locale::Fr) => ("Bienvenue sur Trame".into(), format!("Bonjour {name},"), "Votre compte Trame est prêt. Vous pouvez soutenir les campagnes des créateur·rices de mode durable près de chez vous. Confirmez aussi votre adresse e-mail (ce lien est valable deux jours)\u{a0}: c’est nécessaire pour lancer une campagne.".into(), "Confirmer mon adresse", link),
        (EmailTemplate::Welcome { name, link }, Locale::En) => ("Welcome to Trame".into(), format!("Hello {name},"), "Your Trame account is ready. You can now back the campaigns of sustainable-fashion designers near you. Please also confirm your email address (this link is valid for two days): it is needed to run a campaign.".into(), "Confirm my address", link),
        (EmailTemplate::Welcome { name, link }, Locale::De) => ("Willkommen bei Trame".into(), format!("Hallo {name},"), "Ihr Trame-Konto ist bereit. Sie können jetzt Kampagnen von Designer:innen nachhaltiger Mode in Ihrer Nähe unterstützen. Bitte bestätigen Sie auch Ihre E-Mail-Adresse (dieser Link ist zwei Tage gültig): Das ist nötig, um eine Kampagne zu führen.".into(), "Meine Adresse bestätigen", link),
        (EmailTemplate::PasswordReset { name, link }, Locale::Fr) => ("Réinitialiser votre mot de passe".into(), format!("Bonjour {name},"), "Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte Trame. Ce lien est valable une heure et ne fonctionne qu’une fois. Si vous n’avez rien demandé, ignorez ce message\u{a0}: votre mot de passe ne change pas.".into(), "Choisir un nouveau mot de passe", link),
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
                format!("Votre carte sera débitée de {amount} le {when}, seulement si la campagne atteint son objectif\u{202f}; sinon, rien ne vous sera débité.")
            } else {
                format!("Votre carte a été débitée de {amount} le {when}.")
            };
            let body = format!("Merci de soutenir {campaign}\u{202f}! Votre contribution de {amount} est bien enregistrée. {} {charge}", reward_sentence(locale, reward));
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

        (EmailTemplate::PledgeChanged { name, campaign, amount, reward, link }, Locale::Fr) => (format!("Votre contribution à {campaign} a été modifiée"), format!("Bonjour {name},"), format!("Votre contribution à la campagne {campaign} a bien été modifiée. Nouveau montant\u{a0}: {amount}. {}", reward_sentence(locale, reward)), "Voir ma contribution", link),
        (EmailTemplate::PledgeChanged { name, campaign, amount, reward, link }, Locale::En) => (format!("Your pledge to {campaign} was changed"), format!("Hello {name},"), format!("Your pledge to the campaign {campaign} was changed. New amount: {amount}. {}", reward_sentence(locale, reward)), "See my pledge", link),
        (EmailTemplate::PledgeChanged { name, campaign, amount, reward, link }, Locale::De) => (format!("Ihr Beitrag für {campaign} wurde geändert"), format!("Hallo {name},"), format!("Ihr Beitrag für die Kampagne {campaign} wurde geändert. Neuer Betrag: {amount}. {}", reward_sentence(locale, reward)), "Meinen Beitrag ansehen", link),

        (EmailTemplate::PledgeCancelled { name, campaign, amount, link }, Locale::Fr) => (format!("Votre contribution à {campaign} a été annulée"), format!("Bonjour {name},"), format!("Votre contribution de {amount} à la campagne {campaign} a bien été annulée. Rien ne vous sera débité pour cette contribution."), "Voir mes contributions", link),
        (EmailTemplate::PledgeCancelled { name, campaign, amount, link }, Locale::En) => (format!("Your pledge to {campaign} was cancelled"), format!("Hello {name},"), format!("Your pledge of {amount} to the campaign {campaign} was cancelled. Nothing will be charged for this pledge."), "See my pledges", link),
        (EmailTemplate::PledgeCancelled { name, campaign, amount, link }, Locale::De) => (format!("Ihr Beitrag für {campaign} wurde storniert"), format!("Hallo {name},"), format!("Ihr Beitrag von {amount} für die Kampagne {campaign} wurde storniert. Für diesen Beitrag wird Ihnen nichts belastet."), "Meine Beiträge ansehen", link),

        (EmailTemplate::CampaignSucceeded { name, campaign, amount, charge_date, link }, Locale::Fr) => (format!("{campaign} a atteint son objectif\u{202f}!"), format!("Bonjour {name},"), format!("Bonne nouvelle\u{a0}: la campagne {campaign} a atteint son objectif, grâce à vous et aux autres contributeur·rices. Votre carte sera débitée de {amount} le {charge_date}. Vous recevrez un reçu dès que le paiement aura abouti."), "Voir ma contribution", link),
        (EmailTemplate::CampaignSucceeded { name, campaign, amount, charge_date, link }, Locale::En) => (format!("{campaign} reached its goal!"), format!("Hello {name},"), format!("Good news: the campaign {campaign} reached its goal, thanks to you and the other backers. Your card will be charged {amount} on {charge_date}. You will receive a receipt once the payment goes through."), "See my pledge", link),
        (EmailTemplate::CampaignSucceeded { name, campaign, amount, charge_date, link }, Locale::De) => (format!("Die Kampagne {campaign} hat ihr Ziel erreicht!"), format!("Hallo {name},"), format!("Gute Nachricht: Die Kampagne {campaign} hat ihr Ziel erreicht – dank Ihnen und den anderen Unterstützer:innen. Ihre Karte wird am {charge_date} mit {amount} belastet. Sie erhalten eine Quittung, sobald die Zahlung erfolgt ist."), "Meinen Beitrag ansehen", link),

        (EmailTemplate::CampaignFailed { name, campaign, link }, Locale::Fr) => (format!("{campaign} n’a pas atteint son objectif"), format!("Bonjour {name},"), format!("La campagne {campaign} n’a pas atteint son objectif à l’échéance. Rien ne vous a été débité, et la carte que vous aviez enregistrée a été supprimée. Merci de l’avoir soutenue."), "Voir la campagne", link),
        (EmailTemplate::CampaignFailed { name, campaign, link }, Locale::En) => (format!("{campaign} did not reach its goal"), format!("Hello {name},"), format!("The campaign {campaign} did not reach its goal by the deadline. Nothing was charged, and the card you saved was removed. Thank you for backing it."), "See the campaign", link),
        (EmailTemplate::CampaignFailed { name, campaign, link }, Locale::De) => (format!("Die Kampagne {campaign} hat ihr Ziel nicht erreicht"), format!("Hallo {name},"), format!("Die Kampagne {campaign} hat ihr Ziel bis zum Stichtag nicht erreicht. Ihnen wurde nichts belastet, und Ihre hinterlegte Karte wurde gelöscht. Danke für Ihre Unterstützung."), "Kampagne ansehen", link),

        (EmailTemplate::CampaignCancelled { name, campaign, refunded, link }, Locale::Fr) => {
            let outcome = if *refunded {
                "Votre paiement vous est remboursé\u{202f}; le remboursement peut prendre 5 à 10 jours pour apparaître sur votre relevé."
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
            (format!("Die Kampagne {campaign} wurde abgebrochen"), format!("Hallo {name},"), format!("Die Kampagne {campaign} wurde von ihrem Team abgebrochen. {outcome}"), "Kampagne ansehen", link)
        }

        (EmailTemplate::PaymentReceipt { name, campaign, amount, date, reference, link }, Locale::Fr) => (format!("Reçu de votre paiement pour {campaign}"), format!("Bonjour {name},"), format!("Merci\u{202f}! Nous avons bien reçu votre paiement pour la campagne {campaign}. Montant\u{a0}: {amount}. Date\u{a0}: {date}. Référence\u{a0}: {reference}. Conservez ce message ou retrouvez votre reçu en ligne."), "Voir le reçu", link),
        (EmailTemplate::PaymentReceipt { name, campaign, amount, date, reference, link }, Locale::En) => (format!("Receipt for your payment to {campaign}"), format!("Hello {name},"), format!("Thank you! We received your payment for the campaign {campaign}. Amount: {amount}. Date: {date}. Reference: {reference}. Keep this message, or find your receipt online."), "View the receipt", link),
        (EmailTemplate::PaymentReceipt { name, campaign, amount, date, reference, link }, Locale::De) => (format!("Quittung für Ihre Zahlung an {campaign}"), format!("Hallo {name},"), format!("Vielen Dank! Wir haben Ihre Zahlung für die Kampagne {campaign} erhalten. Betrag: {amount}. Datum: {date}. Referenz: {reference}. Bewahren Sie diese Nachricht auf oder finden Sie Ihre Quittung online."), "Quittung ansehen", link),

        (EmailTemplate::PaymentFailed { name, campaign, amount, deadline, link }, Locale::Fr) => (format!("Votre paiement pour {campaign} n’a pas abouti"), format!("Bonjour {name},"), format!("Votre paiement de {amount} pour la campagne {campaign} n’a pas pu être effectué\u{a0}: il a été refusé, ou votre banque demande votre confirmation. Pour garder votre contribution, finalisez le paiement avant le {deadline}\u{202f}; passé ce délai, votre contribution expirera."), "Finaliser mon paiement", link),
        (EmailTemplate::PaymentFailed { name, campaign, amount, deadline, link }, Locale::En) => (format!("Your payment for {campaign} did not go through"), format!("Hello {name},"), format!("Your payment of {amount} for the campaign {campaign} could not be completed: it was declined, or your bank needs your confirmation. To keep your pledge, complete the payment before {deadline}; after that, your pledge will be dropped."), "Complete my payment", link),
        (EmailTemplate::PaymentFailed { name, campaign, amount, deadline, link }, Locale::De) => (format!("Ihre Zahlung für {campaign} ist nicht durchgegangen"), format!("Hallo {name},"), format!("Ihre Zahlung von {amount} für die Kampagne {campaign} konnte nicht abgeschlossen werden: Sie wurde abgelehnt, oder Ihre Bank verlangt Ihre Bestätigung. Um Ihren Beitrag zu behalten, schliessen Sie die Zahlung bis zum {deadline} ab; danach verfällt Ihr Beitrag."), "Meine Zahlung abschliessen", link),

        (EmailTemplate::PaymentReminder { name, campaign, amount, deadline, link }, Locale::Fr) => (format!("Rappel\u{a0}: votre paiement pour {campaign} est en attente"), format!("Bonjour {name},"), format!("Petit rappel\u{a0}: nous attendons toujours votre paiement de {amount} pour la campagne {campaign}, et l’équipe compte sur vous\u{202f}! Pensez à le finaliser avant le {deadline}\u{202f}; passé ce délai, votre contribution expirera."), "Finaliser mon paiement", link),
        (EmailTemplate::PaymentReminder { name, campaign, amount, deadline, link }, Locale::En) => (format!("Reminder: your payment for {campaign} is still waiting"), format!("Hello {name},"), format!("A friendly reminder: we are still waiting for your payment of {amount} for the campaign {campaign}, and the team is counting on you! Please complete it before {deadline}; after that, your pledge will be dropped."), "Complete my payment", link),
        (EmailTemplate::PaymentReminder { name, campaign, amount, deadline, link }, Locale::De) => (format!("Erinnerung: Ihre Zahlung für {campaign} steht noch aus"), format!("Hallo {name},"), format!("Eine freundliche Erinnerung: Wir warten noch auf Ihre Zahlung von {amount} für die Kampagne {campaign}, und das Team zählt auf Sie! Bitte schliessen Sie sie bis zum {deadline} ab; danach verfällt Ihr Beitrag."), "Meine Zahlung abschliessen", link),

        (EmailTemplate::PledgeDropped { name, campaign, reward, link }, Locale::Fr) => {
            let released = if reward.is_empty() { String::new() } else { format!(" La contrepartie «\u{a0}{reward}\u{a0}» a été remise à disposition des autres contributeur·rices.") };
            (format!("Votre contribution à {campaign} a expiré"), format!("Bonjour {name},"), format!("Nous n’avons pas pu encaisser votre paiement pour la campagne {campaign} dans le délai prévu. Votre contribution a donc expiré, et rien ne vous a été débité.{released}"), "Voir mes contributions", link)
        }
        (EmailTemplate::PledgeDropped { name, campaign, reward, link }, Locale::En) => {
            let released = if reward.is_empty() { String::new() } else { format!(" The reward “{reward}” was released for other backers.") };
            (format!("Your pledge to {campaign} was dropped"), format!("Hello {name},"), format!("We could not collect your payment for the campaign {campaign} in time. Your pledge was therefore dropped, and nothing was charged.{released}"), "See my pledges", link)
        }
        (EmailTemplate::PledgeDropped { name, campaign, reward, link }, Locale::De) => {
            let released = if reward.is_empty() { String::new() } else { format!(" Die Belohnung «{reward}» wurde für andere Unterstützer:innen freigegeben.") };
            (format!("Ihr Beitrag für {campaign} ist verfallen"), format!("Hallo {name},"), format!("Wir konnten Ihre Zahlung für die Kampagne {campaign} nicht rechtzeitig einziehen. Ihr Beitrag ist deshalb verfallen, und Ihnen wurde nichts belastet.{released}"), "Meine Beiträge ansehen", link)
        }

        (EmailTemplate::Refunded { name, campaign, amount, link }, Locale::Fr) => (format!("Remboursement de votre contribution à {campaign}"), format!("Bonjour {name},"), format!("Nous vous avons remboursé {amount} pour la campagne {campaign}. Le montant peut prendre 5 à 10 jours pour apparaître sur votre relevé."), "Voir mes contributions", link),
        (EmailTemplate::Refunded { name, campaign, amount, link }, Locale::En) => (format!("Refund of your pledge to {campaign}"), format!("Hello {name},"), format!("We refunded {amount} for the campaign {campaign}. It may take 5 to 10 days to appear on your statement."), "See my pledges", link),
        (EmailTemplate::Refunded { name, campaign, amount, link }, Locale::De) => (format!("Rückerstattung Ihres Beitrags für {campaign}"), format!("Hallo {name},"), format!("Wir haben Ihnen {amount} für die Kampagne {campaign} zurückerstattet. Es kann 5 bis 10 Tage dauern, bis der Betrag auf Ihrer Abrechnung erscheint."), "Meine Beiträge ansehen", link),

        (EmailTemplate::CampaignNews { name, campaign, title, body, link }, Locale::Fr) => (format!("{campaign}\u{a0}: {title}"), format!("Bonjour {name},"), format!("La campagne {campaign}, que vous soutenez, a publié une actualité.\n\n{title}\n\n{body}"), "Lire sur Trame", link),
        (EmailTemplate::CampaignNews { name, campaign, title, body, link }, Locale::En) => (format!("{campaign}: {title}"), format!("Hello {name},"), format!("The campaign {campaign}, which you back, posted an update.\n\n{title}\n\n{body}"), "Read it on Trame", link),
        (EmailTemplate::CampaignNews { name, campaign, title, body, link }, Locale::De) => (format!("{campaign}: {title}"), format!("Hallo {name},"), format!("Die Kampagne {campaign}, die Sie unterstützen, hat eine Neuigkeit veröffentlicht.\n\n{title}\n\n{body}"), "Auf Trame lesen", link),

        (EmailTemplate::CampaignSubmitted { name, campaign, link }, Locale::Fr) => (format!("{campaign} est en relecture"), format!("Bonjour {name},"), format!("Merci\u{202f}! Nous avons bien reçu la campagne {campaign}. L’équipe de Trame la relit, en général sous deux jours ouvrables, et vous écrit dès qu’elle est approuvée ou si quelque chose est à revoir. Pendant la relecture, la campagne ne peut pas être modifiée."), "Voir mes campagnes", link),
        (EmailTemplate::CampaignSubmitted { name, campaign, link }, Locale::En) => (format!("{campaign} is being reviewed"), format!("Hello {name},"), format!("Thank you! We received the campaign {campaign}. Trame’s team reviews it, usually within two working days, and writes to you as soon as it is approved or if something needs another look. During the review, the campaign cannot be changed."), "See my campaigns", link),
        (EmailTemplate::CampaignSubmitted { name, campaign, link }, Locale::De) => (format!("{campaign} wird geprüft"), format!("Hallo {name},"), format!("Vielen Dank! Wir haben die Kampagne {campaign} erhalten. Das Team von Trame prüft sie, meist innerhalb von zwei Arbeitstagen, und schreibt Ihnen, sobald sie freigegeben ist oder etwas überarbeitet werden muss. Während der Prüfung kann die Kampagne nicht geändert werden."), "Meine Kampagnen ansehen", link),

        (EmailTemplate::CampaignInvite { inviter, campaign, role, link }, Locale::Fr) => (format!("{inviter} vous invite dans l’équipe de {campaign}"), "Bonjour,".into(), format!("{inviter} vous invite à rejoindre l’équipe de la campagne {campaign} sur Trame, avec le rôle\u{a0}: {role}. Ouvrez le lien, connectez-vous ou créez un compte avec cette adresse e-mail, puis acceptez l’invitation. Ce lien est valable quatorze jours. Si vous ne connaissez pas cette personne, ignorez ce message."), "Voir l’invitation", link),
        (EmailTemplate::CampaignInvite { inviter, campaign, role, link }, Locale::En) => (format!("{inviter} invites you to the team of {campaign}"), "Hello,".into(), format!("{inviter} invites you to join the team of the campaign {campaign} on Trame, with the role: {role}. Open the link, sign in or create an account with this email address, then accept the invitation. This link is valid for fourteen days. If you do not know this person, ignore this message."), "See the invitation", link),
        (EmailTemplate::CampaignInvite { inviter, campaign, role, link }, Locale::De) => (format!("{inviter} lädt Sie ins Team von {campaign} ein"), "Hallo,".into(), format!("{inviter} lädt Sie ein, dem Team der Kampagne {campaign} auf Trame beizutreten, mit der Rolle: {role}. Öffnen Sie den Link, melden Sie sich mit dieser E-Mail-Adresse an oder erstellen Sie ein Konto, und nehmen Sie die Einladung an. Dieser Link ist vierzehn Tage gültig. Wenn Sie diese Person nicht kennen, ignorieren Sie diese Nachricht."), "Einladung ansehen", link),

        (EmailTemplate::DesignerInvite { inviter, designer, campaign, link }, Locale::Fr) => (format!("{campaign}\u{a0}: tenez vous-même votre profil de créateur·rice"), "Bonjour,".into(), format!("{inviter}, de l’équipe de la campagne {campaign}, a présenté votre travail sur Trame dans le profil «\u{a0}{designer}\u{a0}» et vous invite à en prendre la main\u{a0}: vous pourrez ensuite le tenir à jour vous-même (présentation, matières, pratiques, portrait, liens). Ouvrez le lien, connectez-vous ou créez un compte avec cette adresse e-mail, puis acceptez. Ce lien est valable quatorze jours. Si vous ne connaissez pas cette personne, ignorez ce message."), "Voir l’invitation", link),
        (EmailTemplate::DesignerInvite { inviter, designer, campaign, link }, Locale::En) => (format!("{campaign}: keep your designer profile yourself"), "Hello,".into(), format!("{inviter}, of the team of the campaign {campaign}, presented your work on Trame in the profile “{designer}” and invites you to take it over: you can then keep it up to date yourself (presentation, materials, practices, portrait, links). Open the link, sign in or create an account with this email address, then accept. This link is valid for fourteen days. If you do not know this person, ignore this message."), "See the invitation", link),
        (EmailTemplate::DesignerInvite { inviter, designer, campaign, link }, Locale::De) => (format!("{campaign}: Pflegen Sie Ihr Designer:innen-Profil selbst"), "Hallo,".into(), format!("{inviter} aus dem Team der Kampagne {campaign} hat Ihre Arbeit auf Trame im Profil «{designer}» vorgestellt und lädt Sie ein, es zu übernehmen: Danach pflegen Sie es selbst (Vorstellung, Materialien, Praktiken, Porträt, Links). Öffnen Sie den Link, melden Sie sich mit dieser E-Mail-Adresse an oder erstellen Sie ein Konto, und nehmen Sie die Einladung an. Dieser Link ist vierzehn Tage gültig. Wenn Sie diese Person nicht kennen, ignorieren Sie diese Nachricht."), "Einladung ansehen", link),

        (EmailTemplate::HelpOffered { name, campaign, need, helper, amount, link }, Locale::Fr) => (format!("{campaign}\u{a0}: {helper} propose son aide"), format!("Bonjour {name},"), format!("{helper} propose son aide pour «\u{a0}{need}\u{a0}»\u{a0}: {amount}. Acceptez-la ou déclinez-la depuis le studio\u{202f}; la personne reçoit un e-mail à chaque étape."), "Répondre dans le studio", link),
        (EmailTemplate::HelpOffered { name, campaign, need, helper, amount, link }, Locale::En) => (format!("{campaign}: {helper} offers help"), format!("Hello {name},"), format!("{helper} offers help for “{need}”: {amount}. Accept or decline it in the studio; they get an email at each step."), "Answer in the studio", link),
        (EmailTemplate::HelpOffered { name, campaign, need, helper, amount, link }, Locale::De) => (format!("{campaign}: {helper} bietet Mithilfe an"), format!("Hallo {name},"), format!("{helper} bietet Mithilfe für «{need}» an: {amount}. Nehmen Sie sie im Studio an oder lehnen Sie sie ab; die Person erhält bei jedem Schritt eine E-Mail."), "Im Studio antworten", link),
        (EmailTemplate::HelpAnswered { name, campaign, need, amount, step, link }, Locale::Fr) => (format!("{campaign}\u{a0}: votre aide pour «\u{a0}{need}\u{a0}»"), format!("Bonjour {name},"), match step.as_str() {
            "accepted" => format!("L’équipe de {campaign} accepte votre aide ({amount}) pour «\u{a0}{need}\u{a0}». Elle vous écrira pour convenir des détails. Merci\u{202f}!"),
            "done" => format!("L’équipe de {campaign} a marqué votre aide ({amount}) pour «\u{a0}{need}\u{a0}» comme faite. Merci pour ce coup de main\u{202f}!"),
            _ => format!("L’équipe de {campaign} ne peut pas accepter votre aide ({amount}) pour «\u{a0}{need}\u{a0}» cette fois. Merci de l’avoir proposée."),
        }, "Voir la campagne", link),
        (EmailTemplate::HelpAnswered { name, campaign, need, amount, step, link }, Locale::En) => (format!("{campaign}: your help for “{need}”"), format!("Hello {name},"), match step.as_str() {
            "accepted" => format!("The team of {campaign} accepts your help ({amount}) for “{need}”. They will write to you to agree on the details. Thank you!"),
            "done" => format!("The team of {campaign} marked your help ({amount}) for “{need}” as done. Thank you for lending a hand!"),
            _ => format!("The team of {campaign} cannot accept your help ({amount}) for “{need}” this time. Thank you for offering it."),
        }, "See the campaign", link),
        (EmailTemplate::HelpAnswered { name, campaign, need, amount, step, link }, Locale::De) => (format!("{campaign}: Ihre Mithilfe für «{need}»"), format!("Hallo {name},"), match step.as_str() {
            "accepted" => format!("Das Team von {campaign} nimmt Ihre Mithilfe ({amount}) für «{need}» an. Es schreibt Ihnen, um die Einzelheiten abzusprechen. Danke!"),
            "done" => format!("Das Team von {campaign} hat Ihre Mithilfe ({amount}) für «{need}» als erledigt markiert. Danke für Ihre Unterstützung!"),
            _ => format!("Das Team von {campaign} kann Ihre Mithilfe ({amount}) für «{need}» diesmal nicht annehmen. Danke, dass Sie sie angeboten haben."),
        }, "Kampagne ansehen", link),

        (EmailTemplate::PartnerReviewed { name, organisation, campaign, approved, reason, link }, Locale::Fr) => {
            let at = if campaign.is_empty() { "Trame".to_owned() } else { campaign.clone() };
            if *approved {
                (format!("{at}\u{a0}: partenariat de {organisation} approuvé"), format!("Bonjour {name},"), format!("Merci\u{202f}! {organisation} est maintenant partenaire de {at} et s’affiche sur son mur des partenaires."), "Voir mes partenariats", link)
            } else {
                (format!("{at}\u{a0}: votre demande de partenariat pour {organisation}"), format!("Bonjour {name},"), format!("L’équipe de {at} ne peut pas accepter la demande de {organisation} pour l’instant, avec ce motif\u{a0}: «\u{a0}{reason}\u{a0}». Vous pouvez la modifier depuis votre compte\u{a0}: elle sera relue."), "Voir mes partenariats", link)
            }
        }
        (EmailTemplate::PartnerReviewed { name, organisation, campaign, approved, reason, link }, Locale::En) => {
            let at = if campaign.is_empty() { "Trame".to_owned() } else { campaign.clone() };
            if *approved {
                (format!("{at}: partnership of {organisation} approved"), format!("Hello {name},"), format!("Thank you! {organisation} is now a partner of {at} and shows on its partner wall."), "See my partnerships", link)
            } else {
                (format!("{at}: your partnership application for {organisation}"), format!("Hello {name},"), format!("The team of {at} cannot accept the application of {organisation} for now, with this reason: “{reason}”. You can change it from your account: it will be reviewed again."), "See my partnerships", link)
            }
        }
        (EmailTemplate::PartnerReviewed { name, organisation, campaign, approved, reason, link }, Locale::De) => {
            let at = if campaign.is_empty() { "Trame".to_owned() } else { campaign.clone() };
            if *approved {
                (format!("{at}: Partnerschaft von {organisation} angenommen"), format!("Hallo {name},"), format!("Danke! {organisation} ist jetzt Förderpartner von {at} und erscheint auf der Partnerwand."), "Meine Partnerschaften ansehen", link)
            } else {
                (format!("{at}: Ihre Anfrage für eine Partnerschaft von {organisation}"), format!("Hallo {name},"), format!("Das Team von {at} kann die Anfrage von {organisation} vorerst nicht annehmen, mit dieser Begründung: «{reason}». Sie können sie in Ihrem Konto ändern: Sie wird erneut geprüft."), "Meine Partnerschaften ansehen", link)
            }
        }
        (EmailTemplate::PartnerApplied { name, campaign, organisation, link }, Locale::Fr) => (format!("{campaign}\u{a0}: demande de partenariat de {organisation}"), format!("Bonjour {name},"), format!("{organisation} demande à devenir partenaire de {campaign}. Approuvez ou refusez la demande depuis le studio\u{202f}; le partenaire reçoit un e-mail dans les deux cas."), "Répondre dans le studio", link),
        (EmailTemplate::PartnerApplied { name, campaign, organisation, link }, Locale::En) => (format!("{campaign}: partnership application from {organisation}"), format!("Hello {name},"), format!("{organisation} applies to be a partner of {campaign}. Approve or reject the application in the studio; the partner gets an email either way."), "Answer in the studio", link),
        (EmailTemplate::PartnerApplied { name, campaign, organisation, link }, Locale::De) => (format!("{campaign}: Partnerschaftsanfrage von {organisation}"), format!("Hallo {name},"), format!("{organisation} möchte Förderpartner von {campaign} werden. Nehmen Sie die Anfrage im Studio an oder lehnen Sie sie ab; der Partner erhält in beiden Fällen eine E-Mail."), "Im Studio antworten", link),
        (EmailTemplate::MatchFundOffered { name, campaign, organisation, terms, link }, Locale::Fr) => (format!("{campaign}\u{a0}: {organisation} propose un fonds d’abondement"), format!("Bonjour {name},"), format!("{organisation} propose d’abonder les contributions à {campaign}\u{a0}: {terms}. Acceptez ou refusez le fonds depuis le studio."), "Répondre dans le studio", link),
        (EmailTemplate::MatchFundOffered { name, campaign, organisation, terms, link }, Locale::En) => (format!("{campaign}: {organisation} offers a match fund"), format!("Hello {name},"), format!("{organisation} offers to match the pledges to {campaign}: {terms}. Accept or decline the fund in the studio."), "Answer in the studio", link),
        (EmailTemplate::MatchFundOffered { name, campaign, organisation, terms, link }, Locale::De) => (format!("{campaign}: {organisation} bietet einen Aufstockungsfonds an"), format!("Hallo {name},"), format!("{organisation} bietet an, die Beiträge an {campaign} aufzustocken: {terms}. Nehmen Sie den Fonds im Studio an oder lehnen Sie ihn ab."), "Im Studio antworten", link),
        (EmailTemplate::MatchFundDecided { name, organisation, campaign, accepted, reason, link }, Locale::Fr) => if *accepted {
            (format!("{campaign}\u{a0}: le fonds de {organisation} est accepté"), format!("Bonjour {name},"), format!("L’équipe de {campaign} accepte le fonds d’abondement de {organisation}. Enregistrez une carte\u{a0}: le fonds commence alors à abonder les contributions, et la carte n’est débitée que de ce qui a été abondé."), "Enregistrer une carte", link)
        } else {
            (format!("{campaign}\u{a0}: le fonds de {organisation}"), format!("Bonjour {name},"), format!("L’équipe de {campaign} ne peut pas accepter le fonds d’abondement de {organisation}, avec ce motif\u{a0}: «\u{a0}{reason}\u{a0}»."), "Voir mes partenariats", link)
        },
        (EmailTemplate::MatchFundDecided { name, organisation, campaign, accepted, reason, link }, Locale::En) => if *accepted {
            (format!("{campaign}: the fund of {organisation} is accepted"), format!("Hello {name},"), format!("The team of {campaign} accepts the match fund of {organisation}. Save a card: the fund then starts matching pledges, and the card is charged only for what was matched."), "Save a card", link)
        } else {
            (format!("{campaign}: the fund of {organisation}"), format!("Hello {name},"), format!("The team of {campaign} cannot accept the match fund of {organisation}, with this reason: “{reason}”."), "See my partnerships", link)
        },
        (EmailTemplate::MatchFundDecided { name, organisation, campaign, accepted, reason, link }, Locale::De) => if *accepted {
            (format!("{campaign}: Der Fonds von {organisation} ist angenommen"), format!("Hallo {name},"), format!("Das Team von {campaign} nimmt den Aufstockungsfonds von {organisation} an. Hinterlegen Sie eine Karte: Dann beginnt der Fonds, Beiträge aufzustocken, und die Karte wird nur mit dem aufgestockten Betrag belastet."), "Karte hinterlegen", link)
        } else {
            (format!("{campaign}: Der Fonds von {organisation}"), format!("Hallo {name},"), format!("Das Team von {campaign} kann den Aufstockungsfonds von {organisation} nicht annehmen, mit dieser Begründung: «{reason}»."), "Meine Partnerschaften ansehen", link)
        },

        (EmailTemplate::CampaignApproved { name, campaign, starts, link }, Locale::Fr) => (format!("{campaign} est approuvée\u{202f}!"), format!("Bonjour {name},"), format!("Bonne nouvelle\u{a0}: la campagne {campaign} est approuvée. Elle sera publique et ouverte aux contributions dès le {starts}. Partagez son lien autour de vous\u{a0}: les premières heures comptent."), "Voir la campagne", link),
        (EmailTemplate::CampaignApproved { name, campaign, starts, link }, Locale::En) => (format!("{campaign} is approved!"), format!("Hello {name},"), format!("Good news: the campaign {campaign} is approved. It will be public and open to pledges from {starts}. Share its link around you: the first hours count."), "See the campaign", link),
        (EmailTemplate::CampaignApproved { name, campaign, starts, link }, Locale::De) => (format!("{campaign} ist freigegeben!"), format!("Hallo {name},"), format!("Gute Nachricht: Die Kampagne {campaign} ist freigegeben. Sie ist ab dem {starts} öffentlich und offen für Beiträge. Teilen Sie ihren Link: Die ersten Stunden zählen."), "Kampagne ansehen", link),

        (EmailTemplate::CampaignReturned { name, campaign, reason, link }, Locale::Fr) => (format!("{campaign}\u{a0}: quelques changements avant le lancement"), format!("Bonjour {name},"), format!("L’équipe de Trame a relu la campagne {campaign} et vous la renvoie avec cette remarque\u{a0}: «\u{a0}{reason}\u{a0}». Elle est de nouveau un brouillon\u{a0}: modifiez-la, puis soumettez-la encore."), "Modifier la campagne", link),
        (EmailTemplate::CampaignReturned { name, campaign, reason, link }, Locale::En) => (format!("{campaign}: a few changes before the launch"), format!("Hello {name},"), format!("Trame’s team reviewed the campaign {campaign} and sends it back with this note: “{reason}”. It is a draft again: change it, then submit it once more."), "Edit the campaign", link),
        (EmailTemplate::CampaignReturned { name, campaign, reason, link }, Locale::De) => (format!("{campaign}: einige Änderungen vor dem Start"), format!("Hallo {name},"), format!("Das Team von Trame hat die Kampagne {campaign} geprüft und schickt sie mit dieser Bemerkung zurück: «{reason}». Sie ist wieder ein Entwurf: Ändern Sie sie und reichen Sie sie erneut ein."), "Kampagne bearbeiten", link),
    };
    Texts { subject, greeting, body, action, link }
}

/// The sentence naming the reward a pledge comes with; `reward` is empty for none.
fn reward_sentence(locale: Locale, reward: &str) -> String {
    match (locale, reward.is_empty()) {
        (Locale::Fr, false) => format!("Contrepartie choisie\u{a0}: {reward}."),
        (Locale::Fr, true) => "Vous n’avez pas choisi de contrepartie.".to_owned(),
        (Locale::En, false) => format!("Reward: {reward}."),
        (Locale::En, true) => "You chose no reward.".to_owned(),
        (Locale::De, false) => format!("Gewählte Belohnung: {reward}."),
        (Locale::De, true) => "Sie haben keine Belohnung gewählt.".to_owned(),
    }
}
