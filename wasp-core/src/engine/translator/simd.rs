//! Translation of the SIMD and relaxed-SIMD operators: each becomes the IR instruction of
//! the same name (loads and stores of memories other than memory 0 their `..MemN` twin), its
//! `v128` operands and results as slot pairs (`translator/v128.rs`).
//!
//! `v128.const` becomes two 64-bit constants, one per half, which move and materialise like
//! any other constant; `i8x16.shuffle` names a slot pair holding its 16 lane indices in its data word: a pair
//! of hoisted constants inside loops, otherwise a temporary pair above its operands.

use wasmparser::{MemArg, Operator};

use super::{const_instr, Operand, Translator};
use crate::engine::ir::{Instr, Reg, SIMD_LANE_SHIFT, SIMD_MEM64};
use crate::error::Error;

/// The kinds of SIMD operators the price list tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SimdKind {
    /// Loads and stores of vectors or lanes.
    Memory,
    /// Everything else on `v128`: lane-wise arithmetic, shuffles, conversions, tests.
    Compute,
}

/// A `v128` load (`dst, ptr, offset`) or store (`ptr, val, offset`).
type MemOp = fn(Reg, Reg, u32) -> Instr;

impl Translator<'_> {
    /// Translates a SIMD operator; false for other operators.
    pub(super) fn simd_op(&mut self, op: &Operator<'_>) -> Result<bool, Error> {
        let translated = match op {
            Operator::V128Const { value } => {
                let bits = value.i128() as u128;
                self.push(Operand::Const(bits as u64));
                self.push(Operand::Const((bits >> 64) as u64));
                true
            }
            Operator::I8x16Shuffle { lanes } => {
                self.shuffle(u128::from_le_bytes(*lanes));
                true
            }
            op => simd_table(self, op)?,
        };
        if translated {
            self.saw_v128();
        }
        Ok(translated)
    }

    /// `v128 -> v128`, `scalar -> v128` (splats) and `v128 -> scalar` (tests, extractions).
    fn simd_unary(&mut self, make: impl FnOnce(Reg, Reg) -> Instr, from_v128: bool, to_v128: bool) {
        let src = if from_v128 {
            self.pop_v128()
        } else {
            self.pop_reg()
        };
        let dst = if to_v128 {
            self.push_v128_temp()
        } else {
            self.push_temp()
        };
        self.emit_result(make(dst, src));
    }

    /// `(v128, v128 or scalar) -> v128`.
    fn simd_binary(&mut self, make: impl FnOnce(Reg, Reg, Reg) -> Instr, rhs_v128: bool) {
        let rhs = if rhs_v128 {
            self.pop_v128()
        } else {
            self.pop_reg()
        };
        let lhs = self.pop_v128();
        let dst = self.push_v128_temp();
        self.emit_result(make(dst, lhs, rhs));
    }

    /// `(v128, v128, v128) -> v128`, the third operand in the data word.
    fn simd_ternary(&mut self, make: impl FnOnce(Reg, Reg, Reg) -> Instr) {
        let c = self.pop_v128();
        let b = self.pop_v128();
        let a = self.pop_v128();
        let dst = self.push_v128_temp();
        self.emit(make(dst, a, b));
        self.emit(Instr::Data { a: c, b: 0, c: 0 });
    }

    /// `replace_lane`: `(v128, scalar) -> v128`, the lane in the data word.
    fn simd_replace(&mut self, make: impl FnOnce(Reg, Reg, Reg) -> Instr, lane: u8) {
        let rhs = self.pop_reg();
        let lhs = self.pop_v128();
        let dst = self.push_v128_temp();
        self.emit(make(dst, lhs, rhs));
        self.emit(Instr::Data {
            a: u32::from(lane),
            b: 0,
            c: 0,
        });
    }

    /// `i8x16.shuffle` with the lane indices `lanes` (byte `i` selects result lane `i`).
    fn shuffle(&mut self, lanes: u128) {
        let (lo, hi) = (lanes as u64, (lanes >> 64) as u64);
        let hoisted = self.hoist_pair(lo, hi);
        let mask = self.push_v128_temp();
        self.pop();
        self.pop();
        let mask = hoisted.unwrap_or_else(|| {
            self.emit(const_instr(mask, lo));
            self.emit(const_instr(mask + 1, hi));
            mask
        });
        let rhs = self.pop_v128();
        let lhs = self.pop_v128();
        let dst = self.push_v128_temp();
        self.emit(Instr::I8x16Shuffle { dst, lhs, rhs });
        self.emit(Instr::Data {
            a: mask,
            b: 0,
            c: 0,
        });
    }

    /// A `v128` load: `make.0` for memory 0 of 32 bits, `make.1` (memory word and the
    /// offset's high half in a data word) for any other.
    fn simd_load(&mut self, memarg: &MemArg, make: (MemOp, MemOp)) -> Result<(), Error> {
        let at = self.simd_address(memarg)?;
        let (ptr, pos) = self.pop();
        if (at.word, at.offset) == (0, 0) {
            if let Some(fused) = self.fuse_address(ptr, pos, make.0(self.temp(pos), 0, 0)) {
                self.push_v128_temp();
                self.emit_result(fused);
                return Ok(());
            }
        }
        let ptr = self.reg_of(ptr, pos);
        let dst = self.push_v128_temp();
        if at.word == 0 {
            self.emit_result(make.0(dst, ptr, at.offset));
        } else {
            self.emit(make.1(dst, ptr, at.offset));
            self.emit(Instr::Data {
                a: at.word,
                b: at.high,
                c: 0,
            });
        }
        Ok(())
    }

    /// A `v128` store, in the two forms of [`Self::simd_load`].
    fn simd_store(&mut self, memarg: &MemArg, make: (MemOp, MemOp)) -> Result<(), Error> {
        let at = self.simd_address(memarg)?;
        let val = self.pop_v128();
        let (ptr, pos) = self.pop();
        if (at.word, at.offset) == (0, 0) {
            if let Some(fused) = self.fuse_address(ptr, pos, make.0(0, val, 0)) {
                self.emit(fused);
                return Ok(());
            }
        }
        let ptr = self.reg_of(ptr, pos);
        if at.word == 0 {
            self.emit(make.0(ptr, val, at.offset));
        } else {
            self.emit(make.1(ptr, val, at.offset));
            self.emit(Instr::Data {
                a: at.word,
                b: at.high,
                c: 0,
            });
        }
        Ok(())
    }

    /// `v128.loadN_lane`: `(ptr, v128) -> v128`; data word: the vector, the offset's high
    /// half, the memory word with the lane.
    fn simd_load_lane(&mut self, memarg: &MemArg, lane: u8, make: MemOp) -> Result<(), Error> {
        let at = self.simd_address(memarg)?;
        let vec = self.pop_v128();
        let ptr = self.pop_reg();
        let dst = self.push_v128_temp();
        self.emit(make(dst, ptr, at.offset));
        self.emit(Instr::Data {
            a: vec,
            b: at.high,
            c: at.word | u32::from(lane) << SIMD_LANE_SHIFT,
        });
        Ok(())
    }

    /// `v128.storeN_lane`: `(ptr, v128)`; data word: the lane, the memory word, the offset's
    /// high half.
    fn simd_store_lane(&mut self, memarg: &MemArg, lane: u8, make: MemOp) -> Result<(), Error> {
        let at = self.simd_address(memarg)?;
        let val = self.pop_v128();
        let ptr = self.pop_reg();
        self.emit(make(ptr, val, at.offset));
        self.emit(Instr::Data {
            a: u32::from(lane),
            b: at.word,
            c: at.high,
        });
        Ok(())
    }

    /// Where a SIMD access goes: the memory word (the index, with [`SIMD_MEM64`] for a
    /// 64-bit memory) and the static offset in two halves (the high one only on 64-bit
    /// memories, where offsets reach 2^64 - 1).
    fn simd_address(&self, memarg: &MemArg) -> Result<SimdAddress, Error> {
        if let wasmparser::MemArgTarget::Memory(mem) = memarg.target {
            if self.env.memory64(mem) {
                return Ok(SimdAddress {
                    word: mem | SIMD_MEM64,
                    offset: memarg.offset as u32,
                    high: (memarg.offset >> 32) as u32,
                });
            }
        }
        let (mem, offset) = super::ops::mem_offset(memarg)?;
        Ok(SimdAddress {
            word: mem,
            offset,
            high: 0,
        })
    }
}

/// A SIMD access's memory word and static offset, as [`Translator::simd_address`] makes them.
struct SimdAddress {
    word: u32,
    offset: u32,
    high: u32,
}

/// The SIMD operators by shape, each translated into the IR instruction of the same name.
macro_rules! simd_ops {
    (
        unary { $($u:ident;)* }
        binary { $($b:ident;)* }
        ternary { $($t:ident;)* }
        shift { $($sh:ident;)* }
        splat { $($sp:ident;)* }
        test { $($te:ident;)* }
        extract { $($ex:ident;)* }
        replace { $($re:ident;)* }
        load { $($l:ident / $l_n:ident;)* }
        store { $($s:ident / $s_n:ident;)* }
        load_lane { $($ll:ident;)* }
        store_lane { $($sl:ident;)* }
    ) => {
        /// What a SIMD operator is for gas metering; `None` for other operators and for
        /// `v128.const` (a constant, at the base price).
        pub(crate) fn simd_kind(op: &Operator<'_>) -> Option<SimdKind> {
            use Operator as O;
            Some(match op {
                $(O::$l { .. })|* | $(O::$s { .. })|* => SimdKind::Memory,
                $(O::$ll { .. })|* | $(O::$sl { .. })|* => SimdKind::Memory,
                $(O::$u)|* | $(O::$b)|* | $(O::$t)|* | $(O::$sh)|* => SimdKind::Compute,
                $(O::$sp)|* | $(O::$te)|* => SimdKind::Compute,
                $(O::$ex { .. })|* | $(O::$re { .. })|* => SimdKind::Compute,
                O::I8x16Shuffle { .. } => SimdKind::Compute,
                _ => return None,
            })
        }

        fn simd_table(t: &mut Translator<'_>, op: &Operator<'_>) -> Result<bool, Error> {
            use Operator as O;
            match op {
                $(O::$u => t.simd_unary(|dst, src| Instr::$u { dst, src }, true, true),)*
                $(O::$b => t.simd_binary(|dst, lhs, rhs| Instr::$b { dst, lhs, rhs }, true),)*
                $(O::$t => t.simd_ternary(|dst, a, b| Instr::$t { dst, a, b }),)*
                $(O::$sh => t.simd_binary(|dst, lhs, rhs| Instr::$sh { dst, lhs, rhs }, false),)*
                $(O::$sp => t.simd_unary(|dst, src| Instr::$sp { dst, src }, false, true),)*
                $(O::$te => t.simd_unary(|dst, src| Instr::$te { dst, src }, true, false),)*
                $(O::$ex { lane } => {
                    let lane = u32::from(*lane);
                    t.simd_unary(|dst, src| Instr::$ex { dst, src, lane }, true, false)
                })*
                $(O::$re { lane } => t.simd_replace(|dst, lhs, rhs| Instr::$re { dst, lhs, rhs }, *lane),)*
                $(O::$l { memarg } => t.simd_load(
                    memarg,
                    (
                        |dst, ptr, offset| Instr::$l { dst, ptr, offset },
                        |dst, ptr, offset| Instr::$l_n { dst, ptr, offset },
                    ),
                )?,)*
                $(O::$s { memarg } => t.simd_store(
                    memarg,
                    (
                        |ptr, val, offset| Instr::$s { ptr, val, offset },
                        |ptr, val, offset| Instr::$s_n { ptr, val, offset },
                    ),
                )?,)*
                $(O::$ll { memarg, lane } => t.simd_load_lane(
                    memarg,
                    *lane,
                    |dst, ptr, offset| Instr::$ll { dst, ptr, offset },
                )?,)*
                $(O::$sl { memarg, lane } => t.simd_store_lane(
                    memarg,
                    *lane,
                    |ptr, val, offset| Instr::$sl { ptr, val, offset },
                )?,)*
                _ => return Ok(false),
            }
            Ok(true)
        }
    };
}

simd_ops! {
    unary {
        V128Not;
        I8x16Abs;
        I8x16Neg;
        I8x16Popcnt;
        I16x8ExtAddPairwiseI8x16S;
        I16x8ExtAddPairwiseI8x16U;
        I16x8Abs;
        I16x8Neg;
        I16x8ExtendLowI8x16S;
        I16x8ExtendHighI8x16S;
        I16x8ExtendLowI8x16U;
        I16x8ExtendHighI8x16U;
        I32x4ExtAddPairwiseI16x8S;
        I32x4ExtAddPairwiseI16x8U;
        I32x4Abs;
        I32x4Neg;
        I32x4ExtendLowI16x8S;
        I32x4ExtendHighI16x8S;
        I32x4ExtendLowI16x8U;
        I32x4ExtendHighI16x8U;
        I64x2Abs;
        I64x2Neg;
        I64x2ExtendLowI32x4S;
        I64x2ExtendHighI32x4S;
        I64x2ExtendLowI32x4U;
        I64x2ExtendHighI32x4U;
        F32x4Ceil;
        F32x4Floor;
        F32x4Trunc;
        F32x4Nearest;
        F32x4Abs;
        F32x4Neg;
        F32x4Sqrt;
        F64x2Ceil;
        F64x2Floor;
        F64x2Trunc;
        F64x2Nearest;
        F64x2Abs;
        F64x2Neg;
        F64x2Sqrt;
        I32x4TruncSatF32x4S;
        I32x4TruncSatF32x4U;
        F32x4ConvertI32x4S;
        F32x4ConvertI32x4U;
        I32x4TruncSatF64x2SZero;
        I32x4TruncSatF64x2UZero;
        F64x2ConvertLowI32x4S;
        F64x2ConvertLowI32x4U;
        F32x4DemoteF64x2Zero;
        F64x2PromoteLowF32x4;
        I32x4RelaxedTruncF32x4S;
        I32x4RelaxedTruncF32x4U;
        I32x4RelaxedTruncF64x2SZero;
        I32x4RelaxedTruncF64x2UZero;
    }
    binary {
        I8x16Swizzle;
        I8x16Eq;
        I8x16Ne;
        I8x16LtS;
        I8x16LtU;
        I8x16GtS;
        I8x16GtU;
        I8x16LeS;
        I8x16LeU;
        I8x16GeS;
        I8x16GeU;
        I16x8Eq;
        I16x8Ne;
        I16x8LtS;
        I16x8LtU;
        I16x8GtS;
        I16x8GtU;
        I16x8LeS;
        I16x8LeU;
        I16x8GeS;
        I16x8GeU;
        I32x4Eq;
        I32x4Ne;
        I32x4LtS;
        I32x4LtU;
        I32x4GtS;
        I32x4GtU;
        I32x4LeS;
        I32x4LeU;
        I32x4GeS;
        I32x4GeU;
        I64x2Eq;
        I64x2Ne;
        I64x2LtS;
        I64x2GtS;
        I64x2LeS;
        I64x2GeS;
        F32x4Eq;
        F32x4Ne;
        F32x4Lt;
        F32x4Gt;
        F32x4Le;
        F32x4Ge;
        F64x2Eq;
        F64x2Ne;
        F64x2Lt;
        F64x2Gt;
        F64x2Le;
        F64x2Ge;
        V128And;
        V128AndNot;
        V128Or;
        V128Xor;
        I8x16NarrowI16x8S;
        I8x16NarrowI16x8U;
        I8x16Add;
        I8x16AddSatS;
        I8x16AddSatU;
        I8x16Sub;
        I8x16SubSatS;
        I8x16SubSatU;
        I8x16MinS;
        I8x16MinU;
        I8x16MaxS;
        I8x16MaxU;
        I8x16AvgrU;
        I16x8Q15MulrSatS;
        I16x8NarrowI32x4S;
        I16x8NarrowI32x4U;
        I16x8Add;
        I16x8AddSatS;
        I16x8AddSatU;
        I16x8Sub;
        I16x8SubSatS;
        I16x8SubSatU;
        I16x8Mul;
        I16x8MinS;
        I16x8MinU;
        I16x8MaxS;
        I16x8MaxU;
        I16x8AvgrU;
        I16x8ExtMulLowI8x16S;
        I16x8ExtMulHighI8x16S;
        I16x8ExtMulLowI8x16U;
        I16x8ExtMulHighI8x16U;
        I32x4Add;
        I32x4Sub;
        I32x4Mul;
        I32x4MinS;
        I32x4MinU;
        I32x4MaxS;
        I32x4MaxU;
        I32x4DotI16x8S;
        I32x4ExtMulLowI16x8S;
        I32x4ExtMulHighI16x8S;
        I32x4ExtMulLowI16x8U;
        I32x4ExtMulHighI16x8U;
        I64x2Add;
        I64x2Sub;
        I64x2Mul;
        I64x2ExtMulLowI32x4S;
        I64x2ExtMulHighI32x4S;
        I64x2ExtMulLowI32x4U;
        I64x2ExtMulHighI32x4U;
        F32x4Add;
        F32x4Sub;
        F32x4Mul;
        F32x4Div;
        F32x4Min;
        F32x4Max;
        F32x4PMin;
        F32x4PMax;
        F64x2Add;
        F64x2Sub;
        F64x2Mul;
        F64x2Div;
        F64x2Min;
        F64x2Max;
        F64x2PMin;
        F64x2PMax;
        I8x16RelaxedSwizzle;
        F32x4RelaxedMin;
        F32x4RelaxedMax;
        F64x2RelaxedMin;
        F64x2RelaxedMax;
        I16x8RelaxedQ15mulrS;
        I16x8RelaxedDotI8x16I7x16S;
    }
    ternary {
        V128Bitselect;
        F32x4RelaxedMadd;
        F32x4RelaxedNmadd;
        F64x2RelaxedMadd;
        F64x2RelaxedNmadd;
        I8x16RelaxedLaneselect;
        I16x8RelaxedLaneselect;
        I32x4RelaxedLaneselect;
        I64x2RelaxedLaneselect;
        I32x4RelaxedDotI8x16I7x16AddS;
    }
    shift {
        I8x16Shl;
        I8x16ShrS;
        I8x16ShrU;
        I16x8Shl;
        I16x8ShrS;
        I16x8ShrU;
        I32x4Shl;
        I32x4ShrS;
        I32x4ShrU;
        I64x2Shl;
        I64x2ShrS;
        I64x2ShrU;
    }
    splat {
        I8x16Splat;
        I16x8Splat;
        I32x4Splat;
        I64x2Splat;
        F32x4Splat;
        F64x2Splat;
    }
    test {
        V128AnyTrue;
        I8x16AllTrue;
        I8x16Bitmask;
        I16x8AllTrue;
        I16x8Bitmask;
        I32x4AllTrue;
        I32x4Bitmask;
        I64x2AllTrue;
        I64x2Bitmask;
    }
    extract {
        I8x16ExtractLaneS;
        I8x16ExtractLaneU;
        I16x8ExtractLaneS;
        I16x8ExtractLaneU;
        I32x4ExtractLane;
        I64x2ExtractLane;
        F32x4ExtractLane;
        F64x2ExtractLane;
    }
    replace {
        I8x16ReplaceLane;
        I16x8ReplaceLane;
        I32x4ReplaceLane;
        I64x2ReplaceLane;
        F32x4ReplaceLane;
        F64x2ReplaceLane;
    }
    load {
        V128Load / V128LoadMemN;
        V128Load8x8S / V128Load8x8SMemN;
        V128Load8x8U / V128Load8x8UMemN;
        V128Load16x4S / V128Load16x4SMemN;
        V128Load16x4U / V128Load16x4UMemN;
        V128Load32x2S / V128Load32x2SMemN;
        V128Load32x2U / V128Load32x2UMemN;
        V128Load8Splat / V128Load8SplatMemN;
        V128Load16Splat / V128Load16SplatMemN;
        V128Load32Splat / V128Load32SplatMemN;
        V128Load64Splat / V128Load64SplatMemN;
        V128Load32Zero / V128Load32ZeroMemN;
        V128Load64Zero / V128Load64ZeroMemN;
    }
    store {
        V128Store / V128StoreMemN;
    }
    load_lane {
        V128Load8Lane;
        V128Load16Lane;
        V128Load32Lane;
        V128Load64Lane;
    }
    store_lane {
        V128Store8Lane;
        V128Store16Lane;
        V128Store32Lane;
        V128Store64Lane;
    }
}
