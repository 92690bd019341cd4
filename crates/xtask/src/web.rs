//! Builds the tablet app into `dist/`: the wasm (release profile `wasm-release`), its JS
//! bindings made in-process by `wasm-bindgen-cli-support` (the same version as the
//! `wasm-bindgen` crate, kept equal by the lock file), the static files, and a gzip twin of
//! each file that the server sends to browsers that accept it.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use flate2::{Compression, write::GzEncoder};

use crate::process::cargo;

/// Size of one file of the first load.
pub struct Asset {
    /// File name in dist/.
    pub name: String,
    /// Bytes on disk.
    pub raw: u64,
    /// Bytes gzip-compressed (what a browser downloads).
    pub gzip: u64,
}

/// Builds `dist/` and returns the sizes of what the first page load fetches.
pub fn build(root: &Path) -> Result<Vec<Asset>> {
    build_into(root, "dist", &[])
}

/// Builds the app with extra cargo `features` into the folder `out` under the root.
pub fn build_into(root: &Path, out: &str, features: &[&str]) -> Result<Vec<Asset>> {
    let features = features.join(",");
    let mut args = vec![
        "build",
        "--package",
        "speelruimte-web",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm-release",
    ];
    if !features.is_empty() {
        args.extend(["--features", features.as_str()]);
    }
    cargo(&args)?;
    let wasm = root.join("target/wasm32-unknown-unknown/wasm-release/speelruimte-web.wasm");
    let dist = root.join(out);
    if dist.exists() {
        fs::remove_dir_all(&dist).context("clearing dist/")?;
    }
    fs::create_dir_all(&dist)?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .web(true)?
        // The library defaults to omitting it; without it `init()` cannot find the wasm.
        .omit_default_module_path(false)
        .remove_name_section(true)
        .remove_producers_section(true)
        .typescript(false)
        .out_name("app")
        .generate(&dist)
        .context("wasm-bindgen")?;
    copy_dir(&root.join("web/static"), &dist)?;
    copy_dir(&root.join("assets"), &dist.join("assets"))?;
    let mut assets = Vec::new();
    for path in files(&dist)? {
        let bytes = fs::read(&path)?;
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&bytes)?;
        let gz = gz.finish()?;
        let name = path.strip_prefix(&dist)?.to_string_lossy().into_owned();
        fs::write(path.with_file_name(format!("{}.gz", file_name(&path))), &gz)?;
        assets.push(Asset {
            name,
            raw: bytes.len() as u64,
            gzip: gz.len() as u64,
        });
    }
    assets.sort_by(|a, b| a.name.cmp(&b.name));
    let first_load: Vec<&Asset> = assets
        .iter()
        .filter(|a| {
            [
                "index.html",
                "app.js",
                "app_bg.wasm",
                "style.css",
                "boot.js",
            ]
            .contains(&a.name.as_str())
        })
        .collect();
    let (raw, gzip) = first_load
        .iter()
        .fold((0, 0), |(r, g), a| (r + a.raw, g + a.gzip));
    eprintln!("xtask: dist/ ready; first load {raw} bytes, {gzip} bytes gzip");
    Ok(assets)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            out.extend(files(&path)?);
        } else {
            out.push(path);
        }
    }
    Ok(out)
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    if !from.exists() {
        return Ok(());
    }
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)
                .with_context(|| format!("copying {}", entry.path().display()))?;
        }
    }
    Ok(())
}
