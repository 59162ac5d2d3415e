#!/usr/bin/env bash
# A three-node RabbitMQ cluster on this machine, for the cluster tests and
# for trying failover by hand:
#
#   tools/cluster.sh start   # chat-a, chat-b and chat-c@localhost, joined
#   tools/cluster.sh stop    # all three stopped, their state removed
#
# Node   AMQP              management (API)   Erlang distribution
# chat-a 127.0.0.1:5681    127.0.0.1:15681    127.0.0.1:25681
# chat-b 127.0.0.1:5682    127.0.0.1:15682    127.0.0.1:25682
# chat-c 127.0.0.1:5683    127.0.0.1:15683    127.0.0.1:25683
#
# Clients name all three: --broker "amqp://guest:guest@localhost:5681/;amqp://guest:guest@localhost:5682/;amqp://guest:guest@localhost:5683/"
#
# Why three: a RabbitMQ quorum queue or stream works only while a majority
# of its replicas is up. Three nodes keep two, a majority, when one stops;
# two nodes keep one, which is not. So three is the smallest cluster that
# survives the loss of any one node, as a real deployment should.
#
# It uses this machine's rabbitmq-server (3.x) and leaves any other broker
# alone, the system's rabbit@localhost on 5672 included: each node has its
# own environment file, config file, plugins file, data and logs under
# $CHAT_CLUSTER_DIR (default /var/tmp/nameko-chat-cluster), so nothing in
# /etc/rabbitmq applies to it. `start` is idempotent: a cluster already up
# is left as it is, and anything less is stopped and started afresh. Both
# commands exit non-zero if they fail. Run it as root, as CI does: the nodes
# then run as the rabbitmq user, like the system's broker.
set -euo pipefail

STATE=${CHAT_CLUSTER_DIR:-/var/tmp/nameko-chat-cluster}
NODES=(a b c)
declare -A AMQP_PORT=([a]=5681 [b]=5682 [c]=5683)

node() { echo "chat-$1@localhost"; }

# rabbitmqctl for node $1. As root, Debian's rabbitmqctl runs as the rabbitmq
# user and so uses its Erlang cookie; the nodes run as that user too.
ctl() {
  local name=$1; shift
  rabbitmqctl -q -n "$(node "$name")" "$@"
}

running() { ctl "$1" ping >/dev/null 2>&1; }  # the Erlang VM answers

clustered() {  # every node up, and each counts all of them running in its cluster
  local name
  for name in "${NODES[@]}"; do
    [ "$(ctl "$name" eval 'length(rabbit_nodes:all_running()).' 2>/dev/null)" = "${#NODES[@]}" ] ||
      return 1
  done
}

write_config() {  # the files that make node $1 a node of its own
  local name=$1 dir=$STATE/$1 port=${AMQP_PORT[$1]}
  mkdir -p "$dir/data" "$dir/log"
  # Read by rabbitmq-server instead of /etc/rabbitmq/rabbitmq-env.conf.
  cat >"$dir/rabbitmq-env.conf" <<EOF
NODENAME=$(node "$name")
CONFIG_FILE=$dir/rabbitmq.conf
ADVANCED_CONFIG_FILE=$dir/advanced.config
ENABLED_PLUGINS_FILE=$dir/enabled_plugins
MNESIA_BASE=$dir/data
LOG_BASE=$dir/log
PID_FILE=$dir/pid
DIST_PORT=$((port + 20000))
# Loopback only, for Erlang distribution as for everything else.
ERL_EPMD_ADDRESS=127.0.0.1
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
EOF
  cat >"$dir/rabbitmq.conf" <<EOF
listeners.tcp.local = 127.0.0.1:$port
management.tcp.ip = 127.0.0.1
management.tcp.port = $((port + 10000))
EOF
  echo "[rabbitmq_management]." >"$dir/enabled_plugins"
}

start_node() {
  local name=$1
  RABBITMQ_CONF_ENV_FILE=$STATE/$name/rabbitmq-env.conf rabbitmq-server -detached
  # Waits for the pid file, then for the broker inside to have started.
  ctl "$name" wait --timeout 120 "$STATE/$name/pid"
}

stop() {
  local name
  for name in "${NODES[@]}"; do
    # `stop` ends the Erlang VM; given the pid file, it waits until the VM
    # has exited. A node that is not running is fine.
    if running "$name"; then
      if [ -f "$STATE/$name/pid" ]; then
        ctl "$name" stop "$STATE/$name/pid" >/dev/null
      else
        ctl "$name" stop
      fi
    fi
  done
  rm -rf "$STATE"
}

start() {
  command -v rabbitmq-server >/dev/null ||
    { echo "cluster.sh: rabbitmq-server is not installed" >&2; exit 1; }
  if clustered; then
    echo "cluster.sh: already running: $(node a), $(node b) and $(node c)"
    return
  fi
  stop  # whatever is left of an earlier run
  local name
  for name in "${NODES[@]}"; do
    write_config "$name"
  done
  # As root, the servers run as the rabbitmq user (see ctl), which must own
  # their files.
  if [ "$(id -u)" = 0 ] && id rabbitmq >/dev/null 2>&1; then
    chown -R rabbitmq: "$STATE"
  fi
  for name in "${NODES[@]}"; do
    start_node "$name"
  done
  # chat-b, then chat-c, joins chat-a's cluster; each must be stopped (its
  # app, not its VM) to join, and its data is reset to the cluster's. One at
  # a time: a node joins a cluster whose members are all running.
  for name in "${NODES[@]:1}"; do
    ctl "$name" stop_app
    ctl "$name" reset
    # (join_cluster logs warnings and errors of its own on success too: kept
    # out of sight unless it fails.)
    ctl "$name" join_cluster "$(node a)" 2>"$STATE/join.log" ||
      { cat "$STATE/join.log" >&2; exit 1; }
    ctl "$name" start_app
    ctl "$name" await_startup
  done
  clustered || { echo "cluster.sh: the nodes did not cluster" >&2; exit 1; }
  echo "cluster.sh: started $(node a) (AMQP 5681), $(node b) (AMQP 5682) and" \
    "$(node c) (AMQP 5683), clustered"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
