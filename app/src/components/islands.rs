//! What makes a page's islands come alive: the browser bundle is loaded only by pages that have
//! an island (a page without one loads no JavaScript or wasm at all), and a marker for tests.

use leptos::prelude::*;

/// The script that loads the wasm and hydrates the page's islands, put into `<head>` (through
/// leptos_meta) by every component that renders an island; Leptos's `HydrationScripts` in
/// islands mode, but only where needed, and without preloading the bundle: it is fetched once
/// the page has loaded (`island_script.js`), so the page's first paint and pictures never share
/// a slow network with it. Two islands on a page put the script there twice: the loader runs
/// once (`island_loader`), the browser fetches once.
#[component]
pub fn IslandScripts() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        use leptos_meta::Script;
        use_context::<LeptosOptions>().map(|options| {
            let script = island_loader(&options);
            view! { <Script type_="module">{script}</Script> }
        })
    }
}

/// The stylesheet's address (`/pkg/trame.css`, hashed when the build hashes file names).
pub fn stylesheet_href(options: &LeptosOptions) -> String {
    #[cfg(feature = "ssr")]
    let css = bundle::names(options).css;
    #[cfg(not(feature = "ssr"))]
    let css = options.output_name.to_string();
    format!("/{}/{css}.css", options.site_pkg_dir)
}

/// The inline script that loads the bundle: the same text on every page of a build, so the
/// Content-Security-Policy allows it by its hash (`backend::security`), which a cached page
/// needs (a nonce would be shared by everyone who gets the copy).
#[cfg(feature = "ssr")]
pub fn island_loader(options: &LeptosOptions) -> &'static str {
    static LOADER: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    LOADER.get_or_init(|| {
        let bundle::Names { js, wasm, .. } = bundle::names(options);
        let pkg = options.site_pkg_dir.to_string();
        format!(
            "if (!window.trameIslands) {{ window.trameIslands = true; ({})(\"\", {pkg:?}, {js:?}, {wasm:?}); }}",
            bundle::ISLAND_SCRIPT.trim()
        )
    })
}

#[cfg(feature = "ssr")]
mod bundle {
    use leptos::prelude::LeptosOptions;
    use std::sync::OnceLock;

    /// Leptos's island loader (leptos 0.8, `hydration/island_script.js`): imports the bundle
    /// once the page has loaded and the browser is idle (within a second at the latest: our
    /// changes), then hydrates every `<leptos-island>` of the page.
    pub const ISLAND_SCRIPT: &str = include_str!("island_script.js");

    /// The built files' names without extension.
    #[derive(Clone)]
    pub struct Names {
        pub js: String,
        pub wasm: String,
        pub css: String,
    }

    /// `trame`, `trame_bg` and `trame`, or with the content hashes cargo-leptos wrote next to
    /// the server binary (`hash.txt`: lines `js: …`, `wasm: …`, `css: …`) when it hashes names.
    pub fn names(options: &LeptosOptions) -> Names {
        static NAMES: OnceLock<Names> = OnceLock::new();
        NAMES
            .get_or_init(|| {
                let name = options.output_name.to_string();
                let hashes = std::env::current_exe()
                    .ok()
                    .and_then(|exe| std::fs::read_to_string(exe.with_file_name(options.hash_file.as_ref())).ok())
                    .unwrap_or_default();
                let hashed = |kind: &str, plain: String| {
                    hashes
                        .lines()
                        .filter_map(|l| l.split_once(':'))
                        .find(|(k, _)| k.trim() == kind)
                        .map_or(plain, |(_, hash)| format!("{name}.{}", hash.trim()))
                };
                Names {
                    js: hashed("js", name.clone()),
                    wasm: hashed("wasm", format!("{name}_bg")),
                    css: hashed("css", name.clone()),
                }
            })
            .clone()
    }
}

/// Sets `data-hydrated` on `<body>` once an island runs (browser tests wait for it on pages
/// with islands).
pub fn mark_alive() {
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}
