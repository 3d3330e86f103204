use leptos::prelude::*;

/// A funding or needs progress bar (a native `<progress>`, accessible as is); caps at 100 %.
#[component]
pub fn ProgressBar(percent: u32, #[prop(into)] label: String) -> impl IntoView {
    view! { <progress class="progress" max="100" value=percent.min(100) aria-label=label></progress> }
}
