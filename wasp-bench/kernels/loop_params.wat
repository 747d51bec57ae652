;; loop_params.wat: loops that carry their state as block parameters.
;;
;; `run(n)` runs an outer loop n times; it carries the running total as a loop
;; parameter and hands it to an inner loop of 8 steps that carries a counter
;; and an accumulator the same way, continuing with `br_if` and the values.
;; The shape multi-value code takes (a loop's state on the operand stack rather
;; than in locals). In Rust terms (wrapping):
;;
;;   let mut total = 0u32;
;;   for i in 0..n {
;;       let (mut k, mut acc) = (8u32, total);
;;       loop { acc = acc * 3 + k ^ i; k -= 1; if k == 0 { break } }
;;       total = acc;
;;   }
;;   total
(module
  (func (export "run") (param $n i32) (result i32)
    (local $i i32) (local $k i32) (local $acc i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else
        (i32.const 0)
        (loop $outer (param i32) (result i32)
          (local.set $acc)
          (i32.const 8)
          (local.get $acc)
          (loop $inner (param i32 i32) (result i32 i32)
            (local.set $acc)
            (local.set $k)
            (local.set $acc
              (i32.xor
                (i32.add (i32.mul (local.get $acc) (i32.const 3)) (local.get $k))
                (local.get $i)))
            (local.tee $k (i32.sub (local.get $k) (i32.const 1)))
            (local.get $acc)
            (br_if $inner (local.get $k)))
          (local.set $acc)
          (drop)
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (local.get $acc)
          (br_if $outer (i32.lt_u (local.get $i) (local.get $n))))))))
