-- Pledges, payment attempts at Stripe and Stripe's webhook events.

create table pledge (
    pledge_id bigint generated always as identity primary key,
    campaign_id bigint not null references campaign,
    backer_id bigint not null references app_user,
    reward_tier_id bigint,
    reward_slot_id bigint,
    pickup_point_id bigint,
    quantity integer not null default 1 check (quantity between 1 and 100),
    -- amounts are computed by the server from database prices, in the campaign's currency
    reward_amount numeric(12, 2) not null default 0 check (reward_amount >= 0),
    extra_amount numeric(12, 2) not null default 0 check (extra_amount >= 0),
    total_amount numeric(12, 2) not null check (total_amount > 0),
    -- what match funds added to this pledge (counted in the campaign total, never charged)
    matched_amount numeric(12, 2) not null default 0 check (matched_amount >= 0),
    currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
    -- sent with the pledge form: a double submit creates one pledge
    idempotency_key text not null check (length(idempotency_key) between 8 and 100),
    status text not null default 'pending' check (status in (
        'pending', 'active', 'collected', 'payment_failed', 'dropped', 'cancelled', 'refunded'
    )),
    stripe_customer_id text,
    stripe_payment_method_id text,
    -- a pending pledge releases its reward unit when this passes without a saved card
    hold_expires_at timestamptz,
    collected_at timestamptz,
    cancelled_at timestamptz,
    fulfilled_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (total_amount = reward_amount + extra_amount),
    check (reward_tier_id is not null or (reward_amount = 0 and reward_slot_id is null and pickup_point_id is null)),
    unique (backer_id, idempotency_key),
    foreign key (campaign_id, currency) references campaign (campaign_id, currency),
    foreign key (campaign_id, reward_tier_id) references reward_tier (campaign_id, reward_tier_id),
    foreign key (reward_tier_id, reward_slot_id) references reward_slot (reward_tier_id, reward_slot_id),
    foreign key (campaign_id, pickup_point_id) references pickup_point (campaign_id, pickup_point_id)
);
create index pledge_campaign_status_idx on pledge (campaign_id, status);
create index pledge_backer_idx on pledge (backer_id, created_at desc);
create index pledge_tier_idx on pledge (reward_tier_id) where reward_tier_id is not null;
create index pledge_pending_hold_idx on pledge (hold_expires_at) where status = 'pending';

create table pledge_answer (
    pledge_id bigint not null references pledge on delete cascade,
    reward_question_id bigint not null references reward_question,
    answer text not null check (length(answer) <= 500),
    primary key (pledge_id, reward_question_id)
);

-- One row per attempt at Stripe: saving a card (setup), a charge, a refund.
create table payment (
    payment_id bigint generated always as identity primary key,
    pledge_id bigint not null references pledge,
    kind text not null check (kind in ('setup', 'charge', 'refund')),
    attempt integer not null default 1 check (attempt >= 1),
    amount numeric(12, 2) check (amount > 0),
    currency char(3) check (currency ~ '^[A-Z]{3}$'),
    -- every Stripe POST carries a key derived from our ids (e.g. pledge-42-charge-1)
    idempotency_key text not null unique,
    stripe_object_id text unique,
    status text not null default 'pending' check (status in (
        'pending', 'requires_action', 'succeeded', 'failed', 'cancelled'
    )),
    error_code text,
    error_message text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((kind = 'setup') = (amount is null)),
    check ((amount is null) = (currency is null)),
    unique (pledge_id, kind, attempt)
);
create index payment_pledge_idx on payment (pledge_id);

-- Every webhook event, stored by Stripe's id before it is applied: a replay does nothing.
create table stripe_event (
    stripe_event_id text primary key check (stripe_event_id like 'evt_%'),
    event_type text not null,
    -- id of the object the event is about (pi_..., seti_..., ch_...)
    object_id text,
    payload jsonb not null,
    received_at timestamptz not null default now(),
    processed_at timestamptz
);
create index stripe_event_object_idx on stripe_event (object_id);
