-- Team invitations and translations of a campaign's texts.

-- An owner invites an address to the team with a role; the account with that address accepts
-- through the link sent to it (which proves the address). One open invitation per address and
-- campaign: inviting again sends a new link and the old one stops working.
create table campaign_invite (
    campaign_invite_id bigint generated always as identity primary key,
    campaign_id bigint not null references campaign on delete cascade,
    email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 254),
    role text not null check (role in ('owner', 'editor')),
    -- SHA-256 of the token sent by email; the token itself is never stored
    token_hash bytea not null unique check (length(token_hash) = 32),
    invited_by bigint references app_user on delete set null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    accepted_at timestamptz,
    accepted_by bigint references app_user on delete set null,
    revoked_at timestamptz,
    check (expires_at > created_at),
    check (accepted_at is null or revoked_at is null)
);
create unique index campaign_invite_open_key on campaign_invite (campaign_id, lower(email))
    where accepted_at is null and revoked_at is null;

-- The language the campaign's own texts are written in; translations add the others.
alter table campaign add column locale text not null default 'fr' check (locale in ('fr', 'en', 'de'));

-- Translations written by the team. The public page shows the visitor's language when there is
-- one, else the campaign's own texts. An empty field falls back to the original.
create table campaign_translation (
    campaign_id bigint not null references campaign on delete cascade,
    locale text not null check (locale in ('fr', 'en', 'de')),
    title text not null default '' check (length(title) <= 120),
    summary text not null default '' check (length(summary) <= 300),
    story_md text not null default '' check (length(story_md) <= 50000),
    updated_at timestamptz not null default now(),
    primary key (campaign_id, locale)
);

create table reward_tier_translation (
    reward_tier_id bigint not null references reward_tier on delete cascade,
    locale text not null check (locale in ('fr', 'en', 'de')),
    title text not null default '' check (length(title) <= 120),
    description text not null default '' check (length(description) <= 2000),
    updated_at timestamptz not null default now(),
    primary key (reward_tier_id, locale)
);

create table campaign_faq_translation (
    campaign_faq_id bigint not null references campaign_faq on delete cascade,
    -- the entry's campaign, for the page's cache (campaign_changed)
    campaign_id bigint not null references campaign on delete cascade,
    locale text not null check (locale in ('fr', 'en', 'de')),
    question text not null default '' check (length(question) <= 300),
    answer_md text not null default '' check (length(answer_md) <= 5000),
    updated_at timestamptz not null default now(),
    primary key (campaign_faq_id, locale)
);

create trigger campaign_translation_changed after insert or update or delete on campaign_translation
    for each row execute function notify_campaign_changed();
create trigger reward_tier_translation_changed after insert or update or delete on reward_tier_translation
    for each row execute function notify_campaign_changed();
create trigger campaign_faq_translation_changed after insert or update or delete on campaign_faq_translation
    for each row execute function notify_campaign_changed();
