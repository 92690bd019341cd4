//! Keeping a work form's work in progress as it is made (music, exercise): a change asks for a
//! keep a moment later (one timer at a time, so a burst of pad hits is one write); leaving the
//! page, reloading it or hiding the tab keeps at once. The drawing has its own keeper, which
//! also waits for the pen to lift (`crate::draw`).

use std::rc::Rc;

use leptos::prelude::*;

use super::drafts;

/// How long after a change the work is kept, ms.
const KEEP_AFTER_MS: u64 = 300;

/// A work form's keeper: call [`Keeper::changed`] after each change.
#[derive(Clone, Copy)]
pub struct Keeper {
    due: StoredValue<bool, LocalStorage>,
    /// Keeps the work: (the page is going away, a change waits to be kept).
    keep: StoredValue<Rc<dyn Fn(bool, bool)>, LocalStorage>,
}

impl Keeper {
    /// Says the work changed: it is kept soon.
    pub fn changed(self) {
        if self.due.try_get_value() != Some(false) {
            return;
        }
        self.due.set_value(true);
        set_timeout(
            move || self.now(),
            std::time::Duration::from_millis(KEEP_AFTER_MS),
        );
    }

    /// Keeps a change that waits, now.
    pub fn now(self) {
        if self.due.try_get_value() == Some(true) {
            self.due.set_value(false);
            if let Some(keep) = self.keep.try_get_value() {
                keep(false, true);
            }
        }
    }

    /// The page goes away: what is kept (or waits to be) is also rescued at once. The tab may
    /// have been hidden just before (the keep then went to IndexedDB, maybe not in time).
    fn at_exit(self) {
        let due = self.due.try_get_value() == Some(true);
        self.due.try_set_value(false);
        if let Some(keep) = self.keep.try_get_value() {
            keep(true, due);
        }
    }

    /// Lets go of the kept work (it is in the outbox), and of a keep that waits.
    pub fn forget(self, form: &'static str, place: &str) {
        self.due.try_set_value(false);
        drafts::forget(form, place);
    }
}

/// A keeper for `form` at `place`: `snapshot` gives the work as bytes, or `None` when there
/// is nothing to keep (then any kept draft goes).
pub fn use_keeper(
    form: &'static str,
    place: String,
    snapshot: impl Fn() -> Option<Vec<u8>> + 'static,
) -> Keeper {
    let keep: Rc<dyn Fn(bool, bool)> = Rc::new(move |at_exit, due| match snapshot() {
        // At exit only what is being kept: work already handed to the outbox stays let go.
        Some(bytes) if at_exit => {
            if due || drafts::has(form, &place) {
                drafts::keep_at_exit(form, &place, bytes);
            }
        }
        Some(bytes) => drafts::keep(form, &place, bytes, |_| ()),
        None if at_exit && !due => {}
        None => drafts::forget(form, &place),
    });
    let keeper = Keeper {
        due: StoredValue::new_local(false),
        keep: StoredValue::new_local(keep),
    };
    let k = keeper;
    let hide = window_event_listener(leptos::ev::pagehide, move |_| k.at_exit());
    let hidden = window_event_listener_untyped("visibilitychange", {
        move |_| {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
            if hidden {
                k.now();
            }
        }
    });
    on_cleanup(move || {
        hide.remove();
        hidden.remove();
        k.now();
    });
    keeper
}
