//! Random bytes: the host's generator, or a seeded one for replays.

/// Where `random_get` takes its bytes.
#[derive(Debug, Clone, Default)]
pub enum Randomness {
    /// The operating system's generator.
    #[default]
    Host,
    /// A seeded generator (SplitMix64): the same seed gives the same bytes everywhere.
    Seeded(SeededRandom),
}

/// The state of a seeded generator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeededRandom {
    /// The generator's state; it is the seed at the start.
    pub state: u64,
}

impl SeededRandom {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> SeededRandom {
        SeededRandom { state: seed }
    }

    /// The next 64 bits (SplitMix64, by Steele, Lea and Flood).
    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

impl Randomness {
    /// Fills `buf`.
    pub(crate) fn fill(&mut self, buf: &mut [u8]) -> std::io::Result<()> {
        match self {
            Randomness::Host => {
                getrandom::fill(buf).map_err(|e| std::io::Error::other(e.to_string()))
            }
            Randomness::Seeded(rng) => {
                for chunk in buf.chunks_mut(8) {
                    let bytes = rng.next_u64().to_le_bytes();
                    chunk.copy_from_slice(&bytes[..chunk.len()]);
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_bytes() {
        let (mut a, mut b) = ([0u8; 13], [0u8; 13]);
        Randomness::Seeded(SeededRandom::new(7))
            .fill(&mut a)
            .unwrap();
        Randomness::Seeded(SeededRandom::new(7))
            .fill(&mut b)
            .unwrap();
        assert_eq!(a, b);
        Randomness::Seeded(SeededRandom::new(8))
            .fill(&mut b)
            .unwrap();
        assert_ne!(a, b);
    }
}
