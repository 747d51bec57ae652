;; fib.wat: naive doubly recursive Fibonacci over i32 (wrapping on overflow).
;;
;;   fib(0) = 0, fib(1) = 1, fib(n) = fib(n - 1) + fib(n - 2)
;;
;; Exercises direct calls, returns and the call stack: fib(n) makes about
;; 2 * fib(n + 1) calls, e.g. fib(25) = 75025 with 242785 calls.
(module
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else
        (i32.add
          (call $fib (i32.sub (local.get $n) (i32.const 1)))
          (call $fib (i32.sub (local.get $n) (i32.const 2))))))))
