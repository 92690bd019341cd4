//! The tablet's IndexedDB (through the `idb` crate): one database, `speelruimte`, with two
//! object stores keyed by strings — `outbox` (artefacts waiting for the server's
//! acknowledgement) and `drafts` (work in progress of the work forms). Keys are made and read
//! by `speelruimte_model::outbox`; every write waits for its transaction to commit, so what
//! this module says is stored is on the tablet's disk as far as the browser can promise.

use std::cell::RefCell;
use std::rc::Rc;

use idb::{Database, Factory, ObjectStoreParams, Query, TransactionMode};
use wasm_bindgen::JsValue;

/// The database's name (tests read it too).
pub const DB_NAME: &str = "speelruimte";
/// Artefacts waiting to be sent.
pub const OUTBOX: &str = "outbox";
/// Work in progress.
pub const DRAFTS: &str = "drafts";
const VERSION: u32 = 1;

thread_local! {
    static DB: RefCell<Option<Rc<Database>>> = const { RefCell::new(None) };
}

/// Why the tablet's storage could not be used, in words for a log.
pub type StoreError = String;

fn err(e: impl std::fmt::Display) -> StoreError {
    e.to_string()
}

/// The open database (opened, and made on first use, once per page).
async fn db() -> Result<Rc<Database>, StoreError> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let factory = Factory::new().map_err(err)?;
    let mut open = factory.open(DB_NAME, Some(VERSION)).map_err(err)?;
    open.on_upgrade_needed(|event| {
        use idb::DatabaseEvent as _;
        let Ok(db) = event.database() else { return };
        let names = db.store_names();
        for store in [OUTBOX, DRAFTS] {
            if !names.iter().any(|n| n == store) {
                let _ = db.create_object_store(store, ObjectStoreParams::new());
            }
        }
    });
    let db = Rc::new(open.await.map_err(err)?);
    DB.with(|d| *d.borrow_mut() = Some(Rc::clone(&db)));
    Ok(db)
}

/// Stores `value` under `key` in `store`, and returns once it is committed.
pub async fn put(store: &str, key: &str, value: &JsValue) -> Result<(), StoreError> {
    let db = db().await?;
    let tx = db
        .transaction(&[store], TransactionMode::ReadWrite)
        .map_err(err)?;
    let s = tx.object_store(store).map_err(err)?;
    // Issued, then committed at once (not after its own answer), so a page that is going
    // away gives the browser the whole write as early as it can.
    s.put(value, Some(&JsValue::from_str(key))).map_err(err)?;
    committed(tx).await
}

/// Removes `keys` from `store` in one transaction, and returns once it is committed.
pub async fn delete(store: &str, keys: &[String]) -> Result<(), StoreError> {
    if keys.is_empty() {
        return Ok(());
    }
    let db = db().await?;
    let tx = db
        .transaction(&[store], TransactionMode::ReadWrite)
        .map_err(err)?;
    let s = tx.object_store(store).map_err(err)?;
    for key in keys {
        s.delete(Query::Key(JsValue::from_str(key))).map_err(err)?;
    }
    committed(tx).await
}

/// The value under `key` in `store`.
pub async fn get(store: &str, key: &str) -> Result<Option<JsValue>, StoreError> {
    let db = db().await?;
    let tx = db
        .transaction(&[store], TransactionMode::ReadOnly)
        .map_err(err)?;
    let s = tx.object_store(store).map_err(err)?;
    let v = s
        .get(Query::Key(JsValue::from_str(key)))
        .map_err(err)?
        .await
        .map_err(err)?;
    Ok(v)
}

/// Every key in `store` (without loading the values: an outbox item may hold a large WAV).
pub async fn keys(store: &str) -> Result<Vec<String>, StoreError> {
    let db = db().await?;
    let tx = db
        .transaction(&[store], TransactionMode::ReadOnly)
        .map_err(err)?;
    let s = tx.object_store(store).map_err(err)?;
    let keys = s
        .get_all_keys(None, None)
        .map_err(err)?
        .await
        .map_err(err)?;
    Ok(keys.into_iter().filter_map(|k| k.as_string()).collect())
}

async fn committed(tx: idb::Transaction) -> Result<(), StoreError> {
    let done = tx.commit().map_err(err)?.await.map_err(err)?;
    if done.is_committed() {
        Ok(())
    } else {
        Err("IndexedDB transaction aborted".into())
    }
}
