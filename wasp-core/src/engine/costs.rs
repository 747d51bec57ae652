//! Gas costs: the one place that says what each kind of Wasm instruction costs.
//!
//! The rule users observe: a call never runs an instruction it could not pay for. Gas is
//! charged per block of Wasm code that runs from one label to the next (labels: the function's
//! start, a loop head, the start of an `if`'s arms, the end of a block), up front, for the
//! whole block: a block that cannot be paid for in full does not start. A `br_if` leaving a
//! block early, or a trap cutting it short, has paid for the rest of it. On top of the block
//! charges, `memory.grow` pays per 64 KiB requested, bulk memory and table instructions pay
//! per byte or element, and calls to host functions pay a base cost, each just before that
//! instruction runs. A `memory.grow` or `table.grow` that the maximum or the store's limits refuse returns
//! `-1` having paid only its base price.
//!
//! The figures depend only on the module, the inputs and the table, never on the machine.

use wasmparser::Operator;

use crate::engine::translator::SimdKind;

/// The price list of gas metering. Set it with [`Config::gas_costs`](crate::Config::gas_costs).
///
/// ```
/// use wasp_core::{Config, GasCosts};
/// let mut costs = GasCosts::default();
/// costs.call = 10;
/// let mut config = Config::default();
/// config.gas_metering(true).gas_costs(costs);
/// # let _ = config;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GasCosts {
    /// Any instruction not listed below (arithmetic, locals, globals, constants, branches).
    pub base: u32,
    /// Loads and stores of linear memory.
    pub memory_access: u32,
    /// Integer division and remainder.
    pub division: u32,
    /// `call`, `call_indirect`, `call_ref` and their tail-call forms.
    pub call: u32,
    /// Calling a host function, on top of `call`.
    pub host_call: u32,
    /// `memory.grow`, per 64 KiB page requested (a memory of 1-byte pages pays per 64 KiB
    /// started).
    pub memory_grow_per_page: u32,
    /// `table.grow`, per element requested.
    pub table_grow_per_element: u32,
    /// `memory.fill`, `memory.copy`, `memory.init`: per 64 bytes (rounded up).
    pub bulk_memory_per_64_bytes: u32,
    /// `table.fill`, `table.copy`, `table.init`: per element.
    pub bulk_table_per_element: u32,
    /// Free: `nop`, `drop`, `block`, `loop`, `end`, `else`, reinterpretations.
    pub free: u32,
    /// SIMD and relaxed-SIMD instructions on `v128` (lane-wise arithmetic, comparisons,
    /// shuffles, splats, lane extraction and replacement, conversions, tests), which do the
    /// work of up to 16 scalar instructions. Their loads and stores pay `memory_access`,
    /// `v128.const` pays `base`.
    pub simd: u32,
}

impl Default for GasCosts {
    fn default() -> GasCosts {
        GasCosts {
            base: 1,
            memory_access: 2,
            division: 4,
            call: 5,
            host_call: 20,
            memory_grow_per_page: 1000,
            table_grow_per_element: 10,
            bulk_memory_per_64_bytes: 1,
            bulk_table_per_element: 1,
            free: 0,
            simd: 2,
        }
    }
}

impl GasCosts {
    /// The static cost of one Wasm operator.
    pub(crate) fn operator(&self, op: &Operator<'_>) -> u64 {
        use Operator as O;
        let cost = match op {
            O::Nop
            | O::Drop
            | O::Block { .. }
            | O::Loop { .. }
            | O::End
            | O::Else
            | O::I32ReinterpretF32
            | O::F32ReinterpretI32
            | O::I64ReinterpretF64
            | O::F64ReinterpretI64 => self.free,
            O::Call { .. }
            | O::CallIndirect { .. }
            | O::ReturnCall { .. }
            | O::ReturnCallIndirect { .. } => self.call,
            // Typed function references: a call through a reference is priced as
            // `call_indirect`; `ref.as_non_null`, `br_on_null` and `br_on_non_null` are plain
            // instructions (the base price).
            O::CallRef { .. } | O::ReturnCallRef { .. } => self.call,
            O::I32DivS
            | O::I32DivU
            | O::I32RemS
            | O::I32RemU
            | O::I64DivS
            | O::I64DivU
            | O::I64RemS
            | O::I64RemU => self.division,
            // Wide arithmetic: one instruction each, priced as plain arithmetic.
            O::I64Add128 | O::I64Sub128 | O::I64MulWideS | O::I64MulWideU => self.base,
            O::I32Load { .. }
            | O::I64Load { .. }
            | O::F32Load { .. }
            | O::F64Load { .. }
            | O::I32Load8S { .. }
            | O::I32Load8U { .. }
            | O::I32Load16S { .. }
            | O::I32Load16U { .. }
            | O::I64Load8S { .. }
            | O::I64Load8U { .. }
            | O::I64Load16S { .. }
            | O::I64Load16U { .. }
            | O::I64Load32S { .. }
            | O::I64Load32U { .. }
            | O::I32Store { .. }
            | O::I64Store { .. }
            | O::F32Store { .. }
            | O::F64Store { .. }
            | O::I32Store8 { .. }
            | O::I32Store16 { .. }
            | O::I64Store8 { .. }
            | O::I64Store16 { .. }
            | O::I64Store32 { .. } => self.memory_access,
            op => match crate::engine::translator::simd_kind(op) {
                Some(SimdKind::Memory) => self.memory_access,
                Some(SimdKind::Compute) => self.simd,
                None => self.base,
            },
        };
        u64::from(cost)
    }

    /// The dynamic cost of a `memory.grow` by `pages` pages of `2^page_size_log2` bytes, on
    /// top of its base price: per 64 KiB requested, rounded up (a memory of 1-byte pages pays
    /// for each 64 KiB it starts).
    pub(crate) fn memory_grow(&self, pages: u64, page_size_log2: u8) -> u64 {
        let bytes = u128::from(pages) << page_size_log2;
        let units = u64::try_from(bytes.div_ceil(65536)).unwrap_or(u64::MAX);
        units.saturating_mul(u64::from(self.memory_grow_per_page))
    }

    /// The dynamic cost of a `table.grow` by `elements` elements, on top of its base price.
    pub(crate) fn table_grow(&self, elements: u64) -> u64 {
        elements.saturating_mul(u64::from(self.table_grow_per_element))
    }

    /// The dynamic cost of a bulk memory instruction over `len` bytes.
    pub(crate) fn bulk_memory(&self, len: u64) -> u64 {
        len.div_ceil(64)
            .saturating_mul(u64::from(self.bulk_memory_per_64_bytes))
    }

    /// The dynamic cost of a bulk table instruction over `len` elements.
    pub(crate) fn bulk_table(&self, len: u64) -> u64 {
        len.saturating_mul(u64::from(self.bulk_table_per_element))
    }
}
