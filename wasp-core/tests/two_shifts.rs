//! Two shifts or rotations of one value by constants, combined by `add`, `xor` or `or`, run as
//! one instruction (`translator/two_shifts.rs`): every pair of left shifts, unsigned right
//! shifts and rotations (and a signed right shift, which stays apart), both widths, counts at
//! and past the width, the value read from its slot or handed on by the instruction before.
//! Against Rust, metered or not, traced or not; a hashing loop paused at every budget,
//! directly and through snapshots.

mod common;

use common::try_call;
use wasp_core::Val;

const KINDS: [&str; 5] = ["shl", "shr_u", "rotl", "rotr", "shr_s"];
const OPS: [&str; 3] = ["add", "xor", "or"];
/// Counts, some at or past the width (Wasm takes them modulo the width).
const COUNTS: [i64; 5] = [0, 1, 7, 31, 69];

/// What `kind` by `k` does to `x` on `bits` bits (`x` zero-extended to 64 bits).
fn shifted(kind: &str, bits: u32, x: u64, k: i64) -> u64 {
    let k = (k as u32) % bits;
    if bits == 32 {
        let x = x as u32;
        u64::from(match kind {
            "shl" => x << k,
            "shr_u" => x >> k,
            "shr_s" => ((x as i32) >> k) as u32,
            "rotl" => x.rotate_left(k),
            _ => x.rotate_right(k),
        })
    } else {
        match kind {
            "shl" => x << k,
            "shr_u" => x >> k,
            "shr_s" => ((x as i64) >> k) as u64,
            "rotl" => x.rotate_left(k),
            _ => x.rotate_right(k),
        }
    }
}

fn combined(op: &str, bits: u32, a: u64, b: u64) -> u64 {
    let v = match op {
        "add" => a.wrapping_add(b),
        "xor" => a ^ b,
        _ => a | b,
    };
    if bits == 32 {
        v & 0xffff_ffff
    } else {
        v
    }
}

/// One case: width, operator, the two sides, and whether the value comes from the
/// instruction just before (`xor` with a constant) or straight from the parameter.
#[derive(Debug, Clone, Copy)]
struct Case {
    bits: u32,
    op: &'static str,
    sides: [(&'static str, i64); 2],
    handed_on: bool,
}

impl Case {
    const MIX: i64 = 0x5a5a_1234_0f0f_7e7e;

    fn wat(&self, name: &str) -> String {
        let t = format!("i{}", self.bits);
        // Handed on: `$y` is the `xor` just computed; else the shifts read the parameter.
        let (set, v) = if self.handed_on {
            (
                format!(
                    "(local.set $y ({t}.xor (local.get $x) ({t}.const {})))",
                    self.mix()
                ),
                "$y",
            )
        } else {
            (String::new(), "$x")
        };
        let side = |(kind, k): (&str, i64)| format!("({t}.{kind} (local.get {v}) ({t}.const {k}))");
        format!(
            "(func (export \"{name}\") (param $x {t}) (result {t}) (local $y {t})
               {set}
               ({t}.{} {} {}))\n",
            self.op,
            side(self.sides[0]),
            side(self.sides[1])
        )
    }

    fn mix(&self) -> i64 {
        if self.bits == 32 {
            i64::from(Self::MIX as i32)
        } else {
            Self::MIX
        }
    }

    fn want(&self, x: u64) -> u64 {
        let mask = if self.bits == 32 {
            0xffff_ffff
        } else {
            u64::MAX
        };
        let y = if self.handed_on {
            (x ^ self.mix() as u64) & mask
        } else {
            x & mask
        };
        let [(k1, c1), (k2, c2)] = self.sides;
        combined(
            self.op,
            self.bits,
            shifted(k1, self.bits, y, c1),
            shifted(k2, self.bits, y, c2),
        )
    }
}

fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let mut i = 0usize;
    for bits in [32, 64] {
        for op in OPS {
            for k1 in KINDS {
                for k2 in KINDS {
                    let (c1, c2) = (COUNTS[i % COUNTS.len()], COUNTS[(i / 3 + 2) % COUNTS.len()]);
                    for handed_on in [false, true] {
                        cases.push(Case {
                            bits,
                            op,
                            sides: [(k1, c1), (k2, c2)],
                            handed_on,
                        });
                    }
                    i += 1;
                }
            }
        }
    }
    cases
}

#[test]
fn every_pair_of_shifts_combines_as_the_three_operators_do() {
    let cases = cases();
    let module: String = cases
        .iter()
        .enumerate()
        .map(|(i, c)| c.wat(&format!("f{i}")))
        .collect();
    let wat = format!("(module {module})");
    let inputs = [0u64, 1, 0x8000_0001, 0xdead_beef_0123_4567, u64::MAX];
    common::each_mode(&wat, |store, instance, mode| {
        for (i, case) in cases.iter().enumerate() {
            for x in inputs {
                let arg = if case.bits == 32 {
                    Val::I32(x as i32)
                } else {
                    Val::I64(x as i64)
                };
                let got = try_call(store, instance, &format!("f{i}"), &[arg]).expect("call");
                let want = case.want(x);
                let want = if case.bits == 32 {
                    Val::I32(want as i32)
                } else {
                    Val::I64(want as i64)
                };
                assert_eq!(got, [want], "{case:?} x = {x:#x} {mode:?}");
            }
        }
    });
}

/// `run`: 60 rounds of a mix of a 64-bit accumulator with shifted copies of itself, and of a
/// 32-bit one rotated by hand; [`reference`] is the same in Rust.
const MIXING: &str = r#"(module
  (func (export "run") (result i64) (local $i i32) (local $acc i64) (local $h i32)
    (local.set $acc (i64.const 0x243f6a8885a308d3))
    (local.set $h (i32.const 0x13198a2e))
    (loop $l
      (local.set $acc (i64.xor (local.get $acc) (i64.extend_i32_u (local.get $i))))
      (local.set $acc (i64.add (i64.rotl (local.get $acc) (i64.const 7))
                               (i64.shl (local.get $acc) (i64.const 3))))
      (local.set $h (i32.add (local.get $h) (i32.wrap_i64 (local.get $acc))))
      (local.set $h (i32.or (i32.shl (local.get $h) (i32.const 5))
                            (i32.shr_u (local.get $h) (i32.const 27))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 60))))
    (i64.xor (local.get $acc) (i64.extend_i32_u (local.get $h)))))"#;

fn reference() -> i64 {
    let (mut acc, mut h) = (0x243f_6a88_85a3_08d3u64, 0x1319_8a2eu32);
    for i in 0..60u32 {
        acc ^= u64::from(i);
        acc = acc.rotate_left(7).wrapping_add(acc << 3);
        h = h.wrapping_add(acc as u32);
        h = h.rotate_left(5);
    }
    (acc ^ u64::from(h)) as i64
}

#[test]
fn a_mixing_loop_computes_what_rust_does_and_resumes_from_every_budget() {
    let want = [Val::I64(reference())];
    common::each_mode(MIXING, |store, instance, mode| {
        assert_eq!(
            try_call(store, instance, "run", &[]).expect("run"),
            want,
            "{mode:?}"
        );
    });
    common::assert_resumes_from_every_budget(MIXING, &want, 13);
}
