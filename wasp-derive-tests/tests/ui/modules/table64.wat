;; A module that imports a 64-bit table and a 32-bit one, for the `check = ..` cases: their
;; types are printed in Wasm's text notation, `i64` for the 64-bit one.
(module
  (import "env" "log" (func (param i64)))
  (import "env" "wide" (table i64 1 10 funcref))
  (import "env" "narrow" (table 2 externref)))
