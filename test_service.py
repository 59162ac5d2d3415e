"""Tests for nameko-chat, from each extension alone to real clients talking.

They need RabbitMQ: ``AMQP_URI`` names it, else amqp://guest:guest@localhost.
Every chat on that broker hears every other, so the tests use names of their
own and look only for their own lines.
"""
# service first: it quiets eventlet's deprecation warning and applies
# eventlet's monkey patch before anything else is imported.
import service  # noqa: I001

import io
import json
import os
import signal
import subprocess
import sys
import time
import uuid

import eventlet
import pexpect
import pytest
from kombu import Connection, Exchange, Queue
from nameko.standalone.events import event_dispatcher
from nameko.testing.services import (
    dummy, entrypoint_hook, entrypoint_waiter, replace_dependencies,
    restrict_entrypoints, worker_factory,
)

from service import Chat, ChatUser, Stdout, User, once, stdin

HERE = os.path.dirname(os.path.abspath(__file__))
AMQP_URI = os.environ.get("AMQP_URI", "amqp://guest:guest@localhost")
ESCAPE = "\x1b"

# pexpect forks a monkey-patched process; the child only execs the chat.
pytestmark = pytest.mark.filterwarnings("ignore:Using fork")


@pytest.fixture
def config():
    return {"AMQP_URI": AMQP_URI}


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


def wait_until(condition, timeout=5):
    with eventlet.Timeout(timeout):
        while not condition():
            eventlet.sleep(0.01)


# Each extension alone, on a small service of its own, in a real container.

class Recorder:
    """A service that records what its entrypoints fire with."""
    name = "recorder"
    calls = []

    @stdin(until="/quit")
    def handle_line(self, line):
        self.calls.append(("start", line))
        eventlet.sleep(0.01 if len(line) % 2 else 0)  # finish out of step
        self.calls.append(("end", line))


@pytest.fixture
def recorder(container_factory, config):
    Recorder.calls = []
    return container_factory(Recorder, config)


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

    with eventlet.Timeout(5):
        recorder.kill()

    assert ("start", "/quit") not in Recorder.calls


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


def test_stdout_injects_the_stream_and_ends_the_line_at_stop(
        container_factory, monkeypatch):
    screen = io.StringIO()
    monkeypatch.setattr(sys, "stdout", screen)

    class Prompter:
        name = "prompter"
        stdout = Stdout()

        @once
        def prompt(self):
            self.stdout.write(">>> ")

    container = container_factory(Prompter, {})
    with entrypoint_waiter(container, "prompt"):
        container.start()
    assert screen.getvalue() == ">>> "

    container.stop()
    assert screen.getvalue() == ">>> \n"


def test_user_keeps_its_state_across_workers(container_factory):

    class Session:
        name = "session"
        user = User()

        @dummy
        def login(self, name):
            self.user.login(name)

        @dummy
        def whoami(self):
            return self.user.logged_in, self.user.name

    container = container_factory(Session, {})
    container.start()

    with entrypoint_hook(container, "whoami") as whoami:
        assert whoami() == (False, None)
    with entrypoint_hook(container, "login") as login:
        login("ann")
    with entrypoint_hook(container, "whoami") as whoami:
        assert whoami() == (True, "ann")


# The Chat's own logic, with every dependency replaced: no broker needed.

class Screen(io.StringIO):
    """A stand-in for standard output that can claim to be a terminal."""

    def __init__(self, tty=False):
        super().__init__()
        self.tty = tty

    def isatty(self):
        return self.tty


@pytest.fixture
def chat():
    return worker_factory(Chat, stdout=Screen(), user=ChatUser())


def test_chat_asks_for_a_name_at_start(chat):
    chat.ask_name()
    assert chat.stdout.getvalue() == "Please enter your name:\n>>> "


def test_chat_first_line_is_the_name(chat):
    chat.handle_line("  ann  ")

    assert chat.user.name == "ann"
    chat.dispatch.assert_called_once_with("joined", {"author": "ann"})
    assert chat.stdout.getvalue() == "Welcome to chat, ann!\n>>> "


def test_chat_asks_again_after_a_blank_name(chat):
    chat.handle_line("   ")

    assert not chat.user.logged_in
    assert not chat.dispatch.called
    assert chat.stdout.getvalue() == "Please enter your name:\n>>> "


def test_chat_sends_later_lines_as_messages(chat):
    chat.user.login("ann")
    chat.handle_line("hello there ")
    chat.handle_line("")

    chat.dispatch.assert_called_once_with(
        "message", {"author": "ann", "msg": "hello there"})
    assert chat.stdout.getvalue() == ">>> "  # the blank line's prompt only


def test_chat_prints_the_room_once_logged_in(chat):
    chat.on_message({"author": "bob", "msg": "anyone?"})
    chat.on_joined({"author": "bob"})
    chat.on_left({"author": "bob"})
    assert chat.stdout.getvalue() == ""

    chat.user.login("ann")
    chat.on_joined({"author": "bob"})
    chat.on_message({"author": "bob", "msg": "hi ann"})
    chat.on_left({"author": "bob"})
    assert chat.stdout.getvalue() == (
        "* bob joined\n>>> bob: hi ann\n>>> * bob left\n>>> ")


def test_chat_clears_the_prompt_line_on_a_terminal_only():
    chat = worker_factory(Chat, stdout=Screen(tty=True), user=ChatUser())
    chat.user.login("ann")
    chat.on_message({"author": "bob", "msg": "hi"})
    assert chat.stdout.getvalue() == "\r\x1b[Kbob: hi\n>>> "


def test_chat_quit_says_left_only_when_logged_in(chat):
    chat.handle_line("/quit")
    assert not chat.dispatch.called

    chat.user.login("ann")
    chat.handle_line("/quit")
    chat.dispatch.assert_called_once_with("left", {"author": "ann"})


# The Chat in a container on the real broker, events from outside.

def test_chat_prints_an_event_dispatched_by_another_service(
        container_factory, config):
    container = container_factory(Chat, config)
    # Only the event handlers: this test has no keyboard.
    restrict_entrypoints(container, "on_message", "on_joined", "on_left")
    user = ChatUser()
    user.login("ann")
    screen = Screen()
    replace_dependencies(container, stdout=screen, user=user)
    container.start()

    dispatch = event_dispatcher(config)
    author = f"svc-{uuid.uuid4().hex[:6]}"
    payload = {"author": author, "msg": "beep"}

    def is_ours(worker_ctx, result, exc_info):
        return worker_ctx.args == (payload,)

    with entrypoint_waiter(container, "on_message", callback=is_ours):
        dispatch("chat", "message", payload)

    assert f"{author}: beep\n>>> " in screen.getvalue()


# Real clients: `python service.py` processes on the real broker.

def unique(name):
    return f"{name}-{uuid.uuid4().hex[:6]}"


def chat_command(*args):
    return [sys.executable, "service.py", "--broker", AMQP_URI, *args]


@pytest.fixture
def terminals():
    """Start clients on pseudo-terminals, as a person runs them."""
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


@pytest.mark.parametrize("leave", ["ctrl-d", "ctrl-c", "sigterm", "/quit"])
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
    elif leave == "sigterm":
        term.kill(signal.SIGTERM)
    else:
        term.sendline(leave)
    term.expect(pexpect.EOF, timeout=2)
    term.wait()
    elapsed = time.monotonic() - started

    assert term.exitstatus == 0
    assert elapsed < 2
    assert term.before.endswith("\r\n")  # the line it was on was ended
    assert "Traceback" not in term.before
    watcher_term.expect_exact(f"* {name} left")


def run_piped(text, *args, timeout=10):
    """Run a client with its input and output on pipes; return what it did."""
    return subprocess.run(chat_command(*args), cwd=HERE, input=text.encode(),
                          capture_output=True, timeout=timeout)


def test_piped_output_is_plain_text_and_nothing_else():
    name = unique("piper")
    client = subprocess.Popen(chat_command(), cwd=HERE, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        client.stdin.write(f"{name}\nhello\n".encode())
        client.stdin.flush()
        out = b""
        while f"{name}: hello\n".encode() not in out:
            chunk = os.read(client.stdout.fileno(), 4096)
            out += chunk or pytest.fail(f"ended early: {out}")
        client.stdin.close()  # end of input: leave
        out += client.stdout.read()
        assert client.wait(timeout=2) == 0
        assert client.stderr.read() == b""  # no warning, log or traceback
    finally:
        client.kill()
        client.wait()

    out = out.decode()
    assert ESCAPE not in out
    assert out.startswith(
        f"Please enter your name:\n>>> Welcome to chat, {name}!\n>>> ")
    # No escape sequence to clear it: the prompt stays before the line.
    assert f"\n>>> {name}: hello\n>>> " in out
    assert out.endswith("\n")


def test_waiting_for_input_does_not_hold_the_process_open():
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


@pytest.fixture
def chat_events():
    """Every event on the chat's exchange, as a plain AMQP client sees it."""
    with Connection(AMQP_URI) as connection:
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


def test_the_wire_format_is_the_contracts(chat_events):
    name = unique("wire")
    run_piped(f"{name}\nhello wire\n")

    ours = [event for event in chat_events(
        until=lambda seen: ("left", {"author": name}) in seen)
        if event[1].get("author") == name]
    assert ours == [
        ("joined", {"author": name}),
        ("message", {"author": name, "msg": "hello wire"}),
        ("left", {"author": name}),
    ]


def test_a_client_prints_events_from_a_standalone_dispatcher(terminals):
    term = terminals(unique("listener"))
    dispatch = event_dispatcher({"AMQP_URI": AMQP_URI})
    author = unique("robot")

    dispatch("chat", "message", {"author": author, "msg": "beep boop"})

    term.expect_exact(f"{author}: beep boop\r\n>>> ")


def test_nameko_run_chats_with_python_service_py(terminals):
    nameko = os.path.join(os.path.dirname(sys.executable), "nameko")
    runner, client = unique("runner"), unique("client")
    runner_term = terminals(
        runner, [nameko, "run", "service", "--broker", AMQP_URI])
    client_term = terminals(client)

    runner_term.sendline("from nameko run")
    client_term.expect_exact(f"{runner}: from nameko run")
    client_term.sendline("from python service.py")
    runner_term.expect_exact(f"{client}: from python service.py")
