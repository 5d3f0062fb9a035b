#!/bin/sh
# Builds the libFuzzer targets (clang-14, ASan + UBSan) and runs one or all of them.
#
#   fuzz/run.sh TARGET|all [SECONDS]     e.g. fuzz/run.sh fuzz_http_request 60   (default: all, 60)
#   FUZZ_BUILD_DIR=build-fuzz            where to build (default: build-fuzz in the source tree)
#
# Each run starts from fuzz/corpus/TARGET (the kept seeds and crashers) and grows a working
# corpus in FUZZ_BUILD_DIR/corpus/TARGET, which is not committed. A crash, leak or broken
# invariant is copied to fuzz/corpus/TARGET/crashers/: keep it (git add) once it is fixed, so
# tests/tst_fuzz_corpus replays it in every normal test run.
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
target=${1:-all}
seconds=${2:-60}
build=${FUZZ_BUILD_DIR:-$src/build-fuzz}
all="fuzz_profile fuzz_receiverconfig fuzz_http_request fuzz_signature_headers fuzz_jws fuzz_jwe"

if [ "$target" = all ]; then
    targets=$all
else
    case " $all " in
        *" $target "*) targets=$target ;;
        *) echo "run.sh: unknown target $target; one of: $all, all" >&2; exit 2 ;;
    esac
fi
command -v clang++-14 >/dev/null || { echo "run.sh: clang++-14 is needed (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 2; }

if [ ! -f "$build/CMakeCache.txt" ]; then
    CC=clang-14 CXX=clang++-14 cmake -S "$src" -B "$build" -G Ninja -DHOOKBENCH_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
# shellcheck disable=SC2086
cmake --build "$build" --target $targets

status=0
for t in $targets; do
    kept="$src/fuzz/corpus/$t"
    work="$build/corpus/$t"
    crashers="$kept/crashers"
    mkdir -p "$kept" "$work" "$build/artifacts/$t"
    echo "== $t for $seconds s"
    # -max_len: enough for a pipeline of a few requests or a full profile.
    "$build/fuzz/$t" "$work" "$kept" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
        -artifact_prefix="$build/artifacts/$t/" -print_final_stats=1 2>"$build/$t.log" || status=1
    tail -n 12 "$build/$t.log"
    for artifact in "$build/artifacts/$t"/*; do
        [ -f "$artifact" ] || continue
        mkdir -p "$crashers"
        cp "$artifact" "$crashers/"
        echo "kept $crashers/$(basename "$artifact")"
        rm -f "$artifact"
        status=1
    done
done
exit "$status"
