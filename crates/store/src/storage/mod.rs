//! Where uploaded files live: a small interface (`BlobStore`) over a local directory — the default, for
//! one node — or an S3-compatible bucket for several nodes (settings; `docs/deployment.md`). Both go
//! through the `object_store` crate, which writes a local file atomically (a temporary file, then a
//! rename), so a reader never sees half a file.
//!
//! Keys are content addresses (`sha256/ab/cd/<hex>`): the same bytes are stored once, and a key never
//! names two different contents. The document service writes the file FIRST and the version row second,
//! in its audited transaction: a failure in between leaves a file no row points at — harmless (it costs
//! its bytes, and the next upload of the same content reuses it) — and never a row pointing at no file.

use std::path::PathBuf;
use std::sync::Arc;

use bytes::Bytes;
use futures_util::stream::BoxStream;
use futures_util::StreamExt;
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::{ObjectStore, PutPayload};

/// How to reach the storage, from the settings.
#[derive(Debug, Clone)]
pub enum StorageConfig {
    /// A directory on this node (`GMC_STORAGE_DIR`); created when missing.
    Local(PathBuf),
    /// An S3-compatible bucket (`GMC_STORAGE_S3_BUCKET`, optional `GMC_STORAGE_S3_ENDPOINT` for MinIO or
    /// another provider); credentials and region come from the standard `AWS_*` environment variables.
    S3 { bucket: String, endpoint: Option<String>, region: Option<String>, allow_http: bool },
}

/// What the document service needs of a storage backend. A trait, so that tests can put one that fails
/// in its place and show that a failed write leaves no version behind.
#[async_trait::async_trait]
pub trait BlobStore: Send + Sync + std::fmt::Debug {
    /// Stores the bytes under the key (replacing identical content is harmless: keys are content addresses).
    async fn put(&self, key: &str, bytes: Bytes) -> anyhow::Result<()>;
    /// The stored bytes as a stream, for a download that does not hold the whole file in memory.
    async fn get(&self, key: &str) -> anyhow::Result<BoxStream<'static, anyhow::Result<Bytes>>>;
}

/// The shared handle handlers clone.
pub type Storage = Arc<dyn BlobStore>;

/// `BlobStore` over any `object_store` backend (local directory or S3).
#[derive(Debug)]
pub struct ObjectBlobStore(Arc<dyn ObjectStore>);

#[async_trait::async_trait]
impl BlobStore for ObjectBlobStore {
    async fn put(&self, key: &str, bytes: Bytes) -> anyhow::Result<()> {
        self.0.put(&Path::from(key), PutPayload::from(bytes)).await?;
        Ok(())
    }

    async fn get(&self, key: &str) -> anyhow::Result<BoxStream<'static, anyhow::Result<Bytes>>> {
        let got = self.0.get(&Path::from(key)).await?;
        Ok(got.into_stream().map(|chunk| chunk.map_err(anyhow::Error::from)).boxed())
    }
}

/// Opens the configured storage (a local directory is created when missing).
pub fn open(config: &StorageConfig) -> anyhow::Result<Storage> {
    let store: Arc<dyn ObjectStore> = match config {
        StorageConfig::Local(dir) => {
            std::fs::create_dir_all(dir)?;
            Arc::new(LocalFileSystem::new_with_prefix(dir)?)
        }
        StorageConfig::S3 { bucket, endpoint, region, allow_http } => {
            let mut b = AmazonS3Builder::from_env().with_bucket_name(bucket).with_allow_http(*allow_http);
            if let Some(e) = endpoint {
                b = b.with_endpoint(e);
            }
            if let Some(r) = region {
                b = b.with_region(r);
            }
            Arc::new(b.build()?)
        }
    };
    Ok(Arc::new(ObjectBlobStore(store)))
}

/// The content address of some bytes: `sha256/<first two hex>/<next two>/<all 64>`.
pub fn key_for(sha256_hex: &str) -> String {
    let a = sha256_hex.get(0..2).unwrap_or("00");
    let b = sha256_hex.get(2..4).unwrap_or("00");
    format!("sha256/{a}/{b}/{sha256_hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_local_store_gives_back_what_it_was_given() -> anyhow::Result<()> {
        let dir = std::env::temp_dir().join(format!("gmc-storage-test-{}", uuid::Uuid::new_v4()));
        let store = open(&StorageConfig::Local(dir.clone()))?;
        let key = key_for("abcdef0123");
        store.put(&key, Bytes::from_static(b"hello")).await?;
        let mut got = Vec::new();
        let mut s = store.get(&key).await?;
        while let Some(chunk) = s.next().await {
            got.extend_from_slice(&chunk?);
        }
        assert_eq!(got, b"hello");
        assert!(dir.join("sha256/ab/cd/abcdef0123").exists(), "the file sits under its content address");
        assert!(store.get(&key_for("ffff")).await.is_err(), "a missing key is an error, not empty bytes");
        std::fs::remove_dir_all(dir)?;
        Ok(())
    }
}
