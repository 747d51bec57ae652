//! wasp-core's instruction table refuses mistakes at compile time: every case in
//! `tests/isa/pass/` compiles and runs, every case in `tests/isa/fail/` fails to compile with
//! the message in its `.stderr`.

#[test]
fn instruction_table() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/isa/pass/*.rs");
    cases.compile_fail("tests/isa/fail/*.rs");
}
