//! The tank bot: a run split by a save and a load, in one process or in two, prints the same
//! lines and uses the same gas as a run that was never interrupted; forks run independently.

use std::path::{Path, PathBuf};
use std::process::Command;

use wasp_examples::tank::{run, Bot, Cell, Options, TankError, TickReport, World};

/// How many ticks the runs below last: past two of the bot's expensive map passes (ticks 25
/// and 50), which overrun the default budget.
const TICKS: u32 = 60;

/// A file in the temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str) -> TempFile {
        let file = format!("wasp-tank-{}-{name}.snap", std::process::id());
        TempFile(std::env::temp_dir().join(file))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Runs the example's logic in this process and returns its output lines and the bot.
fn run_lines(options: &Options) -> (Vec<String>, Bot) {
    let mut out = Vec::new();
    let bot = run(options, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    (text.lines().map(str::to_string).collect(), bot)
}

/// The lines that do not depend on how the run was split (no `saved:` or `loaded:`).
fn game_lines(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .filter(|l| !l.starts_with("saved:") && !l.starts_with("loaded:"))
        .cloned()
        .collect()
}

/// The gas column of the tick lines.
fn tick_gas(lines: &[String]) -> Vec<u64> {
    lines
        .iter()
        .filter(|l| l.starts_with("tick"))
        .map(|l| {
            let (_, rest) = l.split_once("gas ").unwrap();
            rest.split_whitespace().next().unwrap().parse().unwrap()
        })
        .collect()
}

fn options(ticks: u32) -> Options {
    Options {
        ticks,
        ..Options::default()
    }
}

#[test]
fn an_uninterrupted_run_overruns_its_budget_and_sums_its_gas() {
    let (lines, bot) = run_lines(&options(TICKS));
    assert_eq!(lines.len(), TICKS as usize + 1);
    assert!(lines[0].starts_with("tick   1  at ( 4, 6) facing N  gas "));
    let overruns = lines.iter().filter(|l| l.contains("overran")).count();
    assert!(
        overruns >= 4,
        "expected overruns at ticks 25 and 50:\n{lines:#?}"
    );
    assert!(lines.iter().any(|l| l.contains("picked up a coin")));
    let gas = tick_gas(&lines);
    assert!(gas.iter().all(|&g| g > 0 && g <= bot.world().budget));
    assert_eq!(gas.iter().sum::<u64>(), bot.world().total_gas);
    let summary = lines.last().unwrap();
    assert!(summary.starts_with(&format!("after {TICKS} ticks: tank at ")));
    assert!(summary.ends_with(&format!("total gas {}", bot.world().total_gas)));
}

/// The figures README.md shows for `--ticks 20`, with and without a save after tick 8.
const README_LINES: [&str; 4] = [
    "tick   8  at ( 5, 8) facing W  gas  535  moved west",
    "tick   9  at ( 4, 8) facing W  gas  535  moved west",
    "tick  20  at ( 1, 6) facing N  gas  527  moved north",
    "after 20 ticks: tank at (1,6) facing N, 1 coin picked up (4 left), total gas 10915",
];

#[test]
fn the_figures_in_the_readme_are_what_the_bot_does() {
    let (lines, _) = run_lines(&options(20));
    let shown = [&lines[7], &lines[8], &lines[19], &lines[20]];
    assert_eq!(shown, README_LINES);
    let file = TempFile::new("readme");
    let (before, after, _) = split_run_of(20, 8, &file.0);
    assert_eq!(
        before.last().unwrap(),
        &format!("saved: the bot after tick 8 to {}", file.0.display())
    );
    assert_eq!(
        after[0],
        format!("loaded: {} (after tick 8)", file.0.display())
    );
    assert_eq!(before[7], README_LINES[0]);
    assert_eq!([&after[1], &after[12], &after[13]], README_LINES[1..]);
}

/// The bot's expensive tick (it halves its map every 25 ticks) overruns the default budget of
/// 1,000 for three ticks and ends in the fourth, as README.md describes.
#[test]
fn the_map_pass_overruns_three_ticks() {
    let (lines, _) = run_lines(&options(28));
    assert_eq!(
        lines[24..28],
        [
            "tick  25  at ( 1, 2) facing N  gas  995  overran its budget",
            "tick  26  at ( 1, 2) facing N  gas  984  overran its budget",
            "tick  27  at ( 1, 2) facing N  gas  984  overran its budget",
            "tick  28  at ( 2, 2) facing E  gas  628  reports 23 cells explored, moved east, picked up a coin",
        ]
    );
}

/// Saves after tick `k` into a file, then continues from that file with a fresh engine,
/// module and store; returns the output lines of both halves and the final bot.
fn split_run(k: u32, file: &Path) -> (Vec<String>, Vec<String>, Bot) {
    split_run_of(TICKS, k, file)
}

/// [`split_run`] for a run of `ticks` ticks.
fn split_run_of(ticks: u32, k: u32, file: &Path) -> (Vec<String>, Vec<String>, Bot) {
    let first = Options {
        save: Some(file.to_path_buf()),
        after: Some(k),
        ..options(ticks)
    };
    let (before, _) = run_lines(&first);
    let second = Options {
        load: Some(file.to_path_buf()),
        ..options(ticks)
    };
    let (after, bot) = run_lines(&second);
    (before, after, bot)
}

#[test]
fn saving_and_loading_changes_neither_the_output_nor_the_gas() {
    let (full, full_bot) = run_lines(&options(TICKS));
    // Before the first tick, after ordinary ticks, and in the middle of an overrun (the bot
    // is then paused for gas, not at its yield).
    for k in [0, 1, 8, 24, 25, 26, 27, 59, TICKS] {
        let file = TempFile::new(&format!("split-{k}"));
        let (before, after, bot) = split_run(k, &file.0);
        assert_eq!(
            before.last().unwrap(),
            &format!("saved: the bot after tick {k} to {}", file.0.display())
        );
        assert!(after[0].starts_with("loaded: "), "{after:?}");
        let mut joined = game_lines(&before);
        joined.extend(game_lines(&after));
        assert_eq!(joined, full, "split after tick {k}");
        assert_eq!(bot.world(), full_bot.world(), "split after tick {k}");
        assert_eq!(bot.world().total_gas, full_bot.world().total_gas);
        assert_eq!(bot.cells_seen(), full_bot.cells_seen());
    }
}

#[test]
fn a_bot_saved_and_loaded_twice_still_matches() {
    let (full, _) = run_lines(&options(TICKS));
    let file = TempFile::new("twice");
    let mut joined = Vec::new();
    for (load, after) in [(false, 10), (true, 30), (true, TICKS)] {
        let step = Options {
            load: load.then(|| file.0.clone()),
            save: (after < TICKS).then(|| file.0.clone()),
            after: (after < TICKS).then_some(after),
            ..options(TICKS)
        };
        joined.extend(game_lines(&run_lines(&step).0));
    }
    assert_eq!(joined, full);
}

/// The environment variable that makes [`child_process`] run the bot: the arguments of the
/// run, separated by newlines. Unset (every ordinary test run), that test does nothing.
const CHILD_ARGS: &str = "WASP_TANK_CHILD_ARGS";

/// The environment variable naming the file [`child_process`] writes the run's output to.
const CHILD_OUT: &str = "WASP_TANK_CHILD_OUT";

/// The child half of [`two_processes_with_a_save_file_between_them_match_one`]: in a process
/// of its own, this test binary runs the bot with the arguments given, as the example's
/// `main` does (`Options::parse`, then `run`), and writes its output to a file.
#[test]
fn child_process() {
    let (Some(args), Some(out)) = (std::env::var_os(CHILD_ARGS), std::env::var_os(CHILD_OUT))
    else {
        return;
    };
    let args = args.to_str().expect("UTF-8 arguments");
    let args: Vec<String> = args.lines().map(str::to_string).collect();
    let options = Options::parse(args).expect("valid arguments");
    let mut file = std::fs::File::create(out).expect("the output file can be written");
    run(&options, &mut file).expect("the run succeeds");
}

/// Runs the bot in a new process (this test binary, running only [`child_process`]) and
/// returns its output lines; fails if the process fails.
fn run_process(args: &[&str]) -> Vec<String> {
    let out = TempFile::new(&format!("child-{}", args.join("-").replace('/', "_")));
    let output = Command::new(std::env::current_exe().expect("the test binary's path"))
        .args(["--exact", "child_process", "--test-threads=1"])
        .env(CHILD_ARGS, args.join("\n"))
        .env(CHILD_OUT, &out.0)
        .output()
        .expect("the test binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{args:?} failed: {stdout}{stderr}");
    let text = std::fs::read_to_string(&out.0).expect("the child wrote its output");
    text.lines().map(str::to_string).collect()
}

#[test]
fn two_processes_with_a_save_file_between_them_match_one() {
    let file = TempFile::new("processes");
    let path = file.0.to_str().unwrap();
    let ticks = TICKS.to_string();
    let full = run_process(&["--ticks", &ticks]);
    let before = run_process(&["--ticks", &ticks, "--save", path, "--after", "26"]);
    let after = run_process(&["--load", path, "--ticks", &ticks]);
    let mut joined = game_lines(&before);
    joined.extend(game_lines(&after));
    assert_eq!(joined, full);
    // Each process ran this library: the same lines as in this process.
    assert_eq!(full, run_lines(&options(TICKS)).0);
}

#[test]
fn forks_run_on_independently() {
    let mut bot = Bot::new(World::new(1000)).unwrap();
    let mut reference = Bot::new(World::new(1000)).unwrap();
    for _ in 0..10 {
        assert_eq!(bot.tick().unwrap(), reference.tick().unwrap());
    }
    // The fork's world gets a wall right in front of the tank.
    let mut fork = bot.fork();
    let world = fork.world_mut();
    let (dx, dy) = world.heading.offset();
    let (x, y) = (world.x + dx, world.y + dy);
    world.grid.set(x, y, Cell::Wall);

    let ticks =
        |bot: &mut Bot| -> Vec<TickReport> { (0..30).map(|_| bot.tick().unwrap()).collect() };
    let (original, forked) = (ticks(&mut bot), ticks(&mut fork));
    // The original is undisturbed by its fork: it goes on exactly as an unforked bot.
    assert_eq!(original, ticks(&mut reference));
    assert_eq!(bot.world(), reference.world());
    // The fork goes its own way, on the host side and in its Wasm memory.
    assert_ne!(original[0].action, forked[0].action);
    assert_ne!(
        (bot.world().x, bot.world().y),
        (fork.world().x, fork.world().y)
    );
    assert_eq!(fork.world().grid.get(x, y), Cell::Wall);
    assert_ne!(bot.cells_seen(), fork.cells_seen());
}

#[test]
fn a_budget_too_small_for_any_step_is_an_error() {
    let mut bot = Bot::new(World::new(10)).unwrap();
    let error = bot.tick().unwrap_err();
    assert!(matches!(error, TankError::Usage(_)));
    assert!(
        error
            .to_string()
            .starts_with("a budget of 10 gas per tick cannot pay"),
        "{error}"
    );
    // The bot stays paused: with a bigger budget it goes on.
    bot.world_mut().budget = 1000;
    assert!(bot.tick().unwrap().action.starts_with("moved"));
}

#[test]
fn a_damaged_or_foreign_save_file_is_refused() {
    let mut bot = Bot::new(World::new(1000)).unwrap();
    bot.tick().unwrap();
    let bytes = bot.save();
    assert!(matches!(
        Bot::load(&bytes[..bytes.len() - 3]),
        Err(TankError::Format(_))
    ));
    // A Wasp snapshot that holds no paused call, labelled as a paused bot.
    let fresh = Bot::new(World::new(1000)).unwrap().save();
    let mut relabelled = fresh.clone();
    relabelled[12] = 1; // the bot's phase: paused
    let error = Bot::load(&relabelled).err().unwrap();
    assert_eq!(
        error.to_string(),
        "bad save file: the file says the bot is Paused, but its Wasm snapshot holds no paused call"
    );
    let error = run(
        &Options {
            load: Some(PathBuf::from("/nonexistent/tank.snap")),
            ..options(5)
        },
        &mut Vec::new(),
    )
    .err()
    .unwrap();
    assert!(matches!(error, TankError::File { .. }));
}

#[test]
fn the_command_line_is_checked() {
    let parse = |args: &[&str]| Options::parse(args.iter().map(|a| a.to_string()));
    let parsed = parse(&["--ticks", "20", "--save", "x.snap", "--after", "8"]).unwrap();
    assert_eq!(parsed.ticks, 20);
    assert_eq!(parsed.after, Some(8));
    assert!(parse(&["--after", "3"]).is_err());
    assert!(parse(&["--ticks", "5", "--save", "x", "--after", "6"]).is_err());
    assert!(parse(&["--ticks", "many"]).is_err());
    assert!(parse(&["--ticks"]).is_err());
    assert!(parse(&["--fly", "1"]).is_err());
}
