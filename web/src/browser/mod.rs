//! Browser APIs wrapped for the work forms, leptos-use style: `use_x(..)` returns a small
//! handle and cleans up with `on_cleanup`.

pub mod audio;
pub mod device;
pub mod download;
pub mod service_worker;
