//! Where artefact files live. The files are named by their SHA-256, so writing the same bytes
//! twice is harmless and two uploads can never overwrite each other's content.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;

/// A boxed future, so stores can be chosen at run time (`Arc<dyn BlobStore>`).
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A place to keep blobs: local files by default; an S3-compatible store can implement the same.
pub trait BlobStore: Send + Sync + 'static {
    /// Stores `bytes` under their hash; returns only once they are durable.
    fn put(&self, sha256: &str, bytes: Vec<u8>) -> BoxFuture<'_, std::io::Result<()>>;
    /// Reads the blob with this hash.
    fn get(&self, sha256: &str) -> BoxFuture<'_, std::io::Result<Vec<u8>>>;
    /// Removes the blob with this hash (missing is fine).
    fn delete(&self, sha256: &str) -> BoxFuture<'_, std::io::Result<()>>;
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

impl BlobStore for FileBlobStore {
    /// Write to a temporary file in the same folder, fsync it, rename it into place, fsync the
    /// folder: after this returns, a crash or power loss cannot leave a half-written blob.
    fn put(&self, sha256: &str, bytes: Vec<u8>) -> BoxFuture<'_, std::io::Result<()>> {
        let path = self.path(sha256);
        Box::pin(async move {
            let path = path?;
            tokio::task::spawn_blocking(move || {
                use std::io::Write;
                if path.exists() {
                    return Ok(()); // same name, same bytes
                }
                let dir = path
                    .parent()
                    .expect("blob paths have a folder")
                    .to_path_buf();
                std::fs::create_dir_all(&dir)?;
                let tmp = dir.join(format!(".tmp-{}", uuid::Uuid::new_v4()));
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
