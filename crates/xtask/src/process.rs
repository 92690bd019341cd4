//! Running child processes with their command line shown and their failure explained.

use std::process::Command;

use anyhow::{Context, Result, bail};

/// Runs a command to completion, failing with the command line when it fails.
pub fn status(cmd: &mut Command) -> Result<()> {
    eprintln!("xtask: {}", describe(cmd));
    let status = cmd.status().with_context(|| {
        format!(
            "could not start `{}`; is `{}` installed and on PATH?",
            describe(cmd),
            cmd.get_program().to_string_lossy()
        )
    })?;
    if !status.success() {
        bail!(
            "`{}` failed ({status}); its own messages above say why",
            describe(cmd)
        );
    }
    Ok(())
}

/// The cargo that runs this xtask (`CARGO`, set by `cargo run`), else `cargo` from PATH.
pub fn cargo_program() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// Runs `cargo` (the same one that runs this xtask) with arguments.
pub fn cargo(args: &[&str]) -> Result<()> {
    status(Command::new(cargo_program()).args(args))
}

/// Whether a program can be found on PATH.
pub fn on_path(program: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {program}"))
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}
