//! `cargo xtask <command>`: the one entry point that builds, runs and tests Speelruimte.
//!
//! - `run [server flags]`: builds the web app and the server (release) and starts the server.
//! - `build`: builds both without starting.
//! - `test`: installs what the tests need, then runs `cargo test` and the browser tests.
//! - `e2e`: only the browser tests (after `build`).
//! - `crash`: the crash harness in full (the real server, 64 uploads at once, 24 SIGKILLs);
//!   `test` runs a short form of it (4 kills).
//! - `bench`: the benchmarks whose results go into BENCHMARKS.md.

mod install;
mod layout;
mod process;
mod shell;
mod sizes;
mod web;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::layout::Layout;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("xtask: error: {}", report(&err));
            ExitCode::FAILURE
        }
    }
}

/// The error and each cause that has something to say, one per line (a cause with an empty
/// message, as some library errors have, would only print a bare "Caused by:").
fn report(err: &anyhow::Error) -> String {
    let mut lines: Vec<String> = err
        .chain()
        .map(|c| c.to_string().trim().to_owned())
        .filter(|m| !m.is_empty())
        .collect();
    lines.dedup();
    if lines.is_empty() {
        lines.push(
            "something failed without a message; \
             run again with RUST_BACKTRACE=1 to see where"
                .to_owned(),
        );
    }
    lines.join("\n  because: ")
}

fn run() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    // `cargo xtask run -- --port 9000` and `cargo xtask run --port 9000` mean the same.
    let mut rest: Vec<String> = args.collect();
    if rest.first().is_some_and(|a| a == "--") {
        rest.remove(0);
    }
    let root = workspace_root();
    std::env::set_current_dir(&root)
        .with_context(|| format!("could not enter the workspace at {}", root.display()))?;
    let layout = Layout::find(&root)?;
    match command.as_str() {
        "run" => {
            build(&layout)?;
            run_server(&layout, &rest)
        }
        "build" => build(&layout),
        "build-web" => web::build(&layout).map(|_| ()),
        "test" => test(&layout),
        "e2e" => {
            install::browser_test_tools(&root)?;
            e2e(&layout)
        }
        "bench" => bench(&layout, rest.first().map(String::as_str)),
        "crash" => {
            process::cargo(&["build", "--release", "--package", "speelruimte-server"])?;
            crash(&layout, CRASH_FULL_KILLS)
        }
        _ => {
            eprintln!(
                "usage: cargo xtask <run|build|build-web|test|e2e|crash|bench>\n\n\
                 run    build the app and the server, then start the server\n\
                 build  build the app (dist/) and the server (release)\n\
                 test   install test tools, run cargo test and the browser tests\n\
                 e2e    run only the browser tests\n\
                 crash  kill the server 24 times under 64 uploads; check nothing is lost\n\
                 bench  run the benchmarks (`bench ink|voices|frames|audio|scale` for one part; `bench export` the at-scale export)"
            );
            bail!("unknown command {command:?}")
        }
    }
}

/// The workspace root: two levels above this crate's manifest.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("xtask lives in crates/xtask")
        .to_path_buf()
}

fn build(layout: &Layout) -> Result<()> {
    install::wasm_target()?;
    web::build(layout)?;
    process::cargo(&["build", "--release", "--package", "speelruimte-server"])?;
    layout.built_server().map(|_| ())
}

fn run_server(layout: &Layout, args: &[String]) -> Result<()> {
    let mut cmd = std::process::Command::new(layout.built_server()?);
    cmd.arg("--web-dir")
        .arg(layout.built_web("dist")?)
        .args(args);
    process::status(&mut cmd)
}

fn test(layout: &Layout) -> Result<()> {
    install::wasm_target()?;
    install::browser_test_tools(&layout.root)?;
    // The whole workspace, the web crate's unit tests included (they run on the host: the
    // logic under test calls no browser function).
    process::cargo(&["test", "--workspace"])?;
    build(layout)?;
    crash(layout, CRASH_SHORT_KILLS)?;
    e2e(layout)
}

/// Kills in the full crash run (`cargo xtask crash`) and in the short one `test` runs.
const CRASH_FULL_KILLS: u32 = 24;
const CRASH_SHORT_KILLS: u32 = 4;
/// The crash run's seed: the same kill moments and uploads every time.
const CRASH_SEED: u32 = 2026;

/// The crash harness (`tests/crash/crash.mjs`) on the built release server.
fn crash(layout: &Layout, kills: u32) -> Result<()> {
    let mut cmd = std::process::Command::new("node");
    cmd.current_dir(&layout.root)
        .arg("tests/crash/crash.mjs")
        .arg("--server")
        .arg(layout.built_server()?)
        .args([
            "--kills",
            &kills.to_string(),
            "--seed",
            &CRASH_SEED.to_string(),
        ]);
    process::status(&mut cmd)
}

/// A `node` command in tests/e2e with the server and the built app it should test.
fn node_in_e2e(layout: &Layout, web: &str) -> Result<std::process::Command> {
    let mut cmd = std::process::Command::new("node");
    cmd.current_dir(layout.root.join("tests/e2e"))
        .env("SPEELRUIMTE_SERVER", layout.built_server()?)
        .env("SPEELRUIMTE_WEB_DIR", layout.built_web(web)?);
    Ok(cmd)
}

fn e2e(layout: &Layout) -> Result<()> {
    let mut cmd = node_in_e2e(layout, "dist")?;
    cmd.arg("--test")
        .arg("--test-concurrency=1")
        .arg("--test-reporter=spec");
    // Every *.test.mjs file in tests/e2e, in name order.
    let dir = layout.root.join("tests/e2e");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .with_context(|| format!("could not list the browser tests in {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".test.mjs"))
        .collect();
    if files.is_empty() {
        bail!(
            "no *.test.mjs files in {}; the browser tests are missing",
            dir.display()
        );
    }
    files.sort();
    cmd.args(&files);
    process::status(&mut cmd)
}

/// Browser benchmarks in headless Chromium, printing the tables that go into BENCHMARKS.md and
/// writing each script's raw output (JSON, with the commit, the time and the machine's load) to
/// `target/bench/` (the scripts print the file). `cargo xtask bench <part>` runs one part:
/// `ink` (B1, B2: `bench-ink.mjs`, ink against perfect-freehand), `voices` (B4:
/// `bench-voices.mjs`, the voices rendered in the browser build and natively), `audio` (B3:
/// `bench-audio.mjs`, tap to sound), `frames` (B5: `bench.mjs`, the drawing screen's frames),
/// `scale` (`bench-scale.mjs`, the timeline of a client with 100 sessions and 1,000 artefacts);
/// `export` runs the at-scale export (`tests/bench/export-scale.mjs`), which is not part of the
/// whole run (it writes more than 1 GiB).
fn bench(layout: &Layout, only: Option<&str>) -> Result<()> {
    let out = layout.target.join("bench");
    if only == Some("export") {
        // The at-scale export needs only the server: no browser, no web build.
        process::cargo(&["build", "--release", "--package", "speelruimte-server"])?;
        let mut cmd = std::process::Command::new("node");
        cmd.current_dir(&layout.root)
            .env("SPEELRUIMTE_BENCH_DIR", &out)
            .arg("tests/bench/export-scale.mjs")
            .arg("--server")
            .arg(layout.built_server()?);
        return process::status(&mut cmd);
    }
    let scripts: &[&str] = match only {
        None => &[
            "bench-ink.mjs",
            "bench-voices.mjs",
            "bench.mjs",
            "bench-audio.mjs",
            "bench-scale.mjs",
        ],
        Some("ink") => &["bench-ink.mjs"],
        Some("voices") => &["bench-voices.mjs"],
        Some("frames") => &["bench.mjs"],
        Some("audio") => &["bench-audio.mjs"],
        Some("scale") => &["bench-scale.mjs"],
        Some(other) => {
            bail!("unknown benchmark {other:?}: ink, voices, frames, audio, scale or export")
        }
    };
    install::wasm_target()?;
    install::browser_test_tools(&layout.root)?;
    web::build_into(layout, "dist-bench", &["bench"])?;
    process::cargo(&["build", "--release", "--package", "speelruimte-server"])?;
    for script in scripts {
        let mut cmd = node_in_e2e(layout, "dist-bench")?;
        cmd.env("SPEELRUIMTE_BENCH_DIR", &out).arg(script);
        process::status(&mut cmd)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A library error whose message is empty, like the one that printed a bare "Caused by:".
    #[derive(Debug)]
    struct Silent;
    impl std::fmt::Display for Silent {
        fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            Ok(())
        }
    }
    impl std::error::Error for Silent {}

    #[test]
    fn a_cause_with_no_message_is_left_out_of_the_report() {
        let err = anyhow::Error::new(Silent).context("wasm-bindgen could not make the bindings");
        assert_eq!(report(&err), "wasm-bindgen could not make the bindings");
        let err = anyhow::Error::new(std::io::Error::other("disk full"))
            .context("could not write dist/app.js");
        assert_eq!(
            report(&err),
            "could not write dist/app.js\n  because: disk full"
        );
    }

    #[test]
    fn an_error_with_no_message_at_all_still_prints_something() {
        let report = report(&anyhow::Error::new(Silent));
        assert!(report.contains("RUST_BACKTRACE=1"), "{report}");
    }
}
