#!/usr/bin/env bash
# A Debian trixie chroot with Debian's `swiftlang`, so the SwiftPM package's platform-neutral
# targets build and test on a Linux host without Swift. The chroot is cached OUTSIDE the repo and
# reused; it is built once (debootstrap + apt, ~3 GB, a few minutes) and then only entered.
#
#   swift-chroot.sh ensure            create the chroot if missing (idempotent, locked)
#   swift-chroot.sh run DIR CMD...    run CMD in DIR inside the chroot; the repo is bind-mounted at
#                                     the same absolute path, so host paths work unchanged inside.
#
# FIRSTSTEP_CHROOT_MOUNTS: extra host directories (colon-separated, absolute) bind-mounted at the same
# paths, e.g. a CARGO_TARGET_DIR outside the repo holding the core library.
# Needs root (debootstrap, chroot, mount). FIRSTSTEP_SWIFT_CHROOT overrides the cache location.
set -euo pipefail

ROOT="${FIRSTSTEP_SWIFT_CHROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/firststep/swift-trixie}"
MIRROR="${FIRSTSTEP_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

log() { printf '[swift-chroot] %s\n' "$*" >&2; }

ensure() {
  if [[ -f "$ROOT/.firststep-ready" ]]; then return 0; fi
  mkdir -p "$(dirname "$ROOT")"
  exec 9>"$ROOT.lock"
  flock 9
  if [[ -f "$ROOT/.firststep-ready" ]]; then return 0; fi
  if ! command -v debootstrap >/dev/null; then
    log "installing debootstrap on the host"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  fi
  local partial="$ROOT.partial"
  rm -rf "$partial"
  log "debootstrap trixie into $partial (one time, a few minutes)"
  debootstrap --variant=minbase trixie "$partial" "$MIRROR" >"$ROOT.debootstrap.log" 2>&1 \
    || { log "debootstrap failed; see $ROOT.debootstrap.log"; tail -20 "$ROOT.debootstrap.log" >&2; exit 1; }
  log "installing swiftlang inside the chroot"
  cp /etc/resolv.conf "$partial/etc/resolv.conf" 2>/dev/null || true
  with_mounts "$partial" /bin/bash -c \
    'export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq --no-install-recommends swiftlang libc6-dev libstdc++-14-dev ca-certificates tzdata >/dev/null' \
    || { log "apt-get install swiftlang failed"; exit 1; }
  touch "$partial/.firststep-ready"
  rm -rf "$ROOT"
  mv "$partial" "$ROOT"
  log "ready: $ROOT"
}

# with_mounts CHROOT CMD... : mount /proc, /dev and the repo, run CMD in the chroot, always unmount.
with_mounts() {
  local root="$1"; shift
  local mounted=()
  cleanup() { local i; for ((i=${#mounted[@]}-1; i>=0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done; }
  trap cleanup EXIT
  mkdir -p "$root/proc" "$root/dev" "$root$REPO"
  mount -t proc proc "$root/proc" && mounted+=("$root/proc")
  mount --bind /dev "$root/dev" && mounted+=("$root/dev")
  mount --bind "$REPO" "$root$REPO" && mounted+=("$root$REPO")
  local extra
  IFS=: read -ra extra <<<"${FIRSTSTEP_CHROOT_MOUNTS:-}"
  for dir in "${extra[@]}"; do
    [[ -d "$dir" && "$dir" != "$REPO"* ]] || continue
    mkdir -p "$root$dir"
    mount --bind "$dir" "$root$dir" && mounted+=("$root$dir")
  done
  local rc=0
  chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 "$@" || rc=$?
  cleanup
  trap - EXIT
  return $rc
}

case "${1:-}" in
  ensure) ensure ;;
  run)
    shift; dir="$1"; shift
    ensure
    with_mounts "$ROOT" /bin/bash -c 'cd "$0" && exec "$@"' "$dir" "$@"
    ;;
  *) echo "usage: $0 ensure | run DIR CMD..." >&2; exit 2 ;;
esac
