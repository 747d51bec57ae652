;; A well-behaved plugin: reads the host's message for this tick into its buffer, logs a
;; greeting and reports the tick number doubled.
(module
  (import "host" "input" (func $input (param i32 i32) (result i32)))
  (import "host" "log" (func $log (param i32 i32)))
  (import "host" "emit" (func $emit (param i64)))
  (memory (export "memory") 1)
  (data (i32.const 0) "hello, ")
  (func (export "tick") (param $tick i32) (result i32) (local $len i32)
    ;; "hello, " is at 0..7; the host's message goes right after it.
    (local.set $len (call $input (i32.const 7) (i32.const 100)))
    (call $log (i32.const 0) (i32.add (local.get $len) (i32.const 7)))
    (call $emit (i64.extend_i32_u (i32.mul (local.get $tick) (i32.const 2))))
    (i32.const 0)))
