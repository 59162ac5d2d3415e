"""Benchmark the chat's real clients, next to a raw kombu baseline.

Run it from anywhere, with RabbitMQ at $AMQP_URI (else amqp://guest:guest@localhost:5672/):

    python tools/bench.py           # full run, about 3 minutes: a table and a summary line
    python tools/bench.py --quick   # small counts, checks correctness only (what CI runs)

The bench itself needs only the standard library; --python names the
interpreter with the chat's requirements, for the clients and the baseline.

Every client is a real `python service.py` with its stdin and stdout on pipes.
The bench types lines into one client's stdin; each line carries a tag, a
sequence number and its send time, and the bench stamps a line's arrival when
it reads it from a receiving client's stdout. The same is done through
tools/raw_kombu.py (a publisher with confirms feeding a consumer process), in
the same run on the same broker, so the chat can be judged against kombu.

    latency    two clients, one line every 10 ms: p50 and p99
    burst      2,000 lines piped into one client at once, until another has
               printed the last one: lines/s, lost, duplicated, out of order
    fan-out    one sender and 10, then 50, receivers, 20 lines/s: complete, p99
    lifecycle  time to the first prompt, to ready (a line sent right after the
               welcome is back), to exit after end of input; RSS when idle
    idle       CPU a logged-in client uses while nothing happens, over 20 s

Every chat client in the vhost reads every line (from its stream chat.history)
and every join and leave (BROADCAST handlers): do not run other chats there
during a run, they would add load. The bench's clients are called bench-1,
bench-2, ... The stream keeps a day's lines, so a client started later shows
the room's last 50 after its welcome, marked `[HH:MM] AUTHOR: MSG`: the bench
counts no marked line, nor a line sent before it started (another run's). A
vhost of its own keeps the bench's lines out of others' chats:
AMQP_URI=amqp://guest:guest@localhost:5672/VHOST.

Exit status: 1 if a line was lost, duplicated or reordered, or a client did not
exit with status 0 at end of input; 0 otherwise. Times are compared with the
targets in the table, never asserted.

What a full run finds. Three full runs on 2026-12-01, on the machine's own broker
(RabbitMQ 3.10.8, management plugin on), a 2-core AMD EPYC with 24 GiB, Debian 12
and Python 3.11.7, shared with other work but quiet then; the first:

    metric                                 chat  raw kombu  target       met
    latency p50 (ms)                      2.680      1.390  <= 1.5x raw  NO
    latency p99 (ms)                      4.195      1.836  < 5          yes
    burst of 2000 (lines/s)               621.0     2214.0  >= 0.8x raw  NO
    burst lost                                0          0  0            yes
    burst out of order                        0          0  0            yes
    fan-out to 10: complete (%)           100.0             100          yes
    fan-out to 10: p99 (ms)                11.2             < 50         yes
    fan-out to 50: complete (%)           100.0             100          yes
    fan-out to 50: p99 (ms)                41.6             < 50         yes
    time to prompt (s)                    0.231             < 0.5        yes
    time to ready (s)                     0.269             < 1          yes
    time to exit (s)                      0.467             < 0.5        yes
    idle RSS (MB)                          34.4             < 40         yes
    idle CPU (ms/s)                       0.506             <= 1         yes

Over the three runs: latency p50 2.42-2.68 ms (1.93-2.31x raw), p99 under 5 ms;
burst 598-655 lines/s (0.28-0.31x raw), none lost or reordered; fan-out to 50
p99 34-55 ms; prompt 0.23-0.26 s, ready 0.26-0.30 s, exit 0.466-0.467 s (main
ends the process EXIT_DEADLINE after the stop begins: nameko's queue consumer
would read once more, up to a second, before it closes); idle RSS 34.2-34.4 MB,
idle CPU 0.51-0.55 ms/s (the stock consumer loop and the name's heartbeats wake
about once a second, as any nameko service does); 10 or 11 targets of 14 met. A
run while others' clients are busy is slower: judge times only from a quiet one.

Before and after the stream chat.history (36ce30f, and fa2b55b's service.py):
seven full runs of each on 2026-12-06, alternating, each in a vhost of its own
on the same broker, with the machine busy with others' work (load average 1 to
18). Latency p50 was 1.81-2.36 ms before (1.45-2.51x raw; within 2.5x in 6 runs
of 7) and 1.94-3.20 ms after (2.29-3.24x raw; within 2.5x in 4 of 7), about 0.8
ms more at the median; p99 3.1-39 ms before, 4.3-47 ms after, and raw's own
1.4-38 ms: a busy machine's. Burst 670-964 lines/s before (0.22-0.46x raw),
521-858 after (0.20-0.56x); none lost, duplicated or reordered in any run, and
every client exited with status 0. Fan-out complete in every run; p99 to 50
33-786 ms before, 37-239 ms after. A client now reads the stream's last chunk
before its prompt, and at its welcome waits for the earlier lines to stop coming
(CATCH_UP_QUIET, 0.25 s): prompt 0.28-0.37 s after (0.17-0.31 s before), ready
0.58-0.68 s (0.19-0.36 s), and each lifecycle client showed the 50 earlier
lines. Exit 0.465-0.498 s both; idle RSS 35.3-35.4 MB after, 34.6-34.7 before;
idle CPU 0.51-0.71 ms/s after, 0.45-0.71 before. A raw kombu consumer reading a
stream instead of a queue was 0.05-0.45 ms slower at p50 in three runs of a
separate test: the stream is part of the 0.8 ms.

Where the time goes: Python work in the clients, not the network. A line costs
1.8-2.3 ms of CPU in its sender and 0.8-0.95 ms in each receiver (measured
with tools/capacity.py), spent in nameko's worker machinery, in kombu's
producer pool (a new Connection object and a pool look-up for every publish)
and in eventlet's scheduling. Profiled with an earlier client, the sender made
about 1,660 Python calls a line where the raw publisher makes 290, and a
receiver 600 a message where the raw consumer makes 240; turning publisher
confirms off gained nothing measurable, and keeping one producer for the
service's life cut latency by about 6%, at the cost of rewriting nameko's
EventDispatcher, which nameko-chat keeps.
"""
import argparse
import contextlib
import itertools
import math
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
BROKER = os.environ.get("AMQP_URI", "amqp://guest:guest@localhost:5672/")
PROMPT, ASK_NAME = ">>> ", "Please enter your name:"
ROSTER = ("* in the room:", "* nobody else is here")  # the line after the welcome

# How much each phase does, in a full run and in a quick one.
FULL = dict(latency_lines=1000, burst_lines=2000, fanouts=(10, 50),
            fanout_lines=200, lifecycle_runs=5, idle_seconds=20)
QUICK = dict(latency_lines=20, burst_lines=100, fanouts=(3,),
             fanout_lines=20, lifecycle_runs=1, idle_seconds=2)
LATENCY_RATE, FANOUT_RATE = 100, 20  # lines/s
# Upper bounds on every wait, in seconds: a client that hangs fails the run
# instead of hanging the bench.
START_TIMEOUT, STALL_TIMEOUT, EXIT_TIMEOUT = 60, 10, 10

# A line the bench sends: "TAG SEQ SENT"; a client prints it as "AUTHOR: TAG SEQ SENT".
BENCH_LINE = re.compile(r"\S+: (?P<tag>\w+) (?P<seq>\d+) (?P<sent>\d+\.\d+)")
# A line said before the client joined, shown after its welcome and marked with
# the time it was said: "[HH:MM] AUTHOR: MSG". Not a delivery: never counted.
EARLIER_LINE = re.compile(r"\[\d\d:\d\d\] ")
# SENT is time.perf_counter(), which on Linux counts from the machine's boot: a
# line sent before the bench started is another run's, left in the room's stream.
STARTED = time.perf_counter()
# Lines that name someone in the room: "* NAME joined", "* NAME left", "NAME: MSG".
ROOM_LINE = re.compile(r"\* (?P<name>.+) (joined|left)|(?P<author>[^:*]+): .*")


class BenchError(Exception):
    """A client did not do what it should, within its time."""


class Child:
    """A child process on pipes. A thread stamps each line of its stdout as it
    reads it: the bench's lines go to `arrivals` as (arrived, tag, seq, sent),
    the earlier lines shown at a join to `earlier`, and the others, prompts
    stripped, to `other`, both as (arrived, text)."""

    all = []  # every child started, so that cleanup() can end them all

    def __init__(self, argv, name):
        self.name, self.arrivals, self.earlier, self.other = name, [], [], []
        self.ended = False
        self.changed = threading.Condition()
        self.stderr = tempfile.TemporaryFile()
        self.started = time.perf_counter()
        self.popen = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=self.stderr)
        Child.all.append(self)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for raw in self.popen.stdout:
            arrived = time.perf_counter()
            text = raw.decode(errors="replace").rstrip("\n")
            while text.startswith(PROMPT):
                text = text[len(PROMPT):]
            match = BENCH_LINE.fullmatch(text)
            if match and float(match["sent"]) < STARTED:
                match = None  # another run's line
            with self.changed:
                if EARLIER_LINE.match(text):
                    self.earlier.append((arrived, text))
                elif match:
                    self.arrivals.append((arrived, match["tag"], int(match["seq"]),
                                          float(match["sent"])))
                elif text:
                    self.other.append((arrived, text))
                self.changed.notify_all()
        with self.changed:
            self.ended = True
            self.changed.notify_all()

    def send(self, text):
        self.popen.stdin.write(text.encode() + b"\n")
        self.popen.stdin.flush()

    def wait_for(self, predicate, timeout):
        """Wait until `predicate()`, run with the output locked; return it."""
        with self.changed:
            return self.changed.wait_for(predicate, timeout)

    def expect(self, text, timeout):
        """Wait for an output line equal to `text`; return when it arrived."""
        def arrived():
            return next((at for at, line in self.other if line == text), None)
        self.wait_for(lambda: arrived() or self.ended, timeout)
        with self.changed:
            at = arrived()
        if at is None:
            why = "ended" if self.ended else f"waited {timeout} s"
            raise BenchError(f"{self.name}: no {text!r} ({why}){self.stderr_tail()}")
        return at

    def arrivals_of(self, tag):
        with self.changed:
            return [a for a in self.arrivals if a[1] == tag]

    def end_input(self):
        with contextlib.suppress(BrokenPipeError):
            self.popen.stdin.close()

    def stderr_tail(self):
        self.stderr.seek(0)
        tail = self.stderr.read()[-2000:].decode(errors="replace").strip()
        return f"\n--- stderr of {self.name} ---\n{tail}" if tail else ""


def stop_all(children, timeout=EXIT_TIMEOUT):
    """End all their inputs at once, wait for them all to exit, kill those
    still running after `timeout`; return a note for each that did not exit
    with status 0."""
    for child in children:
        child.end_input()
    deadline, failed = time.perf_counter() + timeout, []
    for child in children:
        try:
            how = f"status {child.popen.wait(max(0.1, deadline - time.perf_counter()))}"
        except subprocess.TimeoutExpired:
            child.popen.kill()
            how = "still running"
        if how != "status 0":
            failed.append(f"{child.name} ({how})")
            print(f"{child.name} did not exit cleanly ({how}){child.stderr_tail()}",
                  file=sys.stderr)
    return failed


def cleanup():
    """End every child still running: on success, failure or Ctrl-C."""
    running = [child for child in Child.all if child.popen.poll() is None]
    for child in running:
        child.popen.terminate()
    for child in running:
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.popen.wait(2)
        child.popen.kill()  # if it is still running


CLIENT_NUMBERS = itertools.count(1)


def log_in(python, service, n):
    """Start n chat clients at once, bench-1, bench-2, ..., and log them all in."""
    clients = [Child([python, str(service), "--broker", BROKER],
                     f"bench-{next(CLIENT_NUMBERS)}") for _ in range(n)]
    for client in clients:
        client.expect(ASK_NAME, START_TIMEOUT)
    for client in clients:
        client.send(client.name)
    for client in clients:
        client.expect(f"Welcome to chat, {client.name}!", START_TIMEOUT)
    return clients


def start_chat(python, service, n):
    """n chat clients, logged in, once every one has shown who is in the room
    and the room is quiet again (a storm of logins takes a while)."""
    clients = log_in(python, service, n)
    for client in clients:
        if not client.wait_for(lambda c=client: any(
                line.startswith(ROSTER) for _, line in c.other), START_TIMEOUT):
            raise BenchError(f"{client.name}: no roster line")
    pids = [client.popen.pid for client in clients]
    deadline = time.perf_counter() + 4 * START_TIMEOUT
    while time.perf_counter() < deadline:
        before = sum(map(cpu_seconds, pids))
        time.sleep(0.5)
        if sum(map(cpu_seconds, pids)) - before < 0.5 * quiet_cpu(len(pids)):
            return clients
    raise BenchError("the room did not settle")


def quiet_cpu(n):
    """The CPU, in cores, under which n clients count as quiet: 2% of a core,
    and 1 ms/s a client, twice the idle target (50 idle clients can use 2%)."""
    return 0.02 + 0.001 * n


# Measurements.

def bench_line(tag, seq, sent=None):
    return f"{tag} {seq} {time.perf_counter() if sent is None else sent:.6f}"


def percentile(values, p):
    """The nearest-rank p-th percentile of values, or NaN if there are none."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)] if values else math.nan


def send_paced(sender, tag, count, rate):
    """Send `count` lines at `rate` lines/s, each stamped as it is sent."""
    start = time.perf_counter()
    for seq in range(count):
        time.sleep(max(0, start + seq / rate - time.perf_counter()))
        sender.send(bench_line(tag, seq))


def wait_for_lines(receivers, tag, count):
    """Wait until every receiver has `count` lines tagged `tag`; give up on
    one that gets no more for STALL_TIMEOUT."""
    for receiver in receivers:
        got = len(receiver.arrivals_of(tag))
        while got < count and receiver.wait_for(
                lambda r=receiver, n=got: len(r.arrivals_of(tag)) > n, STALL_TIMEOUT):
            got = len(receiver.arrivals_of(tag))


def judge(arrivals, count):
    """Over lists of arrivals of lines 0 to count - 1, one list a receiver: the
    p50 and p99 of send-to-print times in ms, and the lines lost, duplicated
    and out of order, by sequence number."""
    ms = sorted((arrived - sent) * 1000 for got in arrivals for arrived, _, _, sent in got)
    result = dict(p50=percentile(ms, 50), p99=percentile(ms, 99),
                  lost=0, duplicated=0, out_of_order=0)
    for got in arrivals:
        seqs = [seq for _, _, seq, _ in got]
        result["lost"] += len(set(range(count)) - set(seqs))
        result["duplicated"] += len(seqs) - len(set(seqs))
        result["out_of_order"] += sum(b < a for a, b in zip(seqs, seqs[1:], strict=False))
    return result


def latency_and_burst(sender, receiver, sizes):
    """Send-to-print times at LATENCY_RATE lines/s; then a burst, lines piped
    into the sender at once: lines/s until the last is printed."""
    sender.send(bench_line("warm", 0))
    wait_for_lines([receiver], "warm", 1)
    count = sizes["latency_lines"]
    send_paced(sender, "lat", count, LATENCY_RATE)
    wait_for_lines([receiver], "lat", count)
    latency = judge([receiver.arrivals_of("lat")], count)

    count, start = sizes["burst_lines"], time.perf_counter()
    sender.send("\n".join(bench_line("burst", seq, start) for seq in range(count)))
    wait_for_lines([receiver], "burst", count)
    arrivals = receiver.arrivals_of("burst")
    elapsed = arrivals[-1][0] - start if arrivals else math.inf
    return latency, dict(judge([arrivals], count), rate=len(arrivals) / elapsed)


def measure_fanout(python, service, n, count):
    """One sender and n receivers, FANOUT_RATE lines/s: completeness and p99."""
    sender, *receivers = start_chat(python, service, n + 1)
    time.sleep(1)  # let the `joined` lines from all the logins settle
    tag = f"fan{n}"  # each fan-out's own: a joiner may show the last one's, earlier
    send_paced(sender, tag, count, FANOUT_RATE)
    wait_for_lines(receivers, tag, count)
    result = judge([receiver.arrivals_of(tag) for receiver in receivers], count)
    result["complete"] = 100 * (1 - result["lost"] / (count * n))
    return dict(result, not_exited=stop_all([sender, *receivers]))


def measure_lifecycle(python, service):
    """One client alone: seconds to prompt, to ready and to exit; idle RSS in MB;
    the earlier lines it showed after its welcome (the room's last, if any)."""
    [client] = log_in(python, service, 1)
    prompt = client.expect(ASK_NAME, 0) - client.started
    client.send(bench_line("ready", 0))
    if not client.wait_for(lambda: client.arrivals_of("ready"), START_TIMEOUT):
        raise BenchError(f"{client.name}: its first line did not come back")
    ready = client.arrivals_of("ready")[0][0] - client.started
    time.sleep(1)
    rss = resident_mb(client.popen.pid)
    ended = time.perf_counter()
    not_exited = stop_all([client])
    return dict(prompt=prompt, ready=ready, exit=time.perf_counter() - ended,
                rss=rss, earlier=len(client.earlier), not_exited=not_exited)


def measure_idle(python, service, seconds):
    """CPU a logged-in client spends, in ms a second, while nothing happens."""
    [client] = start_chat(python, service, 1)
    time.sleep(1)  # let the start-up settle
    used, started = cpu_seconds(client.popen.pid), time.perf_counter()
    time.sleep(seconds)
    used = cpu_seconds(client.popen.pid) - used
    return dict(cpu=1000 * used / (time.perf_counter() - started),
                not_exited=stop_all([client]))


def cpu_seconds(pid):
    """CPU time the process has used, in seconds, to the nanosecond:
    /proc/PID/stat counts in ticks of 10 ms, too coarse for an idle client."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/schedstat") as schedstat:
            total += int(schedstat.read().split()[0])
    return total / 1e9


def resident_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        rss = [line.split()[1] for line in status if line.startswith("VmRSS:")]
    return int(rss[0]) / 1024 if rss else math.nan


# The run.

def run(python, service, sizes):
    """Run every phase; return the results, by phase."""
    results = {}
    print("raw kombu: latency and burst ...", flush=True)
    raw_kombu = [python, str(TOOLS / "raw_kombu.py")]
    consumer = Child(raw_kombu + ["consume"], "raw-consumer")
    consumer.expect("ready", START_TIMEOUT)
    publisher = Child(raw_kombu + ["publish", "raw-1"], "raw-publisher")
    publisher.expect("ready", START_TIMEOUT)
    results["raw_latency"], results["raw_burst"] = latency_and_burst(
        publisher, consumer, sizes)
    stop_all([publisher])
    consumer.popen.terminate()  # it does not read stdin
    consumer.popen.wait(EXIT_TIMEOUT)

    print("chat: latency and burst ...", flush=True)
    chat = start_chat(python, service, 2)
    results["latency"], results["burst"] = latency_and_burst(*chat, sizes)
    results["burst"]["not_exited"] = stop_all(chat)

    for n in sizes["fanouts"]:
        print(f"chat: fan-out to {n} ...", flush=True)
        results[f"fanout{n}"] = measure_fanout(python, service, n, sizes["fanout_lines"])

    print("chat: lifecycle ...", flush=True)
    runs = [measure_lifecycle(python, service) for _ in range(sizes["lifecycle_runs"])]
    life = {key: percentile([r[key] for r in runs], 50)
            for key in ("prompt", "ready", "exit", "rss")}
    life["max_exit"] = max(r["exit"] for r in runs)
    life["earlier"] = [r["earlier"] for r in runs]
    life["not_exited"] = [name for r in runs for name in r["not_exited"]]
    results["lifecycle"] = life

    print(f"chat: idle for {sizes['idle_seconds']} s ...", flush=True)
    results["idle"] = measure_idle(python, service, sizes["idle_seconds"])
    return results


def strangers():
    """Names, not the bench's, seen in the room: other chats were running."""
    names = set()
    for child in Child.all:
        for _, text in child.other if child.name.startswith("bench-") else ():
            if match := ROOM_LINE.fullmatch(text):
                names.add(match["name"] or match["author"])
    return sorted(name for name in names if not re.fullmatch(r"bench-\d+", name))


def fmt(value):
    if value is None or isinstance(value, int):
        return "" if value is None else str(value)
    return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"


def report(results, sizes, quick):
    """Print the table and a summary line; return whether all was correct:
    no line lost, duplicated or out of order, every client's exit clean."""
    lat, raw_lat = results["latency"], results["raw_latency"]
    burst, raw_burst = results["burst"], results["raw_burst"]
    life, idle = results["lifecycle"], results["idle"]["cpu"]
    rows = [  # metric, chat, raw kombu, target, met
        ("latency p50 (ms)", lat["p50"], raw_lat["p50"], "<= 1.5x raw",
         lat["p50"] <= 1.5 * raw_lat["p50"]),
        ("latency p99 (ms)", lat["p99"], raw_lat["p99"], "< 5", lat["p99"] < 5),
        (f"burst of {sizes['burst_lines']} (lines/s)", burst["rate"], raw_burst["rate"],
         ">= 0.8x raw", burst["rate"] >= 0.8 * raw_burst["rate"]),
        ("burst lost", burst["lost"], raw_burst["lost"], "0", burst["lost"] == 0),
        ("burst out of order", burst["out_of_order"], raw_burst["out_of_order"], "0",
         burst["out_of_order"] == 0),
    ]
    for n in sizes["fanouts"]:
        fan = results[f"fanout{n}"]
        rows += [(f"fan-out to {n}: complete (%)", fan["complete"], None, "100",
                  fan["complete"] == 100),
                 (f"fan-out to {n}: p99 (ms)", fan["p99"], None, "< 50", fan["p99"] < 50)]
    rows += [
        ("time to prompt (s)", life["prompt"], None, "< 0.5", life["prompt"] < 0.5),
        ("time to ready (s)", life["ready"], None, "< 1", life["ready"] < 1),
        ("time to exit (s)", life["exit"], None, "< 0.5", life["exit"] < 0.5),
        ("idle RSS (MB)", life["rss"], None, "< 40", life["rss"] < 40),
        ("idle CPU (ms/s)", idle, None, "<= 1", idle <= 1),
    ]
    print(f"\n{'metric':32} {'chat':>10} {'raw kombu':>10}  {'target':12} met")
    for metric, chat, raw, target, met in rows:
        verdict = "-" if quick else ("yes" if met else "NO")
        print(f"{metric:32} {fmt(chat):>10} {fmt(raw):>10}  {target:12} {verdict}")
    print(f"(lifecycle: median of {sizes['lifecycle_runs']} runs; "
          f"slowest exit {life['max_exit']:.3f} s; earlier lines shown at the "
          f"welcome {', '.join(map(str, life['earlier']))})")

    errors = [f"{phase}: {result[key]} {key.replace('_', ' ')}"
              for phase, result in results.items()
              for key in ("lost", "duplicated", "out_of_order") if result.get(key)]
    errors += [f"{phase}: no clean exit at end of input: " + ", ".join(result["not_exited"])
               for phase, result in results.items() if result.get("not_exited")]
    correctness = "ok" if not errors else "FAILED: " + "; ".join(errors)
    ratios = (f"latency p50 {lat['p50'] / raw_lat['p50']:.2f}x raw, "
              f"burst {burst['rate'] / raw_burst['rate']:.2f}x raw")
    if others := strangers():
        print(f"\nwarning: other chat clients were on the broker ({', '.join(others)}): "
              "they receive the bench's lines too, and slow it down")
    missed = [metric for metric, *_, met in rows if not met]
    if quick:
        print(f"\nsummary (quick, times not judged): correctness {correctness}; {ratios}")
    else:
        print(f"\nsummary: correctness {correctness}; targets met "
              f"{len(rows) - len(missed)}/{len(rows)}; {ratios}"
              + (f"; missed: {', '.join(missed)}" if missed else ""))
    return not errors


def main():
    parser = argparse.ArgumentParser(  # this file's docstring is its help
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="small counts; check correctness only")
    parser.add_argument("--python", default=sys.executable,
                        help="interpreter for the clients (default: %(default)s)")
    parser.add_argument("--service", default=str(TOOLS.parent / "service.py"),
                        help="the chat program (default: %(default)s)")
    args = parser.parse_args()
    sizes = QUICK if args.quick else FULL
    conclude("bench", lambda: report(run(args.python, Path(args.service), sizes),
                                     sizes, args.quick))


def conclude(name, measure, *then):
    """Exit 0 if `measure()` is true, else 1 with a line that says why; however
    it ends (SIGTERM and Ctrl-C included), every child ends, then each of `then`."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # the finally runs
    ok = False
    try:
        ok = measure()
    except BenchError as exc:
        print(f"{name} failed: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print(f"{name} interrupted", file=sys.stderr)
    finally:
        cleanup()
        for step in then:
            step()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
