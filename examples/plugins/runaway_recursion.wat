;; Hostile: recurses without end. The store's call-depth limit stops it with a trap.
(module
  (func $down (param $n i64) (result i64)
    (i64.add (i64.const 1) (call $down (i64.add (local.get $n) (i64.const 1)))))
  (func (export "tick") (param $tick i32) (result i32)
    (drop (call $down (i64.const 0)))
    (i32.const 0)))
