// simd_checksum.c: a byte-wise checksum over a buffer, auto-vectorised.
//
// `run(n)` fills a 16 KiB buffer from an LCG, then makes n passes over it;
// each pass XORs every byte with the pass number and adds the bytes and the
// bytes weighted by (index & 15) + 1 into two 32-bit sums (u8 -> u16 -> u32
// widening, i32x4 multiplies and adds). It returns the sums mixed together.
// Built with -O3 -msimd128 (see build.sh): the inner loop becomes v128 code.

typedef unsigned char u8;
typedef unsigned int u32;

#define LEN 16384

static u8 buf[LEN];

__attribute__((export_name("run"))) u32 run(u32 n) {
    u32 s = 12345;
    for (u32 i = 0; i < LEN; i++) {
        s = s * 1103515245u + 12345u;
        buf[i] = (u8)(s >> 16);
    }
    u32 a = 1, b = 0;
    for (u32 pass = 0; pass < n; pass++) {
        u8 key = (u8)pass;
        u32 sa = 0, sb = 0;
        for (u32 i = 0; i < LEN; i++) {
            u32 v = (u8)(buf[i] ^ key);
            sa += v;
            sb += v * ((i & 15) + 1);
        }
        a = a * 31 + sa;
        b = (b ^ sb) * 16777619u;
    }
    return a ^ (b << 7) ^ (b >> 25);
}
