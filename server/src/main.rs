// Release builds (without `--cfg erase_components`) nest the app's view types deeply.
#![recursion_limit = "512"]

use trame::{config::Config, seed, startup::Application, telemetry};

/// mimalloc rather than glibc's malloc: page rendering allocates many small strings.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let _ = dotenvy::dotenv();
    let config = Config::from_env()?;
    telemetry::init(&config);
    match std::env::args().nth(1).as_deref() {
        None | Some("serve") => Application::build(config).await?.run_until_stopped().await?,
        Some("migrate") => drop(trame::startup::connect_and_migrate(&config).await?),
        Some("seed") => {
            let pool = trame::startup::connect_and_migrate(&config).await?;
            // seeded first: a macro's fields are not evaluated when its level is off (RUST_LOG=warn)
            let outcome = seed::seed(&pool).await?;
            tracing::info!(?outcome, "demo data");
        }
        Some("check-totals") => {
            // every campaign's totals against its pledges: a non-zero exit for monitoring
            let pool = trame::startup::connect_and_migrate(&config).await?;
            let mismatches = app::backend::db::pledges::check_totals(&mut *pool.acquire().await?).await?;
            for m in &mismatches {
                eprintln!(
                    "campaign {}: pledged_total {} but pledges sum to {}; backer_count {} but {} backers",
                    m.campaign_id, m.pledged_total, m.pledges_sum, m.backer_count, m.backers
                );
            }
            let matches = app::backend::db::pledges::check_matches(&mut *pool.acquire().await?).await?;
            for m in &matches {
                match m.match_fund_id {
                    Some(fund) => eprintln!(
                        "match fund {fund} (campaign {}): matched_total {} but its pledges hold {}",
                        m.campaign_id, m.recorded, m.pledges_sum
                    ),
                    None => eprintln!(
                        "campaign {}: matched_total {} but its pledges' matches sum to {}",
                        m.campaign_id, m.recorded, m.pledges_sum
                    ),
                }
            }
            if !mismatches.is_empty() || !matches.is_empty() {
                return Err(format!(
                    "{} campaign(s) with totals and {} match total(s) that differ from their pledges",
                    mismatches.len(),
                    matches.len()
                )
                .into());
            }
            println!("campaign totals and match funds match their pledges");
        }
        Some(other) => {
            return Err(format!("unknown command {other:?}; use serve, migrate, seed or check-totals").into())
        }
    }
    Ok(())
}
