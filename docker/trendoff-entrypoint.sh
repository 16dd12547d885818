#!/bin/sh
# Entry point of the trendoff image. A Spark process here (driver, master, worker) advertises this
# container's address on the compose network, which every other container reaches: Spark reads
# SPARK_LOCAL_HOSTNAME as its host name (the default spark.driver.host). Then runs the command.
if [ -z "${SPARK_LOCAL_HOSTNAME:-}" ]; then
  SPARK_LOCAL_HOSTNAME="$(hostname -i | cut -d' ' -f1)"
  export SPARK_LOCAL_HOSTNAME
fi
exec "$@"
