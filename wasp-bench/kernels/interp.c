// interp.c: a bytecode interpreter, the shape of a guest that runs scripts.
//
// `run(n)` interprets a small register-machine program whose loop runs n
// times and returns its accumulator. The dispatch is a `switch` in a loop,
// which clang compiles to a `br_table`; every instruction reads its operands
// from a register file in linear memory at computed addresses (shl + add +
// load). Build: see build.sh.

typedef unsigned int u32;

enum {
    OP_LI, OP_ADD, OP_SUB, OP_MUL, OP_XOR, OP_AND, OP_SHR, OP_SHL,
    OP_LOAD, OP_STORE, OP_ADDI, OP_JNZ, OP_MOV, OP_OR, OP_HALT,
};

typedef struct {
    unsigned char op, a, b, c;
    int imm;
} insn;

static u32 regs[16];
static u32 heap[256];

// r0: the loop counter (n), r1: the accumulator.
static const insn program[] = {
    {OP_LI, 1, 0, 0, 0x1234567},   // 0: acc = seed
    {OP_LI, 5, 0, 0, 31},          // 1: r5 = 31
    {OP_MUL, 2, 1, 5, 0},          // 2: loop: r2 = acc * 31
    {OP_XOR, 1, 2, 0, 0},          // 3: acc = r2 ^ n
    {OP_LI, 6, 0, 0, 255},         // 4: r6 = 255
    {OP_AND, 3, 0, 6, 0},          // 5: r3 = n & 255
    {OP_STORE, 3, 1, 0, 0},        // 6: heap[r3] = acc
    {OP_SHL, 4, 0, 7, 0},          // 7: r4 = n << r7 (r7 = 3)
    {OP_AND, 4, 4, 6, 0},          // 8: r4 &= 255
    {OP_LOAD, 4, 4, 0, 0},         // 9: r4 = heap[r4]
    {OP_ADD, 1, 1, 4, 0},          // 10: acc += r4
    {OP_SHR, 8, 1, 7, 0},          // 11: r8 = acc >> 3
    {OP_OR, 9, 8, 0, 0},           // 12: r9 = r8 | n
    {OP_SUB, 1, 1, 9, 0},          // 13: acc -= r9
    {OP_MOV, 10, 1, 0, 0},         // 14: r10 = acc
    {OP_ADDI, 0, 0, 0, -1},        // 15: n -= 1
    {OP_JNZ, 0, 0, 0, 2},          // 16: if n goto loop
    {OP_ADD, 1, 1, 10, 0},         // 17: acc += r10
    {OP_HALT, 0, 0, 0, 0},         // 18
};

__attribute__((export_name("run"))) u32 run(u32 n) {
    regs[0] = n;
    regs[7] = 3;
    if (n == 0) return 0;
    const insn *pc = program;
    for (;;) {
        const insn *i = pc++;
        switch (i->op) {
        case OP_LI: regs[i->a] = (u32)i->imm; break;
        case OP_ADD: regs[i->a] = regs[i->b] + regs[i->c]; break;
        case OP_SUB: regs[i->a] = regs[i->b] - regs[i->c]; break;
        case OP_MUL: regs[i->a] = regs[i->b] * regs[i->c]; break;
        case OP_XOR: regs[i->a] = regs[i->b] ^ regs[i->c]; break;
        case OP_AND: regs[i->a] = regs[i->b] & regs[i->c]; break;
        case OP_OR: regs[i->a] = regs[i->b] | regs[i->c]; break;
        case OP_SHR: regs[i->a] = regs[i->b] >> (regs[i->c] & 31); break;
        case OP_SHL: regs[i->a] = regs[i->b] << (regs[i->c] & 31); break;
        case OP_LOAD: regs[i->a] = heap[regs[i->b] & 255]; break;
        case OP_STORE: heap[regs[i->a] & 255] = regs[i->b]; break;
        case OP_ADDI: regs[i->a] = regs[i->b] + (u32)i->imm; break;
        case OP_MOV: regs[i->a] = regs[i->b]; break;
        case OP_JNZ: if (regs[i->a]) pc = program + i->imm; break;
        case OP_HALT: return regs[1];
        default: return 0;
        }
    }
}
