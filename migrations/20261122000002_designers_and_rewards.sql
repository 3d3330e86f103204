-- Designers (a public registry), pickup points and reward tiers with their slots and questions.

create table designer (
    designer_id bigint generated always as identity primary key,
    slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name text not null check (length(name) between 1 and 120),
    atelier text not null default '',
    city text not null,
    bio text not null default '',
    materials text[] not null default '{}',
    practices text[] not null default '{}' check (practices <@ array[
        'upcycling', 'zero_waste_cutting', 'local_sourcing', 'natural_dyes', 'repair',
        'organic_fibres', 'made_to_order', 'deadstock', 'hand_craft'
    ]::text[]),
    photo_url text,
    website_url text,
    instagram_url text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create table campaign_designer (
    campaign_id bigint not null references campaign on delete cascade,
    designer_id bigint not null references designer on delete cascade,
    -- distance from the designer's atelier to the campaign's city, for short-supply-chain claims
    distance_km numeric(7, 1) check (distance_km >= 0),
    position integer not null default 0,
    primary key (campaign_id, designer_id)
);
create index campaign_designer_designer_idx on campaign_designer (designer_id);

create table pickup_point (
    pickup_point_id bigint generated always as identity primary key,
    campaign_id bigint not null references campaign on delete cascade,
    name text not null,
    address text not null,
    city text not null,
    opening_hours text not null default '',
    position integer not null default 0,
    created_at timestamptz not null default now(),
    unique (campaign_id, pickup_point_id)
);

create table reward_tier (
    reward_tier_id bigint generated always as identity primary key,
    campaign_id bigint not null references campaign on delete cascade,
    title text not null check (length(title) between 1 and 120),
    description text not null default '',
    kind text not null check (kind in ('object', 'workshop', 'guided_route', 'coaching', 'meeting')),
    price numeric(12, 2) not null check (price > 0),
    -- null: unlimited. claimed counts units held by live pledges (pending, active, collected, payment_failed)
    quantity_limit integer check (quantity_limit > 0),
    claimed integer not null default 0,
    estimated_delivery date,
    fulfilment text not null check (fulfilment in ('pickup', 'shipping', 'in_person', 'online')),
    -- where an in_person session takes place (pickup tiers name their pickup points instead)
    location text,
    designer_id bigint references designer on delete set null,
    max_per_pledge integer not null default 1 check (max_per_pledge between 1 and 100),
    position integer not null default 0,
    is_visible boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    -- never oversell: the claim is a guarded UPDATE, and this is the last line of defence
    constraint reward_tier_claimed_within_limit
        check (claimed >= 0 and (quantity_limit is null or claimed <= quantity_limit)),
    -- lets pledges reference (campaign_id, reward_tier_id): a tier of another campaign is refused
    unique (campaign_id, reward_tier_id)
);
create index reward_tier_campaign_idx on reward_tier (campaign_id, position);

-- Pickup points a tier can be collected at (fulfilment = 'pickup').
create table reward_pickup_point (
    reward_tier_id bigint not null references reward_tier on delete cascade,
    pickup_point_id bigint not null references pickup_point on delete cascade,
    primary key (reward_tier_id, pickup_point_id)
);

-- Time slots of workshops, guided routes and meetings, each with its own capacity.
create table reward_slot (
    reward_slot_id bigint generated always as identity primary key,
    reward_tier_id bigint not null references reward_tier on delete cascade,
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    capacity integer not null check (capacity > 0),
    claimed integer not null default 0,
    location text,
    created_at timestamptz not null default now(),
    check (ends_at > starts_at),
    constraint reward_slot_claimed_within_capacity check (claimed >= 0 and claimed <= capacity),
    unique (reward_tier_id, reward_slot_id)
);
create index reward_slot_tier_idx on reward_slot (reward_tier_id, starts_at);

-- Questions a backer answers when choosing a tier (e.g. a size).
create table reward_question (
    reward_question_id bigint generated always as identity primary key,
    reward_tier_id bigint not null references reward_tier on delete cascade,
    prompt text not null check (length(prompt) between 1 and 200),
    -- 'choice' questions list their choices; 'text' questions take free text
    kind text not null default 'text' check (kind in ('text', 'choice')),
    choices text[] not null default '{}',
    required boolean not null default true,
    position integer not null default 0,
    check (kind = 'text' or cardinality(choices) > 0)
);
create index reward_question_tier_idx on reward_question (reward_tier_id, position);
