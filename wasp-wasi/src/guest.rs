//! Guest memory and WASI context together, whether inside a host call (`Ctx`) or from the
//! embedder completing a paused read (`Store` and the instance's memory).

use wasp_core::{Ctx, Memory, Store};

use crate::types::{Errno, WasiResult};
use crate::{WasiCtx, WasiView};

/// What the calls that may pause need: guest memory by copy, and the WASI context.
pub(crate) trait Guest {
    fn mem_read(&self, ptr: u32, len: u32) -> WasiResult<Vec<u8>>;
    fn mem_write(&mut self, ptr: u32, bytes: &[u8]) -> WasiResult<()>;
    fn wasi_mut(&mut self) -> &mut WasiCtx;
    /// The size of guest memory in bytes.
    fn mem_size(&self) -> u64;
}

impl<T: WasiView> Guest for Ctx<T> {
    fn mem_read(&self, ptr: u32, len: u32) -> WasiResult<Vec<u8>> {
        Ok(self.read_bytes(ptr, len)?.to_vec())
    }
    fn mem_write(&mut self, ptr: u32, bytes: &[u8]) -> WasiResult<()> {
        Ok(self.write_bytes(ptr, bytes)?)
    }
    fn wasi_mut(&mut self) -> &mut WasiCtx {
        self.data_mut().wasi()
    }
    fn mem_size(&self) -> u64 {
        self.default_memory().map_or(0, |m| m.len() as u64)
    }
}

/// A store and the memory of the instance whose call paused.
pub(crate) struct StoreGuest<'a, T> {
    pub store: &'a mut Store<T>,
    pub memory: Memory,
}

impl<T: WasiView> Guest for StoreGuest<'_, T> {
    fn mem_read(&self, ptr: u32, len: u32) -> WasiResult<Vec<u8>> {
        let data = self.memory.data(&*self.store);
        let end = (ptr as usize)
            .checked_add(len as usize)
            .ok_or(Errno::Fault)?;
        data.get(ptr as usize..end)
            .map(<[u8]>::to_vec)
            .ok_or(Errno::Fault)
    }
    fn mem_write(&mut self, ptr: u32, bytes: &[u8]) -> WasiResult<()> {
        let data = self.memory.data_mut(&mut *self.store);
        let end = (ptr as usize)
            .checked_add(bytes.len())
            .ok_or(Errno::Fault)?;
        data.get_mut(ptr as usize..end)
            .ok_or(Errno::Fault)?
            .copy_from_slice(bytes);
        Ok(())
    }
    fn wasi_mut(&mut self) -> &mut WasiCtx {
        self.store.data_mut().wasi()
    }
    fn mem_size(&self) -> u64 {
        self.memory.data(&*self.store).len() as u64
    }
}

/// The `(pointer, length)` pairs of an iovec array.
pub(crate) fn iovecs(g: &impl Guest, ptr: u32, count: u32) -> WasiResult<Vec<(u32, u32)>> {
    let len = count.checked_mul(8).ok_or(Errno::Fault)?;
    let bytes = g.mem_read(ptr, len)?;
    let size = g.mem_size();
    bytes
        .chunks_exact(8)
        .map(|c| {
            let buf = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            let len = u32::from_le_bytes([c[4], c[5], c[6], c[7]]);
            // Every buffer lies in memory, checked before anything moves.
            if u64::from(buf) + u64::from(len) > size {
                return Err(Errno::Fault);
            }
            Ok((buf, len))
        })
        .collect()
}

/// Spreads `data` over the iovecs, in order.
pub(crate) fn scatter(g: &mut impl Guest, iovs: &[(u32, u32)], data: &[u8]) -> WasiResult<()> {
    let mut rest = data;
    for &(buf, len) in iovs {
        if rest.is_empty() {
            break;
        }
        let n = rest.len().min(len as usize);
        g.mem_write(buf, &rest[..n])?;
        rest = &rest[n..];
    }
    Ok(())
}
