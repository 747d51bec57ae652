//! The snapshot files written by `wasp run --save` and `wasp resume --save`, and read by
//! `wasp resume`.
//!
//! A core snapshot ([`wasp_core::Store::snapshot`]) holds the Wasm-side state of a store and
//! the paused call, but not the module itself: to restore it, the store must first be built
//! again the same way. The snapshot file therefore also says which module to load and checks
//! that it is still the same one.
//!
//! # Format (version 1, all integers little-endian)
//!
//! | field | encoding |
//! | --- | --- |
//! | magic | the 8 bytes `WASPRUN1` (the `1` is the format version) |
//! | module path | `u32` byte length, then the path in UTF-8 |
//! | module hash | `u64`: [`wasp_core::Module::content_hash`] of the module when saved |
//! | function | `u32` byte length, then the name of the called export in UTF-8 |
//! | core snapshot | `u64` byte length, then the bytes of [`wasp_core::Store::snapshot`] (which start with `WASPSNAP`) |
//! | WASI context (version 2 only) | `u64` byte length, then the bytes of [`wasp_wasi::WasiCtx::snapshot`] (which start with `WASPWAS1`) |
//! | checksum | `u64`: 64-bit FNV-1a of every byte before it |
//!
//! Version 2 (magic `WASPRUN2`) is written for WASI programs; it adds the WASI context
//! (args, env, preopens, open descriptors, ...), restored beneath the same-named preopens.
//!
//! The file ends right after the checksum.
//!
//! The module path is written absolute (the module file's canonical path when the call was
//! saved), so a snapshot can be resumed from any directory but not after the module file
//! has moved. A relative path (only in a hand-written file) is taken relative to the
//! directory of the snapshot file. The module hash covers the module's binary encoding
//! (text modules are hashed after conversion to binary), so editing only comments of a
//! `.wat` file does not invalidate a snapshot, while any change to the code does.
//!
//! The checksum catches damaged files before their bytes are trusted: without it, a changed
//! byte inside a linear memory would restore silently and change the results.
//!
//! The store is rebuilt with gas metering on, the default gas costs and limits, and the
//! module instantiated alone with no imports, exactly as `wasp run --gas` builds it.

use std::path::PathBuf;

/// The magic bytes (and format version) at the start of every snapshot file.
pub const MAGIC: &[u8; 8] = b"WASPRUN1";
/// The magic bytes of a snapshot file of a WASI program (format version 2).
pub const MAGIC_WASI: &[u8; 8] = b"WASPRUN2";

/// The contents of a snapshot file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotFile {
    /// The module to instantiate: absolute when written by `wasp`.
    pub module_path: PathBuf,
    /// The module's [`wasp_core::Module::content_hash`] when the call was saved.
    pub module_hash: u64,
    /// The name of the exported function whose call is paused.
    pub function: String,
    /// The core snapshot of the store, including the paused call.
    pub store: Vec<u8>,
    /// The snapshot of the WASI context, for WASI programs.
    pub wasi: Option<Vec<u8>>,
}

/// Why the bytes of a file are not a usable snapshot file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// The file does not start with [`MAGIC`].
    #[error(
        "expected the magic bytes `WASPRUN1` of a `wasp run --save` snapshot, found `{found}`"
    )]
    BadMagic {
        /// The first bytes of the file, escaped.
        found: String,
    },
    /// The file ends before the snapshot does.
    #[error("truncated file: it ends inside {what}")]
    Truncated {
        /// The field being read.
        what: &'static str,
    },
    /// A text field is not UTF-8.
    #[error("corrupt file: {what} is not valid UTF-8")]
    NotUtf8 {
        /// The field being read.
        what: &'static str,
    },
    /// Bytes follow the checksum.
    #[error("corrupt file: expected it to end after the checksum, found {count} more bytes")]
    TrailingBytes {
        /// How many bytes follow.
        count: usize,
    },
    /// The checksum does not match the contents.
    #[error(
        "corrupt file: the checksum does not match: the contents hash to {expected:016x}, \
         the file records {found:016x}"
    )]
    Checksum {
        /// The checksum of the bytes read.
        expected: u64,
        /// The checksum recorded in the file.
        found: u64,
    },
}

impl SnapshotFile {
    /// Encodes the snapshot file.
    ///
    /// Fails only when the module path is not valid UTF-8, and then returns that path.
    pub fn encode(&self) -> Result<Vec<u8>, PathBuf> {
        let path = self
            .module_path
            .to_str()
            .ok_or_else(|| self.module_path.clone())?;
        let mut out = Vec::with_capacity(self.store.len() + path.len() + 64);
        out.extend_from_slice(if self.wasi.is_some() {
            MAGIC_WASI
        } else {
            MAGIC
        });
        put_str32(&mut out, path);
        out.extend_from_slice(&self.module_hash.to_le_bytes());
        put_str32(&mut out, &self.function);
        out.extend_from_slice(&(self.store.len() as u64).to_le_bytes());
        out.extend_from_slice(&self.store);
        if let Some(wasi) = &self.wasi {
            out.extend_from_slice(&(wasi.len() as u64).to_le_bytes());
            out.extend_from_slice(wasi);
        }
        let checksum = fnv1a(&out);
        out.extend_from_slice(&checksum.to_le_bytes());
        Ok(out)
    }

    /// Decodes a snapshot file; every problem is a [`FormatError`], never a panic.
    ///
    /// Only the framing is checked here: the core snapshot inside is checked when it is
    /// restored into a store.
    pub fn decode(bytes: &[u8]) -> Result<SnapshotFile, FormatError> {
        let prefix = &bytes[..bytes.len().min(MAGIC.len())];
        let is_wasi = prefix == MAGIC_WASI;
        if prefix != MAGIC && !is_wasi {
            return Err(FormatError::BadMagic {
                found: prefix.escape_ascii().to_string(),
            });
        }
        let mut reader = Reader {
            bytes,
            pos: MAGIC.len(),
        };
        let module_path = reader.str32("the module path")?;
        let module_hash = reader.u64("the module hash")?;
        let function = reader.str32("the function name")?;
        let store_len = reader.u64("the length of the core snapshot")?;
        let store = reader
            .take(
                usize::try_from(store_len).unwrap_or(usize::MAX),
                "the core snapshot",
            )?
            .to_vec();
        let wasi = if is_wasi {
            let len = reader.u64("the length of the WASI context")?;
            let len = usize::try_from(len).unwrap_or(usize::MAX);
            Some(reader.take(len, "the WASI context")?.to_vec())
        } else {
            None
        };
        let contents_end = reader.pos;
        let found = reader.u64("the checksum")?;
        if reader.pos != bytes.len() {
            return Err(FormatError::TrailingBytes {
                count: bytes.len() - reader.pos,
            });
        }
        let expected = fnv1a(&bytes[..contents_end]);
        if expected != found {
            return Err(FormatError::Checksum { expected, found });
        }
        Ok(SnapshotFile {
            module_path: PathBuf::from(module_path),
            module_hash,
            function,
            store,
            wasi,
        })
    }
}

/// Appends `text` with a `u32` length prefix.
fn put_str32(out: &mut Vec<u8>, text: &str) {
    // Paths and export names are far below 4 GiB.
    let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&text.as_bytes()[..len as usize]);
}

/// A bounds-checked little-endian reader over the bytes of a file.
struct Reader<'a> {
    /// The whole file.
    bytes: &'a [u8],
    /// The position of the next byte to read.
    pos: usize,
}

impl<'a> Reader<'a> {
    /// The next `n` bytes, or [`FormatError::Truncated`] naming `what`.
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], FormatError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or(FormatError::Truncated { what })?;
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }

    /// A little-endian `u32`.
    fn u32(&mut self, what: &'static str) -> Result<u32, FormatError> {
        let mut buf = [0; 4];
        buf.copy_from_slice(self.take(4, what)?);
        Ok(u32::from_le_bytes(buf))
    }

    /// A little-endian `u64`.
    fn u64(&mut self, what: &'static str) -> Result<u64, FormatError> {
        let mut buf = [0; 8];
        buf.copy_from_slice(self.take(8, what)?);
        Ok(u64::from_le_bytes(buf))
    }

    /// A UTF-8 string with a `u32` length prefix.
    fn str32(&mut self, what: &'static str) -> Result<String, FormatError> {
        let len = self.u32(what)?;
        let bytes = self.take(len as usize, what)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| FormatError::NotUtf8 { what })
    }
}

/// 64-bit FNV-1a: the checksum of snapshot files.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small snapshot file.
    fn sample() -> SnapshotFile {
        SnapshotFile {
            module_path: PathBuf::from("/tmp/m.wat"),
            module_hash: 0x0123_4567_89ab_cdef,
            function: "sum".to_owned(),
            store: b"WASPSNAP and more".to_vec(),
            wasi: None,
        }
    }

    /// Encoding then decoding gives back the same contents.
    #[test]
    fn a_wasi_section_round_trips_under_version_2() {
        let file = SnapshotFile {
            wasi: Some(b"WASPWAS1 context".to_vec()),
            ..sample()
        };
        let bytes = file.encode().unwrap();
        assert_eq!(&bytes[..8], MAGIC_WASI);
        assert_eq!(SnapshotFile::decode(&bytes).unwrap(), file);
        assert_eq!(
            &sample().encode().unwrap()[..8],
            MAGIC,
            "no WASI: version 1 as before"
        );
    }

    #[test]
    fn round_trip() {
        let file = sample();
        let bytes = file.encode().unwrap();
        assert!(bytes.starts_with(MAGIC));
        assert_eq!(SnapshotFile::decode(&bytes).unwrap(), file);
    }

    /// Every truncation is reported, never a panic.
    #[test]
    fn every_truncation_fails() {
        let bytes = sample().encode().unwrap();
        for len in 0..bytes.len() {
            assert!(SnapshotFile::decode(&bytes[..len]).is_err(), "length {len}");
        }
        assert!(matches!(
            SnapshotFile::decode(&bytes[..bytes.len() - 1]),
            Err(FormatError::Truncated {
                what: "the checksum"
            })
        ));
    }

    /// Every single changed byte is caught.
    #[test]
    fn every_changed_byte_fails() {
        let bytes = sample().encode().unwrap();
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0x20;
            assert!(SnapshotFile::decode(&damaged).is_err(), "byte {i}");
        }
    }

    /// Extra bytes after the checksum are refused.
    #[test]
    fn trailing_bytes_fail() {
        let mut bytes = sample().encode().unwrap();
        bytes.push(0);
        assert_eq!(
            SnapshotFile::decode(&bytes),
            Err(FormatError::TrailingBytes { count: 1 })
        );
    }

    /// Another file's first bytes are shown in the error.
    #[test]
    fn bad_magic_shows_what_was_found() {
        let err = SnapshotFile::decode(b"[package]\nname").unwrap_err();
        assert_eq!(
            err.to_string(),
            "expected the magic bytes `WASPRUN1` of a `wasp run --save` snapshot, found `[package`"
        );
    }
}
