//! Clocks: the host's, or a deterministic one that advances with the gas the guest uses.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// Where the guest's clocks come from.
#[derive(Debug, Clone)]
pub enum Clocks {
    /// The host's wall clock and monotonic clock.
    Host {
        /// The monotonic clock's zero.
        start: Instant,
    },
    /// A replayable clock: it starts at `epoch_ns` (both clocks) and advances by
    /// `ns_per_gas` for every unit of gas the guest used between two WASI calls that read
    /// it, plus one nanosecond per reading (so that it always moves). Without gas metering
    /// it advances by the readings alone. The same program with the same inputs reads the
    /// same times on any machine.
    Deterministic(DeterministicClock),
}

/// The state of a deterministic clock (see [`Clocks::Deterministic`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeterministicClock {
    /// The time of both clocks at the start, in nanoseconds.
    pub epoch_ns: u64,
    /// Nanoseconds per unit of gas.
    pub ns_per_gas: u64,
    /// Nanoseconds elapsed so far.
    pub elapsed_ns: u64,
    /// Gas left at the previous reading (to measure what was used since).
    pub last_gas_left: Option<u64>,
}

impl DeterministicClock {
    /// A clock at `epoch_ns` advancing by `ns_per_gas`.
    pub fn new(epoch_ns: u64, ns_per_gas: u64) -> DeterministicClock {
        DeterministicClock {
            epoch_ns,
            ns_per_gas,
            elapsed_ns: 0,
            last_gas_left: None,
        }
    }

    /// Advances for the gas used since the previous reading, `gas_left` being what the
    /// store has now (`None` without metering). A refill in between counts as no use.
    pub(crate) fn tick(&mut self, gas_left: Option<u64>) -> u64 {
        let used = match (self.last_gas_left, gas_left) {
            (Some(before), Some(now)) if now <= before => before - now,
            _ => 0,
        };
        self.last_gas_left = gas_left;
        self.elapsed_ns = self
            .elapsed_ns
            .saturating_add(used.saturating_mul(self.ns_per_gas))
            .saturating_add(1);
        self.epoch_ns.saturating_add(self.elapsed_ns)
    }
}

impl Default for Clocks {
    fn default() -> Clocks {
        Clocks::Host {
            start: Instant::now(),
        }
    }
}

impl Clocks {
    /// Nanoseconds now on clock `id` (realtime, or one of the monotonic ones).
    pub(crate) fn now(&mut self, realtime: bool, gas_left: Option<u64>) -> u64 {
        match self {
            Clocks::Host { start } if realtime => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)),
            Clocks::Host { start } => u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX),
            Clocks::Deterministic(clock) => clock.tick(gas_left),
        }
    }

    /// The resolution reported, in nanoseconds.
    pub(crate) fn resolution(&self) -> u64 {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deterministic_clock_advances_with_gas_and_readings() {
        let mut c = DeterministicClock::new(1_000, 10);
        assert_eq!(c.tick(Some(500)), 1_001);
        assert_eq!(c.tick(Some(400)), 1_001 + 1_000 + 1);
        assert_eq!(c.tick(Some(900)), 2_003, "a refill counts as no use");
        assert_eq!(c.tick(None), 2_004);
    }
}
