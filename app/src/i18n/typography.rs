//! The glossary's typography rules as checks, for the tests over the catalogue and the emails:
//! no ß in Swiss German, French no-break spaces before `: ; ! ?` and inside « guillemets »,
//! and the same `{placeholders}` in every language.

use crate::domain::Locale;
use std::collections::BTreeSet;

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

/// What breaks the rules of `locale` in `text`, one line per fault; empty when all is well.
pub(crate) fn faults(locale: Locale, text: &str) -> Vec<String> {
    let mut faults = Vec::new();
    if locale == Locale::De && text.contains('ß') {
        faults.push(format!("ß in «{text}»"));
    }
    if locale == Locale::Fr {
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            // a colon inside `18:00` or `https://` is not punctuation
            let ends_a_clause = after.is_none_or(|a| a.is_whitespace() || a == '"' || a == '»');
            // the spaces allowed before `c`, the first one preferred
            let allowed: &[char] = match c {
                ':' if ends_a_clause => &[NBSP],
                ';' | '!' | '?' if ends_a_clause => &[NNBSP],
                '»' => &[NBSP, NNBSP],
                _ => &[],
            };
            if let Some(space) = allowed.first() {
                if !before.is_some_and(|b| allowed.contains(&b)) {
                    faults.push(format!("no U+{:04X} before «{c}» in «{text}»", *space as u32));
                }
            }
            if c == '«' && !matches!(after, Some(NBSP | NNBSP)) {
                faults.push(format!("no no-break space after «« in «{text}»"));
            }
        }
    }
    faults
}

/// The `{name}` placeholders of a message.
pub(crate) fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checks_catch_what_they_are_for() {
        assert!(faults(Locale::Fr, "Montant\u{a0}: CHF 5. Merci\u{202f}! Vraiment\u{202f}?").is_empty());
        assert!(faults(Locale::Fr, "Le 18 décembre à 18:00, voir https://trame.example?x=1").is_empty());
        assert!(faults(Locale::Fr, "La contrepartie «\u{a0}Atelier\u{a0}»").is_empty());
        assert_eq!(faults(Locale::Fr, "Montant : CHF 5").len(), 1);
        assert_eq!(faults(Locale::Fr, "Minimum:").len(), 1);
        assert_eq!(faults(Locale::Fr, "Merci !").len(), 1);
        assert_eq!(faults(Locale::Fr, "« Atelier »").len(), 2);
        assert_eq!(faults(Locale::De, "Schließen Sie ab").len(), 1);
        assert!(faults(Locale::En, "Amount: CHF 5!").is_empty());
        assert_eq!(placeholders("le {date} à {time}, {date}"), BTreeSet::from(["date", "time"]));
    }
}
