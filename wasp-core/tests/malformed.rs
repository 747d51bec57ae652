//! Bad input never panics: random bytes, truncated and corrupted modules all give `Err`.

mod common;

use common::Rng;
use wasp_core::{Engine, Error, Module};

const VALID: &str = r#"(module
  (type $t (func (param i32) (result i32)))
  (import "env" "f" (func $f (type $t)))
  (memory 1) (table 2 funcref) (global (mut i32) (i32.const 3))
  (func (export "g") (type $t)
    (block (result i32) (call $f (local.get 0)) (br_if 0 (i32.const 1))))
  (elem (i32.const 0) $f)
  (data (i32.const 8) "hello"))"#;

fn valid_binary() -> Vec<u8> {
    wat::parse_str(VALID).expect("the fixture is valid text")
}

/// The 8 bytes every binary module starts with: magic and version 1. On their own they are
/// the empty module, which is valid.
const HEADER: &[u8; 8] = b"\0asm\x01\0\0\0";

#[test]
fn random_bytes_are_rejected() {
    let engine = Engine::default();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut empty_modules = 0;
    for i in 0..2000 {
        let len = (rng.next() % 200) as usize;
        let mut bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        if rng.next().is_multiple_of(2) {
            // Give half of them a valid header so the section parsers get exercised.
            bytes.splice(0..0, *HEADER);
        }
        match Module::new(&engine, &bytes) {
            // Only a header with nothing after it is a valid module here.
            Ok(_) if bytes == HEADER => empty_modules += 1,
            Ok(_) => panic!("input {i} was accepted: {bytes:02x?}"),
            Err(Error::Module(e)) => assert!(!e.to_string().is_empty(), "input {i}"),
            Err(other) => panic!("input {i}: unexpected error kind {other}"),
        }
    }
    // Six of the inputs are a header alone (a length of 0 drawn, then the header added).
    assert_eq!(empty_modules, 6);
}

#[test]
fn truncations_of_a_valid_module_are_errors_unless_cut_between_sections() {
    let engine = Engine::default();
    let full = valid_binary();
    assert!(Module::new(&engine, &full).is_ok());
    let mut accepted = Vec::new();
    for len in 0..full.len() {
        match Module::new(&engine, &full[..len]) {
            Ok(_) => accepted.push(len),
            Err(Error::Module(_)) => {}
            Err(other) => panic!("truncated to {len} bytes: unexpected error kind {other}"),
        }
    }
    // Only cuts at a section boundary leave a (shorter) valid module: at most one per
    // section of the fixture, which has ten.
    assert!(accepted.len() <= 10, "accepted truncations: {accepted:?}");
    assert!(
        !accepted.contains(&4),
        "a cut inside the header must be rejected"
    );
}

#[test]
fn corrupted_modules_never_panic() {
    let engine = Engine::default();
    let full = valid_binary();
    let mut rng = Rng(42);
    for _ in 0..5000 {
        let mut bytes = full.clone();
        for _ in 0..1 + rng.next() % 4 {
            let at = (rng.next() as usize) % bytes.len();
            bytes[at] = rng.next() as u8;
        }
        // Some corruptions leave a valid module (a changed constant, say); the others are
        // module errors, never another kind of error.
        match Module::new(&engine, &bytes) {
            Ok(_) | Err(Error::Module(_)) => {}
            Err(other) => panic!("unexpected error kind {other}"),
        }
    }
}

#[test]
fn invalid_text_is_an_error_with_a_message() {
    let engine = Engine::default();
    let err = Module::new(&engine, "(module (func (result i32) i64.const 1))").unwrap_err();
    assert!(matches!(err, Error::Module(_)));
    assert!(err.to_string().contains("type mismatch"), "{err}");
}
