//! Installing what the build and the tests need, pinned, from the registries only:
//! the wasm32 target (rustup), Debian's chromium (apt) and the npm packages of the browser
//! tests (`npm ci` against the committed lock file). Nothing is downloaded from anywhere else.

use std::path::Path;
use std::process::Command;

use anyhow::{Result, bail};

use crate::process::{on_path, status};

/// Adds the wasm32 target to the toolchain if it is missing.
pub fn wasm_target() -> Result<()> {
    let out = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output();
    match out {
        Ok(o) if String::from_utf8_lossy(&o.stdout).contains("wasm32-unknown-unknown") => Ok(()),
        Ok(_) => status(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"])),
        Err(_) => {
            eprintln!("xtask: rustup not found; assuming the wasm32 target is installed");
            Ok(())
        }
    }
}

/// Debian's chromium (and its WebDriver), the standard tools the browser tests check files
/// with (sox for WAV, pngcheck for PNG, unzip for the export's ZIP, sqlite3 to look into the
/// database after a deletion, qpdf and poppler's pdfinfo/pdftoppm/pdfimages/pdftotext for the
/// evaluatieverslag), Node's packages for the browser tests.
pub fn browser_test_tools(root: &Path) -> Result<()> {
    if !Path::new("/usr/bin/chromium").exists() || !Path::new("/usr/bin/chromedriver").exists() {
        apt_install(&["chromium", "chromium-driver"])?;
    }
    // The standard tools the browser tests check saved and exported files with.
    for (tool, package) in [
        ("sox", "sox"),
        ("unzip", "unzip"),
        ("pngcheck", "pngcheck"),
        ("sqlite3", "sqlite3"),
        ("qpdf", "qpdf"),
        ("pdfinfo", "poppler-utils"),
    ] {
        if !on_path(tool) {
            apt_install(&[package])?;
        }
    }
    if !on_path("node") || !on_path("npm") {
        apt_install(&["nodejs", "npm"])?;
    }
    let e2e = root.join("tests/e2e");
    if npm_packages_stale(&e2e) {
        status(Command::new("npm").current_dir(&e2e).args([
            "ci",
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
        ]))?;
    }
    Ok(())
}

/// Whether `npm ci` has to run: never ran, or the lock file changed since (npm writes
/// `node_modules/.package-lock.json` with what it installed; a pull that adds a package makes
/// the committed lock differ from it, and a test would fail on a missing import).
fn npm_packages_stale(e2e: &Path) -> bool {
    let installed = std::fs::read_to_string(e2e.join("node_modules/.package-lock.json"));
    let wanted = std::fs::read_to_string(e2e.join("package-lock.json"));
    match (installed, wanted) {
        (Ok(installed), Ok(wanted)) => packages_of(&installed) != packages_of(&wanted),
        _ => true,
    }
}

/// The `packages` of a lock file, without the root entry (`""`), which only the committed one has.
fn packages_of(lock: &str) -> Option<serde_json::Value> {
    let mut v: serde_json::Value = serde_json::from_str(lock).ok()?;
    let packages = v.get_mut("packages")?.as_object_mut()?;
    packages.remove("");
    Some(serde_json::Value::Object(packages.clone()))
}

fn apt_install(packages: &[&str]) -> Result<()> {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let sudo: &[&str] = if root {
        &[]
    } else if on_path("sudo") {
        &["sudo"]
    } else {
        bail!(
            "need {packages:?} from Debian, but am not root and have no sudo; \
             install them with apt-get and run again"
        );
    };
    let run = |args: &[&str]| {
        let all: Vec<&str> = sudo.iter().chain(args).copied().collect();
        let mut cmd = Command::new(all[0]);
        cmd.args(&all[1..]).env("DEBIAN_FRONTEND", "noninteractive");
        status(&mut cmd)
    };
    run(&["apt-get", "update", "-q"])?;
    let mut args = vec!["apt-get", "install", "-y", "-q", "--no-install-recommends"];
    args.extend_from_slice(packages);
    run(&args)
}
