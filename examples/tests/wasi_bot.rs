//! The WASI bot pauses at every read and answers every board with a free cell.

#[test]
fn the_bot_pauses_at_each_read_and_never_loses() {
    let game = wasp_examples::wasi_bot::play().expect("a whole game");
    assert_eq!(game.winner, Some('o'), "first-free-cell X loses to the bot");
    assert_eq!(
        game.pauses,
        game.bot_moves + 1,
        "one pause per board, and one at the start"
    );
    assert_eq!(game.bot_exit_code, game.bot_moves as i32);
    assert_eq!(
        game.transcript[0],
        ("x........".to_string(), "4".to_string())
    );
}
