#!/usr/bin/env bash
# The Kafka broker of the one-host deployment: one KRaft node that is broker and controller, configured as
# the local stack configures it (local-stack/src/main/java/dev/trendoff/localstack/KafkaNode.java) but
# listening on the compose network as "kafka". Topic auto-creation is off: `./trendoff topics` creates them.
# Environment: KAFKA_HEAP (default 1g), KAFKA_LOG_RETENTION_HOURS (default 168).
set -euo pipefail
DATA=/var/lib/kafka/data
CONF=/opt/kafka/config/server.properties
cat > "$CONF" <<PROPERTIES
# written by start-kafka.sh at every start
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:9093
listeners=PLAINTEXT://0.0.0.0:9092,CONTROLLER://127.0.0.1:9093
advertised.listeners=PLAINTEXT://kafka:9092
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
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

CP='/opt/kafka/libs/*'
if [ ! -f "$DATA/meta.properties" ]; then
  # a new volume: format it once, with a cluster id of its own (static voters: no --standalone)
  cluster_id="$(java -Xmx128m -Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.xml -cp "$CP" \
    kafka.tools.StorageTool random-uuid)"
  java -Xmx256m -Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.xml -cp "$CP" \
    kafka.tools.StorageTool format -t "$cluster_id" -c "$CONF"
fi
heap="${KAFKA_HEAP:-1g}"
exec java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
  -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true -Djava.net.preferIPv4Stack=true \
  -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.xml -Dkafka.logs.dir=/tmp \
  -cp "$CP" kafka.Kafka "$CONF"
