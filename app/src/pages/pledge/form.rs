//! `/campaigns/{slug}/pledge?tier=`: choose a reward (or none), sign up or in inline, pledge or change.

use super::*;

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
    // card form there)
    let open = c.is_open(data.server_now);
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
            <ProgressiveForm>
                <ActionForm action=change attr:class="form pledge-form" attr:id="pledge-form">
                    <input type="hidden" name="pledge" value=p.id.0/>
                    {tier.as_ref().map(|t| view! { <input type="hidden" name=format!("{form}[tier]") value=t.id.0/> })}
                    <FormError result/>
                    {fields}
                    <button class="button" type="submit">{i18n.t(Key::PledgeSaveChanges)}</button>
                </ActionForm>
            </ProgressiveForm>
        }
        .into_any()
    } else {
        let account = data.user.is_none().then(|| view! { <InlineAccount result/> });
        let slug = c.slug.clone();
        view! {
            <ProgressiveForm>
                <ActionForm action=create attr:class="form pledge-form" attr:id="pledge-form">
                    <input type="hidden" name="pledge[slug]" value=slug/>
                    <input type="hidden" name="pledge[key]" value=data.idempotency_key.clone()/>
                    {tier.as_ref().map(|t| view! { <input type="hidden" name=format!("{form}[tier]") value=t.id.0/> })}
                    <FormError result/>
                    {fields}
                    {account}
                    <button class="button" type="submit" id="pledge-submit">{i18n.t(Key::PledgeContinue)}</button>
                </ActionForm>
            </ProgressiveForm>
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
