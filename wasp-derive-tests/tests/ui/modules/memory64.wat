;; A module that imports a 64-bit memory and a memory of 1-byte pages, for the `check = ..`
;; cases: their types are printed in Wasm's text notation.
(module
  (import "env" "log" (func (param i64 i32)))
  (import "env" "heap" (memory i64 1 4))
  (import "env" "bytes" (memory 0 100 (pagesize 1))))
