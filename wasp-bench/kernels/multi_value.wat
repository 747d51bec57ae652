;; multi_value.wat: calls passing and returning eight values.
;;
;; `run(n)` calls `$rotate` n times; it takes eight i64s and returns them turned
;; by one place, the first plus the call's number. What a compiler emits for a
;; struct passed and returned in registers (Wasm multi-value): every call
;; copies eight arguments in and eight results out. It returns the low 32 bits
;; of the sum of the eight values after the last call. In Rust terms:
;;
;;   let mut v = [1u64, 2, 3, 4, 5, 6, 7, 8];
;;   for i in 0..n { v = [v[1], .., v[7], v[0] + i]; }
;;   v.iter().sum() as u32
(module
  (func $rotate (param i64 i64 i64 i64 i64 i64 i64 i64 i64)
                (result i64 i64 i64 i64 i64 i64 i64 i64)
    local.get 1 local.get 2 local.get 3 local.get 4
    local.get 5 local.get 6 local.get 7
    (i64.add (local.get 0) (local.get 8)))
  (func (export "run") (param $n i32) (result i32)
    (local $i i64)
    (local $a i64) (local $b i64) (local $c i64) (local $d i64)
    (local $e i64) (local $f i64) (local $g i64) (local $h i64)
    (local.set $a (i64.const 1)) (local.set $b (i64.const 2))
    (local.set $c (i64.const 3)) (local.set $d (i64.const 4))
    (local.set $e (i64.const 5)) (local.set $f (i64.const 6))
    (local.set $g (i64.const 7)) (local.set $h (i64.const 8))
    (block $done
      (loop $next
        (br_if $done (i64.ge_u (local.get $i) (i64.extend_i32_u (local.get $n))))
        (call $rotate
          (local.get $a) (local.get $b) (local.get $c) (local.get $d)
          (local.get $e) (local.get $f) (local.get $g) (local.get $h)
          (local.get $i))
        (local.set $h) (local.set $g) (local.set $f) (local.set $e)
        (local.set $d) (local.set $c) (local.set $b) (local.set $a)
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $next)))
    (i32.wrap_i64
      (i64.add
        (i64.add (i64.add (local.get $a) (local.get $b)) (i64.add (local.get $c) (local.get $d)))
        (i64.add (i64.add (local.get $e) (local.get $f)) (i64.add (local.get $g) (local.get $h)))))))
