//! Limited rewards under a crowd: alone in its binary, so its hundreds of connections do not
//! starve the other tests.

use crate::support::fixtures::{self, *};
use sqlx::PgPool;

/// 200+ backers race for 10 units, three rounds: exactly 10 pledges each time, the rest are told
/// "sold out", and the constraint holds.
#[sqlx::test(migrations = "../migrations")]
async fn a_limited_tier_and_a_slot_never_oversell(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 1000).await;
    let app = fixtures::app(pool.clone()).await;
    let clients = backers(&app, 210).await;
    for round in 0..3 {
        let tier: i64 = if round == 0 {
            f.limited_tier
        } else {
            sqlx::query_scalar(
                "insert into reward_tier (campaign_id, title, kind, price, quantity_limit, fulfilment)
                 values ($1, 'Encore', 'object', 30, 10, 'shipping') returning reward_tier_id",
            )
            .bind(f.campaign)
            .fetch_one(&pool)
            .await
            .unwrap()
        };
        let tier_text = tier.to_string();
        let results = futures_join_all(clients.iter().map(|client| {
            let (app, slug, tier) = (&app, &f.slug, &tier_text);
            async move {
                let key = rand_key();
                let response = pledge(app, client, slug, &key, &[("form[tier]", tier)]).await;
                (response.status().as_u16(), response.text().await.unwrap())
            }
        }))
        .await;
        let won = results.iter().filter(|(s, _)| *s == 200).count();
        // a backer already holding three pending pledges on the campaign is told so instead
        let sold_out = results.iter().filter(|(s, body)| refused_without_a_unit(*s, body)).count();
        assert_eq!(
            won,
            10,
            "round {round}: {:?}",
            results.iter().filter(|(s, _)| *s != 200 && *s != 409).take(3).collect::<Vec<_>>()
        );
        let others: Vec<_> =
            results.iter().filter(|(s, b)| *s != 200 && !refused_without_a_unit(*s, b)).take(3).collect();
        assert_eq!(sold_out, 200, "round {round}: everyone else is told it is sold out: {others:?}");
        assert_eq!(claimed(&pool, tier).await, 10);
        let pledges: i64 = sqlx::query_scalar("select count(*) from pledge where reward_tier_id = $1")
            .bind(tier)
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(pledges, 10);
    }
    // a time slot of 10 places (on an unlimited tier), three rounds
    let tier = f.slot_tier.to_string();
    for round in 0..3 {
        let slot_id: i64 = if round == 0 {
            f.slot
        } else {
            sqlx::query_scalar(
                "insert into reward_slot (reward_tier_id, starts_at, ends_at, capacity)
                 values ($1, now() + interval '20 days', now() + interval '20 days 2 hours', 10) returning reward_slot_id",
            )
            .bind(f.slot_tier)
            .fetch_one(&pool)
            .await
            .unwrap()
        };
        let slot = slot_id.to_string();
        let results = futures_join_all(clients.iter().map(|client| {
            let (app, slug, tier, slot) = (&app, &f.slug, &tier, &slot);
            async move {
                let response =
                    pledge(app, client, slug, &rand_key(), &[("form[tier]", tier), ("form[slot]", slot)]).await;
                (response.status().as_u16(), response.text().await.unwrap())
            }
        }))
        .await;
        assert_eq!(results.iter().filter(|(s, _)| *s == 200).count(), 10, "slot round {round}");
        let refused = results.iter().filter(|(s, b)| refused_without_a_unit(*s, b)).count();
        assert_eq!(refused, 200, "slot round {round}");
        let slot_claimed: i32 = sqlx::query_scalar("select claimed from reward_slot where reward_slot_id = $1")
            .bind(slot_id)
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(slot_claimed, 10);
    }
    assert_totals_consistent(&pool).await;
    // the database itself refuses an oversell, whatever the code does
    let refused = sqlx::query("update reward_tier set claimed = claimed + 1 where reward_tier_id = $1")
        .bind(f.limited_tier)
        .execute(&pool)
        .await;
    assert!(refused.is_err(), "the CHECK constraint holds");
    app.stop().await;
}

/// Sold out, or the backer already holds three pending pledges on the campaign.
fn refused_without_a_unit(status: u16, body: &str) -> bool {
    (status == 409 && body.contains("SoldOut")) || (status == 422 && body.contains("PledgeTooManyPending"))
}
