// simd_blur.c: a 3x3 weighted blur of an 8-bit greyscale image, auto-vectorised.
//
// `run(n)` fills a 128x128 image from an LCG, then applies the filter
// [1 2 1; 2 4 2; 1 2 1] / 16 n times, ping-ponging between two images
// (edges copied), and returns a checksum of the final image. The sums are
// u16 (u8 loads widened to i16x8, shifted, added, narrowed back to u8x16),
// written with clang's wasm_simd128.h intrinsics because clang's
// auto-vectoriser leaves this loop scalar. Built with -O3 -msimd128 (see
// build.sh).

typedef unsigned char u8;
typedef unsigned int u32;

#include <wasm_simd128.h>

#define W 128
#define H 128

static u8 img[2][H][W];

// Eight lanes of a row, widened to u16: row[x-1..x+7] weighted 1 2 1.
static v128_t taps(const u8 *row, u32 x) {
    v128_t l = wasm_u16x8_load8x8(row + x - 1);
    v128_t c = wasm_u16x8_load8x8(row + x);
    v128_t r = wasm_u16x8_load8x8(row + x + 1);
    return wasm_i16x8_add(wasm_i16x8_add(l, r), wasm_i16x8_shl(c, 1));
}

// One output row, sixteen pixels a step (u8x16 narrowed from two i16x8
// halves); the pass number `bias` is added so the image does not converge
// to flat. The last few pixels reuse the final full step's window.
static void blur_row(u8 *dst, const u8 *up, const u8 *mid, const u8 *down, u8 bias) {
    v128_t b = wasm_i16x8_splat(bias);
    for (u32 x = 1; x < W - 1; x += 16) {
        u32 at = x + 16 <= W - 1 ? x : W - 1 - 16;
        v128_t half[2];
        for (u32 k = 0; k < 2; k++) {
            u32 p = at + 8 * k;
            v128_t sum = wasm_i16x8_add(wasm_i16x8_add(taps(up, p), taps(down, p)),
                                        wasm_i16x8_shl(taps(mid, p), 1));
            half[k] = wasm_i16x8_add(wasm_u16x8_shr(sum, 4), b);
        }
        wasm_v128_store(dst + at, wasm_u8x16_narrow_i16x8(half[0], half[1]));
    }
}

__attribute__((export_name("run"))) u32 run(u32 n) {
    u32 s = 99;
    for (u32 y = 0; y < H; y++) {
        for (u32 x = 0; x < W; x++) {
            s = s * 1103515245u + 12345u;
            img[0][y][x] = (u8)(s >> 16);
            img[1][y][x] = img[0][y][x];
        }
    }
    u32 from = 0;
    for (u32 r = 0; r < n; r++) {
        u8 (*src)[W] = img[from];
        u8 (*dst)[W] = img[from ^ 1];
        for (u32 y = 1; y < H - 1; y++) {
            blur_row(dst[y], src[y - 1], src[y], src[y + 1], (u8)(r & 3));
        }
        from ^= 1;
    }
    u32 h = 2166136261u;
    for (u32 y = 0; y < H; y++) {
        for (u32 x = 0; x < W; x++) {
            h = (h ^ img[from][y][x]) * 16777619u;
        }
    }
    return h;
}
