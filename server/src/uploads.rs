//! Uploads, posted as plain multipart forms (they work without JavaScript): a campaign's
//! pictures and its designers' portraits (its team), a designer's own portrait (the designer
//! who claimed the profile) and a partner's logo (the partner). Each answers with a redirect back to
//! its page, `?done=` on success or `?{...}_error=` naming what is wrong; nothing is kept of a
//! refused upload. Only these routes take a body of a picture's size.

use app::backend::AppState;
use app::error::AppError;
use app::i18n::Key;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use tower_sessions::Session;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/studio/campaigns/{id}/images", post(upload_image))
        .route("/me/partners/{id}/logo", post(upload_logo))
        .route("/studio/campaigns/{id}/designers/{designer}/photo", post(upload_designer_photo))
        .route(app::paths::MY_DESIGNER_PHOTO, post(upload_my_photo))
        // past the limit, reading the form fails and the page says the file is too large
        .layer(axum::extract::DefaultBodyLimit::max(app::backend::media::MAX_BYTES + 64 * 1024))
}

/// The form's `file` and `alt` fields; `ImageTooLarge` when the body is past the limit or cut.
async fn read(mut form: Multipart) -> Result<(Vec<u8>, String), Key> {
    let (mut bytes, mut alt) = (Vec::new(), String::new());
    while let Some(field) = form.next_field().await.map_err(|_| Key::ImageTooLarge)? {
        let name = field.name().unwrap_or_default().to_owned();
        let data = field.bytes().await.map_err(|_| Key::ImageTooLarge)?;
        match name.as_str() {
            "file" => bytes = data.to_vec(),
            "alt" => alt = String::from_utf8_lossy(&data).into_owned(),
            _ => {}
        }
    }
    Ok((bytes, alt))
}

fn status(e: &AppError) -> Response {
    (StatusCode::from_u16(e.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR), "").into_response()
}

/// The signed-in account is on the campaign's team (owner or editor; admins too).
async fn on_team(state: &AppState, session: &Session, id: app::domain::CampaignId) -> Result<(), AppError> {
    let user = app::backend::auth::load_user(state, session).await?.ok_or(AppError::Unauthorized)?;
    app::backend::auth::member_of(state, &user, id, app::domain::MemberRole::Editor).await
}

/// The redirect back to `page` (`#fragment` kept last): done, or the refusal named.
fn back(page: &str, fragment: &str, done: &str, error_param: &str, outcome: Result<(), Key>) -> Response {
    let to = match outcome {
        Ok(()) => format!("{}#{fragment}", app::paths::done(page, done)),
        Err(key) => format!("{page}?{error_param}={key:?}#{fragment}"),
    };
    Redirect::to(&to).into_response()
}

/// The result of storing an upload, as the redirect back or an error status.
fn answer(stored: Result<(), AppError>, back: impl Fn(Result<(), Key>) -> Response) -> Response {
    match stored {
        Ok(()) => back(Ok(())),
        Err(AppError::Validation { message, .. }) => back(Err(message)),
        Err(e) => status(&e),
    }
}

/// A picture for a campaign (`file`, `alt`), by its team.
async fn upload_image(
    State(state): State<AppState>,
    session: Session,
    Path(campaign): Path<i64>,
    form: Multipart,
) -> Response {
    let id = app::domain::CampaignId(campaign);
    if let Err(e) = on_team(&state, &session, id).await {
        return status(&e);
    }
    let editor = app::paths::studio_campaign(id);
    let back = |outcome| back(&editor, "images", "image", "image_error", outcome);
    match read(form).await {
        Ok((bytes, alt)) => answer(app::backend::media::upload(&state, id, bytes, &alt).await, back),
        Err(key) => back(Err(key)),
    }
}

/// The portrait (`file`) of a designer linked to the campaign, by its team: a square-ish JPEG
/// of at most 600 pixels.
async fn upload_designer_photo(
    State(state): State<AppState>,
    session: Session,
    Path((campaign, designer)): Path<(i64, i64)>,
    form: Multipart,
) -> Response {
    let id = app::domain::CampaignId(campaign);
    if let Err(e) = on_team(&state, &session, id).await {
        return status(&e);
    }
    let page = app::paths::studio_designers(id);
    let back = |outcome| back(&page, &format!("designer-{designer}"), "photo", "photo_error", outcome);
    let (bytes, _) = match read(form).await {
        Ok(read) => read,
        Err(key) => return back(Err(key)),
    };
    let pool = state.pool.clone();
    let stored = portrait(&state, designer, bytes, |url| async move {
        let mut tx = pool.begin().await?;
        let old = app::backend::db::studio::designers::set_photo(&mut tx, id, designer, &url).await?;
        tx.commit().await?;
        Ok(old)
    })
    .await;
    answer(stored, back)
}

/// The portrait (`file`) of the profile the signed-in designer claimed.
async fn upload_my_photo(State(state): State<AppState>, session: Session, form: Multipart) -> Response {
    let (user, designer) = match my_designer(&state, &session).await {
        Ok(found) => found,
        Err(e) => return status(&e),
    };
    let back = |outcome| back(app::paths::MY_DESIGNER, "portrait-heading", "photo", "photo_error", outcome);
    let (bytes, _) = match read(form).await {
        Ok(read) => read,
        Err(key) => return back(Err(key)),
    };
    let pool = state.pool.clone();
    let stored = portrait(&state, designer, bytes, |url| async move {
        let mut tx = pool.begin().await?;
        let old = app::backend::db::designer_claims::set_my_photo(&mut tx, user, &url).await?;
        tx.commit().await?;
        Ok(old)
    })
    .await;
    answer(stored, back)
}

/// The signed-in account and the designer whose profile it claimed (`NotFound` when none).
async fn my_designer(state: &AppState, session: &Session) -> Result<(app::domain::UserId, i64), AppError> {
    let user = signed_in(state, session).await?;
    let designer = app::backend::db::designer_claims::my_designer_id(&mut *state.pool.acquire().await?, user).await?;
    Ok((user, designer))
}

/// The signed-in account (`Unauthorized` for a stranger).
async fn signed_in(state: &AppState, session: &Session) -> Result<app::domain::UserId, AppError> {
    match app::backend::auth::load_user(state, session).await? {
        Some(user) => Ok(user.id),
        None => Err(AppError::Unauthorized),
    }
}

/// Stores a designer's portrait, a square-ish JPEG of at most 600 pixels, and `record`s its
/// address (which answers the address it replaces).
async fn portrait<F, Fut>(state: &AppState, designer: i64, bytes: Vec<u8>, record: F) -> Result<(), AppError>
where
    F: FnOnce(String) -> Fut,
    Fut: std::future::Future<Output = Result<Option<String>, AppError>>,
{
    let jpeg = app::backend::media::ImageFormat::Jpeg;
    app::backend::media::replace_one(state, &format!("designers/{designer}"), bytes, 200, (600, 600), jpeg, record)
        .await
}

/// A partner's logo (`file`), by the partner who applied.
async fn upload_logo(
    State(state): State<AppState>,
    session: Session,
    Path(partner): Path<i64>,
    form: Multipart,
) -> Response {
    let user = match signed_in(&state, &session).await {
        Ok(user) => user,
        Err(e) => return status(&e),
    };
    let back = |outcome| back(app::paths::MY_PARTNERS, &format!("partner-{partner}"), "logo", "logo_error", outcome);
    match read(form).await {
        Ok((bytes, _)) => answer(app::backend::partners::upload_logo(&state, partner, user, bytes).await, back),
        Err(key) => back(Err(key)),
    }
}
