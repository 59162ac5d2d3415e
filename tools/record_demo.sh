#!/usr/bin/env bash
# Re-record out.gif, the demo at the top of the repo, from a real chat session.
#
#   tools/record_demo.sh            # needs tmux, DejaVu fonts, RabbitMQ on localhost, rabbitmqctl
#   CHAT_PYTHON=/path/to/python tools/record_demo.sh
#   RABBITMQCTL='docker exec NAME rabbitmqctl' tools/record_demo.sh
#
# The chat runs in a vhost of its own on localhost's broker, added for the
# run with rabbitmqctl (guest may use it) and deleted on exit: the room's
# stream starts empty, so no line of another run, nor anyone else, shows up.
# One tmux window is split in three panes; each runs `python service.py`
# with $AMQP_URI naming that vhost. A background driver types into the panes
# key by key with tmux send-keys: alice logs in; bob is refused her name and
# takes his own; they talk, and a line of bob's arrives while alice mends a
# word with the cursor keys. Then carol starts late: after her welcome come
# their lines, each marked with the time it was said, then who is in the
# room, and she joins in live. bob types /who, then his client is killed,
# and the broker tells the room he left. Meanwhile `asciinema rec` records
# `tmux attach`; the cast is cut where tmux leaves the screen and rendered
# with agg. Everything started here is stopped on exit, even on failure.
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
VHOST=nameko-chat-demo-$(date +%s)-$$   # a vhost of our own, and fresh
read -ra CTL <<<"${RABBITMQCTL:-rabbitmqctl}"
WORK=$(mktemp -d)
DRIVER= VHOST_ADDED=

t() { tmux -L "$SOCK" "$@"; }
cleanup() {
  set +e
  [[ -n $DRIVER ]] && kill "$DRIVER" 2>/dev/null
  t kill-server 2>/dev/null   # ends the panes: shells and chat clients
  [[ -n $VHOST_ADDED ]] && "${CTL[@]}" -q delete_vhost "$VHOST" >/dev/null 2>&1
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

VHOST_ADDED=1
"${CTL[@]}" -q add_vhost "$VHOST"
"${CTL[@]}" -q set_permissions -p "$VHOST" guest '.*' '.*' '.*'

# The panes run a plain bash where `python` is CHAT_PYTHON, on our vhost.
mkdir "$WORK/bin"
printf '#!/bin/sh\nexec %q "$@"\n' "$CHAT_PYTHON" >"$WORK/bin/python"
chmod +x "$WORK/bin/python"
printf 'PS1="$ "; PATH=%q:$PATH; export AMQP_URI=%q; unset HISTFILE\n' \
  "$WORK/bin" "amqp://guest:guest@localhost/$VHOST" >"$WORK/bashrc"
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
  # alice and bob start; carol's pane waits, for she comes late.
  for p in $P1 $P2; do type_line "$p" "python service.py"; done
  for p in $P1 $P2; do wait_for "$p" "Please enter your name:"; done
  type_line "$P1" alice
  wait_for "$P1" "Welcome to chat, alice!" "* nobody else is here"
  sleep 0.8
  type_line "$P2" alice   # taken: a name is its holder's
  wait_for "$P2" "! alice is taken; choose another name"
  sleep 1.5
  type_line "$P2" bob
  wait_for "$P2" "Welcome to chat, bob!" "* in the room: alice"
  wait_for "$P1" "* bob joined"
  ROOM="$P1 $P2"
  sleep 1
  say "$P1" alice "hi bob! carol is running late"
  say "$P2" bob "no matter: she will see what we said when she joins"
  # alice is halfway through a line, with a typo, when bob's arrives:
  # hers stays put, and she mends the word with the cursor keys.
  type_keys "$P1" "each line lands in a RabbtiMQ stream"
  sleep 0.5
  say "$P2" bob "and no server here: each of us just runs python service.py"
  for _ in $(seq 9); do t send-keys -t "$P1" Left; sleep 0.08; done  # after "Rabbti"
  for _ in 1 2; do t send-keys -t "$P1" BSpace; sleep 0.15; done
  type_keys "$P1" "it"
  t send-keys -t "$P1" End; sleep 0.3
  type_line "$P1" ", kept for a day"
  for p in $ROOM; do wait_for "$p" "alice: each line lands in a RabbitMQ stream, kept for a day"; done
  sleep 0.8
  # carol starts late: after her welcome come the lines said before, each
  # marked with its time, then who is in the room; then lines as they come.
  type_line "$P3" "python service.py"
  wait_for "$P3" "Please enter your name:"
  type_line "$P3" carol
  wait_for "$P3" "Welcome to chat, carol!" "] alice: hi bob! carol is running late" \
    "] alice: each line lands in a RabbitMQ stream, kept for a day" "* in the room: alice, bob"
  for p in $ROOM; do wait_for "$p" "* carol joined"; done
  ROOM="$ROOM $P3"
  sleep 2   # time to read; agg cuts any pause to --idle-time-limit
  say "$P3" carol "thanks, I read it all: each line with the time it was said"
  type_line "$P2" "/who"
  wait_for "$P2" "* in the room: alice, carol"
  sleep 1.5
  # bob's process is killed, no goodbye: the broker tells the room.
  pkill -KILL -P "$(t display -p -t "$P2" '#{pane_pid}')"
  ROOM="$P1 $P3"
  for p in $ROOM; do wait_for "$p" "* bob left"; done
  sleep 1.2
  say "$P1" alice "bob's gone, and the broker told us"
  sleep 1.5
  # Nothing unexpected may show: no traceback, no notice but the name taken.
  for p in $P1 $P2 $P3; do t capture-pane -p -S - -t "$p"; done |
    grep -E 'Traceback|Error|^(>>> )?! ' | grep -vF '! alice is taken' >&2 &&
    { echo "record_demo: unexpected output in the panes (above)" >&2; return 1; }
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
  --idle-time-limit 2 --speed 1.3 --last-frame-duration 4 "$WORK/demo.cast" "$ROOT/out.gif" \
  >"$WORK/agg.log" 2>&1 || { cat "$WORK/agg.log" >&2; exit 1; }
echo "record_demo: wrote $ROOT/out.gif ($(du -k "$ROOT/out.gif" | cut -f1) KB)"
