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

Every chat client on the broker receives every message (BROADCAST handlers):
do not run other chats on the same broker during a run, they would add load.
The bench's clients are called bench-1, bench-2, ...

Exit status: 1 if a line was lost, duplicated or reordered, or a client did not
exit with status 0 at end of input; 0 otherwise. Times are compared with the
targets in the table, never asserted.

What a full run finds. The first of two runs on 2026-11-28, against node a of
tools/cluster.sh (RabbitMQ 3.10.8, management plugin on), on a 2-core AMD EPYC
with 24 GiB, Debian 12 and Python 3.11.7, shared with other work but quiet then:

    metric                                 chat  raw kombu  target       met
    latency p50 (ms)                      2.168      0.945  <= 1.5x raw  NO
    latency p99 (ms)                      3.753      2.496  < 5          yes
    burst of 2000 (lines/s)              1582.5     4647.8  >= 0.8x raw  NO
    burst lost                                0          0  0            yes
    burst out of order                        0          0  0            yes
    fan-out to 10: complete (%)           100.0             100          yes
    fan-out to 10: p99 (ms)                10.7             < 50         yes
    fan-out to 50: complete (%)           100.0             100          yes
    fan-out to 50: p99 (ms)                34.2             < 50         yes
    time to prompt (s)                    0.141             < 0.5        yes
    time to ready (s)                     0.674             < 1          yes
    time to exit (s)                      0.064             < 0.5        yes
    idle RSS (MB)                          33.6             < 40         yes
    idle CPU (ms/s)                       0.047             <= 0.5       yes

Over four full runs that day (two there, two on the machine's own broker, one
of them while other work ran), the ranges were: latency p50 1.94-2.46 ms
(1.85-2.29x raw), p99 3.75-5.52 ms; burst 704-1582 lines/s (0.30-0.34x raw),
none lost or reordered; fan-out to 50 p99 34-49 ms; prompt 0.14-0.25 s, ready
0.67-0.79 s (the welcome's /who waits 0.5 s), exit 0.06-0.12 s; idle RSS 33.6
MB, idle CPU 0.040-0.068 ms/s; 11 or 12 targets of 14 met. A run on the same
machine while others' clients were busy had a latency p99 of 197 ms, and one
with 50 more clients of another's on the broker failed to start its 50 within
a minute: judge times only from a run on a quiet machine.

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
RAW_KOMBU = TOOLS / "raw_kombu.py"
BROKER = os.environ.get("AMQP_URI", "amqp://guest:guest@localhost:5672/")
PROMPT = ">>> "

# How much each phase does, in a full run and in a quick one.
FULL = dict(latency_lines=1000, burst_lines=2000, fanouts=(10, 50),
            fanout_lines=200, lifecycle_runs=5, idle_seconds=20)
QUICK = dict(latency_lines=20, burst_lines=100, fanouts=(3,),
             fanout_lines=20, lifecycle_runs=1, idle_seconds=2)
LATENCY_RATE = 100  # lines/s
FANOUT_RATE = 20  # lines/s

# Upper bounds on every wait, in seconds: a client that hangs fails the run
# instead of hanging the bench.
START_TIMEOUT = 60
STALL_TIMEOUT = 10
EXIT_TIMEOUT = 10

# A line the bench sends: "TAG SEQ SENT"; a client prints it as "AUTHOR: TAG SEQ SENT".
BENCH_LINE = re.compile(r"(?P<author>\S+): (?P<tag>\w+) (?P<seq>\d+) (?P<sent>\d+\.\d+)")
# Lines that name someone in the room: "* NAME joined", "* NAME left", "NAME: MSG".
ROOM_LINE = re.compile(r"\* (?P<name>.+) (joined|left)|(?P<author>[^:*]+): .*")
# What a client shows right after logging in: who else is in the room.
ROSTER = ("* in the room:", "* nobody else is here")


class BenchError(Exception):
    """A client did not do what it should, within its time."""


# Child processes.

class Child:
    """A child process with stdin and stdout on pipes.

    A thread reads its stdout a line at a time and stamps each line with the
    time it was read; lines the bench sent are kept in `arrivals`, all others
    (prompts stripped) in `other`, and `ended` is set at end of output.
    stderr goes to a file, shown on failure.
    """

    all = []  # every child started, so that cleanup() can end them all

    def __init__(self, argv, name):
        self.name = name
        self.arrivals = []  # (arrived, tag, seq, sent)
        self.other = []  # (arrived, text)
        self.ended = False
        self.changed = threading.Condition()
        self.stderr = tempfile.TemporaryFile()
        self.started = time.perf_counter()
        self.popen = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self.stderr)
        Child.all.append(self)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for raw in self.popen.stdout:
            arrived = time.perf_counter()
            text = raw.decode("utf-8", errors="replace").rstrip("\n")
            while text.startswith(PROMPT):
                text = text[len(PROMPT):]
            match = BENCH_LINE.fullmatch(text)
            with self.changed:
                if match:
                    self.arrivals.append((arrived, match["tag"],
                                          int(match["seq"]), float(match["sent"])))
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
        """Wait until `predicate()`, run with the output locked, is true;
        return whether it is."""
        with self.changed:
            return self.changed.wait_for(predicate, timeout)

    def expect(self, text, timeout):
        """Wait for an output line equal to `text`; return when it arrived."""
        def seen():
            return any(line == text for _, line in self.other)
        self.wait_for(lambda: seen() or self.ended, timeout)
        with self.changed:
            if not seen():
                why = "ended" if self.ended else f"waited {timeout} s"
                raise BenchError(f"{self.name}: no {text!r} ({why})"
                                 f"{self.stderr_tail()}")
            return next(t for t, line in self.other if line == text)

    def arrivals_of(self, tag):
        with self.changed:
            return [a for a in self.arrivals if a[1] == tag]

    def end_input(self):
        if not self.popen.stdin.closed:
            try:
                self.popen.stdin.close()
            except BrokenPipeError:
                pass

    def stop(self, timeout):
        """End input, wait for exit, else terminate; return the exit status."""
        self.end_input()
        try:
            return self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            self.popen.terminate()
            try:
                self.popen.wait(2)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()
            return None

    def stderr_tail(self):
        self.stderr.seek(0)
        tail = self.stderr.read()[-2000:].decode(errors="replace").strip()
        return f"\n--- stderr of {self.name} ---\n{tail}" if tail else ""


def stop_all(children):
    """End all their inputs at once, then wait for them all to exit; return
    a note for each that did not exit with status 0 within EXIT_TIMEOUT."""
    for child in children:
        child.end_input()
    deadline = time.perf_counter() + EXIT_TIMEOUT
    failed = []
    for child in children:
        status = child.stop(max(0.1, deadline - time.perf_counter()))
        if status != 0:
            how = "still running" if status is None else f"status {status}"
            failed.append(f"{child.name} ({how})")
            print(f"{child.name} did not exit cleanly ({how}){child.stderr_tail()}",
                  file=sys.stderr)
    return failed


def cleanup():
    """End every child still running: on success, failure or Ctrl-C."""
    running = [child for child in Child.all if child.popen.poll() is None]
    for child in running:
        child.end_input()
        child.popen.terminate()
    for child in running:
        child.stop(2)


class ChatClient(Child):
    """A `python service.py`, logged in as bench-N once `login()` returns."""

    count = 0

    def __init__(self, python, service):
        ChatClient.count += 1
        super().__init__([python, str(service), "--broker", BROKER],
                         f"bench-{ChatClient.count}")

    def wait_prompt(self):
        return self.expect("Please enter your name:", START_TIMEOUT)

    def login(self):
        self.wait_prompt()
        self.send(self.name)
        return self.expect(f"Welcome to chat, {self.name}!", START_TIMEOUT)


def start_chat(python, service, n):
    """Start n chat clients at once, log them all in, and let the room settle."""
    clients = [ChatClient(python, service) for _ in range(n)]
    for client in clients:
        client.wait_prompt()
    for client in clients:
        client.send(client.name)
    for client in clients:
        client.expect(f"Welcome to chat, {client.name}!", START_TIMEOUT)
    settle(clients)
    return clients


def settle(clients):
    """Wait until every client has shown who is in the room, and the room is
    quiet again. Each login asks the room who is there: every other client
    answers, and each answer reaches every client, so n clients logging in at
    once make about n**3 deliveries (125,000 for 50), which take a while."""
    for client in clients:
        if not client.wait_for(lambda c=client: any(
                line.startswith(ROSTER) for _, line in c.other), START_TIMEOUT):
            raise BenchError(f"{client.name}: no roster line")
    pids = [client.popen.pid for client in clients]
    deadline = time.perf_counter() + 4 * START_TIMEOUT
    while time.perf_counter() < deadline:
        before = sum(cpu_seconds(pid) for pid in pids)
        time.sleep(0.5)
        if sum(cpu_seconds(pid) for pid in pids) - before < 0.01:  # 2% of a core
            return
    raise BenchError("the room did not settle")


def start_raw(python):
    """Start the raw kombu consumer, then a publisher; both ready."""
    consumer = Child([python, str(RAW_KOMBU), "consume"], "raw-consumer")
    consumer.expect("ready", START_TIMEOUT)
    publisher = Child([python, str(RAW_KOMBU), "publish", "raw-1"], "raw-publisher")
    publisher.expect("ready", START_TIMEOUT)
    return publisher, consumer


# Measurements.

def bench_line(tag, seq, sent=None):
    sent = time.perf_counter() if sent is None else sent
    return f"{tag} {seq} {sent:.6f}"


def percentile(values, p):
    """The nearest-rank p-th percentile of values, or NaN if there are none."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def wait_for_lines(receivers, tag, count):
    """Wait until every receiver has `count` lines tagged `tag`; give up when
    STALL_TIMEOUT passes without any of them getting one more."""
    def received():
        return sum(len(receiver.arrivals_of(tag)) for receiver in receivers)

    def has_all(receiver):
        return lambda: sum(a[1] == tag for a in receiver.arrivals) >= count

    before = -1
    while received() > before:
        before = received()
        deadline = time.perf_counter() + STALL_TIMEOUT
        if all(receiver.wait_for(has_all(receiver), max(0, deadline - time.perf_counter()))
               for receiver in receivers):
            return


def check_order(arrivals, count):
    """Count the lines lost, duplicated and out of order, by sequence number."""
    seqs = [seq for _, _, seq, _ in arrivals]
    lost = len(set(range(count)) - set(seqs))
    duplicated = len(seqs) - len(set(seqs))
    out_of_order = sum(1 for before, after in zip(seqs, seqs[1:], strict=False) if after < before)
    return dict(lost=lost, duplicated=duplicated, out_of_order=out_of_order)


def send_paced(sender, tag, count, rate):
    """Send `count` lines at `rate` lines/s, each stamped as it is sent."""
    start = time.perf_counter()
    for seq in range(count):
        delay = start + seq / rate - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        sender.send(bench_line(tag, seq))


def measure_latency(sender, receiver, count):
    """p50 and p99 of send-to-print time, in ms, at LATENCY_RATE lines/s."""
    send_paced(sender, "lat", count, LATENCY_RATE)
    wait_for_lines([receiver], "lat", count)
    arrivals = receiver.arrivals_of("lat")
    latencies = [(arrived - sent) * 1000 for arrived, _, _, sent in arrivals]
    return dict(p50=percentile(latencies, 50), p99=percentile(latencies, 99),
                **check_order(arrivals, count))


def measure_burst(sender, receiver, count):
    """Pipe `count` lines into the sender at once; lines/s until the last is printed."""
    start = time.perf_counter()
    lines = "".join(bench_line("burst", seq, start) + "\n" for seq in range(count))
    sender.popen.stdin.write(lines.encode())
    sender.popen.stdin.flush()
    wait_for_lines([receiver], "burst", count)
    arrivals = receiver.arrivals_of("burst")
    elapsed = arrivals[-1][0] - start if arrivals else math.inf
    return dict(rate=len(arrivals) / elapsed, **check_order(arrivals, count))


def measure_fanout(python, service, receivers, count):
    """One sender, `receivers` receivers, FANOUT_RATE lines/s: completeness and p99."""
    sender, *others = start_chat(python, service, receivers + 1)
    time.sleep(1)  # let the `joined` lines from all the logins settle
    send_paced(sender, "fan", count, FANOUT_RATE)
    wait_for_lines(others, "fan", count)
    latencies, errors = [], dict(lost=0, duplicated=0, out_of_order=0)
    for receiver in others:
        arrivals = receiver.arrivals_of("fan")
        latencies += [(arrived - sent) * 1000 for arrived, _, _, sent in arrivals]
        for key, value in check_order(arrivals, count).items():
            errors[key] += value
    received = len(set((r.name, a[2]) for r in others for a in r.arrivals_of("fan")))
    not_exited = stop_all([sender, *others])
    return dict(complete=100 * received / (count * receivers),
                p99=percentile(latencies, 99), not_exited=not_exited, **errors)


def measure_lifecycle(python, service):
    """One client alone: seconds to prompt, to ready and to exit; idle RSS in MB."""
    client = ChatClient(python, service)
    prompt = client.wait_prompt() - client.started
    client.login()
    client.send(bench_line("ready", 0))
    if not client.wait_for(lambda: client.arrivals, START_TIMEOUT):
        raise BenchError(f"{client.name}: its first line did not come back")
    ready = client.arrivals_of("ready")[0][0] - client.started
    time.sleep(1)
    rss = resident_mb(client.popen.pid)
    ended = time.perf_counter()
    not_exited = stop_all([client])
    exit_time = time.perf_counter() - ended
    return dict(prompt=prompt, ready=ready, exit=exit_time, rss=rss,
                not_exited=not_exited)


def measure_idle(python, service, seconds):
    """CPU that a logged-in client spends, in ms a second, while nothing
    happens to it."""
    client = start_chat(python, service, 1)[0]
    time.sleep(1)  # let the start-up settle
    used, started = cpu_seconds(client.popen.pid), time.perf_counter()
    time.sleep(seconds)
    used = cpu_seconds(client.popen.pid) - used
    idle = 1000 * used / (time.perf_counter() - started)
    return dict(cpu=idle, not_exited=stop_all([client]))


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
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return math.nan


def median(values):
    return percentile(values, 50)


# The run.

def run(python, service, sizes):
    """Run every phase; return the results, by phase."""
    results = {}

    print("raw kombu: latency and burst ...", flush=True)
    publisher, consumer = start_raw(python)
    publisher.send(bench_line("warm", 0))
    wait_for_lines([consumer], "warm", 1)
    results["raw_latency"] = measure_latency(publisher, consumer, sizes["latency_lines"])
    results["raw_burst"] = measure_burst(publisher, consumer, sizes["burst_lines"])
    publisher.stop(EXIT_TIMEOUT)
    consumer.popen.terminate()  # it does not read stdin
    consumer.stop(EXIT_TIMEOUT)

    print("chat: latency and burst ...", flush=True)
    sender, receiver = start_chat(python, service, 2)
    sender.send(bench_line("warm", 0))
    wait_for_lines([receiver], "warm", 1)
    results["latency"] = measure_latency(sender, receiver, sizes["latency_lines"])
    results["burst"] = measure_burst(sender, receiver, sizes["burst_lines"])
    results["burst"]["not_exited"] = stop_all([sender, receiver])

    for n in sizes["fanouts"]:
        print(f"chat: fan-out to {n} ...", flush=True)
        results[f"fanout{n}"] = measure_fanout(python, service, n, sizes["fanout_lines"])

    print("chat: lifecycle ...", flush=True)
    runs = [measure_lifecycle(python, service) for _ in range(sizes["lifecycle_runs"])]
    results["lifecycle"] = {key: median([r[key] for r in runs])
                            for key in ("prompt", "ready", "exit", "rss")}
    results["lifecycle"]["max_exit"] = max(r["exit"] for r in runs)
    results["lifecycle"]["not_exited"] = [n for r in runs for n in r["not_exited"]]

    print(f"chat: idle for {sizes['idle_seconds']} s ...", flush=True)
    results["idle"] = measure_idle(python, service, sizes["idle_seconds"])
    return results


def strangers():
    """Names, not the bench's, seen in the room: other chats were running."""
    names = set()
    for child in Child.all:
        if isinstance(child, ChatClient):
            for _, text in child.other:
                match = ROOM_LINE.fullmatch(text)
                name = match and (match["name"] or match["author"])
                if name and not re.fullmatch(r"bench-\d+", name):
                    names.add(name)
    return sorted(names)


def correctness_errors(results):
    """Everything that went wrong other than time: lines lost, duplicated,
    out of order, clients that did not exit with status 0."""
    errors = []
    for phase, result in results.items():
        for key in ("lost", "duplicated", "out_of_order"):
            if result.get(key):
                errors.append(f"{phase}: {result[key]} {key.replace('_', ' ')}")
        if result.get("not_exited"):
            errors.append(f"{phase}: no clean exit at end of input: "
                          + ", ".join(result["not_exited"]))
    return errors


def table_rows(results, sizes):
    """(metric, chat, raw kombu, target, met) for each row of the table."""
    lat, raw_lat = results["latency"], results["raw_latency"]
    burst, raw_burst = results["burst"], results["raw_burst"]
    life = results["lifecycle"]
    rows = [
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
        rows += [
            (f"fan-out to {n}: complete (%)", fan["complete"], None, "100",
             fan["complete"] == 100),
            (f"fan-out to {n}: p99 (ms)", fan["p99"], None, "< 50", fan["p99"] < 50),
        ]
    rows += [
        ("time to prompt (s)", life["prompt"], None, "< 0.5", life["prompt"] < 0.5),
        ("time to ready (s)", life["ready"], None, "< 1", life["ready"] < 1),
        ("time to exit (s)", life["exit"], None, "< 0.5", life["exit"] < 0.5),
        ("idle RSS (MB)", life["rss"], None, "< 40", life["rss"] < 40),
        ("idle CPU (ms/s)", results["idle"]["cpu"], None, "<= 0.5",
         results["idle"]["cpu"] <= 0.5),
    ]
    return rows


def fmt(value):
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"


def print_report(results, sizes, quick):
    rows = table_rows(results, sizes)
    print()
    print(f"{'metric':32} {'chat':>10} {'raw kombu':>10}  {'target':12} met")
    for metric, chat, raw, target, met in rows:
        verdict = "-" if quick else ("yes" if met else "NO")
        print(f"{metric:32} {fmt(chat):>10} {fmt(raw):>10}  {target:12} {verdict}")
    life = results["lifecycle"]
    print(f"(lifecycle: median of {sizes['lifecycle_runs']} runs; "
          f"slowest exit {life['max_exit']:.3f} s)")

    errors = correctness_errors(results)
    correctness = "ok" if not errors else "FAILED: " + "; ".join(errors)
    ratios = (f"latency p50 {results['latency']['p50'] / results['raw_latency']['p50']:.2f}x raw, "
              f"burst {results['burst']['rate'] / results['raw_burst']['rate']:.2f}x raw")
    others = strangers()
    if others:
        print(f"\nwarning: other chat clients were on the broker ({', '.join(others)}): "
              "they receive the bench's lines too, and slow it down")
    if quick:
        print(f"\nsummary (quick, times not judged): correctness {correctness}; {ratios}")
    else:
        missed = [metric for metric, _, _, _, met in rows if not met]
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

    # SIGTERM ends the bench like Ctrl-C does: through cleanup().
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        results = run(args.python, Path(args.service), sizes)
        ok = print_report(results, sizes, args.quick)
    except BenchError as exc:
        print(f"bench failed: {exc}", file=sys.stderr)
        ok = False
    except KeyboardInterrupt:
        print("bench interrupted", file=sys.stderr)
        ok = False
    finally:
        cleanup()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
