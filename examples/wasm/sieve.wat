;; sieve.wat: sieve of Eratosthenes in linear memory.
;;
;; `sieve(n)` returns the number of primes below n (n < 2^31), using bytes
;; 0..n of the exported memory as "is composite" flags. Memory starts at one
;; page and is grown with memory.grow when n needs more; it traps
;; (unreachable) if it cannot grow. Flags are cleared on every call, so
;; repeated calls give the same result, e.g. sieve(1000000) = 78498.
(module
  (memory (export "memory") 1)

  (func (export "sieve") (param $n i32) (result i32)
    (local $i i32)
    (local $j i32)
    (local $count i32)
    (local $pages i32)
    ;; Make sure bytes 0..n are addressable.
    (local.set $pages
      (i32.shr_u (i32.add (local.get $n) (i32.const 0xFFFF)) (i32.const 16)))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then
        (if (i32.eq
              (memory.grow (i32.sub (local.get $pages) (memory.size)))
              (i32.const -1))
          (then (unreachable)))))
    ;; Clear the flags.
    (local.set $i (i32.const 0))
    (block $cleared
      (loop $clear
        (br_if $cleared (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store8 (local.get $i) (i32.const 0))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $clear)))
    ;; Cross out the multiples of every prime i with i * i < n.
    (local.set $i (i32.const 2))
    (block $sieved
      (loop $outer
        (br_if $sieved
          (i32.ge_u (i32.mul (local.get $i) (local.get $i)) (local.get $n)))
        (if (i32.eqz (i32.load8_u (local.get $i)))
          (then
            (local.set $j (i32.mul (local.get $i) (local.get $i)))
            (block $crossed
              (loop $inner
                (br_if $crossed (i32.ge_u (local.get $j) (local.get $n)))
                (i32.store8 (local.get $j) (i32.const 1))
                (local.set $j (i32.add (local.get $j) (local.get $i)))
                (br $inner)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $outer)))
    ;; Count the numbers in 2..n that were not crossed out.
    (local.set $i (i32.const 2))
    (block $counted
      (loop $count_loop
        (br_if $counted (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $count
          (i32.add (local.get $count) (i32.eqz (i32.load8_u (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $count_loop)))
    (local.get $count)))
