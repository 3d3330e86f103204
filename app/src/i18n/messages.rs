//! Every fixed user-visible sentence, in French, English and German, side by side.

use crate::domain::Locale;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;

macro_rules! messages {
    ($($key:ident => ($fr:literal, $en:literal, $de:literal),)+) => {
        /// A fixed user-visible string. Serialisable, so errors can carry it to the browser.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum Key { $($key),+ }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key),+];

            /// (French, English, German)
            pub fn text(self) -> (&'static str, &'static str, &'static str) {
                match self { $(Key::$key => ($fr, $en, $de)),+ }
            }
        }
    };
}

messages! {
    // layout
    SiteTagline => ("Financement participatif de la mode durable locale", "Crowdfunding for local sustainable fashion", "Crowdfunding für lokale nachhaltige Mode"),
    SkipToContent => ("Aller au contenu", "Skip to content", "Zum Inhalt springen"),
    NavCampaigns => ("Campagnes", "Campaigns", "Kampagnen"),
    NavDesigners => ("Créateur·rices", "Designers", "Designer:innen"),
    LanguageLabel => ("Langue", "Language", "Sprache"),
    ChangeLanguage => ("Changer", "Change", "Wechseln"),
    MainNavigation => ("Navigation principale", "Main navigation", "Hauptnavigation"),
    FooterAbout => ("Trame relie les habitant·es aux créateur·rices de mode durable de leur ville\u{a0}: circuits courts, zéro déchet, savoir-faire local.", "Trame connects residents with the sustainable-fashion designers of their city: short supply chains, zero waste, local craft.", "Trame verbindet Einwohner:innen mit den Designer:innen nachhaltiger Mode ihrer Stadt: kurze Wege, null Abfall, lokales Handwerk."),
    FooterNoTrackers => ("Sans traceurs. Les paiements passent par Stripe\u{202f}; nous ne voyons jamais votre carte.", "No trackers. Payments go through Stripe; we never see your card.", "Keine Tracker. Zahlungen laufen über Stripe; wir sehen Ihre Karte nie."),
    Loading => ("Chargement…", "Loading…", "Wird geladen…"),

    // pledging: errors
    PledgeWrongCurrency => ("Cette campagne se finance dans une autre monnaie. Rechargez la page.", "This campaign is funded in another currency. Reload the page.", "Diese Kampagne wird in einer anderen Währung finanziert. Laden Sie die Seite neu."),
    PledgeRewardUnknown => ("Cette contrepartie n’existe pas dans cette campagne.", "This reward does not exist in this campaign.", "Diese Belohnung gibt es in dieser Kampagne nicht."),
    PledgeBelowMinimum => ("Le montant est inférieur au minimum de la campagne.", "The amount is below the campaign’s minimum.", "Der Betrag liegt unter dem Minimum der Kampagne."),
    PledgeTooMany => ("Quantité non disponible pour cette contrepartie.", "This quantity is not available for this reward.", "Diese Menge ist für diese Belohnung nicht verfügbar."),
    PledgeChooseSlot => ("Choisissez un créneau.", "Choose a time slot.", "Wählen Sie einen Termin."),
    PledgeChoosePickup => ("Choisissez un point de retrait.", "Choose a pickup point.", "Wählen Sie einen Abholort."),
    PledgeAnswerRequired => ("Répondez à cette question.", "Answer this question.", "Beantworten Sie diese Frage."),
    PledgeAmountInvalid => ("Entrez un montant positif, avec au plus deux décimales.", "Enter a positive amount with at most two decimals.", "Geben Sie einen positiven Betrag mit höchstens zwei Nachkommastellen ein."),
    PledgeCannotChange => ("Cette contribution ne peut plus être modifiée.", "This pledge can no longer be changed.", "Dieser Beitrag kann nicht mehr geändert werden."),

    // pledging: pages
    BackThisProject => ("Soutenir ce projet", "Back this project", "Dieses Projekt unterstützen"),
    ChooseReward => ("Choisir cette contrepartie", "Choose this reward", "Diese Belohnung wählen"),
    PledgeTermsAllOrNothing => ("Tout ou rien\u{a0}: votre carte est enregistrée maintenant et débitée seulement si l’objectif est atteint, quand la campagne se termine le {date}. Si l’objectif n’est pas atteint, rien n’est débité.", "All or nothing: your card is saved now and charged only if the goal is reached, when the campaign ends on {date}. If the goal is missed, nothing is charged.", "Alles oder nichts: Ihre Karte wird jetzt hinterlegt und nur belastet, wenn das Ziel erreicht wird, bei Kampagnenende am {date}. Wird das Ziel verfehlt, wird nichts belastet."),
    PledgeTermsFlexible => ("Financement flexible\u{a0}: votre carte est débitée maintenant, et l’équipe garde les fonds même si l’objectif n’est pas atteint. Si la campagne est annulée, vous êtes remboursé·e.", "Flexible funding: your card is charged now, and the team keeps the funds even if the goal is missed. If the campaign is cancelled, you are refunded.", "Flexible Finanzierung: Ihre Karte wird jetzt belastet, und das Team behält die Mittel auch bei verfehltem Ziel. Wird die Kampagne abgebrochen, erhalten Sie eine Rückerstattung."),
    PledgeNoRewardLead => ("Sans contrepartie, juste pour soutenir. Minimum\u{a0}:", "No reward, just to support. Minimum:", "Ohne Belohnung, einfach zur Unterstützung. Minimum:"),
    PledgeExtraLabel => ("Ajouter un montant libre (facultatif)", "Add an extra amount (optional)", "Zusätzlichen Betrag hinzufügen (optional)"),
    PledgeAmountLabel => ("Votre montant", "Your amount", "Ihr Betrag"),
    PledgeSaveChanges => ("Enregistrer les modifications", "Save the changes", "Änderungen speichern"),
    PledgeContinue => ("Continuer vers le paiement", "Continue to payment", "Weiter zur Zahlung"),
    PledgeOtherRewards => ("Autres choix", "Other choices", "Andere Möglichkeiten"),
    PledgeWithoutReward => ("Soutenir sans contrepartie", "Pledge without a reward", "Ohne Belohnung unterstützen"),
    PledgeQuantityLabel => ("Quantité", "Quantity", "Menge"),
    PledgeSlotLabel => ("Créneau", "Time slot", "Termin"),
    PledgeAccountLegend => ("Votre compte", "Your account", "Ihr Konto"),
    PledgeNewAccount => ("Je crée un compte", "I am new here", "Ich bin neu hier"),
    PledgeHaveAccount => ("J’ai déjà un compte", "I have an account", "Ich habe ein Konto"),
    PledgeNameForNewAccounts => ("Votre nom (nouveau compte)", "Your name (new account)", "Ihr Name (neues Konto)"),
    PledgeAnswers => ("Vos réponses", "Your answers", "Ihre Antworten"),
    Campaign => ("Campagne", "Campaign", "Kampagne"),
    Reward => ("Contrepartie", "Reward", "Belohnung"),
    PledgeTotal => ("Total", "Total", "Total"),
    PledgeStatusLabel => ("État", "Status", "Status"),
    PayTitle => ("Paiement", "Payment", "Zahlung"),
    PayYouWillBeCharged => ("Montant\u{a0}: {amount}.", "Amount: {amount}.", "Betrag: {amount}."),
    PayBefore => ("À régler avant le {date}, sinon la contribution expirera.", "To be paid before {date}, or the pledge will be dropped.", "Zu bezahlen vor dem {date}, sonst verfällt der Beitrag."),
    PayNothingToDo => ("Rien à payer pour cette contribution.", "Nothing to pay for this pledge.", "Für diesen Beitrag ist nichts zu bezahlen."),
    PledgeSeeStatus => ("Voir ma contribution", "See my pledge", "Meinen Beitrag ansehen"),
    PayCardTitle => ("Votre carte", "Your card", "Ihre Karte"),
    PaySaveCard => ("Enregistrer ma carte et confirmer", "Save my card and confirm", "Karte hinterlegen und bestätigen"),
    PayNow => ("Payer maintenant", "Pay now", "Jetzt bezahlen"),
    PayAuthenticateTitle => ("Votre banque demande une confirmation", "Your bank asks for a confirmation", "Ihre Bank verlangt eine Bestätigung"),
    PayAuthenticate => ("Confirmer le paiement", "Confirm the payment", "Zahlung bestätigen"),
    PayWorking => ("Un instant…", "One moment…", "Einen Moment…"),
    PayFailed => ("Rien n’a été débité. Vous pouvez réessayer, avec une autre carte si besoin.", "Nothing was charged. You can try again, with another card if needed.", "Es wurde nichts belastet. Sie können es erneut versuchen, bei Bedarf mit einer anderen Karte."),
    PayUnavailable => ("Le formulaire de paiement ne se charge pas. Réessayez dans un instant.", "The payment form does not load. Try again in a moment.", "Das Zahlungsformular lädt nicht. Versuchen Sie es gleich noch einmal."),
    PayTryAgain => ("Réessayer", "Try again", "Erneut versuchen"),
    VerifyEmailTitle => ("Confirmer votre adresse e-mail", "Confirm your email address", "E-Mail-Adresse bestätigen"),
    VerifyEmailText => ("Confirmez que cette adresse est la vôtre pour pouvoir lancer une campagne ou administrer Trame.", "Confirm that this address is yours to be able to run a campaign or administer Trame.", "Bestätigen Sie, dass diese Adresse Ihnen gehört, um eine Kampagne führen oder Trame verwalten zu können."),
    VerifyEmailButton => ("Confirmer mon adresse", "Confirm my address", "Meine Adresse bestätigen"),
    VerifyLinkInvalid => ("Ce lien de confirmation n’est plus valable. Demandez-en un nouveau depuis votre compte.", "This confirmation link is no longer valid. Ask for a new one from your account.", "Dieser Bestätigungslink ist nicht mehr gültig. Fordern Sie in Ihrem Konto einen neuen an."),
    EmailVerified => ("Adresse e-mail confirmée", "Email address confirmed", "E-Mail-Adresse bestätigt"),
    EmailNotVerified => ("Adresse e-mail pas encore confirmée. Suivez le lien que nous vous avons envoyé.", "Email address not confirmed yet. Follow the link we sent you.", "E-Mail-Adresse noch nicht bestätigt. Folgen Sie dem Link, den wir Ihnen geschickt haben."),
    ResendVerification => ("Renvoyer le lien", "Send the link again", "Link erneut senden"),
    VerificationSent => ("C’est envoyé. Regardez dans votre boîte de réception.", "Sent. Look in your inbox.", "Gesendet. Sehen Sie in Ihrem Posteingang nach."),
    PayPrepare => ("Continuer vers le paiement", "Continue to payment", "Weiter zur Zahlung"),
    PayPrepareText => ("Le formulaire de carte n’est pas encore prêt. Continuez pour le préparer.", "The card form is not ready yet. Continue to prepare it.", "Das Kartenformular ist noch nicht bereit. Fahren Sie fort, um es vorzubereiten."),
    PayProcessing => ("Votre paiement est en cours de traitement chez Stripe. Revenez sur cette page dans quelques minutes.", "Stripe is processing your payment. Come back to this page in a few minutes.", "Stripe verarbeitet Ihre Zahlung. Kommen Sie in einigen Minuten auf diese Seite zurück."),
    PledgeChargeInProgress => ("Un paiement de cette contribution est en cours. Vous pourrez la modifier ou l’annuler une fois qu’il sera terminé.", "A payment of this pledge is in progress. You can change or cancel it once the payment is complete.", "Eine Zahlung für diesen Beitrag läuft. Sie können ihn ändern oder stornieren, sobald die Zahlung abgeschlossen ist."),
    PledgeTooManyPending => ("Vous avez déjà plusieurs contributions en attente de paiement pour cette campagne. Terminez ou annulez-en une d’abord.", "You already have several pledges waiting for payment on this campaign. Complete or cancel one first.", "Sie haben für diese Kampagne bereits mehrere Beiträge, die auf die Zahlung warten. Schliessen Sie zuerst einen ab oder stornieren Sie ihn."),
    PayStripeNote => ("Les données de carte vont directement à Stripe\u{202f}; Trame ne les voit jamais.", "Card details go straight to Stripe; Trame never sees them.", "Kartendaten gehen direkt an Stripe; Trame sieht sie nie."),
    PaymentFailedText => ("Le dernier paiement n’a pas abouti.", "The last payment did not go through.", "Die letzte Zahlung ist nicht durchgegangen."),
    PledgeThanks => ("Merci pour votre soutien\u{202f}!", "Thank you for your support!", "Danke für Ihre Unterstützung!"),
    PledgeActiveText => ("Votre contribution et votre carte sont enregistrées. Votre carte ne sera débitée que si l’objectif est atteint, quand la campagne se termine le {date}.", "Your pledge is recorded and your card is saved. Your card will be charged only if the goal is reached, when the campaign ends on {date}.", "Ihr Beitrag ist registriert und Ihre Karte hinterlegt. Ihre Karte wird nur belastet, wenn das Ziel erreicht wird, bei Kampagnenende am {date}."),
    PledgeCollectedText => ("Votre paiement est reçu. Un reçu vous a été envoyé par e-mail.", "Your payment is received. A receipt was sent to you by email.", "Ihre Zahlung ist eingegangen. Eine Quittung wurde Ihnen per E-Mail gesendet."),
    PledgeNotYet => ("Votre contribution attend sa carte", "Your pledge is waiting for its card", "Ihr Beitrag wartet auf seine Karte"),
    PledgeNotYetText => ("Rien n’est confirmé tant que la carte n’est pas enregistrée ou le paiement confirmé.", "Nothing is confirmed until the card is saved or the payment confirmed.", "Nichts ist bestätigt, solange die Karte nicht hinterlegt oder die Zahlung nicht bestätigt ist."),
    PledgePaymentFailed => ("Votre paiement n’a pas abouti", "Your payment did not go through", "Ihre Zahlung ist nicht durchgegangen"),
    PledgePaymentFailedText => ("Le débit de votre carte a été refusé, ou votre banque demande votre confirmation. Rien n’a été débité. Finalisez le paiement pour garder votre contribution.", "The charge to your card was declined, or your bank asks for your confirmation. Nothing was charged. Complete the payment to keep your pledge.", "Die Belastung Ihrer Karte wurde abgelehnt, oder Ihre Bank verlangt Ihre Bestätigung. Es wurde nichts belastet. Schliessen Sie die Zahlung ab, um Ihren Beitrag zu behalten."),
    PledgeOver => ("Cette contribution n’est plus active", "This pledge is no longer active", "Dieser Beitrag ist nicht mehr aktiv"),
    PledgeOverText => ("Votre carte ne sera pas débitée pour cette contribution.", "Your card will not be charged for this pledge.", "Ihre Karte wird für diesen Beitrag nicht belastet."),
    PledgeRefunded => ("Cette contribution a été remboursée", "This pledge was refunded", "Dieser Beitrag wurde zurückerstattet"),
    PledgeRefundedText => ("Votre carte a été débitée de {amount}, puis remboursée de ce montant. Le remboursement peut prendre 5 à 10 jours pour apparaître sur votre relevé.", "Your card was charged {amount}, then refunded that amount. The refund may take 5 to 10 days to appear on your statement.", "Ihre Karte wurde mit {amount} belastet und dieser Betrag zurückerstattet. Es kann 5 bis 10 Tage dauern, bis die Rückerstattung auf Ihrer Abrechnung erscheint."),
    ReceiptTitle => ("Reçu", "Receipt", "Quittung"),
    ReceiptNotYet => ("Le reçu sera disponible une fois le paiement reçu.", "The receipt will be available once the payment is received.", "Die Quittung ist verfügbar, sobald die Zahlung eingegangen ist."),
    ReceiptPaidOn => ("Payé le", "Paid on", "Bezahlt am"),
    ReceiptNote => ("Contribution à une campagne de financement participatif sur Trame. Paiement traité par Stripe.", "Pledge to a crowdfunding campaign on Trame. Payment processed by Stripe.", "Beitrag zu einer Crowdfunding-Kampagne auf Trame. Zahlung abgewickelt durch Stripe."),
    BackToCampaign => ("Retour à la campagne", "Back to the campaign", "Zurück zur Kampagne"),
    MyPledges => ("Mes contributions", "My pledges", "Meine Beiträge"),
    NoPledgesYet => ("Vous n’avez encore soutenu aucun projet.", "You have not backed any project yet.", "Sie haben noch kein Projekt unterstützt."),
    PledgeChange => ("Modifier", "Change", "Ändern"),
    PledgeCancel => ("Annuler ma contribution", "Cancel my pledge", "Meinen Beitrag stornieren"),
    CancelCampaign => ("Annuler la campagne", "Cancel the campaign", "Kampagne abbrechen"),
    CancelCampaignLead => ("Les contributions payées seront remboursées et les cartes enregistrées libérées. C’est définitif.", "Paid pledges will be refunded and saved cards released. This cannot be undone.", "Bezahlte Beiträge werden zurückerstattet und hinterlegte Karten freigegeben. Das ist endgültig."),
    SettlementTitle => ("Paiements encaissés", "Payments collected", "Zahlungseingänge"),
    SettlementCollected => ("Encaissé", "Collected", "Eingezogen"),
    SettlementAwaiting => ("Paiements à finaliser par les contributeur·rices", "Payments backers still have to complete", "Zahlungen, die Unterstützer:innen noch abschliessen müssen"),
    SettlementDropped => ("Expirées (jamais payées)", "Dropped (never paid)", "Verfallen (nie bezahlt)"),
    SettlementRefunded => ("Remboursées", "Refunded", "Zurückerstattet"),

    // home
    HomeTitle => ("Soutenez la mode durable près de chez vous", "Back sustainable fashion near you", "Unterstützen Sie nachhaltige Mode in Ihrer Nähe"),
    HomeLead => ("Des collectifs de créateur·rices lancent des projets\u{a0}: objets, ateliers, parcours guidés, coaching et rencontres. Choisissez une contrepartie\u{202f}; pour une campagne tout ou rien, votre carte n’est débitée que si l’objectif est atteint.", "Designer collectives launch projects: items, workshops, guided routes, coaching and meet-ups. Choose a reward; on an all-or-nothing campaign, your card is charged only if the goal is reached.", "Designer-Kollektive starten Projekte: Objekte, Workshops, geführte Rundgänge, Coaching und Begegnungen. Wählen Sie eine Belohnung; bei Alles-oder-nichts-Kampagnen wird Ihre Karte nur belastet, wenn das Ziel erreicht wird."),
    LiveCampaigns => ("Campagnes en cours", "Live campaigns", "Laufende Kampagnen"),
    NoLiveCampaigns => ("Aucune campagne en cours pour le moment. Revenez bientôt\u{202f}!", "No live campaigns right now. Come back soon!", "Zurzeit keine laufenden Kampagnen. Schauen Sie bald wieder vorbei!"),
    SeeCampaign => ("Voir la campagne", "See the campaign", "Kampagne ansehen"),

    // campaign page
    Pledged => ("promis", "pledged", "zugesagt"),
    OfGoal => ("sur un objectif de", "of a goal of", "von einem Ziel von"),
    Goal => ("Objectif", "Goal", "Ziel"),
    Funding => ("Financement", "Funding", "Finanzierung"),
    BackersLabel => ("contributeur·rices", "backers", "Unterstützer:innen"),
    Funded => ("financé", "funded", "finanziert"),
    MatchedIncluded => ("dont abondement des partenaires\u{a0}:", "including partner matching:", "davon Aufstockung durch Förderpartner:"),
    TimeLeft => ("Temps restant", "Time left", "Verbleibende Zeit"),
    Days => ("jours", "days", "Tage"),
    Hours => ("heures", "hours", "Stunden"),
    Minutes => ("minutes", "minutes", "Minuten"),
    Seconds => ("secondes", "seconds", "Sekunden"),
    CampaignEnded => ("La campagne est terminée", "The campaign has ended", "Die Kampagne ist beendet"),
    EndsOn => ("Se termine le", "Ends on", "Endet am"),
    EndedOn => ("Terminée le", "Ended on", "Beendet am"),
    AllOrNothingExplained => ("votre carte est enregistrée maintenant et débitée seulement si l’objectif est atteint à l’échéance.", "your card is saved now and charged only if the goal is reached by the deadline.", "Ihre Karte wird jetzt hinterlegt und nur belastet, wenn das Ziel bis zum Stichtag erreicht ist."),
    FlexibleExplained => ("votre carte est débitée immédiatement et la campagne garde ce qu’elle récolte.", "your card is charged at once and the campaign keeps what it raises.", "Ihre Karte wird sofort belastet und die Kampagne behält, was sie sammelt."),
    TheStory => ("Le projet", "The project", "Das Projekt"),
    Rewards => ("Contreparties", "Rewards", "Belohnungen"),
    FilterByKind => ("Filtrer par type", "Filter by kind", "Nach Art filtern"),
    AllKinds => ("Toutes", "All", "Alle"),
    NoRewardOfKind => ("Aucune contrepartie de ce type.", "No reward of this kind.", "Keine Belohnung dieser Art."),
    SoldOut => ("Épuisée", "Sold out", "Ausverkauft"),
    Unlimited => ("Quantité illimitée", "Unlimited", "Unbegrenzt"),
    EstimatedDelivery => ("Livraison estimée", "Estimated delivery", "Voraussichtliche Lieferung"),
    PickupAt => ("À retirer à", "Pick up at", "Abholung bei"),
    TimeSlots => ("Créneaux", "Time slots", "Termine"),
    SlotFull => ("complet", "full", "ausgebucht"),
    ByDesigner => ("Par", "By", "Von"),
    Where => ("Lieu", "Where", "Ort"),
    Designers => ("Les créateur·rices", "The designers", "Die Designer:innen"),
    Partners => ("Partenaires", "Partners", "Förderpartner"),
    Needs => ("Coups de main recherchés", "Help we are looking for", "Gesuchte Unterstützung"),
    NeedsLead => ("Au-delà de l’argent\u{a0}: un espace, des machines, du temps ou des compétences.", "Beyond money: a space, machines, time or skills.", "Mehr als Geld: ein Raum, Maschinen, Zeit oder Fähigkeiten."),
    Updates => ("Actualités", "Updates", "Neuigkeiten"),
    NoUpdates => ("Pas encore d’actualité.", "No updates yet.", "Noch keine Neuigkeiten."),
    Faq => ("Questions fréquentes", "Frequently asked questions", "Häufige Fragen"),
    MatchFundBy => ("Abondement par", "Matching by", "Aufstockung durch"),
    MatchFundLeft => ("restant dans le fonds", "left in the fund", "im Fonds verfügbar"),

    // designers
    DesignerRegistry => ("Registre des créateur·rices", "Designer registry", "Verzeichnis der Designer:innen"),
    DesignerRegistryLead => ("Les créateur·rices que Trame soutient, leurs matières et leurs pratiques.", "The designers Trame supports, their materials and their practices.", "Die Designer:innen, die Trame unterstützt, ihre Materialien und Praktiken."),
    Materials => ("Matières", "Materials", "Materialien"),
    Practices => ("Pratiques", "Practices", "Praktiken"),
    Website => ("Site web", "Website", "Website"),
    Instagram => ("Instagram", "Instagram", "Instagram"),
    CampaignsWith => ("Campagnes", "Campaigns", "Kampagnen"),
    RewardsBy => ("Contreparties", "Rewards", "Belohnungen"),
    BackToRegistry => ("Tous les créateur·rices", "All designers", "Alle Designer:innen"),
    NoDesigners => ("Aucun·e créateur·rice pour le moment.", "No designers yet.", "Noch keine Designer:innen."),

    // errors
    NotFoundTitle => ("Page introuvable", "Page not found", "Seite nicht gefunden"),
    NotFoundText => ("Cette page n’existe pas ou plus. Elle a peut-être été déplacée.", "This page does not exist, or no longer exists. It may have moved.", "Diese Seite existiert nicht oder nicht mehr. Vielleicht wurde sie verschoben."),
    ErrorTitle => ("Une erreur est survenue", "Something went wrong", "Ein Fehler ist aufgetreten"),
    InternalErrorText => ("Nous n’avons pas pu traiter votre demande. Rien n’a été perdu\u{202f}; réessayez dans un instant.", "We could not handle your request. Nothing was lost; please try again in a moment.", "Wir konnten Ihre Anfrage nicht bearbeiten. Nichts ging verloren; bitte versuchen Sie es gleich noch einmal."),
    ForbiddenText => ("Vous n’avez pas accès à cette page.", "You do not have access to this page.", "Sie haben keinen Zugriff auf diese Seite."),
    UnauthorizedText => ("Connectez-vous pour continuer.", "Please sign in to continue.", "Bitte melden Sie sich an, um fortzufahren."),
    InvalidInputText => ("Certaines informations ne sont pas valides.", "Some information is not valid.", "Einige Angaben sind ungültig."),
    SoldOutText => ("Cette contrepartie est épuisée.", "This reward is sold out.", "Diese Belohnung ist ausverkauft."),
    CampaignClosedText => ("Cette campagne n’accepte plus de contributions.", "This campaign no longer accepts pledges.", "Diese Kampagne nimmt keine Beiträge mehr an."),
    TooManyRequestsText => ("Trop de tentatives. Patientez un peu avant de réessayer.", "Too many attempts. Please wait a little before trying again.", "Zu viele Versuche. Bitte warten Sie kurz."),
    BusyText => ("Trame est très sollicité en ce moment. Réessayez dans un instant\u{202f}; rien n’a été perdu.", "Trame is very busy right now. Try again in a moment; nothing was lost.", "Trame ist gerade sehr ausgelastet. Versuchen Sie es gleich noch einmal; nichts ging verloren."),
    BackHome => ("Retour à l’accueil", "Back to the home page", "Zurück zur Startseite"),

    // accounts
    SignIn => ("Se connecter", "Sign in", "Anmelden"),
    SignUp => ("Créer un compte", "Create an account", "Konto erstellen"),
    SignOut => ("Se déconnecter", "Sign out", "Abmelden"),
    MyAccount => ("Mon compte", "My account", "Mein Konto"),
    EmailLabel => ("Adresse e-mail", "Email address", "E-Mail-Adresse"),
    PasswordLabel => ("Mot de passe", "Password", "Passwort"),
    PasswordHint => ("Au moins 10 caractères. Une phrase facile à retenir fait un bon mot de passe.", "At least 10 characters. A sentence you remember makes a good password.", "Mindestens 10 Zeichen. Ein Satz, den Sie sich merken, ist ein gutes Passwort."),
    DisplayNameLabel => ("Votre nom", "Your name", "Ihr Name"),
    CurrentPasswordLabel => ("Mot de passe actuel", "Current password", "Aktuelles Passwort"),
    NewPasswordLabel => ("Nouveau mot de passe", "New password", "Neues Passwort"),
    LanguagePreference => ("Langue des e-mails et du site", "Language of emails and the site", "Sprache der E-Mails und der Website"),
    ForgotPassword => ("Mot de passe oublié\u{202f}?", "Forgot your password?", "Passwort vergessen?"),
    ForgotPasswordLead => ("Indiquez votre adresse\u{a0}: nous vous enverrons un lien pour choisir un nouveau mot de passe.", "Enter your address: we will send you a link to choose a new password.", "Geben Sie Ihre Adresse ein: Wir senden Ihnen einen Link, um ein neues Passwort zu wählen."),
    SendResetLink => ("Envoyer le lien", "Send the link", "Link senden"),
    ResetLinkSent => ("Si un compte existe pour cette adresse, un lien vient de lui être envoyé. Il est valable une heure.", "If an account exists for this address, a link was just sent to it. It is valid for one hour.", "Falls ein Konto mit dieser Adresse existiert, wurde soeben ein Link gesendet. Er ist eine Stunde gültig."),
    ResetPasswordTitle => ("Choisir un nouveau mot de passe", "Choose a new password", "Neues Passwort wählen"),
    SavePassword => ("Enregistrer le mot de passe", "Save the password", "Passwort speichern"),
    NoAccountYet => ("Pas encore de compte\u{202f}?", "No account yet?", "Noch kein Konto?"),
    AlreadyHaveAccount => ("Déjà un compte\u{202f}?", "Already have an account?", "Schon ein Konto?"),
    ProfileSection => ("Profil", "Profile", "Profil"),
    Save => ("Enregistrer", "Save", "Speichern"),
    ChangePasswordSection => ("Changer de mot de passe", "Change password", "Passwort ändern"),
    PasswordChangedNotice => ("Mot de passe modifié. Vos autres sessions ont été fermées.", "Password changed. Your other sessions were signed out.", "Passwort geändert. Ihre anderen Sitzungen wurden beendet."),
    SignedInAs => ("Connecté·e en tant que", "Signed in as", "Angemeldet als"),
    EmailInvalid => ("Indiquez une adresse e-mail de la forme nom@exemple.ch.", "Enter an email address such as name@example.ch.", "Geben Sie eine E-Mail-Adresse wie name@beispiel.ch ein."),
    EmailTaken => ("Un compte existe déjà avec cette adresse. Connectez-vous ou réinitialisez le mot de passe.", "An account already uses this address. Sign in or reset the password.", "Mit dieser Adresse besteht bereits ein Konto. Melden Sie sich an oder setzen Sie das Passwort zurück."),
    NameInvalid => ("Indiquez un nom de 1 à 80 caractères.", "Enter a name of 1 to 80 characters.", "Geben Sie einen Namen mit 1 bis 80 Zeichen ein."),
    PasswordTooShort => ("Le mot de passe doit compter au moins 10 caractères.", "The password needs at least 10 characters.", "Das Passwort braucht mindestens 10 Zeichen."),
    PasswordTooLong => ("Le mot de passe doit compter au plus 200 caractères.", "The password can have at most 200 characters.", "Das Passwort darf höchstens 200 Zeichen haben."),
    PasswordTooCommon => ("Ce mot de passe est trop facile à deviner. Essayez une courte phrase.", "This password is too easy to guess. Try a short sentence.", "Dieses Passwort ist zu leicht zu erraten. Versuchen Sie einen kurzen Satz."),
    WrongCredentials => ("Adresse ou mot de passe incorrect.", "Wrong email address or password.", "E-Mail-Adresse oder Passwort falsch."),
    WrongPassword => ("Le mot de passe actuel est incorrect.", "The current password is wrong.", "Das aktuelle Passwort ist falsch."),
    ResetLinkInvalid => ("Ce lien n’est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau.", "This link is no longer valid (used or expired). Ask for a new one.", "Dieser Link ist nicht mehr gültig (benutzt oder abgelaufen). Fordern Sie einen neuen an."),
}

const MONTHS: [(&str, &str, &str); 12] = [
    ("janvier", "January", "Januar"),
    ("février", "February", "Februar"),
    ("mars", "March", "März"),
    ("avril", "April", "April"),
    ("mai", "May", "Mai"),
    ("juin", "June", "Juni"),
    ("juillet", "July", "Juli"),
    ("août", "August", "August"),
    ("septembre", "September", "September"),
    ("octobre", "October", "Oktober"),
    ("novembre", "November", "November"),
    ("décembre", "December", "Dezember"),
];

const MONTHS_SHORT: [(&str, &str, &str); 12] = [
    ("janv.", "Jan", "Jan."),
    ("févr.", "Feb", "Feb."),
    ("mars", "Mar", "März"),
    ("avr.", "Apr", "Apr."),
    ("mai", "May", "Mai"),
    ("juin", "Jun", "Juni"),
    ("juil.", "Jul", "Juli"),
    ("août", "Aug", "Aug."),
    ("sept.", "Sep", "Sept."),
    ("oct.", "Oct", "Okt."),
    ("nov.", "Nov", "Nov."),
    ("déc.", "Dec", "Dez."),
];

const WEEKDAYS_SHORT: [(&str, &str, &str); 7] = [
    ("lun.", "Mon", "Mo."),
    ("mar.", "Tue", "Di."),
    ("mer.", "Wed", "Mi."),
    ("jeu.", "Thu", "Do."),
    ("ven.", "Fri", "Fr."),
    ("sam.", "Sat", "Sa."),
    ("dim.", "Sun", "So."),
];

/// `month` is 1-based.
pub(super) fn month_name(locale: Locale, month: u32) -> &'static str {
    super::pick(locale, MONTHS[(month.clamp(1, 12) - 1) as usize])
}

pub(super) fn month_short(locale: Locale, month: u32) -> &'static str {
    super::pick(locale, MONTHS_SHORT[(month.clamp(1, 12) - 1) as usize])
}

/// `day` counts from Monday = 0.
pub(super) fn weekday_short(locale: Locale, day: u32) -> &'static str {
    super::pick(locale, WEEKDAYS_SHORT[day.min(6) as usize])
}

pub(super) fn backers(locale: Locale, n: i64) -> String {
    match (locale, n) {
        (Locale::Fr, 0 | 1) => format!("{n} contributeur·rice"),
        (Locale::Fr, _) => format!("{n} contributeur·rices"),
        (Locale::En, 1) => "1 backer".to_owned(),
        (Locale::En, _) => format!("{n} backers"),
        (Locale::De, 1) => "1 Unterstützer:in".to_owned(),
        (Locale::De, _) => format!("{n} Unterstützer:innen"),
    }
}

pub(super) fn units_left(locale: Locale, left: i64, of: i64) -> String {
    match (locale, left) {
        (Locale::Fr, 0 | 1) => format!("{left} restant sur {of}"),
        (Locale::Fr, _) => format!("{left} restants sur {of}"),
        (Locale::En, _) => format!("{left} left of {of}"),
        (Locale::De, _) => format!("noch {left} von {of}"),
    }
}

pub(super) fn places_left(locale: Locale, n: i64) -> String {
    match (locale, n) {
        (Locale::Fr, 0 | 1) => format!("{n} place libre"),
        (Locale::Fr, _) => format!("{n} places libres"),
        (Locale::En, 1) => "1 spot left".to_owned(),
        (Locale::En, _) => format!("{n} spots left"),
        (Locale::De, 1) => "noch 1 Platz frei".to_owned(),
        (Locale::De, _) => format!("noch {n} Plätze frei"),
    }
}

pub(super) fn time_left_short(locale: Locale, deadline: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let seconds = (deadline - now).num_seconds();
    if seconds <= 0 {
        return super::pick(locale, ("Terminée", "Ended", "Beendet")).to_owned();
    }
    let days = seconds / 86_400;
    let hours = seconds / 3_600;
    match locale {
        Locale::Fr if days >= 2 => format!("{days} jours restants"),
        Locale::Fr if hours >= 1 => format!("{hours} h restantes"),
        Locale::Fr => "Dernières minutes".to_owned(),
        Locale::En if days >= 2 => format!("{days} days left"),
        Locale::En if hours >= 1 => format!("{hours} h left"),
        Locale::En => "Final minutes".to_owned(),
        Locale::De if days >= 2 => format!("noch {days} Tage"),
        Locale::De if hours >= 1 => format!("noch {hours} Std."),
        Locale::De => "Letzte Minuten".to_owned(),
    }
}

pub(super) fn percent_funded(locale: Locale, percent: u32) -> String {
    match locale {
        Locale::Fr => format!("{percent}\u{a0}% financé"),
        Locale::En => format!("{percent}% funded"),
        Locale::De => format!("{percent}\u{a0}% finanziert"),
    }
}

/// `+50 % sur chaque contribution` for a match ratio of 0.5.
pub(super) fn match_ratio(locale: Locale, ratio: Decimal) -> String {
    let percent = (ratio * Decimal::ONE_HUNDRED).normalize();
    match locale {
        Locale::Fr => format!("+{percent}\u{a0}% sur chaque contribution"),
        Locale::En => format!("+{percent}% on every pledge"),
        Locale::De => format!("+{percent}\u{a0}% auf jeden Beitrag"),
    }
}

pub(super) fn distance_km(locale: Locale, km: Decimal) -> String {
    let km = km.normalize();
    match locale {
        Locale::Fr => format!("à {} km", km.to_string().replace('.', ",")),
        Locale::En => format!("{km} km away"),
        Locale::De => format!("{} km entfernt", km.to_string().replace('.', ",")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(backers(Locale::Fr, 1), "1 contributeur·rice");
        assert_eq!(backers(Locale::Fr, 12), "12 contributeur·rices");
        assert_eq!(backers(Locale::En, 1), "1 backer");
        assert_eq!(backers(Locale::De, 3), "3 Unterstützer:innen");
        assert_eq!(units_left(Locale::Fr, 3, 10), "3 restants sur 10");
        assert_eq!(units_left(Locale::En, 1, 10), "1 left of 10");
    }

    #[test]
    fn short_time_left() {
        let now: DateTime<Utc> = "2026-11-22T10:00:00Z".parse().unwrap();
        let in_days = now + chrono::Duration::days(12) + chrono::Duration::hours(3);
        assert_eq!(time_left_short(Locale::Fr, in_days, now), "12 jours restants");
        assert_eq!(time_left_short(Locale::En, now + chrono::Duration::hours(30), now), "30 h left");
        assert_eq!(time_left_short(Locale::De, now - chrono::Duration::seconds(1), now), "Beendet");
    }

    #[test]
    fn match_ratios() {
        assert_eq!(match_ratio(Locale::Fr, Decimal::new(50, 2)), "+50\u{a0}% sur chaque contribution");
        assert_eq!(match_ratio(Locale::En, Decimal::ONE), "+100% on every pledge");
    }

    #[test]
    fn distances() {
        assert_eq!(distance_km(Locale::Fr, Decimal::new(125, 1)), "à 12,5 km");
        assert_eq!(distance_km(Locale::En, Decimal::new(30, 1)), "3 km away");
    }
}
