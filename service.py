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
import threading  # noqa: E402  (eventlet has imported it already)

# Python 3.14 (and 3.13 since 3.13.4) keeps copies of threading's lock
# _active_limbo_lock, and of _active, as default arguments of a __del__
# (CPython gh-130522), where monkey_patch() cannot green them, and eventlet
# says "1 RLock(s) were not greened" on stderr. Hide the copies while
# patching, then hand that __del__ the greened globals of the same names.
_on_del = getattr(getattr(threading, "_DeleteDummyThreadOnDel", None),
                  "__del__", None)
_names = ()
if _on_del and _on_del.__defaults__:
    _code = _on_del.__code__
    _names = _code.co_varnames[_code.co_argcount - len(_on_del.__defaults__):
                               _code.co_argcount]
    _on_del.__defaults__ = None  # and no other reference to the copies

# Green sockets and threads for everything imported below: nameko needs them.
eventlet.monkey_patch()
if _names:
    _on_del.__defaults__ = tuple(getattr(threading, name) for name in _names)

import argparse  # noqa: E402
import atexit  # noqa: E402
import codecs  # noqa: E402
import dataclasses  # noqa: E402
import logging  # noqa: E402
import re  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
import termios  # noqa: E402
import tty  # noqa: E402
import unicodedata  # noqa: E402
from typing import ClassVar  # noqa: E402

from amqp.exceptions import AMQPError  # noqa: E402
from eventlet.green import os as green_os  # noqa: E402
from eventlet.queue import LightQueue  # noqa: E402
from kombu import Connection  # noqa: E402
from kombu.exceptions import KombuError  # noqa: E402
from nameko.constants import DEFAULT_HEARTBEAT, HEARTBEAT_CONFIG_KEY  # noqa: E402
from nameko.events import BROADCAST, EventDispatcher, EventHandler  # noqa: E402
from nameko.exceptions import ContainerBeingKilled  # noqa: E402
from nameko.extensions import (  # noqa: E402
    DependencyProvider, Entrypoint, ProviderCollector, SharedExtension,
)
from nameko.messaging import QueueConsumer  # noqa: E402
from nameko.runners import ServiceRunner  # noqa: E402
from nameko.utils import sanitize_url  # noqa: E402

# The screen is for the chat: nameko's and kombu's progress reports stay
# quiet, their errors still show.
for _name in ("nameko", "kombu", "amqp"):
    logging.getLogger(_name).setLevel(logging.ERROR)

PROMPT = ">>> "
# C0 controls, DEL and C1 controls: all that a terminal acts on, from
# carriage return to the start of every escape sequence.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# What keys such as the arrows send: escape sequences, not text.
KEY_SEQUENCE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|O.)?")


# Extensions: the entrypoints that start work and the dependency providers
# that workers use to reach the outside world.

class Terminal(SharedExtension):
    """The console, shared by the extensions that read and write it.

    On a terminal it reads keys and does the line editing itself, so that
    what the user is typing stays on the bottom row, under the lines that
    arrive. On a pipe or a file it reads and writes plain lines, with no
    escape sequences at all.
    """

    def setup(self):
        self.stream = sys.stdout
        self.on_tty = self.stream.isatty()
        self.typed = ""  # what the user has typed and not yet sent
        self.saved_mode = None
        self.closed = False
        if self.on_tty and sys.stdin.isatty():
            self.saved_mode = termios.tcgetattr(0)
            # Each key as it is typed, not echoed; Ctrl-C is still SIGINT.
            tty.setcbreak(0, termios.TCSANOW)
            atexit.register(self.close)  # a crash, too, gives it back
            signal.signal(signal.SIGWINCH,
                          lambda *_: eventlet.spawn_n(self.redraw))

    def stop(self):
        self.close()

    def kill(self):
        self.close()

    def show(self, line):
        """Print `line` on a row of its own, above what is being typed."""
        if not self.closed:
            erase = "\r\x1b[K" if self.on_tty else ""
            self.stream.write(f"{erase}{line}\n{self.input_row()}")
            self.stream.flush()

    def redraw(self):
        """Draw the input row again: the prompt and what is typed."""
        if self.saved_mode and not self.closed:
            self.stream.write("\r\x1b[K" + self.input_row())
            self.stream.flush()

    def input_row(self):
        if not self.saved_mode:
            return PROMPT
        # As much of the end of the line as fits the terminal's width.
        room = os.get_terminal_size(0).columns - len(PROMPT) - 1
        return PROMPT + fitting_tail(self.typed, room)

    def close(self):
        """End the line the cursor is on, and give the terminal back."""
        if not self.closed:
            self.closed = True
            self.stream.write("\r\x1b[K" if self.on_tty else "\n")
            self.stream.flush()
            if self.saved_mode:
                termios.tcsetattr(0, termios.TCSADRAIN, self.saved_mode)

    def lines(self):
        """Yield each line typed, until input ends."""
        decode = codecs.getincrementaldecoder("utf-8")(errors="replace").decode
        pending = ""
        # Bytes that are not UTF-8 become U+FFFD, not an exception.
        while chunk := read_or_end(0):
            keys = decode(chunk)
            if not self.saved_mode:  # whole lines, from a pipe or a file
                *lines, pending = (pending + keys).split("\n")
                yield from (line.removesuffix("\r") for line in lines)
                continue
            for key in KEY_SEQUENCE.sub("", keys.replace("\r\n", "\n")):
                if key in "\r\n":  # Enter
                    line, self.typed = self.typed, ""
                    self.redraw()
                    yield line
                elif key == "\x04" and not self.typed:  # Ctrl-D
                    return
                else:
                    self.typed = edit(self.typed, key)
            self.redraw()
        if pending:
            yield pending


def edit(typed, key):
    """The line being typed, after `key`: a character that is not Enter."""
    if key in "\b\x7f":  # Backspace
        return typed[:-1]
    if key == "\x15":  # Ctrl-U: the whole line
        return ""
    if key == "\x17":  # Ctrl-W: the word before the cursor
        return re.sub(r"\S*\s*$", "", typed)
    return typed if CONTROL.match(key) else typed + key


def fitting_tail(text, columns):
    """The end of `text` that fits in `columns`; East Asian wide
    characters take two."""
    width = 0
    for start in range(len(text), 0, -1):
        width += 2 if unicodedata.east_asian_width(text[start - 1]) in "WF" else 1
        if width > columns:
            return text[start:]
    return text


def read_or_end(fd):
    """Read what `fd` has, waiting the green way; b"" at end of input."""
    try:
        return green_os.read(fd, 65536)
    except OSError:
        # Input that cannot be waited for, such as /dev/null, is no input.
        return b""


class ChatQueueConsumer(QueueConsumer):
    """nameko's QueueConsumer, for a console client: asleep until there is
    something to do, quick to stop, and telling of its connection.

    When the connection to the broker is lost, kombu reconnects on its own;
    the user is told, in a line each, that it was lost and that it is back.
    """

    terminal = Terminal()
    connected = False
    retrying = False

    def run(self):
        # kombu's loop wakes every `safety_interval` seconds (1 unless told)
        # even with nothing to do, to keep the heartbeats going. A quarter
        # of the heartbeat interval is often enough for that.
        heartbeat = self.container.config.get(
            HEARTBEAT_CONFIG_KEY, DEFAULT_HEARTBEAT)
        super().run(safety_interval=heartbeat / 4)

    def unregister_provider(self, provider):
        # QueueConsumer would cancel the provider's consumer on its loop's
        # next turn, which may be many seconds away; the chat's queues are
        # exclusive, and go with the connection, so no cancel is needed.
        ProviderCollector.unregister_provider(self, provider)

    def stop(self):
        # Nothing to finish: end the loop now. On its way out kombu closes
        # the channel and the connection.
        self._gt.kill()

    def kill(self):
        # QueueConsumer's would wait for the loop to come round. The loop is
        # a managed thread: the container kills it after its extensions.
        pass

    def on_connection_error(self, exc, interval):
        # kombu calls this for each node of a `;` list it cannot reach, and
        # tries the next: only a connection that was made and lost is news.
        if self.connected and not self.retrying:
            self.retrying = True
            self.terminal.show("! connection to the broker lost, retrying")

    def on_consume_ready(self, connection, channel, consumers, **kwargs):
        if self.connected:
            self.terminal.show("! reconnected")
        self.connected = True
        self.retrying = False
        super().on_consume_ready(connection, channel, consumers, **kwargs)


class ChatEventHandler(EventHandler):
    """nameko's event handler, on the chat's queue consumer."""

    queue_consumer = ChatQueueConsumer()


# Used just like nameko's own `event_handler`.
event_handler = ChatEventHandler.decorator


STOP_GRACE = 0.5  # seconds a stopping service may wait for the broker


class Stdin(Entrypoint):
    """Entrypoint that fires the decorated method with each line typed.

    Lines are handled one at a time, in the order they were typed: the next
    worker starts only when the last one's method has returned. End of
    input, or the line ``until``, stops the service. However the service
    stops gracefully (a signal too), the method's last call is with
    ``until``, so it sees the end exactly once.
    """

    queue_consumer = ChatQueueConsumer()
    terminal = Terminal()

    def __init__(self, until, **kwargs):
        self.until = until
        self.lines = None
        self.reader = None
        self.gt = None
        self.worker_complete = eventlet.Event()
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

    # No kill(): the container kills the two threads, which are managed.

    def _read(self):
        """Put each line typed in `self.lines`, until input ends."""
        # eventlet's green `os.read` waits for input without blocking the
        # other greenthreads, and can be killed while it waits. A blocking
        # read in a real thread could not, and would hold the process open
        # at exit until the next Enter.
        for line in self.terminal.lines():
            if line.strip() == self.until:
                break
            self.lines.put(line)
        # Stopping the container stops its entrypoints, this one included, so
        # it must be done from a greenthread of its own.
        eventlet.spawn_n(self.container.stop)

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
    """Dependency provider that gives workers the console to print on:
    ``self.stdout.show("hello")`` prints a line of its own. When the service
    stops, the console ends its last line and gives the terminal back.
    """

    terminal = Terminal()

    def get_dependency(self, worker_ctx):
        return self.terminal


class ChatUser:
    """Who is at this console, as far as the room knows."""

    def __init__(self):
        self.name = None
        self.unheard = 0  # events we sent that have not come back yet
        self.answers = None  # names that answered our /who, while we ask

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


@dataclasses.dataclass
class Who:
    """Someone asks who is here: every other client answers with `Here`."""
    type: ClassVar[str] = "who"
    author: str


@dataclasses.dataclass
class Here:
    """An answer to `Who`, shown only by the client that asked."""
    type: ClassVar[str] = "here"
    author: str
    to: str


def broadcast(event_type):
    """Handle every `event_type` event in every client: each client has a
    queue of its own, kept only while it runs (no backlog on joining)."""
    return event_handler("chat", event_type.type, handler_type=BROADCAST,
                         reliable_delivery=False)


# What is shown: all text from the wire goes through `printable`.

ASK_NAME = "Please enter your name:"
QUIT = "/quit"
HELP = "! commands: /who shows who is here, /help this list, /quit leaves"
MAX_NAME = 40  # characters in a name
MAX_MESSAGE = 2000  # characters in a message, on sending and on display
WHO_WAIT = 0.5  # seconds that a /who waits for answers
ECHO_WAIT = 0.5  # seconds that leaving waits for our own lines to come back
ECHOED = (Message, Left)  # what leaving waits to see come back


def printable(text, limit=MAX_MESSAGE):
    """`text` from another user, made safe to print: control characters
    are shown as escapes (an ESC as ``\\x1b``), and text over `limit`
    characters is cut, with a mark that says so."""
    cut = len(text) - limit
    if cut > 0:
        text = text[:limit]
    text = CONTROL.sub(lambda match: repr(match.group())[1:-1], text)
    return f"{text}... [{cut} more characters not shown]" if cut > 0 else text


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
    """The chat: every client runs one, and every client hears every event."""
    name = "chat"

    # A line the broker cannot take is retried at once, when a connection in
    # the pool went stale, and then reported: never half a minute later.
    dispatch = EventDispatcher(retry_policy={
        "max_retries": 2, "interval_start": 0, "interval_step": 0.2})
    stdout = Stdout()
    user = User()

    @once
    def ask_name(self):
        self.stdout.show(ASK_NAME)

    @stdin(until=QUIT)
    def handle_line(self, line):
        """The first line typed is the user's name; every later one is said."""
        text = line.strip()
        if line == QUIT:
            self.leave()
        elif not self.user.logged_in:
            self.log_in(text)
        elif not text:
            pass
        elif text == "/who":
            self.ask_who()
        elif text == "/help":
            self.stdout.show(HELP)
        elif text.startswith("/"):
            self.stdout.show(f"! unknown command {text.split()[0]}; "
                             f"/help lists the commands")
        elif len(text) > MAX_MESSAGE:
            self.stdout.show(f"! not sent: {len(text)} characters, and "
                             f"a message is at most {MAX_MESSAGE}")
        elif not self.send(Message(author=self.user.name, msg=text)):
            self.stdout.show(f"! not sent: {text} (the broker is unreachable)")

    def log_in(self, name):
        if not name:
            self.stdout.show(ASK_NAME)
        elif len(name) > MAX_NAME or CONTROL.search(name):
            self.stdout.show(f"! a name is at most {MAX_NAME} characters, "
                             f"none of them control characters")
            self.stdout.show(ASK_NAME)
        elif not self.send(Joined(author=name)):
            self.stdout.show("! the broker is unreachable")
            self.stdout.show(ASK_NAME)
        else:
            # Logged in only now, so no line from the room, such as our own
            # Joined, comes before the welcome.
            self.user.login(name)
            self.stdout.show(f"Welcome to chat, {name}!")
            self.ask_who()

    def ask_who(self):
        """Ask who is here, and show the names that answer in time."""
        self.user.answers = set()
        if not self.send(Who(author=self.user.name)):
            self.stdout.show("! not sent: /who (the broker is unreachable)")
            return
        eventlet.sleep(WHO_WAIT)
        names, self.user.answers = sorted(self.user.answers), None
        self.stdout.show(f"* in the room: {', '.join(names)}" if names
                         else "* nobody else is here")

    def leave(self):
        if self.user.logged_in and self.send(Left(author=self.user.name)):
            # Wait, briefly, for our lines to come back from the broker, so
            # that we see them too, as a script that pipes a line in expects.
            with eventlet.Timeout(ECHO_WAIT, False):
                while self.user.unheard > 0:
                    eventlet.sleep(0.01)

    def send(self, event):
        """Dispatch `event`; False if the broker could not take it."""
        try:
            self.dispatch(event.type, dataclasses.asdict(event))
        except BROKER_ERRORS:
            return False
        if isinstance(event, ECHOED):
            self.user.unheard += 1  # until it comes back to us
        return True

    @broadcast(Message)
    def on_message(self, payload):
        if message := self.receive(Message, payload):
            self.stdout.show(f"{message.author}: {message.msg}")

    @broadcast(Joined)
    def on_joined(self, payload):
        if joined := self.receive(Joined, payload):
            self.stdout.show(f"* {joined.author} joined")

    @broadcast(Left)
    def on_left(self, payload):
        if left := self.receive(Left, payload):
            self.stdout.show(f"* {left.author} left")

    @broadcast(Who)
    def on_who(self, payload):
        who = self.receive(Who, payload)
        if who and who.author != self.user.name:
            self.send(Here(author=self.user.name, to=who.author))

    @broadcast(Here)
    def on_here(self, payload):
        here = self.receive(Here, payload)
        if here and here.to == self.user.name and self.user.answers is not None:
            self.user.answers.add(here.author)

    def receive(self, event_type, payload):
        """The event in `payload`, safe to print, if this user is logged in
        and the event is well formed (if not, the user is told)."""
        if not self.user.logged_in:
            return None
        event = from_wire(event_type, payload)
        if event is None:
            self.stdout.show(f"! ignored a malformed {event_type.type} event")
        elif isinstance(event, ECHOED) and event.author == self.user.name:
            self.user.unheard -= 1  # one of ours, back
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
