//! Password hashing: argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane), run off the
//! async threads because each hash takes tens of milliseconds on purpose.
//!
//! [`Passwords`] is the one door to argon2: it lets only a few hashes run at once (each holds
//! 19 MiB, so many parallel logins from many addresses cannot exhaust memory) and counts the
//! hashes it ran, which is how the tests see that a refused attempt never reached argon2.

use std::sync::atomic::{AtomicU64, Ordering};

use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

/// Hashes that may run at once: two per core of a small server, 38 MiB each pair.
const AT_ONCE: usize = 4;

fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("OWASP argon2id parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Runs argon2 for the whole server.
#[derive(Debug)]
pub struct Passwords {
    running: Semaphore,
    runs: AtomicU64,
}

impl Default for Passwords {
    fn default() -> Self {
        Self {
            running: Semaphore::new(AT_ONCE),
            runs: AtomicU64::new(0),
        }
    }
}

impl Passwords {
    /// How many hashes (new or checked) have run since the server started.
    pub fn runs(&self) -> u64 {
        self.runs.load(Ordering::Relaxed)
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(Argon2<'static>) -> anyhow::Result<T> + Send + 'static,
    ) -> anyhow::Result<T> {
        let _turn = self.running.acquire().await?;
        self.runs.fetch_add(1, Ordering::Relaxed);
        tokio::task::spawn_blocking(move || work(argon2())).await?
    }

    /// Hashes a new password into a PHC string.
    pub async fn hash(&self, password: String) -> anyhow::Result<String> {
        self.run(move |a| {
            let salt = SaltString::generate(&mut OsRng);
            a.hash_password(password.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
        })
        .await
    }

    /// Checks a password against a stored hash. With no stored hash (an unknown user) it still
    /// spends one hash's worth of time, so answers do not tell which usernames exist.
    pub async fn verify(&self, password: String, stored: Option<String>) -> anyhow::Result<bool> {
        self.run(move |a| match stored {
            Some(stored) => {
                let parsed = PasswordHash::new(&stored)
                    .map_err(|e| anyhow::anyhow!("stored hash unreadable: {e}"))?;
                Ok(a.verify_password(password.as_bytes(), &parsed).is_ok())
            }
            None => {
                let salt = SaltString::generate(&mut OsRng);
                let _ = a.hash_password(password.as_bytes(), &salt);
                Ok(false)
            }
        })
        .await
    }
}
