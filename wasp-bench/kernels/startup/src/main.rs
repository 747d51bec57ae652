//! Reads a TOML document of patterns and a text on stdin, prints the matches as JSON, and
//! the names of the items when the text is Rust source.
//!
//! The program exists for its size: regular expressions with Unicode tables, JSON, TOML and
//! Rust parsers make a module of about 1.5 MB of code, on which `Module::new` is timed.

use std::io::Read;

fn main() {
    let mut input = String::new();
    if std::io::stdin().read_to_string(&mut input).is_err() {
        std::process::exit(1);
    }
    let (config, text) = input.split_once("\n---\n").unwrap_or((input.as_str(), ""));
    let table: toml::Table = match config.parse() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("bad config: {e}");
            std::process::exit(1);
        }
    };
    let mut out = serde_json::Map::new();
    for (name, pattern) in &table {
        let Some(pattern) = pattern.as_str() else { continue };
        let found = match regex::Regex::new(pattern) {
            Ok(re) => re
                .find_iter(text)
                .map(|m| serde_json::Value::from(m.as_str()))
                .collect(),
            Err(e) => vec![serde_json::Value::from(e.to_string())],
        };
        out.insert(name.clone(), serde_json::Value::Array(found));
    }
    if let Ok(file) = syn::parse_file(text) {
        let items = file
            .items
            .iter()
            .filter_map(|item| match item {
                syn::Item::Fn(f) => Some(f.sig.ident.to_string()),
                syn::Item::Struct(s) => Some(s.ident.to_string()),
                syn::Item::Enum(e) => Some(e.ident.to_string()),
                _ => None,
            })
            .map(serde_json::Value::from)
            .collect();
        out.insert("rust items".to_string(), serde_json::Value::Array(items));
    }
    println!("{}", serde_json::Value::Object(out));
}
