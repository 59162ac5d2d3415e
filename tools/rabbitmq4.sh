#!/usr/bin/env bash
# A RabbitMQ 4.x node from the forky root (tools/forky-root.sh), beside the
# machine's own broker and never in its way. Needs root.
#
#   tools/rabbitmq4.sh start    start a fresh node (or say it already runs)
#   tools/rabbitmq4.sh stop     stop it: this node only, by its name
#   tools/rabbitmq4.sh status   exit 0 if it answers
#   tools/rabbitmq4.sh ctl ARGS rabbitmqctl ARGS, for this node
#
# `start` also leaves a `rabbitmqctl` for this node, for tests that run it
# from PATH: in the root at /var/lib/rabbit4/bin, and for the host at
# $(tools/forky-root.sh path)/var/lib/rabbit4/host-bin.
#
# It is rabbit4@localhost, AMQP on 127.0.0.1:5673, management on :15673,
# Erlang distribution on :25673, guest/guest over loopback: chat with it by
# AMQP_URI=amqp://guest:guest@localhost:5673/. All it has is under
# /var/lib/rabbit4 in the root: its own config, data, logs, plugins list and
# Erlang cookie. Nothing of the host's /etc/rabbitmq (which pins port 5672
# and the node name rabbit) is seen from the root. The node registers with
# the host's epmd on 127.0.0.1:4369 (shared loopback; the epmd protocol is
# the same across Erlang releases) under its own name, so the two coexist.
set -euo pipefail

NODE=${RABBIT4_NODE:-rabbit4@localhost}
PORT=${RABBIT4_PORT:-5673}
MGMT_PORT=${RABBIT4_MGMT_PORT:-15673}
DIST_PORT=$((PORT + 20000))   # RabbitMQ's own rule; the main broker has 25672
HERE=$(dirname "$0")
DIR=/var/lib/rabbit4          # inside the root

# Run a RabbitMQ command in the root as root, with this node's environment.
# (Debian's wrappers in /usr/sbin would su to the root's `rabbitmq` user,
# whose uid may be another service's on the host; the real scripts are in
# /usr/lib/rabbitmq/bin.)
rabbit() {
  local cmd=$1; shift
  "$HERE/forky-root.sh" run env \
    HOME="$DIR" \
    RABBITMQ_NODENAME="$NODE" \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$PORT" \
    RABBITMQ_DIST_PORT="$DIST_PORT" \
    RABBITMQ_CONF_ENV_FILE="$DIR/rabbitmq-env.conf" \
    RABBITMQ_CONFIG_FILE="$DIR/rabbitmq.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$DIR/enabled_plugins" \
    RABBITMQ_MNESIA_BASE="$DIR/data" RABBITMQ_LOG_BASE="$DIR/log" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    ERL_EPMD_ADDRESS=127.0.0.1 \
    "/usr/lib/rabbitmq/bin/$cmd" "$@"
}

answers() { rabbit rabbitmq-diagnostics -n "$NODE" -q ping >/dev/null 2>&1; }

start() {
  "$HERE/forky-root.sh" build >/dev/null
  if answers; then echo "rabbitmq4: $NODE already runs"; return 0; fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "rabbitmq4: port $PORT is taken by something else" >&2; exit 1
  fi
  # A fresh node every start: no queues or users left from an earlier run.
  local root; root=$("$HERE/forky-root.sh" path)
  rm -rf "${root:?}$DIR"
  mkdir -p "$root$DIR/log"
  head -c 30 /dev/urandom | base64 | tr -dc A-Za-z0-9 >"$root$DIR/.erlang.cookie"
  chmod 400 "$root$DIR/.erlang.cookie"
  : >"$root$DIR/rabbitmq-env.conf"
  echo '[rabbitmq_management].' >"$root$DIR/enabled_plugins"
  cat >"$root$DIR/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $MGMT_PORT
# Shorter than nameko's 60 s: clients must keep up with what the broker asks.
heartbeat = 10
EOF
  mkdir -p "$root$DIR/bin" "$root$DIR/host-bin"
  printf '#!/bin/sh\nHOME=%s exec /usr/lib/rabbitmq/bin/rabbitmqctl -n %s "$@"\n' \
    "$DIR" "$NODE" >"$root$DIR/bin/rabbitmqctl"
  printf '#!/bin/sh\nexec %s ctl "$@"\n' "$(cd "$HERE" && pwd)/rabbitmq4.sh" \
    >"$root$DIR/host-bin/rabbitmqctl"
  chmod +x "$root$DIR/bin/rabbitmqctl" "$root$DIR/host-bin/rabbitmqctl"
  echo "rabbitmq4: starting $NODE on 127.0.0.1:$PORT (management :$MGMT_PORT)"
  SECONDS=0
  rabbit rabbitmq-server >"$root$DIR/log/console.log" 2>&1 </dev/null &
  # await_startup gives up at once on a node not yet known to epmd: ping
  # until it is, then wait for RabbitMQ itself.
  for _ in $(seq 60); do answers && break; sleep 1; done
  if ! rabbit rabbitmqctl -n "$NODE" -q await_startup --timeout 120 >/dev/null 2>&1; then
    tail -n 30 "$root$DIR/log/console.log" >&2
    echo "rabbitmq4: $NODE did not start" >&2; exit 1
  fi
  echo "rabbitmq4: $NODE up in ${SECONDS} s"
}

stop() {
  if ! answers; then echo "rabbitmq4: $NODE is not running"; return 0; fi
  rabbit rabbitmqctl -n "$NODE" -q stop   # this node only, by name
  echo "rabbitmq4: $NODE stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) answers ;;
  ctl) shift; rabbit rabbitmqctl -n "$NODE" "$@" ;;
  *) sed -n '5,8p' "$0" >&2; exit 2 ;;
esac
