;; sieve64.wat: examples/wasm/sieve.wat on a 64-bit memory (memory64).
;;
;; `sieve(n)` returns the number of primes below n (n < 2^31), as sieve.wat
;; does, with the same loops; only the addresses are i64: bytes 0..n of a
;; 64-bit memory are the "is composite" flags, indexed by i64 counters, and
;; memory.size/memory.grow count i64 pages. It measures what 64-bit addresses
;; cost against sieve.wat, e.g. sieve(1000000) = 78498.
(module
  (memory (export "memory") i64 1)

  (func (export "sieve") (param $n32 i32) (result i32)
    (local $n i64)
    (local $i i64)
    (local $j i64)
    (local $count i32)
    (local $pages i64)
    (local.set $n (i64.extend_i32_u (local.get $n32)))
    ;; Make sure bytes 0..n are addressable.
    (local.set $pages
      (i64.shr_u (i64.add (local.get $n) (i64.const 0xFFFF)) (i64.const 16)))
    (if (i64.gt_u (local.get $pages) (memory.size))
      (then
        (if (i64.eq
              (memory.grow (i64.sub (local.get $pages) (memory.size)))
              (i64.const -1))
          (then (unreachable)))))
    ;; Clear the flags.
    (local.set $i (i64.const 0))
    (block $cleared
      (loop $clear
        (br_if $cleared (i64.ge_u (local.get $i) (local.get $n)))
        (i32.store8 (local.get $i) (i32.const 0))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $clear)))
    ;; Cross out the multiples of every prime i with i * i < n.
    (local.set $i (i64.const 2))
    (block $sieved
      (loop $outer
        (br_if $sieved
          (i64.ge_u (i64.mul (local.get $i) (local.get $i)) (local.get $n)))
        (if (i32.eqz (i32.load8_u (local.get $i)))
          (then
            (local.set $j (i64.mul (local.get $i) (local.get $i)))
            (block $crossed
              (loop $inner
                (br_if $crossed (i64.ge_u (local.get $j) (local.get $n)))
                (i32.store8 (local.get $j) (i32.const 1))
                (local.set $j (i64.add (local.get $j) (local.get $i)))
                (br $inner)))))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $outer)))
    ;; Count the numbers in 2..n that were not crossed out.
    (local.set $i (i64.const 2))
    (block $counted
      (loop $count_loop
        (br_if $counted (i64.ge_u (local.get $i) (local.get $n)))
        (local.set $count
          (i32.add (local.get $count) (i32.eqz (i32.load8_u (local.get $i)))))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $count_loop)))
    (local.get $count)))
