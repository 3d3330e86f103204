//! Markdown written by campaign owners, rendered on the server and sanitised: only formatting
//! tags survive, links get `rel="noopener noreferrer nofollow"`, no scripts, styles or iframes.

use pulldown_cmark::{html, Options, Parser};
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.url_schemes(["http", "https", "mailto"].into())
        .link_rel(Some("noopener noreferrer nofollow"))
        .add_tag_attributes("img", ["loading"])
        .set_tag_attribute_value("img", "loading", "lazy");
    b
});

/// Markdown → safe HTML. The same text gives the same HTML, so the texts rendered recently are
/// remembered: a campaign page shows its story, updates and answers to every visitor, and
/// parsing and sanitising them again took a tenth of its render (perf).
pub fn render(markdown: &str) -> String {
    if let Some(html) = Memo::get(markdown) {
        return html;
    }
    let html = render_now(markdown);
    Memo::keep(markdown, &html);
    html
}

fn render_now(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    SANITIZER.clean(&unsafe_html).to_string()
}

/// The texts rendered lately, forgotten all at once past a few megabytes (texts change rarely:
/// what is shown is back in the memo after its next render).
#[derive(Default)]
struct Memo {
    html: HashMap<String, String>,
    bytes: usize,
}

/// Markdown and HTML kept, at most.
const MEMO_BYTES: usize = 8 * 1024 * 1024;

static MEMO: LazyLock<Mutex<Memo>> = LazyLock::new(Mutex::default);

impl Memo {
    fn get(markdown: &str) -> Option<String> {
        MEMO.lock().unwrap_or_else(|e| e.into_inner()).html.get(markdown).cloned()
    }

    fn keep(markdown: &str, html: &str) {
        let size = markdown.len() + html.len();
        if size > MEMO_BYTES / 8 {
            return;
        }
        let mut memo = MEMO.lock().unwrap_or_else(|e| e.into_inner());
        if memo.bytes + size > MEMO_BYTES {
            *memo = Memo::default();
        }
        if memo.html.insert(markdown.to_owned(), html.to_owned()).is_none() {
            memo.bytes += size;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{render, render_now};

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
    fn remembered_html_is_the_html() {
        let text = "Un **atelier** ouvert <script>alert(1)</script>";
        let first = render(text);
        assert_eq!(render(text), first);
        assert_eq!(render_now(text), first);
        assert!(!first.contains("<script"), "{first}");
    }

    #[test]
    fn images_load_lazily() {
        let html = render("![Robe](https://example.ch/robe.jpg)");
        assert!(html.contains(r#"loading="lazy""#), "{html}");
    }
}
