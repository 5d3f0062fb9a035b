#!/bin/sh
# Time from start to the window shown, and peak memory (VmHWM), of the `hookbench` window
# with 100,000 and 1,000,000 delivery attempts in its history database.
# Targets: shown within 500 ms with 100,000 rows; under 300 MB with 1,000,000.
# Usage: bench/gui_startup.sh [BUILD_DIR]   (default: build)
set -eu
build=${1:-build}
app="$build/app/hookbench"
[ -x "$app" ] || { echo "gui_startup.sh: $app not found; build the hookbench target first" >&2; exit 2; }
py=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

run() { # prints "shown-ms N" and "vmhwm N kB"; opens on the History page, its table filled
    HOOKBENCH_DATA_DIR="$1" HOOKBENCH_STARTUP_BENCH=1 XDG_CONFIG_HOME="$work/config" "$app" --show-history 2>/dev/null
}

fill() { # DIR ROWS: the schema made by hookbench itself, then rows added with sqlite3
    mkdir -p "$1"
    run "$1" >/dev/null
    "$py" - "$1/history.sqlite" "$2" <<'PY'
import json, sqlite3, sys
path, rows = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(path)
trace = json.dumps({"event": "evt", "attempt": 1, "request": {"method": "POST", "url": "http://127.0.0.1:9/hook",
        "headers": {"Content-Type": "application/json", "Authorization": "\u2022\u2022\u2022\u2022abcd"},
        "body": "{\"id\":\"evt\",\"type\":\"invoice.paid\",\"data\":{\"amount\":4200}}"},
        "response": {"status": 200, "headers": {}, "body": "ok"}, "elapsedMs": 12.5, "outcome": "delivered"})
def gen():
    for i in range(rows):
        status = 500 if i % 10 == 0 else 200
        yield ("Endpoint %d" % (i % 7), "evt_%d" % i, ("invoice.paid", "policy.bound", "call.ended")[i % 3], 1, status,
               "failed" if status == 500 else "delivered", 1790000000000 + i * 1000, 12.5,
               "http://127.0.0.1:9/hook", b'{"id":"evt"}', trace.encode())
with db:
    db.executemany("INSERT INTO attempts (profile_name, event_id, event_type, attempt, status, outcome, started_at,"
                   " elapsed_ms, url, event_json, trace_json) VALUES (?,?,?,?,?,?,?,?,?,?,?)", gen())
print("rows", db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0])
PY
}

for rows in 100000 1000000; do
    dir="$work/$rows"
    fill "$dir" "$rows" >/dev/null
    run "$dir" >/dev/null # warm the page cache, as a second start would
    best=""
    for i in 1 2 3; do
        out=$(run "$dir")
        ms=$(echo "$out" | awk '/^shown-ms/ {print $2}')
        kb=$(echo "$out" | awk '/^vmhwm/ {print $2}')
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
        echo "rows=$rows run=$i shown_ms=$ms vmhwm_kb=$kb"
    done
    echo "rows=$rows best_shown_ms=$best vmhwm_mb=$((kb / 1024))"
done
echo "targets: shown within 500 ms with 100000 rows; under 300 MB with 1000000 rows"
