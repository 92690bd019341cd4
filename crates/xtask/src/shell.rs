//! The service worker's list of the app shell: every file of a built `dist/` (but the worker
//! itself and the gzip twins) and a version that is a content hash of them, written into
//! `dist/sw.js` in place of its line marked `// @shell`. A build whose files differ in any byte
//! gets another version, so the browser finds a new worker, which keeps its files in a cache of
//! its own and removes the old cache when it takes over.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};

/// The worker's file in `dist/`, and the end of the line in it that the build fills in.
pub const WORKER: &str = "sw.js";
const MARKER: &str = "// @shell";

/// The files the worker keeps and the version of the build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shell {
    /// Content hash of the files (their paths and bytes), 16 hex digits.
    pub version: String,
    /// Paths as the browser asks for them (`/index.html`, `/assets/icons/icon-192.png`), sorted.
    pub files: Vec<String>,
}

/// Reads `dist` (the wasm, bindings, static files and assets written, the gzip twins not yet)
/// and fills in its `sw.js`.
pub fn write_worker(dist: &Path) -> Result<Shell> {
    let shell = list(dist)?;
    let path = dist.join(WORKER);
    let source = fs::read_to_string(&path).with_context(|| {
        format!(
            "could not read {}; the service worker comes from web/static/{WORKER}",
            path.display()
        )
    })?;
    let filled = fill(&source, &shell)
        .with_context(|| format!("could not fill in the file list of {}", path.display()))?;
    fs::write(&path, filled).with_context(|| format!("could not write {}", path.display()))?;
    Ok(shell)
}

/// The shell of the build in `dist`: its files and their content hash.
///
/// The hash is SHA-256 over, for each file in path order, its path, a newline, its length in
/// decimal, a newline and its bytes (the browser test `offline-shell` computes it the same way
/// to make an honest second build).
pub fn list(dist: &Path) -> Result<Shell> {
    let mut files = Vec::new();
    walk(dist, dist, &mut files)?;
    files.sort();
    let mut hash = Sha256::new();
    for (name, path) in &files {
        let bytes = fs::read(path).with_context(|| format!("could not read {}", path.display()))?;
        hash.update(format!("{name}\n{}\n", bytes.len()));
        hash.update(&bytes);
    }
    let digest = hash.finalize();
    let version = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    Ok(Shell {
        version,
        files: files.into_iter().map(|(name, _)| name).collect(),
    })
}

fn walk(dist: &Path, dir: &Path, out: &mut Vec<(String, std::path::PathBuf)>) -> Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("could not list {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            walk(dist, &path, out)?;
            continue;
        }
        let rel = path.strip_prefix(dist)?;
        let name = format!(
            "/{}",
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/")
        );
        if name == format!("/{WORKER}") || name.ends_with(".gz") || name.ends_with(".br") {
            continue;
        }
        out.push((name, path));
    }
    Ok(())
}

/// `source` with its one line ending in `// @shell` replaced by the shell as a script line.
fn fill(source: &str, shell: &Shell) -> Result<String> {
    let marked = source
        .lines()
        .filter(|l| l.trim_end().ends_with(MARKER))
        .count();
    if marked != 1 {
        bail!(
            "{marked} lines end with `{MARKER}`; the worker needs exactly one, which the build fills in"
        );
    }
    let line = format!(
        "self.SHELL = {{ version: {}, files: {} }};",
        serde_json::Value::from(shell.version.as_str()),
        serde_json::Value::from(shell.files.clone())
    );
    let mut out: String = source
        .lines()
        .map(|l| {
            if l.trim_end().ends_with(MARKER) {
                line.clone()
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::create_dir_all(d.join("assets/icons")).unwrap();
        for (name, text) in [
            ("index.html", "<!doctype html>"),
            ("app.js", "export default 1"),
            ("app_bg.wasm", "\0asm"),
            ("assets/icons/icon-192.png", "png"),
            ("index.html.gz", "twin"),
        ] {
            fs::write(d.join(name), text).unwrap();
        }
        fs::write(
            d.join(WORKER),
            "// a comment\nself.SHELL = { version: \"\", files: [] }; // @shell\nconst A = 1;\n",
        )
        .unwrap();
        dir
    }

    #[test]
    fn the_worker_lists_every_file_but_itself_and_the_gzip_twins() {
        let dir = dist();
        let shell = write_worker(dir.path()).unwrap();
        assert_eq!(
            shell.files,
            [
                "/app.js",
                "/app_bg.wasm",
                "/assets/icons/icon-192.png",
                "/index.html"
            ]
        );
        let worker = fs::read_to_string(dir.path().join(WORKER)).unwrap();
        assert_eq!(
            worker,
            format!(
                "// a comment\nself.SHELL = {{ version: \"{}\", files: [\"/app.js\",\"/app_bg.wasm\",\"/assets/icons/icon-192.png\",\"/index.html\"] }};\nconst A = 1;\n",
                shell.version
            )
        );
    }

    #[test]
    fn the_version_is_the_hash_of_the_paths_and_bytes() {
        let dir = dist();
        // Known right answer: SHA-256 of the four entries as the doc comment of `list` says.
        let mut h = Sha256::new();
        for (name, bytes) in [
            ("/app.js", "export default 1"),
            ("/app_bg.wasm", "\0asm"),
            ("/assets/icons/icon-192.png", "png"),
            ("/index.html", "<!doctype html>"),
        ] {
            h.update(format!("{name}\n{}\n{bytes}", bytes.len()));
        }
        let want: String = h.finalize()[..8]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(list(dir.path()).unwrap().version, want);
        assert_eq!(want.len(), 16);
    }

    #[test]
    fn any_changed_byte_or_name_makes_a_new_version_and_a_twin_does_not() {
        let dir = dist();
        let first = list(dir.path()).unwrap().version;
        fs::write(dir.path().join("index.html.gz"), "another twin").unwrap();
        assert_eq!(list(dir.path()).unwrap().version, first);
        fs::write(dir.path().join("app.js"), "export default 2").unwrap();
        let second = list(dir.path()).unwrap().version;
        assert_ne!(second, first);
        fs::rename(
            dir.path().join("assets/icons/icon-192.png"),
            dir.path().join("assets/icons/icon-512.png"),
        )
        .unwrap();
        assert_ne!(list(dir.path()).unwrap().version, second);
    }

    #[test]
    fn a_worker_without_exactly_one_marked_line_stops_the_build() {
        let dir = dist();
        fs::write(dir.path().join(WORKER), "self.SHELL = {};\n").unwrap();
        let err = format!("{:#}", write_worker(dir.path()).unwrap_err());
        assert!(err.contains("0 lines end with `// @shell`"), "{err}");
        fs::write(dir.path().join(WORKER), "a // @shell\nb // @shell\n").unwrap();
        let err = format!("{:#}", write_worker(dir.path()).unwrap_err());
        assert!(err.contains("2 lines"), "{err}");
    }

    #[test]
    fn the_real_worker_has_its_marked_line() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .nth(2)
            .unwrap();
        let source = fs::read_to_string(root.join("web/static").join(WORKER)).unwrap();
        let shell = Shell {
            version: "0123456789abcdef".into(),
            files: vec!["/index.html".into()],
        };
        let filled = fill(&source, &shell).unwrap();
        assert!(
            filled.contains(
                "self.SHELL = { version: \"0123456789abcdef\", files: [\"/index.html\"] };"
            )
        );
        assert!(!filled.contains(MARKER));
    }
}
