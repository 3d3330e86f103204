-- The review of a campaign before it goes live: when its team submitted it, who reviewed it,
-- and the reason given when it was sent back (shown to the team until it is submitted again).
alter table campaign
    add column submitted_at timestamptz,
    add column reviewed_at timestamptz,
    add column reviewed_by bigint references app_user on delete set null,
    add column review_note text check (length(review_note) <= 2000);

create index campaign_in_review_idx on campaign (submitted_at) where status = 'in_review';
