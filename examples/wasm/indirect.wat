;; indirect.wat: call_indirect through a table of eight small functions.
;;
;; `run(n)` loops n times; iteration i calls table entry
;; (i ^ (i >> 3)) & 7 with argument acc + i and stores the result in acc.
;; All arithmetic wraps. In Rust terms:
;;
;;   let f: [fn(u32) -> u32; 8] = [
;;       |x| x + 1, |x| x * 3, |x| x ^ 0x5BD1_E995, |x| x.rotate_left(5),
;;       |x| x - 7, |x| x >> 1, |x| x * x, |x| x + (x << 4),
;;   ];
;;   let mut acc = 0;
;;   for i in 0..n { acc = f[((i ^ (i >> 3)) & 7) as usize](acc + i); }
;;   acc
(module
  (type $unop (func (param i32) (result i32)))

  (func $inc (type $unop) (i32.add (local.get 0) (i32.const 1)))
  (func $triple (type $unop) (i32.mul (local.get 0) (i32.const 3)))
  (func $scramble (type $unop) (i32.xor (local.get 0) (i32.const 0x5BD1E995)))
  (func $rotate (type $unop) (i32.rotl (local.get 0) (i32.const 5)))
  (func $dec7 (type $unop) (i32.sub (local.get 0) (i32.const 7)))
  (func $halve (type $unop) (i32.shr_u (local.get 0) (i32.const 1)))
  (func $square (type $unop) (i32.mul (local.get 0) (local.get 0)))
  (func $times17 (type $unop)
    (i32.add (local.get 0) (i32.shl (local.get 0) (i32.const 4))))

  (table 8 funcref)
  (elem (i32.const 0)
    $inc $triple $scramble $rotate $dec7 $halve $square $times17)

  (func (export "run") (param $n i32) (result i32)
    (local $i i32)
    (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc
          (call_indirect (type $unop)
            (i32.add (local.get $acc) (local.get $i))
            (i32.and
              (i32.xor
                (local.get $i)
                (i32.shr_u (local.get $i) (i32.const 3)))
              (i32.const 7))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc)))
