//! `cargo xtask <command>`: the one entry point that builds, runs and tests Speelruimte.
//!
//! - `run [server flags]`: builds the web app and the server (release) and starts the server.
//! - `build`: builds both without starting.
//! - `test`: installs what the tests need, then runs `cargo test` and the browser tests.
//! - `e2e`: only the browser tests (after `build`).
//! - `bench`: the benchmarks whose results go into BENCHMARKS.md.

mod install;
mod process;
mod web;

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    // `cargo xtask run -- --port 9000` and `cargo xtask run --port 9000` mean the same.
    let mut rest: Vec<String> = args.collect();
    if rest.first().is_some_and(|a| a == "--") {
        rest.remove(0);
    }
    let root = workspace_root();
    std::env::set_current_dir(&root)?;
    match command.as_str() {
        "run" => {
            build(&root)?;
            run_server(&root, &rest)
        }
        "build" => build(&root),
        "build-web" => web::build(&root).map(|_| ()),
        "test" => test(&root),
        "e2e" => {
            install::browser_test_tools(&root)?;
            e2e(&root)
        }
        "bench" => bench(&root, rest.first().map(String::as_str)),
        _ => {
            eprintln!(
                "usage: cargo xtask <run|build|build-web|test|e2e|bench>\n\n\
                 run    build the app and the server, then start the server\n\
                 build  build the app (dist/) and the server (release)\n\
                 test   install test tools, run cargo test and the browser tests\n\
                 e2e    run only the browser tests\n\
                 bench  run the benchmarks (`bench ink` or `bench audio` for one part)"
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

fn build(root: &Path) -> Result<()> {
    install::wasm_target()?;
    web::build(root)?;
    process::cargo(&["build", "--release", "--package", "speelruimte-server"])
}

fn run_server(root: &Path, args: &[String]) -> Result<()> {
    let server = root.join("target/release/speelruimte-server");
    let mut cmd = std::process::Command::new(server);
    cmd.arg("--web-dir").arg(root.join("dist")).args(args);
    process::status(&mut cmd)
}

fn test(root: &Path) -> Result<()> {
    install::wasm_target()?;
    install::browser_test_tools(root)?;
    process::cargo(&["test", "--workspace", "--exclude", "speelruimte-web"])?;
    // The web crate only runs in a browser; check that it builds for the host's lints too.
    build(root)?;
    e2e(root)
}

fn e2e(root: &Path) -> Result<()> {
    let mut cmd = std::process::Command::new("node");
    cmd.current_dir(root.join("tests/e2e"))
        .arg("--test")
        .arg("--test-concurrency=1")
        .arg("--test-reporter=spec")
        .env(
            "SPEELRUIMTE_SERVER",
            root.join("target/release/speelruimte-server"),
        )
        .env("SPEELRUIMTE_WEB_DIR", root.join("dist"));
    // Every *.test.mjs file in tests/e2e, in name order.
    let mut files: Vec<_> = std::fs::read_dir(root.join("tests/e2e"))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".test.mjs"))
        .collect();
    files.sort();
    cmd.args(&files);
    process::status(&mut cmd)
}

/// Browser benchmarks in headless Chromium, printing the tables that go into BENCHMARKS.md:
/// `bench.mjs` (ink against perfect-freehand) and `bench-audio.mjs` (B3, tap to sound).
/// `cargo xtask bench ink` or `cargo xtask bench audio` runs only one of them.
fn bench(root: &Path, only: Option<&str>) -> Result<()> {
    install::wasm_target()?;
    install::browser_test_tools(root)?;
    web::build_into(root, "dist-bench", &["bench"])?;
    process::cargo(&["build", "--release", "--package", "speelruimte-server"])?;
    let scripts: &[&str] = match only {
        Some("audio") => &["bench-audio.mjs"],
        Some("ink") => &["bench.mjs"],
        _ => &["bench.mjs", "bench-audio.mjs"],
    };
    for script in scripts {
        let mut cmd = std::process::Command::new("node");
        cmd.current_dir(root.join("tests/e2e"))
            .arg(script)
            .env(
                "SPEELRUIMTE_SERVER",
                root.join("target/release/speelruimte-server"),
            )
            .env("SPEELRUIMTE_WEB_DIR", root.join("dist-bench"));
        process::status(&mut cmd)?;
    }
    Ok(())
}
