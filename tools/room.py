"""Benchmark presence: what joins, a storm of joins, idle clients and a kill cost a room.

    python tools/room.py            # 50 clients, then a storm of 20: 2 to 3 minutes
    python tools/room.py --quick    # 5 clients, then 3: a smoke run

Every client is a real `python service.py` on pipes (bench.py's Child), called
room-1, room-2, ..., in a vhost of the bench's own, made (and deleted) through
RabbitMQ's management API at $RABBIT_CTL_URI, else http://guest:guest@localhost:15672.

    join   One client says 50 lines, the room's history; then the others log in
           one after another, each showing those lines after its welcome, marked
           [HH:MM]. The last one's roster (the first line after its welcome that
           names the room) must name exactly the others. Its join costs the
           vhost's deliveries (message_stats.deliver_get: deliver, deliver_no_ack
           and get) from its start until the room is quiet again, split in two:
           history, those from the stream chat.history (the queue's own
           message_stats), which a client reads as it starts (the stream's last
           chunk, to find its end, then the 50 lines before it); and presence,
           the rest (its joined, the others' answers, its name's will). Then the
           connections per client.
    storm  STORM more log in at once: the time until the room is quiet again,
           and until every newcomer has shown its roster and every earlier member
           has told every join; the rosters that miss one of the earlier members,
           with when each came; the deliveries from the newcomers' start, split as
           for the join; the fewest earlier lines a newcomer showed; the peak of
           connections per client (polled every 0.2 s).
    kill   SIGKILL one client: the time until every other prints `* NAME left`.

"Quiet": the clients' CPU under bench.quiet_cpu, or under twice what they used
idle before the storm, for 1 s. (With the fixed threshold alone, a room on a
slower machine, idle at 1.0-1.2 ms/s a client, read as busy for 16 to 52 s.)
The broker refreshes its
statistics every 5 s, so a count is read once it has stood still for 6 s; its list
of connections lags as much, so the storm's peak is a lower bound. Exit status 1
if the last joiner's roster was wrong, a kill never told, a client failed, or more
storm rosters came short than one in 20 (one in a small storm: a roster shown in a
storm may miss one who answered late); else 0. Costs are compared with the targets
of issue 24 in the report, never asserted.

Full runs on 2026-12-06 (RabbitMQ 3.10.8; a 2-core AMD EPYC, Debian 12, Python
3.11.7; the machine shared with others' work and busy, load average 4 to 20),
alternating: three after the stream (fa2b55b's service.py, this tool, 50 lines
said first) and two before it (36ce30f, its own room.py: no lines said, no
history; its join is counted from the name typed, which for that design is the
same).

    metric                                 before the stream   after, 50 lines   target
    joiner 50: others its roster names     49, both runs       49, every run     49
    joiner 50: earlier lines it showed     (none kept)         50, every run     50
    join into 49: deliveries, presence     100 (2.04)          100 (2.04)        <= 110
    join into 49: deliveries, history      none                51, every run     50 + a chunk
    connections per idle client            3.0                 3.0               <= 3
    idle CPU per client (ms/s)             0.65-0.68           0.59-0.77
    storm: settled (s)                     1.99-4.32           3.36-4.23
    storm: rosters shown, joins told (s)   3.46-4.22           3.49-4.57         <= 5
    storm: rosters missing someone         0 in both runs      0 in every run    <= 1 of 20
    storm: deliveries, presence            2,800               2,753-2,800
    storm: deliveries, history             none                1,000-1,020
    kill: all 69 others told (s)           0.059-0.068         0.061-0.082       <= 2

Presence costs what it did: 2N, the joined to each member and each member's here
(WHO_WAIT, STORM_WAIT and the 2N design are unchanged). History adds 51 a joiner:
the last chunk its probe reads, here one line (a line said alone is a chunk of its
own), and the 50 lines its consumer reads from there. In one storm the count was
20 x 50: the management API now and then misses a short-lived channel's
deliveries (one start in 24, in a separate test), and the probe's is one. A joiner
reads its history as it starts, before its name is typed, so the storm's times
are those of before, within the noise of a busy machine.
"""
import argparse
import base64
import contextlib
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from bench import (ROSTER, START_TIMEOUT, BenchError, Child, bench_line, conclude, cpu_seconds,
                   fmt, quiet_cpu, stop_all, wait_for_lines)

TOOLS = Path(__file__).resolve().parent
API = os.environ.get("RABBIT_CTL_URI", "http://guest:guest@localhost:15672")
STATS_QUIET = 6  # seconds: one stats refresh (5 s) and a margin
KILL_WAIT = 5  # seconds that the others have to tell a kill
STORM_WAIT = 300  # seconds: an upper bound on a storm, for the old design
HISTORY = "chat.history"  # the stream of the room's lines
HISTORY_LINES = 50  # lines said in the room before the joins: what a joiner shows


class Broker:
    """A vhost of our own, made as we start, through the management API."""

    def __init__(self, api, amqp, vhost):
        url = urllib.parse.urlsplit(api)
        self.base = f"{url.scheme}://{url.hostname}:{url.port or 15672}/api"
        self.auth = "Basic " + base64.b64encode(f"{url.username}:{url.password}".encode()).decode()
        self.vhost = urllib.parse.quote(vhost, safe="")
        self.uri = amqp.rstrip("/") + "/" + self.vhost
        self.call("PUT", f"/vhosts/{self.vhost}", {})
        self.call("PUT", f"/permissions/{self.vhost}/guest", {"configure": ".*", "write": ".*", "read": ".*"})

    def call(self, method, path, body=None):
        request = urllib.request.Request(self.base + path, method=method, headers={
            "Authorization": self.auth, "Content-Type": "application/json"},
            data=None if body is None else json.dumps(body).encode())
        with urllib.request.urlopen(request, timeout=10) as response:
            data = response.read()
        return json.loads(data) if data else None

    def connections(self):
        return len(self.call("GET", f"/vhosts/{self.vhost}/connections"))

    def deliveries(self):
        """The vhost's deliveries so far, and those from the stream HISTORY among
        them (none if there is no stream), once both counts have stopped moving."""
        def read():
            stats = self.call("GET", f"/vhosts/{self.vhost}").get("message_stats", {})
            try:
                stream = self.call("GET", f"/queues/{self.vhost}/{HISTORY}").get("message_stats", {})
            except urllib.error.HTTPError as error:
                if error.code != 404:
                    raise
                stream = {}
            return stats.get("deliver_get", 0), stream.get("deliver_get", 0)
        counts, since = read(), time.perf_counter()
        while time.perf_counter() - since < STATS_QUIET:
            time.sleep(0.5)
            if (now := read()) != counts:
                counts, since = now, time.perf_counter()
        return counts


def start(python, service, uri, names):
    """Start a client for each name, all at once; return them at their name prompt."""
    clients = [Child([python, str(service), "--broker", uri], name) for name in names]
    for client in clients:
        client.expect("Please enter your name:", START_TIMEOUT)
    return clients


def roster(client, timeout):
    """The names in the client's roster, and when it came: its first, as it shows none
    before its welcome."""
    client.expect(f"Welcome to chat, {client.name}!", timeout)
    if not client.wait_for(lambda: any(t.startswith(ROSTER) for _, t in client.other), timeout):
        raise BenchError(f"{client.name}: no roster line after its welcome")
    at, text = next((at, t) for at, t in client.other if t.startswith(ROSTER))
    return set() if text == ROSTER[1] else set(text[len(ROSTER[0]):].strip().split(", ")), at


def idle_cpu(clients, seconds=3):
    """The CPU, in cores, that each of the clients uses now."""
    pids = [client.popen.pid for client in clients]
    used = sum(map(cpu_seconds, pids))
    time.sleep(seconds)
    return (sum(map(cpu_seconds, pids)) - used) / seconds / len(pids)


def quiet(clients, timeout, idle=0):
    """Wait until the clients' CPU stays under bench.quiet_cpu, or twice their
    `idle` CPU (a slower machine's idle), for 1 s; return when it went under."""
    pids = [client.popen.pid for client in clients]
    under = max(quiet_cpu(len(pids)), 2 * idle * len(pids))
    used, last_busy = sum(map(cpu_seconds, pids)), time.perf_counter()
    while time.perf_counter() - last_busy < 1:
        time.sleep(0.2)
        now, total = time.perf_counter(), sum(map(cpu_seconds, pids))
        if total - used > under * 0.2:
            last_busy = now
        used = total
        if now - last_busy > timeout:
            raise BenchError(f"the room was not quiet within {timeout} s")
    return last_busy


def say_history(client):
    """`client` says HISTORY_LINES lines, and sees them all come back."""
    client.send("\n".join(bench_line("earlier", seq) for seq in range(HISTORY_LINES)))
    wait_for_lines([client], "earlier", HISTORY_LINES)
    if len(client.arrivals_of("earlier")) < HISTORY_LINES:
        raise BenchError(f"{client.name}: its {HISTORY_LINES} lines did not all come back")


def run(python, service, broker, clients, storm):
    """Every phase; return the figures."""
    r = {}
    print(f"join: {HISTORY_LINES} lines said, then {clients} clients, one after another ...",
          flush=True)
    names = [f"room-{i}" for i in range(1, clients + 1)]
    room = start(python, service, broker.uri, names[:1])
    room[0].send(room[0].name)
    roster(room[0], START_TIMEOUT)
    say_history(room[0])
    room += start(python, service, broker.uri, names[1:-1])
    for client in room[1:]:
        client.send(client.name)
        roster(client, START_TIMEOUT)
    quiet(room, STORM_WAIT)
    # The join's deliveries count from the joiner's start: it reads the room's
    # last lines from the stream as it starts, before it is given its name.
    before = broker.deliveries()
    last = start(python, service, broker.uri, names[-1:])[0]
    quiet(room + [last], STORM_WAIT)
    last.send(last.name)
    (seen, _), others = roster(last, START_TIMEOUT), set(names[:-1])
    r["roster"] = f"{len(seen & others)}" + (f" +{len(seen - others)}" if seen - others else "")
    r["roster_right"] = seen == others
    room.append(last)
    quiet(room, STORM_WAIT)
    after = broker.deliveries()
    r["join"], r["join_history"] = (a - b for a, b in zip(after, before, strict=True))
    r["join_presence"] = r["join"] - r["join_history"]
    r["earlier"] = len(last.earlier)
    r["idle_conns"] = broker.connections() / len(room)
    r["idle_cpu"] = idle = idle_cpu(room)

    print(f"storm: {storm} more at the same moment ...", flush=True)
    # Again from their start, which reads the room's last lines.
    before = broker.deliveries()
    joiners = start(python, service, broker.uri, [f"room-{i}" for i in range(clients + 1, clients + storm + 1)])
    quiet(room + joiners, STORM_WAIT, idle)
    peak, done = [0], threading.Event()

    def poll():
        while not done.wait(0.2):
            peak[0] = max(peak[0], broker.connections())
    threading.Thread(target=poll, daemon=True).start()
    started = time.perf_counter()
    for client in joiners:
        client.send(client.name)
    # Settled: the clients' CPU back to idle. Meanwhile each newcomer waits for
    # its roster (which costs no CPU), and every earlier member tells every join.
    r["storm_settle"] = quiet(room + joiners, STORM_WAIT, idle) - started
    rosters, shown = zip(*[roster(client, STORM_WAIT) for client in joiners], strict=True)
    tells = [client.expect(f"* {joiner.name} joined", STORM_WAIT) for client in room for joiner in joiners]
    r["storm_told"] = max(*tells, *shown) - started
    done.set()
    missed = [len(set(names) - seen) for seen in rosters]
    r["storm_missing"], r["storm_most_missed"] = sum(map(bool, missed)), max(missed)
    for client, count, at in zip(joiners, missed, shown, strict=True):
        if count:  # when its welcome and its roster came, after the names were sent
            welcome = next(t for t, line in client.other if line.startswith("Welcome"))
            print(f"  {client.name} missed {count}: welcome at {welcome - started:.2f} s, "
                  f"roster at {at - started:.2f} s", flush=True)
    r["storm_deliveries"], r["storm_history"] = (
        a - b for a, b in zip(broker.deliveries(), before, strict=True))
    r["storm_earlier"] = min(len(client.earlier) for client in joiners)
    r["peak_conns"] = peak[0] / (len(room) + len(joiners))

    print("kill: SIGKILL one client ...", flush=True)
    victim, others = room[0], room[1:] + joiners
    told = f"* {victim.name} left"
    killed = time.perf_counter()
    victim.popen.kill()
    times = []
    for client in others:
        with contextlib.suppress(BenchError):  # not told within KILL_WAIT
            times.append(client.expect(told, killed + KILL_WAIT - time.perf_counter()) - killed)
    r["told"], r["others"] = len(times), len(others)
    r["kill"] = max(times) if len(times) == len(others) else f"{len(times)} told"
    victim.popen.wait()
    stop_all(others)
    return r


def report(r, clients, storm):
    n = clients - 1
    rows = [
        (f"joiner {clients}: others its roster names", r["roster"], f"exactly the {n}", r["roster_right"]),
        (f"joiner {clients}: earlier lines it showed", r["earlier"], f"{HISTORY_LINES}", None),
        (f"join into {n}: deliveries, presence", r["join_presence"], f"<= 2N+12 ({2 * n + 12})",
         r["join_presence"] <= 2 * n + 12),
        (f"join into {n}: presence per member", r["join_presence"] / n, "about 2", None),
        (f"join into {n}: deliveries, {HISTORY}", r["join_history"], f"{HISTORY_LINES} + a chunk", None),
        (f"join into {n}: deliveries, all", r["join"], "", None),
        ("idle CPU per client (ms/s)", r["idle_cpu"] * 1000, "", None),
        ("connections per idle client", r["idle_conns"], "<= 3", r["idle_conns"] <= 3),
        (f"storm of {storm} into {clients}: settled (s)", r["storm_settle"], "", None),
        ("storm: all rosters shown, all joins told (s)", r["storm_told"], "<= 5", r["storm_told"] <= 5),
        (f"storm: rosters missing someone (of {storm})", r["storm_missing"], f"<= {short_allowed(storm)}",
         r["storm_missing"] <= short_allowed(storm)),
        (f"storm: most of the {clients} one roster missed", r["storm_most_missed"], "", None),
        ("storm: deliveries, presence", r["storm_deliveries"] - r["storm_history"], "", None),
        (f"storm: deliveries, {HISTORY}", r["storm_history"], "", None),
        ("storm: deliveries, all", r["storm_deliveries"], "", None),
        ("storm: fewest earlier lines a newcomer showed", r["storm_earlier"], f"{HISTORY_LINES}", None),
        ("storm: connections per client, peak", r["peak_conns"], "", None),
        (f"kill: all {r['others']} others told (s)", r["kill"], f"<= 2 (waited {KILL_WAIT})",
         r["told"] == r["others"] and r["kill"] <= 2),
    ]
    print(f"\n{'metric':44} {'value':>9}  {'target':18} met")
    for metric, value, target, met in rows:
        shown = value if isinstance(value, str) else fmt(value)
        print(f"{metric:44} {shown:>9}  {target:18} {'' if met is None else 'met' if met else 'NOT'}")
    judged = [met for *_, met in rows if met is not None]
    print(f"\ntargets met {sum(judged)}/{len(judged)}")
    return (r["roster_right"] and r["storm_missing"] <= short_allowed(storm)
            and r["told"] == r["others"])


def short_allowed(storm):
    """Storm rosters that may come short: one in 20, and one in a small storm.
    A roster shown in a storm may miss one who answered late (the contract's
    item 9); /who is right right after."""
    return max(1, storm // 20)


def main():
    parser = argparse.ArgumentParser(  # this file's docstring is its help
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="5 clients, then 3")
    parser.add_argument("--clients", type=int, default=50, help="the room's size before the storm")
    parser.add_argument("--storm", type=int, default=20, help="how many join at once")
    parser.add_argument("--python", default=sys.executable, help="the clients' interpreter (default: %(default)s)")
    parser.add_argument("--service", default=str(TOOLS.parent / "service.py"), help="the chat program they run (default: %(default)s)")
    parser.add_argument("--broker", default="amqp://guest:guest@localhost:5672/", help="RabbitMQ, without a vhost: the bench makes one")
    args = parser.parse_args()
    clients, storm = (5, 3) if args.quick else (args.clients, args.storm)
    broker = Broker(API, args.broker, f"nameko-chat-room-{os.getpid()}")
    conclude("room", lambda: report(run(args.python, Path(args.service), broker, clients,
                                        storm), clients, storm),
             lambda: broker.call("DELETE", f"/vhosts/{broker.vhost}"))


if __name__ == "__main__":
    main()
