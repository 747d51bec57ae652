#!/bin/sh
# Rebuilds examples/wasm/wasi_bot.wasm from this program (needs the wasm32-wasip1 target:
# `rustup target add wasm32-wasip1`).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cargo build --release --target wasm32-wasip1 --manifest-path "$here/Cargo.toml" \
    --target-dir "$here/target"
cp "$here/target/wasm32-wasip1/release/wasi-bot.wasm" "$here/../wasm/wasi_bot.wasm"
echo "wrote examples/wasm/wasi_bot.wasm"
