//! The server's API, tested in-process on the real router with a fresh SQLite file per test.

mod helpers;

mod accounts;
mod app_shell;
mod artefacts;
mod audit;
mod binary;
mod clients;
mod durability;
mod evaluation;
mod exercises;
mod export;
mod groups;
mod kiosk;
mod kiosk_gallery;
mod kiosk_unlock;
mod progress;
mod proxy;
mod report;
mod security;
mod timeline;
