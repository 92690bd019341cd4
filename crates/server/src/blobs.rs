//! Where artefact files live. The files are named by their SHA-256, so writing the same bytes
//! twice is harmless and two uploads can never overwrite each other's content.
//!
//! Because two artefacts may share a file, a file is removed only when no row refers to it,
//! and that is decided under a gate that uploads hold while they write: see [`writing`].

use std::collections::HashSet;
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;

use axum::body::Bytes;
use sqlx::SqlitePool;
use tokio::sync::{RwLock, RwLockReadGuard};

/// Uploads hold it shared from before their first file is written until their rows are
/// committed; removal holds it alone while it counts references and deletes. Without it, an
/// upload could find its file already in place (and not write it), a delete could then count
/// no rows for it and remove it, and the upload would commit rows pointing at nothing.
/// One process serves one data folder, so one gate per process is enough.
static GATE: RwLock<()> = RwLock::const_new(());

/// Held by an upload from before it writes its first file until its rows are committed.
pub async fn writing() -> RwLockReadGuard<'static, ()> {
    GATE.read().await
}

/// Removes the files among `hashes` that no artefact refers to any more. Call it after the
/// rows are committed: a crash in between leaves an unused file, never a row without its file.
pub async fn remove_unreferenced(
    db: &SqlitePool,
    store: &dyn BlobStore,
    hashes: &[String],
) -> Result<(), crate::Error> {
    let _alone = GATE.write().await;
    for h in hashes {
        let used: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM artefact_blobs WHERE sha256 = ?")
            .bind(h)
            .fetch_one(db)
            .await?;
        if used == 0 {
            store.delete(h).await?;
        }
    }
    Ok(())
}

/// A boxed future, so stores can be chosen at run time (`Arc<dyn BlobStore>`).
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A place to keep blobs: local files by default; an S3-compatible store can implement the same.
pub trait BlobStore: Send + Sync + 'static {
    /// Stores `bytes` under their hash; returns only once they are durable.
    fn put(&self, sha256: &str, bytes: Bytes) -> BoxFuture<'_, std::io::Result<()>>;
    /// Reads the blob with this hash.
    fn get(&self, sha256: &str) -> BoxFuture<'_, std::io::Result<Vec<u8>>>;
    /// Removes the blob with this hash (missing is fine).
    fn delete(&self, sha256: &str) -> BoxFuture<'_, std::io::Result<()>>;
    /// Opens the blob with this hash for reading bit by bit, on a blocking thread (the
    /// export copies files through without holding them whole).
    fn open(&self, sha256: &str) -> std::io::Result<Box<dyn std::io::Read + Send>>;
}

/// Blobs as files under a folder: `ab/abcdef…`.
#[derive(Debug, Clone)]
pub struct FileBlobStore {
    root: PathBuf,
}

impl FileBlobStore {
    /// A store in `root` (created if missing).
    pub fn new(root: PathBuf) -> std::io::Result<Self> {
        std::fs::create_dir_all(&root)?;
        Ok(Self { root })
    }

    fn path(&self, sha256: &str) -> std::io::Result<PathBuf> {
        if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a sha256",
            ));
        }
        Ok(self.root.join(&sha256[..2]).join(sha256))
    }
}

/// Files being written start with this; a file left with it was never acknowledged.
const TEMP_PREFIX: &str = ".tmp-";

/// What [`FileBlobStore::sweep`] found and did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sweep {
    /// Temporary files of writes a crash interrupted, removed.
    pub temp_removed: usize,
    /// Blob files no artefact refers to (a crash between the file and its rows), removed.
    pub orphans_removed: usize,
    /// Their bytes.
    pub orphan_bytes: u64,
    /// Blob files kept (referenced).
    pub kept: usize,
    /// Entries that are neither, left alone (and logged).
    pub unknown: usize,
}

impl FileBlobStore {
    /// Tidies the store at start, before any upload runs: removes the temporary files of
    /// interrupted writes and the blob files that no row in `referenced` names (left by a
    /// crash after the file was written and before its rows were committed: such an upload
    /// was never acknowledged, and its retry writes the file again), then fsyncs every folder
    /// and the root, so a shard folder made just before a crash is durable too.
    pub fn sweep(&self, referenced: &HashSet<String>) -> std::io::Result<Sweep> {
        let mut out = Sweep::default();
        for shard in std::fs::read_dir(&self.root)? {
            let shard = shard?;
            let shard_name = shard.file_name().to_string_lossy().into_owned();
            let is_shard = shard.file_type()?.is_dir()
                && shard_name.len() == 2
                && shard_name.bytes().all(|b| b.is_ascii_hexdigit());
            if !is_shard {
                tracing::warn!(entry = %shard.path().display(), "not a blob folder; left alone");
                out.unknown += 1;
                continue;
            }
            for file in std::fs::read_dir(shard.path())? {
                let file = file?;
                let name = file.file_name().to_string_lossy().into_owned();
                if name.starts_with(TEMP_PREFIX) {
                    std::fs::remove_file(file.path())?;
                    out.temp_removed += 1;
                } else if self.path(&name).is_ok_and(|p| p == file.path()) {
                    if referenced.contains(&name) {
                        out.kept += 1;
                    } else {
                        out.orphan_bytes += file.metadata()?.len();
                        std::fs::remove_file(file.path())?;
                        out.orphans_removed += 1;
                    }
                } else {
                    tracing::warn!(entry = %file.path().display(), "not a blob file; left alone");
                    out.unknown += 1;
                }
            }
            std::fs::File::open(shard.path())?.sync_all()?;
        }
        std::fs::File::open(&self.root)?.sync_all()?;
        Ok(out)
    }
}

/// The hashes that artefact rows refer to.
pub async fn referenced(db: &SqlitePool) -> Result<HashSet<String>, sqlx::Error> {
    let rows: Vec<String> = sqlx::query_scalar("SELECT DISTINCT sha256 FROM artefact_blobs")
        .fetch_all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

impl BlobStore for FileBlobStore {
    /// Write to a temporary file in the same folder, fsync it, rename it into place, fsync the
    /// folder (and the root, when the folder is new): after this returns, a crash or power loss
    /// can neither leave a half-written blob nor lose the acknowledged one.
    fn put(&self, sha256: &str, bytes: Bytes) -> BoxFuture<'_, std::io::Result<()>> {
        let path = self.path(sha256);
        Box::pin(async move {
            let path = path?;
            tokio::task::spawn_blocking(move || {
                use std::io::Write;
                let dir = path
                    .parent()
                    .expect("blob paths have a folder")
                    .to_path_buf();
                if path.exists() {
                    // Same name, same bytes: only complete files are ever renamed into place.
                    // Its name may not have reached the disk yet (its writer may have died
                    // before the folder's fsync), so that fsync is done here once more.
                    return std::fs::File::open(&dir)?.sync_all();
                }
                if !dir.exists() {
                    std::fs::create_dir_all(&dir)?;
                    // The new folder's own name must reach the disk too.
                    let root = dir.parent().expect("blob folders are in the root");
                    std::fs::File::open(root)?.sync_all()?;
                }
                let tmp = dir.join(format!("{TEMP_PREFIX}{}", uuid::Uuid::new_v4()));
                let result = (|| {
                    let mut f = std::fs::File::create(&tmp)?;
                    f.write_all(&bytes)?;
                    f.sync_all()?;
                    std::fs::rename(&tmp, &path)?;
                    std::fs::File::open(&dir)?.sync_all()
                })();
                if result.is_err() {
                    let _ = std::fs::remove_file(&tmp);
                }
                result
            })
            .await?
        })
    }

    fn get(&self, sha256: &str) -> BoxFuture<'_, std::io::Result<Vec<u8>>> {
        let path = self.path(sha256);
        Box::pin(async move { tokio::fs::read(path?).await })
    }

    fn open(&self, sha256: &str) -> std::io::Result<Box<dyn std::io::Read + Send>> {
        Ok(Box::new(std::fs::File::open(self.path(sha256)?)?))
    }

    fn delete(&self, sha256: &str) -> BoxFuture<'_, std::io::Result<()>> {
        let path = self.path(sha256);
        Box::pin(async move {
            match tokio::fs::remove_file(path?).await {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            }
        })
    }
}
