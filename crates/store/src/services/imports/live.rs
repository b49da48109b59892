//! The imports running on this node (issue 11: import jobs): how far each has got, and whether it was
//! asked to stop. An import's transaction holds SQLite's one writer for its whole run, so on SQLite
//! neither its progress nor a cancel can go through the database meanwhile — and SQLite has one node,
//! so this map is the whole truth there. On PostgreSQL the job also writes its progress to its `jobs`
//! row (what other nodes read) and learns of a cancel there (`job::tick`).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use uuid::Uuid;

use super::source::{FileError, Rows};

/// One running import.
#[derive(Debug, Default)]
pub struct Live {
    rows: AtomicU64,
    stop: AtomicBool,
}

impl Live {
    pub fn rows(&self) -> u64 {
        self.rows.load(Ordering::Relaxed)
    }

    pub fn set_rows(&self, rows: u64) {
        self.rows.store(rows, Ordering::Relaxed);
    }

    /// Asks the import to stop at its next row.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

static RUNNING: LazyLock<Mutex<HashMap<Uuid, Arc<Live>>>> = LazyLock::new(Default::default);

fn with<T>(f: impl FnOnce(&mut HashMap<Uuid, Arc<Live>>) -> T) -> T {
    // A panic elsewhere while holding the lock leaves the map as it was: still usable.
    let mut map = RUNNING.lock().unwrap_or_else(PoisonError::into_inner);
    f(&mut map)
}

/// An import registered as running on this node until the value is dropped.
pub struct Registered {
    id: Uuid,
    pub live: Arc<Live>,
}

impl Drop for Registered {
    fn drop(&mut self) {
        with(|m| m.remove(&self.id));
    }
}

pub fn register(id: Uuid) -> Registered {
    let live = Arc::new(Live::default());
    with(|m| m.insert(id, live.clone()));
    Registered { id, live }
}

/// The running import `id`, when it runs on this node.
pub fn find(id: Uuid) -> Option<Arc<Live>> {
    with(|m| m.get(&id).cloned())
}

/// `rows`, ending with a `cancelled` file error as soon as `live` is asked to stop: the runner stops
/// at the next row and its transaction rolls back, so a cancelled import writes nothing.
pub fn watch<'a>(rows: Rows<'a>, live: Arc<Live>) -> Rows<'a> {
    Box::new(rows.map(move |row| {
        if live.stopped() {
            Err(FileError::new("cancelled", "the import was cancelled; nothing was written"))
        } else {
            row
        }
    }))
}
