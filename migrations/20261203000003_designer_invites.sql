-- A campaign's team invites a designer it works with to claim their public profile. The link
-- goes to the designer's address; the account with that address accepts it (which proves the
-- address) and from then on keeps the profile up to date itself (the team still may). One open
-- invitation per designer: inviting again sends a new link and the old one stops working. An
-- account holds at most one profile (designer.user_id is unique).
create table designer_invite (
    designer_invite_id bigint generated always as identity primary key,
    designer_id bigint not null references designer on delete cascade,
    -- the campaign whose team invited (its title is in the email and on the link's page)
    campaign_id bigint not null references campaign on delete cascade,
    email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 254),
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
create unique index designer_invite_open_key on designer_invite (designer_id)
    where accepted_at is null and revoked_at is null;
