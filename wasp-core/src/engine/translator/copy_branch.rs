//! A copy joins the conditional branch right after it in one instruction.
//!
//! The moves a C compiler leaves between locals often end a loop's body or an `if`'s test
//! right before the branch: the locals a loop carries to its next iteration (`prev = node`,
//! then `br_if $loop (node)`), the value a block hands on. A `Copy` followed by a `BrIfEqz` or
//! `BrIfNez` becomes one [`Instr::CopyBrIfEqz`] or [`Instr::CopyBrIfNez`]: the move, then the
//! branch on its condition (read after the move, as the two instructions would), in one
//! dispatch.
//!
//! The fused instruction takes the copy's place and its data word the branch's, so the code
//! keeps its length and every position recorded while translating stays right; the position
//! returned for the branch is the fused instruction's, so patching its target later counts
//! from there. No branch may land between the two: the pair forms only when no label was
//! bound where the branch goes. Neither half traps, pauses or calls, and gas is paid per Wasm
//! operator by the block's `ConsumeGas`, so results and pause points are those of the two
//! instructions. With gas metering the pair stays apart: a branch into a loop or onto a
//! block's `ConsumeGas` takes a paying form (`pay.rs`), which saves more than the fusion.
//!
//! The other way round, a loop that starts with a copy (a bytecode interpreter's `pc = next`
//! at the head of its dispatch loop) has a `br` back to it do the copy itself:
//! [`Instr::BrCopy`] copies and lands after the copy, one dispatch where the branch and the
//! copy were two; with metering, [`Instr::BrCopyPay`] pays for the loop's first block before
//! it copies, as the branch's paying form did. The copy stays at the loop's head for the way
//! in from before the loop. The instruction after the copy may read the copied value from the
//! result register (`result_register.rs`): the branch hands it on there too.
//!
//! A conditional branch back into such a loop does the same when taken: `BrIfEqz`/`BrIfNez`
//! become [`Instr::BrIfEqzCopy`]/[`Instr::BrIfNezCopy`], and a copy joined with its branch
//! [`Instr::CopyBrIfEqzCopy`]/[`Instr::CopyBrIfNezCopy`], which does its own copy, tests, and
//! then does the loop's. A linked list reversed in place (`list = tmp` at the head, `next =
//! list` before the branch on `tmp`) then takes three dispatches per node where it took four.
//! Not with metering, where a loop starts with its `ConsumeGas` and the branch pays instead.

use super::Translator;
use crate::engine::ir::Instr;

impl Translator<'_> {
    /// Makes the `Copy` just emitted and the conditional branch `branch` one instruction, if
    /// the branch has a fused form and no branch lands here; returns the fused instruction's
    /// index, or `None` (nothing emitted).
    pub(super) fn fuse_copy_branch(&mut self, branch: Instr) -> Option<usize> {
        if self.env.costs.is_some() {
            return None;
        }
        let at = self.code.len().checked_sub(1)?;
        if self.label_at > at {
            return None;
        }
        let Instr::Copy { dst, src } = self.code[at] else {
            return None;
        };
        // A branch testing the copy's destination tests the value copied: it names it by its
        // source, which the copy leaves as it was. The joined instruction copies before it
        // tests, but its form reading the condition from the result register reads it
        // first (`result_register.rs`), which would then test the slot's old value.
        let branch = match branch {
            Instr::BrIfEqz { cond, offset } if cond == dst => Instr::BrIfEqz { cond: src, offset },
            Instr::BrIfNez { cond, offset } if cond == dst => Instr::BrIfNez { cond: src, offset },
            other => other,
        };
        self.code[at] = match branch {
            Instr::BrIfEqz { cond, offset } => Instr::CopyBrIfEqz { cond, offset, dst },
            Instr::BrIfNez { cond, offset } => Instr::CopyBrIfNez { cond, offset, dst },
            _ => return None,
        };
        self.code.push(Instr::Data { a: src, b: 0, c: 0 });
        self.last_result = None;
        Some(at)
    }

    /// Makes the `Copy` right before the `br` back to a loop at `at`, the last instruction
    /// emitted, and that `br` one [`Instr::BrCopy`]: the copy, then the jump (the value a
    /// loop carries to its next iteration, a loop parameter). It takes the copy's place and
    /// the `br` goes (a loop's branches are resolved at once; none was recorded to patch).
    /// Only where no branch lands on the `br` itself, and not with metering, where the `br`
    /// has its paying form.
    pub(super) fn fuse_copy_back_edge(&mut self, at: usize) {
        let Some(copy_at) = at.checked_sub(1) else {
            return;
        };
        if self.label_at > copy_at || at + 1 != self.code.len() {
            return;
        }
        if let (Instr::Copy { dst, src }, Instr::Br { offset }) =
            (self.code[copy_at], self.code[at])
        {
            self.code[copy_at] = Instr::BrCopy {
                offset: offset + 1,
                dst,
                src,
            };
            self.code.pop();
        }
    }

    /// Makes the `br` at `at` into the loop starting at `head` do the loop's first
    /// instruction when that is a copy (after the loop's `ConsumeGas`, with metering), and land
    /// after it.
    pub(super) fn thread_copy(&mut self, at: usize, head: usize) {
        let threaded = match (self.code[at], &self.code[head..]) {
            (Instr::Br { .. }, [Instr::Copy { dst, src }, ..]) => Instr::BrCopy {
                offset: head as i32 + 1 - at as i32,
                dst: *dst,
                src: *src,
            },
            (Instr::BrPay { .. }, [Instr::ConsumeGas { .. }, Instr::Copy { dst, src }, ..]) => {
                Instr::BrCopyPay {
                    offset: head as i32 + 2 - at as i32,
                    dst: *dst,
                    src: *src,
                    cost: 0,
                }
            }
            _ => return,
        };
        self.code[at] = threaded;
    }

    /// Makes the conditional branch at `at`, just linked back to the loop starting at
    /// `head`, do the loop's first instruction when that is a copy, and land after it: a
    /// `BrIfEqz`/`BrIfNez` becomes [`Instr::BrIfEqzCopy`]/[`Instr::BrIfNezCopy`] (with a
    /// data word, when it is the last instruction), a `CopyBrIfEqz`/`CopyBrIfNez`
    /// [`Instr::CopyBrIfEqzCopy`]/[`Instr::CopyBrIfNezCopy`] (the loop's copy in its data
    /// word). Never with metering, where a loop starts with its `ConsumeGas`.
    pub(super) fn thread_copy_if(&mut self, at: usize, head: usize) {
        if self.env.costs.is_some() {
            return;
        }
        let Some(&Instr::Copy {
            dst: head_dst,
            src: head_src,
        }) = self.code.get(head)
        else {
            return;
        };
        if head >= at {
            return;
        }
        let offset = head as i32 + 1 - at as i32;
        match self.code[at..] {
            [Instr::BrIfEqz { cond, .. } | Instr::BrIfNez { cond, .. }] => {
                self.code[at] = if matches!(self.code[at], Instr::BrIfEqz { .. }) {
                    Instr::BrIfEqzCopy {
                        cond,
                        offset,
                        dst: head_dst,
                    }
                } else {
                    Instr::BrIfNezCopy {
                        cond,
                        offset,
                        dst: head_dst,
                    }
                };
                self.code.push(Instr::Data {
                    a: head_src,
                    b: 0,
                    c: 0,
                });
                self.last_result = None;
            }
            [Instr::CopyBrIfEqz { cond, dst, .. } | Instr::CopyBrIfNez { cond, dst, .. }, Instr::Data { a, .. }] =>
            {
                self.code[at] = if matches!(self.code[at], Instr::CopyBrIfEqz { .. }) {
                    Instr::CopyBrIfEqzCopy { cond, offset, dst }
                } else {
                    Instr::CopyBrIfNezCopy { cond, offset, dst }
                };
                self.code[at + 1] = Instr::Data {
                    a,
                    b: head_dst,
                    c: head_src,
                };
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::ir::Instr;

    fn code(body: &str, gas: bool) -> Vec<Instr> {
        let wat = format!(
            r#"(module (func (param $x i32) (param $y i32) (result i32)
              (local $a i32) (local $b i32) {body}))"#
        );
        crate::engine::translator::test_code(&wat, gas)
    }

    /// A loop carrying `$a` to its next iteration, which it repeats while `$b` is not zero.
    const CARRIED: &str = "(loop $l
           (local.set $b (i32.sub (local.get $b) (local.get $y)))
           (local.set $a (local.get $b))
           (br_if $l (local.get $b)))
         (local.get $a)";

    #[test]
    fn a_copy_before_a_br_back_to_its_loop_is_one_instruction() {
        let carried = "(block $out (loop $l
               (local.set $b (i32.sub (local.get $b) (local.get $y)))
               (br_if $out (i32.eqz (local.get $b)))
               (local.set $a (local.get $b))
               (br $l)))
             (local.get $a)";
        let plain = code(carried, false);
        let at = plain
            .iter()
            .position(|i| matches!(i, Instr::BrCopy { .. }))
            .unwrap_or_else(|| panic!("{plain:?}"));
        assert!(
            matches!(plain[at], Instr::BrCopy { offset, dst: 2, src: 3 } if offset == -(at as i32)),
            "{plain:?}"
        );
        assert!(
            !plain
                .iter()
                .any(|i| matches!(i, Instr::Copy { .. } | Instr::Br { .. })),
            "{plain:?}"
        );
        // Metered, the `br` pays for the loop's first block instead.
        let metered = code(carried, true);
        assert!(
            !metered.iter().any(|i| matches!(i, Instr::BrCopy { .. })),
            "{metered:?}"
        );
        // A branch landing on the `br` skips the copy: the two stay apart.
        let skipped = code(
            "(loop $l
               (block $skip
                 (br_if $skip (local.get $x))
                 (local.set $a (local.get $b)))
               (br $l))
             (local.get $a)",
            false,
        );
        assert!(
            !skipped.iter().any(|i| matches!(i, Instr::BrCopy { .. })),
            "{skipped:?}"
        );
    }

    #[test]
    fn a_copy_before_a_branch_is_one_instruction_whose_offset_counts_from_it() {
        let code = code(CARRIED, false);
        // Right after the subtraction computing its condition, it reads it from the result
        // register: its plain form is the joined one.
        let plain: Vec<Instr> = code
            .iter()
            .map(|&i| super::super::result_register::plain_form(i))
            .collect();
        let at = plain
            .iter()
            .position(|i| matches!(i, Instr::CopyBrIfNez { .. }))
            .unwrap_or_else(|| panic!("{code:?}"));
        assert!(
            matches!(
                plain[at..at + 2],
                [
                    Instr::CopyBrIfNez {
                        cond: 3,
                        offset,
                        dst: 2
                    },
                    Instr::Data { a: 3, .. },
                ] if offset == -(at as i32)
            ),
            "{code:?}"
        );
        assert!(
            !code.iter().any(|i| matches!(i, Instr::Copy { .. })),
            "{code:?}"
        );
    }

    #[test]
    fn an_if_after_a_copy_tests_its_condition_in_the_same_instruction() {
        let code = code(
            "(local.set $a (local.get $x))
             (if (local.get $y) (then (local.set $b (i32.const 1))))
             (local.get $a)",
            false,
        );
        assert!(
            matches!(
                code[..2],
                [
                    Instr::CopyBrIfEqz {
                        cond: 1,
                        dst: 2,
                        ..
                    },
                    Instr::Data { a: 0, .. },
                ]
            ),
            "{code:?}"
        );
    }

    #[test]
    fn with_gas_metering_the_copy_and_the_branch_stay_apart() {
        let code = code(CARRIED, true);
        assert!(
            !code
                .iter()
                .any(|i| matches!(i, Instr::CopyBrIfNez { .. } | Instr::CopyBrIfEqz { .. })),
            "{code:?}"
        );
    }

    #[test]
    fn a_copy_that_a_branch_lands_between_stays_apart() {
        // The block's `br_if` lands after the copy, right on the `if`'s test.
        let code = code(
            "(block $b (br_if $b (local.get $y)) (local.set $a (local.get $x)))
             (if (local.get $a) (then (local.set $b (i32.const 1))))
             (local.get $b)",
            false,
        );
        assert!(
            matches!(
                code[..3],
                [
                    Instr::BrIfNez { cond: 1, .. },
                    Instr::Copy { dst: 2, src: 0 },
                    Instr::BrIfEqz { cond: 2, .. },
                ]
            ),
            "{code:?}"
        );
    }

    /// A dispatch loop: `pc = next` at its head, then `next = pc + 8` reading the copy, and a
    /// `br` back to it.
    const DISPATCH: &str = "(block $out (loop $l
           (local.set $a (local.get $b))
           (local.set $b (i32.add (local.get $a) (i32.const 8)))
           (br_if $out (i32.ge_u (local.get $b) (local.get $y)))
           (br $l)))
         (local.get $a)";

    #[test]
    fn a_br_into_a_loop_starting_with_a_copy_copies_and_lands_after_it_metered_or_not() {
        for gas in [false, true] {
            let code = code(DISPATCH, gas);
            let at = code
                .iter()
                .position(|i| {
                    matches!(
                        (gas, i),
                        (false, Instr::BrCopy { dst: 2, src: 3, .. })
                            | (true, Instr::BrCopyPay { dst: 2, src: 3, .. })
                    )
                })
                .unwrap_or_else(|| panic!("gas {gas}: {code:?}"));
            let target = at as i64 + i64::from(code[at].branch_offset().expect("a branch"));
            let target = target as usize;
            assert!(
                matches!(code[target - 1], Instr::Copy { dst: 2, src: 3 }),
                "gas {gas}: {code:?}"
            );
            // Metered, it pays for the loop's block first: its `ConsumeGas` is before the copy.
            let before_copy = target.checked_sub(2).map(|t| code[t]);
            assert_eq!(
                matches!(before_copy, Some(Instr::ConsumeGas { .. })),
                gas,
                "{code:?}"
            );
            // The add after the copy still reads it from the result register: the branch
            // hands it on too.
            assert!(
                matches!(code[target], Instr::I32AddImmAcc { lhs: 2, .. }),
                "gas {gas}: {code:?}"
            );
            assert!(
                !code
                    .iter()
                    .any(|i| matches!(i, Instr::Br { .. } | Instr::BrPay { .. })),
                "gas {gas}: {code:?}"
            );
        }
    }

    /// Where the conditional branch of `code` that does its loop's head copy lands: it
    /// must be the one branch back, its target right after a `Copy { dst, src }` (read from
    /// the result register by the instruction there), and `what` its kind.
    fn lands_after_head_copy(code: &[Instr], what: &str, dst: u32, src: u32) {
        let at = code
            .iter()
            .position(|i| format!("{i:?}").starts_with(what))
            .unwrap_or_else(|| panic!("no {what}: {code:?}"));
        let target = at as i64 + i64::from(code[at].branch_offset().expect("a branch"));
        let target = target as usize;
        assert_eq!(code[target - 1], Instr::Copy { dst, src }, "{code:?}");
        assert!(
            super::super::result_register::reads(&code[target])
                == Some((dst, super::super::result_register::Kind::Int)),
            "{code:?}"
        );
        assert!(
            !code.iter().any(|i| matches!(
                i,
                Instr::BrIfNez { .. }
                    | Instr::BrIfEqz { .. }
                    | Instr::CopyBrIfNez { .. }
                    | Instr::CopyBrIfEqz { .. }
            )),
            "{code:?}"
        );
    }

    #[test]
    fn a_conditional_branch_back_into_a_loop_starting_with_a_copy_copies_and_lands_after_it() {
        // CoreMark's list reversal: `list = tmp`, `tmp = list->next`, `list->next = next`,
        // `next = list`, again while `tmp` is not null.
        let reversal = r#"(module (memory 1) (func (param $tmp i32)
            (local $list i32) (local $next i32)
            (loop $rev
              (local.set $list (local.get $tmp))
              (local.set $tmp (i32.load (local.get $list)))
              (i32.store (local.get $list) (local.get $next))
              (local.set $next (local.get $list))
              (br_if $rev (local.get $tmp)))))"#;
        let reversed = crate::engine::translator::test_code(reversal, false);
        lands_after_head_copy(&reversed, "CopyBrIfNezCopyAcc", 1, 0);
        // It tests `tmp` in the result register: the load handed it on, and the store
        // between them passed it on.
        let at = reversed
            .iter()
            .position(|i| matches!(i, Instr::CopyBrIfNezCopyAcc { .. }))
            .expect("formed");
        assert!(
            matches!(
                reversed[at - 2..at + 2],
                [
                    Instr::Load32UAcc { dst: 0, ptr: 1, .. },
                    Instr::Store32 { ptr: 1, val: 2, .. },
                    Instr::CopyBrIfNezCopyAcc {
                        cond: 0,
                        dst: 2,
                        ..
                    },
                    Instr::Data { a: 1, b: 1, c: 0 }
                ]
            ),
            "{reversed:?}"
        );
        // The other forms: a plain branch on a local or on its `i32.eqz`, and a copy then
        // the branch on the `i32.eqz`.
        let shape = |tail: &str| {
            format!(
                r#"(module (func (param $k i32) (param $y i32) (result i32) (local $a i32) (local $b i32)
                  (loop $l
                    (local.set $a (local.get $b))
                    (local.set $b (i32.add (local.get $a) (local.get $y)))
                    {tail})
                  (local.get $a)))"#
            )
        };
        for (tail, what) in [
            ("(br_if $l (local.get $k))", "BrIfNezCopy"),
            ("(br_if $l (i32.eqz (local.get $k)))", "BrIfEqzCopy"),
            (
                "(local.set $y (local.get $b)) (br_if $l (i32.eqz (local.get $k)))",
                "CopyBrIfEqzCopy",
            ),
        ] {
            let code = crate::engine::translator::test_code(&shape(tail), false);
            lands_after_head_copy(&code, what, 2, 3);
            // Metered, the branch pays for the loop's block instead.
            let metered = crate::engine::translator::test_code(&shape(tail), true);
            assert!(
                !metered
                    .iter()
                    .any(|i| format!("{i:?}").starts_with(&format!("{what} "))),
                "{metered:?}"
            );
        }
    }

    #[test]
    fn a_reader_where_a_branch_lands_must_get_its_slot_from_every_way_in() {
        use crate::engine::translator::verify::verify;
        let program = |landing: Instr| {
            [
                Instr::Copy { dst: 1, src: 0 },
                Instr::I32AddImmAcc {
                    dst: 2,
                    lhs: 1,
                    imm: 1,
                },
                landing,
                Instr::Return1 { src: 2 },
            ]
        };
        let copy = |dst| Instr::BrCopy {
            offset: -1,
            dst,
            src: 0,
        };
        verify(&program(copy(1)), 3).expect("the branch hands on the slot the add reads");
        for wrong in [copy(2), Instr::Br { offset: -1 }] {
            let error = verify(&program(wrong), 3).expect_err("rejected");
            assert!(
                error.to_string().contains("at a branch target"),
                "{wrong:?}: {error}"
            );
        }
        let unpaid = [
            Instr::Copy { dst: 1, src: 0 },
            Instr::Copy { dst: 2, src: 1 },
            Instr::BrCopyPay {
                offset: -1,
                dst: 2,
                src: 1,
                cost: 1,
            },
            Instr::Return1 { src: 2 },
        ];
        let error = verify(&unpaid, 3).expect_err("rejected");
        assert!(error.to_string().contains("ConsumeGas"), "{error}");
    }

    #[test]
    fn a_joined_branch_right_after_its_condition_reads_the_register() {
        // A count kept as a loop's parameter: the copy carries the condition itself.
        let code = crate::engine::translator::test_code(
            "(module (func (param $n i32) (result i32)
               (local.get $n)
               (loop $l (param i32) (result i32)
                 (i32.sub (i32.const 1))
                 (local.tee $n)
                 (local.get $n)
                 (br_if $l))))",
            false,
        );
        let at = code
            .iter()
            .position(|i| matches!(i, Instr::CopyBrIfNezAcc { .. }))
            .unwrap_or_else(|| panic!("{code:?}"));
        assert!(
            matches!(
                (code[at - 1], code[at], code[at + 1]),
                (
                    Instr::I32SubImmAcc { dst, .. },
                    Instr::CopyBrIfNezAcc { cond, .. },
                    Instr::Data { a, .. },
                ) if dst == cond && a == cond
            ),
            "{code:?}"
        );
    }
}
