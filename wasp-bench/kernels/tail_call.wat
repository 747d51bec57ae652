;; tail_call.wat: loops written as tail calls (`return_call`), two functions
;; calling each other so that no call is a plain jump.
;;
;; `run(n)` returns, in Rust terms (wrapping):
;;
;;   let mut acc: u32 = 1;
;;   for k in (1..=n).rev() {
;;       acc = if k % 2 == 0 { acc * 31 + k } else { acc ^ (k << 3) };
;;   }
;;   acc
(module
  (func $even (param $n i32) (param $acc i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (local.get $acc))
      (else
        (return_call $odd
          (i32.sub (local.get $n) (i32.const 1))
          (i32.add (i32.mul (local.get $acc) (i32.const 31)) (local.get $n))))))
  (func $odd (param $n i32) (param $acc i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (local.get $acc))
      (else
        (return_call $even
          (i32.sub (local.get $n) (i32.const 1))
          (i32.xor (local.get $acc) (i32.shl (local.get $n) (i32.const 3)))))))
  (func (export "run") (param $n i32) (result i32)
    (if (result i32) (i32.and (local.get $n) (i32.const 1))
      (then (return_call $odd (local.get $n) (i32.const 1)))
      (else (return_call $even (local.get $n) (i32.const 1))))))
