;; counter_global.wat: a loop counting in a mutable global.
;;
;; `run(n)` sets the global to 0, counts it up to n (at least one step) and
;; returns it: max(n, 1).
(module
  (global $count (mut i32) (i32.const 0))
  (func (export "run") (param $n i32) (result i32)
    (global.set $count (i32.const 0))
    (loop $next
      (global.set $count (i32.add (global.get $count) (i32.const 1)))
      (br_if $next (i32.lt_u (global.get $count) (local.get $n))))
    (global.get $count)))
