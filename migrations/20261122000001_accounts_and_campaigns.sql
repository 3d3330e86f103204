-- Accounts and campaigns. Conventions: singular table names, <table>_id keys, timestamptz in UTC,
-- enums as text + CHECK (the Rust enums in app/src/domain parse them), money as numeric(12,2)
-- next to a currency code. Never edit a migration once it has been applied: add a new one.

-- "user" is a reserved word in SQL; app_user avoids quoting it everywhere.
create table app_user (
    user_id bigint generated always as identity primary key,
    email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 254),
    display_name text not null check (length(display_name) between 1 and 80),
    -- null for accounts that never set a password (e.g. invited people); argon2id PHC string otherwise
    password_hash text,
    locale text not null default 'fr' check (locale in ('fr', 'en', 'de')),
    is_admin boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
-- Emails are unique case-insensitively.
create unique index app_user_email_key on app_user (lower(email));

create table campaign (
    campaign_id bigint generated always as identity primary key,
    slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) between 3 and 80),
    title text not null check (length(title) between 1 and 120),
    summary text not null default '' check (length(summary) <= 300),
    -- Markdown source; rendered and sanitised on the server
    story_md text not null default '',
    city text not null default 'Genève',
    currency char(3) not null default 'CHF' check (currency in ('CHF', 'EUR')),
    goal numeric(12, 2) not null check (goal > 0),
    funding_model text not null default 'all_or_nothing' check (funding_model in ('all_or_nothing', 'flexible')),
    -- smallest pledge without a reward
    min_pledge numeric(12, 2) not null default 5 check (min_pledge > 0),
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    status text not null default 'draft'
        check (status in ('draft', 'in_review', 'live', 'succeeded', 'failed', 'cancelled')),
    -- Totals kept in the same transaction as the pledges that change them (checked by tests
    -- against the sum of pledges): pledged_total and matched_total in `currency`.
    pledged_total numeric(12, 2) not null default 0 check (pledged_total >= 0),
    matched_total numeric(12, 2) not null default 0 check (matched_total >= 0),
    backer_count integer not null default 0 check (backer_count >= 0),
    launched_at timestamptz,
    closed_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (ends_at > starts_at),
    -- lets pledges reference (campaign_id, currency) so a pledge's currency is the campaign's
    unique (campaign_id, currency)
);
create index campaign_status_ends_at_idx on campaign (status, ends_at);

create table campaign_member (
    campaign_id bigint not null references campaign on delete cascade,
    user_id bigint not null references app_user on delete cascade,
    role text not null check (role in ('owner', 'editor')),
    created_at timestamptz not null default now(),
    primary key (campaign_id, user_id)
);
create index campaign_member_user_idx on campaign_member (user_id);

-- Pictures of a campaign; the lowest position is the hero.
create table campaign_image (
    campaign_image_id bigint generated always as identity primary key,
    campaign_id bigint not null references campaign on delete cascade,
    url text not null,
    alt text not null default '',
    width integer check (width > 0),
    height integer check (height > 0),
    position integer not null default 0,
    created_at timestamptz not null default now()
);
create index campaign_image_campaign_idx on campaign_image (campaign_id, position);

create table campaign_faq (
    campaign_faq_id bigint generated always as identity primary key,
    campaign_id bigint not null references campaign on delete cascade,
    question text not null check (length(question) between 1 and 300),
    answer_md text not null,
    position integer not null default 0,
    created_at timestamptz not null default now()
);
create index campaign_faq_campaign_idx on campaign_faq (campaign_id, position);
