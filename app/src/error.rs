//! The one error type of Trame. Client cases are named; everything else is `Internal`, logged
//! with its cause on the server and shown to the user as a polite sentence.

use crate::i18n::Key;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("sign-in required")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    /// A field of the user's input is wrong; `message` says how to fix it.
    #[error("invalid {field}")]
    Validation { field: String, message: Key },
    #[error("sold out")]
    SoldOut,
    #[error("campaign closed")]
    CampaignClosed,
    #[error("too many requests")]
    TooManyRequests,
    /// The server is saturated or the request took too long: try again in a moment.
    #[error("server busy")]
    Busy,
    /// The cause was logged on the server; the browser only learns that something failed.
    #[error("internal error")]
    Internal,
    /// Calling the server failed (network, encoding); said to the user like `Internal`.
    #[error("server call failed: {0}")]
    Transport(String),
}

impl AppError {
    /// The HTTP status that goes with the error.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::Validation { .. } => 422,
            AppError::SoldOut | AppError::CampaignClosed => 409,
            AppError::TooManyRequests => 429,
            AppError::Busy => 503,
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }

    /// The sentence shown to the user.
    pub fn message(&self) -> Key {
        match self {
            AppError::NotFound => Key::NotFoundText,
            AppError::Unauthorized => Key::UnauthorizedText,
            AppError::Forbidden => Key::ForbiddenText,
            AppError::Validation { message, .. } => *message,
            AppError::SoldOut => Key::SoldOutText,
            AppError::CampaignClosed => Key::CampaignClosedText,
            AppError::TooManyRequests => Key::TooManyRequestsText,
            AppError::Busy => Key::BusyText,
            AppError::Internal | AppError::Transport(_) => Key::InternalErrorText,
        }
    }

    /// A refused input, named by its field, with the sentence that says why.
    pub fn invalid(field: &str, message: Key) -> AppError {
        AppError::Validation { field: field.to_owned(), message }
    }

    /// Logs an unexpected failure with its cause chain and hides it from the user.
    #[cfg(feature = "ssr")]
    pub fn internal(context: &str, cause: &(dyn std::error::Error + 'static)) -> AppError {
        let mut chain = cause.to_string();
        let mut source = cause.source();
        while let Some(s) = source {
            chain.push_str(": ");
            chain.push_str(&s.to_string());
            source = s.source();
        }
        tracing::error!(error = %chain, "{context}");
        AppError::Internal
    }

    /// Logs a broken invariant (no underlying error) and hides it from the user.
    #[cfg(feature = "ssr")]
    pub fn internal_msg(what: &str) -> AppError {
        tracing::error!("{what}");
        AppError::Internal
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::RowNotFound => AppError::NotFound,
            other => AppError::internal("database", &other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        assert_eq!(AppError::NotFound.status_code(), 404);
        assert_eq!(AppError::SoldOut.status_code(), 409);
        assert_eq!(AppError::Internal.status_code(), 500);
        assert_eq!(AppError::Validation { field: "email".into(), message: Key::InvalidInputText }.status_code(), 422);
    }

    #[test]
    fn internal_details_never_reach_the_user() {
        assert_eq!(AppError::Transport("connection reset".into()).message(), Key::InternalErrorText);
        let json = serde_json::to_string(&AppError::Internal).unwrap();
        assert_eq!(json, "\"Internal\"");
    }
}
