"""Tests of the README: it quotes the code it explains, states the code's
numbers, and reads as plainly as tools/prose.py asks. They need nothing but
the files; the README's commands run in CI (.ci/run) and its nameko shell
session in test_service.py."""
import importlib
import os
import subprocess
import sys
import textwrap

import pytest

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def readme_blocks(directive):
    """The blocks of README.rst under `.. code-block:: DIRECTIVE`, dedented."""
    with open(os.path.join(HERE, "README.rst")) as readme:
        lines = readme.read().splitlines()
    blocks = []
    for number, line in enumerate(lines):
        if line.strip() == f".. code-block:: {directive}":
            body = []
            for line in lines[number + 2:]:
                if line and not line.startswith("    "):
                    break
                body.append(line)
            blocks.append(textwrap.dedent("\n".join(body)).strip("\n"))
    return blocks


def test_every_python_block_in_the_readme_is_in_the_code():
    code = ""
    for name in "service.py", "test_service.py":
        with open(os.path.join(HERE, name)) as source:
            code += source.read()
    blocks = readme_blocks("python")

    assert len(blocks) >= 12  # so a broken pattern cannot pass with none
    for block in blocks:
        # A method is quoted without the indentation it has in its class.
        assert any(textwrap.indent(block, " " * depth) in code
                   for depth in (0, 4, 8)), block


def readme_prose():
    """README.rst on one line: its prose wraps anywhere."""
    with open(os.path.join(HERE, "README.rst")) as readme:
        return " ".join(readme.read().split())


# Numbers the README's prose takes from the code: each phrase must be there
# with the value the constant has now.
@pytest.mark.parametrize("phrase, constant", [
    ("``STOP_GRACE`` ({} s)", "service.STOP_GRACE"),
    ("``ECHO_WAIT`` ({} s)", "service.ECHO_WAIT"),
    ("``WHO_WAIT`` ({} s)", "service.WHO_WAIT"),
    ("``STORM_WAIT`` ({} s)", "service.STORM_WAIT"),
    ("``CATCH_UP_QUIET`` ({} s)", "service.CATCH_UP_QUIET"),
    ("``CATCH_UP_WAIT`` ({} s)", "service.CATCH_UP_WAIT"),
    ("the latest {} (``HISTORY_LINES``)", "service.HISTORY_LINES"),
    ("``MAX_NAME`` ({} characters)", "service.MAX_NAME"),
    ("``MAX_MESSAGE`` ({} characters)", "service.MAX_MESSAGE"),
    ("default ``HEARTBEAT`` is {} s", "nameko.constants.DEFAULT_HEARTBEAT"),
    ("({} at once, unless", "nameko.constants.DEFAULT_MAX_WORKERS"),
])
def test_the_readme_states_the_code_numbers(phrase, constant):
    module, name = constant.rsplit(".", 1)
    value = getattr(importlib.import_module(module), name)

    assert phrase.format(value) in readme_prose()


# The README's prose meets the goals that the before-stop hook judges it by
# (tools/prose.py): short sentences, few long ones, and a length to read.
def test_the_readme_prose_meets_its_goals():
    prose = subprocess.run(
        [sys.executable, os.path.join(HERE, "tools", "prose.py"),
         os.path.join(HERE, "README.rst")],
        capture_output=True, text=True, timeout=30)

    assert prose.returncode == 0, prose.stdout
