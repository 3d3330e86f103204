use trame::{config::Config, seed, startup::Application, telemetry};

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
            tracing::info!(outcome = ?seed::seed(&pool).await?, "demo data");
        }
        Some(other) => return Err(format!("unknown command {other:?}; use serve, migrate or seed").into()),
    }
    Ok(())
}
