;; Polls stdin for reading (one subscription); the event lands at 3000, the count at 1000.
(module
  (import "wasi_snapshot_preview1" "poll_oneoff"
    (func $poll (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "poll_stdin") (result i32)
    (i64.store (i32.const 2000) (i64.const 42))   ;; userdata
    (i32.store8 (i32.const 2008) (i32.const 1))   ;; eventtype fd_read
    (i32.store (i32.const 2016) (i32.const 0))    ;; fd 0
    (call $poll (i32.const 2000) (i32.const 3000) (i32.const 1) (i32.const 1000))))
