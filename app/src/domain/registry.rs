//! The designer registry's filters: by practice, material and city, combined, each value with
//! the number of designers it would show given the other filters (faceted search). Plain links
//! carry the filters (`/designers?practice=upcycling&material=lin`), so it works without
//! JavaScript; the registry is small, so it is filtered here rather than in SQL.

use super::views::DesignerCard;
use super::Practice;
use serde::{Deserialize, Serialize};

/// The filters as the address carries them; empty means any.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DesignerFilter {
    pub practice: String,
    pub material: String,
    pub city: String,
}

/// One value of a filter, with how many designers choosing it would show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facet<T> {
    pub value: T,
    pub count: usize,
    pub active: bool,
}

impl<T> Facet<T> {
    /// Values showing nobody are left out, unless chosen.
    fn shown(&self) -> bool {
        self.count > 0 || self.active
    }
}

/// The registry as one filter shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DesignerRegistry {
    pub filter: DesignerFilter,
    pub designers: Vec<DesignerCard>,
    /// Designers in the registry, whatever the filters.
    pub total: usize,
    pub practices: Vec<Facet<Practice>>,
    pub materials: Vec<Facet<String>>,
    pub cities: Vec<Facet<String>>,
}

/// Compares materials and cities as people type them: case and surrounding spaces aside.
fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

impl DesignerFilter {
    pub fn practice(&self) -> Option<Practice> {
        Practice::parse(self.practice.trim()).ok()
    }

    fn material(&self) -> Option<&str> {
        Some(self.material.trim()).filter(|m| !m.is_empty())
    }

    fn city(&self) -> Option<&str> {
        Some(self.city.trim()).filter(|c| !c.is_empty())
    }

    pub fn is_empty(&self) -> bool {
        self.practice().is_none() && self.material().is_none() && self.city().is_none()
    }

    pub fn matches(&self, d: &DesignerCard) -> bool {
        self.practice().is_none_or(|p| d.practices.contains(&p))
            && self.material().is_none_or(|m| d.materials.iter().any(|dm| same(dm, m)))
            && self.city().is_none_or(|c| same(&d.city, c))
    }

    /// The query string of this filter (`?practice=...`), empty when there is none.
    pub fn query(&self) -> String {
        let parts: Vec<String> = [
            ("practice", self.practice().map(Practice::as_str).unwrap_or_default()),
            ("material", self.material().unwrap_or_default()),
            ("city", self.city().unwrap_or_default()),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", super::text::query_value(v)))
        .collect();
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// This filter with the practice set (or cleared when it is the one already chosen).
    pub fn toggle_practice(&self, p: Practice) -> DesignerFilter {
        let practice = if self.practice() == Some(p) { String::new() } else { p.as_str().to_owned() };
        DesignerFilter { practice, ..self.clone() }
    }

    pub fn toggle_material(&self, m: &str) -> DesignerFilter {
        let material = if self.material().is_some_and(|cur| same(cur, m)) { String::new() } else { m.to_owned() };
        DesignerFilter { material, ..self.clone() }
    }

    pub fn toggle_city(&self, c: &str) -> DesignerFilter {
        let city = if self.city().is_some_and(|cur| same(cur, c)) { String::new() } else { c.to_owned() };
        DesignerFilter { city, ..self.clone() }
    }
}

/// Distinct values as first written, sorted for reading (case aside).
fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values.map(str::trim).filter(|v| !v.is_empty()) {
        if !out.iter().any(|o| same(o, v)) {
            out.push(v.to_owned());
        }
    }
    out.sort_by_key(|v| v.to_lowercase());
    out
}

/// The registry under `filter`: the designers it shows and, for each filter's values, how many
/// designers that value would show with the other filters kept. Values showing nobody are left
/// out unless chosen.
pub fn registry(all: Vec<DesignerCard>, filter: DesignerFilter) -> DesignerRegistry {
    let count = |f: &DesignerFilter| all.iter().filter(|d| f.matches(d)).count();
    let practices = Practice::ALL
        .iter()
        .map(|p| Facet {
            value: *p,
            count: count(&DesignerFilter { practice: p.as_str().to_owned(), ..filter.clone() }),
            active: filter.practice() == Some(*p),
        })
        .filter(Facet::shown)
        .collect();
    let materials = distinct(all.iter().flat_map(|d| d.materials.iter().map(String::as_str)))
        .into_iter()
        .map(|m| Facet {
            count: count(&DesignerFilter { material: m.clone(), ..filter.clone() }),
            active: filter.material().is_some_and(|cur| same(cur, &m)),
            value: m,
        })
        .filter(Facet::shown)
        .collect();
    let cities = distinct(all.iter().map(|d| d.city.as_str()))
        .into_iter()
        .map(|c| Facet {
            count: count(&DesignerFilter { city: c.clone(), ..filter.clone() }),
            active: filter.city().is_some_and(|cur| same(cur, &c)),
            value: c,
        })
        .filter(Facet::shown)
        .collect();
    let total = all.len();
    let designers = all.into_iter().filter(|d| filter.matches(d)).collect();
    DesignerRegistry { filter, designers, total, practices, materials, cities }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DesignerId;

    fn designer(name: &str, city: &str, materials: &[&str], practices: &[Practice]) -> DesignerCard {
        DesignerCard {
            id: DesignerId(1),
            slug: name.to_lowercase(),
            name: name.into(),
            atelier: String::new(),
            city: city.into(),
            bio: String::new(),
            materials: materials.iter().map(|m| m.to_string()).collect(),
            practices: practices.to_vec(),
            photo_url: None,
            distance_km: None,
        }
    }

    fn all() -> Vec<DesignerCard> {
        use Practice::*;
        vec![
            designer("Ana", "Genève", &["lin", "chanvre"], &[Upcycling, Repair]),
            designer("Ben", "Carouge", &["Lin"], &[NaturalDyes]),
            designer("Chloé", "Genève", &["laine"], &[Upcycling, LocalSourcing]),
        ]
    }

    fn names(r: &DesignerRegistry) -> Vec<&str> {
        r.designers.iter().map(|d| d.name.as_str()).collect()
    }

    fn filter(practice: &str, material: &str, city: &str) -> DesignerFilter {
        DesignerFilter { practice: practice.into(), material: material.into(), city: city.into() }
    }

    #[test]
    fn each_filter_alone_and_combined_shows_exactly_its_designers() {
        assert_eq!(names(&registry(all(), DesignerFilter::default())), ["Ana", "Ben", "Chloé"]);
        assert_eq!(names(&registry(all(), filter("upcycling", "", ""))), ["Ana", "Chloé"]);
        assert_eq!(names(&registry(all(), filter("", "LIN ", ""))), ["Ana", "Ben"], "materials ignore case");
        assert_eq!(names(&registry(all(), filter("", "", "genève"))), ["Ana", "Chloé"]);
        assert_eq!(names(&registry(all(), filter("upcycling", "lin", ""))), ["Ana"]);
        assert_eq!(names(&registry(all(), filter("upcycling", "lin", "Carouge"))), Vec::<&str>::new());
        assert_eq!(names(&registry(all(), filter("not-a-practice", "", ""))).len(), 3, "unknown values are ignored");
    }

    #[test]
    fn counts_say_what_each_value_would_show_with_the_other_filters() {
        let r = registry(all(), filter("upcycling", "", ""));
        let material = |name: &str| r.materials.iter().find(|f| f.value == name).map(|f| f.count);
        assert_eq!(material("lin"), Some(1), "lin and Lin are one material; with upcycling: Ana");
        assert_eq!(material("laine"), Some(1));
        let city = |name: &str| r.cities.iter().find(|f| f.value == name).map(|f| f.count);
        assert_eq!(city("Genève"), Some(2));
        assert_eq!(city("Carouge"), None, "nobody: left out");
        let upcycling = r.practices.iter().find(|f| f.value == Practice::Upcycling).unwrap();
        assert!(upcycling.active && upcycling.count == 2);
        // the practice counts ignore the practice chosen, keep the others
        let dyes = r.practices.iter().find(|f| f.value == Practice::NaturalDyes).unwrap();
        assert_eq!(dyes.count, 1);
        assert_eq!(r.total, 3);
    }

    #[test]
    fn links_toggle_one_filter_and_keep_the_others() {
        let f = filter("upcycling", "lin", "");
        assert_eq!(f.query(), "?practice=upcycling&material=lin");
        assert_eq!(f.toggle_practice(Practice::Upcycling).query(), "?material=lin");
        assert_eq!(f.toggle_city("Genève").query(), "?practice=upcycling&material=lin&city=Gen%C3%A8ve");
        assert_eq!(f.toggle_material("Lin").query(), "?practice=upcycling");
        assert_eq!(DesignerFilter::default().query(), "");
    }
}
