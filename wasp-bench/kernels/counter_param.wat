;; counter_param.wat: a loop that counts its parameter down.
;;
;; `run(n)` decrements its parameter until it reaches 0 and returns the
;; parameter: 0.
(module
  (func (export "run") (param $n i32) (result i32)
    (block $done
      (br_if $done (i32.eqz (local.get $n)))
      (loop $next
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br_if $next (local.get $n))))
    (local.get $n)))
