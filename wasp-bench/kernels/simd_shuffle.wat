;; simd_shuffle.wat: hand-written v128 mixing with shuffles and lane ops.
;;
;; `run(n)` runs n rounds of a mixing step on two v128 values held in
;; locals, a and b: a += b (i32x4); b = shuffle(b) rotating its bytes by
;; five; b ^= a; a = swizzle(a, a table in memory); lane 0 of a (i32) is
;; multiplied by the round number (made odd) and written back with
;; replace_lane; b = b * (a + 1) (i16x8); a = a's high 8 bytes then b's low
;; 8 bytes (a two-operand shuffle); b += splat of a's i32 lane 3. It returns a's i64 lane 0 xor b's i64 lane 1.
(module
  (memory 1)
  ;; The swizzle table: a byte permutation of 0..15.
  (data (i32.const 0) "\07\0e\03\0a\01\08\0f\06\0d\04\0b\02\09\00\05\0c")
  (func (export "run") (param $n i32) (result i64)
    (local $i i32) (local $a v128) (local $b v128) (local $perm v128)
    (local.set $a (v128.const i32x4 0x243F6A88 0x85A308D3 0x13198A2E 0x03707344))
    (local.set $b (v128.const i32x4 0xA4093822 0x299F31D0 0x082EFA98 0xEC4E6C89))
    (local.set $perm (v128.load (i32.const 0)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $a (i32x4.add (local.get $a) (local.get $b)))
        (local.set $b
          (i8x16.shuffle 5 6 7 8 9 10 11 12 13 14 15 0 1 2 3 4
            (local.get $b) (local.get $b)))
        (local.set $b (v128.xor (local.get $b) (local.get $a)))
        (local.set $a (i8x16.swizzle (local.get $a) (local.get $perm)))
        (local.set $a
          (i32x4.replace_lane 0 (local.get $a)
            (i32.mul
              (i32x4.extract_lane 0 (local.get $a))
              (i32.or (local.get $i) (i32.const 1)))))
        (local.set $b (i16x8.mul (local.get $b) (i16x8.add (local.get $a) (v128.const i16x8 1 1 1 1 1 1 1 1))))
        (local.set $a
          (i8x16.shuffle 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23
            (local.get $a) (local.get $b)))
        (local.set $b
          (i32x4.add (local.get $b) (i32x4.splat (i32x4.extract_lane 3 (local.get $a)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i64.xor
      (i64x2.extract_lane 0 (local.get $a))
      (i64x2.extract_lane 1 (local.get $b)))))
