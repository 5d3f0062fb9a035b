#!/bin/sh
# Sender benchmark (issue 2): how many HMAC-signed deliveries per second one hookbench-cli
# process sends to nginx answering 204 on loopback. Builds nothing: give it a build folder.
#
#   bench/send_bench.sh [BUILD_DIR] [REPEAT]      (defaults: build, 5000)
#   CONCURRENCY=N bench/send_bench.sh ...         (passes --concurrency N to send)
#   SEND_ARGS="--no-history" bench/send_bench.sh  (more flags for send, e.g. to compare)
#
# Prints the summary line of `send` and "deliveries/s: X". Needs nginx (Debian nginx-light).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
repeat=${2:-5000}
cli="$build/app/hookbench-cli"
[ -x "$cli" ] || cli=$(find "$build" -name hookbench-cli -type f -perm -u+x 2>/dev/null | head -n 1)
if [ -z "$cli" ] || [ ! -x "$cli" ]; then
    echo "send_bench.sh: no hookbench-cli under $build; build it first (cmake --build $build --target hookbench-cli)" >&2
    exit 2
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "send_bench.sh: nginx not found (apt-get install nginx-light)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/hookbench-sendbench.XXXXXX")
nginx_pid=""
cleanup() {
    if [ -n "$nginx_pid" ]; then
        kill "$nginx_pid" 2>/dev/null || true
        wait "$nginx_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# A free loopback port: ask the kernel for one.
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

sed -e "s|@PREFIX@|$work|g" -e "s|@PORT@|$port|g" -e "s|@STATUS@|204|g" "$here/nginx.conf" > "$work/nginx.conf"
"$nginx" -p "$work" -c "$work/nginx.conf" -e "$work/error.log" -g 'daemon off;' 2>"$work/nginx.stderr" &
nginx_pid=$!

# Wait until nginx answers (at most ~5 s).
tries=0
until /usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1',$port),0.2).close()" 2>/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -gt 50 ] || ! kill -0 "$nginx_pid" 2>/dev/null; then
        echo "send_bench.sh: nginx did not start:" >&2
        cat "$work/nginx.stderr" "$work/error.log" >&2 2>/dev/null || true
        exit 1
    fi
    sleep 0.1
done

cat > "$work/profile.json" <<JSON
{
  "format": "hookbench.endpoint/1",
  "name": "send bench",
  "url": "http://127.0.0.1:$port/hook",
  "signatures": [ { "scheme": "hmac-sha256", "secret": "env:HOOKBENCH_BENCH_KEY", "header": "X-Signature", "prefix": "sha256=" } ]
}
JSON
cat > "$work/event.json" <<'JSON'
{ "type": "policy.bound", "subject": "policy/abc",
  "data": { "policyId": "abc", "holder": "A. Example", "premium": 1234.5, "currency": "EUR",
            "items": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } }
JSON

mkdir -p "$work/data"
set -- --profile "$work/profile.json" --event "$work/event.json" --repeat "$repeat" --json
[ -n "${CONCURRENCY:-}" ] && set -- "$@" --concurrency "$CONCURRENCY"
# shellcheck disable=SC2086
[ -n "${SEND_ARGS:-}" ] && set -- "$@" $SEND_ARGS
status=0
# CPU seconds of the sender as well as wall time: on a shared machine the wall-clock rate swings
# with the load, the CPU spent per delivery much less.
# Run through a small Python wrapper to read the sender's CPU time (rusage) as well as the wall
# time: on a shared machine the rate swings with the load, the CPU per delivery much less.
HOOKBENCH_DATA_DIR="$work/data" HOOKBENCH_BENCH_KEY=bench-secret-key /usr/bin/python3 -c '
import resource, subprocess, sys
with open(sys.argv[1], "wb") as out:
    code = subprocess.run(sys.argv[3:], stdout=out).returncode
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[2], "w").write(f"{usage.ru_utime} {usage.ru_stime}\n")
sys.exit(code)' "$work/out.jsonl" "$work/cpu.txt" "$cli" send "$@" || status=$?

summary=$(tail -n 1 "$work/out.jsonl")
echo "$summary"
/usr/bin/python3 - "$work/out.jsonl" "$work/cpu.txt" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
user, system = (float(x) for x in open(sys.argv[2]).read().split())
summary = json.loads(lines[-1])["summary"]
delivered = summary["delivered"]
seconds = summary["elapsedMs"] / 1000.0
print(f"events: {summary['events']}, delivered: {delivered}, failed: {summary['failed']}, {seconds:.3f} s")
cpu_ms = (user + system) * 1000.0 / max(1, summary["events"])
print(f"sender CPU: {user + system:.2f} s ({cpu_ms:.3f} ms per delivery, one core would allow {1000.0 / cpu_ms:.0f}/s)")
print(f"load average: {open('/proc/loadavg').read().split()[0]}")
print(f"deliveries/s: {delivered / seconds:.0f}" if seconds > 0 else "deliveries/s: n/a")
PY
exit "$status"
