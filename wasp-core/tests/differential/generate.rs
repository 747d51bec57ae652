//! Generating test modules with `wasm-smith`, configured for exactly the proposals Wasp runs
//! (Wasm 2.0 with SIMD, plus tail calls, extended constants, wide arithmetic, multiple
//! memories, 64-bit memories and custom page sizes), small enough to run quickly and instrumented so that every call terminates.

use arbitrary::Unstructured;
use wasm_smith::{Config, InstructionKind, InstructionKinds};

/// The fuel of the global that `wasm-smith`'s `ensure_termination` adds: every function entry
/// and every loop iteration costs one unit (bulk operations cost their length), and a call
/// that finds it spent executes `unreachable`. One budget per instance bounds both the
/// running time and the depth of recursion (far below either engine's stack limits).
///
/// More fuel does not make more calls return: with 10,000 the same 2,000 modules return
/// exactly as many values (the calls that spend 1,000 units are endless loops) in more than
/// twice the time, and with 100,000 recursion reaches the engines' different stack limits.
pub const FUEL: u32 = 1_000;

/// The most pages of a memory (each memory has a maximum, so `memory.grow` stays small).
const MAX_PAGES: u64 = 8;

/// The most elements of a table (each table has a maximum too).
const MAX_TABLE_ELEMENTS: u64 = 1_000;

/// A deterministic generator (SplitMix64) for the bytes `wasm-smith` builds modules from.
pub struct SplitMix(u64);

impl SplitMix {
    /// A generator with the given seed.
    pub fn new(seed: u64) -> SplitMix {
        SplitMix(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// `len` random bytes.
    pub fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next_u64() as u8).collect()
    }
}

/// The raw material for the module of seed `seed`: a few KiB of random bytes.
pub fn seed_bytes(seed: u64) -> Vec<u8> {
    let mut rng = SplitMix::new(seed);
    let len = 1024 + (rng.next_u64() % 8192) as usize;
    rng.bytes(len)
}

/// What became of the raw material of one seed.
pub enum Generated {
    /// A terminating module to compare.
    Module(Vec<u8>),
    /// `wasm-smith` gave up.
    GaveUp,
}

/// A terminating module built from `data`.
pub fn generate(data: &[u8]) -> Generated {
    let mut u = Unstructured::new(data);
    let Ok(config) = config(&mut u) else {
        return Generated::GaveUp;
    };
    let Ok(mut module) = wasm_smith::Module::new(config, &mut u) else {
        return Generated::GaveUp;
    };
    if module.ensure_termination(FUEL).is_err() {
        return Generated::GaveUp;
    }
    Generated::Module(module.to_bytes())
}

/// Whether a module (as `wasm-smith` made it, so valid) defines or imports a 64-bit table
/// (`wasm-smith` makes them whenever 64-bit memories are on).
pub fn has_table64(bytes: &[u8]) -> bool {
    use wasmparser::{Payload, TypeRef};
    wasmparser::Parser::new(0)
        .parse_all(bytes)
        .any(|payload| match payload {
            Ok(Payload::TableSection(reader)) => {
                reader.into_iter().any(|t| t.is_ok_and(|t| t.ty.table64))
            }
            Ok(Payload::ImportSection(reader)) => reader
                .into_imports()
                .any(|i| i.is_ok_and(|i| matches!(i.ty, TypeRef::Table(t) if t.table64))),
            _ => false,
        })
}

/// Wasp's proposals, fixed; a few knobs (traps avoided or not, floats, instruction kinds,
/// LEB widths) varied by the input, swarm-testing style. Three modules in four avoid traps
/// (guarded divisions and addresses, no `unreachable`), so that more calls compare values;
/// the fourth keeps every kind of trap compared.
///
/// NaNs are always canonicalised after float arithmetic: the specification lets the sign
/// and payload of an arithmetic NaN be anything (only "canonical in, canonical out" is
/// required), and `i64.reinterpret_f64` or a store would carry those bits into integer
/// results and memory, where no comparison can tell a legitimate difference from a bug.
/// (Wasp alone is checked against the specification's NaN rules by the `nan_rules` test.)
fn config(u: &mut Unstructured<'_>) -> arbitrary::Result<Config> {
    let mut c = Config::default();
    enable_wasp_proposals(&mut c);
    c.max_imports = 0;
    c.export_everything = true;
    c.min_funcs = u.int_in_range(1..=6)?;
    c.max_funcs = c.min_funcs + u.int_in_range(0..=6)?;
    c.min_types = 1;
    c.max_instructions = u.int_in_range(10..=120)?;
    c.max_types = 16;
    c.max_globals = 12;
    c.max_tables = u.int_in_range(0..=3)?;
    // Up to three memories (multi-memory): each memory instruction names one of them.
    c.max_memories = u.int_in_range(0..=3)?;
    c.max_memory32_bytes = MAX_PAGES * 65536;
    c.max_memory64_bytes = u128::from(MAX_PAGES * 65536);
    c.memory_max_size_required = true;
    c.max_table_elements = MAX_TABLE_ELEMENTS;
    c.table_max_size_required = true;
    c.max_data_segments = 8;
    c.max_element_segments = 8;
    c.max_elements = 16;
    c.disallow_traps = u.ratio(3, 4)?;
    c.canonicalize_nans = true;
    c.allow_floats = u.ratio(4, 5)?;
    c.min_uleb_size = if u.ratio(1, 8)? { 5 } else { 1 };
    c.allowed_instructions = instruction_kinds(u)?;
    Ok(c)
}

/// Wasm 2.0 with SIMD, plus tail calls, extended constants, wide arithmetic, 64-bit
/// memories and custom page sizes (multiple memories through `max_memories`); nothing else.
///
/// Relaxed SIMD stays off although Wasp runs it: each relaxed instruction allows several
/// results (Wasp picks one, deterministically), and wasmi may pick another allowed one, so a
/// difference would prove nothing. Wasp's choices are checked by the spec suite instead.
fn enable_wasp_proposals(c: &mut Config) {
    c.sign_extension_ops_enabled = true;
    c.saturating_float_to_int_enabled = true;
    c.multi_value_enabled = true;
    c.bulk_memory_enabled = true;
    c.reference_types_enabled = true;
    c.tail_call_enabled = true;
    c.extended_const_enabled = true;
    c.simd_enabled = true;
    c.relaxed_simd_enabled = false;
    c.threads_enabled = false;
    c.shared_everything_threads_enabled = false;
    c.exceptions_enabled = false;
    c.gc_enabled = false;
    c.memory64_enabled = true;
    c.custom_page_sizes_enabled = true;
    c.wide_arithmetic_enabled = true;
    c.compact_imports_enabled = false;
    c.custom_descriptors_enabled = false;
    c.multibyte_array_access_enabled = false;
    c.acquire_release_atomics_enabled = false;
}

/// All instruction kinds (vector ones included) most of the time; otherwise a random subset (control flow
/// always stays, so that functions have some shape).
fn instruction_kinds(u: &mut Unstructured<'_>) -> arbitrary::Result<InstructionKinds> {
    const OPTIONAL: [InstructionKind; 9] = [
        InstructionKind::Numeric,
        InstructionKind::NumericInt,
        InstructionKind::Reference,
        InstructionKind::Parametric,
        InstructionKind::Variable,
        InstructionKind::Table,
        InstructionKind::Memory,
        InstructionKind::MemoryInt,
        InstructionKind::Vector,
    ];
    if u.ratio(2, 3)? {
        let mut all = OPTIONAL.to_vec();
        all.push(InstructionKind::Control);
        return Ok(InstructionKinds::new(&all));
    }
    let mut kinds = vec![InstructionKind::Control];
    for kind in OPTIONAL {
        if u.arbitrary()? {
            kinds.push(kind);
        }
    }
    Ok(InstructionKinds::new(&kinds))
}
