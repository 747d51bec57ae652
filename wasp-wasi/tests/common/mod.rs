//! A guest for tests: the shim module's exports, called with strings placed in memory.

#![allow(dead_code)]

use wasp_core::{Engine, Instance, Linker, Module, Store, Val};
use wasp_wasi::{Errno, WasiCtx};

/// The preopen's descriptor in every test context.
pub const ROOT: i32 = 3;

/// An instance of `tests/wat/shim.wat` with a WASI context.
pub struct Shim {
    pub store: Store<WasiCtx>,
    pub instance: Instance,
}

impl Shim {
    pub fn new(wasi: WasiCtx) -> Shim {
        Shim::with_engine(&Engine::default(), wasi)
    }

    pub fn with_engine(engine: &Engine, wasi: WasiCtx) -> Shim {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/wat/shim.wat");
        let module =
            Module::new(engine, std::fs::read(path).expect("shim.wat")).expect("valid shim");
        let mut linker = Linker::new(engine);
        wasp_wasi::add_to_linker(&mut linker).expect("linker");
        let mut store = Store::new(engine, wasi);
        let instance = linker
            .instantiate(&mut store, &module)
            .expect("instantiate");
        Shim { store, instance }
    }

    /// Puts `s` at `at` in memory: (pointer, length).
    pub fn put(&mut self, at: u32, s: &str) -> (i32, i32) {
        let mem = self
            .instance
            .get_memory(&self.store, "memory")
            .expect("memory");
        mem.write(&mut self.store, at as usize, s.as_bytes())
            .expect("in bounds");
        (at as i32, s.len() as i32)
    }

    /// Calls export `name` and reads its errno.
    pub fn call(&mut self, name: &str, args: &[Val]) -> Errno {
        let f = self.instance.get_func(&self.store, name).expect("export");
        let mut out = [Val::I32(0)];
        f.call(&mut self.store, args, &mut out).expect("no trap");
        let Val::I32(n) = out[0] else {
            panic!("i32 result")
        };
        Errno::from_u16(n as u16).expect("an errno")
    }

    /// The u32 the last call left at 1000 (an fd or a count).
    pub fn result_u32(&self) -> u32 {
        let mem = self
            .instance
            .get_memory(&self.store, "memory")
            .expect("memory");
        let mut b = [0u8; 4];
        mem.read(&self.store, 1000, &mut b).expect("in bounds");
        u32::from_le_bytes(b)
    }

    /// `len` bytes of the buffer at 2000.
    pub fn buffer(&self, len: usize) -> Vec<u8> {
        let mem = self
            .instance
            .get_memory(&self.store, "memory")
            .expect("memory");
        let mut b = vec![0u8; len];
        mem.read(&self.store, 2000, &mut b).expect("in bounds");
        b
    }

    /// `path_open` beneath `dir` with every right; the new fd on success.
    pub fn open(&mut self, dir: i32, path: &str, follow: bool, oflags: i32) -> Result<u32, Errno> {
        self.open_with_rights(dir, path, follow, oflags, (1 << 30) - 1)
    }

    /// `path_open` beneath `dir` asking for `rights`; the new fd on success.
    pub fn open_with_rights(
        &mut self,
        dir: i32,
        path: &str,
        follow: bool,
        oflags: i32,
        rights: i64,
    ) -> Result<u32, Errno> {
        let (p, n) = self.put(100, path);
        let args = [
            Val::I32(dir),
            Val::I32(p),
            Val::I32(n),
            Val::I32(i32::from(follow)),
            Val::I32(oflags),
            Val::I64(rights),
        ];
        match self.call("open", &args) {
            Errno::Success => Ok(self.result_u32()),
            e => Err(e),
        }
    }

    /// An export taking (dir, path) or (dir, flags, path).
    pub fn on_path(&mut self, name: &str, path: &str) -> Errno {
        let (p, n) = self.put(100, path);
        let args: Vec<Val> = match name {
            "stat" | "touch" => vec![Val::I32(ROOT), Val::I32(1), Val::I32(p), Val::I32(n)],
            _ => vec![Val::I32(ROOT), Val::I32(p), Val::I32(n)],
        };
        self.call(name, &args)
    }

    /// An export taking two paths beneath the root: rename, link.
    pub fn two_paths(&mut self, name: &str, old: &str, new: &str) -> Errno {
        let (o, on) = self.put(100, old);
        let (p, n) = self.put(400, new);
        let args = [
            Val::I32(ROOT),
            Val::I32(o),
            Val::I32(on),
            Val::I32(p),
            Val::I32(n),
        ];
        self.call(name, &args)
    }

    /// `path_symlink(old, root, new)`.
    pub fn symlink(&mut self, old: &str, new: &str) -> Errno {
        let (o, on) = self.put(100, old);
        let (p, n) = self.put(400, new);
        let args = [
            Val::I32(o),
            Val::I32(on),
            Val::I32(ROOT),
            Val::I32(p),
            Val::I32(n),
        ];
        self.call("symlink", &args)
    }
}
