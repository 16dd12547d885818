#!/usr/bin/env bash
# Prepares a Debian 12 machine without a Docker engine for run-compose-test.sh (root, idempotent):
# Debian's rootful podman with runc (crun fails on hosts with hybrid cgroups), docker-compose 1.29
# talking to podman's Docker-compatible socket, and debootstrap for the local base image.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  echo "setup-podman.sh: run as root (rootful podman)" >&2
  exit 1
fi
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends \
  podman runc catatonit netavark aardvark-dns iptables docker-compose debootstrap curl jq openssl >/dev/null
conf=/etc/containers/containers.conf
if ! grep -q '^runtime = "runc"' "$conf" 2>/dev/null; then
  cat > "$conf" <<'CONF'
# written by trendoff docker/test/setup-podman.sh
[containers]
# the host's hard limits are lower than podman's defaults: inherit them instead
default_ulimits = []

[engine]
# crun fails here ("cgroups in hybrid mode not supported")
runtime = "runc"
CONF
fi
podman info --format '{{.Host.OCIRuntime.Name}} {{.Host.NetworkBackend}}'
