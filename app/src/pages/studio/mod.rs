//! The studio: `/studio` (the campaigns of the signed-in person's teams, with each one's next
//! step), `/studio/new` (start a draft), `/studio/campaigns/{id}` (the editor, editor.rs) and
//! its rewards (rewards.rs, reward.rs), its updates (updates.rs) and its dashboard (dashboard.rs,
//! chart.rs, team_tools.rs). Every form is a plain HTML form first.

mod chart;
mod check_in;
mod dashboard;
pub(crate) mod designers;
mod editor;
mod faq;
pub(crate) mod fields;
mod images;
mod needs;
mod reward;
mod rewards;
mod team;
mod team_tools;
mod translations;
mod updates;

pub use check_in::CheckInPage;
pub use dashboard::DashboardPage;
pub use designers::DesignersStudioPage;
pub use editor::CampaignEditorPage;
pub use needs::NeedsPage;
pub use reward::RewardEditorPage;
pub use rewards::RewardsPage;
pub use team::TeamPageView;
pub use translations::TranslationsPage;
pub use updates::UpdatesPage;

use super::load;
use crate::api::auth::current_user;
use crate::api::studio::{studio_campaigns, StartCampaign};
use crate::components::form::{field_error, Field, FormError, Outcome};
use crate::components::progressive_form::ProgressiveForm;
use crate::domain::{CampaignId, CampaignStatus, MemberRole, StudioCampaign};
use crate::i18n::{use_i18n, Key};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn StudioPage() -> impl IntoView {
    let i18n = use_i18n();
    let campaigns = Resource::new(|| (), |_| studio_campaigns());
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::StudioTitle))/>
        <section class="wrap studio">
            <h1>{i18n.t(Key::StudioTitle)}</h1>
            <p class="lead">{i18n.t(Key::StudioLead)}</p>
            <p><a class="button" href=paths::STUDIO_NEW id="start-campaign">{i18n.t(Key::StartCampaign)}</a></p>
            {load(campaigns, move |campaigns: Vec<StudioCampaign>| {
                if campaigns.is_empty() {
                    return view! { <p class="empty">{i18n.t(Key::StudioEmpty)}</p> }.into_any();
                }
                view! {
                    <ul class="plain studio-list">
                        {campaigns.into_iter().map(|c| view! { <StudioItem campaign=c/> }).collect_view()}
                    </ul>
                }
                .into_any()
            })}
        </section>
    }
}

#[component]
fn StudioItem(campaign: StudioCampaign) -> impl IntoView {
    let i18n = use_i18n();
    let c = campaign;
    let next = match c.status {
        CampaignStatus::Draft => Key::NextStepDraft,
        CampaignStatus::InReview => Key::NextStepInReview,
        CampaignStatus::Live => Key::NextStepLive,
        CampaignStatus::Succeeded | CampaignStatus::Failed | CampaignStatus::Cancelled => Key::NextStepClosed,
    };
    let role = match c.role {
        MemberRole::Owner => Key::RoleOwner,
        MemberRole::Editor => Key::RoleEditor,
    };
    let public = c.status.is_public().then(|| {
        view! { <a class="button secondary" href=paths::campaign(&c.slug)>{i18n.t(Key::SeeCampaignPage)}</a> }
    });
    view! {
        <li class="studio-item" id=format!("studio-campaign-{}", c.id) data-status=c.status.as_str()>
            <h2>{c.title.clone()}</h2>
            <p class="muted small">
                {i18n.label(c.status)} " · " {i18n.t(role)} " · " {i18n.money_short(c.raised)} " / "
                {i18n.money_short(c.goal)}
            </p>
            <p>{i18n.t(next)}</p>
            <p class="actions">
                <a class="button" href=paths::studio_campaign(c.id)>{i18n.t(Key::EditCampaign)}</a>
                {public}
            </p>
        </li>
    }
}

/// `/studio/new`: a title, and the draft is made (addresses confirmed only).
#[component]
pub fn NewCampaignPage() -> impl IntoView {
    let i18n = use_i18n();
    let user = Resource::new(|| (), |_| current_user());
    let start = ServerAction::<StartCampaign>::new();
    let result: Outcome = Signal::derive(move || start.value().get());
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::StartCampaign))/>
        <section class="wrap auth-page">
            <h1>{i18n.t(Key::StartCampaign)}</h1>
            {load(user, move |user| {
                let Some(user) = user else {
                    let path = super::auth::with_next("/signin", paths::STUDIO_NEW);
                    return view! { <leptos_router::components::Redirect path/> }.into_any();
                };
                let unverified = !user.email_verified;
                view! {
                    {unverified.then(|| view! { <p class="notice" id="verify-first">{i18n.t(Key::StartCampaignVerifyFirst)}</p> })}
                    <p>{i18n.t(Key::StartCampaignLead)}</p>
                    <ProgressiveForm>
                        <ActionForm action=start attr:class="form" attr:id="start-form">
                            <FormError result/>
                            <Field name="title" label=Key::CampaignTitleLabel error=field_error(result, "title")/>
                            <button class="button" type="submit">{i18n.t(Key::StartCampaign)}</button>
                        </ActionForm>
                    </ProgressiveForm>
                }
                .into_any()
            })}
        </section>
    }
}

/// The tabs of a campaign in the studio; `current` names the page shown.
#[component]
pub(crate) fn StudioNav(campaign: CampaignId, current: Key) -> impl IntoView {
    let i18n = use_i18n();
    let tabs = [
        (Key::CampaignSettingsTitle, paths::studio_campaign(campaign)),
        (Key::NavRewards, paths::studio_rewards(campaign)),
        (Key::Updates, paths::studio_updates(campaign)),
        (Key::NavDashboard, paths::studio_dashboard(campaign)),
        (Key::NavNeeds, paths::studio_needs(campaign)),
        (Key::Designers, paths::studio_designers(campaign)),
        (Key::Partners, paths::studio_partners(campaign)),
        (Key::TeamTitle, paths::studio_team(campaign)),
        (Key::TranslationsTitle, paths::studio_translations(campaign, crate::domain::Locale::En)),
    ];
    view! {
        <nav class="studio-nav" aria-label=i18n.t(Key::StudioTitle)>
            <ul class="plain">
                {tabs
                    .into_iter()
                    .map(|(key, href)| {
                        view! {
                            <li>
                                <a href=href aria-current=(key == current).then_some("page")>{i18n.t(key)}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// The campaign id in the address (`/studio/campaigns/{id}/...`).
pub(crate) fn campaign_param() -> impl Fn() -> i64 + Copy + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || params.read().get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or_default()
}
