//! Full games of tic-tac-toe: the rules run in Wasm, the players are host functions.

use std::io::Cursor;

use wasp_examples::tic_tac_toe::{play, Ending, Game, Greedy, Human, Mark, Perfect, Scripted};

fn board(cells: &str) -> [Option<Mark>; 9] {
    let mut out = [None; 9];
    for (o, c) in out.iter_mut().zip(cells.chars()) {
        *o = match c {
            'X' => Some(Mark::X),
            'O' => Some(Mark::O),
            _ => None,
        };
    }
    out
}

#[test]
fn perfect_players_draw() {
    let (outcome, game) = play(Game::new(Box::new(Perfect), Box::new(Perfect))).unwrap();
    assert_eq!(outcome.winner, None);
    assert_eq!(outcome.ending, Ending::FullBoard);
    assert!(outcome.board.0.iter().all(Option::is_some));
    assert_eq!(game.moves_asked, 9);
    // The opening board, then one board per move.
    assert_eq!(game.transcript.matches("---+---+---").count(), 2 * 10);
    assert_eq!(outcome.to_string(), "A draw.");
}

#[test]
fn the_perfect_bot_never_loses_to_the_greedy_one() {
    for seed in 0..12 {
        let (outcome, _) = play(Game::new(Box::new(Greedy::new(seed)), Box::new(Perfect))).unwrap();
        assert_ne!(outcome.winner, Some(Mark::X), "seed {seed}: {outcome:?}");
        assert_eq!(outcome.board.winner(), outcome.winner, "seed {seed}");

        let (outcome, _) = play(Game::new(Box::new(Perfect), Box::new(Greedy::new(seed)))).unwrap();
        assert_ne!(outcome.winner, Some(Mark::O), "seed {seed}: {outcome:?}");
    }
}

#[test]
fn three_in_a_row_wins() {
    let x = Scripted::new([0, 1, 2]);
    let o = Scripted::new([3, 4]);
    let (outcome, game) = play(Game::new(Box::new(x), Box::new(o))).unwrap();
    assert_eq!(outcome.winner, Some(Mark::X));
    assert_eq!(outcome.ending, Ending::Line);
    assert_eq!(outcome.board.0, board("XXXOO...."));
    assert_eq!(game.moves_asked, 5);
    assert_eq!(outcome.to_string(), "X wins with three in a row.");
}

#[test]
fn illegal_moves_are_refused_by_the_wasm_side() {
    // X takes the centre; O tries the centre and a square off the board before playing 0,
    // and later another square off the board: the count of refusals starts again after a
    // legal move.
    let x = Scripted::new([4, 8, 2, 6]);
    let o = Scripted::new([4, 9, 0, -1, 1, 5]);
    let (outcome, game) = play(Game::new(Box::new(x), Box::new(o))).unwrap();
    assert_eq!(outcome.board.0, board("OOX.XOX.X"));
    assert_eq!(outcome.winner, Some(Mark::X));
    assert_eq!(outcome.ending, Ending::Line);
    let refusals: Vec<&str> = game
        .transcript
        .lines()
        .filter(|l| l.starts_with("The game refused"))
        .collect();
    assert_eq!(
        refusals,
        [
            "The game refused the move of the script (refusal 1 of 3; the third forfeits).",
            "The game refused the move of the script (refusal 2 of 3; the third forfeits).",
            "The game refused the move of the script (refusal 1 of 3; the third forfeits).",
        ]
    );
}

#[test]
fn three_refusals_in_a_row_forfeit() {
    let x = Scripted::new([4, 4, 4, 4]);
    let o = Scripted::new([0]);
    let (outcome, game) = play(Game::new(Box::new(x), Box::new(o))).unwrap();
    assert_eq!(outcome.winner, Some(Mark::O));
    assert_eq!(outcome.ending, Ending::Forfeit);
    assert_eq!(outcome.board.0, board("O...X...."));
    assert_eq!(game.moves_asked, 5);
    assert_eq!(outcome.to_string(), "O wins: X forfeits.");
}

#[test]
fn a_person_plays_through_typed_squares() {
    // Squares are typed 1 to 9. "hello" is asked again by the host; square 1 is taken by then,
    // so the Wasm side refuses it and the person is asked again.
    let human = Human::new(Cursor::new("5\nhello\n1\n3\n7\n"));
    let o = Scripted::new([0, 8]);
    let (outcome, game) = play(Game::new(Box::new(human), Box::new(o))).unwrap();
    assert_eq!(outcome.winner, Some(Mark::X));
    assert_eq!(outcome.ending, Ending::Line);
    assert_eq!(outcome.board.0, board("O.X.X.X.O"));
    assert!(game
        .transcript
        .contains("The game refused the move of you (refusal 1 of 3; the third forfeits)."));
}

#[test]
fn a_player_who_leaves_stops_the_game_with_a_trap() {
    let human = Human::new(Cursor::new("q\n"));
    let Err(err) = play(Game::new(Box::new(human), Box::new(Perfect))) else {
        panic!("the game went on without the player");
    };
    assert!(err.as_trap().is_some());
    assert_eq!(
        err.to_string(),
        "host function failed: the human player left the game"
    );
}
