-- Check-in at a reward's time slot: the QR code on the backer's pledge page links to the
-- pledge's check-in token; a member of the campaign's team opening it records the arrival.
alter table pledge
    add column checkin_token uuid not null default gen_random_uuid(),
    add column checked_in_at timestamptz;
create unique index pledge_checkin_token_key on pledge (checkin_token);
