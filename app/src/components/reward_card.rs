//! One reward tier in the catalogue.

use crate::domain::views::{RewardTierView, SlotView};
use crate::domain::Fulfilment;
use crate::i18n::{use_i18n, I18n, Key};
use leptos::prelude::*;

/// A tier's availability line, worded the same on the card and in the live totals; `None` for a
/// tier whose places are shown per time slot.
pub fn availability(i18n: I18n, tier: &RewardTierView) -> Option<String> {
    match (tier.is_sold_out(), tier.remaining(), tier.quantity_limit) {
        (true, _, _) => Some(i18n.t(Key::SoldOut).to_owned()),
        (false, Some(left), Some(limit)) => Some(i18n.units_left(left, limit)),
        _ if !tier.slots.is_empty() => None,
        _ => Some(i18n.t(Key::Unlimited).to_owned()),
    }
}

#[component]
pub fn RewardCard(tier: RewardTierView, pledge_href: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let sold_out = tier.is_sold_out();
    let class = match (sold_out, tier.quantity_limit) {
        (true, _) => "badge badge-soldout",
        (false, Some(_)) => "availability",
        (false, None) => "availability muted",
    };
    let availability = availability(i18n, &tier).map(|line| view! { <p class=class>{line}</p> });
    // the card's own data: moved into its view, never copied
    let RewardTierView {
        id,
        title,
        description,
        kind,
        price,
        estimated_delivery,
        fulfilment,
        location,
        pickup_points,
        slots,
        designer,
        ..
    } = tier;
    // tiers with time slots are limited by their places, shown per slot; a session's date is
    // its slot, so a delivery date only makes sense for the others
    let delivery = estimated_delivery.filter(|_| slots.is_empty()).map(|d| {
        view! {
            <div>
                <dt>{i18n.t(Key::EstimatedDelivery)}</dt>
                <dd>{i18n.month_year(d)}</dd>
            </div>
        }
    });
    let pickup = (fulfilment == Fulfilment::Pickup && !pickup_points.is_empty()).then(|| {
        view! {
            <div>
                <dt>{i18n.t(Key::PickupAt)}</dt>
                <dd>
                    <ul class="plain">
                        {pickup_points
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <li>
                                        <strong>{p.name}</strong>
                                        ", "
                                        {p.address}
                                        <span class="muted">" · " {p.opening_hours}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </dd>
            </div>
        }
    });
    let location = location.map(|place| {
        view! {
            <div>
                <dt>{i18n.t(Key::Where)}</dt>
                <dd>{place}</dd>
            </div>
        }
    });
    let slots = (!slots.is_empty()).then(|| {
        view! {
            <div>
                <dt>{i18n.t(Key::TimeSlots)}</dt>
                <dd>
                    <ul class="slots">{slots.into_iter().map(|time_slot| view! { <SlotItem time_slot/> }).collect_view()}</ul>
                </dd>
            </div>
        }
    });
    let designer = designer.map(|d| {
        view! {
            <p class="by">
                {i18n.t(Key::ByDesigner)} " " <a href=format!("/designers/{}", d.slug)>{d.name}</a>
            </p>
        }
    });
    view! {
        <article class="reward-card" class:is-soldout=sold_out data-kind=kind.as_str() id=format!("reward-{id}")>
            <header class="reward-head">
                <p class="reward-kind">{i18n.label(kind)}</p>
                <p class="reward-price">{i18n.money_short(price)}</p>
            </header>
            <h3>{title}</h3>
            {designer}
            <p class="reward-description">{description}</p>
            <dl class="reward-facts">
                <div>
                    <dt class="visually-hidden">{i18n.label(fulfilment)}</dt>
                    <dd class="chip">{i18n.label(fulfilment)}</dd>
                </div>
                {delivery}
                {location}
                {pickup}
                {slots}
            </dl>
            {availability}
            {pledge_href.map(|href| view! { <a class="button choose-reward" href=href>{i18n.t(Key::ChooseReward)}</a> })}
        </article>
    }
}

#[component]
fn SlotItem(time_slot: SlotView) -> impl IntoView {
    let i18n = use_i18n();
    let full = time_slot.is_full();
    view! {
        <li class:is-full=full>
            <span>{i18n.slot_time(time_slot.starts_at, time_slot.ends_at)}</span>
            " · "
            <span class="slot-left">
                {if full { i18n.t(Key::SlotFull).to_owned() } else { i18n.places_left(time_slot.remaining()) }}
            </span>
        </li>
    }
}
