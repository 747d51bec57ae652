#!/bin/sh
# Rebuilds every kernel's .wasm beside its source:
#   NAME.wat -> NAME.wasm   with wat2wasm (wabt)
#   NAME.c   -> NAME.wasm   with clang for wasm32, no libc, export `run`;
#     simd_*.c with -O3 -msimd128 (128-bit SIMD, auto-vectorised)
#   coremark/ -> coremark/coremark.wasm: CoreMark's own sources (cloned from
#     github.com/eembc/coremark at the commit below) with the wasm32 port
#     kept here (core_portme.h, core_portme.c)
#   json/   -> json.wasm     a Rust program (serde_json), cargo build --release
#     for wasm32-unknown-unknown (versions pinned by json/Cargo.lock)
# Needs clang with the WebAssembly target, wasm-ld, wat2wasm and the Rust
# target wasm32-unknown-unknown (rustup target add wasm32-unknown-unknown).
set -eu
cd "$(dirname "$0")"

CFLAGS="--target=wasm32 -O2 -nostdlib -mbulk-memory -Wl,--no-entry -Wl,--strip-all"
SIMD_CFLAGS="--target=wasm32 -O3 -msimd128 -nostdlib -mbulk-memory -Wl,--no-entry -Wl,--strip-all"
COREMARK_COMMIT=d5fad6bd094899101a4e5fd53af7298160ced6ab

for wat in *.wat; do
    wat2wasm --enable-tail-call "$wat" -o "${wat%.wat}.wasm"
done
for c in *.c; do
    case $c in
        simd_*) flags=$SIMD_CFLAGS ;;
        *) flags=$CFLAGS ;;
    esac
    # shellcheck disable=SC2086
    clang $flags -o "${c%.c}.wasm" "$c"
done

cargo build --quiet --release --locked --target wasm32-unknown-unknown \
    --manifest-path json/Cargo.toml
cp json/target/wasm32-unknown-unknown/release/json_kernel.wasm json.wasm

src=${COREMARK_SRC:-}
if [ -z "$src" ]; then
    src=$(mktemp -d)
    trap 'rm -rf "$src"' EXIT
    git clone --quiet https://github.com/eembc/coremark "$src"
    git -C "$src" checkout --quiet "$COREMARK_COMMIT"
fi
# shellcheck disable=SC2086
clang $CFLAGS -Icoremark -I"$src" -DITERATIONS=0 -DFLAGS_STR='"-O2"' \
    -o coremark/coremark.wasm coremark/core_portme.c \
    "$src/core_list_join.c" "$src/core_main.c" "$src/core_matrix.c" \
    "$src/core_state.c" "$src/core_util.c"
