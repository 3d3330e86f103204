//! Match funds on the partner's pages: the funds of a financial partnership with their state and
//! the offer form (`/me/partners`), and the card page `/me/funds/{id}/card` (Stripe.js, as for a
//! pledge). The owners decide on funds from the studio's partners page (review.rs).

use crate::api::funds::{load_fund_card, OfferFund, WithdrawFund};
use crate::components::card_box::{CardBox, StripeIntent};
use crate::components::form::{field_error, Outcome};
use crate::components::progressive_form::ProgressiveForm;
use crate::domain::{FundCardPage, FundStatus, FundView, PartnerApplication, TierChoice};
use crate::i18n::{use_i18n, Key};
use crate::pages::load;
use crate::pages::studio::fields::{FormNote, TextField};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// A fund's terms and progress, as everyone reads them.
#[component]
pub fn FundSummary(fund: FundView) -> impl IntoView {
    let i18n = use_i18n();
    let f = fund;
    let terms = i18n.fund_terms(f.ratio, f.cap_per_pledge, f.total_cap);
    let tiers = (!f.tiers.is_empty()).then(|| {
        view! { <p class="small">{i18n.t(Key::FundKeptTo)} " " {f.tiers.join(", ")}</p> }
    });
    view! {
        <p class="fund-terms">{terms}</p>
        {tiers}
        {f.is_matching().then(|| view! {
            <p class="small fund-progress">
                {i18n.t(Key::FundMatched)} " " <strong class="fund-matched">{i18n.money(f.matched)}</strong>
                " · " {i18n.money(f.left())} " " {i18n.t(Key::MatchFundLeft)}
                {f.charged.is_positive().then(|| view! { " · " {i18n.t(Key::FundCharged)} " " {i18n.money(f.charged)} })}
            </p>
        })}
    }
}

/// The funds of one financial partnership, and the form to offer one.
#[component]
pub fn PartnerFunds(partner: PartnerApplication) -> impl IntoView {
    let i18n = use_i18n();
    let offer = ServerAction::<OfferFund>::new();
    let result: Outcome = Signal::derive(move || offer.value().get());
    let id = partner.id;
    let scope = format!("fund-{id}-");
    let heading = format!("{scope}heading");
    let labelled_by = heading.clone();
    view! {
        <section class="partner-funds" aria-labelledby=labelled_by>
            <h3 id=heading>{i18n.t(Key::MatchFunds)}</h3>
            {partner.funds.into_iter().map(|f| view! { <MyFund partner=id fund=f/> }).collect_view()}
            <details open=move || result.get().is_some_and(|r| r.is_err())>
                <summary>{i18n.t(Key::OfferFund)}</summary>
                <p class="hint">{i18n.t(Key::OfferFundLead)}</p>
                <ProgressiveForm>
                    <ActionForm action=offer attr:class="form fund-offer">
                        <input type="hidden" name="partner" value=id/>
                        <FormNote result fields=&["percent", "cap_per_pledge", "total_cap", "tiers"]/>
                        <TextField name="percent" label=Key::FundPercentLabel value="100" kind="number" scope=scope.clone() error=field_error(result, "percent")/>
                        <TextField name="cap_per_pledge" label=Key::FundCapLabel value="" required=false scope=scope.clone() error=field_error(result, "cap_per_pledge")/>
                        <TextField name="total_cap" label=Key::FundTotalLabel value="" scope=scope.clone() error=field_error(result, "total_cap")/>
                        <TierChoices tiers=partner.tiers scope/>
                        <button class="button" type="submit">{i18n.t(Key::OfferFund)}</button>
                    </ActionForm>
                </ProgressiveForm>
            </details>
        </section>
    }
}

/// The rewards a fund can be kept to (none ticked: every pledge).
#[component]
fn TierChoices(tiers: Vec<TierChoice>, scope: String) -> impl IntoView {
    let i18n = use_i18n();
    (!tiers.is_empty()).then(|| {
        view! {
            <fieldset class="field tier-choices">
                <legend>{i18n.t(Key::FundTiersLabel)}</legend>
                {tiers
                    .into_iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let input = format!("{scope}tier-{}", t.id);
                        let label_for = input.clone();
                        view! {
                            <div class="field check">
                                <input id=input type="checkbox" name=format!("form[tiers][{i}]") value=t.id/>
                                <label for=label_for>{t.title}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
        }
    })
}

#[component]
fn MyFund(partner: i64, fund: FundView) -> impl IntoView {
    let i18n = use_i18n();
    let withdraw = ServerAction::<WithdrawFund>::new();
    let f = fund;
    let next = match f.status {
        FundStatus::Offered => Some(
            view! {
                <p class="hint">{i18n.t(Key::FundWaitsForOwners)}</p>
                <ActionForm action=withdraw attr:class="inline-form">
                    <input type="hidden" name="partner" value=partner/>
                    <input type="hidden" name="fund" value=f.id/>
                    <button class="button secondary small" type="submit">{i18n.t(Key::WithdrawFund)}</button>
                </ActionForm>
            }
            .into_any(),
        ),
        FundStatus::Accepted if !f.card_saved || f.charge_failed => {
            let key = if f.charge_failed { Key::FundChargeFailed } else { Key::FundSaveCardLead };
            Some(
                view! {
                    <p class="notice">{i18n.t(key)}</p>
                    <a class="button" href=paths::fund_card(f.id)>{i18n.t(Key::FundSaveCard)}</a>
                }
                .into_any(),
            )
        }
        FundStatus::Declined => {
            f.decline_reason.clone().map(|r| view! { <div class="notice review-note"><p>{r}</p></div> }.into_any())
        }
        _ => None,
    };
    view! {
        <article class="fund" id=format!("fund-{}", f.id) data-status=f.status.as_str() data-matching=f.is_matching().to_string()>
            <p><strong>{i18n.label(f.status)}</strong></p>
            <FundSummary fund=f.clone()/>
            {next}
        </article>
    }
}

#[component]
pub fn FundCardPageView() -> impl IntoView {
    let params = use_params_map();
    let fund = move || params.read().get("id").and_then(|id| id.parse::<i64>().ok()).unwrap_or_default();
    let page = Resource::new(fund, load_fund_card);
    load(page, |page| view! { <FundCard page/> })
}

#[component]
fn FundCard(page: FundCardPage) -> impl IntoView {
    let i18n = use_i18n();
    let f = page.fund.clone();
    let body = match page.client_secret.clone() {
        None => view! {
            <p class="notice" role="status" id="fund-card-saved">{i18n.t(Key::FundCardSaved)}</p>
            <a class="button" href=paths::MY_PARTNERS>{i18n.t(Key::MyPartnerships)}</a>
        }
        .into_any(),
        Some(client_secret) => {
            let intent = StripeIntent {
                mode: "setup",
                client_secret,
                publishable_key: page.publishable_key.clone(),
                stripe_js_url: page.stripe_js_url.clone(),
            };
            view! {
                <CardBox
                    intent
                    title=i18n.t(Key::PayCardTitle)
                    button=i18n.t(Key::PaySaveCard)
                    confirm_url="/api/funds/card_saved"
                    confirm_field="fund"
                    subject=f.id
                    return_url=paths::fund_card(f.id)
                    retry_url=paths::fund_card(f.id)
                />
            }
            .into_any()
        }
    };
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::FundCardTitle))/>
        <section class="wrap pay-page fund-card">
            <h1>{i18n.t(Key::FundCardTitle)}</h1>
            <p class="lead">{f.partner.clone()} " · " <a href=paths::campaign(&f.campaign.slug)>{f.campaign.title.clone()}</a></p>
            <FundSummary fund=f/>
            <p class="pledge-terms">{i18n.t(Key::FundChargeTerms)}</p>
            {body}
        </section>
    }
}
