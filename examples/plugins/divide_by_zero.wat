;; Hostile (or just buggy): traps on its third tick with an integer division by zero.
(module
  (func (export "tick") (param $tick i32) (result i32)
    (i32.div_s (i32.const 100) (i32.sub (i32.const 3) (local.get $tick)))))
