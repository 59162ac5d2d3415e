"""Tests for nameko-chat, from each extension alone to real clients talking.

The file, in order, and the nameko testing tool each part shows:

1. Each extension alone (``Echo``, ``Recorder``, ``Once``, ``User``), in a
   real container: ``container_factory``, ``entrypoint_waiter`` and
   ``entrypoint_hook``. Line editing, as the terminal does it key by key.
2. The Chat's own logic, with no broker: ``worker_factory`` gives a service
   instance whose providers are stand-ins (``Screen``, a ``Person`` on
   ``Names``) or mocks.
3. The Chat in a container on the real broker: ``restrict_entrypoints``,
   ``replace_dependencies``, and ``event_dispatcher`` as another service.
4. Real clients, ``python service.py`` processes on pseudo-terminals and
   pipes; then on tmux, a real terminal emulator, as a person sees them.
5. Faults on the real broker, made by a proxy the tests control; a broker
   with a short heartbeat; a cluster losing a node.

Each test is marked with what it needs, from the fixtures it uses (see
conftest.py): ``broker``, ``clients``, ``terminal``, ``cluster`` and
``heartbeat``. Parts 1 to 3 take seconds: ``pytest -m "not clients"``.

The broker is RabbitMQ with its management plugin: ``AMQP_URI`` names it,
else amqp://guest:guest@localhost, and ``RABBIT_CTL_URI`` its management API,
else http://guest:guest@localhost:15672. Each test that uses the broker works
in a vhost of its own, made by nameko's ``rabbit_config`` fixture, so a chat
on the broker's default vhost sees nothing of the tests; and the tests make
outages with a proxy of their own, never by stopping the broker.
"""
# service first: it applies eventlet's monkey patch before anything else is
# imported, as nameko asks.
from service import (
    CLIENT_ID, CLUSTER, ECHO_WAIT, HISTORY, HISTORY_LINES, MAX_MESSAGE,
    STORM_WAIT, WHO_WAIT, Chat, Console, Message, Person, Stdout, Terminal,
    User, history, on_event, once, printable, stdin, utc_now, when_said,
)

import base64
import contextlib
import datetime
import re
import zoneinfo
import io
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import time
import unicodedata
import urllib.request
import uuid
from unittest.mock import call
from urllib.parse import urlsplit

import eventlet
import pexpect
import pytest
from amqp.exceptions import InternalError
from kombu import Connection, Exchange, Queue
from nameko.extensions import DependencyProvider
from nameko.standalone.events import event_dispatcher
from nameko.testing.services import (
    dummy, entrypoint_hook, entrypoint_waiter, replace_dependencies,
    restrict_entrypoints, worker_factory,
)

HERE = os.path.dirname(os.path.abspath(__file__))
ESCAPE = "\x1b"

# pexpect forks a monkey-patched process; the child only execs the chat.
pytestmark = pytest.mark.filterwarnings("ignore:Using fork")


@pytest.fixture(scope="session", autouse=True)
def broker_from_the_environment(pytestconfig):
    """nameko's plugin finds the broker in its --amqp-uri option and the
    management API in --rabbit-ctl-uri; these tests find them in AMQP_URI
    and RABBIT_CTL_URI, when those are set."""
    for option, variable in [("RABBIT_AMQP_URI", "AMQP_URI"),
                             ("RABBIT_API_URI", "RABBIT_CTL_URI")]:
        if variable in os.environ:
            setattr(pytestconfig.option, option, os.environ[variable])


@pytest.fixture
def typed():
    """Standard input replaced by a pipe; yields a function that types."""
    read_end, write_end = os.pipe()
    saved_stdin = os.dup(0)
    os.dup2(read_end, 0)
    os.close(read_end)

    def type_(text=None):
        """Type `text`, or end input when there is none."""
        if text is None:
            os.close(write_end)
        else:
            os.write(write_end, text.encode() if isinstance(text, str) else text)

    yield type_
    os.dup2(saved_stdin, 0)
    os.close(saved_stdin)
    try:
        os.close(write_end)
    except OSError:
        pass  # input was ended by the test


@pytest.fixture
def sigterm_stops():
    """Stdin ends its process at end of input as SIGTERM would, and main then
    stops the service: here SIGTERM stops the containers given, instead of
    ending the tests' process."""
    containers = []
    previous = signal.signal(signal.SIGTERM, lambda *_: [
        eventlet.spawn_n(container.stop) for container in containers])
    yield containers.append
    signal.signal(signal.SIGTERM, previous)


def wait_until(condition, timeout=5):
    with eventlet.Timeout(timeout):
        while not condition():
            eventlet.sleep(0.01)


# Each extension alone, on a small service of its own, in a real container:
# nameko's `container_factory` (which also kills the container at the end),
# and `entrypoint_waiter` / `entrypoint_hook` to wait for or call a method.

class Echo:
    """The smallest service on the chat's extensions: it echoes each line."""
    name = "echo"

    stdout = Stdout()

    @stdin(until="/quit")
    def echo(self, line):
        self.stdout.show(line)


def test_echo_echoes_each_line_then_ends_its_own(
        container_factory, typed, monkeypatch, sigterm_stops):
    screen = io.StringIO()
    monkeypatch.setattr(sys, "stdout", screen)
    container = container_factory(Echo, {})  # no broker: none is needed
    sigterm_stops(container)
    container.start()

    typed("hello\nworld\n")
    typed(None)  # end of input
    with eventlet.Timeout(5):
        container.wait()

    # Lines only: no prompt when the input is not a terminal.
    assert screen.getvalue() == "hello\nworld\n/quit\n"


class Recorder:
    """A service that records what its entrypoints fire with. `calls` lives on
    the class, where the test can read it: each worker has a new instance, so
    state on one would be lost (the chat keeps its state in a provider)."""
    name = "recorder"
    calls = []

    @stdin(until="/quit")
    def handle_line(self, line):
        self.calls.append(("start", line))
        eventlet.sleep(0.01 if len(line) % 2 else 0)  # finish out of step
        self.calls.append(("end", line))


@pytest.fixture
def recorder(container_factory, sigterm_stops):
    Recorder.calls = []
    container = container_factory(Recorder, {})
    sigterm_stops(container)
    return container


def test_stdin_fires_once_per_line_in_order_one_at_a_time(recorder, typed):
    recorder.start()
    lines = [f"line {n}" + "x" * (n % 3) for n in range(30)]
    typed("".join(line + "\n" for line in lines))
    typed(None)

    with eventlet.Timeout(5):
        recorder.wait()  # end of input stopped the service

    expected = [(step, line) for line in lines + ["/quit"]
                for step in ("start", "end")]
    assert Recorder.calls == expected


def test_stdin_reads_lines_split_across_writes_and_odd_bytes(recorder, typed):
    recorder.start()
    typed("hel")
    eventlet.sleep(0.05)
    typed("lo\r\nbad \xff".encode("latin-1") + b"\n/quit\n")

    with eventlet.Timeout(5):
        recorder.wait()

    ends = [line for step, line in Recorder.calls if step == "end"]
    assert ends == ["hello", "bad \ufffd", "/quit"]


def test_stdin_stop_fires_until_once_and_returns(recorder, typed):
    recorder.start()
    typed("first\n")
    wait_until(lambda: ("end", "first") in Recorder.calls)

    with eventlet.Timeout(5):
        recorder.stop()  # while the read of the next line waits

    assert Recorder.calls[-2:] == [("start", "/quit"), ("end", "/quit")]
    assert len(Recorder.calls) == 4


def test_stdin_kill_ends_at_once_without_until(recorder, typed):
    recorder.start()
    typed("first\n")
    wait_until(lambda: ("end", "first") in Recorder.calls)

    with eventlet.Timeout(0.2):  # not waiting for the next line
        recorder.kill()
    typed("after the kill\n")
    eventlet.sleep(0.1)

    # Nothing fired since: neither the line typed after, nor `until`.
    assert Recorder.calls == [("start", "first"), ("end", "first")]


class Raiser:
    """A service whose method fails on one line."""
    name = "raiser"
    handled = []

    @stdin(until="/quit")
    def handle_line(self, line):
        if line == "boom":
            raise ValueError("boom")
        self.handled.append(line)


def test_stdin_goes_on_after_a_method_raises(container_factory, typed,
                                            sigterm_stops):
    # As nameko's own test_timer_error: an error in the method is the
    # worker's, reported by nameko; the entrypoint and the service go on.
    Raiser.handled = []
    container = container_factory(Raiser, {})
    sigterm_stops(container)
    container.start()

    with entrypoint_waiter(container, "handle_line",
                           callback=lambda ctx, result, exc_info: exc_info):
        typed("boom\n")
    typed("after\n")
    typed(None)
    with eventlet.Timeout(5):
        container.wait()  # stopped by the end of input, not by the error

    assert Raiser.handled == ["after", "/quit"]


def test_once_fires_once_with_the_decorator_arguments(container_factory):
    calls = []

    class Greeter:
        name = "greeter"

        @once
        @once("robot")
        def greet(self, name="world"):
            calls.append(name)

    container = container_factory(Greeter, {})
    container.start()
    wait_until(lambda: len(calls) == 2)
    eventlet.sleep(0.05)  # time enough for a third call, if there were one

    assert sorted(calls) == ["robot", "world"]


def test_stdout_shows_lines_and_a_prompt_for_a_terminal_at_stop(
        container_factory, monkeypatch):
    monkeypatch.setattr(os, "isatty", lambda fd: fd == 0)  # keys from a person
    screen = io.StringIO()  # not a terminal: plain lines, no escapes
    monkeypatch.setattr(sys, "stdout", screen)

    class Greeter:
        name = "greeter"
        stdout = Stdout()

        @once
        def greet(self):
            self.stdout.show("hello")

    container = container_factory(Greeter, {})
    with entrypoint_waiter(container, "greet"):
        container.start()
    assert screen.getvalue() == "hello\n>>> "

    container.stop()
    assert screen.getvalue() == "hello\n>>> \n"


# Line editing on a terminal, as the console does it key by key: "|" marks
# the cursor, before and after.

@pytest.mark.parametrize("typed, key, edited", [
    ("hell|", "o", "hello|"),
    ("he|llo", "y", "hey|llo"),             # typed at the cursor
    ("hello|", "\x7f", "hell|"),            # Backspace
    ("né 你|", "\x7f", "né |"),             # one character, however wide
    ("ok 👍🏽|", "\x7f", "ok |"),             # a skin tone is part of its emoji
    ("cafe\u0301|", "\x7f", "caf|"),        # and a combining mark of its letter
    ("a👩\u200d💻|", "\x7f", "a|"),           # a zero-width joiner joins
    ("|hello", "\x7f", "|hello"),
    ("he|llo", "\x1b[3~", "he|lo"),         # Delete
    ("ok |👍🏽!", "\x1b[3~", "ok |!"),
    ("ab|", "\x04", "ab|"),                 # Ctrl-D: Delete too, on a line
    ("he|llo", "\x02", "h|ello"),           # Left
    ("a👍🏽|", "\x02", "a|👍🏽"),
    ("he|llo", "\x06", "hel|lo"),           # Right
    ("he|llo", "\x01", "|hello"),           # Home, Ctrl-A
    ("he|llo", "\x05", "hello|"),           # End, Ctrl-E
    ("hello big world|", "\x17", "hello big |"),  # Ctrl-W
    ("hello world  |", "\x17", "hello |"),
    ("hello wo|rld", "\x17", "hello |rld"),
    ("hello |world", "\x15", "|world"),     # Ctrl-U: all before the cursor
    ("hello |world", "\x0b", "hello |"),    # Ctrl-K: all after it
    ("hello|", "\t", "hello|"),             # other control keys: nothing
    ("hello|", "", "hello|"),               # an escape sequence of no use
])
def test_edit_acts_on_the_line_like_a_terminal(typed, key, edited):
    before, after = typed.split("|")
    terminal = Terminal()
    terminal.line = CLUSTER.findall(before) + CLUSTER.findall(after)
    terminal.cursor = len(CLUSTER.findall(before))
    terminal.edit(key)
    line, cursor = terminal.line, terminal.cursor
    assert "".join(line[:cursor]) + "|" + "".join(line[cursor:]) == edited


def test_user_keeps_its_state_across_workers(container_factory, rabbit_config):

    class Session:
        name = "session"
        user = User()

        @dummy
        def login(self, name):
            self.user.name = name

        @dummy
        def whoami(self):
            return self.user.name

    container = container_factory(Session, rabbit_config)
    container.start()

    with entrypoint_hook(container, "whoami") as whoami:
        assert whoami() is None
    with entrypoint_hook(container, "login") as login:
        login("ann")
    with entrypoint_hook(container, "whoami") as whoami:
        assert whoami() == "ann"


# The Chat's own logic: nameko's `worker_factory` makes a service instance
# with every dependency replaced (by a Mock, unless given): no broker needed.

class Screen:
    """A stand-in for the console: it keeps the lines shown."""

    def __init__(self):
        self.lines = []

    def show(self, line):
        self.lines.append(line)


class Names:
    """A stand-in for the broker's side of a name (service.NameQueue): the
    names in `taken` are another client's. The Person given to the Chat is
    the real one, so the tests see its state as the chat keeps it."""

    def __init__(self, taken=()):
        self.taken = set(taken)

    def take(self, name, wait):
        return name not in self.taken

    def let_go(self):
        pass


def person(taken=()):
    """The real Person, on the stand-in for names, and consuming."""
    consuming = eventlet.Event()
    consuming.send()
    return Person(Names(taken), consuming)


@pytest.fixture
def chat():
    return worker_factory(Chat, stdout=Screen(), user=person(taken={"bob"}))


def test_chat_first_line_is_the_name_then_who_is_here(chat):
    chat.handle_line("  ann  ")
    chat.on_joined({"author": "ann", "reply_to": CLIENT_ID})  # ours, come round

    assert chat.user.name == "ann"
    # One event says we are here and asks who else is.
    assert chat.dispatch.call_args_list == [
        call("joined", {"author": "ann", "reply_to": CLIENT_ID})]
    assert chat.stdout.lines == [
        "Welcome to chat, ann!", "* nobody else is here"]


def test_chat_refuses_a_name_another_client_holds(chat):
    chat.handle_line("bob")

    assert chat.user.name is None
    assert not chat.dispatch.called
    assert chat.stdout.lines == [
        "! bob is taken; choose another name", "Please enter your name:"]


def test_chat_says_why_the_broker_did_not_take_a_name(chat, monkeypatch):
    # What a RabbitMQ that denies non-durable, non-exclusive queues answers.
    refused = InternalError("INTERNAL_ERROR - Feature `transient_nonexcl_queues` is "
                            "deprecated.", (50, 10), "Queue.declare", 541)

    def claim(name, wait):
        raise refused

    monkeypatch.setattr(chat.user, "claim", claim)
    chat.handle_line("ann")

    assert chat.user.name is None
    assert not chat.dispatch.called
    [said, asked] = chat.stdout.lines
    assert said.startswith("! the broker did not take the name (")
    assert "transient_nonexcl_queues" in said
    assert asked == "Please enter your name:"


def test_chat_asks_again_after_a_blank_name(chat):
    chat.handle_line("   ")

    assert chat.user.name is None
    assert not chat.dispatch.called
    assert chat.stdout.lines == ["Please enter your name:"]


def test_chat_sends_later_lines_as_messages(chat):
    chat.user.name = "ann"
    chat.handle_line("hello there ")
    chat.handle_line("")
    chat.handle_line("//shrug")  # says /shrug

    [(type1, first), (type2, second)] = [
        sent.args for sent in chat.dispatch.call_args_list]
    assert (type1, first["author"], first["msg"]) == (
        "message", "ann", "hello there")
    assert (type2, second["author"], second["msg"]) == (
        "message", "ann", "/shrug")
    # Each says when, in UTC, to the second, in ISO 8601.
    for payload in first, second:
        said_at = datetime.datetime.strptime(payload["at"], "%Y-%m-%dT%H:%M:%S.%fZ")
        now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
        assert abs(now - said_at) < datetime.timedelta(seconds=5)
    assert chat.stdout.lines == []  # the lines come back from the broker


def test_chat_prints_the_room_once_logged_in(chat):
    chat.on_message({"author": "bob", "msg": "anyone?"})
    chat.on_joined({"author": "bob"})
    chat.on_left({"author": "bob"})
    assert chat.stdout.lines == []

    chat.user.name = "ann"
    chat.on_joined({"author": "bob"})
    chat.on_message({"author": "bob", "msg": "hi ann"})
    chat.on_left({"author": "bob"})
    assert chat.stdout.lines == ["* bob joined", "bob: hi ann", "* bob left"]


def test_chat_quit_gives_the_name_up_only_when_logged_in(chat):
    chat.handle_line("/quit")
    assert chat.stdout.lines == []

    chat.user.name = "ann"
    chat.handle_line("/quit")
    assert chat.user.name is None  # released: the broker tells the room
    assert chat.stdout.lines == ["* ann left"]
    assert not chat.dispatch.called


def test_chat_leaving_waits_for_its_own_lines_to_come_back(chat):
    chat.user.name = "ann"
    chat.handle_line("one")
    chat.handle_line("two")
    for delay, line in (0.05, "one"), (0.1, "two"):
        eventlet.spawn_after(
            delay, chat.on_message, {"author": "ann", "msg": line})

    started = time.monotonic()
    chat.handle_line("/quit")

    assert chat.stdout.lines == ["ann: one", "ann: two", "* ann left"]
    assert chat.user.lines_in_flight == 0
    assert time.monotonic() - started < ECHO_WAIT  # not the whole deadline


def test_chat_leaving_waits_no_longer_than_its_deadline(chat):
    chat.user.name = "ann"
    chat.handle_line("lost on the way")

    started = time.monotonic()
    chat.handle_line("/quit")

    assert ECHO_WAIT <= time.monotonic() - started < ECHO_WAIT + 0.2


# Who is here: each client keeps the room, from the answers at its joining
# (sent to it alone) and every join and leave since.

def test_chat_knows_the_room_from_answers_joins_and_leaves(chat):
    chat.handle_line("ann")
    eventlet.spawn_after(WHO_WAIT / 2, chat.on_here, {"author": "cy"})
    eventlet.spawn_after(WHO_WAIT, chat.on_here, {"author": "bob"})  # late
    started = time.monotonic()
    chat.on_joined({"author": "ann", "reply_to": CLIENT_ID})  # ours, come round
    assert chat.stdout.lines[-1] == "* in the room: bob, cy"  # after a pause
    assert time.monotonic() - started >= 2 * WHO_WAIT

    chat.on_joined({"author": "dan"})
    chat.on_left({"author": "cy"})
    chat.dispatch.reset_mock()
    chat.handle_line("/who")  # at once, from what it knows
    assert chat.stdout.lines[-1] == "* in the room: bob, dan"
    assert not chat.dispatch.called


def test_chat_in_a_storm_of_joins_waits_longer_for_late_answers(chat):
    chat.handle_line("ann")
    chat.on_joined({"author": "cy"})  # another joiner, at the same time
    # The members answer cy first: ours comes after a lull longer than
    # WHO_WAIT, but shorter than STORM_WAIT.
    lull = (WHO_WAIT + STORM_WAIT) / 2
    eventlet.spawn_after(lull, chat.on_here, {"author": "bob"})
    started = time.monotonic()
    chat.on_joined({"author": "ann", "reply_to": CLIENT_ID})  # ours, come round

    assert chat.stdout.lines[-1] == "* in the room: bob, cy"
    assert time.monotonic() - started < 10 * WHO_WAIT


def test_chat_answers_a_joiner_if_logged_in_and_not_the_joiner(chat):
    chat.on_joined({"author": "bob", "reply_to": "b0b1d"})
    assert not chat.dispatch.called  # no name yet: not in the room

    chat.user.name = "ann"
    chat.on_joined({"author": "ann", "reply_to": CLIENT_ID})  # our own
    chat.on_joined({"author": "eve", "reply_to": "x" * 300})  # no routing key
    chat.on_joined({"author": "dan"})  # another program's: told, not answered
    chat.on_joined({"author": "bob", "reply_to": "b0b1d"})
    chat.dispatch.assert_called_once_with("here.b0b1d", {"author": "ann"})
    assert chat.stdout.lines[-2:] == ["* dan joined", "* bob joined"]


def test_chat_ignores_an_answer_that_comes_after_its_sender_left(chat):
    chat.user.name = "ann"
    chat.on_joined({"author": "bob"})
    chat.on_left({"author": "bob"})
    chat.on_here({"author": "bob"})  # sent before bob left, late
    assert chat.user.room == set()
    chat.on_joined({"author": "bob"})  # bob again
    assert chat.user.room == {"bob"}


def test_chat_help_lists_the_commands(chat):
    chat.user.name = "ann"
    chat.handle_line("/help")

    assert not chat.dispatch.called
    [shown] = chat.stdout.lines
    assert all(command in shown for command in ("/who", "/help", "/quit"))


# Text from other users is untrusted: nothing in it may act on the terminal.

@pytest.mark.parametrize("hostile, shown", [
    ("\x1b[2J\x1b[Hcleared", "\\x1b[2J\\x1b[Hcleared"),           # CSI
    ("\x1b]0;pwned\x07title", "\\x1b]0;pwned\\x07title"),         # OSC, BEL
    ("\x1bP+q\x1b\\dcs", "\\x1bP+q\\x1b\\dcs"),                  # DCS
    ("\x9b31mc1 csi", "\\x9b31mc1 csi"),                            # C1 CSI
    ("mallory\rbob", "mallory\\rbob"),                               # CR
    ("tab\there\nnewline\x7f", "tab\\there\\nnewline\\x7f"),
    ("héllo wörld ✓ 你好 👩‍💻", "héllo wörld ✓ 你好 👩‍💻"),          # unharmed
])
def test_printable_shows_control_characters_as_escapes(hostile, shown):
    assert printable(hostile) == shown


def test_printable_cuts_over_long_text_with_a_mark():
    shown = printable("x" * (MAX_MESSAGE + 500))
    assert shown == "x" * MAX_MESSAGE + "... [500 more characters not shown]"


@pytest.mark.parametrize("payload", [
    "hello", 42, None, [1, 2], {}, {"author": "bob"},
    {"author": 5, "msg": "hi"}, {"author": "bob", "msg": None},
    {"author": "bob", "msg": ["a", "list"]},
])
def test_chat_tells_of_malformed_events(chat, payload):
    chat.user.name = "ann"
    chat.on_message(payload)

    # (That a client goes on receiving after one is shown on the real broker,
    # in test_hostile_and_broken_events_reach_no_terminal.)
    assert chat.stdout.lines == ["! ignored a malformed message event"]


def test_chat_prints_hostile_text_harmlessly(chat):
    chat.user.name = "ann"
    chat.on_message({"author": "bob\r\x1b[2K", "msg": "\x1b]0;owned\x07hi"})
    chat.on_joined({"author": "eve\x1b[31m" + "e" * 100_000})

    message, joined = chat.stdout.lines
    assert message == "bob\\r\\x1b[2K: \\x1b]0;owned\\x07hi"
    assert joined.startswith("* eve\\x1b[31meee")
    assert joined.endswith("more characters not shown] joined")
    assert ESCAPE not in message + joined and "\r" not in message + joined


# Our own input: limits and mistakes get a notice, and are not sent.

def test_chat_refuses_an_over_long_line_with_a_notice(chat):
    chat.user.name = "ann"
    chat.handle_line("y" * 100_000)

    assert not chat.dispatch.called
    assert chat.stdout.lines == [
        f"! not sent: 100000 characters, and a message is at most "
        f"{MAX_MESSAGE}"]


@pytest.mark.parametrize("line", ["/", "/whois", "/nick bob", "/quit now"])
def test_chat_does_not_send_unknown_commands(chat, line):
    chat.user.name = "ann"
    chat.handle_line(line)

    assert not chat.dispatch.called
    command = line.split()[0]
    assert chat.stdout.lines == [
        f"! unknown command {command}; try /help"]


@pytest.mark.parametrize("name", ["\x1b[31mred", "bell\x07", "n" * 41, "/who"])
def test_chat_refuses_a_name_it_could_not_show(chat, name):
    chat.handle_line(name)

    assert chat.user.name is None
    assert not chat.dispatch.called
    assert chat.stdout.lines == [
        "! a name is 1 to 40 printable characters, not starting with /",
        "Please enter your name:"]


def test_chat_says_when_a_line_could_not_be_sent(chat):
    chat.user.name = "ann"
    chat.dispatch.side_effect = ConnectionRefusedError("broker down")
    chat.handle_line("is anyone there")

    assert chat.stdout.lines == [
        "! not sent: is anyone there (the broker did not take it)"]


def test_chat_gives_up_a_send_the_broker_does_not_confirm(chat, monkeypatch):
    monkeypatch.setattr("service.SEND_TIMEOUT", 0.1)
    chat.user.name = "ann"
    chat.dispatch.side_effect = lambda *args: eventlet.sleep(10)  # stalled
    chat.handle_line("into the void")

    assert chat.stdout.lines == [
        "! not sent: into the void (the broker did not take it)"]


# What was said before: lines said before the user joined, or while the
# client was away, come from the stream like any line, and are marked.

def said(minutes_ago):
    """A message's `at`, `minutes_ago` minutes ago, and how a viewer in this
    time zone sees it."""
    moment = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    moment -= datetime.timedelta(minutes=minutes_ago)
    at = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return at, moment.astimezone().strftime("%H:%M")


def test_chat_shows_the_lines_said_before_it_joined_marked_then_live_ones(chat):
    lines = [("bob", "first", *said(3)), ("cy", "second", *said(2)),
             ("bob", "third", *said(1))]
    for author, msg, at, _ in lines:
        chat.on_message({"author": author, "msg": msg, "at": at})
    assert chat.stdout.lines == []  # not logged in: held

    chat.handle_line("ann")
    chat.on_message({"author": "bob", "msg": "live", "at": utc_now()})
    chat.on_message({"author": "svc", "msg": "no time"})

    assert chat.stdout.lines == [
        "Welcome to chat, ann!",
        *[f"[{shown}] {author}: {msg}" for author, msg, _, shown in lines],
        "bob: live", "svc: no time"]


def test_chat_shows_the_latest_lines_of_the_last_ten_minutes_at_a_join(chat):
    old, _ = said(11)
    chat.on_message({"author": "bob", "msg": "too old", "at": old})
    chat.on_message({"author": "svc", "msg": "when? nobody knows"})
    recent = []
    for number in range(HISTORY_LINES + 5):
        at, shown = said(5)
        chat.on_message({"author": "bob", "msg": f"{number}", "at": at})
        recent.append(f"[{shown}] bob: {number}")

    chat.handle_line("ann")

    assert chat.stdout.lines == ["Welcome to chat, ann!", *recent[5:]]


def test_chat_shows_a_line_said_before_its_welcome_that_comes_after_it(chat):
    chat.handle_line("ann")
    at, shown = said(1)
    chat.on_message({"author": "bob", "msg": "late", "at": at})

    assert chat.stdout.lines == ["Welcome to chat, ann!", f"[{shown}] bob: late"]


@pytest.mark.parametrize("at", [
    "yesterday", "", 42, None, "2026-13-01T00:00:00Z", "9" * 100,
    "0001-01-01T00:00:00+14:00"])
def test_chat_shows_a_line_whose_time_is_no_time_as_live(chat, at):
    chat.user.name = "ann"
    chat.on_message({"author": "bob", "msg": "hi", "at": at})

    assert chat.stdout.lines == ["bob: hi"]


@pytest.mark.parametrize("at, utc", [
    ("2026-12-06T09:41:02Z", "2026-12-06 09:41:02"),
    ("2026-12-06T09:41:02.250Z", "2026-12-06 09:41:02.250000"),
    ("2026-12-06T10:41:02+01:00", "2026-12-06 09:41:02"),
    ("2026-12-06T09:41:02", "2026-12-06 09:41:02"),  # no zone: UTC
])
def test_a_message_time_is_iso_8601(at, utc):
    said_at = when_said(at).astimezone(datetime.timezone.utc)
    assert str(said_at.replace(tzinfo=None)) == utc


def test_chat_shows_what_it_missed_once_back_the_latest_with_a_count(chat):
    chat.user.name = "ann"
    chat.user.backlog.joined()
    chat.user.backlog.release()
    rejoining = eventlet.spawn(chat.join_again)
    eventlet.sleep(0)  # it runs until it waits for the lines missed
    missed = []
    for number in range(HISTORY_LINES + 3):
        at, shown = said(0.5)
        chat.on_message({"author": "bob", "msg": f"{number}", "at": at})
        missed.append(f"[{shown}] bob: {number}")
    rejoining.wait()

    assert chat.stdout.lines == [
        "! reconnected", "! 3 earlier lines left out", *missed[3:],
        "Welcome to chat, ann!"]


# The Chat in a container on the real broker: `restrict_entrypoints` and
# `replace_dependencies` narrow it to what the test needs, and nameko's
# standalone `event_dispatcher` is another service, dispatching an event.

def test_chat_prints_an_event_dispatched_by_another_service(
        container_factory, rabbit_config):
    container = container_factory(Chat, rabbit_config)
    # Only the event handlers: this test has no keyboard.
    restrict_entrypoints(container, "on_message", "on_joined", "on_left")
    user = person()
    user.name = "ann"
    screen = Screen()
    replace_dependencies(container, stdout=screen, user=user)
    container.start()

    dispatch = event_dispatcher(rabbit_config)
    author = f"svc-{uuid.uuid4().hex[:6]}"
    payload = {"author": author, "msg": "beep"}

    def is_ours(worker_ctx, result, exc_info):
        return worker_ctx.args == (payload,)

    with entrypoint_waiter(container, "on_message", callback=is_ours):
        dispatch("chat", "message", payload)

    assert f"{author}: beep" in screen.lines


class SlowToStop(DependencyProvider):
    """A dependency whose stop takes its time, as a database's might."""

    def setup(self):
        self.stopping = eventlet.Event()

    def stop(self):
        self.stopping.send()  # the entrypoints have stopped by now
        eventlet.sleep(1)


def test_no_handler_runs_once_the_container_is_stopping(
        container_factory, rabbit_config):
    class Listener:
        name = "listener"
        heard = []
        slow = SlowToStop()

        @on_event(Message.event_type)
        def on_message(self, payload):
            self.heard.append(payload["msg"])

    container = container_factory(Listener, rabbit_config)
    container.start()
    dispatch = event_dispatcher(rabbit_config)
    with entrypoint_waiter(container, "on_message"):
        dispatch("chat", "message", {"author": "svc", "msg": "before"})

    stopping = eventlet.spawn(container.stop)
    [slow] = [dependency for dependency in container.dependencies
              if isinstance(dependency, SlowToStop)]
    with eventlet.Timeout(5):
        slow.stopping.wait()
    dispatch("chat", "message", {"author": "svc", "msg": "during the stop"})
    stopping.wait()

    assert Listener.heard == ["before"]


def test_history_reads_the_latest_lines_of_the_stream_in_order(
        container_factory, rabbit_config):
    class Early:
        name = "early"
        read = []

        @history
        def on_message(self, payload):
            self.read.append(payload["msg"])

    class Late(Early):
        name = "late"
        read = []

    # The first to start declares the stream; from then on it keeps lines.
    early = container_factory(Early, rabbit_config)
    early.start()
    said = [f"line {number}" for number in range(HISTORY_LINES + 20)]
    dispatch = event_dispatcher(rabbit_config)
    with entrypoint_waiter(early, "on_message", timeout=10,
                           callback=lambda *args: Early.read == said):
        for line in said:
            dispatch("chat", "message", {"author": "svc", "msg": line})

    late = container_factory(Late, rabbit_config)
    with entrypoint_waiter(late, "on_message", timeout=10,
                           callback=lambda *args: len(Late.read) == HISTORY_LINES):
        late.start()
    assert Late.read == said[-HISTORY_LINES:]


# Real clients: `python service.py` processes, on pseudo-terminals (pexpect)
# and on pipes, on the real broker in the test's vhost: nameko's `amqp_uri`
# fixture is rabbit_config["AMQP_URI"].

def unique(name):
    return f"{name}-{uuid.uuid4().hex[:6]}"


@pytest.fixture
def chat_command(amqp_uri):
    """A function that gives the command line of a client on the test's
    vhost, or on another `broker`."""

    def command(*args, broker=amqp_uri):
        return [sys.executable, "service.py", "--broker", broker, *args]

    return command


@pytest.fixture
def terminals(chat_command):
    """Start clients on pseudo-terminals, as a person runs them: on the
    test's vhost, unless `command` says otherwise."""
    started = []

    def start(name, command=None):
        command = command or chat_command()
        client = pexpect.spawn(command[0], command[1:], cwd=HERE,
                               encoding="utf-8", timeout=10)
        started.append(client)
        client.expect_exact("Please enter your name:\r\n>>> ")
        client.sendline(name)
        client.expect_exact(f"Welcome to chat, {name}!\r\n>>> ")
        return client

    yield start
    for client in started:
        client.terminate(force=True)


def test_three_clients_see_every_line_in_order(terminals):
    ann, bob, cy = unique("ann"), unique("bob"), unique("cy")
    ann_term = terminals(ann)
    bob_term = terminals(bob)
    ann_term.expect_exact(f"* {bob} joined")
    cy_term = terminals(cy)
    for term in ann_term, bob_term:
        term.expect_exact(f"* {cy} joined")

    for sender, term in (ann, ann_term), (bob, bob_term), (cy, cy_term):
        lines = [f"{sender} says {n}" for n in range(5)]
        term.send("".join(line + "\n" for line in lines))  # a pasted burst
        for watcher in ann_term, bob_term, cy_term:
            for line in lines:
                # A line from the room clears the prompt line first.
                watcher.expect_exact(f"\r\x1b[K{sender}: {line}\r\n>>> ")

    cy_term.sendline("/quit")
    for term in ann_term, bob_term:
        term.expect_exact(f"* {cy} left")


@pytest.mark.parametrize("leave", ["ctrl-d", "ctrl-c", "sigterm", "sighup",
                                   "/quit"])
def test_every_way_of_leaving_says_left_and_exits_0_within_2s(
        terminals, leave):
    watcher_term = terminals(unique("watcher"))
    name = unique("leaver")
    term = terminals(name)

    started = time.monotonic()
    if leave == "ctrl-d":
        term.sendeof()
    elif leave == "ctrl-c":
        term.sendintr()
    elif leave.startswith("sig"):
        term.kill(getattr(signal, leave.upper()))
    else:
        term.sendline(leave)
    term.expect(pexpect.EOF, timeout=2)
    term.wait()
    elapsed = time.monotonic() - started

    assert term.exitstatus == 0
    assert elapsed < 2
    assert f"* {name} left" in term.before  # it saw its own goodbye
    assert "Traceback" not in term.before
    watcher_term.expect_exact(f"* {name} left")


def test_a_killed_client_is_told_gone_by_the_broker(terminals):
    watcher_term = terminals(unique("watcher"))
    name = unique("doomed")
    term = terminals(name)
    watcher_term.expect_exact(f"* {name} joined")

    started = time.monotonic()
    term.kill(signal.SIGKILL)  # no goodbye: the broker dead-letters its will
    watcher_term.expect_exact(f"* {name} left", timeout=2)
    assert time.monotonic() - started < 2


def test_a_held_name_is_refused_and_asked_again(terminals, chat_command):
    name = unique("ann")
    terminals(name)
    command = chat_command()
    second = pexpect.spawn(command[0], command[1:], cwd=HERE,
                           encoding="utf-8", timeout=10)
    second.expect_exact("Please enter your name:")
    second.sendline(name)
    second.expect_exact(f"! {name} is taken; choose another name\r\n")
    second.expect_exact("Please enter your name:")
    second.sendline(name + "-2")
    second.expect_exact(f"Welcome to chat, {name}-2!")
    second.terminate(force=True)


@pytest.mark.timeout(180)
def test_two_claims_of_one_name_at_once_one_wins_ten_times(chat_command):
    command = chat_command()
    pairs = [[pexpect.spawn(command[0], command[1:], cwd=HERE,
                            encoding="utf-8", timeout=20) for _ in range(2)]
             for _ in range(10)]
    for client in sum(pairs, []):
        client.expect_exact("Please enter your name:")
    for pair in pairs:
        name = unique("twin")
        for client in pair:
            client.sendline(name)
        outcomes = [client.expect_exact([f"Welcome to chat, {name}!", "taken"])
                    for client in pair]
        assert sorted(outcomes) == [0, 1]  # one welcome, one refusal
    for client in sum(pairs, []):
        client.terminate(force=True)


@pytest.mark.timeout(180)
def test_a_storm_of_joins_gets_every_roster_right(chat_command):
    command = chat_command()

    def started(count, prefix):
        clients = [pexpect.spawn(command[0], command[1:], cwd=HERE,
                                 encoding="utf-8", timeout=60)
                   for _ in range(count)]
        for client in clients:
            client.expect_exact("Please enter your name:")
        return clients, [unique(prefix) for _ in clients]

    room, room_names = started(30, "sitter")
    for client, name in zip(room, room_names, strict=True):  # one by one
        client.sendline(name)
        client.expect_exact(f"Welcome to chat, {name}!")
    storm, storm_names = started(20, "storm")
    for client, name in zip(storm, storm_names, strict=True):  # all at once
        client.sendline(name)
    for client, name in zip(storm, storm_names, strict=True):
        client.expect(r"\* in the room: ([^\r]*)\r\n")
        seen = set(client.match.group(1).split(", "))
        assert set(room_names) <= seen  # everyone there before
        assert seen <= set(room_names + storm_names) - {name}
    for client in room + storm:
        client.terminate(force=True)


def test_who_is_here_with_three_clients_and_one_not_logged_in(
        terminals, chat_command):
    ann, bob, cy = unique("ann"), unique("bob"), unique("cy")
    ann_term = terminals(ann)
    ann_term.expect_exact("* nobody else is here\r\n")
    command = chat_command()
    nameless = pexpect.spawn(command[0], command[1:], cwd=HERE,
                             encoding="utf-8")
    nameless.expect_exact("Please enter your name:")  # and never answers
    bob_term = terminals(bob)
    bob_term.expect_exact(f"* in the room: {ann}\r\n")
    cy_term = terminals(cy)
    cy_term.expect_exact(f"* in the room: {', '.join(sorted([ann, bob]))}\r\n")

    ann_term.sendline("/who")
    ann_term.expect_exact(f"* in the room: {', '.join(sorted([bob, cy]))}\r\n")

    # The answers to ann's question are shown to ann alone.
    for term, name in (bob_term, bob), (cy_term, cy):
        term.sendline("after the question")
        term.expect_exact(f"{name}: after the question")
        assert "in the room" not in term.before
    nameless.terminate(force=True)


def test_joined_and_here_on_the_wire(chat_events, terminals, rabbit_manager,
                                     rabbit_config):
    ann, bob = unique("ann"), unique("bob")
    terminals(ann)
    bob_term = terminals(bob)
    bob_term.expect_exact(f"* in the room: {ann}")

    seen = chat_events(until=lambda seen: any(
        key.startswith("here.") for key, _ in seen))
    [reply_to] = [body["reply_to"] for key, body in seen
                  if key == "joined" and body["author"] == bob]
    assert reply_to.isalnum()
    assert (f"here.{reply_to}", {"author": ann}) in seen
    # Only bob's queue is bound to here.ID: the answers reach nobody else.
    vhost = rabbit_config["vhost"]
    [bound] = [queue["name"] for queue in rabbit_manager.get_queues(vhost)
               if any(binding["routing_key"] == f"here.{reply_to}" for binding
                      in rabbit_manager.get_queue_bindings(vhost, queue["name"]))]
    assert "chat.on_here" in bound


def test_an_idle_client_sleeps(terminals):
    """A client that nothing happens to wakes about once a second, as nameko's
    queue consumer does, and no more. Counted in context switches, not timed:
    each wake makes a few, and a loop that woke ten times a second would make
    over thirty in three seconds."""
    term = terminals(unique("idler"))
    term.expect_exact("nobody else is here")
    time.sleep(1)  # let the start-up settle

    def switches():
        with open(f"/proc/{term.pid}/status") as status:
            return sum(int(line.split()[1]) for line in status
                       if line.startswith("voluntary_ctxt_switches"))
    before = switches()
    time.sleep(3)
    assert switches() - before <= 15


@pytest.fixture
def run_piped(chat_command):
    """A function that runs a client with its input and output on pipes,
    and returns what it did."""

    def run(text, *args, timeout=10):
        return subprocess.run(chat_command(*args), cwd=HERE,
                              input=text.encode(), capture_output=True,
                              timeout=timeout)

    return run


@pytest.fixture
def chat_on_pipes(chat_command):
    """A function that types `typed` into a client on pipes, waits until it
    has printed `until`, then ends its input; the client must exit 0 within
    2 s and say nothing on stderr (no warning, log or traceback). The
    function returns all it printed."""

    def chat(typed, until, env=None, command=None):
        client = subprocess.Popen(
            command or chat_command(), cwd=HERE, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        try:
            client.stdin.write(typed)
            client.stdin.flush()
            out = b""
            # Reads wait the green way, so eventlet's Timeout bounds them.
            with eventlet.Timeout(10):
                while until not in out:
                    chunk = os.read(client.stdout.fileno(), 4096)
                    if not chunk:
                        pytest.fail(f"ended early: {out}")
                    out += chunk
            client.stdin.close()  # end of input: leave, within 2 s
            with eventlet.Timeout(2):
                out += client.stdout.read()
            assert client.wait(timeout=2) == 0
            assert client.stderr.read() == b""
        finally:
            client.kill()
            client.wait()
        return out

    return chat


def test_piped_output_is_plain_text_and_nothing_else(chat_on_pipes):
    name = unique("piper")
    out = chat_on_pipes(f"{name}\nhello\n".encode(),
                        until=f"{name}: hello\n".encode())

    out = out.decode()
    assert ESCAPE not in out and ">>>" not in out  # lines only, for a script
    assert out.startswith(f"Please enter your name:\nWelcome to chat, {name}!\n")
    assert f"\n{name}: hello\n" in out
    assert out.endswith(f"\n* {name} left\n")


def test_a_piped_sender_sees_its_own_lines_before_it_leaves(run_piped):
    # It was a race: try it many times.
    for attempt in range(10):
        name = unique("bot")
        done = run_piped(f"{name}\nbuild passed\n")

        assert done.returncode == 0
        assert done.stdout.decode().endswith(
            f"{name}: build passed\n* {name} left\n"), attempt


@pytest.mark.parametrize("typed_quit", ["/quit\n", "  /quit \n"])
def test_quit_with_or_without_spaces_leaves(run_piped, typed_quit):
    name = unique("quitter")
    done = run_piped(f"{name}\n{typed_quit}never sent\n")

    assert done.returncode == 0
    assert b"unknown command" not in done.stdout
    assert b"never sent" not in done.stdout


def test_no_input_at_all_is_end_of_input(chat_command):
    done = subprocess.run(chat_command(), cwd=HERE, stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=10)

    assert done.returncode == 0
    assert done.stdout == b"Please enter your name:\n"
    assert done.stderr == b""


def test_waiting_for_input_does_not_hold_the_process_open(chat_command):
    client = subprocess.Popen(chat_command(), cwd=HERE, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        client.stdin.write(f"{unique('idler')}\n".encode())
        client.stdin.flush()
        assert os.read(client.stdout.fileno(), 100).startswith(b"Please enter")
        time.sleep(0.5)  # waiting for its next line of input

        client.send_signal(signal.SIGTERM)
        assert client.wait(timeout=2) == 0  # no Enter needed
    finally:
        client.kill()
        client.wait()


def test_output_closed_like_head_3_leaves_quietly(chat_command, terminals):
    watcher = terminals(unique("watcher"))
    name = unique("bot")
    client = subprocess.Popen(chat_command(), cwd=HERE, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        client.stdin.write(f"{name}\n".encode())
        client.stdin.flush()
        for _ in range(3):  # as `| head -3` does: three lines, then gone
            client.stdout.readline()
        client.stdout.close()
        watcher.expect_exact(f"* {name} joined")
        client.stdin.write(b"into the void\n")  # shown back: nobody to read it
        client.stdin.flush()

        watcher.expect_exact(f"* {name} left")
        assert client.wait(timeout=2) == 0
        assert client.stderr.read() == b""
    finally:
        client.kill()
        client.wait()


def test_a_long_piped_line_costs_time_in_proportion(tmp_path, monkeypatch):
    """Each key costs the same however long the line: 200,000 characters take
    about ten times what 20,000 do, not a hundred (as rebuilding it would)."""
    def seconds_to_read(length):
        typed = tmp_path / "typed"
        typed.write_text("x" * length + "\n")
        with open(typed) as stdin:
            monkeypatch.setattr(os, "isatty", lambda fd: False)
            saved_stdin = os.dup(0)
            os.dup2(stdin.fileno(), 0)
            try:
                console = Console()
                console.setup()
                started = time.perf_counter()
                assert [len(line) for line in console.lines()] == [length]
                return time.perf_counter() - started
            finally:
                os.dup2(saved_stdin, 0)
                os.close(saved_stdin)

    small = min(seconds_to_read(20_000) for _ in range(3))
    large = min(seconds_to_read(200_000) for _ in range(3))
    assert large < 25 * small  # linear, with room for a busy machine


@pytest.fixture
def chat_events(amqp_uri):
    """Every event on the chat's exchange, as a plain AMQP client sees it."""
    with Connection(amqp_uri) as connection:
        queue = Queue(exchange=Exchange("chat.events", type="topic"),
                      routing_key="#", exclusive=True, auto_delete=True)
        seen = []

        def on_message(body, message):
            seen.append((message.delivery_info["routing_key"],
                         json.loads(message.body)))
            message.ack()

        with connection.Consumer(queue, callbacks=[on_message]):
            def drain(until, timeout=10):
                deadline = time.monotonic() + timeout
                while not until(seen) and time.monotonic() < deadline:
                    try:
                        connection.drain_events(timeout=0.1)
                    except TimeoutError:
                        pass
                return seen

            yield drain


def test_the_wire_format_is_the_contracts(chat_events, run_piped):
    name = unique("wire")
    run_piped(f"{name}\nhello wire\n")

    ours = [event for event in chat_events(
        until=lambda seen: ("left", {"author": name}) in seen)
        if event[1].get("author") == name]
    [reply_to] = [body.pop("reply_to") for key, body in ours if key == "joined"]
    assert reply_to.isalnum()
    [at] = [body.pop("at") for key, body in ours if key == "message"]
    said_at = datetime.datetime.strptime(at, "%Y-%m-%dT%H:%M:%S.%fZ")  # UTC
    now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    assert abs(now - said_at) < datetime.timedelta(seconds=10)
    assert ours == [
        ("joined", {"author": name}),
        ("message", {"author": name, "msg": "hello wire"}),
        ("left", {"author": name}),  # the will, dead-lettered: the broker's
    ]


def read_the_stream(uri):
    """Every line the stream keeps, as any AMQP client can read them."""
    lines = []
    with Connection(uri) as connection:
        channel = connection.channel()

        def keep(message):
            lines.append(json.loads(message.body))
            channel.basic_ack(message.delivery_tag)

        channel.basic_qos(0, 100, False)  # a stream needs a prefetch
        channel.basic_consume(HISTORY, callback=keep,
                              arguments={"x-stream-offset": "first"})
        with contextlib.suppress(TimeoutError):
            while True:
                connection.drain_events(timeout=1)
    return lines


def test_what_is_said_is_kept_in_a_stream_bound_for_message(
        run_piped, rabbit_manager, rabbit_config, amqp_uri):
    name = unique("ann")
    run_piped(f"{name}\nkept\n")

    [kept] = read_the_stream(amqp_uri)
    assert (kept["author"], kept["msg"]) == (name, "kept")

    vhost = rabbit_config["vhost"]
    [stream] = [queue for queue in rabbit_manager.get_queues(vhost)
                if queue["name"] == HISTORY]
    assert stream["type"] == "stream" and stream["durable"]
    assert stream["arguments"]["x-max-age"] == "1D"
    bindings = rabbit_manager.get_queue_bindings(vhost, HISTORY)
    assert [(binding["source"], binding["routing_key"])
            for binding in bindings if binding["source"]] == [
        ("chat.events", "message")]


# What was said before: each real client reads the room's lines from the
# stream, and shows those said before it joined, or while it was away, with
# the time each was said, in the viewer's time zone.

def expect_earlier_lines(term, lines, zone=None):
    """Expect `lines` on `term`, in order, each once and marked with a time
    of the last minutes, in `zone`; return the times shown."""
    now = datetime.datetime.now(zone and zoneinfo.ZoneInfo(zone))
    minutes = {(now - datetime.timedelta(minutes=ago)).strftime("%H:%M")
               for ago in range(3)}
    shown = []
    for number, line in enumerate(lines):
        term.expect(r"\[(\d\d:\d\d)\] " + re.escape(line) + "\r\n")
        for earlier in lines[:number]:
            assert earlier not in term.before  # no line twice
        shown.append(term.match.group(1))
    assert set(shown) <= minutes
    return shown


def expect_live_line(term, line):
    """Expect `line` on `term`, shown as said now: with no time."""
    term.expect_exact(f"{line}\r\n")
    assert not term.before.endswith("] ")


def test_a_late_joiner_sees_the_earlier_lines_marked_then_live_ones(
        terminals, chat_command):
    ann = unique("ann")
    ann_term = terminals(ann)
    lines = [f"{ann}: {word}" for word in ("one", "two", "three")]
    for word in "one", "two", "three":
        ann_term.sendline(word)
        ann_term.expect_exact(f"{ann}: {word}")

    # Its clock is in another zone, 5 h 45 min from UTC: times are its own.
    bob = unique("bob")
    bob_term = terminals(bob, ["env", "TZ=Asia/Kathmandu", *chat_command()])
    expect_earlier_lines(bob_term, lines, zone="Asia/Kathmandu")
    ann_term.expect_exact(f"* {bob} joined")
    ann_term.sendline("live")
    expect_live_line(bob_term, f"{ann}: live")
    for line in lines:
        assert line not in bob_term.before


def test_a_joiner_sees_the_latest_lines_of_many(
        terminals, chat_on_pipes, rabbit_config):
    terminals(unique("first"))  # the room has begun: the stream is there
    dispatch = event_dispatcher(rabbit_config)
    said = [f"line {number}" for number in range(1, 71)]
    for line in said:
        dispatch("chat", "message", {"author": "svc", "msg": line,
                                     "at": utc_now()})

    name = unique("late")
    out = chat_on_pipes(f"{name}\n".encode(), until=b"svc: line 70\n")

    shown = re.findall(r"^\[\d\d:\d\d\] svc: (.*)$", out.decode(), re.M)
    assert shown == said[-HISTORY_LINES:]


def test_a_line_from_another_service_with_no_time_is_live_to_all(
        terminals, rabbit_config):
    (ann, ann_term), (bob, bob_term) = ann_and_bob(terminals, None)

    event_dispatcher(rabbit_config)(
        "chat", "message", {"author": "svc", "msg": "beep"})

    for term in ann_term, bob_term:
        expect_live_line(term, "svc: beep")


def test_a_stream_with_other_settings_costs_one_clear_line(
        run_piped, amqp_uri):
    # An older client's stream, kept two days.
    with Connection(amqp_uri) as connection:
        Queue(HISTORY, durable=True, queue_arguments={
            "x-queue-type": "stream", "x-max-age": "2D"})(connection).declare()

    done = run_piped(f"{unique('ann')}\nhello\n")

    assert done.returncode == 1
    [said] = done.stderr.decode().splitlines()
    assert said.startswith(f"nameko-chat: the broker keeps {HISTORY} with "
                           "settings other than this client's (")
    assert "x-max-age" in said


def test_nameko_run_chats_with_python_service_py(terminals, amqp_uri):
    nameko = os.path.join(os.path.dirname(sys.executable), "nameko")
    runner, client = unique("runner"), unique("client")
    runner_term = terminals(
        runner, [nameko, "run", "service", "--broker", amqp_uri])
    client_term = terminals(client)

    runner_term.sendline("from nameko run")
    client_term.expect_exact(f"{runner}: from nameko run")
    client_term.sendline("from python service.py")
    runner_term.expect_exact(f"{client}: from python service.py")

    started = time.monotonic()  # nameko's own SIGTERM handler, on an idle hub
    runner_term.kill(signal.SIGTERM)
    runner_term.expect(pexpect.EOF, timeout=2)
    assert time.monotonic() - started < 2


# On a real terminal emulator, tmux: what a person sees, row by row.

class Tmux:
    """A shell in a tmux window of its own, to type into and look at."""

    def __init__(self, chat_command, width=80, height=24):
        self.chat_command = chat_command
        self.server = unique("chat-test")
        self.run("new-session", "-d", "-x", str(width), "-y", str(height),
                 "env", "PS1=$ ", "bash", "--norc", "--noprofile")

    def run(self, *args):
        return subprocess.run(["tmux", "-u", "-L", self.server, *args], check=True,
                              capture_output=True, text=True).stdout

    def type(self, text):
        self.run("send-keys", "-l", text)

    def press(self, *keys):
        self.run("send-keys", *keys)

    def rows(self):
        """The screen, row by row, without the spaces that end a row."""
        return [row.rstrip() for row in self.run("capture-pane", "-p").split("\n")]

    def cursor(self):
        """The cursor's column and row, from 0."""
        x, y = self.run("display-message", "-p", "#{cursor_x} #{cursor_y}").split()
        return int(x), int(y)

    def input_row(self):
        """The row the cursor is on, up to the cursor, spaces included."""
        x, y = self.cursor()
        row = self.run("capture-pane", "-p", "-N").split("\n")[y]
        return row[:x - sum(unicodedata.east_asian_width(c) == "W" for c in row)]

    def wait_for(self, condition, timeout=10):
        deadline = time.monotonic() + timeout
        while not condition():
            assert time.monotonic() < deadline, "\n".join(self.rows())
            time.sleep(0.05)

    def wait_for_text(self, text, timeout=10):
        self.wait_for(lambda: text in "\n".join(self.rows()), timeout)

    def chat(self, name, command=None):
        """Start a chat in the shell and log in as `name`."""
        self.type(" ".join(command or self.chat_command()))
        self.press("Enter")
        self.wait_for_text("Please enter your name:")
        self.type(name)
        self.press("Enter")
        self.wait_for_text(f"Welcome to chat, {name}!")
        self.wait_for(lambda: any(row.startswith(("* in the room:", "* nobody"))
                                  for row in self.rows()))  # all has started

    def kill_server(self):
        subprocess.run(["tmux", "-L", self.server, "kill-server"],
                       capture_output=True)


@pytest.fixture
def tmux(chat_command):
    window = Tmux(chat_command)
    window.run("send-keys", "cd " + HERE, "Enter")
    yield window
    window.kill_server()


def test_typed_text_stays_put_while_the_room_talks(tmux, terminals):
    ann = unique("ann")
    tmux.chat(ann)
    tmux.wait_for_text("* nobody else is here")
    tmux.type("half a sen")
    bob = unique("bob")
    bob_term = terminals(bob)
    bob_term.sendline("hello from bob")

    tmux.wait_for_text(f"{bob}: hello from bob")
    x, y = tmux.cursor()
    rows = tmux.rows()
    assert rows[y] == ">>> half a sen" and x == len(rows[y])
    assert rows[y - 1] == f"{bob}: hello from bob"  # a row of its own

    tmux.type("tence")
    tmux.press("Enter")
    bob_term.expect_exact(f"{ann}: half a sentence\r\n")
    tmux.wait_for_text(f"{ann}: half a sentence")
    assert tmux.input_row() == ">>> "  # a fresh line after Enter


def test_editing_keys_act_on_what_is_shown(tmux, terminals):
    ann = unique("ann")
    tmux.chat(ann)
    tmux.type("hello wide 你好")
    tmux.press("BSpace")
    tmux.wait_for(lambda: tmux.input_row() == ">>> hello wide 你")
    tmux.press("C-w")
    tmux.wait_for(lambda: tmux.input_row() == ">>> hello wide ")
    tmux.type("junk")
    tmux.press("C-u")
    tmux.wait_for(lambda: tmux.input_row() == ">>> ")
    tmux.type("tidy")
    tmux.press("Left", "Enter")  # an arrow key is not text

    tmux.wait_for_text(f"{ann}: tidy")


def test_a_resize_keeps_the_input_row_right(tmux):
    tmux.chat(unique("ann"))
    words = " ".join(f"word{n}" for n in range(20))  # wider than 40 columns
    tmux.type(words)
    tmux.wait_for(lambda: tmux.input_row().endswith("word19"))

    tmux.run("resize-window", "-x", "40", "-y", "10")

    def one_row_ending_the_line():
        x, y = tmux.cursor()
        row = tmux.rows()[y]
        return row.startswith(">>> ") and words.endswith(row[4:]) \
            and x == len(row) < 40
    tmux.wait_for(one_row_ending_the_line)


@pytest.mark.parametrize("keys, row, cursor_at", [
    (["Left"] * 5 + ["big "], "hello big world", 10),  # typed at the cursor
    (["Left"] * 5 + ["Right", "Right", "X"], "hello woXrld", 9),
    (["Home", "> "], "> hello world", 2),
    (["Home", "End", "!"], "hello world!", 12),
    (["C-a", "A", "C-e", "E"], "Ahello worldE", 13),
    (["Home", "DC", "DC"], "llo world", 0),  # Delete
    (["Left"] * 6 + ["C-k"], "hello", 5),
    (["Left"] * 5 + ["C-u"], "world", 0),
])
def test_cursor_keys_edit_where_the_cursor_is(tmux, keys, row, cursor_at):
    tmux.chat(unique("ann"))
    tmux.type("hello world")
    for key in keys:  # a key name, or text to type
        tmux.press(key) if key[0].isupper() and len(key) > 1 else tmux.type(key)

    def shown():
        x, y = tmux.cursor()
        return tmux.rows()[y] == ">>> " + row and x == len(">>> ") + cursor_at
    tmux.wait_for(shown)


def test_backspace_takes_a_whole_emoji_or_wide_character(tmux):
    tmux.chat(unique("ann"))
    tmux.type("ok 你👍🏽")
    tmux.press("BSpace")
    tmux.wait_for(lambda: tmux.input_row() == ">>> ok 你")
    tmux.press("BSpace")
    tmux.wait_for(lambda: tmux.input_row() == ">>> ok ")
    tmux.type("é")  # e and a combining acute accent
    tmux.press("BSpace")
    tmux.wait_for(lambda: tmux.input_row() == ">>> ok ")


def test_up_and_down_walk_the_lines_sent(tmux):
    name = unique("ann")
    tmux.chat(name)
    for line in "first", "second":
        tmux.type(line)
        tmux.press("Enter")
        tmux.wait_for_text(f"{name}: {line}")
    tmux.type("draft")
    for key, shown in [("Up", "second"), ("Up", "first"), ("Up", name), ("Up", name),
                       ("Down", "first"), ("Down", "second"), ("Down", "draft"),
                       ("Up", "second")]:
        tmux.press(key)
        tmux.wait_for(lambda shown=shown: tmux.input_row() == ">>> " + shown)
    tmux.type(" again")
    tmux.press("Enter")
    tmux.wait_for_text(f"{name}: second again")


def test_ctrl_l_redraws_on_a_clear_screen(tmux):
    tmux.chat(unique("ann"))
    tmux.type("kept")
    tmux.press("C-l")
    tmux.wait_for(lambda: tmux.rows()[23] == ">>> kept" and tmux.cursor() == (8, 23)
                  and not any(tmux.rows()[:23]))  # cleared, the row kept at the bottom


def test_ctrl_z_gives_the_shell_its_terminal_and_fg_resumes(tmux, tmp_path):
    modes = [tmp_path / f"stty.{n}" for n in range(3)]
    tmux.run("send-keys", f"stty -g > {modes[0]}", "Enter")
    name = unique("ann")
    tmux.chat(name)
    tmux.type("half a")
    tmux.wait_for(lambda: tmux.input_row() == ">>> half a")  # read, and shown
    tmux.press("C-z")
    tmux.wait_for_text("Stopped")
    tmux.run("send-keys", f"stty -g > {modes[1]}; fg", "Enter")
    tmux.wait_for(lambda: tmux.input_row() == ">>> half a")
    tmux.press("Left", "BSpace")
    tmux.type("n")
    tmux.press("End")
    tmux.type(" line")
    tmux.press("Enter")
    tmux.wait_for_text(f"{name}: halfna line")
    tmux.press("C-d")
    tmux.wait_for(lambda: tmux.input_row() == "$ ")
    tmux.run("send-keys", f"stty -g > {modes[2]}", "Enter")
    tmux.wait_for(lambda: modes[2].exists() and modes[2].read_text())
    assert modes[0].read_text() == modes[1].read_text() == modes[2].read_text()


# (30, 9, 100, 50) once pushed the input row's head into the scrollback: tmux
# keeps the cursor's row as it rewraps, so a row near the top wrapped off screen.
@pytest.mark.parametrize("widths", [(30, 100, 50, 120, 40), (30, 9, 100, 50)])
def test_resizes_leave_no_stale_copy_of_the_input_row(tmux, widths):
    tmux.chat(unique("ann"))
    words = " ".join(f"word{n}" for n in range(30))
    tmux.type(words)
    tmux.press(*["Left"] * 8)  # the cursor in the middle, too
    tmux.wait_for(lambda: tmux.input_row().endswith("word27 word2"))
    assert tmux.cursor()[1] == 23  # since the name's Enter, the screen's last row
    for width in widths:  # each redrawn before the next, as by hand:
        tmux.run("resize-window", "-x", str(width))  # the row full, up to the cursor
        tmux.wait_for(lambda full=width - 1: len(tmux.input_row()) == full
                      and tmux.input_row().startswith(">>> ")
                      and words[:-8].endswith(tmux.input_row()[4:]))
    tmux.wait_for(lambda: tmux.input_row().endswith("word27 word2"))

    history = tmux.run("capture-pane", "-p", "-S", "-50").rstrip("\n").split("\n")
    x, y = tmux.cursor()
    assert [row for row in history if "word" in row] == [tmux.rows()[y]]
    assert tmux.rows()[y].startswith(">>> ") and x < 50


def test_a_one_column_window_keeps_working(tmux):
    name = unique("ann")
    tmux.chat(name)
    tmux.run("resize-window", "-x", "1")
    tmux.type("narrow")
    tmux.press("Left", "Right")
    time.sleep(0.3)
    tmux.run("resize-window", "-x", "80")
    tmux.wait_for(lambda: tmux.input_row() == ">>> narrow")
    tmux.press("Enter")
    tmux.wait_for_text(f"{name}: narrow")


def test_an_over_long_line_stays_on_the_input_row(tmux):
    name = unique("ann")
    tmux.chat(name)
    tmux.type("y" * (MAX_MESSAGE + 5))
    tmux.press("Enter")
    tmux.wait_for_text(f"! {MAX_MESSAGE + 5} characters: a message is at most "
                       f"{MAX_MESSAGE}; shorten it")
    assert tmux.input_row().startswith(">>> yyy")
    tmux.press(*["BSpace"] * 5, "Home", "C-k")  # shortened: to nothing
    tmux.type("short")
    tmux.press("Enter")
    tmux.wait_for_text(f"{name}: short")
    assert f"{name}: yyy" not in "\n".join(tmux.rows())


@pytest.mark.parametrize("leave", ["C-d", "C-c", "sigterm", "/quit", "crash",
                                   "C-c at once", "C-c at start"])
def test_every_way_of_leaving_gives_the_terminal_back(
        tmux, amqp_uri, tmp_path, leave):
    modes = tmp_path / "stty.before", tmp_path / "stty.after"
    tmux.run("send-keys", f"stty -g > {modes[0]}", "Enter")
    name = unique("leaver")
    if leave == "crash":  # the console itself fails, at the first key
        tmux.type(" ".join([sys.executable, "-c", repr(
            "import service; service.Terminal.edit = None; service.main()"),
            "--broker", amqp_uri]))
        tmux.press("Enter")
        tmux.wait_for_text("Please enter your name:")
    elif leave.startswith("C-c at"):  # as Python imports, or nameko starts
        tmux.type(" ".join(tmux.chat_command()))
        tmux.press("Enter")
        time.sleep(0.3 if leave == "C-c at start" else 0.15)
    else:
        tmux.chat(name)
        tmux.wait_for_text("here")  # the roster: all has started

    if leave == "sigterm":
        shell = tmux.run("display-message", "-p", "#{pane_pid}").strip()
        subprocess.run(["pkill", "-TERM", "-P", shell], check=True)
    elif leave == "/quit":
        tmux.type("/quit")
        tmux.press("Enter")
    else:
        tmux.press("x" if leave == "crash" else leave[:3])
    tmux.wait_for(lambda: tmux.input_row() == "$ ")  # the shell is back

    x, y = tmux.cursor()
    rows = tmux.rows()
    assert x == 2 and rows[y] == "$"
    assert "Traceback" not in "\n".join(rows)
    if leave in ("C-d", "C-c", "sigterm", "/quit"):
        assert rows[y - 1] == f"* {name} left"  # no prompt left behind
    # The quotes keep the typed command itself from matching what it prints.
    tmux.run("send-keys", f"stty -g > {modes[1]}; echo sa''ved", "Enter")
    tmux.wait_for_text("saved")
    assert modes[0].read_text() == modes[1].read_text()


# Faults and hostile input, on the real broker.

def test_hostile_and_broken_events_reach_no_terminal(
        terminals, rabbit_config):
    term = terminals(unique("target"))
    mallory = unique("mallory")
    with Connection(rabbit_config["AMQP_URI"]) as connection:
        publish = connection.Producer(
            exchange=Exchange("chat.events", type="topic")).publish
        hostile = [
            (b"not json {", "application/json"),
            (b"\xff\xfe\x00\x9b binary", "application/octet-stream"),
            (b'"just a string"', "application/json"),
            (b"[1, 2, 3]", "application/json"),
            (b'{"author": null, "msg": 42}', "application/json"),
        ]
        for body, content_type in hostile:
            publish(body, routing_key="message", content_type=content_type,
                    content_encoding="binary")
        publish({"author": mallory, "msg": "m" * 1_000_000},
                routing_key="message")
        publish({"author": f"{mallory}\r\x1b[2K\x1b]0;owned\x07",
                 "msg": "\x1b[2J\x9b31m\rgotcha\x07"}, routing_key="message")
        publish({"author": mallory, "msg": "elsewhere"},
                routing_key="no-such-type")
        another = Exchange("another-service.events", type="topic")
        publish({"author": mallory, "msg": "elsewhere"}, exchange=another,
                declare=[another], routing_key="message")
    event_dispatcher(rabbit_config)(
        "chat", "message", {"author": mallory, "msg": "still talking"})

    term.expect_exact(f"{mallory}: still talking\r\n>>> ")
    seen = term.before
    assert "Traceback" not in seen
    assert seen.count("! ignored a malformed message event") == 3
    assert "more characters not shown]" in seen
    assert f"{mallory}\\r\\x1b[2K\\x1b]0;owned\\x07: " \
           "\\x1b[2J\\x9b31m\\rgotcha\\x07" in seen
    assert "elsewhere" not in seen
    # Our own prompt clearing is the only escape sequence on the terminal,
    # and the only carriage returns are ours and the terminal's line ends.
    ours_removed = seen.replace("\r\x1b[K", "").replace("\r\n", "\n")
    assert ESCAPE not in ours_removed and "\r" not in ours_removed


@pytest.mark.parametrize("encoding", ["utf-8:strict", "ascii:strict"])
def test_odd_bytes_on_stdin_do_not_crash_the_client(chat_on_pipes, encoding):
    name = unique("bytes")
    out = chat_on_pipes(f"{name}\n".encode() + b"caf\xe9 \xff\xfe ok\n",
                        until=b"ok\n",
                        env={**os.environ, "PYTHONIOENCODING": encoding})

    shown = "caf\ufffd \ufffd\ufffd ok"
    if encoding.startswith("ascii"):
        shown = shown.encode("ascii", "backslashreplace").decode()
    assert f"{name}: {shown}\n".encode() in out


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("broker", [
    "amqp://guest:secret@127.0.0.1:{free_port}",      # nothing listens
    "amqp://guest:secret@127.0.0.1:{free_port};"
    "amqp://guest:secret@localhost:{free_port}/",       # nor on any node
    "amqp://{user}:wrong-password@{host}/",            # refused login
    "amqp://{user}:{password}@{host}/no-such-vhost",
    "amqp://guest:secret@localhost:99999",            # not a port
    "http://guest:secret@localhost",                   # not AMQP
])
def test_an_unusable_broker_is_one_clear_line_and_exit_1(
        chat_command, amqp_uri, broker):
    ours = urlsplit(amqp_uri)  # the test broker, its user and its password
    broker = broker.format(
        free_port=free_port(), user=ours.username, password=ours.password,
        host=ours.netloc.rpartition("@")[2])
    started = time.monotonic()
    done = subprocess.run(chat_command(broker=broker), cwd=HERE,
                          stdin=subprocess.DEVNULL, capture_output=True,
                          timeout=20)

    assert time.monotonic() - started < 10
    assert done.returncode == 1
    assert done.stdout == b""
    [line] = done.stderr.decode().splitlines()
    password = broker.split(":")[2].split("@")[0]
    assert f":{password}@" not in line and ":********@" in line
    assert "Traceback" not in line
    assert line.startswith("nameko-chat: cannot connect to the broker at ")
    assert "--broker" in line and "AMQP_URI" in line


def test_help_says_where_the_broker_comes_from():
    done = subprocess.run([sys.executable, "service.py", "--help"], cwd=HERE,
                          capture_output=True, text=True, timeout=30)

    assert done.returncode == 0, done.stderr
    help_text = " ".join(done.stdout.split())  # as argparse wrapped it
    assert "--broker" in help_text and "$AMQP_URI" in help_text
    assert "amqp://guest:guest@localhost" in help_text


def assert_both_ways(*clients):
    """Each (name, terminal) says a line, and every terminal shows them all,
    in whatever order they come."""
    lines = [f"{name}: {name} is talking" for name, _ in clients]
    for name, term in clients:
        term.sendline(f"{name} is talking")
    for _, term in clients:
        waiting = list(lines)
        while waiting:
            waiting.pop(term.expect_exact(waiting))


class Proxy:
    """A TCP proxy between clients and the broker, to make outages without
    touching the broker: it can cut every connection through it, refuse
    new ones, and let them through again.

    It runs in green threads of the test's process, so it forwards while
    the test waits (pexpect and time.sleep wait the green way too)."""

    def __init__(self, broker_uri):
        broker = urlsplit(broker_uri)
        self.broker = (broker.hostname, broker.port or 5672)
        self.listener = eventlet.listen(("127.0.0.1", 0))
        port = self.listener.getsockname()[1]
        # The broker's URI, user and vhost included, through the proxy.
        userinfo, at, _ = broker.netloc.rpartition("@")
        self.uri = broker._replace(
            netloc=f"{userinfo}{at}127.0.0.1:{port}").geturl()
        self.refusing = self.stalled = False
        self.sockets = set()
        self.server = eventlet.spawn(self.serve)

    def serve(self):
        while True:
            client, _ = self.listener.accept()
            if self.refusing:
                # Reset at once, as a closed port would (linger 0 sends RST).
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                  struct.pack("ii", 1, 0))
                client.close()
                continue
            try:
                broker = eventlet.connect(self.broker)
            except OSError:
                client.close()
                continue
            self.sockets |= {client, broker}
            eventlet.spawn_n(self.forward, client, broker)
            eventlet.spawn_n(self.forward, broker, client)

    def forward(self, source, sink):
        """Copy from `source` to `sink`; when one way ends, end both."""
        try:
            while data := source.recv(65536):
                while self.stalled:
                    eventlet.sleep(0.05)
                sink.sendall(data)
        except OSError:
            pass
        finally:
            self.shut(sink)  # wakes the thread that reads from it
            self.shut(source)
            self.sockets.discard(source)
            source.close()

    @staticmethod
    def shut(sock):
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # closed already

    def cut(self):
        """Cut every connection through the proxy, both ends."""
        for sock in list(self.sockets):
            self.shut(sock)

    def stall(self, stalled=True):
        """Stop relaying, both ways, closing nothing: a broker that stalls."""
        self.stalled = stalled

    def refuse(self):
        """Refuse new connections."""
        self.refusing = True

    def allow(self):
        """Let new connections through again."""
        self.refusing = False

    def stop(self):
        self.server.kill()
        self.listener.close()
        self.cut()


@pytest.fixture
def broker_proxy(amqp_uri):
    """A Proxy to the broker, on the test's vhost; clients reach it at
    `broker_proxy.uri`."""
    proxy = Proxy(amqp_uri)
    yield proxy
    proxy.stop()


def ann_and_bob(terminals, command):
    """Two clients started with `command`, logged in, the one seeing the other."""
    ann, bob = unique("ann"), unique("bob")
    ann_term, bob_term = terminals(ann, command), terminals(bob, command)
    ann_term.expect_exact(f"* {bob} joined")
    return (ann, ann_term), (bob, bob_term)


def test_clients_carry_on_when_the_broker_goes_away(
        terminals, chat_command, broker_proxy):
    through_proxy = chat_command(broker=broker_proxy.uri)
    (ann, ann_term), (bob, bob_term) = ann_and_bob(terminals, through_proxy)
    cy_term = terminals(unique("cy"), through_proxy)

    broker_proxy.refuse()  # the broker goes away, and stays away
    broker_proxy.cut()
    started = time.monotonic()
    cy_term.sendeof()  # leaving does not wait for the broker
    cy_term.expect(pexpect.EOF, timeout=2)
    cy_term.wait()
    assert cy_term.exitstatus == 0 and time.monotonic() - started < 2
    ann_term.sendline("while it is down")
    ann_term.expect_exact(
        "! not sent: while it is down (the broker did not take it)", timeout=30)

    broker_proxy.allow()  # the broker is back
    for term in ann_term, bob_term:
        term.expect_exact("! reconnected", timeout=30)
    assert_both_ways((ann, ann_term), (bob, bob_term))
    for term in ann_term, bob_term, cy_term:
        assert "Traceback" not in term.before


def test_clients_reconnect_when_their_connections_are_closed(
        terminals, chat_command, broker_proxy):
    through_proxy = chat_command(broker=broker_proxy.uri)
    (ann, ann_term), (bob, bob_term) = ann_and_bob(terminals, through_proxy)

    broker_proxy.cut()  # new connections still go through
    for term in ann_term, bob_term:
        term.expect_exact("! reconnected", timeout=30)
    assert_both_ways((ann, ann_term), (bob, bob_term))


def test_a_stalled_broker_costs_a_notice_not_the_exit(
        terminals, chat_command, broker_proxy):
    through_proxy = chat_command(broker=broker_proxy.uri)
    name = unique("ann")
    term = terminals(name, through_proxy)
    term.expect_exact("here")  # the roster: logged in and idle

    broker_proxy.stall()  # connected, and no answer ever comes
    started = time.monotonic()
    term.sendline("into the void")
    term.expect_exact("! not sent: into the void", timeout=5)
    assert time.monotonic() - started < 5

    started = time.monotonic()
    term.sendline("/quit")
    term.expect(pexpect.EOF, timeout=2)
    term.wait()
    assert term.exitstatus == 0 and time.monotonic() - started < 2


def ann_watched(terminals, command):
    """ann, started with `command`, and a watcher straight to the broker,
    who has seen her join."""
    watcher = unique("watcher")
    watcher_term = terminals(watcher)
    name = unique("ann")
    term = terminals(name, command)
    watcher_term.expect_exact(f"* {name} joined")
    return (name, term), (watcher, watcher_term)


def test_a_publish_stuck_on_a_node_that_went_holds_up_no_other(
        terminals, chat_command, broker_proxy, amqp_uri):
    """A node goes, but the connection of a publish in flight is neither
    answered nor closed: the next line goes out through another node."""
    # The proxy is the first node listed, so the client starts there.
    (name, term), (watcher, watcher_term) = ann_watched(
        terminals, chat_command(broker=f"{broker_proxy.uri};{amqp_uri}"))

    broker_proxy.refuse()  # the node is gone for new connections,
    broker_proxy.stall()  # and its old ones stay open, silent
    term.sendline("into the void")
    term.expect_exact("! not sent: into the void", timeout=5)
    term.sendline("through another node")
    watcher_term.expect_exact(f"{name}: through another node", timeout=5)


def test_a_client_that_comes_back_joins_the_room_again(
        terminals, chat_command, broker_proxy):
    (name, term), (watcher, watcher_term) = ann_watched(
        terminals, chat_command(broker=broker_proxy.uri))

    broker_proxy.cut()  # its connections go; new ones get through
    watcher_term.expect_exact(f"* {name} left", timeout=5)  # the will
    term.expect_exact("! reconnected", timeout=30)
    term.expect_exact(f"Welcome to chat, {name}!")  # the name is ours again
    term.expect_exact(f"* in the room: {watcher}")
    watcher_term.expect_exact(f"* {name} joined")
    assert_both_ways((name, term), (watcher, watcher_term))


def test_a_client_shows_what_was_said_while_it_was_away(
        terminals, chat_command, broker_proxy):
    (name, term), (watcher, watcher_term) = ann_watched(
        terminals, chat_command(broker=broker_proxy.uri))

    broker_proxy.refuse()  # away, and kept away while the room talks
    broker_proxy.cut()
    watcher_term.expect_exact(f"* {name} left", timeout=5)
    lines = [f"{watcher}: {word}" for word in ("while", "you", "were away")]
    for line in lines:
        watcher_term.sendline(line.removeprefix(f"{watcher}: "))
        watcher_term.expect_exact(line)
    broker_proxy.allow()

    term.expect_exact("! reconnected", timeout=30)
    expect_earlier_lines(term, lines)
    term.expect_exact(f"Welcome to chat, {name}!")
    watcher_term.expect_exact(f"* {name} joined")
    watcher_term.sendline("welcome back")
    expect_live_line(term, f"{watcher}: welcome back")
    for line in lines:
        assert line not in term.before


@pytest.fixture
def short_heartbeat_uri():
    """The URI of a broker whose heartbeat is shorter than nameko's 60 s, from
    CHAT_SHORT_HEARTBEAT_URI. Without it the test is skipped, except in CI,
    which must run it."""
    uri = os.environ.get("CHAT_SHORT_HEARTBEAT_URI")
    if not uri:
        why = "no broker with a short heartbeat: set CHAT_SHORT_HEARTBEAT_URI"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI runs this test, but there is {why}")
        pytest.skip(why)
    return uri


@pytest.mark.timeout(180)
def test_a_short_broker_heartbeat_keeps_an_idle_client_connected(
        terminals, chat_command, short_heartbeat_uri):
    """On a broker whose heartbeat (10 s) is shorter than nameko's (60 s),
    the client must send its own in time, or the broker drops it."""
    (ann, ann_term), (bob, bob_term) = ann_and_bob(
        terminals, chat_command(broker=short_heartbeat_uri))
    time.sleep(60)  # idle, well past two missed heartbeats
    assert_both_ways((ann, ann_term), (bob, bob_term))
    for term in ann_term, bob_term:
        assert "reconnected" not in term.before + term.buffer
        assert "lost" not in term.before + term.buffer
        term.sendline("/quit")


@pytest.fixture
def restartable_broker():
    """A broker that the tests may restart, for nobody else chats on it: its
    URI in a vhost of the test's own, and a function that restarts it. CI
    names one in CHAT_RESTART_URI, with the rabbitmqctl command for that node
    in CHAT_RESTART_CTL. Without them the test is skipped, except in CI."""
    uri = os.environ.get("CHAT_RESTART_URI")
    ctl = os.environ.get("CHAT_RESTART_CTL", "").split()
    if not uri or not ctl:
        why = ("no broker to restart: set CHAT_RESTART_URI and "
               "CHAT_RESTART_CTL (e.g. 'tools/rabbitmq4.sh ctl')")
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI runs this test, but there is {why}")
        pytest.skip(why)
    vhost, user = unique("test"), urlsplit(uri).username
    management(uri, "PUT", f"vhosts/{vhost}")
    management(uri, "PUT", f"permissions/{vhost}/{user}",
               {"configure": ".*", "write": ".*", "read": ".*"})

    def restart():
        for command in "stop_app", "start_app", "await_startup":
            subprocess.run([*ctl, command], cwd=HERE, check=True,
                           capture_output=True, timeout=60)

    yield urlsplit(uri)._replace(path=f"/{vhost}").geturl(), restart
    management(uri, "DELETE", f"vhosts/{vhost}")


@pytest.mark.timeout(180)
def test_what_was_said_is_kept_when_the_broker_restarts(
        restartable_broker, chat_command, chat_on_pipes):
    uri, restart = restartable_broker
    name = unique("ann")
    chat_on_pipes(f"{name}\nbefore the restart\n".encode(),
                  until=f"{name}: before the restart\n".encode(),
                  command=chat_command(broker=uri))

    restart()

    late = unique("late")
    out = chat_on_pipes(f"{late}\n".encode(), until=b"before the restart\n",
                        command=chat_command(broker=uri))
    assert re.search(rf"^\[\d\d:\d\d\] {name}: before the restart$",
                     out.decode(), re.M)


# A cluster: the URI lists its nodes, `amqp://h1;amqp://h2`, and a client
# carries on through another node when its own stops. CI starts a cluster
# of its own with tools/cluster.sh and names it in CHAT_CLUSTER_URI.

def cluster_nodes():
    """The URI of each node that CHAT_CLUSTER_URI lists. Without it the test
    is skipped, except in CI, which must run it."""
    uri = os.environ.get("CHAT_CLUSTER_URI")
    if not uri:
        why = ("no cluster: start one with `tools/cluster.sh start` and set "
               "CHAT_CLUSTER_URI to its nodes' URIs, joined with ';'")
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI runs the cluster tests, but there is {why}")
        pytest.skip(why)
    return uri.split(";")


def management(node, method, path, body=None):
    """Call the management API of the node whose AMQP URI is `node`, with
    its user and password. The API listens on the AMQP port plus 10000, as
    with RabbitMQ's defaults (5672, 15672) and in tools/cluster.sh."""
    url = urlsplit(node)
    login = base64.b64encode(f"{url.username}:{url.password}".encode())
    request = urllib.request.Request(
        f"http://{url.hostname}:{(url.port or 5672) + 10000}/api/{path}",
        method=method, data=body and json.dumps(body).encode(),
        headers={"Authorization": f"Basic {login.decode()}",
                 "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or "null")


@pytest.fixture
def cluster():
    """The URI of each node of the cluster, in a vhost of the test's own. A
    vhost made on one node is the whole cluster's."""
    nodes = cluster_nodes()
    vhost, user = unique("test"), urlsplit(nodes[0]).username
    management(nodes[0], "PUT", f"vhosts/{vhost}")
    management(nodes[0], "PUT", f"permissions/{vhost}/{user}",
               {"configure": ".*", "write": ".*", "read": ".*"})
    yield [urlsplit(node)._replace(path=f"/{vhost}").geturl()
           for node in nodes]
    management(nodes[0], "DELETE", f"vhosts/{vhost}")


def rabbitmqctl(*args):
    subprocess.run(["rabbitmqctl", *args], check=True, capture_output=True,
                   timeout=60)


@pytest.fixture
def stop_node(cluster):
    """Stop a node of the cluster (its RabbitMQ application, not the Erlang
    node), by its URI; every node stopped is started again however the test
    ends."""
    stopped = []

    def stop(node):
        name = management(node, "GET", "overview")["node"]  # chat-a@localhost
        stopped.append(name)
        rabbitmqctl("-n", name, "stop_app")

    yield stop
    for name in stopped:
        rabbitmqctl("-n", name, "start_app")
        rabbitmqctl("-n", name, "await_startup")


@pytest.mark.timeout(180)
def test_cluster_clients_talk_on_through_another_node_when_theirs_stops(
        cluster, terminals, chat_command, stop_node):
    (ann, ann_term), (bob, bob_term) = ann_and_bob(
        terminals, chat_command(broker=";".join(cluster)))
    ann_term.sendline("before the stop")
    bob_term.expect_exact(f"{ann}: before the stop")

    # Both are on the first node listed, the first that answered.
    stop_node(cluster[0])
    for term in ann_term, bob_term:
        term.expect_exact("! reconnected", timeout=30)
    assert_both_ways((ann, ann_term), (bob, bob_term))
    for term in ann_term, bob_term:
        assert "Traceback" not in term.before

    # The stream kept its lines on the two nodes left, a majority of three.
    late_term = terminals(unique("late"), chat_command(broker=";".join(cluster)))
    expect_earlier_lines(late_term, [f"{ann}: before the stop"])


@pytest.mark.timeout(180)
def test_cluster_node_down_at_start_costs_no_message(
        cluster, terminals, chat_command, chat_on_pipes):
    watcher = unique("watcher")
    watcher_term = terminals(watcher, chat_command(broker=";".join(cluster)))
    down = f"amqp://guest:guest@127.0.0.1:{free_port()}/"  # nothing listens
    name = unique("late")

    out = chat_on_pipes(f"{name}\nhello\n".encode(),
                        until=f"{name}: hello\n".encode(),
                        command=chat_command(broker=";".join([down, *cluster])))

    # Not a word about the node that is down: the chat starts as always.
    assert out.startswith(
        f"Please enter your name:\nWelcome to chat, {name}!\n".encode())
    assert b"\n! " not in out  # no notice
    watcher_term.expect_exact(f"{name}: hello\r\n>>> ")


# The README's nameko shell session: another nameko service, typed by hand,
# reaches a client.

def test_the_readme_nameko_shell_session_reaches_a_client(
        terminals, amqp_uri):
    with open(os.path.join(HERE, "README.rst")) as readme:
        lines = readme.read().splitlines()
    [start] = [number for number, line in enumerate(lines)
               if "$ .venv/bin/nameko shell" in line]
    command = lines[start].strip()
    typed_lines = []
    for line in lines[start + 1:]:
        if not line.strip().startswith(">>> "):
            break
        typed_lines.append(line.strip())
    command = command.removeprefix("$ ").split()
    command[0] = os.path.join(os.path.dirname(sys.executable), "nameko")
    command[command.index("--broker") + 1] = amqp_uri
    term = terminals(unique("listener"))

    shell = subprocess.run(
        command, cwd=HERE, capture_output=True, timeout=30,
        input="".join(line.removeprefix(">>> ") + "\n"
                      for line in typed_lines).encode())

    assert shell.returncode == 0, shell.stderr
    term.expect_exact("shell: hello from nameko shell\r\n>>> ")
