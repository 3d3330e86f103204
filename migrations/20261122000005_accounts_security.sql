-- Accounts: sessions that can be ended all at once, and single-use password reset tokens.

-- Bumped when the password changes: sessions signed in under an older epoch are ended.
alter table app_user add column session_epoch integer not null default 0 check (session_epoch >= 0);

create table password_reset (
    -- SHA-256 of the token sent by email; the token itself is never stored
    token_hash bytea primary key check (length(token_hash) = 32),
    user_id bigint not null references app_user on delete cascade,
    expires_at timestamptz not null,
    used_at timestamptz,
    created_at timestamptz not null default now(),
    check (expires_at > created_at)
);
create index password_reset_user_idx on password_reset (user_id);
