// hash_table.c: an open-addressing hash table with random access.
//
// `run(n)` clears a table of 65,536 slots (512 KiB of linear memory), counts
// n pseudo-random keys drawn from 32,768 values in it (linear probing, so
// the table is at most half full), then looks n other keys up and returns a
// checksum of the counts found. Build: see build.sh.

typedef unsigned int u32;

#define SLOTS (1u << 16)
#define EMPTY 0u

typedef struct {
    u32 key;
    u32 count;
} slot;

static slot table[SLOTS];

static u32 hash(u32 key) {
    key ^= key >> 16;
    key *= 0x7feb352du;
    key ^= key >> 15;
    key *= 0x846ca68bu;
    key ^= key >> 16;
    return key;
}

static slot *find(u32 key) {
    u32 i = hash(key) & (SLOTS - 1);
    while (table[i].key != key && table[i].key != EMPTY) i = (i + 1) & (SLOTS - 1);
    return &table[i];
}

__attribute__((export_name("run"))) u32 run(u32 n) {
    __builtin_memset(table, 0, sizeof table);
    u32 state = 2463534242u;
    for (u32 i = 0; i < n; i++) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        u32 key = (state & 0x7fffu) + 1;
        slot *s = find(key);
        s->key = key;
        s->count++;
    }
    u32 sum = 0;
    for (u32 i = 0; i < n; i++) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        slot *s = find((state & 0x7fffu) + 1);
        sum = sum * 31 + s->count;
    }
    return sum;
}
