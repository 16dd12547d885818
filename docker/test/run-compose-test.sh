#!/usr/bin/env bash
# The opt-in test of the one-host deployment (docker/compose.yaml, runbook docker/README.md): every
# compose command of the runbook, run for real on a clean checkout of HEAD.
#
#   docker/test/run-compose-test.sh          (as root; without Docker: docker/test/setup-podman.sh once before)
#
# With `docker compose` (v2) on the PATH it uses Docker; otherwise Debian's podman 4.3 through its
# Docker-compatible socket with docker-compose 1.29 (the same compose file and arguments), on a base
# image made here by debootstrap (no registry needed but Debian's and Maven Central).
# Steps: build the images and start (`up -d --build`); wait until every service is healthy; produce
# tweets from a file; wait until compare-users is exact (a recount of the file, docker/test/tweets.py);
# wait for both layers (status: no lag); a recompute (the cron command); more tweets, exact again as batch
# view + speed rows; the chart out of a one-off container; the published ports (127.0.0.1 only) and the
# log rotation; security (refused logins and plain-text clients, TLS with the deployment's CA from the
# host, the keys' owners, a Spark driver with a wrong secret refused, no secret on a command line); a
# Cassandra backup and restore; new secrets and new TLS keys with the whole compose down and up again: same
# answers, the old passwords and CA refused, more tweets, exact; an upgrade (`up -d --build` with nothing
# changed); no secret in any log nor on a command line; then `down -v`. Figures and logs: $OUT
# (default target/compose-test). TRENDOFF_COMPOSE_TEST_KEEP=1 leaves the deployment up at the end;
# TRENDOFF_COMPOSE_TEST_COLD=1 (podman) first removes the images, their layers and the build cache.
set -euo pipefail
# the whole script is one block: bash reads it all before running it, so editing this file during a run is safe
{

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${TRENDOFF_COMPOSE_TEST_OUT:-$REPO/target/compose-test}"
BASE_DIR="${TRENDOFF_COMPOSE_TEST_BASE_DIR:-/var/tmp/trendoff-base-bookworm}"
LOCAL_BASE=localhost/trendoff-base:bookworm
export COMPOSE_PROJECT_NAME="${TRENDOFF_COMPOSE_TEST_PROJECT:-trendofftest}"
PAIRS=("alice bob" "carol dave" "erin frank")
SERVICES=(kafka cassandra spark-master spark-worker speed-layer batch-ingest recompute serve)
ONE_SHOTS=(tls cassandra-roles schema topics)

# one run at a time: a second one would remove the first one's directory and socket
mkdir -p "$(dirname "$OUT")"
exec 9>"$OUT.lock"
flock -n 9 || { echo "run-compose-test.sh: another run holds $OUT.lock" >&2; exit 1; }
rm -rf "$OUT"
mkdir -p "$OUT"
START=$SECONDS
log() { printf '%s [%5ss] %s\n' "$(date +%T)" "$((SECONDS - START))" "$*" | tee -a "$OUT/test.log" >&2; }
figure() { printf '%s\n' "$*" | tee -a "$OUT/figures.txt" >&2; }
fail() { log "FAIL: $*"; exit 1; }

PODMAN_SERVICE_PID=""
HEALTH_LOOP_PID=""
CMDLINE_LOOP_PID=""
cleanup() {
  local code=$?
  set +e
  if [ -d "$OUT/checkout" ]; then
    if [ "$code" -ne 0 ]; then
      (cd "$OUT/checkout" && "${COMPOSE[@]}" -f docker/compose.yaml ps >"$OUT/ps.txt" 2>&1
       "${COMPOSE[@]}" -f docker/compose.yaml logs --no-color >"$OUT/compose-logs.txt" 2>&1)
    fi
    if [ "${TRENDOFF_COMPOSE_TEST_KEEP:-0}" != 1 ]; then
      (cd "$OUT/checkout" && "${COMPOSE[@]}" -f docker/compose.yaml --profile tools down -v --remove-orphans >>"$OUT/test.log" 2>&1)
    fi
  fi
  [ -n "$HEALTH_LOOP_PID" ] && kill "$HEALTH_LOOP_PID" 2>/dev/null
  [ -n "$CMDLINE_LOOP_PID" ] && kill "$CMDLINE_LOOP_PID" 2>/dev/null
  if [ -n "$PODMAN_SERVICE_PID" ] && [ "${TRENDOFF_COMPOSE_TEST_KEEP:-0}" != 1 ]; then
    kill "$PODMAN_SERVICE_PID" 2>/dev/null
  fi
  if [ "$code" -eq 0 ]; then log "PASS (logs: $OUT)"; else log "FAILED with exit $code (logs: $OUT/compose-logs.txt)"; fi
}
trap cleanup EXIT
trap 'exit 143' TERM INT

# ---- the engine ----------------------------------------------------------------------------------------
if docker compose version >/dev/null 2>&1; then
  COMPOSE=(docker compose)
  ENGINE=docker
else
  command -v podman >/dev/null && command -v docker-compose >/dev/null \
    || fail "neither docker compose nor podman with docker-compose: run docker/test/setup-podman.sh (root)"
  ENGINE=podman
  COMPOSE=(docker-compose)
  # podman's Docker API on a socket of this run's own
  export DOCKER_HOST="unix://$OUT/podman.sock"
  podman system service --time=0 "$DOCKER_HOST" >"$OUT/podman-service.log" 2>&1 9>&- &
  PODMAN_SERVICE_PID=$!
  for _ in $(seq 50); do [ -S "$OUT/podman.sock" ] && break; sleep 0.2; done
  export COMPOSE_HTTP_TIMEOUT=600
  if [ "${TRENDOFF_COMPOSE_TEST_COLD:-0}" = 1 ]; then
    # a cold build: no base image, no layer, no Maven cache mount
    log "cold: removing the images, their layers, the base image and buildah's cache mounts"
    podman rmi -f trendoff trendoff-kafka trendoff-cassandra "$LOCAL_BASE" >/dev/null 2>&1 || true
    podman image prune -f >/dev/null
    rm -rf /var/tmp/buildah-cache-* /var/tmp/buildah-cache
  fi
  # the base image: a minimal Debian 12 made by debootstrap from the mirror apt uses
  if ! podman image exists "$LOCAL_BASE"; then
    mirror="$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
      | grep -E '^(URIs:|deb) ' | grep -oE 'https?://[^ ]+/debian/?' | head -n 1 || true)"
    log "base image: debootstrap bookworm from ${mirror:-http://deb.debian.org/debian}"
    base_started=$SECONDS
    rm -rf "$BASE_DIR"
    debootstrap --variant=minbase bookworm "$BASE_DIR" "${mirror:-http://deb.debian.org/debian}" >"$OUT/debootstrap.log" 2>&1
    rm -rf "$BASE_DIR"/var/cache/apt/archives/*.deb "$BASE_DIR"/var/lib/apt/lists/*
    tar -C "$BASE_DIR" -c . | podman import - "$LOCAL_BASE" >/dev/null 2>&1
    rm -rf "$BASE_DIR"
    figure "base image (debootstrap, import): $((SECONDS - base_started)) s"
  fi
  export TRENDOFF_BASE_IMAGE="$LOCAL_BASE"
fi
engine() { "$ENGINE" "$@"; }
# the runbook's docker commands (docker volume rm): Docker's CLI, also against podman's socket, when there is one
docker_cli() { if command -v docker >/dev/null; then docker "$@"; else podman "$@"; fi; }


# ---- a clean checkout, its env file, free host ports ---------------------------------------------------
if [ -n "$(git -C "$REPO" status --porcelain --untracked-files=no)" ]; then
  log "note: uncommitted changes in $REPO are not tested (the test clones HEAD)"
fi
git clone -q "$REPO" "$OUT/checkout"
cd "$OUT/checkout"
log "checkout of $(git log -1 --format='%h %s' | cut -c1-80)"
# a TLS-intercepting proxy's CA, when this host has one (docker/build-ca/README.md)
cp /usr/local/share/ca-certificates/*.crt docker/build-ca/ 2>/dev/null || true

# runbook: docker/make-env.sh
docker/make-env.sh >>"$OUT/test.log"
[ "$(stat -c %a docker/trendoff.env)" = 600 ] || fail "docker/make-env.sh left docker/trendoff.env with mode $(stat -c %a docker/trendoff.env)"
# small sizes for a shared test machine, 4 partitions, and a recompute loop that runs once per start
for kv in CASSANDRA_HEAP=768m KAFKA_HEAP=384m SPARK_DAEMON_MEMORY=256m SPARK_WORKER_CORES=4 SPARK_WORKER_MEMORY=2g \
          SPARK_EXECUTOR_MEMORY=512m SPARK_DRIVER_MEMORY=512m TRENDOFF_JAVA_OPTS=-Xmx384m TRENDOFF_KAFKA_PARTITIONS=4; do
  sed -i "s|^${kv%%=*}=.*|$kv|" docker/trendoff.env
done
export TRENDOFF_RECOMPUTE_EVERY=24h
read -r TRENDOFF_HTTP_PORT TRENDOFF_SPARK_MASTER_UI_PORT TRENDOFF_SPARK_WORKER_UI_PORT < <(python3 -c '
import socket
s = [socket.socket() for _ in range(3)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
export TRENDOFF_HTTP_PORT TRENDOFF_SPARK_MASTER_UI_PORT TRENDOFF_SPARK_WORKER_UI_PORT

compose() { "${COMPOSE[@]}" -f docker/compose.yaml "$@"; }
cid() { compose ps -q "$1" | head -n 1; }

# podman runs health checks from systemd timers; on a host without systemd this loop runs them instead
if [ "$ENGINE" = podman ] && [ ! -d /run/systemd/system ]; then
  (exec 9>&-
   while sleep 5; do
     for c in $(podman ps -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME"); do
       podman healthcheck run "$c" >/dev/null 2>&1 || true
     done
   done) &
  HEALTH_LOOP_PID=$!
fi

# every process's command line in every container of the project, every 10 s from the first up to the end
# (ps inside each container: the jobs' drivers and executors, the servers, the health checks)
(exec 9>&-
 while :; do
   for c in $(engine ps -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME"); do
     engine exec "$c" ps -ww -eo args 2>/dev/null | sed "s|^|$c |"
   done >>"$OUT/cmdlines.txt"
   sleep 10
 done) &
CMDLINE_LOOP_PID=$!

# the env file's secrets, in a file of this run's own (grep -F -f reads them there, never from a command line)
SECRETS="$OUT/secrets.txt"
(umask 077; grep -E '^[A-Z][A-Z0-9_]*_(PASSWORD|SECRET)=' docker/trendoff.env | cut -d= -f2- >"$SECRETS")
[ "$(grep -c . "$SECRETS")" = 7 ] || fail "docker/trendoff.env holds $(grep -c . "$SECRETS") secrets, not the 7 of the example"
# FILE...: where a secret occurs (file and line; the secret itself is not shown); nothing when nowhere
leaks() { grep -H -n -o -F -f "$SECRETS" "$@" 2>/dev/null | sed -E 's/:[A-Za-z0-9]+$/: (a secret)/' | head -n 5 || true; }

# state of a service's container: "running healthy", "exited 0", ...
state() {
  local id
  id="$(cid "$1")"
  [ -n "$id" ] || { echo missing; return; }
  engine inspect --format '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}} {{.State.ExitCode}}' "$id"
}

wait_healthy() {
  local deadline=$((SECONDS + $1)) pending
  while :; do
    pending=()
    for s in "${SERVICES[@]}"; do
      case "$(state "$s")" in "running healthy "*) ;; *) pending+=("$s");; esac
    done
    for s in "${ONE_SHOTS[@]}"; do
      case "$(state "$s")" in "exited  0"|"exited 0"*) ;; "exited"*) fail "$s exited non-zero: $(compose logs --tail 20 "$s")";; *) pending+=("$s");; esac
    done
    [ ${#pending[@]} -eq 0 ] && return 0
    [ $SECONDS -lt $deadline ] || fail "not healthy after $1 s: ${pending[*]} ($(for s in "${pending[@]}"; do printf '%s=%s; ' "$s" "$(state "$s")"; done))"
    sleep 5
  done
}

trendoff() { compose run --rm -T cli ./trendoff "$@"; }

# every pair's compare-users equals the recount of the given files; with "speed" also needs speed rows
exact() {
  local need_speed="$1"; shift
  for pair in "${PAIRS[@]}"; do
    # shellcheck disable=SC2086
    trendoff compare-users $pair --top all --json >"$OUT/answer.json" 2>>"$OUT/one-offs.log" || return 1
    python3 "$REPO/docker/test/tweets.py" check "$OUT/answer.json" "$@" >"$OUT/check.txt" || return 1
    if [ "$need_speed" = speed ] && [ "$(jq '.view.speedRows' "$OUT/answer.json")" = 0 ]; then
      echo "no speed rows after the cut yet" >"$OUT/check.txt"; return 1
    fi
  done
}

wait_exact() {
  local what="$1" timeout="$2" need_speed="$3"; shift 3
  local deadline=$((SECONDS + timeout))
  until exact "$need_speed" "$@"; do
    [ $SECONDS -lt $deadline ] || fail "$what: compare-users not exact after $timeout s: $(cat "$OUT/check.txt")"
    sleep 5
  done
  log "$what: compare-users exact for ${#PAIRS[@]} pairs ($(jq -c '.view' "$OUT/answer.json"))"
}

# both consumer groups have read everything (status --json)
wait_layers() {
  local deadline=$((SECONDS + $1))
  until trendoff status --json >"$OUT/status.json" 2>>"$OUT/one-offs.log" \
      && [ "$(jq '[.kafka.groups[] | .lag] | map(select(. == 0)) | length' "$OUT/status.json")" = 2 ]; do
    [ $SECONDS -lt $deadline ] || fail "layers still lagging after $1 s: $(jq -c '[.kafka.groups[] | {group, lag}]' "$OUT/status.json" 2>/dev/null)"
    sleep 5
  done
  log "both layers caught up: $(jq -c '[.kafka.groups[] | {group, lag}]' "$OUT/status.json")"
}

produce() {
  # runbook: docker compose -f docker/compose.yaml run --rm -T cli ./trendoff produce --source jsonl - < tweets.jsonl
  compose run --rm -T cli ./trendoff produce --source jsonl - <"$1" >>"$OUT/one-offs.log" 2>&1 \
    || fail "produce $1: $(tail -5 "$OUT/one-offs.log")"
  log "produced $(wc -l <"$1") tweets from $(basename "$1")"
}

python3 "$REPO/docker/test/tweets.py" generate "$OUT/tweets" --parts 3 --tweets 4000 >>"$OUT/test.log"
P1="$OUT/tweets/part-1.jsonl" P2="$OUT/tweets/part-2.jsonl" P3="$OUT/tweets/part-3.jsonl"

# ---- first start ---------------------------------------------------------------------------------------
log "up -d --build ($ENGINE, project $COMPOSE_PROJECT_NAME, ports $TRENDOFF_HTTP_PORT/$TRENDOFF_SPARK_MASTER_UI_PORT/$TRENDOFF_SPARK_WORKER_UI_PORT)"
UP=$SECONDS
# runbook: docker compose -f docker/compose.yaml up -d --build
compose up -d --build >"$OUT/up.log" 2>&1 || fail "up -d --build: $(tail -20 "$OUT/up.log")"
figure "build and create (up -d --build): $((SECONDS - UP)) s"
wait_healthy 900
figure "up -> every service healthy: $((SECONDS - UP)) s"
# runbook: docker compose -f docker/compose.yaml ps
compose ps | tee -a "$OUT/test.log"
for image in trendoff trendoff-kafka trendoff-cassandra; do
  figure "image $image: $(engine image inspect --format '{{.Size}}' "$image:latest" | awk '{printf "%.0f MB", $1 / 1e6}')"
done

# ---- feed, wait, recompute -----------------------------------------------------------------------------
produce "$P1"
wait_exact "part 1 (speed layer)" 600 any "$P1"
figure "up -> first exact compare-users: $((SECONDS - UP)) s"
wait_layers 600

# one recompute, the cron command; a round that cannot start (the loop holds the lease, Kafka slow to answer
# on a loaded machine) is said in one line and tried again
recompute_once() {
  local t=$SECONDS
  for attempt in 1 2 3; do
    # runbook: docker compose -f docker/compose.yaml run --rm recompute-once
    if compose run --rm recompute-once >"$OUT/recompute-once.log" 2>&1; then
      figure "recompute-once ($1): $((SECONDS - t)) s, $(grep -m1 '^recompute' "$OUT/recompute-once.log" | cut -c1-160)"
      return 0
    fi
    log "recompute-once attempt $attempt failed: $(grep -v '^\s*at ' "$OUT/recompute-once.log" | tail -n 1 | cut -c1-200)"
    sleep 30
  done
  fail "recompute-once: $(tail -20 "$OUT/recompute-once.log")"
}

recompute_once "part 1"
wait_exact "after the recompute" 120 any "$P1"
VERSION="$(jq '.view.version' "$OUT/answer.json")"
[ "$VERSION" != null ] || fail "no batch view version after the recompute"

produce "$P2"
wait_exact "part 2 (batch view + speed rows)" 600 speed "$P1" "$P2"
[ "$(jq '.view.version' "$OUT/answer.json")" = "$VERSION" ] || fail "the view version moved without a recompute"
wait_layers 600

# ---- what the host sees --------------------------------------------------------------------------------
# runbook: docker compose -f docker/compose.yaml run --rm -T cli ./trendoff status
trendoff status >"$OUT/status.txt" 2>>"$OUT/one-offs.log" || fail "status: $(cat "$OUT/status.txt")"
grep -q "lag 0" "$OUT/status.txt" || fail "status shows no 'lag 0': $(cat "$OUT/status.txt")"
# runbook: docker compose -f docker/compose.yaml run --rm -T cli ./trendoff compare-users alice bob
trendoff compare-users alice bob >"$OUT/compare.txt" 2>>"$OUT/one-offs.log" || fail "compare-users table"
grep -q "^alice vs bob" "$OUT/compare.txt" || fail "no table: $(head -3 "$OUT/compare.txt")"
# runbook: the chart out of a one-off container
compose run --rm -T cli sh -c './trendoff compare-users alice bob --png /tmp/chart.png >/dev/null && cat /tmp/chart.png' \
  >"$OUT/alice-bob.png" 2>>"$OUT/one-offs.log"
[ "$(head -c 8 "$OUT/alice-bob.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "alice-bob.png is not a PNG"
log "chart: $(wc -c <"$OUT/alice-bob.png") bytes of PNG"

# only 127.0.0.1 on the host; every container's log rotated
for s in "${SERVICES[@]}"; do
  bindings="$(engine inspect --format '{{json .HostConfig.PortBindings}}' "$(cid "$s")" | jq -r '.[]?[]? | "\(.HostIp // .HostIP):\(.HostPort)"')"
  for b in $bindings; do [ "${b%%:*}" = 127.0.0.1 ] || fail "$s publishes $b"; done
  if [ "$ENGINE" = podman ]; then  # podman keeps one file of at most max-size (no max-file)
    logconf="$(podman inspect --format '{{.HostConfig.LogConfig.Type}} {{.HostConfig.LogConfig.Size}}' "$(cid "$s")")"
  else
    logconf="$(docker inspect --format '{{.HostConfig.LogConfig.Type}} {{index .HostConfig.LogConfig.Config "max-size"}} {{index .HostConfig.LogConfig.Config "max-file"}}' "$(cid "$s")")"
  fi
  case "$logconf" in "json-file 50m 5"|"json-file 50MB") ;; *) fail "$s logs with '$logconf'";; esac
done
curl -fsS "http://127.0.0.1:$TRENDOFF_SPARK_MASTER_UI_PORT/json/" >"$OUT/spark-master.json" || fail "Spark master UI not on 127.0.0.1:$TRENDOFF_SPARK_MASTER_UI_PORT"
[ "$(jq '[.activeapps[] | .name] | length' "$OUT/spark-master.json")" -ge 3 ] || fail "fewer than 3 applications on the master"
log "Spark master: $(jq -c '{workers: .aliveworkers, cores: .cores, apps: [.activeapps[] | .name]}' "$OUT/spark-master.json")"
# runbook: docker compose -f docker/compose.yaml logs --tail 50 speed-layer
compose logs --tail 50 speed-layer >"$OUT/speed-layer-tail.log" 2>&1
[ -s "$OUT/speed-layer-tail.log" ] || fail "no speed-layer log"
# runbook: docker compose -f docker/compose.yaml exec -T spark-worker sh -c 'tail -n 20 /opt/spark/work/*/*/stderr'
compose exec -T spark-worker sh -c 'tail -n 20 /opt/spark/work/*/*/stderr' >"$OUT/executors-tail.log" 2>&1 \
  || fail "no executor log in the worker's work directory"

# serve, from the host: the same answer as the command line, the chart, the page
HTTP="http://127.0.0.1:$TRENDOFF_HTTP_PORT"
# runbook: curl -fsS 'http://127.0.0.1:8080/api/compare?users=alice,bob&top=all'
curl -fsS "$HTTP/api/compare?users=alice,bob&top=all" >"$OUT/http-answer.json" || fail "GET /api/compare"
python3 "$REPO/docker/test/tweets.py" check "$OUT/http-answer.json" "$P1" "$P2" >"$OUT/check.txt" \
  || fail "GET /api/compare is not the recount: $(cat "$OUT/check.txt")"
# runbook: curl -fsS -o alice-bob.png 'http://127.0.0.1:8080/api/compare.png?users=alice,bob'
curl -fsS -o "$OUT/alice-bob-http.png" "$HTTP/api/compare.png?users=alice,bob" || fail "GET /api/compare.png"
[ "$(head -c 8 "$OUT/alice-bob-http.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "compare.png is not a PNG"
curl -fsS "$HTTP/" >"$OUT/page.html" || fail "GET /"
grep -qi "<html" "$OUT/page.html" || fail "GET / is not the page"
log "serve on 127.0.0.1:$TRENDOFF_HTTP_PORT: /api/compare equals the recount, compare.png $(wc -c <"$OUT/alice-bob-http.png") bytes, the page"

# runbook: docker compose -f docker/compose.yaml exec -T cassandra nodetool status
compose exec -T cassandra nodetool status >"$OUT/nodetool-status.txt" 2>&1 || fail "nodetool status"
grep -q "^UN " "$OUT/nodetool-status.txt" || fail "the node is not Up/Normal: $(cat "$OUT/nodetool-status.txt")"

# figures: memory of each container, disk per tweet
if [ "$ENGINE" = podman ]; then
  podman stats --no-stream --format '{{.Name}} {{.MemUsage}}' >"$OUT/stats.txt" 2>&1 || true
else
  docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' >"$OUT/stats.txt" 2>&1 || true
fi
figure "memory after 8,000 tweets (container: used / limit): $(grep -v '_run_' "$OUT/stats.txt" | sed -E "s/^${COMPOSE_PROJECT_NAME}[_-]//; s/[_-]1 / /" | awk '{print $1, $2}' | tr '\n' ';')"
compose exec -T cassandra nodetool flush trendoff >/dev/null 2>&1
# runbook: docker compose -f docker/compose.yaml exec -T cassandra nodetool tablestats trendoff
compose exec -T cassandra nodetool tablestats trendoff >"$OUT/tablestats.txt" 2>&1 || fail "nodetool tablestats"
figure "Cassandra, bytes on disk (live) for 8,000 tweets: $(awk '/Table:/ {t=$2} /Space used \(live\)/ {printf "%s %s; ", t, $4}' "$OUT/tablestats.txt")"
figure "Kafka, bytes of the tweet topic's log segments for 8,000 tweets: $(compose exec -T kafka sh -c 'cat /var/lib/kafka/data/tweets-*/*.log | wc -c')"

# ---- security: passwords over TLS on every client port; no secret where others can read it -------------
# one-offs that must fail with one clear line (no stack trace): refused logins and plain-text clients
refused() {  # EXPECTED, then the arguments of compose run
  local expected="$1"; shift
  if compose run --rm -T "$@" >"$OUT/refused.out" 2>"$OUT/refused.err"; then fail "not refused: $*"; fi
  [ "$(grep -c '^trendoff: ' "$OUT/refused.err")" = 1 ] && grep -q "^trendoff: $expected" "$OUT/refused.err" \
    && ! grep -Eq '^\s+at |Exception' "$OUT/refused.err" \
    || fail "not the one line 'trendoff: $expected...': $(head -c 800 "$OUT/refused.err")"
  log "refused: $(grep '^trendoff: ' "$OUT/refused.err" | cut -c11-170)"
}
# the probe names a topic that does not exist (auto-creation is off): a login let through produces nothing
PROBE=(./trendoff produce --source synthetic --tweets 1 --topic compose-test-probe)
refused "Kafka at kafka:9092 refused the credentials of user 'trendoff' (SCRAM-SHA-512" \
  -e KAFKA_TRENDOFF_PASSWORD=WrongPasswordWrongPassword0 cli "${PROBE[@]}"
refused "Kafka at kafka:9092 speaks TLS, but trendoff.kafka.client has security.protocol PLAINTEXT" \
  -e 'TRENDOFF_KAFKA_CLIENT={}' -e TRENDOFF_PRODUCER_CONNECT_TIMEOUT=20s cli "${PROBE[@]}"
refused "Cassandra at cassandra:9042 refused the credentials of user 'trendoff'" \
  -e CASSANDRA_TRENDOFF_PASSWORD=WrongPasswordWrongPassword0 cli ./trendoff compare-users alice bob
refused "Cassandra at cassandra:9042 speaks TLS only, but trendoff.cassandra.ssl.enabled is false" \
  -e TRENDOFF_CASSANDRA_SSL_ENABLED=false cli ./trendoff compare-users alice bob
# Kafka's own tool as a plain-text client, in Kafka's container: no answer
compose exec -T kafka timeout 90 java -Xmx64m -Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.xml \
  -cp '/opt/kafka/libs/*' org.apache.kafka.tools.BrokerApiVersionsCommand --bootstrap-server kafka:9092 \
  >"$OUT/plain-kafka.txt" 2>&1 || true
if grep -q -- '-> (' "$OUT/plain-kafka.txt"; then fail "Kafka answered a plain-text ApiVersions request"; fi
log "refused: Kafka's own kafka-broker-api-versions in plain text got no answer"

# from the host, where every local user can reach the containers' addresses: each client port speaks TLS,
# with a certificate for its container's name from the deployment's CA
tls_from_host() {  # CA_FILE, ok or untrusted
  local name port ip
  for hp in kafka:9092 cassandra:9042; do
    name="${hp%%:*}" port="${hp#*:}"
    ip="$(engine inspect --format '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}' "$(cid "$name")" | awk '{print $1}')"
    if timeout 60 openssl s_client -connect "$ip:$port" -servername "$name" -CAfile "$1" -verify_hostname "$name" \
        -verify_return_error </dev/null >"$OUT/tls-$name.txt" 2>&1 && grep -q "Verify return code: 0 (ok)" "$OUT/tls-$name.txt"; then
      [ "$2" = ok ] || fail "$name at $ip:$port presented a certificate that $1 trusts"
      log "$name at $ip:$port from the host: $(grep -m1 -oE 'TLSv1\.[0-9]' "$OUT/tls-$name.txt"), a certificate for '$name' from the CA of $(basename "$1")"
    else
      [ "$2" = untrusted ] || fail "TLS with $name at $ip:$port: $(grep -m1 -iE 'error|refused|verify return' "$OUT/tls-$name.txt")"
      grep -q "verify error" "$OUT/tls-$name.txt" || fail "TLS with $name at $ip:$port failed, not on the certificate: $(head -c 300 "$OUT/tls-$name.txt")"
      log "$name at $ip:$port from the host: not trusted by the CA of $(basename "$1")"
    fi
  done
}
# runbook: docker compose -f docker/compose.yaml run --rm -T cli cat /tls/ca.pem > ca.pem
compose run --rm -T cli cat /tls/ca.pem >"$OUT/ca.pem" 2>>"$OUT/one-offs.log" || fail "cat /tls/ca.pem"
tls_from_host "$OUT/ca.pem" ok
# and the plain-text ports of the servers (Kafka's controller, Cassandra's storage and JMX) are not reachable
for hp in kafka:9093 cassandra:7000 cassandra:7199; do
  ip="$(engine inspect --format '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}' "$(cid "${hp%%:*}")" | awk '{print $1}')"
  if timeout 5 bash -c "</dev/tcp/$ip/${hp#*:}" 2>/dev/null; then fail "${hp%%:*}'s port ${hp#*:} answers at $ip"; fi
done
log "from the host: Kafka's controller port and Cassandra's storage and JMX ports do not answer"

# the keys: the CA's private key nowhere; each server's key its own user's only
compose run --rm -T --user 0 cli find /tls -mindepth 1 -printf '%m %u %p\n' 2>>"$OUT/one-offs.log" | sort >"$OUT/tls-files.txt"
printf '%s\n' "600 cassandra /tls/cassandra/server.p12" "600 kafka /tls/kafka/server.p12" "644 root /tls/ca.pem" \
  "644 root /tls/truststore.p12" "700 cassandra /tls/cassandra" "700 kafka /tls/kafka" | sort >"$OUT/tls-files.expected"
diff "$OUT/tls-files.expected" "$OUT/tls-files.txt" >/dev/null || fail "the volume tls holds: $(tr '\n' ';' <"$OUT/tls-files.txt")"
for s in kafka cassandra; do
  compose exec -T "$s" sh -c "keytool -list -keystore /tls/$s/server.p12 -storetype PKCS12 -storepass:env TLS_KEYSTORE_PASSWORD" \
    >"$OUT/keystore-$s.txt" 2>&1 || fail "keytool -list of $s's key store: $(tail -1 "$OUT/keystore-$s.txt")"
  grep -q "Your keystore contains 1 entry" "$OUT/keystore-$s.txt" && grep -q "^server, .*PrivateKeyEntry" "$OUT/keystore-$s.txt" \
    || fail "$s's key store holds more than its own key: $(grep -c Entry "$OUT/keystore-$s.txt") entries"
done
# no other user reads a server's key: not the application's (a one-off of its image), not the other server
readable="$(compose run --rm -T cli sh -c 'for f in /tls/kafka/server.p12 /tls/cassandra/server.p12; do
    cat "$f" >/dev/null 2>&1 && echo "trendoff reads $f"; done; true' 2>>"$OUT/one-offs.log")"
readable+="$(compose exec -T kafka sh -c 'cat /tls/cassandra/server.p12 >/dev/null 2>&1 && echo "kafka reads cassandra"; true')"
readable+="$(compose exec -T cassandra sh -c 'cat /tls/kafka/server.p12 >/dev/null 2>&1 && echo "cassandra reads kafka"; true')"
[ -z "$readable" ] || fail "a private key is readable by another user: $readable"
log "the volume tls: the CA certificate, a key for kafka and one for cassandra, each its server's only; no CA key"

# Spark: a driver with a wrong shared secret gets nothing from the master
SPARK_REFUSED=$SECONDS
if compose run --rm -e SPARK_AUTHENTICATE_SECRET=WrongSecretWrongSecretWrong0 recompute-once >"$OUT/spark-refused.log" 2>&1; then
  fail "a driver with a wrong Spark secret ran a recompute"
fi
grep -Eiq 'unresponsive|authenticat|giving up' "$OUT/spark-refused.log" \
  || fail "the driver with a wrong Spark secret failed for another reason: $(grep -v '^\s*at ' "$OUT/spark-refused.log" | tail -n 3)"
log "refused: a Spark driver with a wrong secret ($((SECONDS - SPARK_REFUSED)) s): $(grep -Eio -m1 '[^:]*(unresponsive|authenticat|giving up)[^.]*' "$OUT/spark-refused.log" | cut -c1-140)"

# no secret on any container's command line: what the engine was given (podman/docker inspect) and every
# process seen inside the containers (ps, every 10 s since the first up)
no_secret_on_command_lines() {
  for c in $(engine ps -a -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME"); do
    engine inspect --format '{{.Name}} {{json .Path}} {{json .Args}} {{json .Config.Cmd}} {{json .Config.Entrypoint}} {{json .Config.Healthcheck}}' "$c"
  done >"$OUT/inspect-commands.txt"
  [ -z "$(leaks "$OUT/inspect-commands.txt")" ] || fail "a secret in a container's command (inspect): $(leaks "$OUT/inspect-commands.txt")"
  [ -z "$(leaks "$OUT/cmdlines.txt")" ] || fail "a secret on a process's command line: $(leaks "$OUT/cmdlines.txt")"
  for seen in "kafka.Kafka" "org.apache.cassandra.service.CassandraDaemon" "org.apache.spark.deploy.master.Master" \
      "org.apache.spark.deploy.worker.Worker" "org.apache.spark.deploy.SparkSubmit" "dev.trendoff.cli.Main serve" \
      "CoarseGrainedExecutorBackend"; do
    grep -qF -- "$seen" "$OUT/cmdlines.txt" || fail "the command lines sampled never showed $seen"
  done
  # the executors run with Spark's authentication and encryption
  grep -F CoarseGrainedExecutorBackend "$OUT/cmdlines.txt" >"$OUT/executor-cmdlines.txt"
  for flag in -Dspark.authenticate=true -Dspark.network.crypto.enabled=true; do
    if grep -vqF -- "$flag" "$OUT/executor-cmdlines.txt"; then fail "an executor without $flag"; fi
  done
  log "no secret on a command line: $(wc -l <"$OUT/inspect-commands.txt") containers inspected, $(wc -l <"$OUT/cmdlines.txt") process command lines sampled"
}
no_secret_on_command_lines

# ---- backup of Cassandra -------------------------------------------------------------------------------
TAG="trendoff-$(date +%F)"
# runbook: the three backup commands
compose exec -T cassandra nodetool snapshot -t "$TAG" trendoff >>"$OUT/test.log" 2>&1 || fail "nodetool snapshot"
compose exec -T cassandra sh -c "cd /var/lib/cassandra/data && tar -cz trendoff/*/snapshots/$TAG" >"$OUT/backup.tgz" \
  || fail "backup archive"
compose exec -T cassandra nodetool clearsnapshot -t "$TAG" -- trendoff >>"$OUT/test.log" 2>&1 || fail "nodetool clearsnapshot"
tar -tzf "$OUT/backup.tgz" >"$OUT/backup-files.txt"
grep -q "^trendoff/tweets-[0-9a-f]*/snapshots/$TAG/.*-Data.db$" "$OUT/backup-files.txt" \
  || fail "the backup holds no Data.db of the master table"
log "backup: $(wc -c <"$OUT/backup.tgz") bytes, $(grep -c 'Data.db$' "$OUT/backup-files.txt") data files"

# ---- the Cassandra volume lost, restored from the backup ---------------------------------------------
log "restore: the Cassandra volume removed, a new node, the schema, the backup imported"
RESTORE=$SECONDS
# runbook: the restore commands
compose stop speed-layer batch-ingest recompute serve >>"$OUT/test.log" 2>&1 || fail "stop before the restore"
compose rm -f -s cassandra >>"$OUT/test.log" 2>&1 || fail "rm cassandra"
docker_cli volume rm "${COMPOSE_PROJECT_NAME}_cassandra-data" >>"$OUT/test.log" 2>&1 || fail "volume rm"
compose run --rm schema >>"$OUT/test.log" 2>&1 || fail "schema on the new node"
compose exec -T cassandra restore-snapshot "$TAG" <"$OUT/backup.tgz" >"$OUT/restore.txt" 2>&1 \
  || fail "restore-snapshot: $(tail -5 "$OUT/restore.txt")"
compose up -d >>"$OUT/test.log" 2>&1 || fail "up -d after the restore"
wait_healthy 900
wait_exact "after the restore" 300 any "$P1" "$P2"
figure "restore of the Cassandra volume (stop, new node, schema, import, up) -> exact: $((SECONDS - RESTORE)) s"

# ---- new secrets and new TLS keys; the whole compose down and up: the volumes keep everything -----------
log "every secret new, new TLS keys; down, then up -d"
cp "$OUT/ca.pem" "$OUT/old-ca.pem"
OLD_KAFKA_PASSWORD="$(sed -n 's/^KAFKA_TRENDOFF_PASSWORD=//p' docker/trendoff.env)"
OLD_CASSANDRA_PASSWORD="$(sed -n 's/^CASSANDRA_TRENDOFF_PASSWORD=//p' docker/trendoff.env)"
# runbook: new values: empty them in the env file, docker/make-env.sh fills them
for name in KAFKA_TRENDOFF_PASSWORD KAFKA_ADMIN_PASSWORD CASSANDRA_TRENDOFF_PASSWORD SPARK_AUTHENTICATE_SECRET \
    TLS_KEYSTORE_PASSWORD TLS_TRUSTSTORE_PASSWORD; do
  sed -i "s/^$name=.*/$name=/" docker/trendoff.env
done
# runbook: the superuser's: the old one kept as CASSANDRA_SUPERUSER_PASSWORD_PREVIOUS, for cassandra-roles to log in with
sed -i 's/^CASSANDRA_SUPERUSER_PASSWORD=/CASSANDRA_SUPERUSER_PASSWORD_PREVIOUS=/' docker/trendoff.env
docker/make-env.sh >>"$OUT/test.log"
# every secret, old and new, is looked for from here on
(umask 077; grep -E '^[A-Z][A-Z0-9_]*_(PASSWORD|SECRET)=' docker/trendoff.env | cut -d= -f2- >>"$SECRETS")
# runbook: Kafka's users first, in the running broker: trendoff, then admin
for user in trendoff admin; do
  sed -n "s/^KAFKA_${user^^}_PASSWORD=//p" docker/trendoff.env | compose exec -T kafka kafka-scram-password "$user" \
    >>"$OUT/test.log" 2>&1 || fail "kafka-scram-password $user: $(tail -n 2 "$OUT/test.log")"
done
# runbook: docker compose -f docker/compose.yaml down
compose down >>"$OUT/test.log" 2>&1 || fail "down"
RESTART=$SECONDS
# runbook: docker volume rm trendoff_tls
docker_cli volume rm "${COMPOSE_PROJECT_NAME}_tls" >>"$OUT/test.log" 2>&1 || fail "volume rm ${COMPOSE_PROJECT_NAME}_tls"
# runbook: docker compose -f docker/compose.yaml up -d
compose up -d >>"$OUT/test.log" 2>&1 || fail "up -d after down"
wait_healthy 900
figure "new secrets and keys, restart (down; up -d) -> every service healthy: $((SECONDS - RESTART)) s"
compose logs --no-color cassandra-roles >"$OUT/cassandra-roles.log" 2>&1
grep -q "superuser cassandra given its new password" "$OUT/cassandra-roles.log" \
  || fail "cassandra-roles did not give the superuser its new password: $(tail -n 3 "$OUT/cassandra-roles.log")"
wait_exact "after the restart" 300 any "$P1" "$P2"
figure "restart -> first exact compare-users: $((SECONDS - RESTART)) s"
# the old passwords and the old CA no longer work (the old values come from this script's environment, not its command line)
(export KAFKA_TRENDOFF_PASSWORD="$OLD_KAFKA_PASSWORD" CASSANDRA_TRENDOFF_PASSWORD="$OLD_CASSANDRA_PASSWORD"
 refused "Kafka at kafka:9092 refused the credentials of user 'trendoff' (SCRAM-SHA-512" \
   -e KAFKA_TRENDOFF_PASSWORD cli "${PROBE[@]}"
 refused "Cassandra at cassandra:9042 refused the credentials of user 'trendoff'" \
   -e CASSANDRA_TRENDOFF_PASSWORD cli ./trendoff compare-users alice bob)
compose run --rm -T cli cat /tls/ca.pem >"$OUT/ca.pem" 2>>"$OUT/one-offs.log" || fail "cat /tls/ca.pem"
cmp -s "$OUT/ca.pem" "$OUT/old-ca.pem" && fail "the volume tls holds the old CA after its removal"
tls_from_host "$OUT/old-ca.pem" untrusted
tls_from_host "$OUT/ca.pem" ok
produce "$P3"
wait_exact "part 3 after the restart" 600 any "$P1" "$P2" "$P3"
wait_layers 600
log "the recompute loop's rounds so far: $(compose logs --no-color recompute | grep -oE 'recompute: (version [0-9]+ published|version [0-9]+ NOT|skipped|failed)' | sed -E 's/version [0-9]+ //' | sort | uniq -c | tr -s ' \n' ' ')"
# one more by hand, then all three parts from the batch view
recompute_once "parts 1-3"
wait_exact "after the second recompute" 120 any "$P1" "$P2" "$P3"
[ "$(jq '.view.version' "$OUT/answer.json")" != "$VERSION" ] || fail "the second recompute published no new version"

# ---- upgrade with nothing changed: no container is recreated -------------------------------------------
before="$(for s in "${SERVICES[@]}"; do cid "$s"; done)"
# runbook: git pull && docker compose -f docker/compose.yaml up -d --build
compose up -d --build >>"$OUT/test.log" 2>&1 || fail "up -d --build (upgrade)"
after="$(for s in "${SERVICES[@]}"; do cid "$s"; done)"
[ "$before" = "$after" ] || fail "up -d --build recreated containers with nothing changed"
wait_healthy 300
exact any "$P1" "$P2" "$P3" || fail "not exact after the upgrade: $(cat "$OUT/check.txt")"
log "upgrade with nothing changed: the same containers, still exact"

# ---- no secret in a log, nor on a command line since the first check ---------------------------------
compose logs --no-color >"$OUT/compose-logs.txt" 2>&1
compose exec -T spark-worker sh -c 'cat /opt/spark/work/*/*/std*' >"$OUT/executor-logs.txt" 2>&1 || true
compose run --rm -T cli sh -c 'cat var/log/* var/rejects/* 2>/dev/null' >"$OUT/trendoff-var-logs.txt" 2>>"$OUT/one-offs.log" || true
for f in compose-logs.txt executor-logs.txt trendoff-var-logs.txt one-offs.log; do
  [ -z "$(leaks "$OUT/$f")" ] || fail "a secret in $f: $(leaks "$OUT/$f")"
done
log "no secret in the logs: $(cat "$OUT/compose-logs.txt" "$OUT/executor-logs.txt" "$OUT/trendoff-var-logs.txt" | wc -l) lines"
no_secret_on_command_lines

# ---- down -v -------------------------------------------------------------------------------------------
if [ "${TRENDOFF_COMPOSE_TEST_KEEP:-0}" != 1 ]; then
  compose --profile tools down -v >>"$OUT/test.log" 2>&1 || fail "down -v"
  left="$(engine volume ls -q | grep -c "^${COMPOSE_PROJECT_NAME}_" || true)"
  [ "$left" = 0 ] || fail "$left volumes left after down -v"
fi
figure "whole test: $((SECONDS - START)) s"
exit 0
}
