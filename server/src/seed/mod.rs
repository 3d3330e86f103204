//! Demo data: fills an empty database with two live campaigns in French, modelled on the Geneva
//! collective that Trame was built for (see DESIGN.md, "Demo data").
//!
//! The main campaign, `fil-rouge-geneve`, has six designers, three pickup points, twenty rewards
//! across the five kinds (some limited, some with time slots and questions), about 120 pledges,
//! partners of every kind, a match fund, needs with help offers, updates and an FAQ. A smaller
//! flexible campaign, `vestiaire-circulaire-carouge`, shows the other funding model.
//!
//! Every name is invented and every email uses the reserved domain `example.org`. Counters
//! (`claimed`, campaign totals) are recomputed from the pledges in SQL at the end, so the seed
//! holds the same invariants as the pledge code: claimed = units held by live pledges, and
//! totals = sum of the counted pledges.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use rust_decimal::Decimal;
use sqlx::{PgPool, Postgres, Transaction};

mod carouge;
mod catalogue;
mod community;
mod pledges;
mod texts;
mod translations;

use carouge::*;
use catalogue::*;
use community::*;
use pledges::*;
use texts::*;

/// What `seed` did.
#[derive(Debug, PartialEq, Eq)]
pub enum Seeded {
    /// The demo data was written.
    Created,
    /// A campaign already existed: nothing was written.
    AlreadyPresent,
}

type Tx<'c> = Transaction<'c, Postgres>;

/// Advisory lock held while seeding, so two servers starting together seed once ("tramesed").
const SEED_LOCK_KEY: i64 = 0x7472_616d_6573_6564;

/// The demo accounts that sign in (README): the Fil Rouge collective, owner of the main campaign,
/// and an admin. Demo data only: a real deployment never runs `seed`.
pub const DEMO_OWNER: &str = "collectif@example.org";
pub const DEMO_ADMIN: &str = "admin@example.org";
/// The designer who claimed the first profile of the registry.
pub const DEMO_DESIGNER: &str = "margot.rieder@example.org";
pub const DEMO_PASSWORD: &str = "fil rouge du Léman";

/// Fills an empty database with the demo campaign; does nothing when any campaign exists.
///
/// Everything is written in one transaction: a failure leaves the database empty.
pub async fn seed(pool: &PgPool) -> Result<Seeded, sqlx::Error> {
    let password = app::domain::NewPassword::parse(DEMO_PASSWORD).map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    let hash = app::backend::auth::hash_password(password).await.map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    let mut tx = pool.begin().await?;
    sqlx::query("select pg_advisory_xact_lock($1)").bind(SEED_LOCK_KEY).execute(&mut *tx).await?;
    let exists = sqlx::query_scalar::<_, bool>("select exists(select 1 from campaign)").fetch_one(&mut *tx).await?;
    if exists {
        tx.rollback().await?;
        return Ok(Seeded::AlreadyPresent);
    }

    let clock = Clock::new(Utc::now());
    let owner = insert_user(&mut tx, "Collectif Fil Rouge", DEMO_OWNER, "fr", clock.days_ago(60)).await?;
    let admin = insert_user(&mut tx, "Équipe Trame", DEMO_ADMIN, "fr", clock.days_ago(90)).await?;
    // the match fund's partner signs in too (their fund, its card and charges on /me/partners)
    let banker =
        insert_user(&mut tx, FUND_PARTNER.contact_name, FUND_PARTNER.contact_email, "fr", clock.days_ago(40)).await?;
    sqlx::query("update app_user set is_admin = (user_id = $2) where user_id in ($1, $2)")
        .bind(owner)
        .bind(admin)
        .execute(&mut *tx)
        .await?;
    // a designer who claimed her profile and keeps it on /me/designer
    let designer = insert_user(&mut tx, DESIGNERS[0].name, DEMO_DESIGNER, "fr", clock.days_ago(25)).await?;
    sqlx::query("update app_user set password_hash = $1 where user_id in ($2, $3, $4, $5)")
        .bind(&hash)
        .bind(owner)
        .bind(admin)
        .bind(banker)
        .bind(designer)
        .execute(&mut *tx)
        .await?;
    let backers = insert_backers(&mut tx, &clock).await?;
    let designers = insert_designers(&mut tx).await?;
    sqlx::query("update designer set user_id = $2 where designer_id = $1")
        .bind(designers[0])
        .bind(designer)
        .execute(&mut *tx)
        .await?;

    // Main campaign: all or nothing, deadline at 18:00 Geneva time (17:00 UTC in winter).
    let main_deadline = at_hour(clock.today + Duration::days(24), 17);
    let main = insert_campaign(
        &mut tx,
        &NewCampaign {
            slug: "fil-rouge-geneve",
            title: "Fil Rouge — la mode durable de Genève",
            summary: MAIN_SUMMARY,
            story_md: MAIN_STORY,
            city: "Genève",
            goal: 25_000,
            funding_model: "all_or_nothing",
            starts_at: clock.days_ago(10),
            ends_at: main_deadline,
            created_at: clock.days_ago(30),
        },
    )
    .await?;
    insert_member(&mut tx, main, owner).await?;
    insert_image(
        &mut tx,
        main,
        0,
        "/images/fil-rouge-hero.svg",
        "Six créatrices et créateurs autour d’une table de coupe, des rouleaux de lin et de chanvre au premier plan",
    )
    .await?;
    insert_image(
        &mut tx,
        main,
        1,
        "/images/atelier.svg",
        "L’atelier partagé du collectif, avec ses machines à coudre révisées",
    )
    .await?;
    for (position, (spec, &designer)) in DESIGNERS.iter().zip(&designers).enumerate() {
        link_designer(&mut tx, main, designer, Decimal::new(spec.distance_tenths_km, 1), position).await?;
    }
    let points = insert_pickup_points(&mut tx, main).await?;
    let mut tiers = insert_tiers(&mut tx, main, main_deadline, TIERS, &designers, &points).await?;

    let fund_partner = insert_partner(&mut tx, Some(main), &FUND_PARTNER, &clock).await?;
    sqlx::query("update partner set user_id = $2 where partner_id = $1")
        .bind(fund_partner)
        .bind(banker)
        .execute(&mut *tx)
        .await?;
    for partner in OTHER_PARTNERS {
        insert_partner(&mut tx, Some(main), partner, &clock).await?;
    }
    insert_partner(&mut tx, None, &PLATFORM_PARTNER, &clock).await?;
    let rule =
        MatchRule { ratio: Decimal::new(50, 2), cap_per_pledge: Decimal::from(40), total_cap: Decimal::from(5_000) };
    let fund = insert_match_fund(&mut tx, main, fund_partner, &rule, clock.days_ago(11)).await?;
    let stats = insert_main_pledges(&mut tx, main, &clock, &backers, &mut tiers, &rule).await?;
    sqlx::query("update match_fund set matched_total = $2 where match_fund_id = $1")
        .bind(fund)
        .bind(stats.matched)
        .execute(&mut *tx)
        .await?;

    insert_needs(&mut tx, main, &clock).await?;
    insert_updates(&mut tx, main, owner, &clock).await?;
    insert_faq(&mut tx, main).await?;
    translations::insert_translations(&mut tx, main).await?;

    let (carouge, carouge_pledges) = insert_carouge(&mut tx, &clock, &backers, &designers).await?;
    refresh_counters(&mut tx, &[main, carouge]).await?;
    tx.commit().await?;

    tracing::info!(
        backers = backers.len(),
        designers = designers.len(),
        rewards = tiers.len(),
        pledges = stats.count + carouge_pledges,
        matched = %stats.matched,
        "demo data seeded"
    );
    Ok(Seeded::Created)
}

// ---------------------------------------------------------------------------------------------
// Time

/// Every time in the seed derives from one `now`, so the data is consistent with itself.
struct Clock {
    now: DateTime<Utc>,
    today: NaiveDate,
}

impl Clock {
    fn new(now: DateTime<Utc>) -> Self {
        Self { now, today: now.date_naive() }
    }

    fn days_ago(&self, days: i64) -> DateTime<Utc> {
        self.now - Duration::days(days)
    }
}

/// `date` at `hour`:00 UTC.
fn at_hour(date: NaiveDate, hour: i64) -> DateTime<Utc> {
    date.and_time(NaiveTime::MIN).and_utc() + Duration::hours(hour)
}

/// The `n`-th of `of` moments spread between `start` and `end`, with a little jitter; always at
/// least 30 minutes after `start` and before `end`.
fn spread(start: DateTime<Utc>, end: DateTime<Utc>, n: usize, of: usize) -> DateTime<Utc> {
    let span = ((end - start).num_minutes() - 60).max(0);
    let (n, of) = (n as i64, of.max(1) as i64);
    start + Duration::minutes(30 + span * n / of + (n * 37) % 30)
}

// ---------------------------------------------------------------------------------------------
// Users

/// Backers are every first name crossed with a shifted family name (display name, email ascii).
#[rustfmt::skip]
const FIRST_NAMES: [(&str, &str); 20] = [
    ("Léa", "lea"), ("Chloé", "chloe"), ("Camille", "camille"), ("Noémie", "noemie"),
    ("Élodie", "elodie"), ("Sophie", "sophie"), ("Manon", "manon"), ("Inès", "ines"),
    ("Zoé", "zoe"), ("Margaux", "margaux"), ("Lucas", "lucas"), ("Théo", "theo"),
    ("Nicolas", "nicolas"), ("Julien", "julien"), ("Mathieu", "mathieu"), ("Loïc", "loic"),
    ("Yann", "yann"), ("Samuel", "samuel"), ("Jérôme", "jerome"), ("Aurélien", "aurelien"),
];
#[rustfmt::skip]
const FAMILY_NAMES: [(&str, &str); 16] = [
    ("Favre", "favre"), ("Rochat", "rochat"), ("Dubois", "dubois"), ("Müller", "mueller"),
    ("Bonvin", "bonvin"), ("Perrin", "perrin"), ("Jaccard", "jaccard"), ("Gerber", "gerber"),
    ("Monnier", "monnier"), ("Chappuis", "chappuis"), ("Rossier", "rossier"), ("Zbinden", "zbinden"),
    ("Girardet", "girardet"), ("Vuilleumier", "vuilleumier"), ("Mercier", "mercier"), ("Délèze", "deleze"),
];
/// With 20 first names and 16 family names, `(i % 20, (i + i / 20) % 16)` is unique for i < 80.
const BACKER_COUNT: usize = 80;

struct Backer {
    id: i64,
    first_name: &'static str,
}

async fn insert_user(
    tx: &mut Tx<'_>,
    display_name: &str,
    email: &str,
    locale: &str,
    created_at: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar::<_, i64>(
        "insert into app_user (email, display_name, locale, created_at, updated_at, email_verified_at) \
         values ($1, $2, $3, $4, $4, $4) returning user_id",
    )
    .bind(email)
    .bind(display_name)
    .bind(locale)
    .bind(created_at)
    .fetch_one(&mut **tx)
    .await
}

async fn insert_backers(tx: &mut Tx<'_>, clock: &Clock) -> Result<Vec<Backer>, sqlx::Error> {
    let mut backers = Vec::with_capacity(BACKER_COUNT);
    for i in 0..BACKER_COUNT {
        let (first, first_ascii) = FIRST_NAMES[i % FIRST_NAMES.len()];
        let (family, family_ascii) = FAMILY_NAMES[(i + i / FIRST_NAMES.len()) % FAMILY_NAMES.len()];
        // A few English and German speakers, so the other locales show up in emails and exports.
        let locale = match i % 9 {
            4 => "en",
            7 => "de",
            _ => "fr",
        };
        // Accounts exist before the campaign opens (40 to 17 days ago).
        let created_at = clock.days_ago(40) + Duration::hours(i as i64 * 7);
        let email = format!("{first_ascii}.{family_ascii}@example.org");
        let id = insert_user(tx, &format!("{first} {family}"), &email, locale, created_at).await?;
        backers.push(Backer { id, first_name: first });
    }
    Ok(backers)
}

// ---------------------------------------------------------------------------------------------
// Campaigns, images, designers, pickup points

struct NewCampaign<'a> {
    slug: &'a str,
    title: &'a str,
    summary: &'a str,
    story_md: &'a str,
    city: &'a str,
    goal: i64,
    funding_model: &'a str,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    created_at: DateTime<Utc>,
}

/// Inserts a live CHF campaign launched at its start.
async fn insert_campaign(tx: &mut Tx<'_>, c: &NewCampaign<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar::<_, i64>(
        "insert into campaign (slug, title, summary, story_md, city, currency, goal, funding_model, \
         min_pledge, starts_at, ends_at, status, launched_at, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, 'CHF', $6, $7, $8, $9, $10, 'live', $9, $11, $11) \
         returning campaign_id",
    )
    .bind(c.slug)
    .bind(c.title)
    .bind(c.summary)
    .bind(c.story_md)
    .bind(c.city)
    .bind(Decimal::from(c.goal))
    .bind(c.funding_model)
    .bind(Decimal::from(5))
    .bind(c.starts_at)
    .bind(c.ends_at)
    .bind(c.created_at)
    .fetch_one(&mut **tx)
    .await
}

async fn insert_member(tx: &mut Tx<'_>, campaign: i64, user: i64) -> Result<(), sqlx::Error> {
    sqlx::query("insert into campaign_member (campaign_id, user_id, role) values ($1, $2, 'owner')")
        .bind(campaign)
        .bind(user)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// All demo pictures are 16:9 illustrations of 1200×675.
async fn insert_image(tx: &mut Tx<'_>, campaign: i64, position: i32, url: &str, alt: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into campaign_image (campaign_id, url, alt, width, height, position) \
         values ($1, $2, $3, 1200, 675, $4)",
    )
    .bind(campaign)
    .bind(url)
    .bind(alt)
    .bind(position)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Inserts the designer registry; the ids come back in the order of `DESIGNERS`.
async fn insert_designers(tx: &mut Tx<'_>) -> Result<Vec<i64>, sqlx::Error> {
    let mut ids = Vec::with_capacity(DESIGNERS.len());
    for d in DESIGNERS {
        let id = sqlx::query_scalar::<_, i64>(
            "insert into designer (slug, name, atelier, city, bio, materials, practices, website_url, instagram_url) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning designer_id",
        )
        .bind(d.slug)
        .bind(d.name)
        .bind(d.atelier)
        .bind(d.city)
        .bind(d.bio)
        .bind(strings(d.materials))
        .bind(strings(d.practices))
        .bind(format!("https://example.org/{}", d.slug))
        .bind(d.instagram)
        .fetch_one(&mut **tx)
        .await?;
        ids.push(id);
    }
    Ok(ids)
}

async fn link_designer(
    tx: &mut Tx<'_>,
    campaign: i64,
    designer: i64,
    distance_km: Decimal,
    position: usize,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into campaign_designer (campaign_id, designer_id, distance_km, position) values ($1, $2, $3, $4)",
    )
    .bind(campaign)
    .bind(designer)
    .bind(distance_km)
    .bind(position as i32)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn insert_pickup_points(tx: &mut Tx<'_>, campaign: i64) -> Result<Vec<i64>, sqlx::Error> {
    let mut ids = Vec::with_capacity(PICKUP_POINTS.len());
    for (position, (name, address, city, hours)) in PICKUP_POINTS.iter().enumerate() {
        let id = sqlx::query_scalar::<_, i64>(
            "insert into pickup_point (campaign_id, name, address, city, opening_hours, position) \
             values ($1, $2, $3, $4, $5, $6) returning pickup_point_id",
        )
        .bind(campaign)
        .bind(*name)
        .bind(*address)
        .bind(*city)
        .bind(*hours)
        .bind(position as i32)
        .fetch_one(&mut **tx)
        .await?;
        ids.push(id);
    }
    Ok(ids)
}

// ---------------------------------------------------------------------------------------------
// Rewards

struct Slot {
    id: i64,
    capacity: i32,
    /// Units the seed has put on this slot so far.
    taken: i32,
}

struct Question {
    id: i64,
    spec: &'static QuestionSpec,
}

/// An inserted tier, with what the pledge plan needs to stay within its limits.
struct Tier {
    id: i64,
    spec: &'static TierSpec,
    price: Decimal,
    pickup_points: Vec<i64>,
    slots: Vec<Slot>,
    questions: Vec<Question>,
    /// Units and pledges the seed has put on this tier so far.
    taken: i32,
    pledged: usize,
}

impl Tier {
    /// Where `quantity` units of the `k`-th pledge fit: the slot index (tiers with slots) or
    /// `None` inside. Slots are tried in turn from `k` so pledges spread over them.
    fn fit(&self, quantity: i32, k: usize) -> Option<Option<usize>> {
        if self.spec.limit.is_some_and(|limit| self.taken + quantity > limit) {
            return None;
        }
        if self.slots.is_empty() {
            return Some(None);
        }
        let n = self.slots.len();
        (0..n).map(|j| (k + j) % n).find(|&j| self.slots[j].taken + quantity <= self.slots[j].capacity).map(Some)
    }
}

async fn insert_tiers(
    tx: &mut Tx<'_>,
    campaign: i64,
    deadline: DateTime<Utc>,
    specs: &'static [TierSpec],
    designers: &[i64],
    points: &[i64],
) -> Result<Vec<Tier>, sqlx::Error> {
    let deadline_date = deadline.date_naive();
    let mut tiers = Vec::with_capacity(specs.len());
    for (position, spec) in specs.iter().enumerate() {
        let delivery_days = spec.slots.iter().map(|s| s.day).max().unwrap_or(spec.delivery_days);
        let id = sqlx::query_scalar::<_, i64>(
            "insert into reward_tier (campaign_id, title, description, kind, price, quantity_limit, \
             estimated_delivery, fulfilment, location, designer_id, max_per_pledge, position) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning reward_tier_id",
        )
        .bind(campaign)
        .bind(spec.title)
        .bind(spec.description)
        .bind(spec.kind)
        .bind(Decimal::from(spec.price))
        .bind(spec.limit)
        .bind(deadline_date + Duration::days(delivery_days))
        .bind(spec.fulfilment)
        .bind(spec.location)
        .bind(spec.designer.and_then(|i| designers.get(i).copied()))
        .bind(spec.max_per_pledge)
        .bind(position as i32)
        .fetch_one(&mut **tx)
        .await?;

        let pickup_points: Vec<i64> = spec.pickup.iter().filter_map(|&i| points.get(i).copied()).collect();
        for &point in &pickup_points {
            sqlx::query("insert into reward_pickup_point (reward_tier_id, pickup_point_id) values ($1, $2)")
                .bind(id)
                .bind(point)
                .execute(&mut **tx)
                .await?;
        }
        let mut slots = Vec::with_capacity(spec.slots.len());
        for slot in spec.slots {
            slots.push(insert_slot(tx, id, deadline_date, slot).await?);
        }
        let mut questions = Vec::with_capacity(spec.questions.len());
        for (position, question) in spec.questions.iter().enumerate() {
            questions.push(Question { id: insert_question(tx, id, question, position).await?, spec: question });
        }
        tiers.push(Tier {
            id,
            spec,
            price: Decimal::from(spec.price),
            pickup_points,
            slots,
            questions,
            taken: 0,
            pledged: 0,
        });
    }
    Ok(tiers)
}

async fn insert_slot(
    tx: &mut Tx<'_>,
    tier: i64,
    deadline_date: NaiveDate,
    slot: &SlotSpec,
) -> Result<Slot, sqlx::Error> {
    let starts_at = at_hour(deadline_date + Duration::days(slot.day), slot.hour);
    let id = sqlx::query_scalar::<_, i64>(
        "insert into reward_slot (reward_tier_id, starts_at, ends_at, capacity, location) \
         values ($1, $2, $3, $4, $5) returning reward_slot_id",
    )
    .bind(tier)
    .bind(starts_at)
    .bind(starts_at + Duration::hours(slot.hours))
    .bind(slot.capacity)
    .bind(slot.location)
    .fetch_one(&mut **tx)
    .await?;
    Ok(Slot { id, capacity: slot.capacity, taken: 0 })
}

async fn insert_question(tx: &mut Tx<'_>, tier: i64, q: &QuestionSpec, position: usize) -> Result<i64, sqlx::Error> {
    let kind = if q.choices.is_empty() { "text" } else { "choice" };
    sqlx::query_scalar::<_, i64>(
        "insert into reward_question (reward_tier_id, prompt, kind, choices, position) \
         values ($1, $2, $3, $4, $5) returning reward_question_id",
    )
    .bind(tier)
    .bind(q.prompt)
    .bind(kind)
    .bind(strings(q.choices))
    .bind(position as i32)
    .fetch_one(&mut **tx)
    .await
}

// ---------------------------------------------------------------------------------------------
// Partners and the match fund

/// A partner of `campaign`, or of the platform as a whole (`None`).
async fn insert_partner(
    tx: &mut Tx<'_>,
    campaign: Option<i64>,
    p: &PartnerSpec,
    clock: &Clock,
) -> Result<i64, sqlx::Error> {
    // Applications arrive before launch; reviewed ones were reviewed a few days later.
    let reviewed_at = (p.status != "applied").then(|| clock.days_ago(12));
    sqlx::query_scalar::<_, i64>(
        "insert into partner (campaign_id, organisation, contact_name, contact_email, kind, level, message, \
         website_url, status, reviewed_at, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) returning partner_id",
    )
    .bind(campaign)
    .bind(p.organisation)
    .bind(p.contact_name)
    .bind(p.contact_email)
    .bind(p.kind)
    .bind(p.level)
    .bind(p.message)
    .bind(p.website)
    .bind(p.status)
    .bind(reviewed_at)
    .bind(clock.days_ago(15))
    .fetch_one(&mut **tx)
    .await
}

/// How a match fund adds to pledges, mirrored from its row.
struct MatchRule {
    ratio: Decimal,
    cap_per_pledge: Decimal,
    total_cap: Decimal,
}

impl MatchRule {
    /// What the fund adds to a pledge of `total` when it has already given `given`.
    fn matched(&self, total: Decimal, given: Decimal) -> Decimal {
        let room = (self.total_cap - given).max(Decimal::ZERO);
        (total * self.ratio).round_dp(2).min(self.cap_per_pledge).min(room)
    }
}

async fn insert_match_fund(
    tx: &mut Tx<'_>,
    campaign: i64,
    partner: i64,
    rule: &MatchRule,
    created_at: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar::<_, i64>(
        "insert into match_fund (campaign_id, partner_id, currency, ratio, cap_per_pledge, total_cap, created_at, \
                                 status, decided_at, matching_since, stripe_customer_id, stripe_payment_method_id) \
         values ($1, $2, 'CHF', $3, $4, $5, $6, 'accepted', $6, $6, 'cus_demo_fund', 'pm_card_visa') \
         returning match_fund_id",
    )
    .bind(campaign)
    .bind(partner)
    .bind(rule.ratio)
    .bind(rule.cap_per_pledge)
    .bind(rule.total_cap)
    .bind(created_at)
    .fetch_one(&mut **tx)
    .await
}
