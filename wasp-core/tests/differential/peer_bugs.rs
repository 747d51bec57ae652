//! Known bugs of the peer (wasmi 2.0.0) that the comparison tolerates, and nothing broader.
//!
//! 1. **`select` fed by a comparison with zero.** wasmi fuses `i32.eqz x` (and `i32.eq x 0`,
//!    `i32.ne x 0`, and `ref.is_null r`, which it translates as `i32.eqz`) into the `select`
//!    that consumes it, and the fused `select` picks the wrong operand:
//!
//!    ```wat
//!    (module (func (export "f") (param i32 i32) (result i32)
//!      (select (local.get 0) (local.get 1) (i32.eqz (local.get 0)))))
//!    ```
//!
//!    The specification says `f(5, 7)` is `7` (the condition `i32.eqz 5` is 0, so `select`
//!    gives its second operand); wasmi returns `5`. `wasm-smith`'s guard against division
//!    by zero (`(select (i32.const 1) d (i32.eqz d))`) is exactly this pattern. The test
//!    `known_peer_bugs_are_right_on_wasp` asserts the specification's answer on Wasp.
//!
//! How it is tolerated: only when the engines disagree on a module in which a `select`
//! directly follows `i32.eqz`, `i32.eq`, `i32.ne` or `ref.is_null`, the module is run again
//! on wasmi after [`defuse`] inserted `i32.const 0` `drop` before each such `select`. The
//! two instructions do nothing by the specification, but they make wasmi emit the
//! comparison on its own instead of fusing it (its `drop` commits the pending instruction).
//! If wasmi then agrees with Wasp on everything, the disagreement is counted as this peer
//! bug; otherwise it stays a disagreement.

//!
//! 2. **An operand left under a block with parameters (not tolerated: not met by the CI's
//!    seeds).** With custom page sizes on and 64-bit memories off, seed 1268 made wasmi
//!    disagree on an exported i64 global by exactly the memory's size; reduced
//!    (`wasm-tools shrink`, then by hand) it is [`BLOCK_PARAMS_CASE`]: an i64 local that is
//!    never written (0) stays on the stack under a `block (param i32 i32)` left by its first
//!    `br_if`, then is XORed into the global. By the specification the global stays 0 (Wasp);
//!    wasmi 2.0.0 XORs in the `memory.grow` result (the memory's old size: 1 page, or
//!    355826 one-byte pages in the seed), and only when the block's body holds the
//!    `if`/`else` and nested blocks that follow, so it is a peer bug in its translation of
//!    that shape. The differential test's configuration (64-bit memories on) does not make it
//!    over the CI's 2,000 seeds, so nothing tolerates it; the test
//!    `block_params_case_is_right_on_wasp` asserts the specification's answer on Wasp.
//!
//! 3. **A `v128` operand left under an `if` with parameters (not tolerated: not met by the
//!    CI's seeds).** Seed 261176 of the default configuration made wasmi disagree on an
//!    exported `v128` global after a call; reduced (the test's `DIFFERENTIAL_FILE` mode, by
//!    deleting lines while the disagreement stayed, then by hand) it is [`IF_PARAMS_CASE`]:
//!    the parameter is pushed, then an `if (param f32 v128)` sets the parameter's local and
//!    leaves by its first `br_if`, and the value pushed before it is stored into the global.
//!    By the specification the global then holds the argument (Wasp); wasmi 2.0.0 stores 0
//!    (in the seed, `0x000000000000010a0000000000000004` for an argument of 0), and only with
//!    the loop of `if`s in the `then` arm after the `br_if`, which never runs: the same class
//!    as bug 2. The test `if_params_case_is_right_on_wasp` asserts the specification's
//!    answer on Wasp.

use std::ops::Range;

/// The reduced case of peer bug 2: calling `"1"` with `(0, 0)` leaves the global `"'"` at 0.
pub const BLOCK_PARAMS_CASE: &str = r#"(module
  (memory 1 2)
  (global $g (export "'") (mut i64) (i64.const 0))
  (func (export "1") (param i32 i32)
    (local funcref externref i64 i32 i64 i32 i64 i32 i64)
    (block $a
      (block $b
        (br_if $b (i32.le_u (memory.size) (i32.add (local.get 7) (i32.const 0))))
        (br_if $b (local.get 7))
        (br $a)))
    ;; Local 8 is never written: its 0 stays under the block's operands.
    (local.get 8)
    (i32.const 0)
    (memory.grow (i32.const 0))
    ;; The first br_if leaves the block (the old size, 1, is not 0), dropping its operands.
    (block (param i32 i32)
      (br_if 0)
      (br_if 1)
      (local.get 3)
      (if (i32.eqz (local.get 1))
        (then)
        (else
          (block $c
            (block $d
              (br_if $d (local.get 9))
              (br_if $d (local.get 9))
              (local.set 10 (i64.const 0))
              (br $c)))))
      (drop))
    (global.set $g (i64.xor (global.get $g)))))"#;

/// The reduced case of peer bug 3: calling `"run"` with a `v128` argument leaves it in the
/// global `"v"`.
pub const IF_PARAMS_CASE: &str = r#"(module
  (table 266 externref)
  (global $sp (mut i32) (i32.const 1000))
  (global $i64 (export "i64") (mut i64) (i64.const 0))
  (global $i32 (export "i32") (mut i32) (i32.const 0))
  (global $v (export "v") (mut v128) (v128.const i64x2 0 0))
  (func $f)
  (elem declare func $f)
  (func (export "run") (param v128) (result v128 i32)
    (local f32 f32 f64)
    block (result v128)
      table.size 0
      table.size 0
      i64.extend_i32_s
      table.size 0
      ;; The argument, left under the `if`: it ends in the global.
      local.get 0
      i32.const 7
      ref.func $f
      f32.const 0
      local.get 0
      i32.const 1
      if (param f32 v128)
        local.set 0
        i32.trunc_sat_f32_u
        i64.extend_i32_s
        table.size 0
        ;; The table has 266 elements: the branch leaves the `if`, dropping its operands.
        br_if 0
        local.get 0
        i32.const 9
        ref.null extern
        loop
          global.get $sp
          if
          end
          local.get 3
          f64.const -0x1.fffffffffffffp+62
          f64.lt
          if
          end
          local.get 3
          f64.const 0x1.fffffffffffffp+62
          f64.gt
          if
            f64.const 0x1.fffffffffffffp+62
            local.set 3
          end
          table.size 0
          if
          end
        end
        drop
        global.set $i32
        global.set $v
        global.set $i64
      else
        global.set $v
        i32.reinterpret_f32
        global.set $i32
      end
      drop
      global.set $i32
      global.set $v
      global.set $i32
      global.set $i64
      drop
      v128.const i64x2 0 0
    end
    i32.const 0))"#;

use wasmparser::{Operator, Parser, Payload};

/// `i32.const 0`, `drop`: a no-op that stops wasmi from fusing a comparison into `select`.
const NO_OP: [u8; 3] = [0x41, 0x00, 0x1a];

/// The id of the code section.
const CODE_SECTION: u8 = 10;

/// Whether `bytes` contain a `select` that directly follows `i32.eqz`, `i32.eq`, `i32.ne` or
/// `ref.is_null`.
pub fn has_fused_select(bytes: &[u8]) -> bool {
    bodies(bytes).is_some_and(|bodies| bodies.iter().any(|b| !b.select_offsets.is_empty()))
}

/// `bytes` with `i32.const 0` `drop` inserted before every `select` that directly follows
/// one of those comparisons; `None` if the module cannot be read.
pub fn defuse(bytes: &[u8]) -> Option<Vec<u8>> {
    let bodies = bodies(bytes)?;
    let section = sections(bytes)?
        .into_iter()
        .find(|s| s.id == CODE_SECTION)?;
    let mut content = Vec::new();
    leb(&mut content, bodies.len() as u64);
    for body in &bodies {
        let code = rewrite_body(bytes, body);
        leb(&mut content, code.len() as u64);
        content.extend(code);
    }
    let mut out = bytes[..section.whole.start].to_vec();
    out.push(CODE_SECTION);
    leb(&mut out, content.len() as u64);
    out.extend(content);
    out.extend(&bytes[section.whole.end..]);
    Some(out)
}

/// A function body: its byte range and where the fused `select`s start.
struct Body {
    range: Range<usize>,
    select_offsets: Vec<usize>,
}

fn bodies(bytes: &[u8]) -> Option<Vec<Body>> {
    let mut out = Vec::new();
    for payload in Parser::new(0).parse_all(bytes) {
        if let Payload::CodeSectionEntry(body) = payload.ok()? {
            let range = body.range();
            let mut reader = body.get_operators_reader().ok()?;
            let mut previous = None;
            let mut select_offsets = Vec::new();
            while !reader.eof() {
                let (op, offset) = reader.read_with_offset().ok()?;
                let is_select = matches!(op, Operator::Select | Operator::TypedSelect { .. });
                let after_cmp = matches!(
                    previous,
                    Some(
                        Operator::I32Eqz | Operator::I32Eq | Operator::I32Ne | Operator::RefIsNull
                    )
                );
                if is_select && after_cmp {
                    select_offsets.push(offset as usize);
                }
                previous = Some(op);
            }
            out.push(Body {
                range: range.start as usize..range.end as usize,
                select_offsets,
            });
        }
    }
    Some(out)
}

fn rewrite_body(bytes: &[u8], body: &Body) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.range.len() + NO_OP.len() * body.select_offsets.len());
    let mut at = body.range.start;
    for &select in &body.select_offsets {
        out.extend(&bytes[at..select]);
        out.extend(NO_OP);
        at = select;
    }
    out.extend(&bytes[at..body.range.end]);
    out
}

/// A section: its id and the range of its header and contents.
struct Section {
    id: u8,
    whole: Range<usize>,
}

/// The sections of a module (after the 8-byte preamble).
fn sections(bytes: &[u8]) -> Option<Vec<Section>> {
    let mut out = Vec::new();
    let mut at = 8;
    while at < bytes.len() {
        let start = at;
        let id = bytes[at];
        let (size, len) = read_leb(bytes.get(at + 1..)?)?;
        at += 1 + len + size as usize;
        out.push(Section {
            id,
            whole: start..at,
        });
    }
    (at == bytes.len()).then_some(out)
}

fn read_leb(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value = 0u64;
    for (i, byte) in bytes.iter().enumerate().take(10) {
        value |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

fn leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}
