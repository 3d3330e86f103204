-- Partners who sign up themselves: the reviewer's reason when an application is rejected (the
-- partner reads it by email and on their account).
alter table partner add column review_note text check (length(review_note) <= 1000);
