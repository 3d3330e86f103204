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

/// Fills an empty database with the demo campaign; does nothing when any campaign exists.
///
/// Everything is written in one transaction: a failure leaves the database empty.
pub async fn seed(pool: &PgPool) -> Result<Seeded, sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query("select pg_advisory_xact_lock($1)").bind(SEED_LOCK_KEY).execute(&mut *tx).await?;
    let exists = sqlx::query_scalar::<_, bool>("select exists(select 1 from campaign)").fetch_one(&mut *tx).await?;
    if exists {
        tx.rollback().await?;
        return Ok(Seeded::AlreadyPresent);
    }

    let clock = Clock::new(Utc::now());
    let owner = insert_user(&mut tx, "Collectif Fil Rouge", "collectif@example.org", "fr", clock.days_ago(60)).await?;
    let backers = insert_backers(&mut tx, &clock).await?;
    let designers = insert_designers(&mut tx).await?;

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

    let fund_partner = insert_partner(&mut tx, main, &FUND_PARTNER, &clock).await?;
    for partner in OTHER_PARTNERS {
        insert_partner(&mut tx, main, partner, &clock).await?;
    }
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
        "insert into app_user (email, display_name, locale, created_at, updated_at) \
         values ($1, $2, $3, $4, $4) returning user_id",
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

struct DesignerSpec {
    slug: &'static str,
    name: &'static str,
    atelier: &'static str,
    city: &'static str,
    bio: &'static str,
    materials: &'static [&'static str],
    practices: &'static [&'static str],
    instagram: Option<&'static str>,
    /// Distance from Geneva, in tenths of a kilometre.
    distance_tenths_km: i64,
}

/// Indices into this table are used by the reward tables below (`designer: Some(i)`).
const DESIGNERS: &[DesignerSpec] = &[
    DesignerSpec {
        slug: "atelier-chanvre-et-lin",
        name: "Margot Rieder",
        atelier: "Atelier Chanvre & Lin",
        city: "Genève",
        bio: "Margot Rieder dessine des basiques en chanvre et en lin qu’elle coupe et coud dans son atelier des Eaux-Vives. Elle travaille en petites séries, à la commande, avec des fibres biologiques filées en Europe. Ses patrons sont pensés pour durer dix ans et plus.",
        materials: &["chanvre", "lin", "coton biologique"],
        practices: &["local_sourcing", "organic_fibres", "zero_waste_cutting", "made_to_order"],
        instagram: Some("https://www.instagram.com/example.chanvreetlin"),
        distance_tenths_km: 12,
    },
    DesignerSpec {
        slug: "maison-reprise",
        name: "Louise Amsler",
        atelier: "Maison Reprise",
        city: "Carouge",
        bio: "Couturière de formation, Louise Amsler répare, reprise et transforme les vêtements des Carougeois depuis quinze ans. Elle enseigne la broderie visible et le sashiko pour que chacun puisse prolonger la vie de ses habits.",
        materials: &["denim récupéré", "laine à repriser", "fils de coton"],
        practices: &["repair", "upcycling", "hand_craft"],
        instagram: Some("https://www.instagram.com/example.maisonreprise"),
        distance_tenths_km: 28,
    },
    DesignerSpec {
        slug: "benali-tailleur",
        name: "Idriss Benali",
        atelier: "Benali Tailleur",
        city: "Lancy",
        bio: "Tailleur formé à Tunis puis à Lyon, Idriss Benali confectionne vestes et pantalons sur mesure à Lancy. Il travaille exclusivement des laines de fin de série rachetées à des drapiers européens. Chaque pièce est coupée pour une seule personne.",
        materials: &["laine de fin de série", "soie", "doublure en cupro"],
        practices: &["made_to_order", "deadstock", "hand_craft"],
        instagram: None,
        distance_tenths_km: 45,
    },
    DesignerSpec {
        slug: "teintures-du-rhone",
        name: "Anouk Fehlmann",
        atelier: "Teintures du Rhône",
        city: "Plan-les-Ouates",
        bio: "Anouk Fehlmann cultive ses plantes tinctoriales dans un jardin de Plan-les-Ouates : garance, gaude et pastel. Elle teint la soie et le lin à la main, sans mordants toxiques, et composte ses bains. Ses foulards portent les couleurs des saisons genevoises.",
        materials: &["soie", "lin", "garance", "pastel des teinturiers", "pelures d’oignon"],
        practices: &["natural_dyes", "organic_fibres", "hand_craft", "local_sourcing"],
        instagram: Some("https://www.instagram.com/example.teinturesdurhone"),
        distance_tenths_km: 73,
    },
    DesignerSpec {
        slug: "studio-zero-chute",
        name: "Yasmine Dufaux",
        atelier: "Studio Zéro Chute",
        city: "Meyrin",
        bio: "Modéliste, Yasmine Dufaux conçoit des patrons qui utilisent toute la largeur du tissu : pas une chute ne part à la poubelle. Elle coud pulls et manteaux dans des tissus dormants récupérés chez des confectionneurs romands.",
        materials: &["laine bouillie", "jersey biologique", "tissus dormants"],
        practices: &["zero_waste_cutting", "deadstock", "made_to_order"],
        instagram: None,
        distance_tenths_km: 86,
    },
    DesignerSpec {
        slug: "cuir-sauve",
        name: "Julien Perroud",
        atelier: "Cuir Sauvé",
        city: "Nyon",
        bio: "À Nyon, Julien Perroud récupère les chutes de cuir des selliers et les voiles usées des régatiers du Léman. Il en fait des sacs et des pochettes cousus au point sellier, et répare gratuitement tout ce qui sort de son atelier.",
        materials: &["chutes de cuir", "toile de voile", "boutons en corozo"],
        practices: &["upcycling", "deadstock", "repair", "hand_craft"],
        instagram: Some("https://www.instagram.com/example.cuirsauve"),
        distance_tenths_km: 240,
    },
];

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

/// (name, address, city, opening hours); indices are used by `TierSpec::pickup`.
const PICKUP_POINTS: [(&str, &str, &str, &str); 3] = [
    ("La Fabrique du Quai", "Quai du Seujet 18, 1201 Genève", "Genève", "mer–sam 10h–18h"),
    ("Maison Reprise", "Rue Saint-Joseph 21, 1227 Carouge", "Carouge", "mar–ven 11h–19h, sam 10h–16h"),
    ("Café-atelier Le Dé à coudre", "Rue de Lyon 44, 1203 Genève", "Genève", "lun–ven 8h–18h"),
];

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

struct SlotSpec {
    /// Days after the campaign's deadline.
    day: i64,
    /// Start hour, UTC (Geneva is UTC+1 in winter).
    hour: i64,
    hours: i64,
    capacity: i32,
    location: Option<&'static str>,
}

/// A question for the backer; no choices means a free-text question.
struct QuestionSpec {
    prompt: &'static str,
    choices: &'static [&'static str],
}

#[rustfmt::skip]
const SIZE: QuestionSpec = QuestionSpec { prompt: "Taille", choices: &["XS", "S", "M", "L", "XL"] };
#[rustfmt::skip]
const EMBROIDERY: QuestionSpec = QuestionSpec { prompt: "Prénom à broder (10 lettres au plus)", choices: &[] };

struct TierSpec {
    title: &'static str,
    description: &'static str,
    kind: &'static str,
    /// CHF, whole francs.
    price: i64,
    limit: Option<i32>,
    fulfilment: &'static str,
    location: Option<&'static str>,
    /// Index into `DESIGNERS`.
    designer: Option<usize>,
    max_per_pledge: i32,
    /// Days after the deadline; tiers with slots use the day of their last slot instead.
    delivery_days: i64,
    /// Indices into `PICKUP_POINTS` (pickup tiers only).
    pickup: &'static [usize],
    slots: &'static [SlotSpec],
    questions: &'static [QuestionSpec],
    /// How many pledges the seed makes on this tier.
    pledges: usize,
}

const FABRIQUE: Option<&str> = Some("La Fabrique du Quai, quai du Seujet 18, Genève");

/// The twenty rewards of the main campaign, in catalogue order. The pledge counts are chosen so
/// that "Veste en chanvre — édition limitée" (5 × 1 of 5) and "Atelier teinture végétale au
/// jardin" (12 × 1 over two slots of 6) are sold out, and every other tier has room left.
#[rustfmt::skip]
const TIERS: &[TierSpec] = &[
    TierSpec {
        title: "Carte brodée à la main",
        description: "Une carte en papier recyclé, brodée à la main avec des fils de coton récupérés. Chaque motif est unique.",
        kind: "object", price: 25, limit: None, fulfilment: "shipping", location: None,
        designer: Some(1), max_per_pledge: 3, delivery_days: 21, pickup: &[], slots: &[], questions: &[], pledges: 10,
    },
    TierSpec {
        title: "Tote bag en toile de voile recyclée",
        description: "Un sac solide taillé dans des voiles de régate du Léman, anses en chutes de cuir. Il a déjà traversé le lac, il vous suivra partout.",
        kind: "object", price: 45, limit: None, fulfilment: "pickup", location: None,
        designer: Some(5), max_per_pledge: 3, delivery_days: 30, pickup: &[0, 1, 2], slots: &[],
        questions: &[QuestionSpec { prompt: "Couleur des anses", choices: &["Naturel", "Cognac", "Noir"] }],
        pledges: 12,
    },
    TierSpec {
        title: "Foulard en soie teinte à la garance",
        description: "Un carré de soie de 70 cm teint à la main avec des plantes du jardin de Plan-les-Ouates. Envoyé dans une pochette en lin.",
        kind: "object", price: 95, limit: Some(40), fulfilment: "shipping", location: None,
        designer: Some(3), max_per_pledge: 2, delivery_days: 45, pickup: &[], slots: &[],
        questions: &[QuestionSpec { prompt: "Couleur", choices: &["Rouge garance", "Bleu pastel", "Jaune gaude"] }],
        pledges: 8,
    },
    TierSpec {
        title: "T-shirt en chanvre brodé à votre prénom",
        description: "Un t-shirt en chanvre et coton biologique, coupé et cousu à Genève, brodé à la main du prénom de votre choix.",
        kind: "object", price: 65, limit: None, fulfilment: "pickup", location: None,
        designer: Some(0), max_per_pledge: 2, delivery_days: 60, pickup: &[0, 2], slots: &[],
        questions: &[SIZE, EMBROIDERY], pledges: 9,
    },
    TierSpec {
        title: "Pochette en cuir sauvé",
        description: "Une pochette cousue au point sellier dans des chutes de cuir récupérées chez des selliers vaudois. Réparée gratuitement à vie.",
        kind: "object", price: 80, limit: Some(30), fulfilment: "pickup", location: None,
        designer: Some(5), max_per_pledge: 2, delivery_days: 45, pickup: &[1], slots: &[], questions: &[], pledges: 5,
    },
    TierSpec {
        title: "Pull en laine bouillie coupé sans chute",
        description: "Un pull chaud et léger, dont le patron utilise toute la largeur du tissu. Laine bouillie de fin de série, finitions à la main.",
        kind: "object", price: 190, limit: Some(20), fulfilment: "pickup", location: None,
        designer: Some(4), max_per_pledge: 1, delivery_days: 75, pickup: &[0, 1, 2], slots: &[],
        questions: &[SIZE, QuestionSpec { prompt: "Couleur", choices: &["Gris chiné", "Vert sapin", "Écru"] }],
        pledges: 6,
    },
    TierSpec {
        title: "Veste en chanvre — édition limitée",
        description: "La pièce phare du collectif : une veste de travail en chanvre épais, doublée de coton biologique, numérotée et signée. Cinq exemplaires seulement.",
        kind: "object", price: 320, limit: Some(5), fulfilment: "pickup", location: None,
        designer: Some(0), max_per_pledge: 1, delivery_days: 90, pickup: &[0, 1], slots: &[], questions: &[SIZE], pledges: 5,
    },
    TierSpec {
        title: "Atelier réparation : redonner vie à son jean",
        description: "Trois heures pour apprendre à repriser, rapiécer et renforcer un jean usé. Venez avec le vôtre ; fils et tissus fournis.",
        kind: "workshop", price: 60, limit: None, fulfilment: "in_person", location: Some("Maison Reprise, rue Saint-Joseph 21, Carouge"),
        designer: Some(1), max_per_pledge: 1, delivery_days: 0, pickup: &[],
        slots: &[
            SlotSpec { day: 7, hour: 13, hours: 3, capacity: 8, location: None },
            SlotSpec { day: 14, hour: 13, hours: 3, capacity: 8, location: None },
            SlotSpec { day: 21, hour: 9, hours: 3, capacity: 8, location: None },
        ],
        questions: &[], pledges: 7,
    },
    TierSpec {
        title: "Atelier teinture végétale au jardin",
        description: "Une matinée au jardin tinctorial : cueillette, préparation des bains et teinture d’un foulard en soie que vous emportez.",
        kind: "workshop", price: 85, limit: None, fulfilment: "in_person", location: Some("Teintures du Rhône, Plan-les-Ouates"),
        designer: Some(3), max_per_pledge: 1, delivery_days: 0, pickup: &[],
        slots: &[
            SlotSpec { day: 10, hour: 8, hours: 4, capacity: 6, location: None },
            SlotSpec { day: 17, hour: 8, hours: 4, capacity: 6, location: None },
        ],
        questions: &[], pledges: 12,
    },
    TierSpec {
        title: "Atelier coupe zéro déchet",
        description: "Apprenez à placer un patron pour ne rien jeter, puis coupez votre propre haut dans un tissu dormant.",
        kind: "workshop", price: 120, limit: None, fulfilment: "in_person", location: Some("Studio Zéro Chute, Meyrin"),
        designer: Some(4), max_per_pledge: 1, delivery_days: 0, pickup: &[],
        slots: &[
            SlotSpec { day: 12, hour: 13, hours: 4, capacity: 10, location: None },
            SlotSpec { day: 26, hour: 13, hours: 4, capacity: 10, location: None },
        ],
        questions: &[], pledges: 4,
    },
    TierSpec {
        title: "Initiation à la broderie visible (sashiko)",
        description: "Deux heures pour découvrir le sashiko et transformer un accroc en motif. Idéal à deux : prenez une place pour un·e ami·e.",
        kind: "workshop", price: 55, limit: None, fulfilment: "in_person", location: Some("Café-atelier Le Dé à coudre, rue de Lyon 44, Genève"),
        designer: Some(1), max_per_pledge: 2, delivery_days: 0, pickup: &[],
        slots: &[
            SlotSpec { day: 8, hour: 17, hours: 2, capacity: 12, location: None },
            SlotSpec { day: 22, hour: 17, hours: 2, capacity: 12, location: None },
        ],
        questions: &[], pledges: 6,
    },
    TierSpec {
        title: "Atelier upcycling : un sac en chutes de cuir",
        description: "Assemblez et cousez au point sellier votre propre sac à partir de chutes de cuir et de toile de voile.",
        kind: "workshop", price: 95, limit: Some(16), fulfilment: "in_person", location: Some("Cuir Sauvé, Nyon"),
        designer: Some(5), max_per_pledge: 1, delivery_days: 0, pickup: &[],
        slots: &[
            SlotSpec { day: 15, hour: 9, hours: 3, capacity: 8, location: None },
            SlotSpec { day: 29, hour: 9, hours: 3, capacity: 8, location: FABRIQUE },
        ],
        questions: &[], pledges: 3,
    },
    TierSpec {
        title: "Parcours des ateliers de Carouge",
        description: "Une promenade guidée de trois heures à la rencontre des couturières, cordonniers et tisserands de la cité sarde.",
        kind: "guided_route", price: 35, limit: None, fulfilment: "in_person", location: Some("Départ : place du Marché, Carouge"),
        designer: Some(1), max_per_pledge: 2, delivery_days: 0, pickup: &[],
        slots: &[
            SlotSpec { day: 6, hour: 9, hours: 3, capacity: 20, location: None },
            SlotSpec { day: 20, hour: 9, hours: 3, capacity: 20, location: None },
        ],
        questions: &[], pledges: 8,
    },
    TierSpec {
        title: "Balade au fil du Rhône : le textile genevois d’hier à demain",
        description: "Des indienneries du XVIIIe siècle aux ateliers d’aujourd’hui, deux heures le long du fleuve avec une teinturière.",
        kind: "guided_route", price: 30, limit: None, fulfilment: "in_person", location: Some("Départ : pont de la Machine, Genève"),
        designer: Some(3), max_per_pledge: 2, delivery_days: 0, pickup: &[],
        slots: &[
            SlotSpec { day: 9, hour: 13, hours: 2, capacity: 25, location: None },
            SlotSpec { day: 23, hour: 13, hours: 2, capacity: 25, location: None },
        ],
        questions: &[], pledges: 6,
    },
    TierSpec {
        title: "Tour à vélo des ateliers du Genevois",
        description: "Une demi-journée à vélo de Genève à Meyrin et Lancy, avec trois visites d’ateliers et un goûter local.",
        kind: "guided_route", price: 50, limit: None, fulfilment: "in_person", location: Some("Départ : La Fabrique du Quai, Genève"),
        designer: None, max_per_pledge: 1, delivery_days: 0, pickup: &[],
        slots: &[SlotSpec { day: 13, hour: 8, hours: 4, capacity: 12, location: None }],
        questions: &[], pledges: 3,
    },
    TierSpec {
        title: "Coaching garde-robe durable (1 h en visio)",
        description: "Une heure en visioconférence pour faire le tri, apprendre à entretenir vos vêtements et acheter moins mais mieux.",
        kind: "coaching", price: 90, limit: Some(15), fulfilment: "online", location: None,
        designer: Some(4), max_per_pledge: 1, delivery_days: 30, pickup: &[], slots: &[], questions: &[], pledges: 4,
    },
    TierSpec {
        title: "Mentorat pour jeune créatrice ou créateur (3 séances)",
        description: "Trois séances en ligne avec un tailleur expérimenté : coupe, prix de revient et choix des matières.",
        kind: "coaching", price: 250, limit: Some(6), fulfilment: "online", location: None,
        designer: Some(2), max_per_pledge: 1, delivery_days: 60, pickup: &[], slots: &[], questions: &[], pledges: 2,
    },
    TierSpec {
        title: "Diagnostic éco-responsable de votre marque",
        description: "Le collectif passe en revue vos matières, vos fournisseurs et vos chutes, et vous remet un plan d’action écrit.",
        kind: "coaching", price: 180, limit: Some(8), fulfilment: "online", location: None,
        designer: None, max_per_pledge: 1, delivery_days: 45, pickup: &[], slots: &[], questions: &[], pledges: 2,
    },
    TierSpec {
        title: "Apéro avec les créatrices et créateurs",
        description: "Une soirée pour rencontrer les six membres du collectif, découvrir les prototypes et trinquer au sirop de sureau.",
        kind: "meeting", price: 40, limit: None, fulfilment: "in_person", location: FABRIQUE,
        designer: None, max_per_pledge: 2, delivery_days: 0, pickup: &[],
        slots: &[SlotSpec { day: 5, hour: 17, hours: 3, capacity: 40, location: None }],
        questions: &[], pledges: 7,
    },
    TierSpec {
        title: "Dîner de clôture à l’atelier",
        description: "Un dîner de saison servi entre les machines à coudre, avec le collectif et nos partenaires. Votre nom sera brodé sur la bannière de l’atelier.",
        kind: "meeting", price: 500, limit: Some(10), fulfilment: "in_person", location: FABRIQUE,
        designer: None, max_per_pledge: 1, delivery_days: 0, pickup: &[],
        slots: &[SlotSpec { day: 30, hour: 18, hours: 4, capacity: 10, location: None }],
        questions: &[], pledges: 2,
    },
];

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

struct PartnerSpec {
    organisation: &'static str,
    contact_name: &'static str,
    contact_email: &'static str,
    kind: &'static str,
    level: &'static str,
    message: &'static str,
    website: &'static str,
    status: &'static str,
}

/// The financial partner that funds the match fund.
const FUND_PARTNER: PartnerSpec = PartnerSpec {
    organisation: "Fonds coopératif du Léman",
    contact_name: "Hélène Baud",
    contact_email: "helene.baud@example.org",
    kind: "financial",
    level: "principal",
    message: "Nous ajoutons la moitié de chaque contribution, jusqu’à CHF 40, pour que la mode durable ait enfin son atelier à Genève.",
    website: "https://example.org/fonds-cooperatif-du-leman",
    status: "approved",
};

/// One partner of each other kind, plus an application still waiting and a rejected one
/// (neither may appear on the partner wall).
const OTHER_PARTNERS: &[PartnerSpec] = &[
    PartnerSpec {
        organisation: "Maille Numérique",
        contact_name: "Raphaël Tissot",
        contact_email: "raphael.tissot@example.org",
        kind: "technology",
        level: "major",
        message: "Nous hébergeons gratuitement le site et l’inventaire des tissus de l’atelier partagé.",
        website: "https://example.org/maille-numerique",
        status: "approved",
    },
    PartnerSpec {
        organisation: "Fibre Locale Magazine",
        contact_name: "Nadia Cattin",
        contact_email: "nadia.cattin@example.org",
        kind: "media",
        level: "supporter",
        message: "Nous suivrons l’ouverture de l’atelier dans nos trois prochains numéros.",
        website: "https://example.org/fibre-locale",
        status: "approved",
    },
    PartnerSpec {
        organisation: "La Fabrique du Quai",
        contact_name: "Olivier Jaquet",
        contact_email: "olivier.jaquet@example.org",
        kind: "in_kind",
        level: "major",
        message: "Nous prêtons notre salle du rez-de-chaussée pour les ateliers, l’apéro et les retraits.",
        website: "https://example.org/fabrique-du-quai",
        status: "approved",
    },
    PartnerSpec {
        organisation: "Podcast Seconde Main",
        contact_name: "Inès Cornaz",
        contact_email: "ines.cornaz@example.org",
        kind: "media",
        level: "supporter",
        message: "Nous aimerions consacrer un épisode au collectif et à ses ateliers de réparation.",
        website: "https://example.org/podcast-seconde-main",
        status: "applied",
    },
    PartnerSpec {
        organisation: "Hebdo Tendance Express",
        contact_name: "Marc Vuille",
        contact_email: "marc.vuille@example.org",
        kind: "media",
        level: "supporter",
        message: "Nous proposons un publireportage en échange d’un lien vers notre boutique en ligne.",
        website: "https://example.org/tendance-express",
        status: "rejected",
    },
];

async fn insert_partner(tx: &mut Tx<'_>, campaign: i64, p: &PartnerSpec, clock: &Clock) -> Result<i64, sqlx::Error> {
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
        "insert into match_fund (campaign_id, partner_id, currency, ratio, cap_per_pledge, total_cap, created_at) \
         values ($1, $2, 'CHF', $3, $4, $5, $6) returning match_fund_id",
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

// ---------------------------------------------------------------------------------------------
// Pledges

/// Tips added on top of a reward: every third pledge adds one of these in turn.
const TIPS: [i64; 3] = [5, 10, 20];
/// Pledges without a reward on the main campaign (CHF).
const GIFTS: [i64; 6] = [20, 30, 50, 75, 100, 150];

/// A pledge ready to insert.
struct NewPledge {
    campaign: i64,
    backer: i64,
    tier: Option<i64>,
    slot: Option<i64>,
    pickup_point: Option<i64>,
    quantity: i32,
    reward_amount: Decimal,
    extra_amount: Decimal,
    matched_amount: Decimal,
    key: String,
    status: &'static str,
    created_at: DateTime<Utc>,
}

impl NewPledge {
    /// A pledge without a reward, or with one unit of a tier without slot or pickup point.
    fn simple(
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

    fn total(&self) -> Decimal {
        self.reward_amount + self.extra_amount
    }
}

async fn insert_pledge(tx: &mut Tx<'_>, p: &NewPledge) -> Result<i64, sqlx::Error> {
    // Flexible campaigns charge at once: their pledges are collected when made.
    let collected_at = (p.status == "collected").then_some(p.created_at);
    sqlx::query_scalar::<_, i64>(
        "insert into pledge (campaign_id, backer_id, reward_tier_id, reward_slot_id, pickup_point_id, quantity, \
         reward_amount, extra_amount, total_amount, matched_amount, currency, idempotency_key, status, \
         collected_at, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'CHF', $11, $12, $13, $14, $14) returning pledge_id",
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
fn pledge_order() -> Vec<Option<usize>> {
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
fn reward_pledge(
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
fn answer(q: &QuestionSpec, pick: usize, backer: &Backer) -> String {
    match q.choices.len() {
        0 => backer.first_name.to_string(),
        len => q.choices[pick % len].to_string(),
    }
}

struct PledgeStats {
    count: usize,
    matched: Decimal,
}

/// Inserts the main campaign's pledges in time order, matching each as the fund would.
async fn insert_main_pledges(
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
async fn refresh_counters(tx: &mut Tx<'_>, campaigns: &[i64]) -> Result<(), sqlx::Error> {
    let campaigns = campaigns.to_vec();
    sqlx::query(
        "update reward_tier t set claimed = coalesce((select sum(p.quantity) from pledge p \
         where p.reward_tier_id = t.reward_tier_id \
         and p.status in ('pending', 'active', 'collected', 'payment_failed')), 0) \
         where t.campaign_id = any($1)",
    )
    .bind(&campaigns)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "update reward_slot s set claimed = coalesce((select sum(p.quantity) from pledge p \
         where p.reward_slot_id = s.reward_slot_id \
         and p.status in ('pending', 'active', 'collected', 'payment_failed')), 0) \
         where s.reward_tier_id in (select reward_tier_id from reward_tier where campaign_id = any($1))",
    )
    .bind(&campaigns)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "update campaign c set \
         pledged_total = coalesce((select sum(p.total_amount) from pledge p where p.campaign_id = c.campaign_id \
             and p.status in ('active', 'collected', 'payment_failed')), 0), \
         matched_total = coalesce((select sum(p.matched_amount) from pledge p where p.campaign_id = c.campaign_id \
             and p.status in ('active', 'collected', 'payment_failed')), 0), \
         backer_count = (select count(distinct p.backer_id) from pledge p where p.campaign_id = c.campaign_id \
             and p.status in ('active', 'collected', 'payment_failed')) \
         where c.campaign_id = any($1)",
    )
    .bind(&campaigns)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Needs, updates, FAQ

struct OfferSpec {
    name: &'static str,
    email: &'static str,
    quantity: i32,
    message: &'static str,
    status: &'static str,
}

struct NeedSpec {
    kind: &'static str,
    title: &'static str,
    description: &'static str,
    quantity: i32,
    unit: &'static str,
    offers: &'static [OfferSpec],
}

/// Accepted and done offers count toward a need: every need shows progress, none is complete.
#[rustfmt::skip]
const NEEDS: &[NeedSpec] = &[
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

async fn insert_needs(tx: &mut Tx<'_>, campaign: i64, clock: &Clock) -> Result<(), sqlx::Error> {
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
const UPDATES: [(&str, &str, &str, Option<i64>); 5] = [
    ("C’est parti !", "Merci ! Dès le premier jour, plus d’une dizaine de personnes ont rejoint le fil rouge.\n\n- les premiers tote bags sont déjà en coupe ;\n- les premières places de l’atelier teinture sont parties.\n\nParlez-en autour de vous : chaque franc compte, et le Fonds coopératif du Léman ajoute la moitié de votre contribution.", "public", Some(9)),
    ("Visite au jardin de teinture", "Nous avons passé la matinée à Plan-les-Ouates avec Anouk : la **garance** est prête à être récoltée, le **pastel** sèche dans la grange.\n\nLes foulards de la campagne seront teints avec cette récolte.", "public", Some(6)),
    ("Pour nos contributeurs : tailles et couleurs", "Vous avez choisi une taille ou une couleur ? Vous pouvez encore la **modifier** depuis *Mes contributions* jusqu’à l’échéance.\n\nPour les t-shirts brodés, vérifiez l’orthographe du prénom : nous brodons exactement ce que vous avez écrit.", "backers", Some(4)),
    ("La veste en chanvre est épuisée", "Les cinq vestes numérotées ont trouvé preneur en une semaine. Merci !\n\nSi vous l’avez manquée, Margot propose le **pull en laine bouillie** et le **t-shirt brodé**, toujours disponibles.", "public", Some(2)),
    ("Le programme de l’apéro", "Brouillon : annoncer le programme de l’apéro avec les créatrices et créateurs, et la liste des prototypes exposés.", "public", None),
];

async fn insert_updates(tx: &mut Tx<'_>, campaign: i64, author: i64, clock: &Clock) -> Result<(), sqlx::Error> {
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

const FAQ: [(&str, &str); 5] = [
    ("Quand ma carte est-elle débitée ?", "Seulement si l’objectif de **CHF 25’000** est atteint à l’échéance. Votre carte est enregistrée de façon sécurisée au moment de la promesse, mais aucun montant n’est bloqué d’ici là."),
    ("Où et quand retirer mon objet ?", "Vous choisissez un point de retrait en faisant votre promesse : **La Fabrique du Quai**, **Maison Reprise** à Carouge ou le **Café-atelier Le Dé à coudre**. Nous vous écrivons dès que votre objet est prêt."),
    ("Comment choisir la date de mon atelier ou de mon parcours ?", "Chaque atelier, parcours et rencontre propose une ou plusieurs dates avec un nombre de places limité. Choisissez la vôtre au moment de la promesse ; vous pouvez en changer tant qu’il reste des places."),
    ("Puis-je modifier ou annuler ma promesse ?", "Oui, jusqu’à l’échéance, depuis la page *Mes contributions*. Votre récompense est alors libérée pour quelqu’un d’autre."),
    ("Et si l’objectif n’est pas atteint, ou un atelier annulé ?", "Si l’objectif n’est pas atteint, personne n’est débité. Si un atelier devait être annulé après la campagne, nous vous proposons une autre date ou le remboursement de la récompense."),
];

async fn insert_faq(tx: &mut Tx<'_>, campaign: i64) -> Result<(), sqlx::Error> {
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

// ---------------------------------------------------------------------------------------------
// The second campaign: a flexible one in Carouge

#[rustfmt::skip]
const CAROUGE_TIERS: &[TierSpec] = &[
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
const CAROUGE_PLEDGES: [(Option<usize>, i64); 10] = [
    (Some(0), 0), (Some(1), 10), (Some(0), 5), (None, 40), (Some(2), 0),
    (Some(1), 0), (Some(0), 20), (None, 25), (Some(1), 5), (Some(2), 30),
];

/// Inserts the Carouge campaign and its collected pledges; returns its id and pledge count.
async fn insert_carouge(
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

// ---------------------------------------------------------------------------------------------
// Long texts

const MAIN_SUMMARY: &str = "Six créatrices et créateurs genevois ouvrent un atelier partagé de mode durable : circuits courts, zéro déchet et réparation. Soutenez-les et repartez avec un objet, un atelier, un parcours ou une rencontre.";

const MAIN_STORY: &str = r#"## Qui sommes-nous ?

**Fil Rouge** est un collectif de six créatrices et créateurs installés à Genève, Carouge, Lancy, Meyrin, Plan-les-Ouates et Nyon. Nous cousons, teignons, réparons et transformons des vêtements depuis des années, chacun dans notre coin. Aujourd’hui, nous voulons unir nos forces dans un **atelier partagé**, ouvert au public, au bord du Rhône.

## Des circuits courts, vraiment courts

Nos matières voyagent le moins possible : chanvre et lin filés en Europe, laine de fin de série rachetée aux drapiers, tissus dormants récupérés chez des confectionneurs romands, cuir sauvé de la benne. Aucun de nos ateliers n’est à plus de 25 km de Genève, et chaque récompense indique **qui l’a fabriquée et où**.

## Zéro déchet, de la coupe à la réparation

- **Coupe zéro chute** : nos patrons utilisent toute la largeur du tissu.
- **Upcycling** : les chutes deviennent pochettes, tote bags et cartes brodées.
- **Teintures végétales** : garance, pastel et gaude, cultivées à Plan-les-Ouates.
- **Réparation** : chaque pièce du collectif est réparée gratuitement, à vie.

## À quoi servira votre soutien ?

Avec **CHF 25’000**, nous ouvrons l’atelier pour six mois :

1. Machines à coudre et surjeteuses d’occasion, révisées : CHF 7’500
2. Loyer de l’atelier partagé pendant six mois : CHF 6’000
3. Rémunération des créatrices et créateurs pour les ateliers publics : CHF 5’500
4. Tissus dormants et fibres locales : CHF 3’500
5. Frais de paiement et de plateforme : CHF 2’500

## Tout ou rien

Cette campagne fonctionne en **tout ou rien** : votre carte n’est débitée que si l’objectif est atteint à l’échéance. Si nous le dépassons, le surplus financera des heures de réparation gratuites pour les élèves des écoles de couture genevoises.

Merci de tirer ce fil rouge avec nous !
"#;

const CAROUGE_SUMMARY: &str = "Une boutique de quartier où l’on répare, échange et prête des vêtements plutôt que d’en acheter de nouveaux. Aidez-nous à l’équiper avant l’hiver.";

const CAROUGE_STORY: &str = r#"## Réparer, échanger, prêter

Le **Vestiaire circulaire** ouvre ses portes à Carouge : un comptoir de réparation, un portant d’échange et une garde-robe de prêt pour les grandes occasions.

## Ce que nous finançons

- une machine à coudre et une table de repassage professionnelles ;
- des étagères et des portants en bois de récupération ;
- six mois de permanences de réparation à prix libre.

Cette campagne est **flexible** : chaque contribution est encaissée tout de suite et sert au projet, même si l’objectif n’est pas atteint.
"#;
