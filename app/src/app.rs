//! The HTML shell and the route table, nothing else.

use crate::components::error::NotFound;
use crate::components::islands::stylesheet_href;
use crate::components::layout::{SiteFooter, SiteHeader};
use crate::i18n::{provide_i18n, request_locale};
use crate::pages::account::AccountPage;
use crate::pages::admin::ReviewQueuePage;
use crate::pages::auth::{ForgotPasswordPage, ResetPasswordPage, SignInPage, SignUpPage, VerifyEmailPage};
use crate::pages::pledge::{MyPledgesPage, PayPage, PledgePage, PledgeResultPage, ReceiptPage};
use crate::pages::studio::{
    CampaignEditorPage, CheckInPage, DashboardPage, DesignersStudioPage, NeedsPage, NewCampaignPage, RewardEditorPage,
    RewardsPage, StudioPage, TeamPageView, TranslationsPage, UpdatesPage,
};
use crate::pages::{
    campaign::CampaignPage, campaign::CampaignUpdatePage, designers::DesignerPage, designers::DesignerRegistry,
    help::MyHelpPage, help::OfferHelpPage, home::HomePage, invite::InvitePage, my_designer::ClaimPage,
    my_designer::MyDesignerPage, partners::funds::FundCardPageView, partners::review::CampaignPartnersPage,
    partners::review::PlatformPartnersPage, partners::JoinPartnersPage, partners::MyPartnersPage,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// The document around the app, rendered by the server for every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::backend::security::provide_content_security_policy();
    let locale = request_locale();
    // islands mode: the page itself is never hydrated, so it carries no hydration markers; the
    // bundle is loaded only by pages with an island (components::islands)
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    provide_context(options.clone());
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#1f3d36"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="stylesheet" href=stylesheet_href(&options)/>
                <AutoReload options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_i18n();
    // Async: the whole page is rendered before the first byte, so a missing campaign answers
    // with a real 404 status and the HTML is complete without JavaScript.
    view! {
        <Router>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/campaigns/:slug") view=CampaignPage ssr=SsrMode::Async/>
                    <Route path=path!("/designers") view=DesignerRegistry ssr=SsrMode::Async/>
                    <Route path=path!("/designers/:slug") view=DesignerPage ssr=SsrMode::Async/>
                    <Route path=path!("/signin") view=SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/signup") view=SignUpPage ssr=SsrMode::Async/>
                    <Route path=path!("/forgot-password") view=ForgotPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/reset-password") view=ResetPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/verify-email") view=VerifyEmailPage ssr=SsrMode::Async/>
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/campaigns/:slug/pledge") view=PledgePage ssr=SsrMode::Async/>
                    <Route path=path!("/pledges/:id/pay") view=PayPage ssr=SsrMode::Async/>
                    <Route path=path!("/pledges/:id/receipt") view=ReceiptPage ssr=SsrMode::Async/>
                    <Route path=path!("/pledges/:id") view=PledgeResultPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/pledges") view=MyPledgesPage ssr=SsrMode::Async/>
                    <Route path=path!("/studio") view=StudioPage ssr=SsrMode::Async/>
                    <Route path=path!("/studio/new") view=NewCampaignPage ssr=SsrMode::Async/>
                    <Route path=path!("/studio/campaigns/:id") view=CampaignEditorPage ssr=SsrMode::Async/>
                    <Route path=path!("/studio/campaigns/:id/rewards") view=RewardsPage ssr=SsrMode::Async/>
                    <Route path=path!("/studio/campaigns/:id/rewards/new") view=RewardEditorPage ssr=SsrMode::Async/>
                    <Route path=path!("/studio/campaigns/:id/rewards/:tier") view=RewardEditorPage ssr=SsrMode::Async/>
                    <Route path=path!("/studio/campaigns/:id/dashboard") view=DashboardPage ssr=SsrMode::Async/>
                    <Route path=path!("/studio/campaigns/:id/updates") view=UpdatesPage ssr=SsrMode::Async/>
                    <Route path=path!("/studio/campaigns/:id/team") view=TeamPageView ssr=SsrMode::Async/>
                    <Route path=path!("/studio/campaigns/:id/translations") view=TranslationsPage ssr=SsrMode::Async/>
                    <Route path=path!("/invites/:token") view=InvitePage ssr=SsrMode::Async/>
                    <Route path=path!("/designer-invites/:token") view=ClaimPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/designer") view=MyDesignerPage ssr=SsrMode::Async/>
                    <Route path=path!("/studio/campaigns/:id/needs") view=NeedsPage ssr=SsrMode::Async/>
                    <Route path=path!("/studio/campaigns/:id/designers") view=DesignersStudioPage ssr=SsrMode::Async/>
                    <Route path=path!("/campaigns/:slug/needs/:need/help") view=OfferHelpPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/help") view=MyHelpPage ssr=SsrMode::Async/>
                    <Route path=path!("/partners/join") view=JoinPartnersPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/partners") view=MyPartnersPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/funds/:id/card") view=FundCardPageView ssr=SsrMode::Async/>
                    <Route path=path!("/studio/campaigns/:id/partners") view=CampaignPartnersPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/partners") view=PlatformPartnersPage ssr=SsrMode::Async/>
                    <Route path=path!("/campaigns/:slug/updates/:update") view=CampaignUpdatePage ssr=SsrMode::Async/>
                    <Route path=path!("/check-in/:token") view=CheckInPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/review") view=ReviewQueuePage ssr=SsrMode::Async/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}
