//! `/studio/campaigns/{id}/rewards`: a campaign's rewards in their public order (hidden ones
//! too), moved up and down with plain buttons, and the campaign's pickup points.

use super::fields::{FormNote, TextField};
use super::{campaign_param, load, StudioNav};
use crate::api::studio::rewards::{load_rewards, AddPickupPoint, MoveReward, RemovePickupPoint};
use crate::components::form::{done, field_error, Outcome};
use crate::components::progressive_form::ProgressiveForm;
use crate::domain::views::PickupPointView;
use crate::domain::{CampaignId, RewardsEditor, StudioReward};
use crate::i18n::{use_i18n, Key};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn RewardsPage() -> impl IntoView {
    let rewards = Resource::new(campaign_param(), load_rewards);
    load(rewards, |editor| view! { <RewardsView editor/> })
}

#[component]
fn RewardsView(editor: RewardsEditor) -> impl IntoView {
    let i18n = use_i18n();
    let campaign = editor.campaign;
    let moved = ServerAction::<MoveReward>::new();
    let move_result: Outcome = Signal::derive(move || moved.value().get());
    let deleted = done("deleted", Signal::derive(|| None));
    let count = editor.rewards.len();
    view! {
        <Title text=format!("{} · {} · Trame", i18n.t(Key::NavRewards), editor.title)/>
        <section class="wrap studio-editor studio-rewards" data-status=editor.status.as_str()>
            <p class="eyebrow"><a href=paths::STUDIO>{i18n.t(Key::StudioTitle)}</a> " · " {i18n.label(editor.status)}</p>
            <h1>{editor.title.clone()}</h1>
            <StudioNav campaign current=Key::NavRewards/>
            <Show when=move || deleted.get()>
                <p class="notice" role="status" id="reward-deleted">{i18n.t(Key::RewardDeleted)}</p>
            </Show>
            <p class="lead">{i18n.t(Key::RewardsLead)}</p>
            <p><a class="button" id="new-reward" href=paths::studio_reward(campaign, None)>{i18n.t(Key::NewReward)}</a></p>
            <FormNote result=move_result fields=&[]/>
            {if editor.rewards.is_empty() {
                view! { <p class="empty">{i18n.t(Key::RewardsEmpty)}</p> }.into_any()
            } else {
                view! {
                    <ol class="plain studio-rewards-list">
                        {editor
                            .rewards
                            .into_iter()
                            .enumerate()
                            .map(|(at, reward)| view! { <RewardRow campaign reward first=at == 0 last=at + 1 == count moved/> })
                            .collect_view()}
                    </ol>
                }
                .into_any()
            }}
            <PickupPoints campaign points=editor.pickup_points/>
        </section>
    }
}

#[component]
fn RewardRow(
    campaign: CampaignId,
    reward: StudioReward,
    first: bool,
    last: bool,
    moved: ServerAction<MoveReward>,
) -> impl IntoView {
    let i18n = use_i18n();
    let r = reward;
    let units = match r.quantity_limit {
        Some(limit) => format!("{} / {limit} {}", r.claimed, i18n.t(Key::ClaimedOf)),
        None => format!("{} {} · {}", r.claimed, i18n.t(Key::ClaimedOf), i18n.t(Key::Unlimited)),
    };
    let button = move |direction: &'static str, label: Key, shown: bool| {
        shown.then(|| {
            view! {
                <ActionForm action=moved attr:class="inline-form" attr:id=format!("move-{direction}-{}", r.id)>
                    <input type="hidden" name="campaign" value=campaign.0/>
                    <input type="hidden" name="tier" value=r.id.0/>
                    <input type="hidden" name="direction" value=direction/>
                    <button class="button secondary small" type="submit">{i18n.t(label)}</button>
                </ActionForm>
            }
        })
    };
    view! {
        <li class="studio-reward" id=format!("studio-reward-{}", r.id) data-visible=r.visible.to_string()>
            <h2>
                <a href=paths::studio_reward(campaign, Some(r.id))>{r.title.clone()}</a>
                {(!r.visible).then(|| view! { " " <span class="badge">{i18n.t(Key::RewardHidden)}</span> })}
            </h2>
            <p class="muted small">
                {i18n.label(r.kind)} " · " {i18n.money(r.price)} " · " {units}
            </p>
            <div class="actions">
                <a class="button secondary small" href=paths::studio_reward(campaign, Some(r.id))>{i18n.t(Key::EditReward)}</a>
                {button("up", Key::MoveUp, !first)}
                {button("down", Key::MoveDown, !last)}
            </div>
        </li>
    }
}

/// The campaign's pickup points: the list (each removable while no pledge chose it) and a new one.
#[component]
fn PickupPoints(campaign: CampaignId, points: Vec<PickupPointView>) -> impl IntoView {
    let i18n = use_i18n();
    let add = ServerAction::<AddPickupPoint>::new();
    let result: Outcome = Signal::derive(move || add.value().get());
    let remove = ServerAction::<RemovePickupPoint>::new();
    let removed: Outcome = Signal::derive(move || remove.value().get());
    view! {
        <section class="section" id="pickup-points" aria-labelledby="pickup-heading">
            <h2 id="pickup-heading">{i18n.t(Key::PickupPointsTitle)}</h2>
            <p class="hint">{i18n.t(Key::PickupPointsLead)}</p>
            <FormNote result=removed fields=&["point"]/>
            <ul class="plain pickup-list">
                {points
                    .into_iter()
                    .map(|p| {
                        view! {
                            <li id=format!("pickup-{}", p.id)>
                                <strong>{p.name.clone()}</strong> " — " {p.address.clone()} ", " {p.city.clone()}
                                {(!p.opening_hours.is_empty()).then(|| view! { <span class="muted">" · " {p.opening_hours.clone()}</span> })}
                                <ActionForm action=remove attr:class="inline-form" attr:id=format!("remove-pickup-{}", p.id)>
                                    <input type="hidden" name="campaign" value=campaign.0/>
                                    <input type="hidden" name="point" value=p.id.0/>
                                    <button class="button secondary small" type="submit">{i18n.t(Key::RemovePickupPoint)}</button>
                                </ActionForm>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <ProgressiveForm>
                <ActionForm action=add attr:class="form" attr:id="pickup-form">
                    <input type="hidden" name="campaign" value=campaign.0/>
                    <FormNote result fields=&[]/>
                    <TextField name="name" label=Key::PickupNameLabel value="" scope="pickup-" error=field_error(result, "name")/>
                    <TextField name="address" label=Key::AddressLabel value="" scope="pickup-" error=field_error(result, "address")/>
                    <TextField name="city" label=Key::CityLabel value="" scope="pickup-" error=field_error(result, "city")/>
                    <TextField
                        name="opening_hours"
                        label=Key::OpeningHoursLabel
                        value=""
                        required=false
                        scope="pickup-"
                        error=field_error(result, "opening_hours")
                    />
                    <button class="button" type="submit">{i18n.t(Key::AddPickupPoint)}</button>
                </ActionForm>
            </ProgressiveForm>
        </section>
    }
}
