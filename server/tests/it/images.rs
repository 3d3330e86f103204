//! Campaign pictures over HTTP: an upload is judged by its bytes, re-encoded at a few widths
//! and served with long cache headers; a file that is not a picture, one too large, and a
//! small file claiming huge dimensions are refused, and a refusal leaves nothing behind.

use crate::support::studio::*;
use crate::support::TestApp;
use app::backend::media::samples::{bomb, png};

/// Every file under the app's media folder.
fn files(app: &TestApp) -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&app.email_dir.join("media"), &mut out);
    out
}

async fn upload(
    app: &TestApp,
    client: &reqwest::Client,
    campaign: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .part("file", reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()))
        .text("alt", "L’atelier, rue de Carouge");
    client.post(format!("{}/studio/campaigns/{campaign}/images", app.base)).multipart(form).send().await.unwrap()
}

fn location(response: &reqwest::Response) -> String {
    assert_eq!(response.status(), 303);
    response.headers()["location"].to_str().unwrap().to_owned()
}

#[sqlx::test(migrations = "../migrations")]
async fn pictures_are_checked_reencoded_and_served(pool: sqlx::PgPool) {
    let app = TestApp::spawn(pool.clone()).await;
    let owner = member(&app, "owner@example.org", true).await;
    let other = member(&app, "other@example.org", true).await;
    start(&app, &owner, "Atelier").await;
    let id = my_campaign(&app, &owner).await["id"].to_string();

    // refused, each with its reason, and nothing kept
    let refusals = [
        ("photo.jpg", b"%PDF-1.7 this is a document".to_vec(), "ImageNotImage"),
        ("huge.png", vec![0u8; 11 * 1024 * 1024], "ImageTooLarge"),
        ("bomb.png", bomb(30_000), "ImageTooManyPixels"),
        ("tiny.png", png(100, 80), "ImageTooSmall"),
    ];
    for (name, bytes, reason) in refusals {
        let response = upload(&app, &owner, &id, name, bytes).await;
        assert!(location(&response).contains(&format!("image_error={reason}")), "{name}");
    }
    assert_eq!(upload(&app, &other, &id, "photo.png", png(800, 600)).await.status(), 403, "another team");
    assert_eq!(upload(&app, &app.browser(), &id, "photo.png", png(800, 600)).await.status(), 401);
    let rows: i64 = sqlx::query_scalar("select count(*) from campaign_image").fetch_one(&pool).await.unwrap();
    assert_eq!((rows, files(&app).len()), (0, 0), "a refused upload leaves nothing behind");

    // accepted: two widths for a 1000-pixel picture, JPEG, no metadata, cached a year
    let response = upload(&app, &owner, &id, "atelier.png", png(1000, 600)).await;
    assert!(location(&response).contains("done=image"));
    let editor: serde_json::Value = app.call(&owner, "studio/editor", &[("campaign", &id)]).await.json().await.unwrap();
    let image = &editor["images"][0];
    assert_eq!(image["alt"], "L’atelier, rue de Carouge");
    let srcset = image["srcset"].as_str().unwrap();
    assert!(srcset.contains(" 480w") && srcset.contains(" 960w") && !srcset.contains("1600w"), "{srcset}");
    assert_eq!(files(&app).len(), 2);
    let served = app.get(image["url"].as_str().unwrap()).await;
    assert_eq!(served.status(), 200);
    assert_eq!(served.headers()["cache-control"], "public, max-age=31536000, immutable");
    let bytes = served.bytes().await.unwrap();
    assert_eq!(&bytes[..3], &[0xFF, 0xD8, 0xFF], "a JPEG");
    assert!(!bytes.windows(4).any(|w| w == b"Exif"), "no metadata carried over");

    // a second picture becomes the hero; removing one removes its files
    upload(&app, &owner, &id, "second.png", png(500, 500)).await;
    let editor: serde_json::Value = app.call(&owner, "studio/editor", &[("campaign", &id)]).await.json().await.unwrap();
    let (first, second) = (editor["images"][0]["id"].to_string(), editor["images"][1]["id"].to_string());
    assert_eq!(app.call(&owner, "studio/image/hero", &[("campaign", &id), ("image", &second)]).await.status(), 200);
    let editor: serde_json::Value = app.call(&owner, "studio/editor", &[("campaign", &id)]).await.json().await.unwrap();
    assert_eq!(editor["images"][0]["id"].to_string(), second);
    assert_eq!(app.call(&owner, "studio/image/remove", &[("campaign", &id), ("image", &first)]).await.status(), 200);
    assert_eq!(files(&app).len(), 1, "the 500-pixel picture's one width is left");
    app.stop().await;
}
