#!/usr/bin/env bash
# Makes docker/trendoff.env, the env file every container of docker/compose.yaml reads, with mode 600:
# a copy of docker/trendoff.env.example when it is missing, then every secret of it (a line
# NAME_PASSWORD= or NAME_SECRET= with no value) given 32 random letters and digits. A secret that has
# a value is never changed; a secret of the example that the file lacks (after an upgrade) is added.
#
#   docker/make-env.sh                 (or: docker/make-env.sh PATH, to make the file elsewhere)
#
# The values never appear on a command line: this script writes them with bash's builtins.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EXAMPLE="$DIR/trendoff.env.example"
ENV_FILE="${1:-$DIR/trendoff.env}"
umask 077

random_secret() { LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 32; }
is_secret() { [[ "$1" =~ ^[A-Z][A-Z0-9_]*_(PASSWORD|SECRET)$ ]]; }

made=""
[ -e "$ENV_FILE" ] || { cp "$EXAMPLE" "$ENV_FILE"; made="made from $(basename "$EXAMPLE"), "; }
chmod 600 "$ENV_FILE"

declare -A present=()
tmp="$(mktemp "$ENV_FILE.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
filled=()
while IFS= read -r line || [ -n "$line" ]; do
  name="${line%%=*}"
  if [ "$name" != "$line" ] && is_secret "$name"; then
    present[$name]=1
    if [ -z "${line#*=}" ]; then
      printf '%s=%s\n' "$name" "$(random_secret)"
      filled+=("$name")
      continue
    fi
  fi
  printf '%s\n' "$line"
done <"$ENV_FILE" >"$tmp"
# secrets the example has and the file lacks
while IFS= read -r line; do
  name="${line%%=*}"
  if [ "$name" != "$line" ] && is_secret "$name" && [ -z "${present[$name]:-}" ]; then
    printf '%s=%s\n' "$name" "$(random_secret)" >>"$tmp"
    filled+=("$name")
  fi
done <"$EXAMPLE"
mv "$tmp" "$ENV_FILE"
trap - EXIT
echo "$ENV_FILE: ${made}mode 600, new secrets: ${filled[*]:-none}"
