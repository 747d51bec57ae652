//! Example programs embedding Wasp. The bundled Wasm modules live in `examples/wasm/`.
