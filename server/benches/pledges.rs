//! Pledge creation under a crowd, without Stripe: 50, then 500 backers race for a reward tier of
//! 10 units through the production function (`Payments::create_pledge_row`: the claim, the pending
//! pledge, the queued release of its hold), five rounds each. Prints attempts/s (the refused
//! "sold out" ones included: they cost the database too) and latency percentiles as Markdown.
//!
//! `make bench` (server/scripts/bench.sh) runs it in release and puts pgbench's simple-update TPS
//! on the same server next to it. DATABASE_URL names the server: the bench works in the database
//! `trame_bench` on it, dropped and created again at each run.

use app::backend::AppState;
use app::domain::{CampaignId, PledgeChoice, RewardTierId, UserId};
use app::error::AppError;
use rust_decimal::Decimal;
use sqlx::postgres::PgPoolOptions;
use sqlx::{Connection, Executor, PgConnection, PgPool};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Barrier;
use tracing_subscriber::EnvFilter;
use trame::config::Config;
use trame::startup::Application;

/// The database the bench owns on DATABASE_URL's server.
const BENCH_DB: &str = "trame_bench";
/// Crowd sizes: the concurrency test's order of magnitude, and ten times it.
const CROWDS: [usize; 2] = [50, 500];
/// Rounds per crowd unless `BENCH_ROUNDS` says otherwise (more rounds, steadier figures).
const ROUNDS: usize = 5;
/// Units of each raced tier: exactly this many attempts win a round.
const UNITS: i32 = 10;
/// The production default (DATABASE_MAX_CONNECTIONS): the crowd queues for these.
const POOL_SIZE: u32 = 20;

type BoxError = Box<dyn std::error::Error>;

fn main() -> Result<(), BoxError> {
    // AppError::Internal only logs its cause: show those logs (RUST_LOG for more)
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("error")))
        .init();
    // harness = false gives a plain main: the runtime is built by hand, multi-threaded like the server's
    tokio::runtime::Builder::new_multi_thread().enable_all().build()?.block_on(run())
}

async fn run() -> Result<(), BoxError> {
    let server_url = std::env::var("DATABASE_URL").map_err(|_| "DATABASE_URL is not set")?;
    let url = recreate_database(&server_url).await?;
    let pool = PgPoolOptions::new().max_connections(POOL_SIZE).connect(&url).await?;
    trame::startup::migrate(&pool).await?;
    let state = Arc::new(app_state(&url, pool.clone()).await?);
    let campaign = live_campaign(&pool).await?;
    // a fresh crowd each round: a backer may hold only three pending pledges on a campaign, and
    // the winners of a round would otherwise be refused in the next ones
    let rounds = match std::env::var("BENCH_ROUNDS") {
        Ok(n) => n.parse::<usize>().map_err(|e| format!("BENCH_ROUNDS: {e}"))?.max(1),
        Err(_) => ROUNDS,
    };
    let needed = CROWDS[0] + CROWDS.iter().map(|c| c * rounds).sum::<usize>();
    let backers = insert_backers(&pool, needed).await?;
    let mut crowds = backers.iter().copied();
    let version: String = sqlx::query_scalar("select current_setting('server_version')").fetch_one(&pool).await?;
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);

    // opens the pool's connections and prepares their statements: not measured
    let warm_up: Vec<i64> = crowds.by_ref().take(CROWDS[0]).collect();
    race(&state, &pool, campaign, &warm_up, "warm-up").await?;
    let mut rows = Vec::new();
    for crowd in CROWDS {
        let mut attempts = Vec::new();
        let mut wall = Duration::ZERO;
        for round in 0..rounds {
            let crowd_backers: Vec<i64> = crowds.by_ref().take(crowd).collect();
            let raced = race(&state, &pool, campaign, &crowd_backers, &format!("{crowd}-{round}")).await?;
            wall += raced.wall;
            attempts.extend(raced.attempts);
        }
        rows.push(Summary::of(crowd, wall, &attempts));
    }

    println!("## Pledge creation: {rounds} rounds per crowd, each for a fresh tier of {UNITS} units\n");
    println!(
        "PostgreSQL {version}, pool of {POOL_SIZE} connections, {threads} tokio worker threads, no Stripe call. \
         Latency is one `create_pledge_row` call, waiting for a pool connection included.\n"
    );
    print_table(&rows);

    // pending pledges do not count toward the totals yet: this checks that nothing moved them
    let mut db = pool.acquire().await?;
    let mismatches = app::backend::db::pledges::check_totals(&mut db).await?;
    assert!(mismatches.is_empty(), "campaign totals differ from the pledges: {mismatches:?}");
    println!("\nCampaign totals match the pledges (check_totals: no mismatch).");
    drop(db);
    pool.close().await;
    Ok(())
}

/// What one backer's call returned.
enum Outcome {
    Won,
    SoldOut,
    Failed(AppError),
}

struct Attempt {
    /// When the call started (after the start barrier).
    started: Instant,
    latency: Duration,
    outcome: Outcome,
}

/// One round's calls, and the time from the first call's start to the last one's end.
struct Round {
    attempts: Vec<Attempt>,
    wall: Duration,
}

/// One round: a fresh tier of UNITS units, then every backer asks for one unit at the same moment.
/// Panics unless exactly UNITS calls won and the database holds exactly UNITS claims and pledges.
async fn race(
    state: &Arc<AppState>,
    pool: &PgPool,
    campaign: i64,
    backers: &[i64],
    label: &str,
) -> Result<Round, BoxError> {
    let tier = limited_tier(pool, campaign).await?;
    let choice = Arc::new(PledgeChoice {
        tier: Some(RewardTierId(tier)),
        slot: None,
        pickup: None,
        quantity: 1,
        extra: Decimal::ZERO,
        currency: "CHF".into(),
        answers: vec![],
    });
    let start = Arc::new(Barrier::new(backers.len()));
    let tasks: Vec<_> = backers
        .iter()
        .enumerate()
        .map(|(i, &backer)| {
            let (state, choice, start) = (state.clone(), choice.clone(), start.clone());
            // one key per backer and round, as each pledge form carries (8 to 100 characters)
            let key = format!("bench-{label}-{i}");
            tokio::spawn(async move {
                start.wait().await;
                let started = Instant::now();
                let payments = state.payments();
                let result = payments.create_pledge_row(UserId(backer), CampaignId(campaign), &choice, &key).await;
                let latency = started.elapsed();
                let outcome = match result {
                    Ok(_) => Outcome::Won,
                    Err(AppError::SoldOut) => Outcome::SoldOut,
                    Err(e) => Outcome::Failed(e),
                };
                Attempt { started, latency, outcome }
            })
        })
        .collect();
    let mut attempts = Vec::with_capacity(tasks.len());
    for task in tasks {
        attempts.push(task.await?);
    }

    let failures = attempts.iter().filter_map(|a| match &a.outcome {
        Outcome::Failed(e) => Some(e),
        _ => None,
    });
    for failure in failures.take(3) {
        eprintln!("round {label}: {failure:?}");
    }
    let won = attempts.iter().filter(|a| matches!(a.outcome, Outcome::Won)).count();
    assert_eq!(won, UNITS as usize, "round {label}: {won} pledges won {UNITS} units");
    let (claimed, pledges): (i32, i64) = sqlx::query_as(
        "select claimed, (select count(*) from pledge p where p.reward_tier_id = t.reward_tier_id)
         from reward_tier t where reward_tier_id = $1",
    )
    .bind(tier)
    .fetch_one(pool)
    .await?;
    assert_eq!((claimed, pledges), (UNITS, i64::from(UNITS)), "round {label}: units claimed, pledges saved");

    let first = attempts.iter().map(|a| a.started).min();
    let last = attempts.iter().map(|a| a.started + a.latency).max();
    let wall = match (first, last) {
        (Some(first), Some(last)) => last - first,
        _ => Duration::ZERO,
    };
    Ok(Round { attempts, wall })
}

/// One line of the table: a crowd size over all its rounds.
struct Summary {
    crowd: usize,
    attempts: usize,
    wall: Duration,
    p50: Duration,
    p99: Duration,
    max: Duration,
    won: usize,
    sold_out: usize,
    failed: usize,
}

impl Summary {
    fn of(crowd: usize, wall: Duration, attempts: &[Attempt]) -> Summary {
        let mut latencies: Vec<Duration> = attempts.iter().map(|a| a.latency).collect();
        latencies.sort_unstable();
        let count = |is: fn(&Outcome) -> bool| attempts.iter().filter(|a| is(&a.outcome)).count();
        Summary {
            crowd,
            attempts: attempts.len(),
            wall,
            p50: percentile(&latencies, 50.0),
            p99: percentile(&latencies, 99.0),
            max: latencies.last().copied().unwrap_or_default(),
            won: count(|o| matches!(o, Outcome::Won)),
            sold_out: count(|o| matches!(o, Outcome::SoldOut)),
            failed: count(|o| matches!(o, Outcome::Failed(_))),
        }
    }
}

/// Nearest-rank percentile `p` (0 to 100) of sorted latencies.
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn print_table(rows: &[Summary]) {
    println!(
        "| backers | attempts | wall (s) | attempts/s | p50 (ms) | p99 (ms) | max (ms) | won | sold out | errors |"
    );
    println!("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    for r in rows {
        println!(
            "| {} | {} | {:.3} | {:.0} | {:.2} | {:.2} | {:.2} | {} | {} | {} |",
            r.crowd,
            r.attempts,
            r.wall.as_secs_f64(),
            r.attempts as f64 / r.wall.as_secs_f64(),
            ms(r.p50),
            ms(r.p99),
            ms(r.max),
            r.won,
            r.sold_out,
            r.failed
        );
    }
}

/// `url` with its database (the path after the last '/') replaced by `name`; parameters kept.
fn database_url(url: &str, name: &str) -> Result<String, BoxError> {
    let (base, params) = match url.split_once('?') {
        Some((base, params)) => (base, Some(params)),
        None => (url, None),
    };
    let authority = base.find("://").ok_or("DATABASE_URL is not a URL (postgres://...)")? + 3;
    let server = match base[authority..].rfind('/') {
        Some(slash) => &base[..authority + slash],
        None => base,
    };
    Ok(match params {
        Some(params) => format!("{server}/{name}?{params}"),
        None => format!("{server}/{name}"),
    })
}

/// Drops and creates the bench's database (through `url`'s), and returns its URL.
async fn recreate_database(url: &str) -> Result<String, BoxError> {
    let bench_url = database_url(url, BENCH_DB)?;
    let mut admin = PgConnection::connect(url).await?;
    // a plain string goes by the simple protocol, outside any transaction block, as these require
    admin.execute(format!("drop database if exists {BENCH_DB} with (force)").as_str()).await?;
    admin.execute(format!("create database {BENCH_DB}").as_str()).await?;
    admin.close().await?;
    Ok(bench_url)
}

/// The server's real state (pool, job queue, a Stripe client never called), without serving.
async fn app_state(url: &str, pool: PgPool) -> Result<AppState, BoxError> {
    // absolute: benches run in server/, and target/ is the workspace's
    let mail = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/bench-mail");
    let settings = [
        ("DATABASE_URL", url),
        ("LEPTOS_SITE_ADDR", "127.0.0.1:0"),
        ("TRAME_WORKER", "false"),
        ("STRIPE_SECRET_KEY", "sk_test_bench"),
        ("STRIPE_PUBLISHABLE_KEY", "pk_test_bench"),
        ("STRIPE_WEBHOOK_SECRET", "whsec_bench"),
        ("EMAIL_DIR", mail),
    ];
    let config = Config::from_lookup(|name| settings.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()))?;
    // binds a port it never serves on; dropped with `app` once the state is cloned out
    let app = Application::build_with_pool(config, pool).await?;
    Ok(app.state())
}

/// A live campaign ending in an hour (as `fixtures::campaign` in the tests), in CHF.
async fn live_campaign(pool: &PgPool) -> Result<i64, sqlx::Error> {
    let owner: i64 = sqlx::query_scalar(
        "insert into app_user (email, display_name, password_hash) values ('owner@example.org', 'Owner', null)
         returning user_id",
    )
    .fetch_one(pool)
    .await?;
    let campaign: i64 = sqlx::query_scalar(
        "insert into campaign (slug, title, goal, funding_model, starts_at, ends_at, status, launched_at)
         values ('bench', 'Bench campaign', $1, 'all_or_nothing', now() - interval '1 day', now() + interval '1 hour',
                 'live', now())
         returning campaign_id",
    )
    .bind(Decimal::from(1000))
    .fetch_one(pool)
    .await?;
    sqlx::query("insert into campaign_member (campaign_id, user_id, role) values ($1, $2, 'owner')")
        .bind(campaign)
        .bind(owner)
        .execute(pool)
        .await?;
    Ok(campaign)
}

/// A CHF 40 object of UNITS units, one per pledge.
async fn limited_tier(pool: &PgPool, campaign: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "insert into reward_tier (campaign_id, title, kind, price, quantity_limit, fulfilment)
         values ($1, 'Sac en lin recyclé', 'object', $2, $3, 'shipping') returning reward_tier_id",
    )
    .bind(campaign)
    .bind(Decimal::from(40))
    .bind(UNITS)
    .fetch_one(pool)
    .await
}

/// `n` backer accounts without password: the bench calls the pledge function as them directly.
async fn insert_backers(pool: &PgPool, n: usize) -> Result<Vec<i64>, sqlx::Error> {
    let mut ids = Vec::with_capacity(n);
    for i in 0..n {
        let id: i64 = sqlx::query_scalar(
            "insert into app_user (email, display_name, password_hash) values ($1, $2, null) returning user_id",
        )
        .bind(format!("backer-{i}@example.org"))
        .bind(format!("Backer {i}"))
        .fetch_one(pool)
        .await?;
        ids.push(id);
    }
    Ok(ids)
}
