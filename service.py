"""nameko-chat: a serverless console chat built with nameko.

Every running copy of this file is a nameko service called ``chat``. Lines
typed on standard input are dispatched as nameko events through RabbitMQ,
and every running client prints them.
"""
import os
import warnings

# eventlet 0.41 warns on import that it is deprecated, on every run; the
# warning is for library authors, not for someone who wants to chat.
warnings.filterwarnings("ignore", message="\nEventlet is deprecated")
# eventlet's green DNS resolver costs a quarter of a second and 7 MB at
# start; the chat looks up one host name, the broker's, when it connects,
# and the system's resolver does that well enough.
os.environ.setdefault("EVENTLET_NO_GREENDNS", "yes")

import eventlet  # noqa: E402

# Green sockets and threads for everything imported below: nameko needs them.
eventlet.monkey_patch()

import argparse  # noqa: E402
import dataclasses  # noqa: E402
import logging  # noqa: E402
import re  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
from typing import ClassVar  # noqa: E402

from amqp.exceptions import AMQPError  # noqa: E402
from eventlet.event import Event  # noqa: E402
from eventlet.green import os as green_os  # noqa: E402
from eventlet.queue import LightQueue  # noqa: E402
from kombu import Connection  # noqa: E402
from kombu.exceptions import KombuError  # noqa: E402
from nameko.events import BROADCAST, EventDispatcher, EventHandler  # noqa: E402
from nameko.exceptions import ContainerBeingKilled  # noqa: E402
from nameko.extensions import DependencyProvider, Entrypoint  # noqa: E402
from nameko.messaging import QueueConsumer  # noqa: E402
from nameko.runners import ServiceRunner  # noqa: E402
from nameko.utils import sanitize_url  # noqa: E402

# The screen is for the chat: nameko's and kombu's progress reports stay
# quiet, their errors still show.
for _name in ("nameko", "kombu", "amqp"):
    logging.getLogger(_name).setLevel(logging.ERROR)


# Extensions: the entrypoints that start work and the dependency providers
# that workers use to reach the outside world.

class ChatQueueConsumer(QueueConsumer):
    """nameko's QueueConsumer, quick to stop and telling of its connection.

    Its loop waits for messages a `safety_interval` at a time, 1 s unless
    told otherwise, and stopping takes two turns of the loop: one to cancel
    the consumers, one to notice that none is left. A tenth of a second
    makes stopping take a fifth, not two.

    When the connection to the broker is lost, kombu reconnects on its own;
    the user is told, in a line each, that it was lost and that it is back.
    """

    connected = False
    retrying = False

    def run(self):
        super().run(safety_interval=0.1)

    def on_connection_error(self, exc, interval):
        if not self.retrying:
            self.retrying = True
            notify("connection to the broker lost, retrying")

    def kill(self):
        if self.retrying:
            # No connection to close, and kombu retries until there is one:
            # end the consuming thread here and now.
            self._gt.kill()
        super().kill()

    def on_consume_ready(self, connection, channel, consumers, **kwargs):
        if self.connected:
            notify("reconnected")
        self.connected = True
        self.retrying = False
        super().on_consume_ready(connection, channel, consumers, **kwargs)


class ChatEventHandler(EventHandler):
    """nameko's event handler, on the chat's queue consumer."""

    queue_consumer = ChatQueueConsumer()


# Used just like nameko's own `event_handler`.
event_handler = ChatEventHandler.decorator


STOP_GRACE = 0.5  # seconds a stopping service may wait for the broker


def read_or_end(fd):
    """Read what `fd` has, waiting the green way; b"" at end of input."""
    try:
        return green_os.read(fd, 65536)
    except OSError:
        # Input that cannot be waited for, such as /dev/null, is no input.
        return b""


class Stdin(Entrypoint):
    """Entrypoint that fires the decorated method with each line typed.

    Lines are handled one at a time, in the order they were typed: the next
    worker starts only when the last one's method has returned. End of
    input, or the line ``until``, stops the service. However the service
    stops gracefully (a signal too), the method's last call is with
    ``until``, so it sees the end exactly once.
    """

    queue_consumer = ChatQueueConsumer()

    def __init__(self, until, **kwargs):
        self.until = until
        self.lines = None
        self.reader = None
        self.gt = None
        self.worker_complete = Event()
        super().__init__(**kwargs)

    def start(self):
        # Read nothing before the service hears the room, so that a line sent
        # at once is received by this client too. The queue consumer is shared
        # by every extension that declares it, here and in the event handlers,
        # and its start() returns when they are consuming.
        self.queue_consumer.start()
        self.lines = LightQueue()
        self.reader = self.container.spawn_managed_thread(self._read)
        self.gt = self.container.spawn_managed_thread(self._run)

    def stop(self):
        # Lines already read are still handled, then `until`, and then no
        # worker is spawned.
        self.reader.kill()
        self.lines.put(self.until)
        self.gt.wait()
        # The rest of nameko's graceful stop waits for the broker, which may
        # be gone; leaving must not, so what is left of it soon is killed.
        eventlet.spawn_after(STOP_GRACE, self.container.kill)

    def kill(self):
        self.reader.kill()
        self.gt.kill()

    def _read(self):
        """Read standard input into `self.lines`, a line at a time."""
        # eventlet's green `os.read` waits for input without blocking the
        # other greenthreads, and can be killed while it waits. A blocking
        # read in a real thread could not, and would hold the process open
        # at exit until the next Enter.
        for raw in self._read_lines():
            # Bytes that are not UTF-8 become U+FFFD, not an exception.
            line = raw.decode("utf-8", errors="replace").removesuffix("\r")
            if line.strip() == self.until:
                break
            self.lines.put(line)
        # Stopping the container stops its entrypoints, this one included, so
        # it must be done from a greenthread of its own.
        eventlet.spawn_n(self.container.stop)

    @staticmethod
    def _read_lines():
        """Yield the lines of standard input, as bytes, until end of input."""
        pending = b""
        while chunk := read_or_end(0):  # 0: standard input
            *lines, pending = (pending + chunk).split(b"\n")
            yield from lines
        if pending:
            yield pending

    def _run(self):
        """Fire a worker for each line, one at a time, until input ends."""
        while True:
            line = self.lines.get()
            try:
                self.container.spawn_worker(
                    self, (line,), {}, handle_result=self.handle_result)
            except ContainerBeingKilled:
                return  # no more workers, and nothing to do about it
            self.worker_complete.wait()
            self.worker_complete.reset()
            if line == self.until:
                break

    def handle_result(self, worker_ctx, result, exc_info):
        self.worker_complete.send()
        return result, exc_info


stdin = Stdin.decorator


class Once(Entrypoint):
    """Entrypoint that fires the decorated method once, when the service
    starts, with the arguments given to the decorator.

    ``@once`` fires with no arguments, ``@once("robot")`` with one; stacked
    decorators each fire once, in no set order.
    """

    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs
        super().__init__()

    def start(self):
        self.container.spawn_worker(self, self.args, self.kwargs)


once = Once.decorator


class Stdout(DependencyProvider):
    """Dependency provider that injects the stream the service writes to.

    Each worker's output is flushed when the worker ends, so it shows at
    once even on a pipe. At stop, or kill, the current line is ended, so the
    shell's prompt that follows starts on a line of its own.
    """

    def setup(self):
        self.stream = sys.stdout

    def get_dependency(self, worker_ctx):
        return self.stream

    def worker_teardown(self, worker_ctx):
        self.stream.flush()

    def stop(self):
        self.stream.write("\n")
        self.stream.flush()

    def kill(self):
        self.stop()


class ChatUser:
    """Who is at this console, as far as the room knows."""

    def __init__(self):
        self.name = None

    def login(self, name):
        self.name = name

    @property
    def logged_in(self):
        return self.name is not None


class User(DependencyProvider):
    """Dependency provider that keeps the user's name across workers.

    A worker lives for one call, and each has a new service instance, so
    anything that must outlive a call lives in a provider: every worker is
    given this same `ChatUser`.
    """

    def setup(self):
        self.user = ChatUser()

    def get_dependency(self, worker_ctx):
        return self.user


# Events: what clients say to each other. The payload of each event is its
# fields as a dict; the routing key is its `type`.

@dataclasses.dataclass
class Message:
    """Someone said something: every client prints ``AUTHOR: MSG``."""
    type: ClassVar[str] = "message"
    author: str
    msg: str


@dataclasses.dataclass
class Joined:
    """Someone entered their name: every client prints ``* AUTHOR joined``."""
    type: ClassVar[str] = "joined"
    author: str


@dataclasses.dataclass
class Left:
    """Someone left: every client prints ``* AUTHOR left``."""
    type: ClassVar[str] = "left"
    author: str


# The screen: every line printed goes through `show`, and all text from
# the wire through `printable`.

PROMPT = ">>> "
ASK_NAME = "Please enter your name:\n" + PROMPT
QUIT = "/quit"
MAX_NAME = 40  # characters in a name
MAX_MESSAGE = 2000  # characters in a message, on sending and on display

# C0 controls, DEL and C1 controls: all that a terminal acts on, from
# carriage return to the start of every escape sequence.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def printable(text, limit=MAX_MESSAGE):
    """`text` from another user, made safe to print: control characters
    are shown as escapes (an ESC as ``\\x1b``), and text over `limit`
    characters is cut, with a mark that says so."""
    cut = len(text) - limit
    if cut > 0:
        text = text[:limit]
    text = CONTROL.sub(lambda match: repr(match.group())[1:-1], text)
    return f"{text}... [{cut} more characters not shown]" if cut > 0 else text


def show(stream, line):
    """Print `line` over the prompt, then the prompt again."""
    if stream.isatty():
        # Carriage return and erase line: the prompt this line replaces
        # leaves nothing behind.
        stream.write("\r\x1b[K")
    stream.write(line + "\n" + PROMPT)


def notify(notice):
    """Tell the user how the chat is doing, outside any worker."""
    show(sys.stdout, "! " + notice)
    sys.stdout.flush()


def from_wire(event_type, payload):
    """The `event_type` event that `payload` holds, safe to print, or None
    if it holds none: every field must be there, and be text."""
    if not isinstance(payload, dict):
        return None
    fields = {}
    for field in dataclasses.fields(event_type):
        value = payload.get(field.name)
        if not isinstance(value, str):
            return None
        fields[field.name] = printable(value)
    return event_type(**fields)


# What can go wrong in talking to the broker: it is down, unreachable, or
# refuses us.
BROKER_ERRORS = (OSError, AMQPError, KombuError)


# The service.

class Chat:
    """The chat: every client runs one, and every client hears every event.

    Its event handlers are BROADCAST: each client gets a queue of its own,
    so every client receives every event. The queues are not kept while a
    client is away (`reliable_delivery=False`), so there is no backlog to
    read on joining.
    """
    name = "chat"

    # A line the broker cannot take is retried at once, when a connection in
    # the pool went stale, and then reported: never half a minute later.
    dispatch = EventDispatcher(retry_policy={
        "max_retries": 2, "interval_start": 0, "interval_step": 0.2})
    stdout = Stdout()
    user = User()

    @once
    def ask_name(self):
        self.stdout.write(ASK_NAME)

    @stdin(until=QUIT)
    def handle_line(self, line):
        """The first line typed is the user's name; every later one is said."""
        text = line.strip()
        if line == QUIT:
            self.leave()
        elif not self.user.logged_in:
            self.log_in(text)
        elif not text:
            self.stdout.write(PROMPT)
        elif text.startswith("/"):
            show(self.stdout, f"! unknown command {text.split()[0]}: "
                              f"{QUIT} leaves, and that is all")
        elif len(text) > MAX_MESSAGE:
            show(self.stdout, f"! not sent: {len(text)} characters, and "
                              f"a message is at most {MAX_MESSAGE}")
        elif not self.send(Message(author=self.user.name, msg=text)):
            show(self.stdout, f"! not sent: {text} (the broker is unreachable)")
        # Otherwise no prompt: the message coming back brings it.

    def log_in(self, name):
        if not name:
            self.stdout.write(ASK_NAME)
        elif len(name) > MAX_NAME or CONTROL.search(name):
            self.stdout.write(f"! a name is at most {MAX_NAME} characters, "
                              f"none of them control characters\n{ASK_NAME}")
        elif not self.send(Joined(author=name)):
            self.stdout.write(f"! the broker is unreachable\n{ASK_NAME}")
        else:
            # Logged in only now, so no line from the room, such as our own
            # Joined, comes before the welcome.
            self.user.login(name)
            self.stdout.write(f"Welcome to chat, {name}!\n{PROMPT}")

    def leave(self):
        if self.user.logged_in:
            self.send(Left(author=self.user.name))

    def send(self, event):
        """Dispatch `event`; False if the broker could not take it."""
        try:
            self.dispatch(event.type, dataclasses.asdict(event))
        except BROKER_ERRORS:
            return False
        return True

    @event_handler("chat", Message.type,
                   handler_type=BROADCAST, reliable_delivery=False)
    def on_message(self, payload):
        if message := self.receive(Message, payload):
            show(self.stdout, f"{message.author}: {message.msg}")

    @event_handler("chat", Joined.type,
                   handler_type=BROADCAST, reliable_delivery=False)
    def on_joined(self, payload):
        if joined := self.receive(Joined, payload):
            show(self.stdout, f"* {joined.author} joined")

    @event_handler("chat", Left.type,
                   handler_type=BROADCAST, reliable_delivery=False)
    def on_left(self, payload):
        if left := self.receive(Left, payload):
            show(self.stdout, f"* {left.author} left")

    def receive(self, event_type, payload):
        """The event in `payload`, safe to print, if this user is logged in
        and the event is well formed (if not, the user is told)."""
        if not self.user.logged_in:
            return None
        event = from_wire(event_type, payload)
        if event is None:
            show(self.stdout, f"! ignored a malformed {event_type.type} event")
        return event


def main():
    parser = argparse.ArgumentParser(
        description="nameko-chat: a serverless console chat.")
    parser.add_argument(
        "--broker",
        default=os.environ.get("AMQP_URI", "amqp://guest:guest@localhost"),
        help="RabbitMQ URI (default: $AMQP_URI, else %(default)s)")
    args = parser.parse_args()

    # A character the terminal cannot show is shown as its code, not a crash.
    sys.stdout.reconfigure(errors="backslashreplace")
    # Until the chat has started, Ctrl-C just ends the process, quietly.
    signal.signal(signal.SIGINT, signal.SIG_DFL)

    broker = check_broker(args.broker)
    runner = ServiceRunner({"AMQP_URI": broker})
    runner.add_service(Chat)
    try:
        runner.start()
    except BROKER_ERRORS as exc:
        sys.exit(f"nameko-chat: lost the broker while starting ({exc})")

    def shut_down(signum, frame):
        # A signal handler may run inside eventlet's hub, where nothing may
        # block, so the runner is stopped from a greenthread. A second signal
        # stops without grace.
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: eventlet.spawn_n(runner.kill))
        eventlet.spawn_n(runner.stop)

    signal.signal(signal.SIGINT, shut_down)
    signal.signal(signal.SIGTERM, shut_down)
    runner.wait()


def check_broker(uri):
    """Connect to the broker once, or exit with one line that says why;
    return the URI to run on.

    nameko's own threads would fail on a broker we cannot use with pages of
    tracebacks, printed where they cannot be caught.

    The URI may list the nodes of a cluster, ``amqp://h1;amqp://h2``. kombu
    tries them in order on every new connection, and tells of each one that
    does not answer. So each node is tried here, once, and the URI returned
    lists first the one that answered, then the others in turn: a node that
    is down at start costs no connection a wasted attempt, and no notice.
    """
    nodes = uri.split(";")
    for first, node in enumerate(nodes):
        try:
            with Connection(node, connect_timeout=2) as connection:
                connection.ensure_connection(max_retries=0)  # one attempt
        except Exception as exc:  # a bad URI, as much as a broker that is down
            error = exc
        else:
            return ";".join(nodes[first:] + nodes[:first])
    try:
        # Every node's password masked, not only the first's.
        where = ";".join(sanitize_url(node) for node in nodes)
    except ValueError:
        where = "the URI given"  # too broken to mask
    sys.exit(f"nameko-chat: cannot connect to the broker at {where} "
             f"({error}). Check the URI, or start RabbitMQ there; name "
             f"another broker with --broker URI or the AMQP_URI "
             f"environment variable.")


if __name__ == "__main__":
    main()
