// simd_matmul.c: a small f32 matrix multiply, auto-vectorised to f32x4.
//
// `run(n)` multiplies two 32x32 f32 matrices n times, feeding each product
// (scaled back into [0, 1)) in as the next left operand, and returns the
// bits of the sum of the last product's entries. The values stay finite and
// are never NaN, so both engines compute the same bits. Built with -O3
// -msimd128 (see build.sh): the inner loop becomes f32x4 mul/add with splats.

typedef unsigned int u32;

#define N 32

static float a[N][N], b[N][N], c[N][N];

__attribute__((export_name("run"))) u32 run(u32 n) {
    u32 s = 7;
    for (u32 i = 0; i < N; i++) {
        for (u32 j = 0; j < N; j++) {
            s = s * 1103515245u + 12345u;
            a[i][j] = (float)(s >> 16 & 0xFF) / 256.0f;
            s = s * 1103515245u + 12345u;
            b[i][j] = (float)(s >> 16 & 0xFF) / 256.0f;
        }
    }
    for (u32 r = 0; r < n; r++) {
        for (u32 i = 0; i < N; i++) {
            for (u32 j = 0; j < N; j++) {
                c[i][j] = 0.0f;
            }
            for (u32 k = 0; k < N; k++) {
                float x = a[i][k];
                for (u32 j = 0; j < N; j++) {
                    c[i][j] += x * b[k][j];
                }
            }
        }
        for (u32 i = 0; i < N; i++) {
            for (u32 j = 0; j < N; j++) {
                a[i][j] = c[i][j] * (1.0f / 16.0f) - (float)(int)(c[i][j] * (1.0f / 16.0f));
            }
        }
    }
    float sum = 0.0f;
    for (u32 i = 0; i < N; i++) {
        for (u32 j = 0; j < N; j++) {
            sum += c[i][j];
        }
    }
    union {
        float f;
        u32 u;
    } bits = {sum};
    return bits.u;
}
