#!/usr/bin/env bash
# The broker's health check: it answers an ApiVersions request on its client listener (Kafka's own
# kafka-broker-api-versions tool, which exits 0 even when a broker fails: its answer is what counts).
java -Xmx64m -XX:TieredStopAtLevel=1 -Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.xml \
  -cp '/opt/kafka/libs/*' org.apache.kafka.tools.BrokerApiVersionsCommand --bootstrap-server 127.0.0.1:9092 2>/dev/null \
  | grep -q -- '-> ('
