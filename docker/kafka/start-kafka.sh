#!/usr/bin/env bash
# The Kafka broker of the one-host deployment: one KRaft node that is broker and controller, configured as
# the local stack configures a secured one (local-stack/src/main/java/dev/trendoff/localstack/KafkaNode.java)
# but listening on the compose network as "kafka". Topic auto-creation is off: `./trendoff topics` creates them.
# Clients: SASL_SSL on 9092 (SCRAM-SHA-512, the certificate /tls/kafka/server.p12 that names "kafka"), users
# "trendoff" (the application) and "admin" (the broker's own inter-broker login, and the health check), both
# made when the volume is formatted. The KRaft controller listener is plain text on 127.0.0.1 inside this
# container only (docs/security.md).
# Environment (docker/trendoff.env): KAFKA_HEAP (default 1g), KAFKA_LOG_RETENTION_HOURS (default 168), and the
# secrets TLS_KEYSTORE_PASSWORD, TLS_TRUSTSTORE_PASSWORD, KAFKA_ADMIN_PASSWORD, KAFKA_TRENDOFF_PASSWORD.
# Files that hold a secret are written under /dev/shm (memory, this container's), mode 600, by the shell's
# builtins: no secret is ever on a command line.
set -euo pipefail
. /usr/local/lib/trendoff/require-secrets.sh
require_secrets TLS_KEYSTORE_PASSWORD TLS_TRUSTSTORE_PASSWORD KAFKA_ADMIN_PASSWORD KAFKA_TRENDOFF_PASSWORD
DATA=/var/lib/kafka/data
RUN=/dev/shm/kafka
umask 077
mkdir -p "$RUN"
CONF="$RUN/server.properties"
jaas() { printf 'org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";' "$1" "$2"; }
cat > "$CONF" <<PROPERTIES
# written by start-kafka.sh at every start
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:9093
listeners=SASL_SSL://0.0.0.0:9092,CONTROLLER://127.0.0.1:9093
advertised.listeners=SASL_SSL://kafka:9092
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_SSL
listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=$(jaas admin "$KAFKA_ADMIN_PASSWORD")
ssl.keystore.type=PKCS12
ssl.keystore.location=/tls/kafka/server.p12
ssl.keystore.password=$TLS_KEYSTORE_PASSWORD
ssl.key.password=$TLS_KEYSTORE_PASSWORD
ssl.truststore.type=PKCS12
ssl.truststore.location=/tls/truststore.p12
ssl.truststore.password=$TLS_TRUSTSTORE_PASSWORD
ssl.client.auth=none
log.dirs=$DATA
auto.create.topics.enable=false
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=${KAFKA_LOG_RETENTION_HOURS:-168}
PROPERTIES

# the health check's login (kafka-ready.sh): the broker's own user
cat > "$RUN/admin.properties" <<PROPERTIES
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$(jaas admin "$KAFKA_ADMIN_PASSWORD")
ssl.truststore.type=PKCS12
ssl.truststore.location=/tls/truststore.p12
ssl.truststore.password=$TLS_TRUSTSTORE_PASSWORD
PROPERTIES

CP='/opt/kafka/libs/*'
if [ ! -f "$DATA/meta.properties" ]; then
  # a new volume: format it once, with a cluster id of its own (static voters: no --standalone) and the
  # SCRAM users in its metadata. Their arguments hold the passwords, so java reads its whole command from
  # an argument file (java @FILE: ps shows only the file's name; the arguments after the main class are
  # not expanded from a file, so the main class is in it too), deleted once the format is done
  cluster_id="$(java -Xmx128m -Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.xml -cp "$CP" \
    kafka.tools.StorageTool random-uuid)"
  trap 'rm -f "$RUN/format.args"' EXIT
  {
    printf '%s\n' -Xmx256m -Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.xml kafka.tools.StorageTool \
      format -t "$cluster_id" -c "$CONF"
    printf -- '--add-scram\nSCRAM-SHA-512=[name=%s,password=%s]\n' admin "$KAFKA_ADMIN_PASSWORD" trendoff "$KAFKA_TRENDOFF_PASSWORD"
  } >"$RUN/format.args"
  CLASSPATH="$CP" java @"$RUN/format.args"
  rm -f "$RUN/format.args"
  trap - EXIT
fi
heap="${KAFKA_HEAP:-1g}"
exec java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
  -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true -Djava.net.preferIPv4Stack=true \
  -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.xml -Dkafka.logs.dir=/tmp \
  -cp "$CP" kafka.Kafka "$CONF"
