#[path = "differential/mod.rs"]
mod differential;
use differential::generate::{generate, seed_bytes};
use differential::values::argument;
use differential::wasp_side::Export;
#[test]
fn scratch() {
    for seed in 0..40u64 {
        let Some(bytes) = generate(&seed_bytes(seed)) else {
            continue;
        };
        let mut unreach = 0;
        let mut ops = 0;
        for p in wasmparser::Parser::new(0).parse_all(&bytes) {
            if let Ok(wasmparser::Payload::CodeSectionEntry(b)) = p {
                let mut r = b.get_operators_reader().unwrap();
                while !r.eof() {
                    if matches!(r.read().unwrap(), wasmparser::Operator::Unreachable) {
                        unreach += 1;
                    }
                    ops += 1;
                }
            }
        }
        let wasp = differential::wasp_side::WaspModule::compile(&bytes, false).unwrap();
        let mut outs = vec![];
        for e in wasp.exports() {
            if let Export::Func(name, kinds) = e {
                let Ok(mut a) = wasp.instantiate() else {
                    outs.push("inst-fail".to_string());
                    break;
                };
                let args: Vec<_> = kinds.iter().map(|k| argument(*k, 0)).collect();
                outs.push(
                    differential::values::show(&a.call(&name, &args))
                        .chars()
                        .take(30)
                        .collect(),
                );
            }
        }
        eprintln!("seed {seed}: ops {ops} unreachable {unreach}: {outs:?}");
    }
}
