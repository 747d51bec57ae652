;; sort.wat: quicksort of pseudo-random i32 values in linear memory.
;;
;; `sort(n)` fills a[0..n] (a at address 0, 4 bytes each, memory grown as
;; needed) from a 32-bit LCG, sorts it ascending with a recursive Lomuto
;; quicksort (middle element as pivot), and returns the checksum
;; sum of a[k] * (k + 1) over k (wrapping i32), or -1 if the result is not
;; sorted. In Rust terms, the input is:
;;
;;   let mut s: u32 = 12345;
;;   for k in 0..n { s = s * 1103515245 + 12345; a[k] = (s >> 8) as i32; }
(module
  (memory (export "memory") 1)

  (func $swap (param $p i32) (param $q i32)
    (local $t i32)
    (local.set $t (i32.load (local.get $p)))
    (i32.store (local.get $p) (i32.load (local.get $q)))
    (i32.store (local.get $q) (local.get $t)))

  ;; Sorts the elements at byte addresses lo..=hi (both multiples of 4).
  (func $qsort (param $lo i32) (param $hi i32)
    (local $pivot i32)
    (local $i i32)
    (local $j i32)
    (block $done
      (loop $again
        (br_if $done (i32.ge_s (local.get $lo) (local.get $hi)))
        ;; Move the middle element to hi and use it as the pivot.
        (call $swap
          (i32.add
            (local.get $lo)
            (i32.and
              (i32.shr_u (i32.sub (local.get $hi) (local.get $lo)) (i32.const 1))
              (i32.const -4)))
          (local.get $hi))
        (local.set $pivot (i32.load (local.get $hi)))
        (local.set $i (local.get $lo))
        (local.set $j (local.get $lo))
        (block $partitioned
          (loop $partition
            (br_if $partitioned (i32.ge_s (local.get $j) (local.get $hi)))
            (if (i32.lt_s (i32.load (local.get $j)) (local.get $pivot))
              (then
                (call $swap (local.get $i) (local.get $j))
                (local.set $i (i32.add (local.get $i) (i32.const 4)))))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $partition)))
        (call $swap (local.get $i) (local.get $hi))
        ;; Recurse on the left part, loop on the right part.
        (call $qsort (local.get $lo) (i32.sub (local.get $i) (i32.const 4)))
        (local.set $lo (i32.add (local.get $i) (i32.const 4)))
        (br $again))))

  (func (export "sort") (param $n i32) (result i32)
    (local $k i32)
    (local $s i32)
    (local $end i32)
    (local $pages i32)
    (local $sum i32)
    (local $v i32)
    (local $prev i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    ;; Make sure bytes 0..4n are addressable.
    (local.set $pages
      (i32.shr_u (i32.add (local.get $end) (i32.const 0xFFFF)) (i32.const 16)))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then
        (if (i32.eq
              (memory.grow (i32.sub (local.get $pages) (memory.size)))
              (i32.const -1))
          (then (unreachable)))))
    ;; Fill with LCG output.
    (local.set $s (i32.const 12345))
    (local.set $k (i32.const 0))
    (block $filled
      (loop $fill
        (br_if $filled (i32.ge_u (local.get $k) (local.get $end)))
        (local.set $s
          (i32.add
            (i32.mul (local.get $s) (i32.const 1103515245))
            (i32.const 12345)))
        (i32.store (local.get $k) (i32.shr_u (local.get $s) (i32.const 8)))
        (local.set $k (i32.add (local.get $k) (i32.const 4)))
        (br $fill)))
    (call $qsort (i32.const 0) (i32.sub (local.get $end) (i32.const 4)))
    ;; Check the order and compute the checksum.
    (local.set $prev (i32.const 0x80000000))
    (local.set $k (i32.const 0))
    (block $checked
      (loop $check
        (br_if $checked (i32.ge_u (local.get $k) (local.get $end)))
        (local.set $v (i32.load (local.get $k)))
        (if (i32.lt_s (local.get $v) (local.get $prev))
          (then (return (i32.const -1))))
        (local.set $prev (local.get $v))
        (local.set $sum
          (i32.add
            (local.get $sum)
            (i32.mul
              (local.get $v)
              (i32.add (i32.shr_u (local.get $k) (i32.const 2)) (i32.const 1)))))
        (local.set $k (i32.add (local.get $k) (i32.const 4)))
        (br $check)))
    (local.get $sum)))
