//! Needs with help offers, updates and the FAQ of the main campaign.

use super::*;

pub(super) struct OfferSpec {
    pub(super) name: &'static str,
    pub(super) email: &'static str,
    pub(super) quantity: i32,
    pub(super) message: &'static str,
    pub(super) status: &'static str,
}

pub(super) struct NeedSpec {
    pub(super) kind: &'static str,
    pub(super) title: &'static str,
    pub(super) description: &'static str,
    pub(super) quantity: i32,
    pub(super) unit: &'static str,
    pub(super) offers: &'static [OfferSpec],
}

/// Accepted and done offers count toward a need: every need shows progress, none is complete.
#[rustfmt::skip]
pub(super) const NEEDS: &[NeedSpec] = &[
    NeedSpec {
        kind: "space", title: "Un local de stockage pour les tissus dormants",
        description: "Une cave ou un dépôt sec d’une dizaine de m², accessible en semaine, à Genève ou à Carouge.",
        quantity: 1, unit: "local",
        offers: &[OfferSpec { name: "Coopérative d’habitation des Acacias", email: "acacias@example.org", quantity: 1, message: "Nous avons une cave sèche de 12 m² libre dès janvier.", status: "offered" }],
    },
    NeedSpec {
        kind: "machine", title: "Machines à coudre industrielles",
        description: "Piqueuses plates et surjeteuses, même anciennes : nous les faisons réviser par un mécanicien de Plainpalais.",
        quantity: 4, unit: "machines",
        offers: &[
            OfferSpec { name: "Béatrice Golay", email: "beatrice.golay@example.org", quantity: 2, message: "Deux piqueuses plates de l’atelier de ma mère, en état de marche.", status: "accepted" },
            OfferSpec { name: "Thomas Wyss", email: "thomas.wyss@example.org", quantity: 1, message: "Une surjeteuse quatre fils, déjà livrée à l’atelier.", status: "done" },
            OfferSpec { name: "Gilles Pasche", email: "gilles.pasche@example.org", quantity: 1, message: "Une machine familiale des années 70.", status: "declined" },
        ],
    },
    NeedSpec {
        kind: "volunteer_hours", title: "Bénévoles pour trier et inventorier les tissus",
        description: "Mesurer, photographier et étiqueter les rouleaux récupérés, par demi-journées.",
        quantity: 120, unit: "heures",
        offers: &[
            OfferSpec { name: "Clara Sutter", email: "clara.sutter@example.org", quantity: 16, message: "Disponible les samedis matin.", status: "done" },
            OfferSpec { name: "Association Quartier des Grottes", email: "grottes@example.org", quantity: 24, message: "Six membres de l’association, quatre heures chacun.", status: "accepted" },
            OfferSpec { name: "Malika Roulin", email: "malika.roulin@example.org", quantity: 10, message: "Je peux venir deux soirs par semaine.", status: "offered" },
        ],
    },
    NeedSpec {
        kind: "skill", title: "Photographe pour le lookbook",
        description: "Deux séances photo en lumière naturelle pour présenter les pièces du collectif.",
        quantity: 2, unit: "séances",
        offers: &[
            OfferSpec { name: "Malik Haddad", email: "malik.haddad@example.org", quantity: 1, message: "Photographe de mode, je fais une séance bénévolement.", status: "accepted" },
            OfferSpec { name: "Sarah Kuenzi", email: "sarah.kuenzi@example.org", quantity: 1, message: "Étudiante en photographie, ravie d’aider.", status: "offered" },
        ],
    },
    NeedSpec {
        kind: "designer_introduction", title: "Présentations à des créatrices et créateurs romands",
        description: "Vous connaissez une personne qui coud, teint ou répare dans la région ? Présentez-la-nous.",
        quantity: 5, unit: "mises en relation",
        offers: &[
            OfferSpec { name: "Véronique Lambiel", email: "veronique.lambiel@example.org", quantity: 2, message: "Deux tisserandes du Valais qui cherchent un point de vente à Genève.", status: "done" },
            OfferSpec { name: "Paul Rey", email: "paul.rey@example.org", quantity: 1, message: "Un cordonnier de Vevey qui travaille le cuir végétal.", status: "offered" },
        ],
    },
];

pub(super) async fn insert_needs(tx: &mut Tx<'_>, campaign: i64, clock: &Clock) -> Result<(), sqlx::Error> {
    for (position, need) in NEEDS.iter().enumerate() {
        let need_id = sqlx::query_scalar::<_, i64>(
            "insert into need (campaign_id, kind, title, description, quantity, unit, position) \
             values ($1, $2, $3, $4, $5, $6, $7) returning need_id",
        )
        .bind(campaign)
        .bind(need.kind)
        .bind(need.title)
        .bind(need.description)
        .bind(need.quantity)
        .bind(need.unit)
        .bind(position as i32)
        .fetch_one(&mut **tx)
        .await?;
        for (j, offer) in need.offers.iter().enumerate() {
            let created_at = clock.days_ago(9 - j as i64 * 2);
            sqlx::query(
                "insert into help_offer (need_id, name, email, quantity, message, status, created_at, updated_at) \
                 values ($1, $2, $3, $4, $5, $6, $7, $7)",
            )
            .bind(need_id)
            .bind(offer.name)
            .bind(offer.email)
            .bind(offer.quantity)
            .bind(offer.message)
            .bind(offer.status)
            .bind(created_at)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

/// (title, Markdown body, visibility, published days ago; `None` is a draft).
pub(super) const UPDATES: [(&str, &str, &str, Option<i64>); 5] = [
    ("C’est parti !", "Merci ! Dès le premier jour, plus d’une dizaine de personnes ont rejoint le fil rouge.\n\n- les premiers tote bags sont déjà en coupe ;\n- les premières places de l’atelier teinture sont parties.\n\nParlez-en autour de vous : chaque franc compte, et le Fonds coopératif du Léman ajoute la moitié de votre contribution.", "public", Some(9)),
    ("Visite au jardin de teinture", "Nous avons passé la matinée à Plan-les-Ouates avec Anouk : la **garance** est prête à être récoltée, le **pastel** sèche dans la grange.\n\nLes foulards de la campagne seront teints avec cette récolte.", "public", Some(6)),
    ("Pour nos contributeurs : tailles et couleurs", "Vous avez choisi une taille ou une couleur ? Vous pouvez encore la **modifier** depuis *Mes contributions* jusqu’à l’échéance.\n\nPour les t-shirts brodés, vérifiez l’orthographe du prénom : nous brodons exactement ce que vous avez écrit.", "backers", Some(4)),
    ("La veste en chanvre est épuisée", "Les cinq vestes numérotées ont trouvé preneur en une semaine. Merci !\n\nSi vous l’avez manquée, Margot propose le **pull en laine bouillie** et le **t-shirt brodé**, toujours disponibles.", "public", Some(2)),
    ("Le programme de l’apéro", "Brouillon : annoncer le programme de l’apéro avec les créatrices et créateurs, et la liste des prototypes exposés.", "public", None),
];

pub(super) async fn insert_updates(
    tx: &mut Tx<'_>,
    campaign: i64,
    author: i64,
    clock: &Clock,
) -> Result<(), sqlx::Error> {
    for (title, body, visibility, days_ago) in UPDATES {
        let published_at = days_ago.map(|d| clock.days_ago(d));
        sqlx::query(
            "insert into campaign_update (campaign_id, author_id, title, body_md, visibility, published_at, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $7)",
        )
        .bind(campaign)
        .bind(author)
        .bind(title)
        .bind(body)
        .bind(visibility)
        .bind(published_at)
        .bind(published_at.unwrap_or(clock.now))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

pub(super) const FAQ: [(&str, &str); 5] = [
    ("Quand ma carte est-elle débitée ?", "Seulement si l’objectif de **CHF 25’000** est atteint à l’échéance. Votre carte est enregistrée de façon sécurisée au moment de la promesse, mais aucun montant n’est bloqué d’ici là."),
    ("Où et quand retirer mon objet ?", "Vous choisissez un point de retrait en faisant votre promesse : **La Fabrique du Quai**, **Maison Reprise** à Carouge ou le **Café-atelier Le Dé à coudre**. Nous vous écrivons dès que votre objet est prêt."),
    ("Comment choisir la date de mon atelier ou de mon parcours ?", "Chaque atelier, parcours et rencontre propose une ou plusieurs dates avec un nombre de places limité. Choisissez la vôtre au moment de la promesse ; vous pouvez en changer tant qu’il reste des places."),
    ("Puis-je modifier ou annuler ma promesse ?", "Oui, jusqu’à l’échéance, depuis la page *Mes contributions*. Votre récompense est alors libérée pour quelqu’un d’autre."),
    ("Et si l’objectif n’est pas atteint, ou un atelier annulé ?", "Si l’objectif n’est pas atteint, personne n’est débité. Si un atelier devait être annulé après la campagne, nous vous proposons une autre date ou le remboursement de la récompense."),
];

pub(super) async fn insert_faq(tx: &mut Tx<'_>, campaign: i64) -> Result<(), sqlx::Error> {
    for (position, (question, answer)) in FAQ.iter().enumerate() {
        sqlx::query("insert into campaign_faq (campaign_id, question, answer_md, position) values ($1, $2, $3, $4)")
            .bind(campaign)
            .bind(*question)
            .bind(*answer)
            .bind(position as i32)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
