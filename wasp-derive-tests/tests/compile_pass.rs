//! Every case in `tests/ui/pass/` compiles and its `main` runs without panicking.

#[test]
fn compile_pass() {
    trybuild::TestCases::new().pass("tests/ui/pass/*.rs");
}
