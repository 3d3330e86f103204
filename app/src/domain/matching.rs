//! Matchfunding arithmetic: what each of a campaign's match funds adds to one pledge.
//!
//! Funds apply one after another, in the order they began matching. Each franc pledged is
//! matched once: the first fund matches as much of the pledge as its ratio, its cap per pledge
//! and what is left in it allow; the francs it could not match go to the next fund, and so on.

use rust_decimal::{Decimal, RoundingStrategy};

/// One fund as a pledge meets it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FundRoom {
    /// Francs added per franc pledged (0.5: +50 %; 1: doubled).
    pub ratio: Decimal,
    /// The most it adds to one pledge.
    pub cap_per_pledge: Option<Decimal>,
    /// What is left in it (its total cap less what it has given).
    pub left: Decimal,
}

/// What each fund adds to a pledge of `pledged`, in the funds' order (zero where a fund gives
/// nothing). Never more than a fund's room or cap, never negative, rounded to the centime
/// down so that a fund's total cap is never passed by rounding.
pub fn split(pledged: Decimal, funds: &[FundRoom]) -> Vec<Decimal> {
    let mut unmatched = pledged.max(Decimal::ZERO);
    funds
        .iter()
        .map(|fund| {
            if unmatched <= Decimal::ZERO || fund.ratio <= Decimal::ZERO {
                return Decimal::ZERO;
            }
            let wanted = unmatched.checked_mul(fund.ratio).unwrap_or(Decimal::MAX);
            let mut gives = wanted.min(fund.left.max(Decimal::ZERO));
            if let Some(cap) = fund.cap_per_pledge {
                gives = gives.min(cap.max(Decimal::ZERO));
            }
            let gives = gives.round_dp_with_strategy(2, RoundingStrategy::ToZero);
            // the francs this fund matched (rounded up: a centime is never matched twice)
            let covered = if gives == wanted.round_dp_with_strategy(2, RoundingStrategy::ToZero) {
                unmatched
            } else {
                gives
                    .checked_div(fund.ratio)
                    .unwrap_or(unmatched)
                    .round_dp_with_strategy(2, RoundingStrategy::AwayFromZero)
                    .min(unmatched)
            };
            unmatched -= covered;
            gives
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chf(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn fund(ratio: &str, cap: Option<&str>, left: &str) -> FundRoom {
        FundRoom { ratio: chf(ratio), cap_per_pledge: cap.map(chf), left: chf(left) }
    }

    #[test]
    fn one_fund_matches_within_its_ratio_cap_and_room() {
        assert_eq!(split(chf("20"), &[fund("1", None, "500")]), [chf("20")]);
        assert_eq!(split(chf("95"), &[fund("0.5", Some("40"), "5000")]), [chf("40")]);
        assert_eq!(split(chf("20"), &[fund("1", None, "7.5")]), [chf("7.5")]);
        assert_eq!(split(chf("20"), &[fund("1", None, "0")]), [chf("0")]);
    }

    #[test]
    fn the_next_fund_matches_only_what_the_first_could_not() {
        // the first fund has 5 left: it matches 5 francs; the other 15 are doubled by the second
        assert_eq!(split(chf("20"), &[fund("1", None, "5"), fund("2", None, "100")]), [chf("5"), chf("30")]);
        // the first matches the whole pledge: the second adds nothing
        assert_eq!(split(chf("20"), &[fund("1", None, "500"), fund("1", None, "500")]), [chf("20"), chf("0")]);
        // a cap per pledge leaves the rest of the pledge to the next fund: 40 at +50 % covers 80
        assert_eq!(
            split(chf("95"), &[fund("0.5", Some("40"), "5000"), fund("1", None, "100")]),
            [chf("40"), chf("15")]
        );
    }

    #[test]
    fn rounding_never_passes_a_fund() {
        assert_eq!(split(chf("33.33"), &[fund("0.333", None, "1000")]), [chf("11.09")]);
        assert_eq!(split(chf("10"), &[fund("3", None, "10.005")]), [chf("10")]);
        let gives = split(chf("99999999.99"), &[fund("10", None, "99999999999")]);
        assert_eq!(gives, [chf("999999999.90")]);
    }
}
