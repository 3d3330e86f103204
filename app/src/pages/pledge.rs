//! Pledging, from the choice to the receipt:
//! `/campaigns/{slug}/pledge?tier=` (choose, sign up or in inline), `/pledges/{id}/pay` (summary
//! and card), `/pledges/{id}` (the result, as Stripe reports it), `/me/pledges` (change, cancel),
//! `/pledges/{id}/receipt`.

use super::load;
use crate::api::pledges::{
    load_pay_page, load_pledge, load_pledge_form, my_pledges, CancelPledge, ChangePledge, CreatePledge, PreparePayment,
};
use crate::components::form::{field_error, FormError, Outcome};
use crate::domain::views::{PayPage as PayData, PayStep, PledgeFormPage, PledgeView, RewardTierView};
use crate::domain::{FundingModel, PledgeStatus, QuestionKind};
use crate::i18n::{use_i18n, I18n, Key};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn param_id(name: &'static str) -> Signal<i64> {
    let params = use_params_map();
    Signal::derive(move || params.read().get(name).and_then(|v| v.parse().ok()).unwrap_or_default())
}

/// The message of a field's error in a form's last result, for a `field-error` line.
fn error_of(result: Outcome, field: impl Into<String>) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    let i18n = use_i18n();
    let error = field_error(result, field);
    move || error.get().map(|key| i18n.t(key))
}

/// What the backer will be charged, when, and what happens if the goal is missed.
fn charge_terms(i18n: I18n, model: FundingModel, ends_at: chrono::DateTime<chrono::Utc>) -> String {
    match model {
        FundingModel::AllOrNothing => i18n.t(Key::PledgeTermsAllOrNothing).replace("{date}", &i18n.date_time(ends_at)),
        FundingModel::Flexible => i18n.t(Key::PledgeTermsFlexible).to_owned(),
    }
}

// ----- the form ---------------------------------------------------------------------------------

#[component]
pub fn PledgePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            (
                params.read().get("slug").unwrap_or_default(),
                query.read().get("edit").and_then(|v| v.parse::<i64>().ok()),
                // the chosen reward is part of the key: choosing another one (a link to
                // `?tier=`) renders the form again for exactly the reward in the address
                query.read().get("tier"),
            )
        },
        |(slug, edit, _tier)| load_pledge_form(slug, edit),
    );
    load(data, |data| view! { <PledgeFormView data/> })
}

#[component]
fn PledgeFormView(data: PledgeFormPage) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let c = data.campaign.clone();
    let editing = data.editing.clone();
    let chosen_id = query
        .read_untracked()
        .get("tier")
        .and_then(|v| v.parse::<i64>().ok())
        .or_else(|| editing.as_ref().and_then(|p| p.reward_tier_id.map(|t| t.0)));
    let tier = chosen_id.and_then(|id| data.rewards.iter().find(|t| t.id.0 == id).cloned());
    let create = ServerAction::<CreatePledge>::new();
    let change = ServerAction::<ChangePledge>::new();
    let result: Outcome =
        Signal::derive(move || create.value().get().map(|r| r.map(|_| ())).or_else(|| change.value().get()));
    // once created, the server's redirect takes the browser to the pay page (pay.js mounts the
    // card form there, whether the page was loaded or rendered in place)
    let open = c.status.accepts_pledges() && c.ends_at > data.server_now;
    let terms = charge_terms(i18n, c.funding_model, c.ends_at);
    let min = i18n.money(c.min_pledge);
    let extra_value = editing.as_ref().map(|p| p.extra_amount.amount().to_string()).unwrap_or_default();
    let extra_error = field_error(result, "extra");
    // the choice's fields: `form[...]` when changing a pledge, inside `pledge[...]` when creating
    let form: &'static str = if editing.is_some() { "form" } else { "pledge[form]" };
    let fields = view! {
        <input type="hidden" name=format!("{form}[currency]") value=c.goal.currency().code()/>
        {match &tier {
            Some(t) => view! { <TierOptions tier=t.clone() editing=editing.clone() result form/> }.into_any(),
            None => view! { <p class="muted">{i18n.t(Key::PledgeNoRewardLead)} " " {min.clone()}</p> }.into_any(),
        }}
        <div class="field">
            <label for="field-extra">
                {if tier.is_some() { i18n.t(Key::PledgeExtraLabel) } else { i18n.t(Key::PledgeAmountLabel) }}
                " (" {c.goal.currency().code()} ")"
            </label>
            <input
                id="field-extra"
                name=format!("{form}[extra]")
                inputmode="decimal"
                value=extra_value
                autocomplete="off"
                aria-invalid=move || extra_error.get().is_some().then_some("true")
                aria-describedby=move || extra_error.get().is_some().then_some("field-extra-error")
            />
            <p class="field-error" id="field-extra-error" role="alert">{error_of(result, "extra")}</p>
        </div>
        <p class="pledge-terms" id="pledge-terms">{terms}</p>
    };
    let other_rewards = data
        .rewards
        .iter()
        .filter(|t| Some(t.id.0) != chosen_id && !t.is_sold_out())
        .map(|t| {
            let href = paths::pledge_form(&c.slug, Some(t.id), editing.as_ref().map(|p| p.id));
            view! { <li><a href=href>{t.title.clone()} " · " {i18n.money_short(t.price)}</a></li> }
        })
        .collect_view();
    let form = if let Some(p) = editing.clone() {
        view! {
            <ActionForm action=change attr:class="form pledge-form" attr:id="pledge-form">
                <input type="hidden" name="pledge" value=p.id.0/>
                {tier.as_ref().map(|t| view! { <input type="hidden" name=format!("{form}[tier]") value=t.id.0/> })}
                <FormError result/>
                {fields}
                <button class="button" type="submit">{i18n.t(Key::PledgeSaveChanges)}</button>
            </ActionForm>
        }
        .into_any()
    } else {
        let account = data.user.is_none().then(|| view! { <InlineAccount result/> });
        let slug = c.slug.clone();
        view! {
            <ActionForm action=create attr:class="form pledge-form" attr:id="pledge-form">
                <input type="hidden" name="pledge[slug]" value=slug/>
                <input type="hidden" name="pledge[key]" value=data.idempotency_key.clone()/>
                {tier.as_ref().map(|t| view! { <input type="hidden" name=format!("{form}[tier]") value=t.id.0/> })}
                <FormError result/>
                {fields}
                {account}
                <button class="button" type="submit" id="pledge-submit">{i18n.t(Key::PledgeContinue)}</button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <Title text=format!("{} · {} · Trame", i18n.t(Key::BackThisProject), c.title)/>
        <section class="wrap pledge-page">
            <p class="eyebrow"><a href=paths::campaign(&c.slug)>{c.title.clone()}</a></p>
            <h1>{i18n.t(Key::BackThisProject)}</h1>
            {if open {
                form
            } else {
                view! { <p class="form-error" role="alert">{i18n.t(Key::CampaignClosedText)}</p> }.into_any()
            }}
            <aside class="other-rewards">
                <h2>{i18n.t(Key::PledgeOtherRewards)}</h2>
                <ul class="plain">
                    <li>
                        <a href=paths::pledge_form(&c.slug, None, None)>{i18n.t(Key::PledgeWithoutReward)}</a>
                    </li>
                    {other_rewards}
                </ul>
            </aside>
        </section>
    }
}

/// Quantity, date, pickup point and questions of the chosen tier.
#[component]
fn TierOptions(
    tier: RewardTierView,
    editing: Option<PledgeView>,
    result: Outcome,
    form: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let quantity = (tier.max_per_pledge > 1).then(|| {
        let current = editing.as_ref().map(|p| p.quantity).unwrap_or(1);
        view! {
            <div class="field">
                <label for="field-quantity">{i18n.t(Key::PledgeQuantityLabel)}</label>
                <input id="field-quantity" name=format!("{form}[quantity]") type="number" min="1" max=tier.max_per_pledge value=current/>
                <p class="field-error" role="alert">{error_of(result, "quantity")}</p>
            </div>
        }
    });
    let slots = (!tier.slots.is_empty()).then(|| {
        let current = editing.as_ref().and_then(|p| p.reward_slot_id.map(|s| s.0));
        view! {
            <div class="field">
                <label for="field-slot">{i18n.t(Key::PledgeSlotLabel)}</label>
                <select id="field-slot" name=format!("{form}[slot]") required>
                    <option value="">"—"</option>
                    {tier
                        .slots
                        .iter()
                        .map(|s| {
                            let label = format!(
                                "{} · {}",
                                i18n.slot_time(s.starts_at, s.ends_at),
                                if s.is_full() { i18n.t(Key::SlotFull).to_owned() } else { i18n.places_left(s.remaining()) },
                            );
                            view! {
                                <option value=s.id.0 disabled=s.is_full() && current != Some(s.id.0) selected=current == Some(s.id.0)>
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <p class="field-error" role="alert">{error_of(result, "slot")}</p>
            </div>
        }
    });
    let pickup = (!tier.pickup_points.is_empty()).then(|| {
        let current = editing.as_ref().and_then(|p| p.pickup_point_id.map(|s| s.0));
        view! {
            <div class="field">
                <label for="field-pickup">{i18n.t(Key::PickupAt)}</label>
                <select id="field-pickup" name=format!("{form}[pickup]") required>
                    <option value="">"—"</option>
                    {tier
                        .pickup_points
                        .iter()
                        .map(|p| view! { <option value=p.id.0 selected=current == Some(p.id.0)>{p.name.clone()} ", " {p.address.clone()}</option> })
                        .collect_view()}
                </select>
                <p class="field-error" role="alert">{error_of(result, "pickup")}</p>
            </div>
        }
    });
    let questions = tier
        .questions
        .iter()
        .map(|q| {
            let name = format!("{form}[answers][{}]", q.id);
            let id = format!("field-answer-{}", q.id);
            let current = editing
                .as_ref()
                .and_then(|p| p.answers.iter().find(|(qid, _)| *qid == q.id).map(|(_, a)| a.clone()))
                .unwrap_or_default();
            let input = match q.kind {
                QuestionKind::Choice => view! {
                    <select id=id.clone() name=name required=q.required>
                        <option value="">"—"</option>
                        {q.choices
                            .iter()
                            .map(|choice| view! { <option value=choice.clone() selected=*choice == current>{choice.clone()}</option> })
                            .collect_view()}
                    </select>
                }
                .into_any(),
                QuestionKind::Text => view! { <input id=id.clone() name=name value=current required=q.required maxlength="500"/> }.into_any(),
            };
            view! {
                <div class="field">
                    <label for=id>{q.prompt.clone()}</label>
                    {input}
                    <p class="field-error" role="alert">{error_of(result, format!("answer-{}", q.id))}</p>
                </div>
            }
        })
        .collect_view();
    let left = tier
        .remaining()
        .map(|left| view! { <p class="availability">{i18n.units_left(left, tier.quantity_limit.unwrap_or(left))}</p> });
    view! {
        <div class="chosen-reward" id="chosen-reward" data-tier=tier.id.0>
            <p class="reward-kind">{i18n.label(tier.kind)}</p>
            <h2>{tier.title.clone()} " · " {i18n.money_short(tier.price)}</h2>
            <p>{tier.description.clone()}</p>
            {left}
        </div>
        {quantity}
        {slots}
        {pickup}
        {questions}
    }
}

/// Sign up or sign in without leaving the form (the choice stays filled in).
#[component]
fn InlineAccount(result: Outcome) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="inline-account" id="inline-account">
            <legend>{i18n.t(Key::PledgeAccountLegend)}</legend>
            <p class="radio-row">
                <label><input type="radio" name="pledge[account]" value="signup" checked/> " " {i18n.t(Key::PledgeNewAccount)}</label>
                <label><input type="radio" name="pledge[account]" value="signin"/> " " {i18n.t(Key::PledgeHaveAccount)}</label>
            </p>
            <div class="field">
                <label for="field-display_name">{i18n.t(Key::PledgeNameForNewAccounts)}</label>
                <input id="field-display_name" name="pledge[display_name]" autocomplete="name"/>
                <p class="field-error" role="alert">{error_of(result, "display_name")}</p>
            </div>
            <div class="field">
                <label for="field-email">{i18n.t(Key::EmailLabel)}</label>
                <input id="field-email" name="pledge[email]" type="email" autocomplete="email" required/>
                <p class="field-error" role="alert">{error_of(result, "email")}</p>
            </div>
            <div class="field">
                <label for="field-password">{i18n.t(Key::PasswordLabel)}</label>
                <input id="field-password" name="pledge[password]" type="password" autocomplete="current-password" required/>
                <p class="hint">{i18n.t(Key::PasswordHint)}</p>
                <p class="field-error" role="alert">{error_of(result, "password")}</p>
            </div>
        </fieldset>
    }
}

// ----- summary shared by the pay, result and list pages ------------------------------------------

#[component]
fn PledgeSummary(pledge: PledgeView) -> impl IntoView {
    let i18n = use_i18n();
    let reward = match &pledge.reward_title {
        Some(title) if pledge.quantity > 1 => format!("{} × {title}", pledge.quantity),
        Some(title) => title.clone(),
        None => i18n.t(Key::PledgeWithoutReward).to_owned(),
    };
    let slot = pledge.slot.map(|(start, end)| view! { <div><dt>{i18n.t(Key::PledgeSlotLabel)}</dt><dd>{i18n.slot_time(start, end)}</dd></div> });
    let pickup = pledge.pickup.clone().map(|p| view! { <div><dt>{i18n.t(Key::PickupAt)}</dt><dd>{p}</dd></div> });
    let answers = (!pledge.answers.is_empty()).then(|| {
        let text = pledge.answers.iter().map(|(_, a)| a.clone()).collect::<Vec<_>>().join(", ");
        view! { <div><dt>{i18n.t(Key::PledgeAnswers)}</dt><dd>{text}</dd></div> }
    });
    view! {
        <dl class="pledge-summary" data-status=pledge.status.as_str()>
            <div><dt>{i18n.t(Key::Campaign)}</dt><dd><a href=paths::campaign(&pledge.campaign_slug)>{pledge.campaign_title.clone()}</a></dd></div>
            <div><dt>{i18n.t(Key::Reward)}</dt><dd>{reward}</dd></div>
            {slot}
            {pickup}
            {answers}
            <div><dt>{i18n.t(Key::PledgeTotal)}</dt><dd class="pledge-total">{i18n.money(pledge.total)}</dd></div>
            <div><dt>{i18n.t(Key::PledgeStatusLabel)}</dt><dd class="pledge-status">{i18n.label(pledge.status)}</dd></div>
        </dl>
    }
}

// ----- pay ---------------------------------------------------------------------------------------

#[component]
pub fn PayPage() -> impl IntoView {
    let id = param_id("id");
    let data = Resource::new(move || id.get(), load_pay_page);
    load(data, |data| view! { <PayView data/> })
}

#[component]
fn PayView(data: PayData) -> impl IntoView {
    let i18n = use_i18n();
    let p = data.pledge.clone();
    let terms = charge_terms(i18n, p.funding_model, p.ends_at);
    let due = p.payment_due_at.map(|d| i18n.t(Key::PayBefore).replace("{date}", &i18n.date_time(d)));
    let error = matches!(p.status, PledgeStatus::PaymentFailed | PledgeStatus::Pending)
        .then(|| p.payment_error.clone())
        .flatten();
    let body = match &data.step {
        PayStep::Done => view! {
            <p class="notice" role="status">{i18n.t(Key::PayNothingToDo)}</p>
            <a class="button" href=paths::pledge(p.id)>{i18n.t(Key::PledgeSeeStatus)}</a>
        }
        .into_any(),
        PayStep::Processing => view! {
            <p class="notice" role="status" id="pay-processing">{i18n.t(Key::PayProcessing)}</p>
            <a class="button" href=paths::pledge(p.id)>{i18n.t(Key::PledgeSeeStatus)}</a>
        }
        .into_any(),
        PayStep::Prepare => view! { <PrepareForm pledge=p.id.0/> }.into_any(),
        step @ (PayStep::SaveCard { .. } | PayStep::Authenticate { .. }) => {
            let (mode, secret) = step.stripe_mode().unwrap_or_default();
            let setup = mode == "setup";
            let title = if setup { i18n.t(Key::PayCardTitle) } else { i18n.t(Key::PayAuthenticateTitle) };
            let button = match (setup, p.funding_model) {
                (true, FundingModel::Flexible) => i18n.t(Key::PayNow),
                (true, _) => i18n.t(Key::PaySaveCard),
                (false, _) => i18n.t(Key::PayAuthenticate),
            };
            view! {
                <div
                    class="pay-box"
                    id="pay-box"
                    data-pay="true"
                    data-mode=mode
                    data-client-secret=secret.to_owned()
                    data-publishable-key=data.publishable_key.clone()
                    data-stripe-js=data.stripe_js_url.clone()
                    data-locale=i18n.locale.code()
                    data-confirm-url="/api/pledges/confirm"
                    data-pledge=p.id.0
                    data-return-url=paths::pledge(p.id)
                    data-msg-working=i18n.t(Key::PayWorking)
                    data-msg-failed=i18n.t(Key::PayFailed)
                    data-msg-unavailable=i18n.t(Key::PayUnavailable)
                >
                    <h2>{title}</h2>
                    <div class="card-element"></div>
                    <button class="button pay-button" type="button" disabled>{button}</button>
                    <p class="pay-message" role="alert" aria-live="polite"></p>
                    <p class="pay-retry" hidden>
                        <a href=paths::pay(p.id) rel="external">{i18n.t(Key::PayTryAgain)}</a>
                    </p>
                    <p class="muted small">{i18n.t(Key::PayStripeNote)}</p>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::PayTitle))/>
        <section class="wrap pay-page">
            <h1>{i18n.t(Key::PayTitle)}</h1>
            <PledgeSummary pledge=p.clone()/>
            <p class="pledge-terms" id="pay-terms">
                <strong>{i18n.t(Key::PayYouWillBeCharged).replace("{amount}", &i18n.money(p.total))}</strong>
                " "
                {terms}
            </p>
            {error.map(|e| view! { <p class="form-error" role="alert">{i18n.t(Key::PaymentFailedText)} " (" {e} ")"</p> })}
            {due.map(|d| view! { <p class="notice">{d}</p> })}
            {body}
        </section>
    }
}

/// The pay page's button when nothing is ready at Stripe: a POST that prepares the payment.
#[component]
fn PrepareForm(pledge: i64) -> impl IntoView {
    let i18n = use_i18n();
    let prepare = ServerAction::<PreparePayment>::new();
    let failed = move || prepare.value().get().is_some_and(|r| r.is_err());
    view! {
        <ActionForm action=prepare attr:class="form pay-prepare" attr:id="pay-prepare">
            <input type="hidden" name="pledge" value=pledge/>
            <p>{i18n.t(Key::PayPrepareText)}</p>
            <p class="form-error" role="alert" hidden=move || !failed()>{i18n.t(Key::PayUnavailable)}</p>
            <button class="button" type="submit">{i18n.t(Key::PayPrepare)}</button>
        </ActionForm>
    }
}

// ----- result ------------------------------------------------------------------------------------

#[component]
pub fn PledgeResultPage() -> impl IntoView {
    let id = param_id("id");
    let data = Resource::new(move || id.get(), load_pledge);
    load(data, |pledge| view! { <PledgeResultView pledge/> })
}

#[component]
fn PledgeResultView(pledge: PledgeView) -> impl IntoView {
    let i18n = use_i18n();
    let (heading, text) = match pledge.status {
        PledgeStatus::Active => {
            (Key::PledgeThanks, i18n.t(Key::PledgeActiveText).replace("{date}", &i18n.date_time(pledge.ends_at)))
        }
        PledgeStatus::Collected => (Key::PledgeThanks, i18n.t(Key::PledgeCollectedText).to_owned()),
        PledgeStatus::Pending | PledgeStatus::PaymentFailed => {
            (Key::PledgeNotYet, i18n.t(Key::PledgeNotYetText).to_owned())
        }
        _ => (Key::PledgeOver, i18n.t(Key::PledgeOverText).to_owned()),
    };
    let needs_card = matches!(pledge.status, PledgeStatus::Pending | PledgeStatus::PaymentFailed);
    let receipt = (pledge.status == PledgeStatus::Collected)
        .then(|| view! { <a class="button secondary" href=paths::receipt(pledge.id)>{i18n.t(Key::ReceiptTitle)}</a> });
    view! {
        <Title text=format!("{} · Trame", i18n.t(heading))/>
        <section class="wrap pay-page" id="pledge-result" data-status=pledge.status.as_str()>
            <h1>{i18n.t(heading)}</h1>
            <p class="lead">{text}</p>
            <PledgeSummary pledge=pledge.clone()/>
            <p class="actions">
                {needs_card.then(|| view! { <a class="button" href=paths::pay(pledge.id) rel="external">{i18n.t(Key::PayTitle)}</a> })}
                {receipt}
                <a class="button secondary" href=paths::campaign(&pledge.campaign_slug)>{i18n.t(Key::BackToCampaign)}</a>
                <a class="button secondary" href=paths::MY_PLEDGES>{i18n.t(Key::MyPledges)}</a>
            </p>
        </section>
    }
}

// ----- the backer's list ---------------------------------------------------------------------------

#[component]
pub fn MyPledgesPage() -> impl IntoView {
    let i18n = use_i18n();
    let cancel = ServerAction::<CancelPledge>::new();
    let list = Resource::new(move || cancel.version().get(), |_| my_pledges());
    let result: Outcome = Signal::derive(move || cancel.value().get());
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::MyPledges))/>
        <section class="wrap my-pledges">
            <h1>{i18n.t(Key::MyPledges)}</h1>
            <FormError result/>
            {load(list, move |pledges| {
                if pledges.is_empty() {
                    return view! { <p class="empty">{i18n.t(Key::NoPledgesYet)} " " <a href="/">{i18n.t(Key::NavCampaigns)}</a></p> }.into_any();
                }
                view! {
                    <ul class="plain pledge-list">
                        {pledges.into_iter().map(|p| view! { <MyPledge pledge=p cancel/> }).collect_view()}
                    </ul>
                }
                .into_any()
            })}
        </section>
    }
}

#[component]
fn MyPledge(pledge: PledgeView, cancel: ServerAction<CancelPledge>) -> impl IntoView {
    let i18n = use_i18n();
    let id = pledge.id;
    let edit = paths::pledge_form(&pledge.campaign_slug, pledge.reward_tier_id, Some(id));
    let actions = pledge.changeable.then(|| {
        view! {
            <a class="button secondary" href=edit>{i18n.t(Key::PledgeChange)}</a>
            // a plain form (posted without JavaScript), dispatched in place once hydrated
            <form
                class="inline-form"
                method="post"
                action="/api/pledges/cancel"
                on:submit=move |ev| {
                    ev.prevent_default();
                    cancel.dispatch(CancelPledge { pledge: id.0 });
                }
            >
                <input type="hidden" name="pledge" value=id.0.to_string()/>
                <button class="button danger" type="submit">{i18n.t(Key::PledgeCancel)}</button>
            </form>
        }
    });
    let pay = matches!(pledge.status, PledgeStatus::Pending | PledgeStatus::PaymentFailed)
        .then(|| view! { <a class="button" href=paths::pay(id) rel="external">{i18n.t(Key::PayTitle)}</a> });
    let receipt = (pledge.status == PledgeStatus::Collected)
        .then(|| view! { <a class="button secondary" href=paths::receipt(id)>{i18n.t(Key::ReceiptTitle)}</a> });
    view! {
        <li class="pledge-item" id=format!("pledge-{id}") data-status=pledge.status.as_str()>
            <PledgeSummary pledge=pledge.clone()/>
            <div class="actions">{pay} {receipt} {actions}</div>
        </li>
    }
}

// ----- receipt -----------------------------------------------------------------------------------

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let id = param_id("id");
    let data = Resource::new(move || id.get(), load_pledge);
    load(data, |pledge| view! { <ReceiptView pledge/> })
}

#[component]
fn ReceiptView(pledge: PledgeView) -> impl IntoView {
    let i18n = use_i18n();
    if !matches!(pledge.status, PledgeStatus::Collected | PledgeStatus::Refunded) {
        return view! { <section class="wrap"><p class="notice">{i18n.t(Key::ReceiptNotYet)}</p></section> }.into_any();
    }
    let reference = pledge.id.receipt_reference();
    view! {
        <Title text=format!("{} {} · Trame", i18n.t(Key::ReceiptTitle), reference)/>
        <section class="wrap receipt" id="receipt">
            <h1>{i18n.t(Key::ReceiptTitle)}</h1>
            <p class="receipt-ref">{reference}</p>
            <PledgeSummary pledge=pledge.clone()/>
            <p>{i18n.t(Key::ReceiptPaidOn)} " " {pledge.collected_at.map(|d| i18n.date_time(d)).unwrap_or_default()}</p>
            <p class="muted small">{i18n.t(Key::ReceiptNote)}</p>
        </section>
    }
    .into_any()
}
