//! Markdown written by campaign owners, rendered on the server and sanitised: only formatting
//! tags survive, links get `rel="noopener noreferrer nofollow"`, no scripts, styles or iframes.

use pulldown_cmark::{html, Options, Parser};
use std::sync::LazyLock;

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.url_schemes(["http", "https", "mailto"].into())
        .link_rel(Some("noopener noreferrer nofollow"))
        .add_tag_attributes("img", ["loading"])
        .set_tag_attribute_value("img", "loading", "lazy");
    b
});

/// Markdown → safe HTML.
pub fn render(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    SANITIZER.clean(&unsafe_html).to_string()
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn formats_markdown() {
        let html = render("## Atelier\n\nDu **lin** local et [notre site](https://example.ch).");
        assert!(html.contains("<h2>Atelier</h2>"), "{html}");
        assert!(html.contains("<strong>lin</strong>"), "{html}");
        assert!(html.contains(r#"<a href="https://example.ch" rel="noopener noreferrer nofollow">"#), "{html}");
    }

    #[test]
    fn strips_scripts_handlers_and_javascript_links() {
        let html = render("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) <iframe src=//evil></iframe>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("<iframe"), "{html}");
    }

    #[test]
    fn images_load_lazily() {
        let html = render("![Robe](https://example.ch/robe.jpg)");
        assert!(html.contains(r#"loading="lazy""#), "{html}");
    }
}
