#!/bin/sh
# Entry point of the trendoff image: every command of a trendoff container (Spark master and worker, the
# jobs' drivers and their executors, serve, the one-shots and one-offs) starts here, then runs as given.
# 1. A Spark process here (driver, master, worker) advertises this container's address on the compose
#    network, which every other container reaches: Spark reads SPARK_LOCAL_HOSTNAME as its host name (the
#    default spark.driver.host).
# 2. The deployment's secrets (docker/trendoff.env) become trendoff's client settings (docs/security.md) in
#    this process's environment: Kafka over SASL_SSL as user trendoff (TRENDOFF_KAFKA_CLIENT), Cassandra's
#    password and truststore password; a setting already given in the environment is left alone.
# 3. Spark's shared secret goes into a copy of Spark's configuration directory under /dev/shm (memory, mode
#    600), which every Spark process of this container reads (SPARK_CONF_DIR): spark-submit, the master and
#    the worker; the worker hands it to its executors in their environment. Never on a command line.
set -eu
. /usr/local/lib/trendoff/require-secrets.sh
require_secrets TLS_TRUSTSTORE_PASSWORD KAFKA_TRENDOFF_PASSWORD CASSANDRA_TRENDOFF_PASSWORD SPARK_AUTHENTICATE_SECRET

if [ -z "${SPARK_LOCAL_HOSTNAME:-}" ]; then
  SPARK_LOCAL_HOSTNAME="$(hostname -i | cut -d' ' -f1)"
  export SPARK_LOCAL_HOSTNAME
fi

if [ -z "${TRENDOFF_KAFKA_CLIENT:-}" ]; then
  jaas="org.apache.kafka.common.security.scram.ScramLoginModule required username=\\\"trendoff\\\" password=\\\"$KAFKA_TRENDOFF_PASSWORD\\\";"
  TRENDOFF_KAFKA_CLIENT="{\"security.protocol\": \"SASL_SSL\", \"sasl.mechanism\": \"SCRAM-SHA-512\", \"sasl.jaas.config\": \"$jaas\", \"ssl.truststore.location\": \"/tls/truststore.p12\", \"ssl.truststore.password\": \"$TLS_TRUSTSTORE_PASSWORD\", \"ssl.truststore.type\": \"PKCS12\"}"
  unset jaas
fi
: "${TRENDOFF_CASSANDRA_PASSWORD:=$CASSANDRA_TRENDOFF_PASSWORD}"
: "${TRENDOFF_CASSANDRA_SSL_TRUSTSTORE_PASSWORD:=$TLS_TRUSTSTORE_PASSWORD}"
export TRENDOFF_KAFKA_CLIENT TRENDOFF_CASSANDRA_PASSWORD TRENDOFF_CASSANDRA_SSL_TRUSTSTORE_PASSWORD

SPARK_CONF_DIR=/dev/shm/spark-conf
umask 077
rm -rf "$SPARK_CONF_DIR"
mkdir -p "$SPARK_CONF_DIR"
cp /opt/spark/conf/* "$SPARK_CONF_DIR/"
printf 'spark.authenticate.secret                %s\n' "$SPARK_AUTHENTICATE_SECRET" >>"$SPARK_CONF_DIR/spark-defaults.conf"
umask 022
export SPARK_CONF_DIR

exec "$@"
