;; Not a valid module: a compile-fail case checks the error `imports!` reports for it.
(module
  (import "math" "add" (func (param i64 i64) (result i64)))
  (func (export "f") (result i32) (i32.const 1)
