//! `Ctx<T>`: what a `#[host]` function sees of the store and of the instance that called it.

use super::access_error::AccessError;
use super::memory_view::{GuestAddr, MemoryView, MemoryViewMut};
use crate::error::Error;
use crate::func::{Caller, Func, TypedFunc, WasmTyList};
use crate::instance::{Extern, Instance};
use crate::memory::Memory;
use crate::store::{AsContext, AsContextMut, Store};
use crate::value::Val;

/// The context of a `#[host]` function: the store's data, and the memories and exports of
/// the instance whose Wasm code made the call.
///
/// A host function takes it as its first parameter, `&mut Ctx<T>` under any name; it is
/// not part of the function's Wasm type. Memory accesses are bounds-checked and return an
/// [`AccessError`], which `?` turns into a trap.
///
/// ```
/// use wasp_core::{host, imports, Ctx, Engine, HostError, Linker, Module, Store};
///
/// /// Appends the guest's string to the log.
/// #[host]
/// fn log(ctx: &mut Ctx<Vec<String>>, ptr: u32, len: u32) -> Result<(), HostError> {
///     let line = ctx.read_str(ptr, len)?.to_owned();
///     ctx.data_mut().push(line);
///     Ok(())
/// }
///
/// let engine = Engine::default();
/// let module = Module::new(&engine, r#"(module
///     (import "env" "log" (func $log (param i32 i32)))
///     (memory 1)
///     (data (i32.const 8) "hello")
///     (func (export "run") (call $log (i32.const 8) (i32.const 5)))
///     (func (export "oops") (call $log (i32.const 65534) (i32.const 5))))"#)?;
/// let mut linker = Linker::new(&engine);
/// linker.define_imports(imports! { "env" => { "log" => log } })?;
/// let mut store = Store::new(&engine, Vec::new());
/// let instance = linker.instantiate(&mut store, &module)?;
/// instance.get_typed_func::<(), ()>(&store, "run")?.call(&mut store, ())?;
/// assert_eq!(store.data(), &["hello"]);
///
/// let trap = instance.get_typed_func::<(), ()>(&store, "oops")?.call(&mut store, ()).unwrap_err();
/// assert!(trap.to_string().contains("out of bounds memory access"));
/// # Ok::<(), wasp_core::Error>(())
/// ```
//
// Everything a host function may do goes through methods of this type (gas and yields
// included), so new abilities do not change the signature of host functions.
#[repr(transparent)]
pub struct Ctx<T> {
    store: Store<T>,
}

impl<T> Ctx<T> {
    /// The store as a context, e.g. to call a `#[host]` function directly from Rust.
    /// Without a call from Wasm in progress, there is no calling instance: memory accesses
    /// return [`AccessError::NotCalledFromWasm`].
    pub fn from_store(store: &mut Store<T>) -> &mut Ctx<T> {
        let ptr: *mut Store<T> = store;
        // SAFETY: `Ctx<T>` is `repr(transparent)` over `Store<T>`, its only field, so both
        // types have the same layout and validity; the new reference takes over the unique
        // borrow of `store` for the same lifetime. A `Ctx` is only ever reached through such
        // a reference: it has no constructor by value and no `Drop`.
        unsafe { &mut *ptr.cast::<Ctx<T>>() }
    }

    /// The store's data.
    pub fn data(&self) -> &T {
        self.store.data()
    }

    /// The store's data, mutably.
    pub fn data_mut(&mut self) -> &mut T {
        self.store.data_mut()
    }

    /// Charges `amount` extra gas for work the host function does; fails with the
    /// `all gas consumed` trap (to be returned with `?`) when the store has less. Without gas
    /// metering this does nothing. See [`Caller::charge_gas`].
    ///
    /// # Errors
    ///
    /// As [`Caller::charge_gas`]: the `all gas consumed` trap when the store has less than
    /// `amount` gas left.
    pub fn charge_gas(&mut self, amount: u64) -> Result<(), Error> {
        self.caller().charge_gas(amount)
    }

    /// Charges `amount` gas before the host function has any effect, pausing the call for
    /// gas (and making the host call again on resume) when the store has less. See
    /// [`Caller::charge_gas_or_pause`].
    ///
    /// # Errors
    ///
    /// As [`Caller::charge_gas_or_pause`]: the `all gas consumed` trap when the store has
    /// less than `amount` gas left.
    pub fn charge_gas_or_pause(&mut self, amount: u64) -> Result<(), Error> {
        self.caller().charge_gas_or_pause(amount)
    }

    /// Asks the call to pause once this host function returns, handing `value` to whoever
    /// made the call. See [`Caller::yield_with`].
    pub fn yield_with(&mut self, value: impl Into<Val>) {
        self.caller().yield_with(value);
    }

    /// The same context as a [`Caller`], whose gas and yield operations `Ctx` shares.
    fn caller(&mut self) -> Caller<'_, T> {
        let instance = self.store.inner.caller_instance;
        Caller::new(&mut self.store, instance)
    }

    /// The instance whose Wasm code called the running host function; `None` when the call
    /// came from the host.
    pub fn instance(&self) -> Option<Instance> {
        self.store.caller_instance()
    }

    /// An export of the calling instance.
    pub fn get_export(&self, name: &str) -> Option<Extern> {
        self.instance()?.get_export(&self.store, name)
    }

    /// The exported function `name` of the calling instance.
    ///
    /// # Errors
    ///
    /// [`AccessError::NotCalledFromWasm`] when no Wasm instance made the call;
    /// [`AccessError::MissingExport`] or [`AccessError::WrongKind`] when the instance exports
    /// no function `name`.
    pub fn get_func(&self, name: &str) -> Result<Func, AccessError> {
        match self.export(name, "func")? {
            Extern::Func(f) => Ok(f),
            other => Err(self.wrong_kind(name, "func", other)),
        }
    }

    /// The exported function `name` of the calling instance, as a [`TypedFunc`]; fails if
    /// it is missing or its type is not `Params -> Results`.
    ///
    /// # Errors
    ///
    /// As [`Ctx::get_func`], and [`Error::Usage`] when the function's type is not `Params ->
    /// Results`.
    pub fn get_typed_func<Params: WasmTyList, Results: WasmTyList>(
        &self,
        name: &str,
    ) -> Result<TypedFunc<Params, Results>, Error> {
        self.get_func(name)?.typed(&self.store)
    }

    /// The exported memory `name` of the calling instance, to read.
    ///
    /// # Errors
    ///
    /// [`AccessError::NotCalledFromWasm`] when no Wasm instance made the call;
    /// [`AccessError::MissingExport`] or [`AccessError::WrongKind`] when the instance exports
    /// no memory `name`.
    pub fn memory(&self, name: &str) -> Result<MemoryView<'_>, AccessError> {
        let memory = self.memory_handle(name)?;
        Ok(MemoryView::new(memory, memory.data(&self.store)))
    }

    /// The exported memory `name` of the calling instance, to read and write.
    ///
    /// # Errors
    ///
    /// [`AccessError::NotCalledFromWasm`] when no Wasm instance made the call;
    /// [`AccessError::MissingExport`] or [`AccessError::WrongKind`] when the instance exports
    /// no memory `name`.
    pub fn memory_mut(&mut self, name: &str) -> Result<MemoryViewMut<'_>, AccessError> {
        let memory = self.memory_handle(name)?;
        Ok(MemoryViewMut::new(memory, memory.data_mut(&mut self.store)))
    }

    /// The calling instance's memory (memory 0, exported or not), to read.
    ///
    /// # Errors
    ///
    /// [`AccessError::NotCalledFromWasm`] when no Wasm instance made the call;
    /// [`AccessError::NoMemory`] when the instance has no memory.
    pub fn default_memory(&self) -> Result<MemoryView<'_>, AccessError> {
        let memory = self.default_memory_handle()?;
        Ok(MemoryView::new(memory, memory.data(&self.store)))
    }

    /// The calling instance's memory (memory 0, exported or not), to read and write.
    ///
    /// # Errors
    ///
    /// [`AccessError::NotCalledFromWasm`] when no Wasm instance made the call;
    /// [`AccessError::NoMemory`] when the instance has no memory.
    pub fn default_memory_mut(&mut self) -> Result<MemoryViewMut<'_>, AccessError> {
        let memory = self.default_memory_handle()?;
        Ok(MemoryViewMut::new(memory, memory.data_mut(&mut self.store)))
    }

    /// Memory `index` of the calling instance (in its memory index space, imported memories
    /// first; 32-bit or 64-bit), to read. Views take `u64` addresses, so every byte of a
    /// 64-bit memory is reachable.
    ///
    /// ```
    /// use wasp_core::{host, imports, Ctx, Engine, HostError, Linker, Module, Store};
    ///
    /// /// The byte at `addr` of the caller's second memory.
    /// #[host]
    /// fn peek(ctx: &mut Ctx<()>, addr: u64) -> Result<u32, HostError> {
    ///     Ok(u32::from(ctx.memory_at(1)?.read_u8(addr)?))
    /// }
    ///
    /// let engine = Engine::default();
    /// let module = Module::new(&engine, r#"(module
    ///     (import "env" "peek" (func $peek (param i64) (result i32)))
    ///     (memory 1)
    ///     (memory i64 2)
    ///     (data (memory 1) (i64.const 70000) "\2a")
    ///     (func (export "run") (result i32) (call $peek (i64.const 70000))))"#)?;
    /// let mut linker = Linker::new(&engine);
    /// linker.define_imports(imports! { "env" => { "peek" => peek } })?;
    /// let mut store = Store::new(&engine, ());
    /// let instance = linker.instantiate(&mut store, &module)?;
    /// assert_eq!(instance.get_typed_func::<(), u32>(&store, "run")?.call(&mut store, ())?, 42);
    /// # Ok::<(), wasp_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`AccessError::NotCalledFromWasm`] when no Wasm instance made the call;
    /// [`AccessError::NoMemoryAt`] when the instance has no memory `index`.
    pub fn memory_at(&self, index: u32) -> Result<MemoryView<'_>, AccessError> {
        let memory = self.memory_handle_at(index)?;
        Ok(MemoryView::new(memory, memory.data(&self.store)))
    }

    /// Memory `index` of the calling instance, to read and write (see [`Ctx::memory_at`]).
    ///
    /// # Errors
    ///
    /// [`AccessError::NotCalledFromWasm`] when no Wasm instance made the call;
    /// [`AccessError::NoMemoryAt`] when the instance has no memory `index`.
    pub fn memory_at_mut(&mut self, index: u32) -> Result<MemoryViewMut<'_>, AccessError> {
        let memory = self.memory_handle_at(index)?;
        Ok(MemoryViewMut::new(memory, memory.data_mut(&mut self.store)))
    }

    fn memory_handle_at(&self, index: u32) -> Result<Memory, AccessError> {
        let inner = &self.store.inner;
        let caller = inner
            .caller_instance
            .ok_or(AccessError::NotCalledFromWasm)?;
        let instance = inner
            .instances
            .get(caller as usize)
            .ok_or(AccessError::NotCalledFromWasm)?;
        let memory = instance
            .memories
            .get(index as usize)
            .ok_or(AccessError::NoMemoryAt {
                index,
                count: instance.memories.len() as u32,
            })?;
        Ok(Memory::from_index(inner.id, *memory))
    }

    fn export(&self, name: &str, expected: &'static str) -> Result<Extern, AccessError> {
        let instance = self.instance().ok_or(AccessError::NotCalledFromWasm)?;
        instance
            .get_export(&self.store, name)
            .ok_or_else(|| AccessError::MissingExport {
                name: name.to_string(),
                expected,
            })
    }

    fn wrong_kind(&self, name: &str, expected: &'static str, found: Extern) -> AccessError {
        AccessError::WrongKind {
            name: name.to_string(),
            expected,
            found: found.ty(&self.store).to_string(),
        }
    }

    fn memory_handle(&self, name: &str) -> Result<Memory, AccessError> {
        match self.export(name, "memory")? {
            Extern::Memory(m) => Ok(m),
            other => Err(self.wrong_kind(name, "memory", other)),
        }
    }

    fn default_memory_handle(&self) -> Result<Memory, AccessError> {
        let index = self
            .store
            .inner
            .caller_instance
            .ok_or(AccessError::NotCalledFromWasm)?;
        let instance = self
            .store
            .inner
            .instances
            .get(index as usize)
            .ok_or(AccessError::NotCalledFromWasm)?;
        let memory = instance.memories.first().ok_or(AccessError::NoMemory)?;
        Ok(Memory::from_index(self.store.inner.id, *memory))
    }
}

/// Shortcuts for the calling instance's default memory (see [`Ctx::default_memory`]).
impl<T> Ctx<T> {
    /// `len` bytes at `ptr` in the default memory.
    ///
    /// # Errors
    ///
    /// [`AccessError::NotCalledFromWasm`] when no Wasm instance made the call;
    /// [`AccessError::NoMemory`] when the instance has no memory; [`AccessError::OutOfBounds`]
    /// when `ptr..ptr + len` is not inside the memory.
    pub fn read_bytes(
        &self,
        ptr: impl GuestAddr,
        len: impl GuestAddr,
    ) -> Result<&[u8], AccessError> {
        self.default_memory()?.read_bytes(ptr, len)
    }

    /// `N` bytes at `ptr` in the default memory, copied into an array.
    ///
    /// # Errors
    ///
    /// [`AccessError::NotCalledFromWasm`] when no Wasm instance made the call;
    /// [`AccessError::NoMemory`] when the instance has no memory; [`AccessError::OutOfBounds`]
    /// when the `N` bytes at `ptr` are not inside the memory.
    pub fn read_array<const N: usize>(&self, ptr: impl GuestAddr) -> Result<[u8; N], AccessError> {
        self.default_memory()?.read_array(ptr)
    }

    /// The UTF-8 string of `len` bytes at `ptr` in the default memory.
    ///
    /// # Errors
    ///
    /// [`AccessError::NotCalledFromWasm`] when no Wasm instance made the call;
    /// [`AccessError::NoMemory`] when the instance has no memory; [`AccessError::OutOfBounds`]
    /// when `ptr..ptr + len` is not inside the memory. [`AccessError::InvalidUtf8`] when the
    /// bytes are not UTF-8.
    pub fn read_str(&self, ptr: impl GuestAddr, len: impl GuestAddr) -> Result<&str, AccessError> {
        self.default_memory()?.read_str(ptr, len)
    }

    /// Copies `bytes` to `ptr` in the default memory.
    ///
    /// # Errors
    ///
    /// [`AccessError::NotCalledFromWasm`] when no Wasm instance made the call;
    /// [`AccessError::NoMemory`] when the instance has no memory; [`AccessError::OutOfBounds`]
    /// when the bytes would not fit at `ptr`.
    pub fn write_bytes(&mut self, ptr: impl GuestAddr, bytes: &[u8]) -> Result<(), AccessError> {
        self.default_memory_mut()?.write_bytes(ptr, bytes)
    }

    /// Copies the UTF-8 bytes of `s` to `ptr` in the default memory.
    ///
    /// # Errors
    ///
    /// [`AccessError::NotCalledFromWasm`] when no Wasm instance made the call;
    /// [`AccessError::NoMemory`] when the instance has no memory; [`AccessError::OutOfBounds`]
    /// when the bytes would not fit at `ptr`.
    pub fn write_str(&mut self, ptr: impl GuestAddr, s: &str) -> Result<(), AccessError> {
        self.default_memory_mut()?.write_str(ptr, s)
    }
}

macro_rules! default_memory_numbers {
    ($($read:ident $write:ident $t:ty),*) => {
        impl<T> Ctx<T> {$(
            #[doc = concat!("The little-endian `", stringify!($t), "` at `ptr` in the default memory.")]
            #[doc = ""]
            #[doc = "# Errors"]
            #[doc = ""]
            #[doc = "[`AccessError::NotCalledFromWasm`] when no Wasm instance made the call;"]
            #[doc = "[`AccessError::NoMemory`] when the instance has no memory;"]
            #[doc = "[`AccessError::OutOfBounds`] when the value at `ptr` is not inside the memory."]
            pub fn $read(&self, ptr: impl GuestAddr) -> Result<$t, AccessError> {
                self.default_memory()?.$read(ptr)
            }

            #[doc = concat!("Writes `value` as a little-endian `", stringify!($t), "` at `ptr` in the default memory.")]
            #[doc = ""]
            #[doc = "# Errors"]
            #[doc = ""]
            #[doc = "[`AccessError::NotCalledFromWasm`] when no Wasm instance made the call;"]
            #[doc = "[`AccessError::NoMemory`] when the instance has no memory;"]
            #[doc = "[`AccessError::OutOfBounds`] when the value would not fit at `ptr`."]
            pub fn $write(&mut self, ptr: impl GuestAddr, value: $t) -> Result<(), AccessError> {
                self.default_memory_mut()?.$write(ptr, value)
            }
        )*}
    };
}

default_memory_numbers!(
    read_u8 write_u8 u8,
    read_i8 write_i8 i8,
    read_u16_le write_u16_le u16,
    read_i16_le write_i16_le i16,
    read_u32_le write_u32_le u32,
    read_i32_le write_i32_le i32,
    read_u64_le write_u64_le u64,
    read_i64_le write_i64_le i64,
    read_f32_le write_f32_le f32,
    read_f64_le write_f64_le f64
);

impl<T> AsContext for Ctx<T> {
    type Data = T;
    fn as_context(&self) -> &Store<T> {
        &self.store
    }
}

impl<T> AsContextMut for Ctx<T> {
    fn as_context_mut(&mut self) -> &mut Store<T> {
        &mut self.store
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Engine, Linker, Module};

    #[test]
    fn from_store_sees_the_same_store() {
        let mut store = Store::new(&Engine::default(), 41_u32);
        let address: *const Store<u32> = &store;
        let ctx = Ctx::from_store(&mut store);
        *ctx.data_mut() += 1;
        assert_eq!(*ctx.data(), 42);
        assert!(std::ptr::eq(ctx.as_context(), address));
        assert!(std::ptr::eq(ctx.as_context_mut(), address));
        assert_eq!(*store.data(), 42);
    }

    #[test]
    fn without_a_wasm_caller_memory_access_is_an_error() {
        let mut store = Store::new(&Engine::default(), ());
        let ctx = Ctx::from_store(&mut store);
        assert!(ctx.instance().is_none());
        assert_eq!(ctx.read_u8(0), Err(AccessError::NotCalledFromWasm));
        assert_eq!(
            ctx.memory("mem").map(|_| ()),
            Err(AccessError::NotCalledFromWasm)
        );
        assert!(ctx.get_export("f").is_none());
    }

    #[test]
    fn host_code_reads_and_writes_the_callers_memory() -> Result<(), Error> {
        let engine = Engine::default();
        let module = Module::new(
            &engine,
            r#"(module
                (import "env" "touch" (func $touch))
                (memory (export "mem") 1)
                (global (export "g") i32 (i32.const 0))
                (data (i32.const 0) "\2a\00\00\00")
                (func (export "run") (result i32) (call $touch) (i32.load (i32.const 4))))"#,
        )?;
        let mut linker = Linker::<Vec<String>>::new(&engine);
        linker.func_wrap(
            "env",
            "touch",
            |mut caller: crate::Caller<'_, Vec<String>>| {
                let ctx = Ctx::from_store(caller.as_context_mut());
                let x = ctx.read_u32_le(0u32)?;
                ctx.write_u32_le(4, x + 1)?;
                let named = ctx.memory("mem")?.read_u32_le(4)?;
                let errors = [
                    ctx.memory("nope").map(|_| ()).unwrap_err().to_string(),
                    ctx.memory("g").map(|_| ()).unwrap_err().to_string(),
                    ctx.get_func("mem").map(|_| ()).unwrap_err().to_string(),
                    ctx.read_u32_le(65533).unwrap_err().to_string(),
                ];
                ctx.data_mut().push(named.to_string());
                ctx.data_mut().extend(errors);
                Ok::<(), AccessError>(())
            },
        )?;
        let mut store = Store::new(&engine, Vec::new());
        let instance = linker.instantiate(&mut store, &module)?;
        let run = instance.get_typed_func::<(), i32>(&store, "run")?;
        assert_eq!(run.call(&mut store, ())?, 43);
        assert_eq!(
            store.data(),
            &[
                "43",
                "no export named \"nope\": expected an exported memory, found nothing",
                "export \"g\" has the wrong kind: expected a memory, found (global i32)",
                "export \"mem\" has the wrong kind: expected a func, found (memory 1)",
                "out of bounds memory access: expected offset + length <= 65536 (the memory size), found 65533 + 4",
            ]
        );
        Ok(())
    }
}
