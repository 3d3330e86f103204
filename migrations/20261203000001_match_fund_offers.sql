-- Match funds offered by partners. A financial partner offers a fund to a campaign; its owners
-- accept or decline it; once accepted the partner saves a card, and from then on the fund
-- matches pledges. Several funds apply one after another in the order they started matching
-- (each franc pledged is matched once); a fund can be kept to some rewards. What each fund gave
-- a pledge is one row of pledge_match, given back to that fund when the pledge stops counting.

alter table match_fund add column status text not null default 'offered'
    check (status in ('offered', 'accepted', 'declined', 'withdrawn'));
alter table match_fund add column decline_reason text check (length(decline_reason) <= 1000);
alter table match_fund add column decided_at timestamptz;
-- the partner's card, saved through a SetupIntent of its own (no pledge: no payment row)
alter table match_fund add column stripe_customer_id text;
alter table match_fund add column stripe_setup_intent_id text;
alter table match_fund add column stripe_payment_method_id text;
-- when the fund began to match (its card saved): the order in which funds apply
alter table match_fund add column matching_since timestamptz;
update match_fund set status = case when is_active then 'accepted' else 'withdrawn' end,
                      decided_at = created_at,
                      matching_since = case when is_active then created_at end;
alter table match_fund drop column is_active;
create index match_fund_matching_idx on match_fund (campaign_id, matching_since) where matching_since is not null;

-- the rewards a fund is kept to (none: every pledge)
create table match_fund_tier (
    match_fund_id bigint not null references match_fund on delete cascade,
    reward_tier_id bigint not null references reward_tier on delete cascade,
    primary key (match_fund_id, reward_tier_id)
);
insert into match_fund_tier (match_fund_id, reward_tier_id)
    select match_fund_id, reward_tier_id from match_fund where reward_tier_id is not null;
alter table match_fund drop column reward_tier_id;

create table pledge_match (
    pledge_id bigint not null references pledge on delete cascade,
    match_fund_id bigint not null references match_fund,
    amount numeric(12, 2) not null check (amount > 0),
    primary key (pledge_id, match_fund_id)
);
create index pledge_match_fund_idx on pledge_match (match_fund_id);
insert into pledge_match (pledge_id, match_fund_id, amount)
    select pledge_id, match_fund_id, matched_amount from pledge where matched_amount > 0 and match_fund_id is not null;
alter table pledge drop constraint pledge_match_has_fund;
alter table pledge drop column match_fund_id;

-- what a partner was charged for a fund: one row per attempt, sent to Stripe with its key
create table match_fund_charge (
    match_fund_charge_id bigint generated always as identity primary key,
    match_fund_id bigint not null references match_fund,
    attempt int not null check (attempt >= 1),
    amount numeric(12, 2) not null check (amount > 0),
    currency char(3) not null,
    idempotency_key text not null unique,
    status text not null default 'created'
        check (status in ('created', 'processing', 'succeeded', 'failed')),
    stripe_payment_intent_id text,
    failure_message text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (match_fund_id, attempt)
);
-- at most one attempt in flight per fund
create unique index match_fund_charge_open_idx on match_fund_charge (match_fund_id)
    where status in ('created', 'processing');
