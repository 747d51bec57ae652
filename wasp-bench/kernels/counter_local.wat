;; counter_local.wat: the simplest loop, a counter in a local.
;;
;; `run(n)` counts a local up from 0 to n (at least one step) and returns it:
;; max(n, 1).
(module
  (func (export "run") (param $n i32) (result i32)
    (local $i i32)
    (loop $next
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $i)))
