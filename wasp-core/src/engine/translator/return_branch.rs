//! A `br` straight to a return returns.
//!
//! An `if` arm or a block that ends a function branches to the function's end, where a
//! `Return1` (or `Return0`, `ReturnN`) hands back the result: two dispatches where one does.
//! On the finished code, [`thread_returns`] gives such a `br` the return it lands on, and a
//! `Copy` of the result into the slot a `Return1` right after it returns returns the copied
//! slot itself (naive recursion's base case: `if (n < 2) return n`). Nothing moves: a branch
//! that still lands on the old return finds it.
//!
//! With gas metering on, a block that pays starts with its `ConsumeGas`, and a `br` to it is
//! a `BrPay` landing after it (`pay.rs`). When the block is only that return, the `BrPay`
//! takes the return's paying form ([`paying_return`]: `Return0Pay`, `Return1Pay`,
//! `GlobalSetAddI32Return0Pay`), which pays what the branch paid, or pauses standing at the
//! block's `ConsumeGas` as the branch did, then returns: what a program is charged, and
//! where it pauses, do not change. A copy right before it stays: a call paused there resumes
//! at the block's `ConsumeGas`, whose return reads the copy.

use crate::engine::ir::Instr;

/// Whether `instr` ends the call, handing back what it names.
fn is_return(instr: &Instr) -> bool {
    matches!(
        instr,
        Instr::Return0
            | Instr::Return1 { .. }
            | Instr::ReturnN { .. }
            | Instr::GlobalSetAddI32Return0 { .. }
            | Instr::GlobalSetAddI32Return1 { .. }
    )
}

/// Whether `instr` is a return paying first for the block a `BrPay` named
/// ([`paying_return`]): it must come right after that block's `ConsumeGas`, as the branch's.
pub(super) fn is_paying_return(instr: &Instr) -> bool {
    matches!(
        instr,
        Instr::Return0Pay { .. }
            | Instr::Return1Pay { .. }
            | Instr::Return1PayAcc { .. }
            | Instr::GlobalSetAddI32Return0Pay { .. }
    )
}

/// Gives every `br` landing on a return that return (a `BrPay` landing on one, its paying
/// form), turns a `Copy` followed by a `Return1`
/// of its destination into a `Return1` of its source, and a `GlobalSetAddI32` (the stack
/// pointer set back) followed by a `Return0` or `Return1` into the two in one.
pub(super) fn thread_returns(code: &mut [Instr]) {
    join_epilogues(code);
    let mut pc = 0;
    while pc < code.len() {
        let step = instruction_len(&code[pc]);
        match code[pc] {
            Instr::Br { .. } | Instr::BrPay { .. } => thread(code, pc),
            Instr::Copy { dst, src } => {
                // The next instruction is threaded first when it is a `br` to a return.
                thread(code, pc + 1);
                // Not a paying return: when it pauses, the block's return reads the copy.
                if code.get(pc + 1) == Some(&Instr::Return1 { src: dst }) {
                    code[pc] = Instr::Return1 { src };
                }
            }
            _ => {}
        }
        pc += step;
    }
}

/// Turns every `GlobalSetAddI32` followed by a `Return0` or a `Return1` into one instruction
/// doing both: the epilogue of a function compiled with a stack frame in linear memory (the
/// stack pointer is a global). The return stays where it was for the branches that land on
/// it, and a `br` to the epilogue then takes the joined instruction.
fn join_epilogues(code: &mut [Instr]) {
    let mut pc = 0;
    while pc + 1 < code.len() {
        if let Instr::GlobalSetAddI32 { src, global, imm } = code[pc] {
            match code[pc + 1] {
                Instr::Return0 => code[pc] = Instr::GlobalSetAddI32Return0 { src, global, imm },
                Instr::Return1 { src: ret } => {
                    if let Ok(global) = u16::try_from(global) {
                        code[pc] = Instr::GlobalSetAddI32Return1 {
                            src,
                            global,
                            imm,
                            ret,
                        };
                    }
                }
                _ => {}
            }
        }
        pc += instruction_len(&code[pc]);
    }
}

/// Gives the instruction at `pc`, if it is a `br` landing on a return, that return; if it is
/// a `BrPay` landing on one, after the `ConsumeGas` of a block that does nothing else, that
/// return's paying form where it has one.
fn thread(code: &mut [Instr], pc: usize) {
    let (offset, cost) = match code.get(pc) {
        Some(&Instr::Br { offset }) => (offset, None),
        Some(&Instr::BrPay { offset, cost }) => (offset, Some(cost)),
        _ => return,
    };
    let target = usize::try_from(pc as i64 + i64::from(offset)).ok();
    let Some(&ret) = target.and_then(|t| code.get(t)).filter(|i| is_return(i)) else {
        return;
    };
    match cost {
        None => code[pc] = ret,
        Some(cost) => {
            if let Some(paying) = paying_return(ret, offset, cost) {
                code[pc] = paying;
            }
        }
    }
}

/// The return `ret` paying first as the `BrPay` by `offset` carrying `cost` that lands on it
/// (the block's `ConsumeGas` is right before `ret`): `None` where it has no paying form, or its
/// operands do not fit one.
fn paying_return(ret: Instr, offset: i32, cost: u16) -> Option<Instr> {
    Some(match ret {
        Instr::Return0 => Instr::Return0Pay { offset, cost },
        Instr::Return1 { src } => Instr::Return1Pay { src, offset, cost },
        Instr::GlobalSetAddI32Return0 { src, global, imm } => Instr::GlobalSetAddI32Return0Pay {
            src,
            global: u8::try_from(global).ok()?,
            imm,
            offset,
            cost: u8::try_from(cost).ok()?,
        },
        _ => return None,
    })
}

/// How many places the instruction `instr` takes, with its data word or its branch table's
/// entries (which must stay branches, and are stepped over).
fn instruction_len(instr: &Instr) -> usize {
    if instr.has_data_word() {
        2
    } else {
        super::branch_table(instr).map_or(1, |(len, _)| len as usize + 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(wat: &str, gas: bool) -> Vec<Instr> {
        crate::engine::translator::test_code(wat, gas)
    }

    const FIB: &str = r#"(module (func $fib (param $n i32) (result i32)
        (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
          (then (local.get $n))
          (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                         (call $fib (i32.sub (local.get $n) (i32.const 2))))))))"#;

    #[test]
    fn an_arm_returning_a_copied_parameter_returns_the_parameter() {
        let code = code(FIB, false);
        assert!(
            matches!(
                code[..2],
                [Instr::BrI32GeUImm { lhs: 0, .. }, Instr::Return1 { src: 0 }]
            ),
            "{code:?}"
        );
        assert!(
            !code.iter().any(|i| matches!(i, Instr::Br { .. })),
            "{code:?}"
        );
    }

    #[test]
    fn a_branch_to_a_block_that_pays_keeps_its_place() {
        let code = code(
            r#"(module (func (param $n i32) (result i32)
                (block $b (br_if $b (local.get $n)) (local.set $n (i32.const 5)))
                (i32.mul (local.get $n) (i32.const 3))))"#,
            true,
        );
        // The return reads the product from the result register.
        let returns = code.iter().filter(|i| {
            is_return(i) || matches!(i, Instr::Return1Acc { .. } | Instr::Return1FAcc { .. })
        });
        assert!(returns.count() == 1, "{code:?}");
    }

    #[test]
    fn an_epilogue_joins_its_return_and_a_branch_to_it_takes_the_joined_one() {
        let frame = |result: &str, ret: &str| {
            format!(
                r#"(module (global $sp (mut i32) (i32.const 64))
                (func (param $n i32) {result} (local $fp i32)
                  (local.set $fp (i32.sub (global.get $sp) (i32.const 16)))
                  (global.set $sp (local.get $fp))
                  (if (local.get $n)
                    (then (local.set $n (i32.const 3)))
                    (else (local.set $n (i32.const 4))))
                  (global.set $sp (i32.add (local.get $fp) (i32.const 16)))
                  {ret}))"#
            )
        };
        for gas in [false, true] {
            let none = code(&frame("", ""), gas);
            let joined = |i: &&Instr| matches!(i, Instr::GlobalSetAddI32Return0 { imm: 16, .. });
            // Unmetered, the `then` arm's `br` over the `else` arm lands on the epilogue and
            // takes it too; metered, it takes its paying form, paying for the join.
            let want = if gas { 1 } else { 2 };
            assert_eq!(none.iter().filter(joined).count(), want, "{none:?}");
            let paying = |i: &&Instr| {
                matches!(
                    i,
                    Instr::GlobalSetAddI32Return0Pay {
                        imm: 16,
                        global: 0,
                        ..
                    }
                )
            };
            assert_eq!(
                none.iter().filter(paying).count(),
                usize::from(gas),
                "{none:?}"
            );
            let code = code(&frame("(result i32)", "(local.get $n)"), gas);
            let at = code
                .iter()
                .rposition(|i| matches!(i, Instr::GlobalSetAddI32Return1 { ret: 0, .. }));
            let at = at.unwrap_or_else(|| panic!("gas {gas}: {code:?}"));
            // The return stays for what lands on it.
            assert_eq!(code[at + 1], Instr::Return1 { src: 0 });
        }
    }

    #[test]
    fn branch_table_entries_stay_branches() {
        for gas in [false, true] {
            let code = code(
                r#"(module (func (param $n i32) (result i32)
                    (block $a (block $b (br_table $a $b $a (local.get $n)))
                      (return (i32.const 7)))
                    (local.get $n)))"#,
                gas,
            );
            let table = code
                .iter()
                .position(|i| matches!(i, Instr::BrTable { .. } | Instr::BrTablePay { .. }))
                .unwrap_or_else(|| panic!("a branch table: {code:?}"));
            assert!(
                code[table + 1..=table + 3]
                    .iter()
                    .all(|e| matches!(e, Instr::Br { .. } | Instr::BrPay { .. })),
                "{code:?}"
            );
            crate::engine::translator::verify::verify(&code, 4).expect("verified");
        }
    }

    /// Where the paying return at `at` lands (the return of the block it pays for), checking
    /// that it comes right after that block's `ConsumeGas`, whose cost it carries.
    fn assert_pays_for_its_block(code: &[Instr], at: usize) -> Instr {
        let offset = code[at].branch_offset().expect("an offset");
        let cost = code[at].cost().expect("a cost");
        let target = (at as i64 + i64::from(offset)) as usize;
        assert!(
            matches!(code[target - 1], Instr::ConsumeGas { lo, hi: 0 } if u64::from(lo) == cost),
            "{code:?}"
        );
        crate::engine::translator::verify::verify(code, 8).expect("verified");
        code[target]
    }

    /// A function whose `if` arms join before `ret`, the `then` arm branching over the
    /// `else` arm to the join.
    fn arms_then(params: &str, ret: &str) -> String {
        format!(
            r#"(module (global $sp (mut i32) (i32.const 64))
              (func {params} (local $fp i32)
                (local.set $fp (i32.sub (global.get $sp) (i32.const 16)))
                (global.set $sp (local.get $fp))
                (if (local.get 0)
                  (then (local.set 0 (i32.const 3)))
                  (else (local.set 0 (i32.const 4))))
                {ret}))"#
        )
    }

    #[test]
    fn a_paying_br_to_a_block_that_only_returns_pays_and_returns_in_one() {
        let returns = [
            ("(param i32) (result i32)", "(local.get 0)"),
            ("(param i32)", "(return)"),
            (
                "(param i32)",
                "(global.set $sp (i32.add (local.get $fp) (i32.const 16)))",
            ),
        ];
        for (params, ret) in returns {
            let code = code(&arms_then(params, ret), true);
            let at = code
                .iter()
                .position(is_paying_return)
                .unwrap_or_else(|| panic!("{ret}: {code:?}"));
            let landing = assert_pays_for_its_block(&code, at);
            let pair = (code[at], landing);
            assert!(
                matches!(
                    pair,
                    (
                        Instr::Return1Pay { src: 0, .. } | Instr::Return1PayAcc { src: 0, .. },
                        Instr::Return1 { src: 0 }
                    ) | (Instr::Return0Pay { .. }, Instr::Return0)
                        | (
                            Instr::GlobalSetAddI32Return0Pay {
                                global: 0,
                                imm: 16,
                                ..
                            },
                            Instr::GlobalSetAddI32Return0 {
                                global: 0,
                                imm: 16,
                                ..
                            }
                        )
                ),
                "{ret}: {code:?}"
            );
            assert!(
                !code.iter().any(|i| matches!(i, Instr::BrPay { .. })),
                "{ret}: {code:?}"
            );
        }
    }

    #[test]
    fn a_copy_before_a_paying_return_stays_for_the_block_it_pays_for() {
        // The `then` arm copies `$n` into the `if`'s result and branches to the join, which
        // pays for the `return`: out of gas, the call pauses standing at the join's
        // `ConsumeGas`, and resumes with the join's return of the copy.
        let code = code(
            r#"(module (func (param $n i32) (result i32)
                (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
                  (then (local.get $n))
                  (else (i32.add (local.get $n) (i32.const 5))))
                (return)))"#,
            true,
        );
        let at = code
            .iter()
            .position(is_paying_return)
            .unwrap_or_else(|| panic!("{code:?}"));
        let (Instr::Return1PayAcc { src, .. } | Instr::Return1Pay { src, .. }) = code[at] else {
            panic!("{code:?}")
        };
        assert!(
            matches!(code[at - 1], Instr::Copy { dst, src: 0 } if dst == src),
            "{code:?}"
        );
        assert_eq!(
            assert_pays_for_its_block(&code, at),
            Instr::Return1 { src },
            "{code:?}"
        );
    }

    #[test]
    fn an_epilogue_too_dear_or_of_a_high_global_for_its_paying_form_keeps_the_branch() {
        // Blocks of 260 units: no room in the 8 bits the paying epilogue has for its cost.
        let dear = crate::engine::translator::test_code_priced(
            &arms_then(
                "(param i32)",
                "(global.set $sp (i32.add (local.get $fp) (i32.const 16)))",
            ),
            65,
        );
        assert!(!dear.iter().any(is_paying_return), "{dear:?}");
        assert!(
            dear.iter().any(|i| matches!(i, Instr::BrPay { .. })),
            "{dear:?}"
        );
        // The same price lets a plain return pay (16 bits).
        let plain = crate::engine::translator::test_code_priced(
            &arms_then("(param i32) (result i32)", "(local.get 0)"),
            65,
        );
        assert!(plain.iter().any(is_paying_return), "{plain:?}");
        // The stack pointer as global 256.
        let globals = "(global i32 (i32.const 0))".repeat(256);
        let high = arms_then(
            "(param i32)",
            "(global.set $sp (i32.add (local.get $fp) (i32.const 16)))",
        )
        .replace(
            "(module (global $sp",
            &format!("(module {globals} (global $sp"),
        );
        let high = code(&high, true);
        assert!(!high.iter().any(is_paying_return), "{high:?}");
        assert!(
            high.iter().any(|i| matches!(i, Instr::BrPay { .. })),
            "{high:?}"
        );
    }

    #[test]
    fn a_br_to_a_return_in_metered_code_returns_there() {
        let code = code(FIB, true);
        let returns = code.iter().filter(|i| is_return(i)).count();
        assert!(returns >= 2, "{code:?}");
        assert!(
            !code.iter().any(|i| matches!(i, Instr::Br { .. })),
            "{code:?}"
        );
    }
}
