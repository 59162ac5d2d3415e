"""nameko-chat, a serverless console chat: every running copy of this file is a
nameko service called ``chat``, and the lines typed are its events, broadcast
through RabbitMQ to every client."""
import os
import signal
import warnings

if __name__ == "__main__":  # Ctrl-C before the chat has started: just end
    signal.signal(signal.SIGINT, signal.SIG_DFL)

warnings.filterwarnings("ignore", message="\nEventlet is deprecated")  # see the README
os.environ.setdefault("EVENTLET_NO_GREENDNS", "yes")  # green DNS: 0.25 s, for one name

import logging

import eventlet

# Python 3.13.4+: eventlet logs a false alarm of a lock it cannot green (gh-130522).
logging.disable(logging.ERROR)
eventlet.monkey_patch()  # green sockets and threads: nameko needs them
logging.disable(logging.WARNING)  # after it too, no warnings on the screen

import argparse
import codecs
import contextlib
import dataclasses
import re
import sys
import termios
import time
import tty
import unicodedata

from amqp.exceptions import AccessRefused, AMQPError, NotFound
from eventlet.green import os as green_os
from greenlet import GreenletExit
from kombu import Connection, Producer, Queue, pools
from kombu.exceptions import KombuError
from nameko.events import BROADCAST, EventDispatcher, EventHandler
from nameko.exceptions import ContainerBeingKilled
from nameko.extensions import DependencyProvider, Entrypoint, SharedExtension
from nameko.messaging import QueueConsumer
from nameko.runners import ServiceRunner

PROMPT = ">>> "
ASK_NAME = "Please enter your name:"
QUIT = "/quit"
HELP = "! commands: /who shows who is here, /help this list, /quit leaves"
MAX_NAME = 40  # characters in a name
MAX_MESSAGE = 2000  # characters in a message, on sending and on display
WHO_WAIT = 0.5  # seconds of quiet after which a joiner shows who is here
ECHO_WAIT = 0.25  # seconds that leaving waits for our own lines to come back
SEND_TIMEOUT = 3  # seconds the broker has to take an event, or a name
REJOIN_WAIT = 15  # seconds it has to give our name back after a reconnection
LEAVE_WAIT = 1  # seconds the end of input waits for the last lines, and leaving
STOP_GRACE = 0.3  # seconds after which main turns a stop into a kill
EXIT_DEADLINE = 0.4  # seconds after which main ends the process anyway
LEAVE_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)  # Ctrl-C, kill, hangup
CLIENT_ID = os.urandom(16).hex()  # answers to our `who` come as here.CLIENT_ID
BROKER_ERRORS = (OSError, AMQPError, KombuError)  # down, unreachable, refusing
CONTROLS = "\x00-\x1f\x7f-\x9f"  # C0, C1 and DEL: CR, ESC, all a terminal acts on
CONTROL = re.compile(f"[{CONTROLS}]")


# The console: all terminal handling, which a first reading may skip.

# What is typed, key by key: an escape sequence, a control character, or text.
KEY = re.compile(f"\x1b(?:\\[[0-?]*[ -/]*[@-~]|O.)?|[{CONTROLS}]|[^{CONTROLS}]+")
# Arrows, Home, End and Delete, as control keys (Ctrl-B, -F, -P, -N, -A, -E).
ESCAPES = {"D": "\x02", "C": "\x06", "A": "\x10", "B": "\x0e", "H": "\x01",
           "1~": "\x01", "F": "\x05", "4~": "\x05", "3~": "\x1b[3~"}
# A grapheme cluster, edited and drawn whole: a character and its combining
# marks, skin tone or variation selector, and what a zero-width joiner joins.
_MARK = ("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f"
         "\ufe20-\ufe2f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")
CLUSTER = re.compile(f"(?:.{_MARK}*\u200d)*.{_MARK}*", re.DOTALL)


class Console(SharedExtension):
    """The terminal, or the pipes that stand in for it, shared by every extension
    that declares it: on a terminal, the line being typed stays under the rest."""
    saved_mode = None  # the terminal's modes, when it reads keys

    def setup(self):
        self.closed, self.prompt = False, PROMPT if os.isatty(0) else ""  # pipes: none
        self.line, self.cursor = [], 0  # the clusters typed, and where the cursor is
        self.drawn_at = 0  # the cursor's column, as last drawn
        self.history, self.recalled = [""], 0  # the lines entered, then a new one
        self.at_bottom = False  # the input row moved to the last row (at first Enter)
        if sys.stdout.isatty() and self.prompt:
            self.saved_mode = termios.tcgetattr(0)
            tty.setcbreak(0, termios.TCSANOW)  # keys unechoed; ^C a signal
            signal.signal(signal.SIGTSTP, self.suspend)
            signal.signal(signal.SIGWINCH, lambda *_: eventlet.spawn_n(self.redraw))

    def show(self, line):  # on a row of its own, above the line being typed
        self.write(f"{self.erase()}{line}\n{self.input_row()}" if self.saved_mode
                   else f"{line}\n{self.prompt}")

    def redraw(self):
        if self.saved_mode:
            self.write(self.erase() + self.input_row())

    def erase(self):  # the input row, also where a narrower terminal wrapped it
        up = self.drawn_at // os.get_terminal_size(0).columns
        return f"\x1b[{up}A\r\x1b[J" if up else "\r\x1b[K"

    def input_row(self):  # the prompt, and what fits of the line around the cursor
        def fit(clusters, room):  # the first that fit in `room` columns; room left
            shown = []
            for cluster in clusters:
                width = 1 + (unicodedata.east_asian_width(cluster[0]) in "WF")
                if width > room:
                    break
                shown.append(cluster)
                room -= width
            return shown, room

        columns = os.get_terminal_size(0).columns - 1  # the last one free: no wrap
        prompt = PROMPT if columns > len(PROMPT) else ""
        left, room = fit(reversed(self.line[:self.cursor]), columns - len(prompt))
        right, rest = fit(self.line[self.cursor:], room)
        self.drawn_at = columns - room
        back = f"\x1b[{room - rest}D" if right else ""  # the cursor back over them
        return prompt + "".join(reversed(left)) + "".join(right) + back

    def write(self, text):
        try:
            if not self.closed:
                print(text, end="", flush=True)
        except OSError:  # no reader (| head): leave, as at the end of input
            self.closed = True  # and the exit's flush goes nowhere, quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            signal.raise_signal(signal.SIGTERM)

    def lines(self):  # each line typed, until input ends, edited key by key
        decode = codecs.getincrementaldecoder("utf-8")("replace").decode
        # A green read can be killed as it waits (a real thread's cannot): it
        # never holds the exit up. /dev/null, which cannot be waited for, raises.
        with contextlib.suppress(OSError):
            while chunk := green_os.read(0, 65536):
                for key in KEY.findall(decode(chunk).replace("\r\n", "\n")):
                    if key[0] == "\x1b":  # arrows and such, as their control keys
                        key = ESCAPES.get(key.lstrip("\x1b[O"), "")
                    if key == "\x04" and not self.line:
                        return  # Ctrl-D on an empty line
                    if key not in ("\r", "\n"):
                        self.edit(key)
                    elif (line := self.enter()) is not None:
                        yield line
                self.redraw()
        if self.line:
            yield "".join(self.line)  # a last line with no line end

    def enter(self):  # the line entered; or None: too long, it stays to be cut
        line = "".join(self.line)
        if self.saved_mode and len(line.strip()) > MAX_MESSAGE:  # pipes: Chat says
            self.show(f"! {len(line.strip())} characters: a message is at most "
                      f"{MAX_MESSAGE}; shorten it")
            return None
        self.history[-1:] = [line, ""] if self.saved_mode and line.strip() else [""]
        if self.saved_mode and not self.at_bottom:  # a narrower window rewraps
            self.at_bottom = True  # upward: from here, only old rows go off the top
            self.write(self.erase() + "\n" * (os.get_terminal_size(0).lines - 1))
        self.line, self.cursor, self.recalled = [], 0, len(self.history) - 1
        return line

    def edit(self, key):  # any key but Enter
        line, cursor = self.line, self.cursor
        if key in ("\x7f", "\b") and cursor:  # Backspace
            cursor -= 1
            del line[cursor]
        elif key in ("\x04", "\x1b[3~"):  # Ctrl-D, Delete
            del line[cursor:cursor + 1]
        elif key in ("\x02", "\x06", "\x01", "\x05"):  # Left, Right, Home, End
            cursor = {"\x02": max(cursor - 1, 0), "\x06": min(cursor + 1, len(line)),
                      "\x01": 0, "\x05": len(line)}[key]
        elif key in ("\x15", "\x17"):  # Ctrl-U: all before the cursor; Ctrl-W: a word
            start = 0 if key == "\x15" else cursor
            while start and line[start - 1].isspace():
                start -= 1
            while start and not line[start - 1].isspace():
                start -= 1
            del line[start:cursor]
            cursor = start
        elif key == "\x0b":  # Ctrl-K: all after the cursor
            del line[cursor:]
        elif key in ("\x10", "\x0e"):  # Up, Down: the lines entered, kept as edited
            self.history[self.recalled] = "".join(line)
            self.recalled += 1 if key == "\x0e" else -1
            self.recalled = min(max(self.recalled, 0), len(self.history) - 1)
            line = self.line = CLUSTER.findall(self.history[self.recalled])
            cursor = len(line)
        elif key == "\x0c" and self.saved_mode:  # Ctrl-L
            self.write("\x1b[2J\x1b[999;1H")  # cleared; the input row at the bottom
        elif not CONTROL.match(key):  # text, joined to a cluster before it if need be
            start = max(cursor - 1, 0)
            added = CLUSTER.findall("".join(line[start:cursor]) + key)
            line[start:cursor] = added
            cursor = start + len(added)
        self.cursor = cursor

    def suspend(self, signum, frame):  # Ctrl-Z: the terminal back as it was found
        termios.tcsetattr(0, termios.TCSANOW, self.saved_mode)
        os.kill(os.getpid(), signal.SIGSTOP)
        tty.setcbreak(0, termios.TCSANOW)  # continued (`fg`): keys again
        eventlet.spawn_n(self.redraw)

    def close(self):  # end the last line, and give the terminal back
        with contextlib.suppress(OSError):  # the terminal may be gone (SIGHUP)
            self.write(self.erase() if self.saved_mode else "\n" * bool(self.prompt))
        self.closed = True
        if self.saved_mode:
            with contextlib.suppress(termios.error):
                termios.tcsetattr(0, termios.TCSADRAIN, self.saved_mode)
            for signum in signal.SIGTSTP, signal.SIGWINCH:
                signal.signal(signum, signal.SIG_DFL)

    stop = kill = close


# Extensions: entrypoints start work, dependency providers reach out for it.

class Once(Entrypoint):
    """Entrypoint that fires once, at start: ``@once`` or ``@once("robot")``."""

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        super().__init__()

    def start(self):
        self.container.spawn_worker(self, self.args, self.kwargs)


once = Once.decorator


class Stdout(DependencyProvider):
    """Dependency provider of the console: ``self.stdout.show("a line")``."""
    console = Console()

    def get_dependency(self, worker_ctx):
        return self.console


class Stdin(Entrypoint):
    """Entrypoint that fires the decorated method with each line typed, in order,
    then with `until`: at that line, at end of input (raising SIGTERM), at a stop."""
    console = Console()

    def __init__(self, until, **kwargs):
        self.until = until
        super().__init__(**kwargs)

    def start(self):
        self.lines, self.worker_done = eventlet.Queue(), eventlet.Event()
        self.firing = self.container.spawn_managed_thread(self.fire)
        self.reading = self.container.spawn_managed_thread(self.read)

    def stop(self):  # the lines read are still handled, then `until`, then no more
        self.reading.kill()
        self.lines.put(self.until)
        self.firing.wait()
        self.console.close()  # the terminal back now, whatever the broker does

    def read(self):
        for line in self.console.lines():
            if line.strip() == self.until:
                break
            self.lines.put(line)
        self.lines.put(self.until)
        with eventlet.Timeout(LEAVE_WAIT, False):  # a stalled broker may hold
            self.firing.wait()  # a line's worker up: whoever runs us stops us
        signal.raise_signal(signal.SIGTERM)

    def fire(self):
        line = None
        with contextlib.suppress(ContainerBeingKilled):
            while line != self.until:
                line = self.lines.get()
                self.container.spawn_worker(self, (line,), {},
                                            handle_result=self.handle_result)
                self.worker_done.wait()
                self.worker_done.reset()

    def handle_result(self, worker_ctx, result, exc_info):
        self.worker_done.send()
        return result, exc_info


stdin = Stdin.decorator


class ChatQueueConsumer(QueueConsumer):
    """nameko's QueueConsumer, which says when the room first reaches us, and
    fires the `@reconnected` entrypoints each time it is back."""

    def __init__(self):
        super().__init__()
        self.consuming = eventlet.Event()

    def on_consume_ready(self, connection, channel, consumers, **kwargs):
        super().on_consume_ready(connection, channel, consumers, **kwargs)
        if not self.consuming.ready():
            self.consuming.send()
            return
        for entrypoint in self.container.entrypoints:  # connected again
            if isinstance(entrypoint, Reconnected):
                with contextlib.suppress(ContainerBeingKilled):
                    self.container.spawn_worker(entrypoint, (), {})


class ChatEventHandler(EventHandler):
    """nameko's event handler, on the chat's queue consumer."""
    queue_consumer = ChatQueueConsumer()


def broadcast(event_type):
    """``@event_handler`` of every `event_type` event, in every client."""
    return ChatEventHandler.decorator(
        "chat", event_type, handler_type=BROADCAST, reliable_delivery=False)


class Reconnected(Entrypoint):
    """Entrypoint fired by the chat's queue consumer each time it is back."""


reconnected = Reconnected.decorator


class User(DependencyProvider):
    """Dependency provider of the user, the same to every worker (each has a new
    service instance: state lives in providers): a name held on the broker."""
    queue_consumer = ChatQueueConsumer()

    def setup(self):
        self.name = self.connection = None
        self.room, self.gone = set(), set()  # the others logged in; who left
        self.unheard = 0  # lines we sent that have not come back to us yet
        self.heard = 0  # when the room last told us of someone (time.monotonic)

    def get_dependency(self, worker_ctx):
        return self

    def claim(self, name, wait=SEND_TIMEOUT):
        """Hold `name`, with our last will, instead of any name held before: False
        if another holds it. Raises BROKER_ERRORS, or eventlet.Timeout after `wait`."""
        self.drop()
        # The queue consumer's nodes, TLS and heartbeat; each node a third of the time.
        connection = self.queue_consumer.connection.clone(
            connect_timeout=SEND_TIMEOUT / 3)
        queue = Queue(f"chat.name.{name}", durable=False, queue_arguments={
            "x-message-ttl": 0, "x-expires": 60_000,
            "x-dead-letter-exchange": "chat.events",
            "x-dead-letter-routing-key": Left.type})
        wills = []
        try:
            with eventlet.Timeout(wait):
                self.queue_consumer.consuming.wait()  # the room reaches us
                connect(connection, self.container.config["AMQP_URI"])
                while True:
                    try:
                        channel = connection.channel()
                        queue(channel).declare()
                        break
                    except NotFound:  # on a node that is stopping: soon gone
                        eventlet.sleep(0.2)
                # Exclusive: a second claim gets ACCESS_REFUSED, atomically.
                channel.basic_consume(queue.name, callback=wills.append, exclusive=True)
                # Only once we consume: a will nobody can take expires at once.
                Producer(channel).publish(dataclasses.asdict(Left(name)),
                                          routing_key=queue.name)
                while not wills:
                    connection.drain_events()
        except BaseException as exc:
            connection.collect()
            self.name = None
            if isinstance(exc, AccessRefused):  # another client holds it
                return False
            raise
        self.name, self.connection = name, connection  # the will stays unacked
        self.room, self.unheard = set(), 0
        self.holding = self.container.spawn_managed_thread(self.hold)
        return True

    def hold(self):  # the name's connection kept alive, as nameko's consumer does
        connection = self.connection
        with contextlib.suppress(*BROKER_ERRORS):  # gone: the will tells
            while True:
                with contextlib.suppress(TimeoutError):
                    connection.drain_events(timeout=1)
                connection.heartbeat_check()

    def drop(self):  # let the name's connection go, if we hold one: the will goes off
        connection, self.connection = self.connection, None
        if connection:
            self.holding.kill()
            with eventlet.Timeout(STOP_GRACE / 2, False):  # a polite close, so
                connection.close()  # the name is free for a claim that follows
            connection.collect()  # or none, from a stalled broker

    def release(self):  # give up the name: our will, let go with it, tells the room
        self.drop()
        self.name = None

    stop = kill = release


# Events: each is sent as its fields (a dict), with its `type` as routing key.

@dataclasses.dataclass
class Message:
    type = "message"
    author: str
    msg: str


@dataclasses.dataclass
class Joined:
    type = "joined"
    author: str


@dataclasses.dataclass
class Left:
    type = "left"
    author: str


@dataclasses.dataclass
class Who:  # who is here? Each other client answers with Here, to `reply_to`
    type = "who"
    author: str
    reply_to: str  # the asker's CLIENT_ID


@dataclasses.dataclass
class Here:  # sent as here.ID, which only the asker's queue is bound to
    type = f"here.{CLIENT_ID}"  # to us; to another client, here.ITS_ID
    author: str


class Chat:
    """The chat: every client runs one, and every client hears every event."""
    name = "chat"

    dispatch = EventDispatcher()
    stdout = Stdout()
    user = User()

    @once
    def ask_name(self):
        self.stdout.show(ASK_NAME)

    @stdin(until=QUIT)
    def handle_line(self, line):
        """The first line typed is the user's name; every later one is said."""
        text = line.strip()
        if text == QUIT:
            self.leave()
        elif not self.user.name:
            self.log_in(text)
        elif text == "/who":
            self.show_room()
        elif text == "/help":
            self.stdout.show(HELP)
        elif text.startswith("/") and not text.startswith("//"):
            self.stdout.show(f"! unknown command {text.split()[0]}; try /help")
        elif len(text) > MAX_MESSAGE:
            self.stdout.show(f"! not sent: {len(text)} characters, and a message "
                             f"is at most {MAX_MESSAGE}")
        elif text and not self.send(Message(self.user.name, text.removeprefix("/"))):
            self.stdout.show(f"! not sent: {text} (the broker did not take it)")

    def log_in(self, name, wait=SEND_TIMEOUT):
        if len(name) > MAX_NAME or CONTROL.search(name) or name[:1] == "/":
            self.stdout.show(f"! a name is 1 to {MAX_NAME} printable characters,"
                             " not starting with /")
        elif name:
            try:
                if self.user.claim(name, wait):
                    return self.join(name)
                self.stdout.show(f"! {name} is taken; choose another name")
            except (*BROKER_ERRORS, eventlet.Timeout) as exc:  # down, stalled, refusing
                self.stdout.show(f"! the broker did not take the name ({exc})")
        self.stdout.show(ASK_NAME)

    def join(self, name):
        self.stdout.show(f"Welcome to chat, {name}!")
        self.send(Joined(name))
        if not self.send(Who(name, reply_to=CLIENT_ID)):
            self.show_room()  # no answers will come: as far as we know

    def show_room_when_answered(self):
        # Our question has gone round. A busy room answers late: so until it has
        # been quiet for WHO_WAIT (see receive), 10 WHO_WAITs at most.
        started = self.user.heard = time.monotonic()
        while (quiet := time.monotonic() - self.user.heard) < WHO_WAIT and (
                time.monotonic() - started < 10 * WHO_WAIT):
            eventlet.sleep(WHO_WAIT - quiet)
        self.show_room()

    @reconnected
    def join_again(self):
        self.stdout.show("! reconnected; what was said meanwhile did not reach you")
        if name := self.user.name:  # claimed again: a stopping node lets go slowly
            self.log_in(name, wait=REJOIN_WAIT)

    def show_room(self):
        if self.user.name:  # still here when the answers are in
            names = ", ".join(sorted(self.user.room))
            self.stdout.show(f"* in the room: {names}" if names
                             else "* nobody else is here")

    def leave(self):
        if name := self.user.name:
            # Wait, briefly, to see our own lines come back, as scripts expect.
            with eventlet.Timeout(ECHO_WAIT, False):
                while self.user.unheard > 0:
                    eventlet.sleep(0.01)
            self.stdout.show(f"* {name} left")
            self.user.release()

    def send(self, event, routing_key=None):
        """Dispatch `event`: False if the broker did not take it in time."""
        def dispatch():
            with contextlib.suppress(*BROKER_ERRORS):
                self.dispatch(routing_key or event.type, dataclasses.asdict(event))
                return True

        # Waited for in a thread of its own: a stalled broker can hold a
        # publish, and then the close of its connection, for ever.
        with eventlet.Timeout(SEND_TIMEOUT, False):
            if eventlet.spawn(dispatch).wait():
                if isinstance(event, Message):
                    self.user.unheard += 1  # until it comes back to us
                return True
        return False

    @broadcast(Message.type)
    def on_message(self, payload):
        if message := self.receive(Message, payload):
            if message.author == self.user.name:
                self.user.unheard -= 1  # one of ours, back
            self.stdout.show(f"{message.author}: {message.msg}")

    @broadcast(Joined.type)
    def on_joined(self, payload):
        joined = self.receive(Joined, payload)
        if joined and joined.author != self.user.name:
            self.user.room.add(joined.author)
            self.user.gone.discard(joined.author)
            self.stdout.show(f"* {joined.author} joined")

    @broadcast(Left.type)
    def on_left(self, payload):
        left = self.receive(Left, payload)
        if left and left.author != self.user.name:
            self.user.room.discard(left.author)
            self.user.gone.add(left.author)  # an answer it sent may come later
            self.stdout.show(f"* {left.author} left")

    @broadcast(Who.type)
    def on_who(self, payload):
        who = self.receive(Who, payload)
        if who and who.author == self.user.name:
            self.show_room_when_answered()
        elif who and re.fullmatch("[A-Za-z0-9]{1,64}", who.reply_to):  # a safe key
            self.send(Here(self.user.name), f"here.{who.reply_to}")

    @broadcast(Here.type)
    def on_here(self, payload):
        here = self.receive(Here, payload)
        if here and here.author not in self.user.gone:
            self.user.room.add(here.author)

    def receive(self, event_type, payload):
        """The event in `payload`, if we are in and it is well formed, safe to print."""
        if not self.user.name:
            return None
        fields = [field.name for field in dataclasses.fields(event_type)]
        if not (isinstance(payload, dict)
                and all(isinstance(payload.get(name), str) for name in fields)):
            self.stdout.show(f"! ignored a malformed {event_type.type} event")
            return None
        if event_type is not Message:  # the room as it changes
            self.user.heard = time.monotonic()
        return event_type(**{name: printable(payload[name]) for name in fields})


def main(service=Chat):
    """Run `service`, the Chat or a subclass of it, until its user leaves."""
    parser = argparse.ArgumentParser(description="nameko-chat, a console chat")
    parser.add_argument("--broker", help="RabbitMQ's URI, or its nodes' joined by ';' "
                        "(default: $AMQP_URI, else amqp://guest:guest@localhost)",
                        default=os.environ.get("AMQP_URI", "amqp://guest:guest@localhost"))
    args = parser.parse_args()
    sys.stdout.reconfigure(errors="backslashreplace")  # shown as codes, no crash
    check_broker(args.broker)
    pools.set_limit(1)  # one connection to publish on, which workers share
    runner = ServiceRunner({"AMQP_URI": args.broker})
    runner.add_service(service)
    running = eventlet.spawn(runner.wait)

    def leave(signum, frame):
        # A handler may run inside eventlet's hub, where nothing may block.
        for sig in LEAVE_SIGNALS:  # a second signal kills
            signal.signal(sig, lambda *_: eventlet.spawn_n(runner.kill))
        eventlet.spawn_n(runner.stop)
        eventlet.spawn_after(STOP_GRACE, runner.kill)  # a stop held by the broker
        eventlet.spawn_after(EXIT_DEADLINE, running.kill)  # and a kill, too

    def wake_at_each_signal(pipe):  # or what `leave` spawns waits a second
        while green_os.read(pipe, 64):  # for the hub to wake
            pass

    readable, writable = os.pipe()
    os.set_blocking(writable, False)
    signal.set_wakeup_fd(writable)  # Python writes a byte there at each signal
    eventlet.spawn_n(wake_at_each_signal, readable)
    for sig in LEAVE_SIGNALS:
        signal.signal(sig, leave)
    signal.pthread_sigmask(signal.SIG_BLOCK, LEAVE_SIGNALS)  # until started
    try:
        with eventlet.Timeout(SEND_TIMEOUT):
            runner.start()
    except (*BROKER_ERRORS, eventlet.Timeout) as exc:
        with eventlet.Timeout(STOP_GRACE, False):
            runner.kill()  # and the console gives the terminal back
        sys.exit(f"nameko-chat: lost the broker while starting ({exc})")
    signal.pthread_sigmask(signal.SIG_UNBLOCK, LEAVE_SIGNALS)
    pools.reset()  # closes the connection that nameko declared the exchange on
    with contextlib.suppress(GreenletExit):  # killed: the exit deadline
        running.wait()


# Robustness: the screen safe from what others send, the start from no broker.

def printable(text, limit=MAX_MESSAGE):
    """`text` from another user, safe to print: control characters shown as
    escapes (ESC as ``\\x1b``), and text over `limit` cut, with a mark."""
    shown = CONTROL.sub(lambda match: repr(match.group())[1:-1], text[:limit])
    cut = len(text) - limit
    return f"{shown}... [{cut} more characters not shown]" if cut > 0 else shown


def connect(connection, uri):
    """Connect to the first of the nodes in `uri` that answers: each once, now."""
    connection.ensure_connection(max_retries=uri.count(";"), interval_start=0,
                                 interval_step=0)


def check_broker(uri):
    """Connect once to a node, or exit with one line that says why, not pages."""
    try:
        with Connection(uri, connect_timeout=2) as connection:
            connect(connection, uri)
    except Exception as exc:  # a bad URI, as much as a broker that is down
        where = re.sub(r"(//[^:/@]*:)[^@]*@", r"\1********@", uri)  # no passwords
        sys.exit(f"nameko-chat: cannot connect to the broker at {where} ({exc}). "
                 "Check the URI, or start RabbitMQ there; name another broker "
                 "with --broker URI or the AMQP_URI environment variable.")


if __name__ == "__main__":
    main()
