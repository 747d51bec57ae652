;; Hostile: never returns. Every call is stopped by its deadline or gas budget; after too
;; many ticks without finishing, the host gives up on it.
(module
  (func (export "tick") (param $tick i32) (result i32)
    (loop $forever (br $forever))
    (i32.const 0)))
