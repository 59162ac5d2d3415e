#!/usr/bin/env bash
# A Debian testing ("forky") root for what this machine's own Debian lacks:
# CPython 3.14 and RabbitMQ 4.x. Needs root.
#
#   tools/forky-root.sh [build]    build the root if it is absent, else reuse it
#   tools/forky-root.sh run CMD..  run CMD in the root, this repo at /src (cwd)
#   tools/forky-root.sh path       print where the root is
#
# The root lives outside the repo, in $FORKY_ROOT (default below), so a clean
# clone reuses it; delete that folder to start afresh. `run` mounts /proc, /dev
# and the repo in a private mount namespace, so nothing stays mounted on the
# host and two clones can each see their own /src at the same time. The root
# shares the host's network: loopback there is the host's loopback.
set -euo pipefail

ROOT=${FORKY_ROOT:-/var/cache/nameko-chat/forky}
SUITE=forky            # Debian testing; debootstrap's `sid` script builds it
PACKAGES="python3.14 python3.14-venv rabbitmq-server ca-certificates curl tmux procps"
# pip in the root must trust what pip trusts here (see `pip config list`).
CA_BUNDLE=${FORKY_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}
REPO=$(cd "$(dirname "$0")/.." && pwd)

say() { echo "forky-root: $*" >&2; }

# Run a command in the root, as root, with /proc, /dev and the repo mounted
# for that command only, and a plain environment (the host's PIP_* and the
# like name paths that do not exist in the root).
in_root() {
  unshare --mount --propagation private -- /bin/sh -ec '
    root=$1 repo=$2; shift 2
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mkdir -p "$root/src"
    mount --bind "$repo" "$root/src"
    exec chroot "$root" /usr/bin/env -i \
      PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" ${CI:+CI=$CI} \
      /bin/sh -c "cd /src && exec \"\$@\"" sh "$@"
  ' sh "$ROOT" "$REPO" "$@"
}

build() {
  # .ready holds the package list it was made with: a changed list installs.
  [ "$(cat "$ROOT/.ready" 2>/dev/null)" = "$PACKAGES" ] && return 0
  mkdir -p "$(dirname "$ROOT")"
  exec 9>"$ROOT.lock" && flock 9   # one builder at a time
  [ "$(cat "$ROOT/.ready" 2>/dev/null)" = "$PACKAGES" ] && return 0
  command -v debootstrap >/dev/null || {
    say "installing debootstrap"
    apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null
  }
  # debootstrap's own default mirror, unless one is given.
  local mirror=${FORKY_MIRROR:-$(sed -n 's/^DEF_MIRROR="\(.*\)"$/\1/p' "$(command -v debootstrap)")}
  if [ ! -e "$ROOT/.debootstrapped" ]; then
    say "debootstrap $SUITE into $ROOT (under a minute with a near mirror)"; SECONDS=0
    rm -rf "$ROOT"          # a half-made root from an interrupted run
    mkdir -p "$ROOT"
    debootstrap --variant=minbase "$SUITE" "$ROOT" "$mirror" \
      /usr/share/debootstrap/scripts/sid >"$ROOT.debootstrap.log" 2>&1 ||
      { tail -n 20 "$ROOT.debootstrap.log" >&2; say "debootstrap failed"; exit 1; }
    # Packages must not start services (rabbitmq-server would start a node
    # on the main broker's port): there is no init here, and no need.
    printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
    chmod +x "$ROOT/usr/sbin/policy-rc.d"
    touch "$ROOT/.debootstrapped"
    say "debootstrap took ${SECONDS} s"
  fi
  say "installing $PACKAGES"; SECONDS=0
  cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
  # Like the host's apt: the mirror reached from here may serve a snapshot
  # whose Release file's Valid-Until date has passed.
  echo 'Acquire::Check-Valid-Until "false";' >"$ROOT/etc/apt/apt.conf.d/99no-check-valid-until"
  in_root sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null &&
    apt-get clean"
  # Make sure the CA bundle pip uses outside is the one it uses inside.
  mkdir -p "$ROOT/etc/ssl/certs"
  cp "$CA_BUNDLE" "$ROOT/etc/ssl/certs/ca-certificates.crt"
  printf '[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n' >"$ROOT/etc/pip.conf"
  echo "$PACKAGES" >"$ROOT/.ready"
  say "packages took ${SECONDS} s"
  exec 9>&-   # or `run`'s command, a broker say, would hold the lock
}

case "${1:-build}" in
  build) build; echo "$ROOT" ;;
  run) shift; [ $# -gt 0 ] || { say "run what?"; exit 2; }; build; in_root "$@" ;;
  path) echo "$ROOT" ;;
  *) sed -n '5,8p' "$0" >&2; exit 2 ;;
esac
