#!/usr/bin/env bash
# The Cassandra node of the one-host deployment, started as the local stack starts its node
# (local-stack/src/main/java/dev/trendoff/localstack/CassandraNode.java: same main class, module flags,
# logging) but for production: 16 tokens, Cassandra's own memtable and cache sizing, data on the volume
# /var/lib/cassandra, CQL on every interface of the container (the compose network), advertised at the
# container's address. The storage port (gossip, internode messages: plain text) is on 127.0.0.1 of this
# container only, where nothing else reaches it: a one-node cluster has no peer. JMX is local too (nodetool
# inside this container).
# Secured as the local stack secures its node: PasswordAuthenticator and CassandraAuthorizer; clients only
# over TLS (client_encryption_options enabled, not optional) with the certificate /tls/cassandra/server.p12
# that names "cassandra". A new node's superuser "cassandra" has the well-known password "cassandra" at once
# (superuser_setup_delay_ms=0) until the one-shot cassandra-roles gives it its own (docs/security.md).
# Environment (docker/trendoff.env): CASSANDRA_HEAP (default 4g), CASSANDRA_CLUSTER_NAME (default trendoff),
# the secrets TLS_KEYSTORE_PASSWORD and TLS_TRUSTSTORE_PASSWORD. cassandra.yaml holds the keystore's
# password: it is written under /dev/shm (memory, this container's), mode 600.
set -euo pipefail
. /usr/local/lib/trendoff/require-secrets.sh
require_secrets TLS_KEYSTORE_PASSWORD TLS_TRUSTSTORE_PASSWORD
DATA=/var/lib/cassandra
CONF=/opt/cassandra/conf
RUN=/dev/shm/cassandra
umask 077
mkdir -p "$RUN"
address="$(hostname -i | cut -d' ' -f1)"
mkdir -p "$DATA/data" "$DATA/commitlog" "$DATA/saved_caches" "$DATA/hints" "$DATA/cdc_raw" "$DATA/triggers"
cat > "$RUN/cassandra.yaml" <<YAML
# written by start-cassandra.sh at every start
cluster_name: '${CASSANDRA_CLUSTER_NAME:-trendoff}'
num_tokens: 16
allocate_tokens_for_local_replication_factor: 1
partitioner: org.apache.cassandra.dht.Murmur3Partitioner
endpoint_snitch: SimpleSnitch
seed_provider:
  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
    parameters:
      - seeds: "127.0.0.1"
listen_address: 127.0.0.1
rpc_address: 0.0.0.0
broadcast_rpc_address: $address
storage_port: 7000
start_native_transport: true
native_transport_port: 9042
data_file_directories:
  - $DATA/data
commitlog_directory: $DATA/commitlog
saved_caches_directory: $DATA/saved_caches
hints_directory: $DATA/hints
cdc_raw_directory: $DATA/cdc_raw
# the only copy of the data: acknowledge a write once its commit log is synced (a crash loses nothing acknowledged)
commitlog_sync: batch
concurrent_compactors: 2
authenticator:
  class_name: org.apache.cassandra.auth.PasswordAuthenticator
authorizer: CassandraAuthorizer
role_manager: CassandraRoleManager
client_encryption_options:
  enabled: true
  optional: false
  keystore: /tls/cassandra/server.p12
  keystore_password: $TLS_KEYSTORE_PASSWORD
  truststore: /tls/truststore.p12
  truststore_password: $TLS_TRUSTSTORE_PASSWORD
  store_type: PKCS12
  require_client_auth: false
disk_failure_policy: stop
commit_failure_policy: stop
YAML
umask 022
heap="${CASSANDRA_HEAP:-4g}"
exec java -Xms"$heap" -Xmx"$heap" -Xss256k -XX:+UseG1GC -XX:+ParallelRefProcEnabled -XX:MaxTenuringThreshold=1 \
  -XX:MaxGCPauseMillis=300 -XX:+IgnoreUnrecognizedVMOptions -XX:-OmitStackTraceInFastThrow -XX:+ExitOnOutOfMemoryError \
  -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true @"$CONF/jvm17.options" \
  -Dio.netty.tryReflectionSetAccessible=true -Dio.netty.allocator.useCacheForAllThreads=true -Dio.netty.allocator.maxOrder=11 \
  -Dcassandra-foreground=yes -Dcassandra.config="file://$RUN/cassandra.yaml" -Dcassandra.storagedir="$DATA" \
  -Dcassandra.logdir="$DATA/log" -Dcassandra.triggers_dir="$DATA/triggers" -Dlogback.configurationFile="$CONF/logback.xml" \
  -Dcassandra.jmx.local.port=7199 -Dcassandra.superuser_setup_delay_ms=0 \
  -cp "$CONF:/opt/cassandra/lib/*" org.apache.cassandra.service.CassandraDaemon
