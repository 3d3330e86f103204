-- Partners and match funds, needs and help offers, updates, and the email outbox.

create table partner (
    partner_id bigint generated always as identity primary key,
    -- null: a partner of the platform as a whole
    campaign_id bigint references campaign on delete cascade,
    user_id bigint references app_user on delete set null,
    organisation text not null check (length(organisation) between 1 and 160),
    contact_name text not null,
    contact_email text not null check (contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    kind text not null check (kind in ('technology', 'media', 'financial', 'in_kind')),
    level text not null default 'supporter' check (level in ('principal', 'major', 'supporter')),
    message text not null default '',
    logo_url text,
    website_url text,
    status text not null default 'applied' check (status in ('applied', 'approved', 'rejected')),
    reviewed_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index partner_campaign_status_idx on partner (campaign_id, status);

-- A financial partner's pool that matches backers' pledges.
create table match_fund (
    match_fund_id bigint generated always as identity primary key,
    campaign_id bigint not null references campaign on delete cascade,
    partner_id bigint not null references partner,
    currency char(3) not null,
    -- 1.00 matches one franc for each franc pledged; 0.50 half of it
    ratio numeric(5, 2) not null check (ratio > 0 and ratio <= 10),
    cap_per_pledge numeric(12, 2) check (cap_per_pledge > 0),
    total_cap numeric(12, 2) not null check (total_cap > 0),
    matched_total numeric(12, 2) not null default 0,
    -- only pledges on this tier are matched, when set
    reward_tier_id bigint,
    is_active boolean not null default true,
    created_at timestamptz not null default now(),
    constraint match_fund_within_cap check (matched_total >= 0 and matched_total <= total_cap),
    foreign key (campaign_id, currency) references campaign (campaign_id, currency),
    foreign key (campaign_id, reward_tier_id) references reward_tier (campaign_id, reward_tier_id)
);
create index match_fund_campaign_idx on match_fund (campaign_id);

create table need (
    need_id bigint generated always as identity primary key,
    campaign_id bigint not null references campaign on delete cascade,
    kind text not null check (kind in ('space', 'machine', 'volunteer_hours', 'skill', 'designer_introduction', 'other')),
    title text not null check (length(title) between 1 and 160),
    description text not null default '',
    -- how many units are needed (hours, machines, introductions...)
    quantity integer not null check (quantity > 0),
    unit text not null default '',
    position integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index need_campaign_idx on need (campaign_id, position);

create table help_offer (
    help_offer_id bigint generated always as identity primary key,
    need_id bigint not null references need on delete cascade,
    user_id bigint references app_user on delete set null,
    name text not null check (length(name) between 1 and 120),
    email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    quantity integer not null check (quantity > 0),
    message text not null default '',
    status text not null default 'offered' check (status in ('offered', 'accepted', 'declined', 'done', 'withdrawn')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index help_offer_need_idx on help_offer (need_id, status);

create table campaign_update (
    campaign_update_id bigint generated always as identity primary key,
    campaign_id bigint not null references campaign on delete cascade,
    author_id bigint references app_user on delete set null,
    title text not null check (length(title) between 1 and 160),
    body_md text not null,
    visibility text not null default 'public' check (visibility in ('public', 'backers')),
    -- null: a draft
    published_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index campaign_update_campaign_idx on campaign_update (campaign_id, published_at desc);

-- Emails are written here in the same transaction as the event that causes them, then sent by a job.
create table email_outbox (
    email_outbox_id bigint generated always as identity primary key,
    to_address text not null,
    locale text not null check (locale in ('fr', 'en', 'de')),
    template text not null,
    payload jsonb not null default '{}',
    -- makes "send this email once" idempotent, e.g. 'pledge-42-confirmed'
    dedupe_key text unique,
    status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    attempts integer not null default 0 check (attempts >= 0),
    last_error text,
    send_after timestamptz not null default now(),
    sent_at timestamptz,
    created_at timestamptz not null default now()
);
create index email_outbox_pending_idx on email_outbox (send_after) where status = 'pending';
