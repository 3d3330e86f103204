//! Durable background jobs on PostgreSQL (underway: `FOR UPDATE SKIP LOCKED` workers, retries
//! with exponential backoff, jobs scheduled at a time, enqueued inside our own transactions).
//! `queue` says what a task is and queues it; `workers` runs them. Every server process runs the
//! workers by default; several processes share the queues safely.

pub mod queue;
pub mod workers;

pub use queue::{DeliverEmail, Queue, Task};
pub use workers::{run, schedule_closes, start, WorkerContext, Workers};
