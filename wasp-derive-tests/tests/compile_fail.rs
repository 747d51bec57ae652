//! Every case in `tests/ui/fail/` fails to compile with the message in its `.stderr`.

#[test]
fn compile_fail() {
    trybuild::TestCases::new().compile_fail("tests/ui/fail/*.rs");
}
