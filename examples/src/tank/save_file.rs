//! The save file of a paused tank bot: the world (the store's data, which a Wasp snapshot does
//! not hold) and the Wasp snapshot of the store with the paused call, side by side.
//!
//! # Format (version 1, integers little-endian)
//!
//! | part | contents |
//! | --- | --- |
//! | header | magic `WASPTANK`, `u32` version |
//! | bot | `u8`: 0 not started yet, 1 paused, 2 stopped (its `run` returned or trapped) |
//! | world | `u64` byte length, then the world as UTF-8 text ([`World::encode`](super::World::encode)) |
//! | wasm | `u64` byte length, then the bytes of [`wasp_core::Store::snapshot`] |

use super::TankError;

const MAGIC: &[u8; 8] = b"WASPTANK";
const VERSION: u32 = 1;

/// Where the bot's program was when the file was saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BotPhase {
    /// `run` was not called yet.
    NotStarted = 0,
    /// `run` is paused; the Wasm snapshot holds the paused call.
    Paused = 1,
    /// `run` ended; there is nothing to continue.
    Stopped = 2,
}

/// The parts of a save file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveFile {
    /// Where the bot's program was.
    pub phase: BotPhase,
    /// The world, as text.
    pub world: String,
    /// The Wasp snapshot of the store.
    pub wasm: Vec<u8>,
}

impl SaveFile {
    /// The file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(32 + self.world.len() + self.wasm.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.push(self.phase as u8);
        for section in [self.world.as_bytes(), &self.wasm] {
            out.extend_from_slice(&(section.len() as u64).to_le_bytes());
            out.extend_from_slice(section);
        }
        out
    }

    /// Reads a file written by [`SaveFile::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<SaveFile, TankError> {
        let mut r = Reader { bytes };
        if r.take(MAGIC.len(), "the magic bytes")? != MAGIC {
            return Err(format_error("expected the magic bytes `WASPTANK`"));
        }
        let version = u32::from_le_bytes(r.array("the version")?);
        if version != VERSION {
            return Err(format_error(&format!(
                "expected save file version {VERSION}, found {version}"
            )));
        }
        let phase = match r.array::<1>("the bot's phase")?[0] {
            0 => BotPhase::NotStarted,
            1 => BotPhase::Paused,
            2 => BotPhase::Stopped,
            other => {
                return Err(format_error(&format!(
                    "expected the bot's phase 0, 1 or 2, found {other}"
                )))
            }
        };
        let world = r.section("the world")?;
        let world = String::from_utf8(world.to_vec())
            .map_err(|_| format_error("expected the world to be UTF-8 text"))?;
        let wasm = r.section("the Wasm snapshot")?.to_vec();
        if !r.bytes.is_empty() {
            return Err(format_error(&format!(
                "expected the file to end after the Wasm snapshot, found {} more bytes",
                r.bytes.len()
            )));
        }
        Ok(SaveFile { phase, world, wasm })
    }
}

fn format_error(message: &str) -> TankError {
    TankError::Format(message.to_string())
}

/// Reads the file front to back.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    /// The next `n` bytes.
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], TankError> {
        if self.bytes.len() < n {
            return Err(format_error(&format!(
                "the file ends inside {what} (truncated?)"
            )));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    /// The next `N` bytes, as an array.
    fn array<const N: usize>(&mut self, what: &str) -> Result<[u8; N], TankError> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N, what)?);
        Ok(out)
    }

    /// A `u64` length, then that many bytes.
    fn section(&mut self, what: &str) -> Result<&'a [u8], TankError> {
        let len = u64::from_le_bytes(self.array(what)?);
        let len = usize::try_from(len).map_err(|_| format_error("a section is too long"))?;
        self.take(len, what)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_damage() {
        let file = SaveFile {
            phase: BotPhase::Paused,
            world: "tank-world 1\n".to_string(),
            wasm: vec![1, 2, 3],
        };
        let bytes = file.to_bytes();
        assert_eq!(SaveFile::from_bytes(&bytes).unwrap(), file);
        let error = SaveFile::from_bytes(&bytes[..bytes.len() - 1]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "bad save file: the file ends inside the Wasm snapshot (truncated?)"
        );
        assert!(SaveFile::from_bytes(b"WASPSNAP").is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(SaveFile::from_bytes(&longer).is_err());
    }
}
