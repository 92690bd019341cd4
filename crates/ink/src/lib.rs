#![doc = include_str!("../README.md")]

mod brush;
mod drawing;
mod encode;
mod live;
mod metrics;
mod paper;
mod raster;
mod replay;
pub mod stages;
mod view;

#[cfg(test)]
mod fixtures;

pub use brush::{Brush, BrushParams, BrushStyle, Rgba};
pub use drawing::{Background, Drawing, Event, Stroke, Template};
pub use encode::{DecodeError, FORMAT_VERSION, decode, encode};
pub use live::{LiveStroke, outline_full, outline_of};
pub use metrics::{Pause, ProcessMetrics, ink_over_time};
pub use paper::{GRAIN_SIZE, grain_alpha, paper_alpha, template_color, template_lines};
pub use raster::{render_png, render_rgba};
pub use replay::{replay_until, skip_pauses};
pub use stages::InputPoint;
pub use view::{Pinch, ViewTransform};
