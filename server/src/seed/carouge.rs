//! The second, smaller campaign: a flexible one in Carouge.

use super::*;

#[rustfmt::skip]
pub(super) const CAROUGE_TIERS: &[TierSpec] = &[
    TierSpec {
        title: "Sac d’échange en toile recyclée",
        description: "Le sac du Vestiaire, pour apporter vos vêtements à échanger et repartir avec d’autres.",
        kind: "object", price: 35, limit: None, fulfilment: "shipping", location: None,
        designer: None, max_per_pledge: 1, delivery_days: 30, pickup: &[], slots: &[], questions: &[], pledges: 0,
    },
    TierSpec {
        title: "Atelier « Répare ton vêtement »",
        description: "Deux heures avec une couturière pour recoudre, rapiécer ou raccourcir la pièce de votre choix.",
        kind: "workshop", price: 45, limit: None, fulfilment: "in_person", location: Some("Le Vestiaire circulaire, rue Ancienne 12, Carouge"),
        designer: Some(1), max_per_pledge: 1, delivery_days: 21, pickup: &[], slots: &[], questions: &[], pledges: 0,
    },
    TierSpec {
        title: "Soirée d’inauguration du Vestiaire",
        description: "Votre invitation à l’ouverture, avec un premier échange de vêtements et les remerciements de l’équipe.",
        kind: "meeting", price: 120, limit: None, fulfilment: "in_person", location: Some("Le Vestiaire circulaire, rue Ancienne 12, Carouge"),
        designer: None, max_per_pledge: 1, delivery_days: 14, pickup: &[], slots: &[], questions: &[], pledges: 0,
    },
];

/// (index into `CAROUGE_TIERS` or `None` for no reward, extra amount in CHF).
#[rustfmt::skip]
pub(super) const CAROUGE_PLEDGES: [(Option<usize>, i64); 10] = [
    (Some(0), 0), (Some(1), 10), (Some(0), 5), (None, 40), (Some(2), 0),
    (Some(1), 0), (Some(0), 20), (None, 25), (Some(1), 5), (Some(2), 30),
];

/// Inserts the Carouge campaign and its collected pledges; returns its id and pledge count.
pub(super) async fn insert_carouge(
    tx: &mut Tx<'_>,
    clock: &Clock,
    backers: &[Backer],
    designers: &[i64],
) -> Result<(i64, usize), sqlx::Error> {
    let owner = insert_user(tx, "Vestiaire circulaire", "vestiaire@example.org", "fr", clock.days_ago(20)).await?;
    let starts_at = clock.days_ago(3);
    let deadline = at_hour(clock.today + Duration::days(40), 17);
    let campaign = insert_campaign(
        tx,
        &NewCampaign {
            slug: "vestiaire-circulaire-carouge",
            title: "Le Vestiaire circulaire de Carouge",
            summary: CAROUGE_SUMMARY,
            story_md: CAROUGE_STORY,
            city: "Carouge",
            goal: 8_000,
            funding_model: "flexible",
            starts_at,
            ends_at: deadline,
            created_at: clock.days_ago(5),
        },
    )
    .await?;
    insert_member(tx, campaign, owner).await?;
    insert_image(
        tx,
        campaign,
        0,
        "/images/vestiaire.svg",
        "Un portant de vêtements de seconde main devant une vitrine de Carouge",
    )
    .await?;
    // Maison Reprise is a few streets away from the shop.
    if let Some(&designer) = designers.get(1) {
        link_designer(tx, campaign, designer, Decimal::new(3, 1), 0).await?;
    }
    let tiers = insert_tiers(tx, campaign, deadline, CAROUGE_TIERS, designers, &[]).await?;
    let mut count = 0;
    for (i, (tier, extra)) in CAROUGE_PLEDGES.iter().enumerate() {
        // Keys continue after the main campaign's (fewer than 1000 there).
        let n = 1000 + i;
        let backer = &backers[(i * 13 + 5) % backers.len()];
        let reward = tier.and_then(|t| tiers.get(t)).map(|t| (t.id, t.price));
        let created_at = spread(starts_at, clock.now, i, CAROUGE_PLEDGES.len());
        let mut pledge = NewPledge::simple(campaign, backer.id, reward, *extra, n, created_at);
        pledge.status = "collected";
        insert_pledge(tx, &pledge).await?;
        count += 1;
    }
    Ok((campaign, count))
}
