-- Designers written from the studio: the certifications a profile lists, and the account of the
-- designer who claimed their profile (they edit it too).
alter table designer add column certifications text[] not null default '{}'
    check (cardinality(certifications) <= 12);
alter table designer add column user_id bigint unique references app_user on delete set null;
