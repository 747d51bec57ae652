/* core_portme.c: CoreMark's port to a bare wasm32 module; see core_portme.h. */
#include "coremark.h"
#include "core_portme.h"

#if VALIDATION_RUN
volatile ee_s32 seed1_volatile = 0x3415;
volatile ee_s32 seed2_volatile = 0x3415;
volatile ee_s32 seed3_volatile = 0x66;
#endif
#if PERFORMANCE_RUN
volatile ee_s32 seed1_volatile = 0x0;
volatile ee_s32 seed2_volatile = 0x0;
volatile ee_s32 seed3_volatile = 0x66;
#endif
#if PROFILE_RUN
volatile ee_s32 seed1_volatile = 0x8;
volatile ee_s32 seed2_volatile = 0x8;
volatile ee_s32 seed3_volatile = 0x8;
#endif
volatile ee_s32 seed4_volatile = 1;
volatile ee_s32 seed5_volatile = 0;

__attribute__((import_module("env"), import_name("clock_ms"))) ee_u32 clock_ms(void);

static CORETIMETYPE start_time_val, stop_time_val;

void start_time(void) { start_time_val = clock_ms(); }
void stop_time(void) { stop_time_val = clock_ms(); }
CORE_TICKS get_time(void) { return stop_time_val - start_time_val; }
secs_ret time_in_secs(CORE_TICKS ticks) { return ticks / 1000; }

ee_u32 default_num_contexts = 1;

void portable_init(core_portable *p, int *argc, char *argv[]) {
    (void)argc;
    (void)argv;
    p->portable_id = 1;
}

void portable_fini(core_portable *p) { p->portable_id = 0; }

/* The checksum of every `%x` argument printed since `run` began. */
static ee_u32 printed_checksum;

int ee_printf(const char *fmt, ...) {
    __builtin_va_list args;
    __builtin_va_start(args, fmt);
    for (const char *c = fmt; *c; c++) {
        if (*c != '%') continue;
        c++;
        while (*c >= '0' && *c <= '9') c++;
        while (*c == 'l') c++;
        if (*c == 's') {
            (void)__builtin_va_arg(args, const char *);
        } else if (*c == 'x') {
            printed_checksum = printed_checksum * 31 + __builtin_va_arg(args, ee_u32);
        } else if (*c == 'd' || *c == 'u') {
            (void)__builtin_va_arg(args, ee_u32);
        } else if (*c == '\0') {
            break;
        }
    }
    __builtin_va_end(args);
    return 0;
}

int main(void);

/* Runs CoreMark for `iterations` iterations and returns the checksum of
 * the CRCs it reports (the same for every engine that runs it right). */
__attribute__((export_name("run"))) ee_u32 run(ee_u32 iterations) {
    printed_checksum = 0;
    seed4_volatile = iterations == 0 ? 1 : iterations;
    main();
    return printed_checksum;
}
