//! What a person types to get an account: a display name and a password.

use serde::{Deserialize, Serialize};

/// Why a display name was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum DisplayNameError {
    #[error("the name is empty")]
    Empty,
    #[error("the name has more than 80 characters")]
    TooLong,
}

/// The name shown for a person (a backer's or an owner's), trimmed, 1 to 80 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(value: &str) -> Result<DisplayName, DisplayNameError> {
        let value = value.trim();
        match value.chars().count() {
            0 => Err(DisplayNameError::Empty),
            n if n > 80 => Err(DisplayNameError::TooLong),
            _ if value.chars().any(char::is_control) => Err(DisplayNameError::Empty),
            _ => Ok(DisplayName(value.to_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for DisplayName {
    type Error = DisplayNameError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        DisplayName::parse(&value)
    }
}

impl From<DisplayName> for String {
    fn from(name: DisplayName) -> String {
        name.0
    }
}

/// Why a new password was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum PasswordError {
    #[error("a password has at least 10 characters")]
    TooShort,
    #[error("a password has at most 200 characters")]
    TooLong,
    #[error("this password is too easy to guess")]
    TooCommon,
}

/// A new password that meets the rules (length first, as NIST SP 800-63B advises). Never
/// printed: `Debug` hides it and it is not `Serialize`.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

/// A few passwords that pass the length rule but are guessed first.
const COMMON: &[&str] = &[
    "1234567890",
    "0123456789",
    "password123",
    "motdepasse",
    "motdepasse1",
    "passwort123",
    "qwertyuiop",
    "azertyuiop",
    "1111111111",
    "iloveyou12",
    "trame12345",
    "genève2026",
    "geneve2026",
];

impl NewPassword {
    pub fn parse(value: &str) -> Result<NewPassword, PasswordError> {
        let n = value.chars().count();
        if n < 10 {
            return Err(PasswordError::TooShort);
        }
        if n > 200 {
            return Err(PasswordError::TooLong);
        }
        let lower = value.to_lowercase();
        let one_char_repeated = value.chars().all(|c| value.starts_with(c));
        if one_char_repeated || COMMON.contains(&lower.as_str()) {
            return Err(PasswordError::TooCommon);
        }
        Ok(NewPassword(value.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names() {
        assert_eq!(DisplayName::parse("  Léa Morand ").unwrap().as_str(), "Léa Morand");
        assert_eq!(DisplayName::parse("   "), Err(DisplayNameError::Empty));
        assert_eq!(DisplayName::parse(&"é".repeat(81)), Err(DisplayNameError::TooLong));
        assert!(DisplayName::parse(&"é".repeat(80)).is_ok(), "80 characters, not bytes");
        assert!(DisplayName::parse("a\u{7}b").is_err());
    }

    #[test]
    fn passwords() {
        assert_eq!(NewPassword::parse("short").unwrap_err(), PasswordError::TooShort);
        assert_eq!(NewPassword::parse(&"x".repeat(201)).unwrap_err(), PasswordError::TooLong);
        assert_eq!(NewPassword::parse("aaaaaaaaaaaa").unwrap_err(), PasswordError::TooCommon);
        assert_eq!(NewPassword::parse("MotDePasse1").unwrap_err(), PasswordError::TooCommon);
        assert!(NewPassword::parse("fil rouge du Léman").is_ok());
    }

    #[test]
    fn passwords_never_print() {
        let p = NewPassword::parse("correct horse battery").unwrap();
        assert!(!format!("{p:?}").contains("horse"));
    }
}
