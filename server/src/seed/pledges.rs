//! The pledges of the demo campaigns, with the match fund applied.

use super::*;

/// Tips added on top of a reward: every third pledge adds one of these in turn.
pub(super) const TIPS: [i64; 3] = [5, 10, 20];
/// Pledges without a reward on the main campaign (CHF).
pub(super) const GIFTS: [i64; 6] = [20, 30, 50, 75, 100, 150];

/// A pledge ready to insert.
pub(super) struct NewPledge {
    pub(super) campaign: i64,
    pub(super) backer: i64,
    pub(super) tier: Option<i64>,
    pub(super) slot: Option<i64>,
    pub(super) pickup_point: Option<i64>,
    pub(super) quantity: i32,
    pub(super) reward_amount: Decimal,
    pub(super) extra_amount: Decimal,
    pub(super) matched_amount: Decimal,
    pub(super) key: String,
    pub(super) status: &'static str,
    pub(super) created_at: DateTime<Utc>,
}

impl NewPledge {
    /// A pledge without a reward, or with one unit of a tier without slot or pickup point.
    pub(super) fn simple(
        campaign: i64,
        backer: i64,
        tier: Option<(i64, Decimal)>,
        extra: i64,
        n: usize,
        created_at: DateTime<Utc>,
    ) -> Self {
        Self {
            campaign,
            backer,
            tier: tier.map(|(id, _)| id),
            slot: None,
            pickup_point: None,
            quantity: 1,
            reward_amount: tier.map_or(Decimal::ZERO, |(_, price)| price),
            extra_amount: Decimal::from(extra),
            matched_amount: Decimal::ZERO,
            key: format!("seed-{n:04}"),
            status: "active",
            created_at,
        }
    }

    pub(super) fn total(&self) -> Decimal {
        self.reward_amount + self.extra_amount
    }
}

pub(super) async fn insert_pledge(tx: &mut Tx<'_>, p: &NewPledge) -> Result<i64, sqlx::Error> {
    // Flexible campaigns charge at once: their pledges are collected when made.
    let collected_at = (p.status == "collected").then_some(p.created_at);
    // its match comes from the campaign's first fund (the demo has one)
    sqlx::query_scalar::<_, i64>(
        "with p as (insert into pledge (campaign_id, backer_id, reward_tier_id, reward_slot_id, pickup_point_id, \
         quantity, reward_amount, extra_amount, total_amount, matched_amount, currency, idempotency_key, status, \
         collected_at, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'CHF', $11, $12, $13, $14, $14) returning pledge_id), \
         m as (insert into pledge_match (pledge_id, match_fund_id, amount) \
               select p.pledge_id, f.match_fund_id, $10 from p, \
                      (select match_fund_id from match_fund where campaign_id = $1 order by match_fund_id limit 1) f \
               where $10 > 0) \
         select pledge_id from p",
    )
    .bind(p.campaign)
    .bind(p.backer)
    .bind(p.tier)
    .bind(p.slot)
    .bind(p.pickup_point)
    .bind(p.quantity)
    .bind(p.reward_amount)
    .bind(p.extra_amount)
    .bind(p.total())
    .bind(p.matched_amount)
    .bind(&p.key)
    .bind(p.status)
    .bind(collected_at)
    .bind(p.created_at)
    .fetch_one(&mut **tx)
    .await
}

/// The order pledges arrive in: one per tier in turn (then a gift without reward), round after
/// round, so every reward gets backers from the first day on. `None` is a pledge without reward.
pub(super) fn pledge_order() -> Vec<Option<usize>> {
    let rounds = TIERS.iter().map(|t| t.pledges).max().unwrap_or(0).max(GIFTS.len());
    let mut order = Vec::new();
    for round in 0..rounds {
        order.extend(TIERS.iter().enumerate().filter(|(_, t)| round < t.pledges).map(|(i, _)| Some(i)));
        if round < GIFTS.len() {
            order.push(None);
        }
    }
    order
}

/// The `n`-th pledge of the plan on `tier` (its `k`-th), or `None` when it would not fit.
/// Pledges on tiers that allow it take two units every fourth time.
pub(super) fn reward_pledge(
    tier: &mut Tier,
    campaign: i64,
    backer: &Backer,
    n: usize,
    created_at: DateTime<Utc>,
) -> Option<(NewPledge, Vec<(i64, String)>)> {
    let k = tier.pledged;
    tier.pledged += 1;
    let wanted = if tier.spec.max_per_pledge >= 2 && k % 4 == 1 { 2 } else { 1 };
    let (quantity, slot) = [wanted, 1].into_iter().find_map(|q| tier.fit(q, k).map(|slot| (q, slot)))?;
    tier.taken += quantity;
    let slot_id = match slot {
        Some(j) => tier.slots.get_mut(j).map(|s| {
            s.taken += quantity;
            s.id
        }),
        None => None,
    };
    let pickup_point = (!tier.pickup_points.is_empty()).then(|| tier.pickup_points[k % tier.pickup_points.len()]);
    let extra = if n.is_multiple_of(3) { TIPS[(n / 3) % TIPS.len()] } else { 0 };
    let mut pledge = NewPledge::simple(campaign, backer.id, Some((tier.id, tier.price)), extra, n, created_at);
    pledge.slot = slot_id;
    pledge.pickup_point = pickup_point;
    pledge.quantity = quantity;
    pledge.reward_amount = tier.price * Decimal::from(quantity);
    let answers: Vec<(i64, String)> =
        tier.questions.iter().enumerate().map(|(i, q)| (q.id, answer(q.spec, n + i, backer))).collect();
    Some((pledge, answers))
}

/// A plausible answer: a rotating choice, or the backer's first name for text questions.
pub(super) fn answer(q: &QuestionSpec, pick: usize, backer: &Backer) -> String {
    match q.choices.len() {
        0 => backer.first_name.to_string(),
        len => q.choices[pick % len].to_string(),
    }
}

pub(super) struct PledgeStats {
    pub(super) count: usize,
    pub(super) matched: Decimal,
}

/// Inserts the main campaign's pledges in time order, matching each as the fund would.
pub(super) async fn insert_main_pledges(
    tx: &mut Tx<'_>,
    campaign: i64,
    clock: &Clock,
    backers: &[Backer],
    tiers: &mut [Tier],
    rule: &MatchRule,
) -> Result<PledgeStats, sqlx::Error> {
    let order = pledge_order();
    let mut gifts = GIFTS.iter();
    let mut stats = PledgeStats { count: 0, matched: Decimal::ZERO };
    for (n, choice) in order.iter().enumerate() {
        // 7 is coprime with the 80 backers: successive pledges come from scattered people, and
        // pledges n and n + 80 from the same person (some backers pledge twice).
        let backer = &backers[(n * 7) % backers.len()];
        let created_at = spread(clock.days_ago(10), clock.now, n, order.len());
        let planned = match choice {
            Some(i) => tiers.get_mut(*i).and_then(|tier| reward_pledge(tier, campaign, backer, n, created_at)),
            None => gifts
                .next()
                .map(|&gift| (NewPledge::simple(campaign, backer.id, None, gift, n, created_at), Vec::new())),
        };
        let Some((mut pledge, answers)) = planned else {
            continue;
        };
        pledge.matched_amount = rule.matched(pledge.total(), stats.matched);
        stats.matched += pledge.matched_amount;
        let pledge_id = insert_pledge(tx, &pledge).await?;
        for (question, text) in answers {
            sqlx::query("insert into pledge_answer (pledge_id, reward_question_id, answer) values ($1, $2, $3)")
                .bind(pledge_id)
                .bind(question)
                .bind(text)
                .execute(&mut **tx)
                .await?;
        }
        stats.count += 1;
    }
    Ok(stats)
}

/// Recomputes claimed units and campaign totals from the pledges, like the pledge code keeps them.
pub(super) async fn refresh_counters(tx: &mut Tx<'_>, campaigns: &[i64]) -> Result<(), sqlx::Error> {
    use app::domain::PledgeStatus;
    let campaigns = campaigns.to_vec();
    let holding = PledgeStatus::codes(PledgeStatus::HOLDING);
    let counting = PledgeStatus::codes(PledgeStatus::COUNTING);
    sqlx::query(
        "update reward_tier t set claimed = coalesce((select sum(p.quantity) from pledge p \
         where p.reward_tier_id = t.reward_tier_id \
         and p.status = any($2)), 0) \
         where t.campaign_id = any($1)",
    )
    .bind(&campaigns)
    .bind(&holding)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "update reward_slot s set claimed = coalesce((select sum(p.quantity) from pledge p \
         where p.reward_slot_id = s.reward_slot_id \
         and p.status = any($2)), 0) \
         where s.reward_tier_id in (select reward_tier_id from reward_tier where campaign_id = any($1))",
    )
    .bind(&campaigns)
    .bind(&holding)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "update campaign c set \
         pledged_total = coalesce((select sum(p.total_amount) from pledge p where p.campaign_id = c.campaign_id \
             and p.status = any($2)), 0), \
         matched_total = coalesce((select sum(p.matched_amount) from pledge p where p.campaign_id = c.campaign_id \
             and p.status = any($2)), 0), \
         backer_count = (select count(distinct p.backer_id) from pledge p where p.campaign_id = c.campaign_id \
             and p.status = any($2)) \
         where c.campaign_id = any($1)",
    )
    .bind(&campaigns)
    .bind(&counting)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
