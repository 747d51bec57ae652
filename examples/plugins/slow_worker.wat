;; A well-behaved but slow plugin: its first tick sums i * i for i below 3,000,000, which
;; takes longer than one call's deadline (or gas budget). The host pauses it and resumes it
;; on the next tick until it finishes; later ticks are quick.
(module
  (import "host" "emit" (func $emit (param i64)))
  (global $done (mut i32) (i32.const 0))
  (func (export "tick") (param $tick i32) (result i32) (local $i i64) (local $sum i64)
    (if (global.get $done) (then (return (i32.const 0))))
    (loop $l
      (local.set $sum (i64.add (local.get $sum) (i64.mul (local.get $i) (local.get $i))))
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br_if $l (i64.lt_u (local.get $i) (i64.const 3000000))))
    (call $emit (local.get $sum))
    (global.set $done (i32.const 1))
    (i32.const 0)))
