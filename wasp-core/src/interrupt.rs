//! Stopping a running call from another thread: the store's interrupt flag and the handle
//! that raises it.
//!
//! The interpreter looks at the flag at its safe points: every time a chain of handlers
//! returns to the dispatch loop (at most every few hundred instructions, calls and branches
//! included), after every host call, and between the chunks of a long bulk operation. An
//! interrupted call pauses there exactly as it pauses for gas: it returns
//! [`CallOutcome::Interrupted`](crate::CallOutcome::Interrupted) with a
//! [`Continuation`](crate::Continuation) that resumes, clones and saves like any other.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

/// The top bit of the state word: an interrupt was asked for.
const RAISED: u64 = 1 << 63;

/// The interrupt state of one store, shared with its [`InterruptHandle`]s and, when the
/// store has a deadline, with its engine's timer.
///
/// One word holds both the flag (top bit) and the running call's deadline (the other bits,
/// in nanoseconds of the timer's clock; 0 for none), so that starting a call lowers the flag
/// and arms the deadline in one store, and the timer raises the flag only for the deadline
/// it saw: never for a later call of the same store.
#[derive(Debug, Default)]
pub(crate) struct InterruptState {
    word: AtomicU64,
}

impl InterruptState {
    /// Whether an interrupt was asked for since the running call started.
    #[inline(always)]
    pub(crate) fn is_raised(&self) -> bool {
        self.word.load(Ordering::Relaxed) & RAISED != 0
    }

    /// Raises the flag: the running call stops at its next safe point.
    pub(crate) fn raise(&self) {
        self.word.fetch_or(RAISED, Ordering::Relaxed);
    }

    /// An outermost call (or a resumption) starts: lowers the flag and arms the deadline
    /// `deadline` (0 for none).
    pub(crate) fn begin(&self, deadline: u64) {
        self.word.store(deadline & !RAISED, Ordering::SeqCst);
    }

    /// The call ended: no deadline is armed any more.
    pub(crate) fn end(&self) {
        self.word.store(0, Ordering::Relaxed);
    }

    /// For the timer at time `now`: raises the flag if the armed deadline has passed;
    /// returns the deadline still to come, if any.
    pub(crate) fn expire(&self, now: u64) -> Option<u64> {
        let word = self.word.load(Ordering::SeqCst);
        let deadline = word & !RAISED;
        if word & RAISED != 0 || deadline == 0 {
            return None;
        }
        if deadline > now {
            return Some(deadline);
        }
        // Only the call that armed this deadline is stopped: if the word changed, that call
        // is over.
        let _ =
            self.word
                .compare_exchange(word, word | RAISED, Ordering::SeqCst, Ordering::Relaxed);
        None
    }
}

/// A store's interrupt state, allocated the first time something can raise it (an
/// [`InterruptHandle`] or a deadline): stores that never use it pay no allocation.
#[derive(Debug, Default)]
pub(crate) struct Interrupt(OnceLock<Arc<InterruptState>>);

/// A cloned store runs its own calls: its interrupt state starts anew, not shared.
impl Clone for Interrupt {
    fn clone(&self) -> Interrupt {
        Interrupt::default()
    }
}

impl Interrupt {
    /// The shared state, allocated on first use.
    pub(crate) fn state(&self) -> &Arc<InterruptState> {
        self.0.get_or_init(Arc::default)
    }

    /// Whether an interrupt was asked for since the running call started.
    #[inline(always)]
    pub(crate) fn is_raised(&self) -> bool {
        self.0.get().is_some_and(|s| s.is_raised())
    }

    /// An outermost call starts: lowers the flag and arms `deadline` (0 for none).
    pub(crate) fn begin(&self, deadline: u64) {
        if deadline != 0 {
            self.state().begin(deadline);
        } else if let Some(s) = self.0.get() {
            s.begin(0);
        }
    }

    /// The call ended: no deadline is armed any more.
    pub(crate) fn end(&self) {
        if let Some(s) = self.0.get() {
            s.end();
        }
    }
}

/// Stops the call running in a store, from any thread.
///
/// Get one with [`Store::interrupt_handle`](crate::Store::interrupt_handle). It is `Send`,
/// `Sync` and cheap to clone. [`interrupt`](InterruptHandle::interrupt) makes the call
/// running in the store pause at its next safe point: a call made with
/// [`Func::call_resumable`](crate::Func::call_resumable) (or a resumption) returns
/// [`CallOutcome::Interrupted`](crate::CallOutcome::Interrupted), any other call fails with
/// [`TrapCode::Interrupted`](crate::TrapCode::Interrupted). An interrupt that arrives while
/// no call runs (between calls, or while a call is paused) has no effect: every call and
/// every resumption starts with the flag lowered. Calls that host functions make into the
/// store while a call runs are part of that call: an interrupt stops them with
/// `TrapCode::Interrupted`. A host function itself is not stopped: the call pauses when it
/// returns.
///
/// ```
/// use std::sync::atomic::{AtomicBool, Ordering};
/// use std::sync::Arc;
/// use std::time::Duration;
/// use wasp_core::{CallOutcome, Engine, Linker, Module, Store};
/// let engine = Engine::default();
/// let module = Module::new(&engine, r#"(module (func (export "spin") (loop $l (br $l))))"#)?;
/// let mut store = Store::new(&engine, ());
/// let spin = Linker::new(&engine).instantiate(&mut store, &module)?
///     .get_func(&store, "spin").unwrap();
/// let handle = store.interrupt_handle();
/// let done = Arc::new(AtomicBool::new(false));
/// let stopper = {
///     let done = done.clone();
///     // An interrupt before the call starts is forgotten: keep asking until it returns.
///     std::thread::spawn(move || while !done.load(Ordering::Relaxed) {
///         std::thread::sleep(Duration::from_millis(5));
///         handle.interrupt();
///     })
/// };
/// let outcome = spin.call_resumable(&mut store, &[])?;
/// done.store(true, Ordering::Relaxed);
/// stopper.join().unwrap();
/// assert!(matches!(outcome, CallOutcome::Interrupted(_)));
/// # Ok::<(), wasp_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct InterruptHandle {
    pub(crate) state: Arc<InterruptState>,
}

impl InterruptHandle {
    /// Asks the call running in the store to pause at its next safe point.
    pub fn interrupt(&self) {
        self.state.raise();
    }
}
