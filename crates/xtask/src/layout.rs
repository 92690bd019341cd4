//! Where things are: the workspace root, cargo's target directory (which `CARGO_TARGET_DIR`,
//! `build.target-dir` in a cargo config or nothing at all may set, so it is asked of
//! `cargo metadata` instead of guessed), and the built files the other commands look for.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

/// The folders of one checkout of the workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The workspace root (where `Cargo.toml`, `web/` and `assets/` are).
    pub root: PathBuf,
    /// Cargo's target directory, as `cargo metadata` reports it.
    pub target: PathBuf,
}

impl Layout {
    /// Asks `cargo metadata` (the same cargo that runs this xtask, with this process's
    /// environment) where the target directory of the workspace at `root` is.
    pub fn find(root: &Path) -> Result<Self> {
        let mut cmd = Command::new(crate::process::cargo_program());
        cmd.current_dir(root);
        Self::from_cargo(root, &mut cmd)
    }

    /// Runs `cmd` (a `cargo` command, environment set by the caller) as `cargo metadata`.
    pub fn from_cargo(root: &Path, cmd: &mut Command) -> Result<Self> {
        cmd.args(["metadata", "--format-version", "1", "--no-deps"])
            .arg("--manifest-path")
            .arg(root.join("Cargo.toml"));
        let out = cmd.output().with_context(|| {
            format!(
                "could not start `{}` to find the target directory; is cargo on PATH?",
                cmd.get_program().to_string_lossy()
            )
        })?;
        if !out.status.success() {
            bail!(
                "`cargo metadata` failed ({}), so the target directory is unknown:\n{}\n\
                 Check that {} is the workspace and that cargo can read it.",
                out.status,
                String::from_utf8_lossy(&out.stderr).trim(),
                root.join("Cargo.toml").display()
            );
        }
        let target = target_directory(&String::from_utf8_lossy(&out.stdout))?;
        Ok(Self {
            root: root.to_path_buf(),
            target,
        })
    }

    /// The server binary that `cargo build --release -p speelruimte-server` writes.
    pub fn server_binary(&self) -> PathBuf {
        self.target.join("release").join(format!(
            "speelruimte-server{}",
            std::env::consts::EXE_SUFFIX
        ))
    }

    /// The app's wasm that the `wasm-release` build writes, before wasm-bindgen.
    pub fn web_wasm(&self) -> PathBuf {
        self.target
            .join("wasm32-unknown-unknown/wasm-release/speelruimte-web.wasm")
    }

    /// The folder a web build writes into (`dist`, `dist-bench`), under the workspace root.
    pub fn out(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    /// The server binary, or an error that says how to make it.
    pub fn built_server(&self) -> Result<PathBuf> {
        let server = self.server_binary();
        if !server.is_file() {
            bail!(
                "the server binary is not at {} (cargo's target directory is {}); \
                 run `cargo xtask build` first",
                server.display(),
                self.target.display()
            );
        }
        Ok(server)
    }

    /// A built web folder (`dist`), or an error that says how to make it.
    pub fn built_web(&self, name: &str) -> Result<PathBuf> {
        let dir = self.out(name);
        if !dir.join("index.html").is_file() {
            bail!(
                "the built app is not in {} (no index.html there); run `cargo xtask build` first",
                dir.display()
            );
        }
        Ok(dir)
    }
}

/// The `target_directory` field of `cargo metadata --format-version 1` output.
pub fn target_directory(metadata_json: &str) -> Result<PathBuf> {
    let value: serde_json::Value = serde_json::from_str(metadata_json)
        .context("`cargo metadata` printed something that is not JSON")?;
    match value.get("target_directory").and_then(|t| t.as_str()) {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => bail!(
            "`cargo metadata` gave no target_directory; \
             this cargo is too old or not cargo (set CARGO to a real cargo)"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .nth(2)
            .unwrap()
            .to_path_buf()
    }

    fn cargo_with(target_dir: Option<&str>) -> Command {
        let mut cmd = Command::new(crate::process::cargo_program());
        cmd.current_dir(root());
        cmd.env_remove("CARGO_TARGET_DIR");
        if let Some(dir) = target_dir {
            cmd.env("CARGO_TARGET_DIR", dir);
        }
        cmd
    }

    #[test]
    fn the_target_directory_follows_cargo_target_dir() {
        let layout = Layout::from_cargo(&root(), &mut cargo_with(Some("/tmp/elsewhere"))).unwrap();
        assert_eq!(layout.target, PathBuf::from("/tmp/elsewhere"));
        assert_eq!(
            layout.server_binary(),
            PathBuf::from(format!(
                "/tmp/elsewhere/release/speelruimte-server{}",
                std::env::consts::EXE_SUFFIX
            ))
        );
        assert_eq!(
            layout.web_wasm(),
            PathBuf::from(
                "/tmp/elsewhere/wasm32-unknown-unknown/wasm-release/speelruimte-web.wasm"
            )
        );
        // The built app stays in the checkout, where README and the server's default look.
        assert_eq!(layout.out("dist"), root().join("dist"));
    }

    #[test]
    fn metadata_without_a_target_directory_is_an_error_that_says_so() {
        let err = target_directory(r#"{"packages": []}"#).unwrap_err();
        assert!(err.to_string().contains("no target_directory"), "{err}");
        let err = target_directory("warning: something").unwrap_err();
        assert!(err.to_string().contains("not JSON"), "{err}");
    }

    #[test]
    fn a_missing_server_binary_says_to_build_first() {
        let layout = Layout {
            root: PathBuf::from("/nonexistent-root"),
            target: PathBuf::from("/nonexistent-target"),
        };
        let err = layout.built_server().unwrap_err().to_string();
        assert!(
            err.contains("/nonexistent-target/release/speelruimte-server"),
            "{err}"
        );
        assert!(err.contains("cargo xtask build"), "{err}");
        let err = layout.built_web("dist").unwrap_err().to_string();
        assert!(err.contains("/nonexistent-root/dist"), "{err}");
    }
}
