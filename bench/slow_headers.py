#!/usr/bin/python3
"""Memory part of bench/receive_bench.sh (issue 3): many slow-header connections at once.

Opens --connections connections to a receiver on loopback; each sends a request head a byte at
a time (one byte every --byte-interval-ms), far too slowly to finish before the receiver's
headerTimeoutMs, while the receiver's VmRSS and VmHWM are sampled from /proc/PID/status.
Prints how many connections were held at once, how each ended (the receiver should answer 408
and close, headerTimeoutMs after the connection was accepted), and the peak memory.

Bounded: loopback only, at most --connections connections, and everything stops after
--max-seconds (default: twice the header timeout plus 15 s) whatever the receiver does.
Standard library only; run with /usr/bin/python3.
"""

import argparse
import asyncio
import statistics
import sys
import time

TARGET_MB = 200


def read_status(pid):
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])  # kB
    return values


class Bench:
    def __init__(self, args):
        self.args = args
        self.open_now = 0
        self.max_open = 0
        self.connect_failures = 0
        self.outcomes = []  # (first line of the answer or what happened, seconds from connect)
        self.peak_rss = 0
        self.peak_hwm = 0
        self.samples = 0
        self.done = asyncio.Event()

    def head(self):
        # Longer than can be sent before the timeout, shorter than maxHeaderBytes (64 KiB).
        padding = "a" * 4000
        return (f"POST /hook HTTP/1.1\r\nHost: 127.0.0.1:{self.args.port}\r\n"
                f"Content-Type: application/json\r\nX-Padding: {padding}\r\n"
                f"Content-Length: 2\r\n\r\n").encode()

    async def sample(self):
        while not self.done.is_set():
            try:
                values = read_status(self.args.pid)
            except FileNotFoundError:
                print("slow_headers.py: the receiver is gone", file=sys.stderr)
                self.done.set()
                return
            self.peak_rss = max(self.peak_rss, values.get("VmRSS", 0))
            self.peak_hwm = max(self.peak_hwm, values.get("VmHWM", 0))
            self.samples += 1
            try:
                await asyncio.wait_for(self.done.wait(), 0.05)
            except asyncio.TimeoutError:
                pass

    async def one(self, connect_slots):
        async with connect_slots:
            # Before connecting: the receiver's clock starts later (at accept), so the time
            # measured here is never shorter than the receiver's.
            started = time.monotonic()
            try:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection("127.0.0.1", self.args.port), 10)
            except (OSError, asyncio.TimeoutError):
                self.connect_failures += 1
                return
        self.open_now += 1
        self.max_open = max(self.max_open, self.open_now)
        head = self.head()

        async def trickle():
            interval = self.args.byte_interval_ms / 1000.0
            try:
                for i in range(len(head)):
                    writer.write(head[i:i + 1])
                    await writer.drain()
                    await asyncio.sleep(interval)
            except (ConnectionError, OSError):
                pass

        sender = asyncio.create_task(trickle())
        answer = b""
        try:
            while True:
                chunk = await reader.read(4096)
                if not chunk:
                    break
                answer += chunk
        except (ConnectionError, OSError):
            pass
        elapsed = time.monotonic() - started
        sender.cancel()
        self.open_now -= 1
        first = answer.split(b"\r\n", 1)[0].decode(errors="replace") if answer else "closed without an answer"
        self.outcomes.append((first, elapsed))
        writer.close()

    async def run(self):
        sampler = asyncio.create_task(self.sample())
        baseline = read_status(self.args.pid)
        # Bounded connection burst: at most 50 handshakes in flight, well within the listen backlog.
        connect_slots = asyncio.Semaphore(50)
        tasks = [asyncio.create_task(self.one(connect_slots)) for _ in range(self.args.connections)]
        try:
            await asyncio.wait_for(asyncio.gather(*tasks), self.args.max_seconds)
        except asyncio.TimeoutError:
            print(f"slow_headers.py: stopped after {self.args.max_seconds} s with {self.open_now} connections "
                  "still open (the receiver did not cut them)", file=sys.stderr)
        self.done.set()
        await sampler
        return baseline


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True, help="the receiver's process id")
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--header-timeout-ms", type=int, default=10000,
                        help="the receiver's limits.headerTimeoutMs, to check the cut")
    parser.add_argument("--byte-interval-ms", type=int, default=200)
    parser.add_argument("--max-seconds", type=float, default=None)
    args = parser.parse_args()
    if not 1 <= args.connections <= 5000:
        parser.error("--connections must be 1..5000")
    if args.max_seconds is None:
        args.max_seconds = 2 * args.header_timeout_ms / 1000.0 + 15

    bench = Bench(args)
    began = time.monotonic()
    baseline = asyncio.run(bench.run())
    took = time.monotonic() - began

    kinds = {}
    for first, _ in bench.outcomes:
        kinds[first] = kinds.get(first, 0) + 1
    cut = [elapsed for first, elapsed in bench.outcomes if first.startswith("HTTP/1.1 408")]
    timeout_s = args.header_timeout_ms / 1000.0
    print(f"slow headers: {args.connections} connections, 1 byte every {args.byte_interval_ms} ms, "
          f"at most {bench.max_open} open at once, {bench.connect_failures} failed to connect, {took:.1f} s")
    for first, n in sorted(kinds.items(), key=lambda item: -item[1]):
        print(f"  {n} x {first}")
    if cut:
        print(f"  408 after {min(cut):.2f} .. {max(cut):.2f} s (median {statistics.median(cut):.2f} s; "
              f"headerTimeoutMs {args.header_timeout_ms})")
    peak_mb = bench.peak_hwm / 1024.0
    print(f"receiver memory: idle VmRSS {baseline.get('VmRSS', 0) / 1024:.1f} MB, peak VmRSS "
          f"{bench.peak_rss / 1024:.1f} MB, VmHWM {peak_mb:.1f} MB ({bench.samples} samples); "
          f"target < {TARGET_MB} MB: {'met' if peak_mb < TARGET_MB else 'MISSED'}")
    ok = (bench.max_open == args.connections and len(cut) == args.connections
          and all(timeout_s <= elapsed <= timeout_s + 2.5 for elapsed in cut))
    # Never before headerTimeoutMs; the upper bound is generous, the machine may be busy.
    if not ok:
        print("slow_headers.py: not every connection was held and then cut by headerTimeoutMs with 408",
              file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
