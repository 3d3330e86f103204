//! `/studio/campaigns/{id}/team`: who runs the campaign. Owners invite by email (the invited
//! account accepts from the link), withdraw an invitation and take someone off the team; anyone
//! on it may leave. The last owner stays.

use super::{campaign_param, load, StudioNav};
use crate::api::studio::team::{load_team, InviteMember, RemoveMember, RevokeInvite};
use crate::components::form::{done, field_error, Field, Outcome};
use crate::components::progressive_form::ProgressiveForm;
use crate::domain::{to_zurich, CampaignId, MemberRole, TeamInvite, TeamMember, TeamPage};
use crate::i18n::{use_i18n, Key};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn TeamPageView() -> impl IntoView {
    let team = Resource::new(campaign_param(), load_team);
    load(team, |team| view! { <TeamView team/> })
}

#[component]
fn TeamView(team: TeamPage) -> impl IntoView {
    let i18n = use_i18n();
    let campaign = team.campaign;
    let invited = done("invited", Signal::derive(|| None));
    let removed = done("removed", Signal::derive(|| None));
    let withdrawn = done("withdrawn", Signal::derive(|| None));
    let manages = team.manages;
    let me = team.me;
    view! {
        <Title text=format!("{} · {} · Trame", i18n.t(Key::TeamTitle), team.title)/>
        <section class="wrap studio-editor studio-team" data-status=team.status.as_str()>
            <p class="eyebrow"><a href=paths::STUDIO>{i18n.t(Key::StudioTitle)}</a> " · " {i18n.label(team.status)}</p>
            <h1>{team.title.clone()}</h1>
            <StudioNav campaign current=Key::TeamTitle/>
            <Show when=move || invited.get()>
                <p class="notice" role="status" id="invite-sent">{i18n.t(Key::InviteSent)}</p>
            </Show>
            <Show when=move || removed.get() || withdrawn.get()>
                <p class="notice" role="status" id="team-changed">{i18n.t(Key::TeamChanged)}</p>
            </Show>
            <p class="lead">{i18n.t(Key::TeamLead)}</p>
            <h2>{i18n.t(Key::TeamMembers)}</h2>
            <ul class="plain team-list" id="team-members">
                {team
                    .members
                    .into_iter()
                    .map(|m| {
                        let mine = m.user == me;
                        view! { <MemberItem campaign member=m removable=manages || mine mine/> }
                    })
                    .collect_view()}
            </ul>
            <section class="section" id="invites" aria-labelledby="invites-heading">
                <h2 id="invites-heading">{i18n.t(Key::TeamInvites)}</h2>
                {team.invites.is_empty().then(|| view! { <p class="muted">{i18n.t(Key::NoOpenInvites)}</p> })}
                <ul class="plain team-list" id="team-invites">
                    {team.invites.into_iter().map(|i| view! { <InviteItem campaign invite=i manages/> }).collect_view()}
                </ul>
                {manages.then(|| view! { <InviteForm campaign/> })}
            </section>
        </section>
    }
}

#[component]
fn MemberItem(campaign: CampaignId, member: TeamMember, removable: bool, mine: bool) -> impl IntoView {
    let i18n = use_i18n();
    let remove = ServerAction::<RemoveMember>::new();
    let result: Outcome = Signal::derive(move || remove.value().get());
    let m = member;
    view! {
        <li class="team-member" id=format!("member-{}", m.user)>
            <span>
                <strong>{m.name.clone()}</strong> " · " {i18n.label(m.role)}
                <span class="muted small">" · " {m.email.clone()} " · " {i18n.t(Key::MemberSince)} " " {i18n.date(to_zurich(m.since).date())}</span>
            </span>
            {removable.then(|| view! {
                <ActionForm action=remove attr:class="inline-form">
                    <input type="hidden" name="campaign" value=campaign.0/>
                    <input type="hidden" name="member" value=m.user.0/>
                    <button class="button secondary small" type="submit">
                        {i18n.t(if mine { Key::LeaveTeam } else { Key::RemoveFromTeam })}
                    </button>
                </ActionForm>
                <p class="form-error" role="alert">{move || match result.get() {
                    Some(Err(e)) => Some(i18n.t(e.message())),
                    _ => None,
                }}</p>
            })}
        </li>
    }
}

/// How long an open invitation's link works: its last day, or that it expired.
pub(super) fn invite_until(expired: bool, expires_at: chrono::DateTime<chrono::Utc>) -> String {
    let i18n = use_i18n();
    if expired {
        i18n.t(Key::InviteExpired).to_owned()
    } else {
        format!("{} {}", i18n.t(Key::ValidUntil), i18n.date(to_zurich(expires_at).date()))
    }
}

#[component]
fn InviteItem(campaign: CampaignId, invite: TeamInvite, manages: bool) -> impl IntoView {
    let i18n = use_i18n();
    let revoke = ServerAction::<RevokeInvite>::new();
    let i = invite;
    let until = invite_until(i.expired, i.expires_at);
    view! {
        <li class="team-invite" id=format!("invite-{}", i.id)>
            <span>
                <strong>{i.email.clone()}</strong> " · " {i18n.label(i.role)}
                <span class="muted small">" · " {until}</span>
            </span>
            {manages.then(|| view! {
                <ActionForm action=revoke attr:class="inline-form">
                    <input type="hidden" name="campaign" value=campaign.0/>
                    <input type="hidden" name="invite" value=i.id/>
                    <button class="button secondary small" type="submit">{i18n.t(Key::WithdrawInvite)}</button>
                </ActionForm>
            })}
        </li>
    }
}

#[component]
fn InviteForm(campaign: CampaignId) -> impl IntoView {
    let i18n = use_i18n();
    let invite = ServerAction::<InviteMember>::new();
    let result: Outcome = Signal::derive(move || invite.value().get());
    let role_error = field_error(result, "role");
    view! {
        <ProgressiveForm>
            <ActionForm action=invite attr:class="form" attr:id="invite-form">
                <input type="hidden" name="campaign" value=campaign.0/>
                <super::fields::FormNote result fields=&[]/>
                <Field name="email" label=Key::EmailLabel kind="email" autocomplete="off" error=field_error(result, "email")/>
                <div class="field" class:has-error=move || role_error.get().is_some()>
                    <label for="field-role">{i18n.t(Key::RoleLabel)}</label>
                    <select id="field-role" name="role" aria-describedby="field-role-hint">
                        {[MemberRole::Editor, MemberRole::Owner]
                            .into_iter()
                            .map(|r| view! { <option value=r.as_str()>{i18n.label(r)}</option> })
                            .collect_view()}
                    </select>
                    <p class="hint" id="field-role-hint">{i18n.t(Key::RoleHint)}</p>
                </div>
                <button class="button" type="submit">{i18n.t(Key::SendInvite)}</button>
            </ActionForm>
        </ProgressiveForm>
    }
}
