//! json.wasm: what a Rust program does with JSON, compiled by rustc for wasm32.
//!
//! `run(n)` builds `n` documents (records of a game's players: names, scores,
//! f64 positions, nested lists and flags, each round's values derived from the
//! round), prints each with `serde_json::to_string`, parses the text back into
//! a `serde_json::Value` and folds the parsed document and the text's length
//! into a checksum, which it returns. It exercises what rustc emits for such
//! code: heap allocation (the standard library's allocator), string building,
//! integer and float formatting and parsing, UTF-8 checks, maps, `memcpy` and
//! `memset`, and the indirect calls of formatting traits.

use serde_json::{json, Map, Value};

/// Players per document.
const PLAYERS: u32 = 24;

/// The document of round `round`.
fn document(round: u32) -> Value {
    let players: Vec<Value> = (0..PLAYERS)
        .map(|i| {
            let k = round.wrapping_mul(PLAYERS).wrapping_add(i);
            json!({
                "name": format!("player-{k:05}-\u{e9}t\u{e9}"),
                "score": k.wrapping_mul(2_654_435_761) >> 7,
                "position": [f64::from(k) * 0.37, -f64::from(i) / 3.0, 1.0e-3 * f64::from(round)],
                "alive": k % 3 != 0,
                "inventory": (0..(k % 5)).map(|j| format!("item\t{j}\n")).collect::<Vec<_>>(),
                "team": if k % 2 == 0 { Value::Null } else { json!({"id": k % 7, "tag": "blue"}) },
            })
        })
        .collect();
    json!({ "round": round, "map": "arena \"north\"", "players": players })
}

/// A checksum of a parsed document: every number, string, key and flag in it.
fn digest(value: &Value) -> u32 {
    let mix = |h: u32, x: u32| (h ^ x).wrapping_mul(16_777_619);
    match value {
        Value::Null => 1,
        Value::Bool(b) => 2 + u32::from(*b),
        Value::Number(n) => match n.as_u64() {
            Some(u) => mix(u as u32, (u >> 32) as u32),
            None => {
                let bits = n.as_f64().map_or(0, f64::to_bits);
                mix(bits as u32, (bits >> 32) as u32)
            }
        },
        Value::String(s) => s.bytes().fold(0x811c_9dc5, |h, b| mix(h, u32::from(b))),
        Value::Array(items) => items.iter().fold(3, |h, v| mix(h, digest(v))),
        Value::Object(map) => digest_map(map),
    }
}

/// [`digest`] of an object: its keys (in order) and values.
fn digest_map(map: &Map<String, Value>) -> u32 {
    map.iter().fold(5, |h, (k, v)| {
        let key = digest(&Value::String(k.clone()));
        (h ^ key ^ digest(v).rotate_left(5)).wrapping_mul(16_777_619)
    })
}

/// Builds, prints, parses and digests `n` documents (at least one).
#[no_mangle]
pub extern "C" fn run(n: i32) -> i32 {
    let mut check: u32 = 0;
    for round in 0..n.max(1) as u32 {
        let text = serde_json::to_string(&document(round)).unwrap_or_default();
        let parsed: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        check = check
            .wrapping_mul(31)
            .wrapping_add(digest(&parsed))
            .wrapping_add(text.len() as u32);
    }
    check as i32
}
