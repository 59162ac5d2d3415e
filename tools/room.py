"""Benchmark presence: what joins, a storm of joins, idle clients and a kill cost a room.

    python tools/room.py             # 50 clients, then a storm of 20: a few minutes
    python tools/room.py --quick     # 5 clients, then 3: a smoke run
    python tools/room.py --clients 100 --service ../main/service.py

Every client is a real `python service.py` on pipes (tools/bench.py's Child),
with --broker in a vhost of the bench's own, made through RabbitMQ's
management API ($RABBIT_CTL_URI, else http://guest:guest@localhost:15672) and
deleted at the end. The clients are called room-1, room-2, ...

    join      CLIENTS clients log in one after another. The last one's roster
              (the `* in the room:` line after its welcome) must name exactly
              the others. Its join's cost is the vhost's deliveries
              (message_stats.deliver_get, which counts deliver, deliver_no_ack
              and get) from before it to when the room is quiet again.
    idle      connections in the vhost per client, the room idle.
    storm     STORM more clients log in at the same moment: the time until the
              room is quiet again; how many of their rosters miss one of the
              earlier members; the connections per client at the peak (polled
              every 0.2 s).
    kill      SIGKILL one client: the time until every other prints `* NAME left`.

"Quiet" is the clients' CPU below 2% of a core for 1 s (bench.cpu_seconds). The
broker refreshes message_stats every 5 s (collect_statistics_interval), so a
count is read once it has not moved for 6 s; the list of connections lags as
much, so the storm's peak is a lower bound.

Exit status: 1 if a roster was wrong or a kill was never told, or a client did
not do what it should (no welcome, no roster); 0 otherwise. Times and costs
are compared with the targets of issue 15, never asserted.

What full runs found, on 2026-12-01, on the machine's RabbitMQ 3.10.8 (2-core
AMD EPYC, Python 3.11.7, shared with other work):

    FIGURES
"""
import argparse
import base64
import json
import os
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from bench import ROSTER, START_TIMEOUT, BenchError, Child, cleanup, cpu_seconds, fmt, stop_all

TOOLS = Path(__file__).resolve().parent
API = os.environ.get("RABBIT_CTL_URI", "http://guest:guest@localhost:15672")
BUSY = 0.02  # of a core: above it, the room is not quiet
STATS_QUIET = 6  # seconds: one stats refresh (5 s) and a margin
KILL_WAIT = 5  # seconds that the others have to tell a kill
STORM_WAIT = 300  # seconds: an upper bound on a storm, for the old design


class Broker:
    """A vhost of our own, through the management API."""

    def __init__(self, api, amqp, vhost):
        url = urllib.parse.urlsplit(api)
        self.base = f"{url.scheme}://{url.hostname}:{url.port or 15672}/api"
        self.auth = "Basic " + base64.b64encode(
            f"{url.username}:{url.password}".encode()).decode()
        self.vhost = urllib.parse.quote(vhost, safe="")
        self.uri = amqp.rstrip("/") + "/" + self.vhost

    def call(self, method, path, body=None):
        request = urllib.request.Request(
            self.base + path, method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": self.auth, "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            data = response.read()
        return json.loads(data) if data else None

    def create(self):
        self.call("PUT", f"/vhosts/{self.vhost}", {})
        self.call("PUT", f"/permissions/{self.vhost}/guest",
                  {"configure": ".*", "write": ".*", "read": ".*"})

    def delete(self):
        self.call("DELETE", f"/vhosts/{self.vhost}")

    def connections(self):
        return len(self.call("GET", f"/vhosts/{self.vhost}/connections"))

    def deliveries(self):
        """The vhost's deliveries so far, once the count has stopped moving."""
        def read():
            stats = self.call("GET", f"/vhosts/{self.vhost}").get("message_stats", {})
            return stats.get("deliver_get", 0)
        count, since = read(), time.perf_counter()
        while time.perf_counter() - since < STATS_QUIET:
            time.sleep(0.5)
            if (now := read()) != count:
                count, since = now, time.perf_counter()
        return count


def start(python, service, uri, names):
    """Start a client for each name, all at once; return them at their name prompt."""
    clients = [Child([python, str(service), "--broker", uri], name) for name in names]
    for client in clients:
        client.expect("Please enter your name:", START_TIMEOUT)
    return clients


def roster(client, timeout):
    """The names in the roster line that follows the client's welcome."""
    welcome = f"Welcome to chat, {client.name}!"

    def line():
        lines = [text for _, text in client.other]
        after = lines[lines.index(welcome) + 1:] if welcome in lines else []
        return next((text for text in after if text.startswith(ROSTER)), None)
    client.expect(welcome, timeout)
    client.wait_for(lambda: line() or client.ended, timeout)
    with client.changed:
        text = line()
    if text is None:
        raise BenchError(f"{client.name}: no roster line after its welcome")
    return set() if text == ROSTER[1] else set(text[len(ROSTER[0]):].strip().split(", "))


def quiet(clients, timeout):
    """Wait until the clients' CPU has stayed under BUSY for 1 s; return when it went under."""
    pids = [client.popen.pid for client in clients]
    used, last_busy = sum(map(cpu_seconds, pids)), time.perf_counter()
    while time.perf_counter() - last_busy < 1:
        time.sleep(0.2)
        now, total = time.perf_counter(), sum(map(cpu_seconds, pids))
        if total - used > BUSY * 0.2:
            last_busy = now
        used = total
        if now - last_busy > timeout:
            raise BenchError(f"the room was not quiet within {timeout} s")
    return last_busy


def run(python, service, broker, clients, storm):
    """Every phase; return the figures."""
    r = {}
    print(f"join: {clients} clients, one after another ...", flush=True)
    names = [f"room-{i}" for i in range(1, clients + 1)]
    room = start(python, service, broker.uri, names[:-1])
    for client in room:
        client.send(client.name)
        roster(client, START_TIMEOUT)
    last = start(python, service, broker.uri, names[-1:])[0]
    quiet(room + [last], STORM_WAIT)
    before = broker.deliveries()
    last.send(last.name)
    seen, others = roster(last, START_TIMEOUT), set(names[:-1])
    r["roster"] = f"{len(seen & others)}" + (f" +{len(seen - others)}" if seen - others else "")
    r["roster_right"] = seen == others
    room.append(last)
    quiet(room, STORM_WAIT)
    r["join"] = broker.deliveries() - before
    r["idle_conns"] = broker.connections() / len(room)

    print(f"storm: {storm} more at the same moment ...", flush=True)
    joiners = start(python, service, broker.uri,
                    [f"room-{i}" for i in range(clients + 1, clients + storm + 1)])
    quiet(room + joiners, STORM_WAIT)
    before, peak, done = broker.deliveries(), [0], threading.Event()

    def poll():
        while not done.wait(0.2):
            peak[0] = max(peak[0], broker.connections())
    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    started = time.perf_counter()
    for client in joiners:
        client.send(client.name)
    rosters = [roster(client, STORM_WAIT) for client in joiners]
    r["storm_settle"] = quiet(room + joiners, STORM_WAIT) - started
    done.set()
    poller.join()
    r["storm_missing"] = sum(not set(names) <= names_seen for names_seen in rosters)
    r["storm_deliveries"] = broker.deliveries() - before
    r["peak_conns"] = peak[0] / (len(room) + len(joiners))

    print("kill: SIGKILL one client ...", flush=True)
    victim, others = room[0], room[1:] + joiners
    told = f"* {victim.name} left"
    killed = time.perf_counter()
    victim.popen.kill()
    times = []
    for client in others:
        if client.wait_for(lambda c=client: any(t == told for _, t in c.other),
                           max(0, killed + KILL_WAIT - time.perf_counter())):
            times.append(next(at for at, t in client.other if t == told) - killed)
    r["told"], r["others"] = len(times), len(others)
    r["kill"] = max(times) if len(times) == len(others) else None
    victim.popen.wait()
    stop_all(others)
    return r


def report(r, clients, storm):
    n = clients - 1
    rows = [
        (f"joiner {clients}: others its roster names", r["roster"], f"exactly the {n}",
         r["roster_right"]),
        (f"join into {n}: deliveries", r["join"], f"<= 4N ({4 * n})", r["join"] <= 4 * n),
        (f"join into {n}: deliveries per member", r["join"] / n, "<= 4", r["join"] <= 4 * n),
        ("connections per idle client", r["idle_conns"], "<= 3", r["idle_conns"] <= 3),
        (f"storm of {storm} into {clients}: settled (s)", r["storm_settle"], "<= 5",
         r["storm_settle"] <= 5),
        (f"storm: rosters missing someone (of {storm})", r["storm_missing"], "0",
         r["storm_missing"] == 0),
        ("storm: deliveries", r["storm_deliveries"], "", None),
        ("storm: connections per client, peak", r["peak_conns"], "", None),
        (f"kill: told all {r['others']} others (s)",
         "never" if r["kill"] is None else r["kill"], f"<= 2 (waited {KILL_WAIT})",
         r["kill"] is not None and r["kill"] <= 2),
        ("kill: clients told", f"{r['told']}/{r['others']}", "all", r["told"] == r["others"]),
    ]
    print(f"\n{'metric':44} {'value':>9}  {'target':18} met")
    for metric, value, target, met in rows:
        shown = value if isinstance(value, str) else fmt(value)
        print(f"{metric:44} {shown:>9}  {target:18} {'' if met is None else 'met' if met else 'NOT'}")
    judged = [met for *_, met in rows if met is not None]
    print(f"\ntargets met {sum(judged)}/{len(judged)}")
    return r["roster_right"] and not r["storm_missing"] and r["told"] == r["others"]


def main():
    parser = argparse.ArgumentParser(  # this file's docstring is its help
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="5 clients, then 3")
    parser.add_argument("--clients", type=int, default=50, help="the room's size before the storm")
    parser.add_argument("--storm", type=int, default=20, help="how many join at once")
    parser.add_argument("--python", default=sys.executable,
                        help="interpreter for the clients (default: %(default)s)")
    parser.add_argument("--service", default=str(TOOLS.parent / "service.py"),
                        help="the chat program the clients run (default: %(default)s)")
    parser.add_argument("--broker", default="amqp://guest:guest@localhost:5672/",
                        help="RabbitMQ, without a vhost: the bench makes its own")
    args = parser.parse_args()
    clients, storm = (5, 3) if args.quick else (args.clients, args.storm)
    broker = Broker(API, args.broker, f"nameko-chat-room-{os.getpid()}")
    broker.create()
    try:
        ok = report(run(args.python, Path(args.service), broker, clients, storm), clients, storm)
    except BenchError as exc:
        print(f"room failed: {exc}", file=sys.stderr)
        ok = False
    except KeyboardInterrupt:
        print("room interrupted", file=sys.stderr)
        ok = False
    finally:
        cleanup()
        broker.delete()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
