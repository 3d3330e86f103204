//! The HTTP tests: the real server on port 0 against a fresh PostgreSQL database each
//! (`#[sqlx::test]`). One test binary rather than one per file: each links the whole server,
//! so one link instead of 27 saves minutes and gigabytes of target/ on a clean build.

mod support;

mod accounts;
mod concurrency;
mod dashboard;
mod designer_claims;
mod designers;
mod designers_studio;
mod fulfilment;
mod funds;
mod help;
mod images;
mod jobs_and_email;
mod live;
mod many_servers;
mod money_defects;
mod overload;
mod pages;
mod partners;
mod payments;
mod pledges;
mod review;
mod serving;
mod studio;
mod studio_rewards;
mod team;
mod two_servers;
mod updates;
mod wording;
