;; A well-behaved plugin with state: adds every tick number to a running total kept in a
;; global, and reports the total.
(module
  (import "host" "emit" (func $emit (param i64)))
  (global $total (mut i64) (i64.const 0))
  (func (export "tick") (param $tick i32) (result i32)
    (global.set $total (i64.add (global.get $total) (i64.extend_i32_u (local.get $tick))))
    (call $emit (global.get $total))
    (i32.const 0)))
