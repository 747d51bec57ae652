;; loop.wat: a tight arithmetic loop over locals only (no memory, no calls).
;;
;; `sum(n)` runs n iterations of an integer mixing function and returns the
;; accumulator. In Rust terms (all arithmetic wrapping, `>>` logical):
;;
;;   let (mut x, mut acc): (u64, u64) = (0x9E37_79B9_7F4A_7C15, 0);
;;   let mut h: u32 = 0x811C_9DC5;
;;   for i in 0..n {
;;       x = x * 6364136223846793005 + 1442695040888963407;   // 64-bit LCG
;;       h = (h ^ (i as u32)) * 16777619;                     // 32-bit FNV step
;;       acc ^= (x >> 29) + u64::from(h);
;;       acc = acc.rotate_left(7) + (acc << 3);
;;   }
;;   acc
(module
  (func (export "sum") (param $n i32) (result i64)
    (local $i i32)
    (local $h i32)
    (local $x i64)
    (local $acc i64)
    (local.set $x (i64.const 0x9E3779B97F4A7C15))
    (local.set $h (i32.const 0x811C9DC5))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $x
          (i64.add
            (i64.mul (local.get $x) (i64.const 6364136223846793005))
            (i64.const 1442695040888963407)))
        (local.set $h
          (i32.mul
            (i32.xor (local.get $h) (local.get $i))
            (i32.const 16777619)))
        (local.set $acc
          (i64.xor
            (local.get $acc)
            (i64.add
              (i64.shr_u (local.get $x) (i64.const 29))
              (i64.extend_i32_u (local.get $h)))))
        (local.set $acc
          (i64.add
            (i64.rotl (local.get $acc) (i64.const 7))
            (i64.shl (local.get $acc) (i64.const 3))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc)))
