"""Measure what a chat message costs in CPU: in the client that sends it, in
each client that receives it, and in the broker that fans it out.

    python tools/capacity.py --broker-pid PID [--broker URI] [--receivers 10]
                             [--rate 20] [--lines 600] [--runs 3]

PID is the broker's Erlang VM (beam.smp); use a broker of your own, with no
other clients on it: every chat client on it receives every line, and every
other program on it costs the broker CPU too. With tools/cluster.sh:

    python tools/capacity.py --broker amqp://guest:guest@localhost:5681/ \\
        --broker-pid "$(cat /var/tmp/nameko-chat-cluster/a/pid)"

Each run starts one sending client and RECEIVERS receiving ones (real
`python service.py` processes on pipes, as tools/bench.py starts them), lets
them sit idle for IDLE seconds, then types LINES lines into the sender at
RATE lines a second, and waits until every client has printed them all. CPU
is read from /proc (bench.cpu_seconds) before and after; what
each process spends idle over the same time is taken off, so what is left
is the messages' own cost:

    sender     ms of CPU per line typed (it also receives its own line)
    receiver   ms of CPU per line received, the mean over the receivers
    broker     microseconds of CPU per delivery, with one delivery for each
               line and each client, the sender included (the publishes'
               cost is in it)
    idle       ms of CPU a second, for a client and for the broker

It needs only the standard library, and tools/bench.py beside it.
"""
import argparse
import sys
import time
from pathlib import Path

import bench  # tools/bench.py: its clients, pacing and waits

IDLE = 5  # seconds


def snapshot(pids):
    return time.perf_counter(), [bench.cpu_seconds(pid) for pid in pids]


def rates(before, after):
    """CPU seconds a second for each process, between two snapshots."""
    (start, first), (end, last) = before, after
    return [(b - a) / (end - start) for a, b in zip(first, last, strict=True)]


def measure(python, service, broker_pid, receivers, rate, lines):
    """One run; returns the figures, in ms (broker: microseconds)."""
    clients = bench.start_chat(python, service, receivers + 1)
    sender = clients[0]
    try:
        pids = [client.popen.pid for client in clients] + [broker_pid]
        time.sleep(2)  # let the logins and `joined` lines settle
        start = snapshot(pids)
        time.sleep(IDLE)
        idle = rates(start, snapshot(pids))

        before = snapshot(pids)
        bench.send_paced(sender, "cap", lines, rate)
        bench.wait_for_lines(clients, "cap", lines)
        after = snapshot(pids)
        elapsed = after[0] - before[0]
        used = [b - a - rate_idle * elapsed
                for a, b, rate_idle in zip(before[1], after[1], idle, strict=True)]
        missing = sum(lines - len(c.arrivals_of("cap")) for c in clients)
        if missing:
            raise bench.BenchError(f"{missing} lines not received")
    finally:
        failed = bench.stop_all(clients)
    if failed:
        raise bench.BenchError("no clean exit: " + ", ".join(failed))
    receiver_ms = [1000 * cpu / lines for cpu in used[1:-1]]
    return dict(
        sender=1000 * used[0] / lines,
        receiver=sum(receiver_ms) / len(receiver_ms),
        receiver_range=(min(receiver_ms), max(receiver_ms)),
        broker=1e6 * used[-1] / (lines * len(clients)),
        client_idle=1000 * sum(idle[:-1]) / len(clients),
        broker_idle=1000 * idle[-1],
    )


def main():
    parser = argparse.ArgumentParser(
        description="CPU per chat message: sender, receivers, broker.")
    parser.add_argument("--broker", default=bench.BROKER,
                        help="the broker's URI (default: %(default)s)")
    parser.add_argument("--broker-pid", type=int, required=True,
                        help="process id of the broker's beam.smp")
    parser.add_argument("--receivers", type=int, default=10)
    parser.add_argument("--rate", type=float, default=20, help="lines/s")
    parser.add_argument("--lines", type=int, default=600)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--python", default=sys.executable,
                        help="the clients' interpreter (default: %(default)s)")
    args = parser.parse_args()
    bench.BROKER = args.broker  # the URI that bench's clients are given
    service = Path(__file__).resolve().parent.parent / "service.py"

    print(f"{args.receivers} receivers, {args.lines} lines at "
          f"{args.rate:g}/s, broker pid {args.broker_pid}")
    print("run  sender ms/line  receiver ms/msg (min-max)  broker us/delivery"
          "  idle ms/s: client  broker")
    try:
        for run in range(1, args.runs + 1):
            r = measure(args.python, service, args.broker_pid,
                        args.receivers, args.rate, args.lines)
            low, high = r["receiver_range"]
            print(f"{run:3}  {r['sender']:14.2f}  {r['receiver']:7.2f} "
                  f"({low:.2f}-{high:.2f}){'':8}  {r['broker']:18.1f}  "
                  f"{r['client_idle']:17.2f}  {r['broker_idle']:6.1f}",
                  flush=True)
    except bench.BenchError as exc:
        sys.exit(f"capacity: {exc}")
    finally:
        bench.cleanup()


if __name__ == "__main__":
    main()
