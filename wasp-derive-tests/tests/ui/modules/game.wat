;; The module that the `check = ..` cases check against.
(module
  (import "game" "get_move_for_player" (func $get_move (param i32) (result i32)))
  (import "game" "draw_board" (func $draw_board))
  (import "math" "add" (func $add (param i64 i64) (result i64)))
  (memory (export "game_mem") 1)
  (func (export "play") (result i32)
    (call $draw_board)
    (call $get_move (i32.const 1))))
