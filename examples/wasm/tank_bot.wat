;; A tank bot: explores a grid it cannot see, one cell per tick, preferring coins and the
;; cells it has visited least. The host owns the world (walls, coins, where the tank really
;; is); the bot only knows what it senses and what it remembers.
;;
;; Directions are absolute: 0 north, 1 east, 2 south, 3 west.
;;
;; Imports (module "tank"):
;;   look(dir) -> what     what is in the next cell toward dir: 0 floor, 1 wall, 2 coin
;;   move(dir) -> moved    turns the tank toward dir and drives one cell; 1 if it moved
;;                         (the engine moves the tank once per tick)
;;   report(cells)         tells the host how many cells the bot has explored
;;   wait_tick() -> tick   ends the bot's turn; the host pauses the bot here (a yield) and
;;                         resumes it at the next tick, whose number this returns
;;
;; Export: `run()`: the bot's whole life. It never returns; the host decides when to stop.
;;
;; Memory (exported as `bot_mem`):
;;   bytes 0..1024     the bot's own map, 32 x 32 cells, one byte per cell at y * 32 + x:
;;                     bit 7 set once the cell was visited, bits 0..6 how often (up to 127)
;;   bytes 1024..1028  the order in which to consider directions, relative to the heading:
;;                     ahead, right, left, back
;;
;; The bot does not know where the tank starts: it calls that cell (16, 16) of its own map
;; and tracks its moves from there, so the world must be at most 16 cells wide and high.
;;
;; Every 25 ticks the bot forgets half of what it remembers (visit counts are halved) so that
;; it patrols again; that pass over the whole map costs more gas than an ordinary tick, so
;; with a small budget the host pauses the bot in the middle of it (it "overruns its budget")
;; and lets it finish in the following ticks.
(module
  (import "tank" "look" (func $look (param i32) (result i32)))
  (import "tank" "move" (func $move (param i32) (result i32)))
  (import "tank" "report" (func $report (param i32)))
  (import "tank" "wait_tick" (func $wait_tick (result i32)))

  (memory (export "bot_mem") 1)

  (data (i32.const 1024) "\00\01\03\02")

  ;; Where the bot believes the tank is, in its own map.
  (global $x (mut i32) (i32.const 16))
  (global $y (mut i32) (i32.const 16))
  ;; The direction the tank last moved in (it starts facing north).
  (global $heading (mut i32) (i32.const 0))
  ;; How many different cells the bot has visited.
  (global $seen (export "seen") (mut i32) (i32.const 0))

  ;; The x step of a direction: +1 east, -1 west, 0 otherwise.
  (func $dx (param $dir i32) (result i32)
    (if (result i32) (i32.eq (local.get $dir) (i32.const 1))
      (then (i32.const 1))
      (else
        (if (result i32) (i32.eq (local.get $dir) (i32.const 3))
          (then (i32.const -1))
          (else (i32.const 0))))))

  ;; The y step of a direction: -1 north, +1 south, 0 otherwise.
  (func $dy (param $dir i32) (result i32)
    (if (result i32) (i32.eqz (local.get $dir))
      (then (i32.const -1))
      (else
        (if (result i32) (i32.eq (local.get $dir) (i32.const 2))
          (then (i32.const 1))
          (else (i32.const 0))))))

  ;; The address in the map of the cell next to the tank toward `dir`.
  (func $next_cell (param $dir i32) (result i32)
    (i32.and
      (i32.add
        (i32.mul
          (i32.add (global.get $y) (call $dy (local.get $dir)))
          (i32.const 32))
        (i32.add (global.get $x) (call $dx (local.get $dir))))
      (i32.const 1023)))

  ;; Records a visit to the tank's cell: sets the visited bit, counts up to 127.
  (func $visit
    (local $addr i32)
    (local $cell i32)
    (local.set $addr
      (i32.and
        (i32.add (i32.mul (global.get $y) (i32.const 32)) (global.get $x))
        (i32.const 1023)))
    (local.set $cell (i32.load8_u (local.get $addr)))
    (if (i32.eqz (local.get $cell))
      (then (global.set $seen (i32.add (global.get $seen) (i32.const 1)))))
    (if (i32.lt_u (i32.and (local.get $cell) (i32.const 127)) (i32.const 127))
      (then (local.set $cell (i32.add (local.get $cell) (i32.const 1)))))
    (i32.store8 (local.get $addr) (i32.or (local.get $cell) (i32.const 128))))

  ;; Halves every visit count, keeping the visited bits: 8 cells at a time, as one i64.
  (func $forget
    (local $addr i32)
    (local $cells i64)
    (loop $next
      (local.set $cells (i64.load (local.get $addr)))
      (i64.store (local.get $addr)
        (i64.or
          (i64.and
            (i64.shr_u (local.get $cells) (i64.const 1))
            (i64.const 0x3f3f3f3f3f3f3f3f))
          (i64.and (local.get $cells) (i64.const 0x8080808080808080))))
      (local.set $addr (i32.add (local.get $addr) (i32.const 8)))
      (br_if $next (i32.lt_u (local.get $addr) (i32.const 1024)))))

  ;; How much the bot wants to go toward `dir`, given what `look` saw there: -1 for a coin,
  ;; 1000 for a wall (never), else how often it visited that cell. Lower is better.
  (func $score (param $dir i32) (param $what i32) (result i32)
    (if (result i32) (i32.eq (local.get $what) (i32.const 2))
      (then (i32.const -1))
      (else
        (if (result i32) (i32.eq (local.get $what) (i32.const 1))
          (then (i32.const 1000))
          (else
            (i32.and
              (i32.load8_u (call $next_cell (local.get $dir)))
              (i32.const 127)))))))

  ;; One turn: look around (ahead, right, left, back), move toward the best open cell.
  (func $step
    (local $i i32)
    (local $dir i32)
    (local $score i32)
    (local $best_dir i32)
    (local $best_score i32)
    (local.set $best_score (i32.const 1000))
    (loop $each
      (local.set $dir
        (i32.and
          (i32.add (global.get $heading) (i32.load8_u offset=1024 (local.get $i)))
          (i32.const 3)))
      (local.set $score
        (call $score (local.get $dir) (call $look (local.get $dir))))
      (if (i32.lt_s (local.get $score) (local.get $best_score))
        (then
          (local.set $best_score (local.get $score))
          (local.set $best_dir (local.get $dir))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $each (i32.lt_u (local.get $i) (i32.const 4))))
    ;; Walled in on all four sides: stay.
    (if (i32.ge_s (local.get $best_score) (i32.const 1000))
      (then (return)))
    (global.set $heading (local.get $best_dir))
    (if (call $move (local.get $best_dir))
      (then
        (global.set $x (i32.add (global.get $x) (call $dx (local.get $best_dir))))
        (global.set $y (i32.add (global.get $y) (call $dy (local.get $best_dir))))
        (call $visit))))

  (func (export "run")
    (local $tick i32)
    (call $visit) ;; the start cell
    (loop $forever
      (call $step)
      (local.set $tick (call $wait_tick))
      (if (i32.eqz (i32.rem_u (local.get $tick) (i32.const 25)))
        (then
          (call $forget)
          (call $report (global.get $seen))))
      (br $forever))))
