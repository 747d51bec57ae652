#!/bin/sh
# Rebuilds startup.wasm (beside this script's directory, in wasp-bench/kernels) from this
# program: the module `Module::new` is timed on (needs the wasm32-wasip1 target).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target=${CARGO_TARGET_DIR:-"$here/target"}
cargo build --release --target wasm32-wasip1 --manifest-path "$here/Cargo.toml" \
    --target-dir "$target"
cp "$target/wasm32-wasip1/release/startup.wasm" "$here/../startup.wasm"
ls -l "$here/../startup.wasm"
