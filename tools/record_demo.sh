#!/usr/bin/env bash
# Re-record out.gif, the demo at the top of the repo, from a real chat session.
#
#   tools/record_demo.sh            # needs tmux, DejaVu fonts and RabbitMQ on localhost
#   CHAT_PYTHON=/path/to/python tools/record_demo.sh
#
# One tmux window is split in three panes; each runs `python service.py`
# against the real broker ($AMQP_URI, default amqp://guest:guest@localhost).
# A background driver types into the panes key by key with tmux send-keys
# (three logins with who is in the room, a name refused as taken, a short
# conversation in which a line arrives while alice mends a word with the
# cursor keys, a /who, and a client killed, whose leaving the broker tells)
# while `asciinema rec`
# records `tmux attach`; the cast is cut where tmux leaves the screen and
# rendered with agg. Everything started here is stopped on exit, even on failure.
#
# Debian: apt-get install tmux fonts-dejavu-core. asciinema and agg are
# installed from tools/requirements-demo.txt into tools/.venv (ignored by git).
# CHAT_PYTHON is the python that runs the chat; by default python3 if it
# imports nameko, else tools/.venv with the project's requirements.txt.
set -euo pipefail
unset TMUX   # `tmux attach` below must work from inside tmux too

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VENV=$ROOT/tools/.venv
COLS=100 ROWS=36 DELAY=0.04   # terminal size; seconds between keys
SOCK=nameko-chat-demo-$$      # a tmux server of our own, not the user's
WORK=$(mktemp -d)
DRIVER=

t() { tmux -L "$SOCK" "$@"; }
cleanup() {
  set +e
  [[ -n $DRIVER ]] && kill "$DRIVER" 2>/dev/null
  t kill-server 2>/dev/null   # ends the panes: shells and chat clients
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

if [[ ! -x $VENV/bin/agg ]]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q -r "$ROOT/tools/requirements-demo.txt"
fi
if [[ -z ${CHAT_PYTHON:-} ]]; then
  if python3 -c 'import nameko' 2>/dev/null; then
    CHAT_PYTHON=$(command -v python3)
  else
    "$VENV/bin/python" -c 'import nameko' 2>/dev/null ||
      "$VENV/bin/pip" install -q -r "$ROOT/requirements.txt"
    CHAT_PYTHON=$VENV/bin/python
  fi
fi

# The panes run a plain bash where `python` is CHAT_PYTHON.
mkdir "$WORK/bin"
printf '#!/bin/sh\nexec %q "$@"\n' "$CHAT_PYTHON" >"$WORK/bin/python"
chmod +x "$WORK/bin/python"
printf 'PS1="$ "; PATH=%q:$PATH; unset HISTFILE\n' "$WORK/bin" >"$WORK/bashrc"
SHELL_CMD="bash --noprofile --rcfile $WORK/bashrc -i"

t -f /dev/null new-session -d -s demo -x "$COLS" -y "$ROWS" -c "$ROOT" "$SHELL_CMD"
t set -g status off
P1=$(t display -p -t demo '#{pane_id}')
P2=$(t split-window -P -F '#{pane_id}' -t demo -c "$ROOT" "$SHELL_CMD")
P3=$(t split-window -P -F '#{pane_id}' -t demo -c "$ROOT" "$SHELL_CMD")
t select-layout -t demo even-vertical
t select-pane -t "$P1"

wait_for() {  # PANE TEXT...: wait until each TEXT is on PANE's screen
  local pane=$1 text; shift
  for text; do
    for _ in $(seq 100); do
      t capture-pane -p -t "$pane" | grep -qF -- "$text" && continue 2
      sleep 0.1
    done
    echo "record_demo: timed out waiting for '$text' in pane $pane" >&2
    return 1
  done
}
type_keys() {  # PANE TEXT: type TEXT key by key into PANE
  local pane=$1 text=$2 i
  t select-pane -t "$pane"
  for ((i = 0; i < ${#text}; i++)); do
    t send-keys -t "$pane" -l -- "${text:i:1}"
    sleep "$DELAY"
  done
}
type_line() {  # PANE LINE: type LINE key by key into PANE, then Enter
  type_keys "$1" "$2"
  sleep 0.2
  t send-keys -t "$1" Enter
}
say() {  # PANE NAME MSG: NAME says MSG; wait until every pane in $ROOM shows it
  type_line "$1" "$3"
  for p in $ROOM; do wait_for "$p" "$2: $3"; done
  sleep 0.6
}

drive() {
  until t list-clients -t demo | grep -q .; do sleep 0.1; done
  sleep 0.8
  for p in $P1 $P2 $P3; do type_line "$p" "python service.py"; done
  for p in $P1 $P2 $P3; do wait_for "$p" "Please enter your name:"; done
  type_line "$P1" alice
  wait_for "$P1" "Welcome to chat, alice!" "* nobody else is here"
  sleep 0.6
  type_line "$P2" alice   # taken: a name is its holder's
  wait_for "$P2" "! alice is taken; choose another name"
  sleep 0.8
  ROOM=$P1
  for who in "$P2 bob" "$P3 carol"; do
    set -- $who
    type_line "$1" "$2"
    wait_for "$1" "Welcome to chat, $2!" "* in the room:"
    for p in $ROOM; do wait_for "$p" "* $2 joined"; done
    ROOM="$ROOM $1"
    sleep 0.6
  done
  say "$P1" alice "hi bob, hi carol! welcome to nameko-chat"
  say "$P2" bob "no server here: each of us just runs python service.py"
  # alice is halfway through a line, with a typo, when carol's arrives:
  # hers stays put, and she mends the word with the cursor keys.
  type_keys "$P1" "and what you tpye stays put"
  sleep 0.5
  say "$P3" carol "every line is a nameko event, broadcast via RabbitMQ to all"
  for _ in $(seq 11); do t send-keys -t "$P1" Left; sleep 0.08; done  # after "tpy"
  for _ in 1 2; do t send-keys -t "$P1" BSpace; sleep 0.15; done
  type_keys "$P1" "yp"
  t send-keys -t "$P1" End; sleep 0.3
  type_line "$P1" " while others talk"
  for p in $ROOM; do wait_for "$p" "alice: and what you type stays put while others talk"; done
  sleep 0.6
  type_line "$P3" "/who"
  wait_for "$P3" "* in the room: alice, bob"
  sleep 0.8
  # carol's process is killed, no goodbye: the broker tells the room.
  pkill -KILL -P "$(t display -p -t "$P3" '#{pane_pid}')"
  ROOM="$P1 $P2"
  for p in $ROOM; do wait_for "$p" "* carol left"; done
  sleep 0.5
  say "$P2" bob "carol's gone: her last will told us"
  sleep 1.5
  # Anyone else on the broker would show up in the demo.
  for p in $P1 $P2 $P3; do t capture-pane -p -S - -t "$p"; done |
    grep -E '^(>>> )?(\* )?[^ :]+( joined| left|: )' |
    grep -vE '^(>>> )?(\* )?(alice|bob|carol)( joined| left|: )' &&
    { echo "record_demo: other clients were on the broker; record again when it is quiet" >&2; return 1; }
  return 0
}

# The driver types while asciinema records; however it ends, the tmux
# client detaches, which ends the recording.
(trap 't detach-client -s demo 2>/dev/null' EXIT; drive) & DRIVER=$!
TERM=xterm-256color "$VENV/bin/asciinema" rec -q --overwrite --cols "$COLS" --rows "$ROWS" \
  -c "tmux -L $SOCK attach -t demo" "$WORK/demo.cast" </dev/null >/dev/null &
wait $!   # in the background, so that a signal is handled at once
wait "$DRIVER"; DRIVER=

# Cut the recording where tmux leaves the alternate screen: drop the burst
# of output (clear screen, leave) that it writes then, so the GIF ends on the chat.
"$VENV/bin/python" - "$WORK/demo.cast" <<'PY'
import json, sys
path = sys.argv[1]
header, *lines = open(path).read().splitlines()
events = [json.loads(line) for line in lines]
leave = next(time for time, _, data in events if "\x1b[?1049l" in data)
kept = [json.dumps(event) for event in events if event[0] < leave - 0.2]
open(path, "w").write("\n".join([header, *kept]) + "\n")
PY

"$VENV/bin/agg" --font-family "DejaVu Sans Mono" --font-size 15 --theme monokai --fps-cap 20 \
  --idle-time-limit 1 --speed 1.6 --last-frame-duration 3 "$WORK/demo.cast" "$ROOT/out.gif" \
  >"$WORK/agg.log" 2>&1 || { cat "$WORK/agg.log" >&2; exit 1; }
echo "record_demo: wrote $ROOT/out.gif ($(du -k "$ROOT/out.gif" | cut -f1) KB)"
