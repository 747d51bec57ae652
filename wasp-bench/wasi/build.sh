#!/bin/sh
# Rebuilds programs/primes.wasm (needs `rustup target add wasm32-wasip1`).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cargo build --release --target wasm32-wasip1 --manifest-path "$here/programs/primes/Cargo.toml" \
    --target-dir "$here/target"
cp "$here/target/wasm32-wasip1/release/primes.wasm" "$here/programs/primes.wasm"
echo "wrote wasp-bench/wasi/programs/primes.wasm"
