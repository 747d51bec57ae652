//! The engine's deadline timer: one thread per engine, started by the first store that sets
//! a deadline, that raises the interrupt flag of every store whose running call has passed
//! its deadline.
//!
//! Arming a deadline costs a call two atomic operations: the timer is only woken when a
//! deadline comes before the one it sleeps towards. The thread sleeps without a timeout
//! while no deadline is armed, and ends when the engine is dropped.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError, Weak};
use std::time::{Duration, Instant};

use crate::interrupt::InterruptState;

/// `next_wake` while the timer looks at the stores: anyone arming must wake it again.
const SCANNING: u64 = 0;
/// `next_wake` while no deadline is armed.
const IDLE: u64 = u64::MAX;

/// The timer of one engine; dropping it (with the engine) ends its thread.
pub(crate) struct Timer {
    shared: Arc<Shared>,
}

struct Shared {
    /// The zero of the timer's clock.
    epoch: Instant,
    /// When the thread will next look at the stores (or `SCANNING`, or `IDLE`).
    next_wake: AtomicU64,
    state: Mutex<State>,
    wake: Condvar,
}

#[derive(Default)]
struct State {
    stores: Vec<Weak<InterruptState>>,
    shutdown: bool,
}

impl std::fmt::Debug for Timer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Timer").finish_non_exhaustive()
    }
}

impl Timer {
    /// Starts the timer thread; `None` if the system cannot start a thread.
    pub(crate) fn start() -> Option<Timer> {
        let shared = Arc::new(Shared {
            epoch: Instant::now(),
            next_wake: AtomicU64::new(IDLE),
            state: Mutex::new(State::default()),
            wake: Condvar::new(),
        });
        let thread_shared = shared.clone();
        std::thread::Builder::new()
            .name("wasp-deadlines".into())
            .spawn(move || thread_shared.run())
            .ok()?;
        Some(Timer { shared })
    }

    /// Watches the store whose interrupt state is `store` from now on.
    pub(crate) fn register(&self, store: &Arc<InterruptState>) {
        self.shared.lock().stores.push(Arc::downgrade(store));
    }

    /// The time `budget` from now on the timer's clock, for [`InterruptState::begin`].
    pub(crate) fn deadline_after(&self, budget: Duration) -> u64 {
        let now = self.shared.now();
        let budget = u64::try_from(budget.as_nanos()).unwrap_or(u64::MAX);
        now.saturating_add(budget).clamp(1, (1 << 63) - 1)
    }

    /// A deadline `deadline` was just armed: wakes the thread if it sleeps past it.
    pub(crate) fn armed(&self, deadline: u64) {
        let next = self.shared.next_wake.load(Ordering::SeqCst);
        if next == SCANNING || deadline < next {
            let _guard = self.shared.lock();
            self.shared.wake.notify_one();
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        self.shared.lock().shutdown = true;
        self.shared.wake.notify_one();
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Nanoseconds since the epoch, at least 1 (0 means "no deadline").
    fn now(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_nanos())
            .unwrap_or(u64::MAX)
            .max(1)
    }

    /// The thread: raise the flags of the stores past their deadline, sleep until the next.
    fn run(&self) {
        let mut state = self.lock();
        while !state.shutdown {
            self.next_wake.store(SCANNING, Ordering::SeqCst);
            let now = self.now();
            let mut next = IDLE;
            state.stores.retain(|weak| match weak.upgrade() {
                Some(store) => {
                    if let Some(deadline) = store.expire(now) {
                        next = next.min(deadline);
                    }
                    true
                }
                None => false,
            });
            self.next_wake.store(next, Ordering::SeqCst);
            state = if next == IDLE {
                self.wake
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner)
            } else {
                let sleep = Duration::from_nanos(next - now);
                match self.wake.wait_timeout(state, sleep) {
                    Ok((s, _)) => s,
                    Err(poisoned) => poisoned.into_inner().0,
                }
            };
        }
    }
}
