;; bulk_memory.wat: `memory.fill` and `memory.copy` of 4 KiB blocks.
;;
;; `run(n)` repeats n times: fill 4096 bytes at a moving offset with a byte,
;; copy 4096 bytes from there to another moving offset (overlapping now and
;; then), and add one loaded word to a checksum it returns. In Rust terms,
;; over a zeroed 64 KiB + 8 KiB `mem` (wrapping):
;;
;;   for i in 0..n {
;;       let (a, b) = ((i * 1024) & 0xFFFF, (i * 1536 + 512) & 0xFFFF);
;;       mem[a..a + 4096].fill(i as u8);
;;       mem.copy_within(a..a + 4096, b);
;;       sum = sum * 31 + u32::from_le_bytes(mem[b + 100..b + 104]);
;;   }
(module
  (memory 2)
  (func (export "run") (param $n i32) (result i32)
    (local $i i32) (local $a i32) (local $b i32) (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $a (i32.and (i32.mul (local.get $i) (i32.const 1024)) (i32.const 0xFFFF)))
        (local.set $b
          (i32.and
            (i32.add (i32.mul (local.get $i) (i32.const 1536)) (i32.const 512))
            (i32.const 0xFFFF)))
        (memory.fill (local.get $a) (local.get $i) (i32.const 4096))
        (memory.copy (local.get $b) (local.get $a) (i32.const 4096))
        (local.set $sum
          (i32.add
            (i32.mul (local.get $sum) (i32.const 31))
            (i32.load offset=100 (local.get $b))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $sum)))
