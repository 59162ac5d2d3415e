"""pytest's settings for the tests in test_service.py (and tools/): the
marks that sort them by what they need, and a time limit for each that
works under eventlet."""
import signal

import pytest
import pytest_timeout

# What a test needs, read off the fixtures it uses (its own and theirs).
NEEDS = [
    ("rabbit_config", "broker"),
    ("chat_command", "clients"),
    ("tmux", "terminal"),
    ("cluster", "cluster"),
    ("short_heartbeat_uri", "heartbeat"),
    ("restartable_broker", "restart"),
]


def pytest_collection_modifyitems(items):
    """Mark each test with what it needs, so that ``-m`` can choose: the
    teaching part, which needs at most a broker, is ``-m "not clients"``."""
    for item in items:
        for fixture, mark in NEEDS:
            if fixture in item.fixturenames:
                item.add_marker(mark)


@pytest.hookimpl(tryfirst=True)
def pytest_timeout_set_timer(item, settings):
    """pytest-timeout's signal method, which fails the one test that overruns
    and goes on with the rest. pytest-timeout itself falls back to its thread
    method, which ends the whole run, when the current thread is not the main
    thread: under eventlet's patch it never is, as `threading` sees it."""
    if settings.method != "signal":
        return None

    def on_alarm(signum, frame):
        pytest_timeout.timeout_sigalrm(item, settings)

    def cancel():
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)

    item.cancel_timeout = cancel
    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, settings.timeout)
    return True
