//! Bounds-checked views of a linear memory for host code: bytes, little-endian numbers and
//! UTF-8 strings by (pointer, length). Every access out of bounds is an
//! [`AccessError`], never a panic.

use super::access_error::AccessError;
use crate::memory::Memory;

/// A guest address or length: `u32` (Wasm's own), `i32` (its bits read as `u32`, as Wasm
/// does), `u64` or `usize`. Lets host functions pass their pointer parameters as they are.
pub trait GuestAddr: Copy {
    /// The value as a byte offset.
    fn to_u64(self) -> u64;
}

impl GuestAddr for u32 {
    fn to_u64(self) -> u64 {
        u64::from(self)
    }
}

impl GuestAddr for i32 {
    fn to_u64(self) -> u64 {
        u64::from(self as u32)
    }
}

impl GuestAddr for u64 {
    fn to_u64(self) -> u64 {
        self
    }
}

impl GuestAddr for usize {
    fn to_u64(self) -> u64 {
        self as u64
    }
}

/// The range `ptr..ptr + len` of `bytes`, if it is inside.
fn range(bytes: &[u8], ptr: u64, len: u64) -> Result<std::ops::Range<usize>, AccessError> {
    let size = bytes.len() as u64;
    match ptr.checked_add(len) {
        Some(end) if end <= size => Ok(ptr as usize..end as usize),
        _ => Err(AccessError::OutOfBounds {
            offset: ptr,
            len,
            size,
        }),
    }
}

fn read(bytes: &[u8], ptr: u64, len: u64) -> Result<&[u8], AccessError> {
    Ok(&bytes[range(bytes, ptr, len)?])
}

fn read_array<const N: usize>(bytes: &[u8], ptr: u64) -> Result<[u8; N], AccessError> {
    let mut out = [0; N];
    out.copy_from_slice(read(bytes, ptr, N as u64)?);
    Ok(out)
}

fn read_str(bytes: &[u8], ptr: u64, len: u64) -> Result<&str, AccessError> {
    std::str::from_utf8(read(bytes, ptr, len)?).map_err(|e| AccessError::InvalidUtf8 {
        offset: ptr,
        len,
        valid_up_to: e.valid_up_to() as u64,
    })
}

fn write(bytes: &mut [u8], ptr: u64, src: &[u8]) -> Result<(), AccessError> {
    let r = range(bytes, ptr, src.len() as u64)?;
    bytes[r].copy_from_slice(src);
    Ok(())
}

/// The read methods, on both views; `$life` is the lifetime of what they return.
macro_rules! read_methods {
    ($life:lifetime) => {
        /// The memory's handle, for the [`Memory`] API (e.g. `grow`).
        pub fn handle(&self) -> Memory {
            self.memory
        }

        /// The memory's size in bytes.
        pub fn len(&self) -> usize {
            self.bytes.len()
        }

        /// Whether the memory has no bytes (a memory of zero pages).
        pub fn is_empty(&self) -> bool {
            self.bytes.is_empty()
        }

        /// `len` bytes at `ptr`.
        ///
        /// # Errors
        ///
        /// [`AccessError::OutOfBounds`] when `ptr..ptr + len` is not inside the memory.
        pub fn read_bytes(&self, ptr: impl GuestAddr, len: impl GuestAddr) -> Result<&$life [u8], AccessError> {
            read(&self.bytes, ptr.to_u64(), len.to_u64())
        }

        /// Fills `buf` with the bytes at `ptr`.
        ///
        /// # Errors
        ///
        /// [`AccessError::OutOfBounds`] when the `buf.len()` bytes at `ptr` are not inside the
        /// memory.
        pub fn read_into(&self, ptr: impl GuestAddr, buf: &mut [u8]) -> Result<(), AccessError> {
            buf.copy_from_slice(read(&self.bytes, ptr.to_u64(), buf.len() as u64)?);
            Ok(())
        }

        /// `N` bytes at `ptr`, copied into an array.
        ///
        /// # Errors
        ///
        /// [`AccessError::OutOfBounds`] when the `N` bytes at `ptr` are not inside the memory.
        pub fn read_array<const N: usize>(&self, ptr: impl GuestAddr) -> Result<[u8; N], AccessError> {
            read_array(&self.bytes, ptr.to_u64())
        }

        /// The UTF-8 string of `len` bytes at `ptr`.
        ///
        /// # Errors
        ///
        /// [`AccessError::OutOfBounds`] when `ptr..ptr + len` is not inside the memory.
        /// [`AccessError::InvalidUtf8`] when the bytes are not UTF-8.
        pub fn read_str(&self, ptr: impl GuestAddr, len: impl GuestAddr) -> Result<&$life str, AccessError> {
            read_str(&self.bytes, ptr.to_u64(), len.to_u64())
        }

        read_methods!(@num read_u8 u8, read_i8 i8, read_u16_le u16, read_i16_le i16,
            read_u32_le u32, read_i32_le i32, read_u64_le u64, read_i64_le i64,
            read_f32_le f32, read_f64_le f64);
    };
    (@num $($name:ident $t:ty),*) => {$(
        #[doc = concat!("The little-endian `", stringify!($t), "` at `ptr`.")]
        #[doc = ""]
        #[doc = "# Errors"]
        #[doc = ""]
        #[doc = "[`AccessError::OutOfBounds`] when the value at `ptr` is not inside the memory."]
        pub fn $name(&self, ptr: impl GuestAddr) -> Result<$t, AccessError> {
            Ok(<$t>::from_le_bytes(read_array(&self.bytes, ptr.to_u64())?))
        }
    )*};
}

macro_rules! write_methods {
    ($($name:ident $t:ty),*) => {$(
        #[doc = concat!("Writes `value` at `ptr` as a little-endian `", stringify!($t), "`.")]
        #[doc = ""]
        #[doc = "# Errors"]
        #[doc = ""]
        #[doc = "[`AccessError::OutOfBounds`] when the value would not fit at `ptr`."]
        pub fn $name(&mut self, ptr: impl GuestAddr, value: $t) -> Result<(), AccessError> {
            write(self.bytes, ptr.to_u64(), &value.to_le_bytes())
        }
    )*};
}

/// A read-only view of one of the calling instance's memories, from
/// [`Ctx::memory`](crate::Ctx::memory) or [`Ctx::default_memory`](crate::Ctx::default_memory).
///
/// Reads are bounds-checked: past the end, they return [`AccessError::OutOfBounds`].
#[derive(Debug, Clone, Copy)]
pub struct MemoryView<'a> {
    memory: Memory,
    bytes: &'a [u8],
}

impl<'a> MemoryView<'a> {
    pub(crate) fn new(memory: Memory, bytes: &'a [u8]) -> MemoryView<'a> {
        MemoryView { memory, bytes }
    }

    /// All the memory's bytes.
    pub fn data(&self) -> &'a [u8] {
        self.bytes
    }

    read_methods!('a);
}

/// A read-write view of one of the calling instance's memories, from
/// [`Ctx::memory_mut`](crate::Ctx::memory_mut) or
/// [`Ctx::default_memory_mut`](crate::Ctx::default_memory_mut).
///
/// Reads and writes are bounds-checked: past the end, they return
/// [`AccessError::OutOfBounds`] and write nothing.
#[derive(Debug)]
pub struct MemoryViewMut<'a> {
    memory: Memory,
    bytes: &'a mut [u8],
}

impl<'a> MemoryViewMut<'a> {
    pub(crate) fn new(memory: Memory, bytes: &'a mut [u8]) -> MemoryViewMut<'a> {
        MemoryViewMut { memory, bytes }
    }

    /// All the memory's bytes.
    pub fn data(&self) -> &[u8] {
        self.bytes
    }

    /// All the memory's bytes, mutably.
    pub fn data_mut(&mut self) -> &mut [u8] {
        self.bytes
    }

    read_methods!('_);

    /// Copies `bytes` to `ptr`.
    ///
    /// # Errors
    ///
    /// [`AccessError::OutOfBounds`] when the bytes would not fit at `ptr`.
    pub fn write_bytes(&mut self, ptr: impl GuestAddr, bytes: &[u8]) -> Result<(), AccessError> {
        write(self.bytes, ptr.to_u64(), bytes)
    }

    /// Copies the UTF-8 bytes of `s` to `ptr` (no terminator is added).
    ///
    /// # Errors
    ///
    /// [`AccessError::OutOfBounds`] when the bytes would not fit at `ptr`.
    pub fn write_str(&mut self, ptr: impl GuestAddr, s: &str) -> Result<(), AccessError> {
        write(self.bytes, ptr.to_u64(), s.as_bytes())
    }

    write_methods!(write_u8 u8, write_i8 i8, write_u16_le u16, write_i16_le i16,
        write_u32_le u32, write_i32_le i32, write_u64_le u64, write_i64_le i64,
        write_f32_le f32, write_f64_le f64);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mem() -> Memory {
        Memory::from_index(crate::store::StoreId::NONE, 0)
    }

    #[test]
    fn reads_and_writes_little_endian_values() {
        let mut bytes = vec![0u8; 16];
        let mut view = MemoryViewMut::new(mem(), &mut bytes);
        view.write_u32_le(0, 0x0403_0201).unwrap();
        view.write_f64_le(8u32, 1.5).unwrap();
        view.write_i8(4, -2).unwrap();
        assert_eq!(view.read_bytes(0, 4).unwrap(), &[1, 2, 3, 4]);
        assert_eq!(view.read_u16_le(1).unwrap(), 0x0302);
        assert_eq!(view.read_i8(4).unwrap(), -2);
        assert_eq!(view.read_f64_le(8).unwrap(), 1.5);
        assert_eq!(view.read_array::<2>(2).unwrap(), [3, 4]);
    }

    #[test]
    fn out_of_bounds_is_an_error_and_writes_nothing() {
        let mut bytes = vec![7u8; 8];
        let mut view = MemoryViewMut::new(mem(), &mut bytes);
        let err = view.write_u64_le(1, 0).unwrap_err();
        assert_eq!(
            err,
            AccessError::OutOfBounds {
                offset: 1,
                len: 8,
                size: 8
            }
        );
        assert_eq!(
            err.to_string(),
            "out of bounds memory access: expected offset + length <= 8 (the memory size), found 1 + 8"
        );
        assert_eq!(view.data(), &[7; 8]);
        assert!(view.read_u8(8).is_err());
        assert!(view.read_bytes(u64::MAX, 2u32).is_err());
        assert!(view.read_bytes(-1, 1).is_err());
        assert!(view.read_bytes(8, 0).is_ok());
    }

    #[test]
    fn strings_are_checked_for_utf8() {
        let bytes = b"hi \xff!".to_vec();
        let view = MemoryView::new(mem(), &bytes);
        assert_eq!(view.read_str(0, 2).unwrap(), "hi");
        let err = view.read_str(1, 4).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid UTF-8 in memory: expected a UTF-8 string of 4 bytes at 1, found an invalid sequence at 3"
        );
    }
}
