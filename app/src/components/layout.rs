//! Site header (brand, navigation, language switch) and footer.

use crate::api::auth::current_user;
use crate::domain::Locale;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{i18n.t(Key::SkipToContent)}</a>
        <header class="site-header">
            <div class="wrap site-header-inner">
                <a class="brand" href="/">
                    <img src="/logo.svg" alt="" width="32" height="32"/>
                    <span class="brand-name">"Trame"</span>
                </a>
                <nav class="site-nav" aria-label=i18n.t(Key::MainNavigation)>
                    <a href="/">{i18n.t(Key::NavCampaigns)}</a>
                    <a href="/designers">{i18n.t(Key::NavDesigners)}</a>
                    <AccountLink/>
                </nav>
                <LanguageSwitch/>
            </div>
        </header>
    }
}

/// "Sign in", or "My account" once signed in (asked again after every navigation, since signing
/// in or out navigates).
#[component]
fn AccountLink() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let user = Resource::new(move || location.pathname.get(), |_| current_user());
    view! {
        <Suspense fallback=|| ()>
            // a bare Suspend: built once on the server (see pages::load)
            {Suspend::new(async move {
                match user.await {
                    Ok(Some(user)) => view! {
                        <a class="account-link" href=crate::paths::MY_PLEDGES>{i18n.t(Key::MyPledges)}</a>
                        <a class="account-link" href=crate::paths::STUDIO id="nav-studio">{i18n.t(Key::NavStudio)}</a>
                        {user.is_admin.then(|| view! {
                            <a class="account-link" href=crate::paths::ADMIN_REVIEW id="nav-review">{i18n.t(Key::NavReview)}</a>
                        })}
                        <a class="account-link" href="/account">{i18n.t(Key::MyAccount)}</a>
                    }
                    .into_any(),
                    _ => view! { <a class="account-link" href="/signin">{i18n.t(Key::SignIn)}</a> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A plain form posting to `/lang` (works without JavaScript); the server remembers the choice
/// in a cookie and sends the visitor back to the page they were on.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let next = move || crate::paths::here(&location.pathname.get(), &location.search.get());
    view! {
        <form class="lang-switch" method="post" action="/lang" aria-label=i18n.t(Key::LanguageLabel)>
            <input type="hidden" name="next" value=next/>
            {Locale::ALL
                .into_iter()
                .map(|locale| {
                    let current = locale == i18n.locale;
                    view! {
                        <button
                            type="submit"
                            name="lang"
                            value=locale.code()
                            lang=locale.code()
                            aria-pressed=if current { "true" } else { "false" }
                            title=locale.native_name()
                        >
                            {locale.code().to_uppercase()}
                        </button>
                    }
                })
                .collect_view()}
        </form>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p class="footer-brand">"Trame — " {i18n.t(Key::SiteTagline)}</p>
                <p>{i18n.t(Key::FooterAbout)}</p>
                <p><a href=crate::paths::PARTNERS_JOIN id="footer-partners">{i18n.t(Key::BecomePartner)}</a></p>
                <p class="muted">{i18n.t(Key::FooterNoTrackers)}</p>
            </div>
        </footer>
    }
}
