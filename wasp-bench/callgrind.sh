#!/bin/sh
# Counts the instructions one call of each workload executes in Wasp and in
# wasmi with valgrind's callgrind (repeatable where wall-clock time is not),
# and prints a table of the counts and their ratio Wasp / wasmi.
#   wasp-bench/callgrind.sh [--gas] [WORKLOAD...]   (default: every workload)
# Set RUN_WORKLOAD to a built `run_workload` binary to count with it instead.
# Builds the `run_workload` example first, with the `measure` profile (release
# without link-time optimisation: quicker to rebuild, a little slower to run).
set -eu
cd "$(dirname "$0")/.."
gas=
if [ "${1:-}" = "--gas" ]; then gas=--gas; shift; fi
bin=${RUN_WORKLOAD:-target/measure/examples/run_workload}
if [ -z "${RUN_WORKLOAD:-}" ]; then
    cargo build --quiet --profile measure -p wasp-bench --example run_workload
fi
workloads=${*:-$(sed -n 's/^        name: "\(.*\)",$/\1/p' wasp-bench/src/lib.rs)}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "| workload | wasp Ir | wasmi Ir | wasp/wasmi |"
echo "| --- | --- | --- | --- |"
for w in $workloads; do
    for engine in wasp wasmi; do
        valgrind --tool=callgrind --callgrind-out-file="$out/$engine.$w" \
            --collect-atstart=no --toggle-collect='*measured_call*' \
            "$bin" "$engine" "$w" $gas >/dev/null 2>"$out/$engine.$w.log"
    done
    ir() { sed -n 's/^summary: //p' "$out/$1.$w"; }
    wasp=$(ir wasp) wasmi=$(ir wasmi)
    echo "| $w | $wasp | $wasmi | $(echo "scale=2; $wasp / $wasmi" | bc) |"
done
