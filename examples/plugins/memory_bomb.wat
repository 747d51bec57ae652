;; Hostile: grows its memory a page at a time for as long as it is allowed, then writes
;; past the end. The store's memory limit refuses the growth; the write traps.
(module
  (import "host" "log" (func $log (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "memory.grow refused")
  (func (export "tick") (param $tick i32) (result i32)
    (loop $more
      (br_if $more (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
    (call $log (i32.const 0) (i32.const 19))
    (i32.store (i32.mul (memory.size) (i32.const 65536)) (i32.const 1))
    (i32.const 0)))
