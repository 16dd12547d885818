#!/usr/bin/env bash
# The broker's health check: it logs in on the client listener as clients do (SASL_SSL, SCRAM-SHA-512 as the
# broker's own user "admin", the certificate checked against the deployment's CA under the name "kafka")
# and gets an answer to an ApiVersions request (Kafka's own kafka-broker-api-versions tool, which exits 0
# even when a broker fails: its answer is what counts). The login comes from the file start-kafka.sh wrote
# (/dev/shm/kafka/admin.properties, mode 600), never from this command line.
java -Xmx64m -XX:TieredStopAtLevel=1 -Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.xml \
  -cp '/opt/kafka/libs/*' org.apache.kafka.tools.BrokerApiVersionsCommand --bootstrap-server kafka:9092 \
  --command-config /dev/shm/kafka/admin.properties 2>/dev/null \
  | grep -q -- '-> ('
