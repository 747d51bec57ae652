;; A module with typed function references (the function references proposal): a host
;; function cannot take `(ref null $step)`, whose signature it cannot check.
(module
  (type $step (func (param i32) (result i32)))
  (import "env" "apply" (func $apply (param (ref null $step)) (result i32)))
  (import "math" "add" (func $add (param i64 i64) (result i64)))
  (func (export "run") (param $f (ref null $step)) (result i32)
    (call $apply (local.get $f))))
