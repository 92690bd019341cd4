//! Builds the tablet app into `dist/`: the wasm (release profile `wasm-release`), its JS
//! bindings made in-process by `wasm-bindgen-cli-support` (the same version as the
//! `wasm-bindgen` crate, kept equal by the lock file), the static files, and a brotli and a
//! gzip twin of each file: the server sends the smallest one the browser accepts. The service worker's list of
//! the shell and its version are written into `dist/sw.js` (see `shell.rs`).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use flate2::{Compression, write::GzEncoder};

use crate::layout::Layout;
use crate::process::cargo;

/// Size of one file of the first load.
pub struct Asset {
    /// File name in dist/.
    pub name: String,
    /// Bytes on disk.
    pub raw: u64,
    /// Bytes gzip-compressed (what a browser that does not take brotli downloads).
    pub gzip: u64,
    /// Bytes brotli-compressed (quality 11, window 2^24: what a browser that takes `br` downloads).
    pub br: u64,
}

/// `bytes` brotli-compressed at the best quality (a one-off cost at build time).
fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

/// Builds `dist/` and returns the sizes of what the first page load fetches.
pub fn build(layout: &Layout) -> Result<Vec<Asset>> {
    build_into(layout, "dist", &[])
}

/// Builds the app with extra cargo `features` into the folder `out` under the root.
pub fn build_into(layout: &Layout, out: &str, features: &[&str]) -> Result<Vec<Asset>> {
    let root = layout.root.as_path();
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
    let wasm = layout.web_wasm();
    if !wasm.is_file() {
        bail!(
            "cargo built the app but its wasm is not at {} (cargo's target directory is {}); \
             if a build script or cargo config moves it, tell the xtask in crates/xtask/src/layout.rs",
            wasm.display(),
            layout.target.display()
        );
    }
    // Where the bytes go, crate by crate, from the module with its names (see sizes.rs).
    let module = fs::read(&wasm).with_context(|| format!("could not read {}", wasm.display()))?;
    let table = crate::sizes::table(&crate::sizes::breakdown(&module)?, 25);
    let tsv = layout.target.join("wasm-crates.tsv");
    fs::write(&tsv, &table).with_context(|| format!("could not write {}", tsv.display()))?;
    eprintln!(
        "xtask: the app's wasm by crate (function bytes before wasm-bindgen, also in {}):\n  {}",
        tsv.display(),
        table.trim_end().replace('\n', "\n  ").replace('\t', ": ")
    );
    let dist = layout.out(out);
    if dist.exists() {
        fs::remove_dir_all(&dist).with_context(|| {
            format!(
                "could not clear {} before writing the app there; is a file in it open?",
                dist.display()
            )
        })?;
    }
    fs::create_dir_all(&dist).with_context(|| format!("could not create {}", dist.display()))?;
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
        .with_context(|| {
            format!(
                "wasm-bindgen could not make the JS bindings of {} in {}; \
                 the `wasm-bindgen` and `wasm-bindgen-cli-support` versions in Cargo.toml must be equal",
                wasm.display(),
                dist.display()
            )
        })?;
    copy_required(root, "web/static", &dist)?;
    copy_required(root, "assets", &dist.join("assets"))?;
    // Before the compressed twins, which are not part of the shell (the server picks them).
    let shell = crate::shell::write_worker(&dist)?;
    let mut assets = Vec::new();
    for path in files(&dist)? {
        let bytes =
            fs::read(&path).with_context(|| format!("could not read {}", path.display()))?;
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&bytes)?;
        let gz = gz.finish()?;
        let name = path.strip_prefix(&dist)?.to_string_lossy().into_owned();
        let twin = path.with_file_name(format!("{}.gz", file_name(&path)));
        fs::write(&twin, &gz).with_context(|| format!("could not write {}", twin.display()))?;
        let br = brotli(&bytes)?;
        let twin = path.with_file_name(format!("{}.br", file_name(&path)));
        fs::write(&twin, &br).with_context(|| format!("could not write {}", twin.display()))?;
        assets.push(Asset {
            name,
            raw: bytes.len() as u64,
            gzip: gz.len() as u64,
            br: br.len() as u64,
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
    let (raw, gzip, br) = first_load
        .iter()
        .fold((0, 0, 0), |(r, g, b), a| (r + a.raw, g + a.gzip, b + a.br));
    eprintln!(
        "xtask: {} ready; first load {raw} bytes, {gzip} bytes gzip, {br} bytes brotli; the service worker keeps \
         {} files as version {}",
        dist.display(),
        shell.files.len(),
        shell.version
    );
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
    for entry in fs::read_dir(dir).with_context(|| format!("could not list {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            out.extend(files(&path)?);
        } else {
            out.push(path);
        }
    }
    Ok(out)
}

/// Copies a folder that the app needs; a missing folder is an error, never skipped, since the
/// app would then load without its files and fail later in the browser.
fn copy_required(root: &Path, folder: &str, to: &Path) -> Result<()> {
    let from = root.join(folder);
    if !from.is_dir() {
        bail!(
            "the folder {} is missing; the app is served with its files, so the build needs it \
             (restore it from git: `git checkout -- {folder}`)",
            from.display()
        );
    }
    copy_dir(&from, to)
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).with_context(|| format!("could not create {}", to.display()))?;
    for entry in fs::read_dir(from).with_context(|| format!("could not list {}", from.display()))? {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .nth(2)
            .unwrap()
            .to_path_buf()
    }

    /// Width and height from a PNG's IHDR chunk (the first chunk, by the PNG standard).
    fn png_size(bytes: &[u8]) -> (u32, u32) {
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
        assert_eq!(&bytes[12..16], b"IHDR");
        let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        (be(&bytes[16..20]), be(&bytes[20..24]))
    }

    #[test]
    fn every_asset_that_index_html_links_is_in_assets() {
        let html = fs::read_to_string(workspace().join("web/static/index.html")).unwrap();
        let linked: Vec<&str> = html
            .split("href=\"/assets/")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect();
        assert!(
            linked.contains(&"icons/icon.svg"),
            "no SVG favicon in {linked:?}"
        );
        for path in linked {
            assert!(
                workspace().join("assets").join(path).is_file(),
                "assets/{path} is missing"
            );
        }
    }

    #[test]
    fn the_app_icons_have_the_sizes_their_names_say() {
        for size in [192, 512] {
            let bytes =
                fs::read(workspace().join(format!("assets/icons/icon-{size}.png"))).unwrap();
            assert_eq!(png_size(&bytes), (size, size));
        }
    }

    #[test]
    fn the_manifest_is_linked_and_its_icons_exist_in_the_sizes_it_says() {
        let html = fs::read_to_string(workspace().join("web/static/index.html")).unwrap();
        assert!(html.contains(r#"<link rel="manifest" href="/manifest.webmanifest">"#));
        let manifest: serde_json::Value = serde_json::from_str(
            &fs::read_to_string(workspace().join("web/static/manifest.webmanifest")).unwrap(),
        )
        .unwrap();
        assert_eq!(manifest["display"], "standalone");
        assert_eq!(manifest["start_url"], "/");
        let icons = manifest["icons"].as_array().unwrap();
        let mut purposes = Vec::new();
        for icon in icons {
            let src = icon["src"].as_str().unwrap();
            let file = src.strip_prefix("/assets/").expect("icons live in assets/");
            let bytes = fs::read(workspace().join("assets").join(file)).unwrap();
            let (w, h) = png_size(&bytes);
            assert_eq!(icon["sizes"], format!("{w}x{h}"), "{src}");
            purposes.push(format!("{} {}", icon["purpose"].as_str().unwrap(), w));
        }
        purposes.sort();
        assert_eq!(
            purposes,
            ["any 192", "any 512", "maskable 192", "maskable 512"]
        );
    }

    #[test]
    fn a_missing_assets_folder_stops_the_build_and_names_the_folder() {
        let root = tempfile::tempdir().unwrap();
        let err = copy_required(root.path(), "assets", &root.path().join("dist/assets"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&root.path().join("assets").display().to_string()),
            "{err}"
        );
        assert!(err.contains("git checkout -- assets"), "{err}");
        assert!(!root.path().join("dist/assets").exists());
    }

    #[test]
    fn a_present_folder_is_copied_with_its_subfolders() {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir_all(root.path().join("assets/icons")).unwrap();
        fs::write(root.path().join("assets/icons/a.svg"), "<svg/>").unwrap();
        copy_required(root.path(), "assets", &root.path().join("dist/assets")).unwrap();
        let copied = fs::read_to_string(root.path().join("dist/assets/icons/a.svg")).unwrap();
        assert_eq!(copied, "<svg/>");
    }
}
