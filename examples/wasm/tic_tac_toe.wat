;; Tic-tac-toe: the rules live here, the players live in the host.
;;
;; Memory `game_mem` (exported):
;;   bytes 0..9  the board, row by row: 0 empty, 1 X, 2 O
;;   byte  9     how many moves of the player to move were refused in a row (0..3)
;;   byte  10    how the game ended: 0 not over, 1 three in a row, 2 full board, 3 forfeit
;;   bytes 32..56 the eight lines of three squares
;;
;; Imports: `get_move_for_player(player) -> square` asks the host for a move of player 1 (X)
;; or 2 (O), a square 0..8; `draw_board()` lets the host show the board.
;; Export: `play() -> winner`: plays a whole game, X first; returns 1 (X), 2 (O) or 0 (draw).
;; A move outside the board or onto a taken square is refused and asked again; a player whose
;; move is refused three times in a row forfeits.
(module
  (import "game" "get_move_for_player" (func $get_move_for_player (param i32) (result i32)))
  (import "game" "draw_board" (func $draw_board))

  (memory (export "game_mem") 1)

  (global $refused i32 (i32.const 9))
  (global $ending i32 (i32.const 10))
  (global $lines i32 (i32.const 32))

  (data (i32.const 32)
    "\00\01\02" "\03\04\05" "\06\07\08"   ;; rows
    "\00\03\06" "\01\04\07" "\02\05\08"   ;; columns
    "\00\04\08" "\02\04\06")              ;; diagonals

  ;; Whether `square` is on the board and empty.
  (func $is_legal (param $square i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $square) (i32.const 9))
      (then (i32.eqz (i32.load8_u (local.get $square))))
      (else (i32.const 0))))

  ;; Whether `player` holds a whole line.
  (func $has_line (param $player i32) (result i32)
    (local $line i32)
    (local.set $line (global.get $lines))
    (loop $next
      (if (i32.and
            (i32.and
              (i32.eq (i32.load8_u (i32.load8_u (local.get $line))) (local.get $player))
              (i32.eq (i32.load8_u (i32.load8_u offset=1 (local.get $line))) (local.get $player)))
            (i32.eq (i32.load8_u (i32.load8_u offset=2 (local.get $line))) (local.get $player)))
        (then (return (i32.const 1))))
      (local.set $line (i32.add (local.get $line) (i32.const 3)))
      (br_if $next (i32.lt_u (local.get $line) (i32.add (global.get $lines) (i32.const 24)))))
    (i32.const 0))

  (func (export "play") (result i32)
    (local $player i32)
    (local $square i32)
    (local $moves i32)
    (memory.fill (i32.const 0) (i32.const 0) (i32.const 11))
    (local.set $player (i32.const 1))
    (call $draw_board)
    (loop $turn
      (local.set $square (call $get_move_for_player (local.get $player)))
      (if (call $is_legal (local.get $square))
        (then
          (i32.store8 (local.get $square) (local.get $player))
          (i32.store8 (global.get $refused) (i32.const 0))
          (local.set $moves (i32.add (local.get $moves) (i32.const 1)))
          (call $draw_board)
          (if (call $has_line (local.get $player))
            (then
              (i32.store8 (global.get $ending) (i32.const 1))
              (return (local.get $player))))
          (if (i32.eq (local.get $moves) (i32.const 9))
            (then
              (i32.store8 (global.get $ending) (i32.const 2))
              (return (i32.const 0))))
          ;; 1 <-> 2
          (local.set $player (i32.sub (i32.const 3) (local.get $player))))
        (else
          (i32.store8 (global.get $refused)
            (i32.add (i32.load8_u (global.get $refused)) (i32.const 1)))
          (if (i32.ge_u (i32.load8_u (global.get $refused)) (i32.const 3))
            (then
              (i32.store8 (global.get $ending) (i32.const 3))
              (return (i32.sub (i32.const 3) (local.get $player)))))))
      (br $turn))
    unreachable))
