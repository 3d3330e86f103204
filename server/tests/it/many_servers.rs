//! Several servers in one process, as in these tests (each test on a thread and runtime of its
//! own): starting one never stalls another's pages. Leptos finds an app's routes by rendering
//! it with a process-wide flag set that keeps every resource from loading; a page rendered by
//! another thread meanwhile waited forever for its data (`routes::app_routes` now finds them
//! once per process).

use crate::support::TestApp;
use sqlx::PgPool;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

#[sqlx::test(migrations = "../migrations")]
async fn starting_a_server_never_stalls_another_servers_pages(pool: PgPool) {
    let app = Arc::new(TestApp::seeded(pool.clone()).await);
    let done = Arc::new(AtomicBool::new(false));
    // other servers start and stop, on another thread with its own runtime, like other tests
    let starter = {
        let (pool, done) = (pool.clone(), done.clone());
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
            runtime.block_on(async move {
                let mut started = 0;
                while !done.load(Ordering::Relaxed) {
                    TestApp::spawn_own_pool(pool.clone(), &[]).await.stop().await;
                    started += 1;
                }
                started
            })
        })
    };
    // meanwhile three visitors read the campaign page over and over (a GET fails after 30 s)
    let readers: Vec<_> = (0..3)
        .map(|_| {
            let app = app.clone();
            tokio::spawn(async move {
                for _ in 0..40 {
                    let (status, html) = app.page("/campaigns/fil-rouge-geneve", &[]).await;
                    assert_eq!(status, 200);
                    assert!(html.contains(r#"id="raised""#), "the whole page arrived");
                }
            })
        })
        .collect();
    for reader in readers {
        reader.await.expect("a page never arrived");
    }
    done.store(true, Ordering::Relaxed);
    assert!(starter.join().expect("the starter panicked") > 0);
}
