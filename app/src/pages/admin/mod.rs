//! Admin pages: `/admin/review`, the campaigns waiting for review (review.rs). The server
//! functions behind them check the admin role; these pages only show what they return.

mod review;

pub use review::ReviewQueuePage;
