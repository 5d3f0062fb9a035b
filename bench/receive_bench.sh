#!/bin/sh
# Receiver benchmark (issue 3). Builds nothing: give it a build folder.
#
#   bench/receive_bench.sh [BUILD_DIR] [SECONDS]     (defaults: build, 10 s per wrk run)
#
# Part 1 (rate): wrk (Debian wrk) on loopback with CONNECTIONS connections (16) posting ~1 KB
# JSON bodies, each signed with HMAC-SHA256 (bench/sign.lua), for SECONDS against
#   - `hookbench-cli receive` verifying every signature (verify.signatures hmac-sha256) and
#     storing every request in SQLite in a private HOOKBENCH_DATA_DIR, and
#   - nginx (Debian nginx-light, bench/nginx.conf, one worker) answering 200,
# RUNS times (3) each, alternating. Prints both rates, the ratio, the receiver's p99 latency,
# the CPU time each server spent per request, and checks afterwards in the receiver's history
# that every request was stored, accepted and its signature checked (and that a tampered body
# is refused 401). Targets: receiver >= 0.25x nginx's rate, p99 < 5 ms.
# Part 2 (memory): bench/slow_headers.py holds SLOW_CONNECTIONS (1000) connections to a fresh
# receiver, each sending its headers a byte at a time, and prints the receiver's peak VmHWM.
# Target: < 200 MB. Connections must be cut by headerTimeoutMs (HEADER_TIMEOUT_MS, 5000).
#
# Environment: RUNS, CONNECTIONS, THREADS (wrk threads, 2), POOL (signed bodies, 40000),
# SLOW_CONNECTIONS, HEADER_TIMEOUT_MS, PART (all | rate | memory).
# Exits 0 when every check passed (whether the targets were met is printed, not an exit code).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
seconds=${2:-10}
runs=${RUNS:-3}
connections=${CONNECTIONS:-16}
threads=${THREADS:-2}
pool=${POOL:-40000}
slow=${SLOW_CONNECTIONS:-1000}
header_timeout=${HEADER_TIMEOUT_MS:-5000}
part=${PART:-all}
py=/usr/bin/python3

cli="$build/app/hookbench-cli"
[ -x "$cli" ] || cli=$(find "$build" -name hookbench-cli -type f -perm -u+x 2>/dev/null | head -n 1)
if [ -z "$cli" ] || [ ! -x "$cli" ]; then
    echo "receive_bench.sh: no hookbench-cli under $build; build it first (cmake --build $build --target hookbench-cli)" >&2
    exit 2
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "receive_bench.sh: nginx not found (apt-get install nginx-light)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "receive_bench.sh: wrk not found (apt-get install wrk)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/hookbench-recvbench.XXXXXX")
nginx_pid=""
receiver_pid=""
stop_receiver() {
    if [ -n "$receiver_pid" ]; then
        kill -TERM "$receiver_pid" 2>/dev/null || true
        wait "$receiver_pid" 2>/dev/null || true
        receiver_pid=""
    fi
}
cleanup() {
    stop_receiver
    if [ -n "$nginx_pid" ]; then
        kill "$nginx_pid" 2>/dev/null || true
        wait "$nginx_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM # runs cleanup through EXIT

free_port() {
    $py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
wait_port() { # PORT PID NAME LOGS...
    wp_port=$1 wp_pid=$2 wp_name=$3
    shift 3
    tries=0
    until $py -c "import socket; socket.create_connection(('127.0.0.1',$wp_port),0.2).close()" 2>/dev/null; do
        tries=$((tries + 1))
        if [ "$tries" -gt 100 ] || ! kill -0 "$wp_pid" 2>/dev/null; then
            echo "receive_bench.sh: $wp_name did not start:" >&2
            cat "$@" >&2 2>/dev/null || true
            exit 1
        fi
        sleep 0.1
    done
}
# utime + stime of a process and its threads, in clock ticks.
cpu_ticks() {
    awk '{ print $14 + $15 }' "/proc/$1/stat"
}
loadavg() {
    cut -d ' ' -f 1-3 /proc/loadavg
}

export HOOKBENCH_BENCH_KEY=bench-secret-key
export HOOKBENCH_POOL="$work/pool.txt"
export HOOKBENCH_THREADS="$threads"

# The signed bodies: ~1 KB of JSON each, all distinct (id, counter, timestamp), signed with
# Python's hmac (an implementation independent of HookBench's).
$py - "$HOOKBENCH_POOL" "$pool" "$HOOKBENCH_BENCH_KEY" <<'PY'
import hashlib, hmac, json, sys
path, count, key = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode()
with open(path, "w") as out:
    for n in range(count):
        event = {"id": f"evt_{n:08d}", "type": "policy.bound", "timestamp": 1764000000 + n,
                 "subject": f"policy/{n}",
                 "data": {"policyId": f"pol-{n:08d}", "holder": "A. Example", "premium": 1234.5 + n,
                          "currency": "EUR", "items": list(range(n % 7, n % 7 + 10)), "notes": ""}}
        body = json.dumps(event, separators=(",", ":"))
        event["data"]["notes"] = "x" * (1024 - len(body))
        body = json.dumps(event, separators=(",", ":")).encode()
        assert len(body) == 1024
        out.write(hmac.new(key, body, hashlib.sha256).hexdigest() + " " + body.decode() + "\n")
PY

write_config() { # PORT
    cat > "$work/receiver.json" <<JSON
{
  "format": "hookbench.receiver/1",
  "listen": "127.0.0.1:$1",
  "verify": {
    "signatures": [ { "scheme": "hmac-sha256", "secrets": ["env:HOOKBENCH_BENCH_KEY"],
                      "header": "X-Signature", "prefix": "sha256=" } ]
  },
  "limits": { "maxConnections": $((slow + 100)), "headerTimeoutMs": $header_timeout }
}
JSON
}

start_receiver() { # RUN-NAME
    rm -rf "$work/data"
    mkdir -p "$work/data"
    receiver_port=$(free_port)
    write_config "$receiver_port"
    HOOKBENCH_DATA_DIR="$work/data" "$cli" receive --config "$work/receiver.json" \
        > "$work/receiver-$1.out" 2> "$work/receiver-$1.stderr" &
    receiver_pid=$!
    wait_port "$receiver_port" "$receiver_pid" receiver "$work/receiver-$1.stderr"
}

# One valid and one tampered request with Python's http.client: 200 and 401 expected.
probe_receiver() { # PORT
    $py - "$1" "$HOOKBENCH_POOL" <<'PY'
import http.client, sys
port, pool = int(sys.argv[1]), sys.argv[2]
signature, body = open(pool).readline().rstrip("\n").split(" ", 1)
def post(data):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.request("POST", "/hook", data.encode(), {"Content-Type": "application/json", "X-Signature": "sha256=" + signature})
    r = c.getresponse()
    text = r.read().decode(errors="replace")
    c.close()
    return r.status, text
ok, _ = post(body)
bad, why = post(body.replace("A. Example", "B. Example"))
if ok != 200 or bad != 401:
    sys.exit(f"receive_bench.sh: expected 200 for a valid and 401 for a tampered body, got {ok} and {bad} ({why.strip()})")
print(f"probe: valid body -> {ok}, tampered body -> {bad} ({why.strip()})")
PY
}

# After the receiver stopped: every stored request accepted, its signature check present and
# ok; the probe's tampered body the one rejection.
check_history() { # WRK-REQUESTS
    $py - "$work/data/history.sqlite" "$1" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
sent = int(sys.argv[2])
counts = {}
checked = 0
for verdict, status, checks in db.execute("SELECT verdict, status, checks_json FROM received"):
    counts[(verdict, status)] = counts.get((verdict, status), 0) + 1
    if any(c.get("check") == "hmac-sha256" and c.get("ok") for c in json.loads(checks)):
        checked += 1
accepted = counts.get(("accepted", 200), 0)
rejected = sum(n for (verdict, _), n in counts.items() if verdict != "accepted")
stored = sum(counts.values())
print(f"history: {stored} stored, {accepted} accepted (200), {rejected} rejected, "
      f"{checked} with a passing hmac-sha256 check; wrk counted {sent} answers")
# The probe sent one valid and one tampered request; wrk may have had a few in flight when it
# stopped, which were stored but not counted by wrk.
if rejected != 1 or accepted != stored - 1 or checked != accepted or accepted < sent + 1:
    sys.exit("receive_bench.sh: the history does not show every request accepted and verified")
PY
}

# wrk's summary -> "rate p99_ms requests non2xx errors"
run_wrk() { # URL OUTFILE
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$here/sign.lua" "$1" > "$2" 2>&1 || {
        cat "$2" >&2
        exit 1
    }
    $py - "$2" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
p50 = re.search(r"^\s+50%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
requests = int(re.search(r"(\d+) requests in", text).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
print(rate, ms(*p99.groups()), ms(*p50.groups()), requests, int(non2xx.group(1)) if non2xx else 0,
      sum(map(int, errors.groups())) if errors else 0)
PY
}

results="$work/results.txt"
: > "$results"

if [ "$part" = all ] || [ "$part" = rate ]; then
    nginx_port=$(free_port)
    sed -e "s|@PREFIX@|$work|g" -e "s|@PORT@|$nginx_port|g" -e "s|@STATUS@|200|g" "$here/nginx.conf" > "$work/nginx.conf"
    "$nginx" -p "$work" -c "$work/nginx.conf" -e "$work/error.log" -g 'daemon off;' 2>"$work/nginx.stderr" &
    nginx_pid=$!
    wait_port "$nginx_port" "$nginx_pid" nginx "$work/nginx.stderr" "$work/error.log"
    nginx_worker=$(ps -o pid= --ppid "$nginx_pid" | head -n 1 | tr -d ' ')

    echo "wrk: $threads threads, $connections connections, ${seconds} s, 1024-byte JSON bodies, $pool signed bodies"
    run=1
    while [ "$run" -le "$runs" ]; do
        start_receiver "$run"
        probe_receiver "$receiver_port"
        before=$(cpu_ticks "$receiver_pid")
        load_before=$(loadavg)
        measured=$(run_wrk "http://127.0.0.1:$receiver_port/hook" "$work/wrk-receiver-$run.txt")
        # shellcheck disable=SC2086 # split on purpose: the numbers of one line
        set -- $measured
        r_rate=$1 r_p99=$2 r_p50=$3 r_requests=$4 r_non2xx=$5 r_errors=$6
        r_cpu=$(( $(cpu_ticks "$receiver_pid") - before ))
        r_hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$receiver_pid/status")
        stop_receiver
        check_history "$r_requests"

        before=$(cpu_ticks "$nginx_worker")
        measured=$(run_wrk "http://127.0.0.1:$nginx_port/hook" "$work/wrk-nginx-$run.txt")
        # shellcheck disable=SC2086 # split on purpose: the numbers of one line
        set -- $measured
        n_rate=$1 n_p99=$2 n_p50=$3 n_requests=$4 n_non2xx=$5 n_errors=$6
        n_cpu=$(( $(cpu_ticks "$nginx_worker") - before ))
        load_after=$(loadavg)

        $py - "$r_rate" "$r_p99" "$r_p50" "$r_requests" "$r_non2xx" "$r_errors" "$r_cpu" "$r_hwm" \
            "$n_rate" "$n_p99" "$n_p50" "$n_requests" "$n_non2xx" "$n_errors" "$n_cpu" \
            "$load_before" "$load_after" "$(getconf CLK_TCK)" "$run" >> "$results" <<'PY'
import sys
(r_rate, r_p99, r_p50, r_req, r_non, r_err, r_cpu, r_hwm, n_rate, n_p99, n_p50, n_req, n_non, n_err, n_cpu,
 load_before, load_after, tck, run) = sys.argv[1:]
tick_us = 1e6 / float(tck)
print(f"run {run}: receiver {float(r_rate):.0f} req/s p99 {float(r_p99):.2f} ms p50 {float(r_p50):.2f} ms "
      f"({int(r_req)} requests, {r_non} non-2xx, {r_err} socket errors, "
      f"{int(r_cpu) * tick_us / max(int(r_req), 1):.0f} us CPU/request, VmHWM {int(r_hwm) / 1024:.0f} MB) | "
      f"nginx {float(n_rate):.0f} req/s p99 {float(n_p99):.2f} ms p50 {float(n_p50):.2f} ms "
      f"({int(n_req)} requests, {n_non} non-2xx, {n_err} socket errors, "
      f"{int(n_cpu) * tick_us / max(int(n_req), 1):.0f} us CPU/request) | "
      f"ratio {float(r_rate) / float(n_rate):.3f} | load {load_before} -> {load_after}")
PY
        tail -n 1 "$results"
        run=$((run + 1))
    done

    $py - "$results" <<'PY'
import re, statistics, sys
runs = [line for line in open(sys.argv[1]) if line.startswith("run ")]
def col(pattern):
    return [float(re.search(pattern, line).group(1)) for line in runs]
receiver = col(r"receiver (\d+) req/s")
p99 = col(r"receiver \d+ req/s p99 ([\d.]+) ms")
nginx = col(r"nginx (\d+) req/s")
ratio = col(r"ratio ([\d.]+)")
nginx_p99 = col(r"nginx \d+ req/s p99 ([\d.]+) ms")
r_cpu = col(r"(\d+) us CPU/request, VmHWM")
n_cpu = col(r"nginx .* (\d+) us CPU/request\)")
median = statistics.median
print(f"median of {len(runs)}: receiver {median(receiver):.0f} req/s, nginx {median(nginx):.0f} req/s, "
      f"ratio {median(ratio):.3f} (target >= 0.25: {'met' if median(ratio) >= 0.25 else 'MISSED'}), "
      f"receiver p99 {median(p99):.2f} ms (target < 5 ms: {'met' if median(p99) < 5 else 'MISSED'}; "
      f"nginx p99 {median(nginx_p99):.2f} ms), CPU per request: receiver {median(r_cpu):.0f} us, "
      f"nginx {median(n_cpu):.0f} us")
PY
fi

if [ "$part" = all ] || [ "$part" = memory ]; then
    start_receiver memory
    $py "$here/slow_headers.py" --port "$receiver_port" --pid "$receiver_pid" --connections "$slow" \
        --header-timeout-ms "$header_timeout"
    stop_receiver
fi
