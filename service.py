"""nameko-chat: a console chat written as a nameko service, on RabbitMQ.

- A *service* is a plain class, ``Chat``. A *container* runs the *extensions*
  it declares: ``setup()`` then ``start()`` on each. ``stop()`` stops the
  entrypoints, waits for the workers running, then stops the rest.
- An *entrypoint* decorates a method and says when it runs: ``@stdin`` runs it
  with each line typed. Each time, nameko spawns a *worker*, a green thread
  that calls the method on a new instance of the class: 10 at once at most.
- A *dependency provider* is a class attribute, like ``stdout = Stdout()``. On
  each worker's instance, nameko sets it to what the provider's
  ``get_dependency`` returns. What must outlast a call lives in the provider.
- nameko makes each container's extensions from the class attributes. A
  *shared extension* is one per container and class: Stdin and Stdout share a
  Console; all that read from the broker share a ChatQueueConsumer.
Read on: events, extensions, ``Chat``, its ``Person`` and ``Backlog``,
``main``; then the rest.
"""
import argparse
import collections
import contextlib
import dataclasses
import datetime
import logging
import os
import re
import signal
import time
import warnings
from typing import ClassVar

# eventlet's monkey patch, before nameko and kombu, as nameko asks: it makes
# sockets, sleeps and threads green, with its notices hidden. A program, not
# an import: Ctrl-C while it loads just ends it; no slow green DNS to load.
if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.environ.setdefault("EVENTLET_NO_GREENDNS", "yes")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import eventlet
logging.disable(logging.ERROR)
eventlet.monkey_patch()
logging.disable(logging.NOTSET)

from kombu import Queue
from nameko.events import BROADCAST, EventDispatcher, EventHandler
from nameko.exceptions import ContainerBeingKilled
from nameko.extensions import DependencyProvider, Entrypoint, SharedExtension
from nameko.messaging import Consumer, QueueConsumer
from nameko.runners import ServiceRunner
from nameko.standalone.events import get_event_exchange


# The events: nameko sends an event type, also its routing key, and a dict.

@dataclasses.dataclass
class Message:
    """A line said, and when: `at` is UTC in ISO 8601,
    2026-12-06T09:41:02.250Z. A program other than the chat may send none."""
    event_type: ClassVar[str] = "message"
    author: str
    msg: str
    at: str = ""


@dataclasses.dataclass
class Joined:
    """`author` has joined, and asks who else is here: each other client
    answers with a Here, sent to here.ID, where ID is `reply_to`."""
    event_type: ClassVar[str] = "joined"
    author: str
    reply_to: str = ""


@dataclasses.dataclass
class Left:
    """`author` has gone."""
    event_type: ClassVar[str] = "left"
    author: str


@dataclasses.dataclass
class Here:
    """An answer to a joiner, sent as here.ID: only the joiner listens to it."""
    event_type: ClassVar[str] = "here"
    author: str


class Once(Entrypoint):
    """The first of the extensions, each shaped like one of nameko's own.

    An entrypoint that fires once, at start, with the decorator's arguments:
    ``@once``, or ``@once("robot")`` to call ``method("robot")``. It is
    nameko's Timer without the loop. Like every entrypoint, it starts work
    with ``container.spawn_worker``: a worker gets the arguments, and on its
    new instance of the service, what each provider's ``get_dependency``
    returns.

    ``setup``, ``start``, ``stop``, ``kill`` and ``get_dependency`` here are
    nameko's public hooks, which the container calls. Each extension overrides
    only the hooks it needs."""

    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs
        super().__init__()

    def start(self):
        self.container.spawn_worker(self, self.args, self.kwargs)


once = Once.decorator


class Console(SharedExtension):
    """The terminal. Stdin and Stdout each declare a Console, but it is a
    shared extension: nameko binds one per container, and both get it. The
    work is a Terminal's, defined with the terminal handling at the end."""

    def setup(self):
        self.terminal = Terminal()
        self.terminal.open()

    def show(self, line):
        self.terminal.show(line)

    def lines(self):
        return self.terminal.lines()

    def stop(self):
        self.terminal.close()

    def kill(self):
        self.terminal.close()


class Stdout(DependencyProvider):
    """Dependency provider of the screen: ``self.stdout.show("a line")``.
    Like every extension declared on a class, ``Console()`` here is a
    template: nameko binds a copy of it to each container it makes."""
    console = Console()

    def get_dependency(self, worker_ctx):
        # `worker_ctx` tells which worker asks, and for which call: a
        # provider may hand each a different object. The screen is one.
        return Screen(self.console)


class Screen:
    """What a worker gets from Stdout: a way to show a line, and no more."""

    def __init__(self, console):
        self.console = console

    def show(self, line):
        """Show `line` on a row of its own, above what is being typed."""
        self.console.show(line)


class Stdin(Entrypoint):
    """Entrypoint that fires its method with each line typed, one line at a
    time, in order. Its last call is with `until`, the line that ends the
    session: typed, or sent for the user when input ends or the service
    stops. Like nameko's Timer, it loops in managed threads."""
    console = Console()

    def __init__(self, until, **kwargs):
        self.until = until
        super().__init__(**kwargs)

    def setup(self):
        self.typed = eventlet.Queue()
        self.worker_done = eventlet.Event()

    def start(self):
        # Managed threads are the container's: it kills any still running
        # when it stops, so none outlives the service.
        self.firing = self.container.spawn_managed_thread(self.fire)
        self.reading = self.container.spawn_managed_thread(self.read)

    def stop(self):
        # The lines read are still handled, then `until`, then no more.
        self.reading.kill()
        self.typed.put(self.until)
        self.firing.wait()
        # Give the terminal back now. The rest of the stop may wait for the
        # broker, and main may end the process before the container stops
        # the console; the console's own stop then finds it closed.
        self.console.stop()

    def read(self):
        """Queue each line typed; at its end, stop the service."""
        for line in self.console.lines():
            if line.strip() == self.until:
                break
            self.typed.put(line)
        self.typed.put(self.until)
        # A stalled broker may hold a line's worker up: wait a moment, no more.
        with eventlet.Timeout(LEAVE_WAIT, False):
            self.firing.wait()
        # An entrypoint does not know what runs its container: main, or
        # `nameko run`. Both stop it at SIGTERM, so that is how to ask.
        signal.raise_signal(signal.SIGTERM)

    def fire(self):
        """Fire a worker for each line queued, once the one before is done,
        as nameko's Timer waits for each tick's worker. Otherwise workers
        would overlap, and lines must be said in order."""
        line = None
        with contextlib.suppress(ContainerBeingKilled):
            while line != self.until:
                line = self.typed.get()
                self.container.spawn_worker(self, (line,), {},
                                            handle_result=self.handle_result)
                self.worker_done.wait()
                self.worker_done.reset()

    def handle_result(self, worker_ctx, result, exc_info):
        """nameko calls this when a worker is done, with what its method
        returned or raised, and expects the two back."""
        self.worker_done.send()
        return result, exc_info


stdin = Stdin.decorator


class ChatQueueConsumer(QueueConsumer):
    """nameko's QueueConsumer, the shared extension that reads every queue
    of the container's event handlers and consumers on one connection. This
    one also says when it consumes (`consuming`: from then on, the room's
    events reach us; a name is claimed only then), and fires the Reconnected
    entrypoints registered with it each time its connection comes back."""

    def __init__(self):
        super().__init__()
        self.consuming = eventlet.Event()
        self.reconnected_entrypoints = set()

    def register_reconnected(self, entrypoint):
        self.reconnected_entrypoints.add(entrypoint)

    def unregister_reconnected(self, entrypoint):
        self.reconnected_entrypoints.discard(entrypoint)

    def on_connection_revived(self):
        """kombu's hook, called each time the connection is made, before the
        consumers are. Reconnected fires here, not once they consume: kombu
        makes the consumers one by one, and the lines missed may come while it
        waits for the next. Its worker runs before theirs, as eventlet runs
        green threads in the order they were spawned."""
        super().on_connection_revived()
        if self.consuming.ready():
            self.consuming.reset()
            for entrypoint in list(self.reconnected_entrypoints):
                entrypoint.fire()

    def on_consume_ready(self, connection, channel, consumers, **kwargs):
        """kombu's hook, called when the consumers are ready on a connection."""
        super().on_consume_ready(connection, channel, consumers, **kwargs)
        self.consuming.send()


class ChatEventHandler(EventHandler):
    """nameko's event handler, on the chat's queue consumer."""
    queue_consumer = ChatQueueConsumer()


def on_event(event_type):
    """``@event_handler`` of every `event_type` event, in every client.
    nameko's default handler type gives all running services named chat one
    queue, and each event to one of them; BROADCAST gives each client a queue
    of its own. nameko's "reliable delivery" needs a queue that outlives its
    client, under the same name at each start. A client's queue is named anew
    at each start, so it goes with its client: reliable_delivery=False."""
    return ChatEventHandler.decorator(
        "chat", event_type, handler_type=BROADCAST, reliable_delivery=False)


# The room's lines are kept in a RabbitMQ stream: an append-only log that
# every client reads, each from an offset of its own. It is bound to nameko's
# exchange for the chat's events, so a `message` from anyone lands in it. A
# day's lines are kept; the log is cut in segments of 100 kB, and a segment
# goes only when all its lines are older than that.
HISTORY = "chat.history"
HISTORY_ARGUMENTS = {
    "x-queue-type": "stream",
    "x-max-age": "1D",
    "x-stream-max-segment-size-bytes": 100_000,
}


class HistoryConsumer(Consumer):
    """nameko's @consume, reading the room's lines from the stream, on the
    chat's queue consumer. A stream requires a prefetch, which the queue
    consumer sets (max_workers), and an acknowledgement of each line, which
    nameko's Consumer sends once the line's worker is done: the stream sends
    more lines as earlier ones are acknowledged. Nothing read is removed.

    Two things differ from nameko's Consumer: where reading starts, and where
    it resumes. It starts HISTORY_LINES lines before the end, so that a
    joiner reads about what it shows. Each time the connection comes back,
    nameko's queue consumer consumes `self.queue` anew, with the offset in its
    consumer_arguments: after each line, that is the offset after it, so a
    reconnected client reads on from where it was."""
    queue_consumer = ChatQueueConsumer()

    def __init__(self, **kwargs):
        # The queue needs nameko's exchange for the chat's events, which
        # nameko makes from the container's config: it is made in setup.
        super().__init__(queue=None, **kwargs)

    def setup(self):
        exchange = get_event_exchange(Chat.name, self.container.config)
        self.queue = Queue(HISTORY, exchange=exchange, durable=True,
                           routing_key=Message.event_type,
                           queue_arguments=HISTORY_ARGUMENTS)
        # An offset may also be a time: with no line to start from, read the
        # lines said from now on. If the broker is gone, the queue consumer
        # will find out as it starts.
        start = datetime.datetime.now(datetime.timezone.utc)
        with contextlib.suppress(*BROKER_ERRORS):
            last = last_offset(self.queue_consumer.connection, self.queue,
                               self.container.config["AMQP_URI"])
            if last is not None:
                start = max(last - HISTORY_LINES + 1, 0)
        self.queue.consumer_arguments = {"x-stream-offset": start}
        self.next_offset = 0
        super().setup()

    def handle_result(self, message, worker_ctx, result=None, exc_info=None):
        """nameko's Consumer calls this when a line's worker is done, and
        acknowledges the line. Each delivery from a stream carries its offset
        in a header. Workers may end out of order: resume after the latest."""
        offset = message.headers.get("x-stream-offset")
        if isinstance(offset, int) and offset >= self.next_offset:
            self.next_offset = offset + 1
            self.queue.consumer_arguments = {"x-stream-offset": offset + 1}
        return super().handle_result(message, worker_ctx, result, exc_info)


history = HistoryConsumer.decorator


class Reconnected(Entrypoint):
    """Entrypoint fired each time the chat's connection to the broker is
    back. It registers with the queue consumer, as nameko's Consumer does."""
    queue_consumer = ChatQueueConsumer()

    def setup(self):
        self.queue_consumer.register_reconnected(self)

    def stop(self):
        self.queue_consumer.unregister_reconnected(self)

    def fire(self):
        with contextlib.suppress(ContainerBeingKilled):
            self.container.spawn_worker(self, (), {})


reconnected = Reconnected.decorator


class User(DependencyProvider):
    """Dependency provider of the person at this console. Each worker has a
    new service instance, so what must outlast a worker lives here: every
    worker gets the same Person, a plain class defined just after Chat.

    A name is a queue on the broker that only its holder consumes (NameQueue,
    at the end): the broker refuses a second holder, and when the holder's
    connection goes, however it goes, the broker sends the room its `left`."""
    queue_consumer = ChatQueueConsumer()

    def setup(self):
        name_queue = NameQueue(self.container, self.queue_consumer)
        self.person = Person(name_queue, self.queue_consumer.consuming)

    def get_dependency(self, worker_ctx):
        return self.person

    def stop(self):
        self.person.let_go()

    def kill(self):
        self.person.let_go()


# The chat itself. A line's way from Enter to every screen: Stdin fires
# Chat.handle_line in a worker, which dispatches a Message to the exchange
# chat.events. RabbitMQ routes it by its type, "message", to the stream
# chat.history, which every client reads. In each, the queue consumer fires
# on_message in a worker, which shows the line. The other events go the same
# way, each to one queue in each client.

PROMPT = ">>> "
ASK_NAME = "Please enter your name:"
QUIT = "/quit"
HELP = "! commands: /who shows who is here, /help this list, /quit leaves"
# The most characters in a name.
MAX_NAME = 40
# The most characters in a message, on sending and on display.
MAX_MESSAGE = 2000
# Seconds of quiet in the room after which a joiner shows who is here.
WHO_WAIT = 0.5
# The same when others join at the same time: each member answers the
# joiners in turn, so our answers may come after a lull.
STORM_WAIT = 1.5
# The most earlier lines shown at a join, or after a reconnection.
HISTORY_LINES = 50
# How far back the earlier lines shown at a join go.
HISTORY_AGE = datetime.timedelta(minutes=10)
# Seconds of quiet after which the lines missed while away are all in: the
# broker sends them back to back. A catch-up waits for them 5 seconds at most.
CATCH_UP_QUIET = 0.25
CATCH_UP_WAIT = 5
# Seconds that leaving waits for our own lines to come back.
ECHO_WAIT = 0.25
# Seconds the broker has to take an event, or a name.
SEND_TIMEOUT = 3
# Seconds it has to give our name back, after a reconnection.
REJOIN_WAIT = 15
# This client's id, new at each start: answers to it come as here.CLIENT_ID.
CLIENT_ID = os.urandom(16).hex()


class Chat:
    """The chat: every client runs one, and every client hears every event.

    Its dependency providers are ``dispatch`` (nameko's EventDispatcher),
    ``stdout`` and ``user``. Its entrypoints are ``@once``, ``@stdin``,
    ``@reconnected``, ``@on_event`` (nameko's event handler) and ``@history``
    (nameko's consumer); the shared extensions behind them are the Console
    and the ChatQueueConsumer. Workers run at the same time (nameko's
    max_workers, 10 by default): Stdin fires its own one at a time, in order,
    but the others' workers overlap.
    Each worker has a Chat of its own: what one call sets on ``self`` is gone
    in the next. What lasts is in ``self.user``."""
    # The service's name, which nameko requires: the events it dispatches go
    # to RabbitMQ's exchange chat.events, and its handlers listen there.
    name = "chat"

    dispatch = EventDispatcher()
    stdout = Stdout()
    user = User()

    @once
    def ask_name(self):
        self.stdout.show(ASK_NAME)

    @stdin(until=QUIT)
    def handle_line(self, line):
        """The first line typed is the user's name; every later one is a
        command, or is said."""
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
            # A line that starts with // is said, with its first / removed.
            self.stdout.show(f"! unknown command {text.split()[0]}; try /help")
        elif len(text) > MAX_MESSAGE:
            self.stdout.show(f"! not sent: {len(text)} characters, and a message "
                             f"is at most {MAX_MESSAGE}")
        elif text:
            self.say(text.removeprefix("/"))

    def say(self, text):
        """Send `text` as a message, or tell the user that it was not sent.
        It is shown when it comes back from the broker, as everyone's are."""
        sent = self.send(Message(self.user.name, text, at=utc_now()))
        if sent:
            self.user.lines_in_flight += 1
        else:
            self.stdout.show(f"! not sent: {text} (the broker did not take it)")

    def log_in(self, name, wait=SEND_TIMEOUT):
        """Claim `name` and join the room; or say why not, and ask again."""
        notice = None
        if len(name) > MAX_NAME or CONTROL.search(name) or name.startswith("/"):
            notice = (f"! a name is 1 to {MAX_NAME} printable characters,"
                      " not starting with /")
        elif name:
            try:
                claimed = self.user.claim(name, wait)
            except (*BROKER_ERRORS, eventlet.Timeout) as exc:
                notice = f"! the broker did not take the name ({exc})"
            else:
                if claimed:
                    self.join(name)
                    return
                notice = f"! {name} is taken; choose another name"
        if notice:
            self.stdout.show(notice)
        self.stdout.show(ASK_NAME)

    def join(self, name):
        """Welcome the user, show what was said in the last minutes, and tell
        the room, whose members answer."""
        self.stdout.show(f"Welcome to chat, {name}!")
        self.user.backlog.joined()
        sent = self.send(Joined(name, reply_to=CLIENT_ID))
        # A script logs in at once, and the earlier lines may still come.
        self.user.backlog.wait_for_earlier_lines()
        self.user.backlog.forget_old_lines()
        self.show_earlier()
        if not sent:
            # No answers will come: show the room as far as we know it.
            self.show_room()

    @reconnected
    def join_again(self):
        """Show what was said while we were away, and claim the name again."""
        self.stdout.show("! reconnected")
        if not self.user.name:
            return
        # Reconnected fires before the consumers are back, so this runs
        # before any line missed is handled: those lines are held, to show
        # the latest together, once they are all in.
        self.user.backlog.came_back()
        self.user.backlog.wait_for_missed_lines()
        self.show_earlier()
        # The name's connection broke with the consumer's, as a rule (a lost
        # network, a node that stopped), and the broker has told the room we
        # left: claim the name again. A node that is stopping takes a few
        # seconds to let the old claim go, so wait longer than at the start.
        self.log_in(self.user.name, wait=REJOIN_WAIT)

    def show_room(self):
        """Show who else is here, as far as this client knows."""
        if not self.user.name:
            return
        names = ", ".join(sorted(self.user.room))
        if names:
            self.stdout.show(f"* in the room: {names}")
        else:
            self.stdout.show("* nobody else is here")

    def show_earlier(self):
        """Show the lines held, said before we joined or came back, each
        marked with the time it was said; from then on, lines as they come."""
        left_out = self.user.backlog.left_out
        earlier = self.user.backlog.release()
        if left_out == 1:
            self.stdout.show("! 1 earlier line left out")
        elif left_out:
            self.stdout.show(f"! {left_out} earlier lines left out")
        for said_at, message in earlier:
            self.show_earlier_line(said_at, message)

    def show_earlier_line(self, said_at, message):
        """Show a line said before we joined or came back, with its time."""
        local = said_at.astimezone()
        self.stdout.show(f"[{local:%H:%M}] {message.author}: {message.msg}")

    def show_room_when_answered(self):
        """Show the room once the answers to our `joined` have stopped
        coming: when the room has been quiet for a while."""
        self.user.wait_for_quiet()
        self.show_room()

    def leave(self):
        """Say goodbye, and let the name go, which tells the room."""
        name = self.user.name
        if not name:
            return
        # Wait, briefly, to see our own lines come back, as scripts expect.
        self.user.wait_for_own_lines(ECHO_WAIT)
        self.stdout.show(f"* {name} left")
        self.user.let_go()

    def send(self, event, routing_key=None):
        """Dispatch `event`: True if the broker took it within SEND_TIMEOUT.
        The routing key is the event's type, unless `routing_key` is given:
        an answer to a joiner goes to here.ID. The call itself is nameko's
        ``self.dispatch(event_type, payload)``; a stalled broker can hold it
        for ever, so it runs with a bound: see `within`."""
        if routing_key is None:
            routing_key = event.event_type
        payload = dataclasses.asdict(event)
        return within(SEND_TIMEOUT, self.dispatch, routing_key, payload)

    @history
    def on_message(self, payload):
        """A line said. One said before we joined or came back is earlier:
        shown marked with its time, after the others said then, or held
        until they are all in. Any other line is shown as it comes."""
        message = self.receive(Message, payload)
        if message is None:
            return
        said_at = when_said(message.at)
        backlog = self.user.backlog
        if said_at is not None and backlog.is_earlier(said_at):
            if backlog.holding:
                backlog.hold(said_at, message)
            elif backlog.worth_showing(said_at):
                self.show_earlier_line(said_at, message)
            return
        if not self.user.name:
            # Said before we joined, at a time it does not give: not shown.
            return
        # A line said since we joined or came back: the earlier ones first.
        self.show_earlier()
        if message.author == self.user.name:
            self.user.lines_in_flight -= 1
        self.stdout.show(f"{message.author}: {message.msg}")

    @on_event(Joined.event_type)
    def on_joined(self, payload):
        """Someone is here. If it is us, our question has gone round and the
        answers are coming; if it is another, tell the user, and answer."""
        if not self.user.name:
            return
        joined = self.receive(Joined, payload)
        if joined is None:
            return
        if joined.author == self.user.name:
            self.show_room_when_answered()
            return
        self.user.someone_joined()
        self.user.room.add(joined.author)
        self.user.gone.discard(joined.author)
        self.stdout.show(f"* {joined.author} joined")
        # Only an id that is safe in a routing key gets an answer.
        if re.fullmatch("[A-Za-z0-9]{1,64}", joined.reply_to):
            answer = Here(self.user.name)
            self.send(answer, routing_key=f"{Here.event_type}.{joined.reply_to}")

    @on_event(Left.event_type)
    def on_left(self, payload):
        if not self.user.name:
            return
        left = self.receive(Left, payload)
        if left is None or left.author == self.user.name:
            return
        self.user.room_changed()
        self.user.room.discard(left.author)
        self.user.gone.add(left.author)
        self.stdout.show(f"* {left.author} left")

    @on_event(f"{Here.event_type}.{CLIENT_ID}")
    def on_here(self, payload):
        if not self.user.name:
            return
        here = self.receive(Here, payload)
        if here is None:
            return
        self.user.room_changed()
        if here.author not in self.user.gone:
            self.user.room.add(here.author)

    def receive(self, event_class, payload):
        """The event in `payload`, safe to print; or None, if it is malformed
        (then a logged-in user is told)."""
        if not isinstance(payload, dict):
            payload = {}
        values = {}
        for field in dataclasses.fields(event_class):
            value = payload.get(field.name)
            optional = field.default is not dataclasses.MISSING
            if optional and not isinstance(value, str):
                # An optional field, such as `reply_to`, that is missing or
                # malformed counts as missing.
                value = field.default
            if not isinstance(value, str):
                if self.user.name:
                    kind = event_class.event_type
                    self.stdout.show(f"! ignored a malformed {kind} event")
                return None
            values[field.name] = printable(value)
        return event_class(**values)


class Person:
    """The user, as workers see it: the name held, the room as far as this
    client knows it, and the backlog of lines to show. Workers share it
    without a lock: green threads switch only where one waits (for I/O, or
    in a sleep), and each change to a Person is made between waits.
    `consuming` is the queue consumer's, for the backlog."""

    def __init__(self, name_queue, consuming):
        self.name_queue = name_queue
        self.name = None
        # The others logged in, and those who left: a late answer from one
        # who left must not bring them back.
        self.room = set()
        self.gone = set()
        # Our lines that have not come back to us yet: leaving waits for them.
        self.lines_in_flight = 0
        # When the room last told us of anyone, and when it last told us of
        # another joiner, by time.monotonic(): a joiner waits for quiet.
        self.room_changed_at = 0
        self.someone_joined_at = 0
        # Lines said before we joined, or while we were away.
        self.backlog = Backlog(consuming)

    def claim(self, name, wait):
        """Hold `name`, instead of any name held before: False if another
        client holds it. Raises BROKER_ERRORS, or eventlet.Timeout after
        `wait` seconds. Until the claim ends, `self.name` stays as it was, so
        lines typed while a reconnection claims the name again are said."""
        try:
            taken = self.name_queue.take(name, wait)
        except (*BROKER_ERRORS, eventlet.Timeout):
            self.leave_the_room()
            raise
        if not taken:
            self.leave_the_room()
            return False
        self.name = name
        self.room = set()
        self.gone = set()
        self.lines_in_flight = 0
        return True

    def let_go(self):
        """Give up the name: the broker tells the room that we left."""
        self.name_queue.let_go()
        self.leave_the_room()

    def leave_the_room(self):
        """Hold no name; hold the lines said, until we join again."""
        self.name = None
        self.backlog.start_over()

    def room_changed(self):
        """Note that the room told us of someone: a joiner waits for quiet."""
        self.room_changed_at = time.monotonic()

    def someone_joined(self):
        """Note that another joined: a joiner then waits for a longer quiet."""
        self.room_changed()
        self.someone_joined_at = self.room_changed_at

    def wait_for_quiet(self):
        """Wait until the room has told us of nobody for WHO_WAIT, 10 WHO_WAITs
        at most. When others join at the same time, each member answers the
        joiners in turn, and ours may come after a lull: then wait for
        STORM_WAIT of quiet."""
        self.room_changed()
        started = self.room_changed_at
        deadline = started + 10 * WHO_WAIT
        while time.monotonic() < deadline:
            needed = WHO_WAIT
            if self.someone_joined_at > started - STORM_WAIT:
                needed = STORM_WAIT
            quiet = time.monotonic() - self.room_changed_at
            if quiet >= needed:
                break
            eventlet.sleep(min(needed - quiet, deadline - time.monotonic()))

    def wait_for_own_lines(self, seconds):
        """Wait until our lines have come back to us, `seconds` at most."""
        with eventlet.Timeout(seconds, False):
            while self.lines_in_flight > 0:
                eventlet.sleep(0.01)


class Backlog:
    """The lines said before the user joined, or while the client was away:
    earlier lines, shown marked with the time each was said. While it holds
    them, it keeps the latest HISTORY_LINES, to be shown together; then
    earlier lines are shown as they come, and the others live."""

    def __init__(self, consuming):
        # Set once the consumers are ready, and reset when the connection is
        # made again: the lines missed come after.
        self.consuming = consuming
        # When we joined or came back, in UTC: lines said before are earlier.
        # None until we join: then every line is.
        self.since = None
        # Lines said before `not_before` are not worth showing; None: all are.
        self.not_before = None
        self.holding = True
        self.lines = collections.deque(maxlen=HISTORY_LINES)
        # How many lines the deque let go, for the latest to stay.
        self.left_out = 0
        # When a line was last held, by time.monotonic().
        self.last_held_at = 0

    def start_over(self):
        """Hold every line said, until we join again."""
        self.since = None
        self.holding = True

    def joined(self):
        """Note that we joined: lines said before now are earlier, and those
        of the last HISTORY_AGE are worth showing."""
        self.since = this_millisecond()
        self.not_before = self.since - HISTORY_AGE

    def came_back(self):
        """Note that our connection is back: the lines said before now were
        missed, and are held until they are all in."""
        self.since = this_millisecond()
        self.not_before = None
        self.holding = True

    def is_earlier(self, said_at):
        """Whether a line said at `said_at` was said before we joined or
        came back."""
        return self.since is None or said_at < self.since

    def worth_showing(self, said_at):
        """Whether an earlier line said at `said_at` is recent enough."""
        return self.not_before is None or said_at >= self.not_before

    def hold(self, said_at, message):
        """Keep an earlier line to show later: the deque keeps the latest."""
        if len(self.lines) == self.lines.maxlen:
            self.left_out += 1
        self.lines.append((said_at, message))
        self.last_held_at = time.monotonic()

    def forget_old_lines(self):
        """Let go of the lines held that are not worth showing, and of the
        count of those left out: a joiner reads the stream's latest lines,
        and shows the latest, with no count of the others."""
        recent = [(said_at, message) for said_at, message in self.lines
                  if self.worth_showing(said_at)]
        self.lines = collections.deque(recent, maxlen=HISTORY_LINES)
        self.left_out = 0

    def release(self):
        """Give back the lines held, oldest first, and hold no more: from
        now on, lines are shown as they come."""
        lines = list(self.lines)
        self.lines.clear()
        self.left_out = 0
        self.holding = False
        return lines

    def wait_for_earlier_lines(self):
        """Wait until no earlier line has come for CATCH_UP_QUIET, as the
        broker sends them back to back; CATCH_UP_WAIT at most."""
        with eventlet.Timeout(CATCH_UP_WAIT, False):
            self.wait_for_quiet_since(self.last_held_at)

    def wait_for_missed_lines(self):
        """Wait until the consumers are back, then for the lines missed, as
        for earlier lines; CATCH_UP_WAIT at most in all. The first line may
        come a moment after the consumers, so the quiet starts then."""
        with eventlet.Timeout(CATCH_UP_WAIT, False):
            self.consuming.wait()
            self.wait_for_quiet_since(time.monotonic())

    def wait_for_quiet_since(self, start):
        """Wait until CATCH_UP_QUIET has passed since `start` and since the
        last line held, both by time.monotonic()."""
        while True:
            quiet = time.monotonic() - max(start, self.last_held_at)
            if quiet >= CATCH_UP_QUIET:
                break
            eventlet.sleep(CATCH_UP_QUIET - quiet)


def main(service=Chat):
    """Run `service`, the Chat or a subclass of it, until its user leaves.

    A leaving signal (Ctrl-C, SIGTERM, SIGHUP), or the end of input, stops
    the runner, whose container stops in this order: the entrypoints
    (Stdin.stop fires the last worker, with /quit, which leaves, and gives
    the terminal back; Reconnected and the event handlers unregister); then
    it waits for the workers running; then the providers (User.stop lets the
    name go); then the shared extensions (the queue consumer, the console).
    A stop that the broker holds up becomes a kill, and the process ends
    anyway soon after: see leaving_at_signals."""
    parser = argparse.ArgumentParser(description="nameko-chat, a console chat")
    parser.add_argument(
        "--broker",
        default=os.environ.get("AMQP_URI", "amqp://guest:guest@localhost"),
        help="RabbitMQ's URI, or its nodes' joined by ';' "
             "(default: $AMQP_URI, else amqp://guest:guest@localhost)")
    arguments = parser.parse_args()
    check_broker(arguments.broker)
    keep_the_screen_for_the_chat()
    publish_on_one_connection()

    runner = ServiceRunner({"AMQP_URI": arguments.broker})
    runner.add_service(service)
    running = eventlet.spawn(runner.wait)
    with leaving_at_signals(runner, running):
        start_or_exit(runner)
        close_idle_connections()
        # Killed at the exit deadline, if a stop takes too long.
        with contextlib.suppress(GreenletExit):
            running.wait()


# ---------------------------------------------------------------------------
# The part a nameko reader may skip: the terminal, the name's queue in raw
# kombu, and main's policies for signals, logging and the broker. Its imports
# and constants stand here, beside the code that uses them. Chat uses a few
# of them too (BROKER_ERRORS, CONTROL, printable): Python finds a name when
# the code that uses it runs, so it may be defined later in the file.
# ---------------------------------------------------------------------------

import codecs
import sys
import termios
import tty
import unicodedata

from amqp.exceptions import AccessRefused, AMQPError, NotFound, PreconditionFailed
from greenlet import GreenletExit
from kombu import Connection, Producer, pools
from kombu.exceptions import KombuError

# The broker's errors: down, unreachable, refusing.
BROKER_ERRORS = (OSError, AMQPError, KombuError)
# C0, C1 and DEL: CR, ESC and every other character a terminal acts on.
CONTROLS = "\x00-\x1f\x7f-\x9f"
CONTROL = re.compile(f"[{CONTROLS}]")

# Seconds that the end of input waits for the last lines to be handled.
LEAVE_WAIT = 1
# Seconds the start may take: a busy machine starts slowly.
START_WAIT = 8
# Seconds after a leaving signal when main turns the stop into a kill.
STOP_GRACE = 0.3
# How many lines of the stream's last chunk may come unacknowledged; the
# seconds that the first, then each next one, has to come; and the seconds
# that reading them may take.
LAST_CHUNK_PREFETCH = 100
FIRST_LINE_WAIT = 0.3
NEXT_LINE_WAIT = 0.1
LAST_CHUNK_WAIT = 1
# Seconds for a polite close of the name's connection.
CLOSE_WAIT = 0.15
# Seconds after a leaving signal when main ends the process anyway.
EXIT_DEADLINE = 0.4
# Ctrl-C, kill, hangup: each makes the chat leave.
LEAVE_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def within(seconds, function, *args):
    """Call `function` in a green thread of its own, and wait `seconds` at
    most: True if it returned by then, False if it raised one of the
    BROKER_ERRORS or still runs. A stalled broker can hold a publish, and
    then the close of its connection, for ever: an eventlet.Timeout in the
    caller's thread would end the publish, but then wait for that close. If
    the thread ends later, what it sent goes out after all.

    A publish that still runs holds the one pooled connection (see
    publish_on_one_connection), and every later publish would wait for it.
    If its node went without closing that connection, they would wait for
    ever: the publish waits for a confirm, and kombu's retry for a polite
    close, neither with a timeout. So later publishes get a connection of
    their own."""
    calling = eventlet.spawn(returned, function, *args)
    with eventlet.Timeout(seconds, False):
        return calling.wait()
    publish_on_a_new_connection()
    return False


def returned(function, *args):
    """True if `function` returned, False if it raised one of BROKER_ERRORS.
    (Raised in a green thread of its own, it would reach eventlet's hub,
    which prints it.)"""
    try:
        function(*args)
    except BROKER_ERRORS:
        return False
    return True


def printable(text, limit=MAX_MESSAGE):
    """`text` from another user, safe to print: control characters shown as
    escapes (ESC as ``\\x1b``), and text over `limit` cut, with a mark."""
    shown = CONTROL.sub(escaped, text[:limit])
    cut = len(text) - limit
    if cut > 0:
        return f"{shown}... [{cut} more characters not shown]"
    return shown


def escaped(match):
    """A control character as Python writes it in a string: ``\\x1b``."""
    return repr(match.group())[1:-1]


def utc_now():
    """Now, in UTC, in ISO 8601, to the millisecond: 2026-12-06T09:41:02.250Z.
    Seconds would not do: a script logs in and speaks in the same second."""
    now = this_millisecond()
    return f"{now:%Y-%m-%dT%H:%M:%S}.{now.microsecond // 1000:03d}Z"


def this_millisecond():
    """Now, in UTC, to the millisecond, as a message's time gives it: a line
    said in the millisecond we joined counts as said after."""
    now = datetime.datetime.now(datetime.timezone.utc)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def when_said(at):
    """The time in `at`, ISO 8601, as a datetime that knows its zone; None
    if `at` gives none. A time with no zone is taken as UTC."""
    if not at or len(at) > 64:
        return None
    text = at
    if at.endswith("Z"):
        # Python 3.10 reads +00:00, not Z.
        text = at.removesuffix("Z") + "+00:00"
    try:
        said_at = datetime.datetime.fromisoformat(text)
        if said_at.tzinfo is None:
            said_at = said_at.replace(tzinfo=datetime.timezone.utc)
        # A time that cannot be shown in local time is no time either.
        said_at.astimezone()
    except (ValueError, OverflowError, OSError):
        return None
    return said_at


# What is typed, key by key: an escape sequence, a control character, or text.
KEY = re.compile(f"\x1b(?:\\[[0-?]*[ -/]*[@-~]|O.)?|[{CONTROLS}]|[^{CONTROLS}]+")
# The arrows, Home, End and Delete, in both forms that terminals send, as the
# control keys that do the same: Ctrl-B, -F, -P, -N, -A and -E.
ESCAPES = {
    "\x1b[D": "\x02", "\x1bOD": "\x02",
    "\x1b[C": "\x06", "\x1bOC": "\x06",
    "\x1b[A": "\x10", "\x1bOA": "\x10",
    "\x1b[B": "\x0e", "\x1bOB": "\x0e",
    "\x1b[H": "\x01", "\x1bOH": "\x01", "\x1b[1~": "\x01",
    "\x1b[F": "\x05", "\x1bOF": "\x05", "\x1b[4~": "\x05",
    "\x1b[3~": "\x1b[3~",
}
# A grapheme cluster, edited and drawn whole: a character and its combining
# marks, skin tone or variation selector, and what a zero-width joiner joins.
MARK = ("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f"
        "\ufe20-\ufe2f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")
CLUSTER = re.compile(f"(?:.{MARK}*\u200d)*.{MARK}*", re.DOTALL)


class Terminal:
    """The terminal, or the pipes that stand in for it. On a terminal, it
    reads keys and edits the line being typed, which stays on the last row
    while the lines shown scroll up above it."""

    def __init__(self):
        # Whether our output is gone: closed by us, or by its reader.
        self.closed = False
        self.prompt = ""
        # The line being typed, as grapheme clusters, and the cursor in it.
        self.line = []
        self.cursor = 0
        # The cursor's column, as last drawn.
        self.drawn_at = 0
        # The lines entered, then the one being typed; which one is shown.
        self.history = [""]
        self.recalled = 0
        # Whether the input row has been moved to the screen's last row.
        self.at_bottom = False
        # The terminal's modes and signal handlers, as we found them.
        self.saved_mode = None
        self.saved_handlers = {}

    def open(self):
        """Prompt when a person types; read keys when they also watch."""
        if os.isatty(0):
            self.prompt = PROMPT
        if os.isatty(0) and sys.stdout.isatty():
            self.saved_mode = termios.tcgetattr(0)
            # Keys come one by one, unechoed; Ctrl-C is still a signal.
            tty.setcbreak(0, termios.TCSANOW)
            self.saved_handlers[signal.SIGTSTP] = signal.signal(
                signal.SIGTSTP, self.suspend)
            self.saved_handlers[signal.SIGWINCH] = signal.signal(
                signal.SIGWINCH, self.resized)

    def show(self, line):
        """Show `line` on a row of its own, above the line being typed."""
        if self.saved_mode is None:
            self.write(f"{line}\n{self.prompt}")
            return
        erase = self.erase()
        row = self.input_row()
        self.write(f"{erase}{line}\n{row}")

    def redraw(self):
        if self.saved_mode is not None:
            self.write(self.erase() + self.input_row())

    def erase(self):
        """Escapes that erase the input row, and what a narrower terminal
        has wrapped of it onto the rows below."""
        rows_up = self.drawn_at // os.get_terminal_size(0).columns
        if rows_up:
            return f"\x1b[{rows_up}A\r\x1b[J"
        return "\r\x1b[K"

    def input_row(self):
        """The prompt and what fits of the line around the cursor, then the
        cursor moved back to its place; notes the column it is drawn at."""
        # The last column stays free, so that the terminal never wraps.
        columns = os.get_terminal_size(0).columns - 1
        prompt = PROMPT
        if columns <= len(PROMPT):
            prompt = ""
        before = list(reversed(self.line[:self.cursor]))
        left, room = clusters_that_fit(before, columns - len(prompt))
        right, rest = clusters_that_fit(self.line[self.cursor:], room)
        self.drawn_at = columns - room
        back = ""
        if right:
            back = f"\x1b[{room - rest}D"
        return prompt + "".join(reversed(left)) + "".join(right) + back

    def write(self, text):
        if self.closed:
            return
        try:
            print(text, end="", flush=True)
        except OSError:
            # Nobody reads any more (`| head`): leave, as at the end of input,
            # and let the exit's last flush go nowhere, quietly.
            self.closed = True
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
            signal.raise_signal(signal.SIGTERM)

    def lines(self):
        """Each line typed, edited key by key, until input ends."""
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        # A green read can be killed as it waits (a real thread's cannot), so
        # it never holds the exit up. /dev/null, which cannot be waited for,
        # raises OSError: then input has ended.
        with contextlib.suppress(OSError):
            while True:
                chunk = os.read(0, 65536)
                if not chunk:
                    break
                text = decoder.decode(chunk).replace("\r\n", "\n")
                for key in KEY.findall(text):
                    if key.startswith("\x1b"):
                        key = ESCAPES.get(key, "")
                    if key == "\x04" and not self.line:
                        # Ctrl-D on an empty line ends input.
                        return
                    if key in ("\r", "\n"):
                        line = self.enter()
                        if line is not None:
                            yield line
                    else:
                        self.edit(key)
                self.redraw()
        # A last line with no line end.
        if self.line:
            yield "".join(self.line)

    def enter(self):
        """The line entered, and a fresh one to type. On a terminal, a line
        over the limit is not entered: it stays, with a notice, to be cut.
        (On pipes, the Chat gives the notice.)"""
        line = "".join(self.line)
        if self.saved_mode is not None and len(line.strip()) > MAX_MESSAGE:
            self.show(f"! {len(line.strip())} characters: a message is at most "
                      f"{MAX_MESSAGE}; shorten it")
            return None
        if self.saved_mode is not None and line.strip():
            self.history[-1] = line
            self.history.append("")
        else:
            self.history[-1] = ""
        if self.saved_mode is not None and not self.at_bottom:
            # From the first Enter, the input row is the screen's last row. A
            # narrower window rewraps upward, so only old rows go off the top.
            self.at_bottom = True
            rows = os.get_terminal_size(0).lines
            self.write(self.erase() + "\n" * (rows - 1))
        self.line = []
        self.cursor = 0
        self.recalled = len(self.history) - 1
        return line

    def edit(self, key):
        """Act on `key`, any key but Enter, as a readline prompt does."""
        if key in ("\x7f", "\b"):
            self.backspace()
        elif key in ("\x04", "\x1b[3~"):
            # Ctrl-D and Delete: the cluster under the cursor.
            del self.line[self.cursor:self.cursor + 1]
        elif key == "\x02":
            self.cursor = max(self.cursor - 1, 0)
        elif key == "\x06":
            self.cursor = min(self.cursor + 1, len(self.line))
        elif key == "\x01":
            self.cursor = 0
        elif key == "\x05":
            self.cursor = len(self.line)
        elif key == "\x15":
            # Ctrl-U: all before the cursor.
            del self.line[:self.cursor]
            self.cursor = 0
        elif key == "\x17":
            self.delete_word()
        elif key == "\x0b":
            # Ctrl-K: all after the cursor.
            del self.line[self.cursor:]
        elif key == "\x10":
            self.recall(-1)
        elif key == "\x0e":
            self.recall(1)
        elif key == "\x0c" and self.saved_mode is not None:
            # Ctrl-L: a clear screen, with the input row at the bottom.
            self.write("\x1b[2J\x1b[999;1H")
        elif not CONTROL.match(key):
            self.insert(key)

    def backspace(self):
        if self.cursor > 0:
            self.cursor -= 1
            del self.line[self.cursor]

    def delete_word(self):
        """Ctrl-W: the word before the cursor, and the spaces after it."""
        start = self.cursor
        while start > 0 and self.line[start - 1].isspace():
            start -= 1
        while start > 0 and not self.line[start - 1].isspace():
            start -= 1
        del self.line[start:self.cursor]
        self.cursor = start

    def recall(self, step):
        """Up (-1) or Down (1) through the lines entered, kept as edited."""
        self.history[self.recalled] = "".join(self.line)
        self.recalled = min(max(self.recalled + step, 0), len(self.history) - 1)
        self.line = CLUSTER.findall(self.history[self.recalled])
        self.cursor = len(self.line)

    def insert(self, text):
        """Type `text` at the cursor, joined to the cluster before it if it
        continues that cluster (a combining mark, a skin tone, a joiner)."""
        start = max(self.cursor - 1, 0)
        added = CLUSTER.findall("".join(self.line[start:self.cursor]) + text)
        self.line[start:self.cursor] = added
        self.cursor = start + len(added)

    def suspend(self, signum, frame):
        """Ctrl-Z: the terminal back as it was found; at `fg`, keys again."""
        termios.tcsetattr(0, termios.TCSANOW, self.saved_mode)
        os.kill(os.getpid(), signal.SIGSTOP)
        tty.setcbreak(0, termios.TCSANOW)
        eventlet.spawn_n(self.redraw)

    def resized(self, signum, frame):
        # A signal handler may run inside eventlet's hub: draw later.
        eventlet.spawn_n(self.redraw)

    def close(self):
        """End the last line, and give the terminal back as it was found."""
        # The terminal may be gone already (SIGHUP).
        with contextlib.suppress(OSError):
            if self.saved_mode is not None:
                self.write(self.erase())
            elif self.prompt:
                self.write("\n")
        self.closed = True
        if self.saved_mode is not None:
            with contextlib.suppress(termios.error):
                termios.tcsetattr(0, termios.TCSADRAIN, self.saved_mode)
            for signum, handler in self.saved_handlers.items():
                signal.signal(signum, handler)


def clusters_that_fit(clusters, room):
    """The first of `clusters` that fit in `room` columns, and the room left."""
    shown = []
    for cluster in clusters:
        width = 1
        if unicodedata.east_asian_width(cluster[0]) in ("W", "F"):
            width = 2
        if width > room:
            break
        shown.append(cluster)
        room -= width
    return shown, room


class NameQueue:
    """A name, held on the broker: the queue chat.name.NAME, consumed by its
    holder alone, with the holder's last will in it. The will is a `left`
    event that the holder never acknowledges. When the holder's connection
    goes, however it goes, the broker takes the will back, and it expires at
    once: dead-lettered to chat.events, it tells the room."""

    def __init__(self, container, queue_consumer):
        self.container = container
        self.queue_consumer = queue_consumer
        self.connection = None
        self.keeping = None

    def take(self, name, wait):
        """Hold `name` with our will, instead of any name held before: False
        if another client holds it. Raises BROKER_ERRORS, or eventlet.Timeout
        after `wait` seconds."""
        self.let_go()
        # The queue consumer's nodes, TLS and heartbeat. Each node has a third
        # of SEND_TIMEOUT to answer.
        connection = self.queue_consumer.connection.clone(
            connect_timeout=SEND_TIMEOUT / 3)
        # The will, when it expires, goes to chat.events: nameko's exchange
        # for the events of the service named chat, as `left`.
        queue = Queue(f"chat.name.{name}", durable=False, queue_arguments={
            "x-message-ttl": 0,
            "x-expires": 60_000,
            "x-dead-letter-exchange": "chat.events",
            "x-dead-letter-routing-key": Left.event_type,
        })
        wills = []
        try:
            with eventlet.Timeout(wait):
                # The room must reach us before we tell it we are here.
                self.queue_consumer.consuming.wait()
                connect(connection, self.container.config["AMQP_URI"])
                # An exclusive consumer: a second claim gets ACCESS_REFUSED,
                # atomically. (The queue is not exclusive: see the README.)
                channel = declare(connection, queue, callback=wills.append,
                                  exclusive=True)
                # Only once we consume: a will nobody takes expires at once.
                Producer(channel).publish(dataclasses.asdict(Left(name)),
                                          routing_key=queue.name)
                while not wills:
                    connection.drain_events()
        except AccessRefused:
            connection.collect()
            return False
        except BaseException:
            connection.collect()
            raise
        self.connection = connection
        self.keeping = self.container.spawn_managed_thread(self.keep_alive)
        return True

    def keep_alive(self):
        """Read the name's connection a second at a time, and send its
        heartbeats, as nameko's queue consumer does for its own. When the
        connection is gone, so is the name, and the broker tells the room."""
        connection = self.connection
        with contextlib.suppress(*BROKER_ERRORS):
            while True:
                with contextlib.suppress(TimeoutError):
                    connection.drain_events(timeout=1)
                connection.heartbeat_check()

    def let_go(self):
        """Close the name's connection, if we hold one: the will goes off."""
        connection = self.connection
        if connection is None:
            return
        self.connection = None
        self.keeping.kill()
        # A polite close, so that the name is free for a claim that follows;
        # or none, from a stalled broker.
        with eventlet.Timeout(CLOSE_WAIT, False):
            connection.close()
        connection.collect()


def last_offset(connection, queue, uri):
    """The offset of the last line in the stream `queue`, read on a clone
    of `connection`: None if it has none, or if the broker does not say
    within SEND_TIMEOUT. Consuming from "last" starts at the stream's last
    chunk, the lines the broker wrote together last: the last of them is
    the end. Raises BROKER_ERRORS."""
    probe = connection.clone(connect_timeout=SEND_TIMEOUT / 3)
    offsets = []

    def note(message):
        offsets.append(message.headers["x-stream-offset"])
        message.channel.basic_ack(message.delivery_tag)

    try:
        with eventlet.Timeout(SEND_TIMEOUT, False):
            connect(probe, uri)
            channel = declare(probe, queue)
            channel.basic_qos(0, LAST_CHUNK_PREFETCH, False)
            channel.basic_consume(queue.name, callback=note,
                                  arguments={"x-stream-offset": "last"})
            # The chunk's lines come back to back, if there are any. In a
            # busy room, lines said since come after them: the last will do.
            with eventlet.Timeout(LAST_CHUNK_WAIT, False):
                wait = FIRST_LINE_WAIT
                while True:
                    probe.drain_events(timeout=wait)
                    wait = NEXT_LINE_WAIT
    except TimeoutError:
        pass
    finally:
        with eventlet.Timeout(CLOSE_WAIT, False):
            probe.close()
        probe.collect()
    if not offsets:
        return None
    return max(offsets)


def declare(connection, queue, **consume):
    """Declare `queue` on a new channel of `connection` and, given
    basic_consume's arguments, consume it; return the channel. A node that
    is stopping answers NOT_FOUND to either for a while: try again."""
    while True:
        try:
            channel = connection.channel()
            queue(channel).declare()
            if consume:
                channel.basic_consume(queue.name, **consume)
            return channel
        except NotFound:
            eventlet.sleep(0.2)


def connect(connection, uri):
    """Connect to the first of the nodes in `uri` that answers: each once, now.
    kombu tries the next node at each retry: one retry a `;`."""
    connection.ensure_connection(max_retries=uri.count(";"), interval_start=0,
                                 interval_step=0)


def check_broker(uri):
    """Connect once to a node, and declare the stream with every client's
    arguments; or exit with one line that says why, not pages."""
    stream = Queue(HISTORY, durable=True, queue_arguments=HISTORY_ARGUMENTS)
    try:
        with eventlet.Timeout(SEND_TIMEOUT):
            with Connection(uri, connect_timeout=2) as connection:
                connect(connection, uri)
                declare(connection, stream)
    except PreconditionFailed as exc:
        # An older client's stream, say, kept for another time.
        sys.exit(f"nameko-chat: the broker keeps {HISTORY} with settings "
                 f"other than this client's ({exc.reply_text}). Delete it, "
                 "or use a vhost of your own: --broker amqp://HOST/VHOST")
    except (Exception, eventlet.Timeout) as exc:
        # A bad URI, as much as a broker that is down. No passwords shown.
        where = re.sub(r"(//[^:/@]*:)[^@]*@", r"\1********@", uri)
        sys.exit(f"nameko-chat: cannot connect to the broker at {where} ({exc}). "
                 "Check the URI, or start RabbitMQ there; name another broker "
                 "with --broker URI or the AMQP_URI environment variable.")


def keep_the_screen_for_the_chat():
    """The screen is the chat's: no library's warnings or notices reach it
    (errors still do), and text it cannot encode is shown as escapes, not a
    crash."""
    logging.disable(logging.WARNING)
    sys.stdout.reconfigure(errors="backslashreplace")


def publish_on_one_connection():
    """nameko's EventDispatcher takes a connection from kombu's pool for each
    publish. One is enough for a chat: every worker shares it, and a second
    publish waits its turn."""
    pools.set_limit(1)


def publish_on_a_new_connection():
    """Leave the pooled connection to the publish that holds it, and have the
    next publish open another, from the first node listed: kombu's pools
    start again, empty. Both groups go, as a producer pool takes its
    connection from the connection pool of the same broker. Nothing is
    closed: closing a socket that a green thread waits on would leave that
    thread waiting for ever (eventlet's hub does not wake it). The old
    connection goes with its pool, once its publish has ended."""
    pools.connections.clear()
    pools.producers.clear()


def close_idle_connections():
    """Close the connections in kombu's pools. Once the service has started,
    that is the one nameko declared the exchange on, which sits idle."""
    pools.reset()


def start_or_exit(runner):
    """Start `runner` within START_WAIT, or exit with one line. The leaving
    signals wait until it has started: a stop must not race the start."""
    signal.pthread_sigmask(signal.SIG_BLOCK, LEAVE_SIGNALS)
    try:
        with eventlet.Timeout(START_WAIT):
            runner.start()
    except (*BROKER_ERRORS, eventlet.Timeout) as exc:
        # The kill also gives the terminal back.
        with eventlet.Timeout(STOP_GRACE, False):
            runner.kill()
        sys.exit(f"nameko-chat: lost the broker while starting ({exc})")
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, LEAVE_SIGNALS)


@contextlib.contextmanager
def leaving_at_signals(runner, running):
    """While the block runs, Ctrl-C, SIGTERM and SIGHUP stop `runner`, and a
    second one kills it. A stop becomes a kill after STOP_GRACE, and the
    thread `running` it is killed after EXIT_DEADLINE, so that a broker that
    stalls cannot hold the exit. Afterwards, the handlers found are restored."""

    def stop(signum, frame):
        # A handler may run inside eventlet's hub, where nothing may block.
        for leave_signal in LEAVE_SIGNALS:
            signal.signal(leave_signal, kill)
        eventlet.spawn_n(runner.stop)
        eventlet.spawn_after(STOP_GRACE, runner.kill)
        eventlet.spawn_after(EXIT_DEADLINE, running.kill)

    def kill(signum, frame):
        eventlet.spawn_n(runner.kill)

    # Python writes a byte to this pipe at each signal. Reading it wakes the
    # hub at once, or what `stop` spawns would wait up to a second.
    readable, writable = os.pipe()
    os.set_blocking(writable, False)
    saved_wakeup = signal.set_wakeup_fd(writable)
    waking = eventlet.spawn(wake_at_each_signal, readable)
    saved_handlers = {}
    for leave_signal in LEAVE_SIGNALS:
        saved_handlers[leave_signal] = signal.signal(leave_signal, stop)
    try:
        yield
    finally:
        for leave_signal, handler in saved_handlers.items():
            signal.signal(leave_signal, handler)
        signal.set_wakeup_fd(saved_wakeup)
        waking.kill()
        os.close(readable)
        os.close(writable)


def wake_at_each_signal(pipe):
    """Read the bytes Python writes at each signal, for as long as it does."""
    while os.read(pipe, 64):
        pass


if __name__ == "__main__":
    main()
