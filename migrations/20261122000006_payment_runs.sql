-- Payments at work: the close of a campaign freezes its totals, and payment recovery has a deadline.

-- Set in the transaction that closes the campaign, for the pledges counted in its total at that
-- moment: the totals of a closed campaign are checked against these pledges.
alter table pledge add column counted_at_close boolean not null default false;
-- A pledge whose charge failed must be paid on-session before this, or it is dropped.
alter table pledge add column payment_due_at timestamptz;
-- How many recovery reminders were sent.
alter table pledge add column reminders_sent integer not null default 0 check (reminders_sent >= 0);
create index pledge_campaign_active_idx on pledge (campaign_id, pledge_id) where status = 'active';

-- Charges that need the backer (3-D Secure) keep the intent's secret for the pay page.
alter table payment add column client_secret text;
