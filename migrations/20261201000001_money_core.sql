-- The money core: a payment Stripe is still working on is recorded as such, a pledge whose
-- settling failed goes to the back of the charge run, email addresses are verified, and rate
-- limits are counted in the database so that every server process shares them.

-- `processing`: Stripe is still working on the charge; money may still move.
alter table payment drop constraint payment_status_check;
alter table payment add constraint payment_status_check check (status in (
    'pending', 'processing', 'requires_action', 'succeeded', 'failed', 'cancelled'
));
-- at most one open charge per pledge: a second attempt while one is open would charge twice
create unique index payment_one_open_charge_idx on payment (pledge_id)
    where kind = 'charge' and status in ('pending', 'processing', 'requires_action');

-- Set when settling this pledge failed for a reason other than the card (Stripe unreachable, a
-- bug): the charge run takes the others first and comes back to it.
alter table pledge add column settle_error_at timestamptz;

-- Email verification: a link sent by email proves the address. Admin rights (ADMIN_EMAILS) and
-- campaign ownership need a verified address.
alter table app_user add column email_verified_at timestamptz;
create table email_verification (
    -- SHA-256 of the token sent by email; the token itself is never stored
    token_hash bytea primary key check (length(token_hash) = 32),
    user_id bigint not null references app_user on delete cascade,
    -- the address the link was sent to: a changed address needs a new link
    email text not null,
    expires_at timestamptz not null,
    used_at timestamptz,
    created_at timestamptz not null default now(),
    check (expires_at > created_at)
);
create index email_verification_user_idx on email_verification (user_id);

-- Rate limits shared by every server process: one row per bucket (an action and a parsed key)
-- and fixed window. Old windows are deleted as new ones start.
create table rate_limit (
    bucket text not null check (length(bucket) <= 300),
    window_start timestamptz not null,
    hits integer not null check (hits >= 1),
    primary key (bucket, window_start)
);
create index rate_limit_window_idx on rate_limit (window_start);

-- The match fund a pledge's match came from: it goes back to that fund, whatever became of it.
alter table pledge add column match_fund_id bigint references match_fund;
update pledge p set match_fund_id = (
    select f.match_fund_id from match_fund f where f.campaign_id = p.campaign_id order by f.match_fund_id limit 1)
where matched_amount > 0;
alter table pledge add constraint pledge_match_has_fund check (matched_amount = 0 or match_fund_id is not null);
