#!/bin/sh
# Runs the pipeline load driver (see README.md): broker, PostgreSQL and the exchange service in one process,
# then the four measurements and a summary table. Arguments (--name=value) go to the driver.
set -e
cd "$(dirname "$0")/.."
if [ ! -f benchmarks/target/benchmarks.jar ]; then
  ./mvnw -q -pl benchmarks -am package -DskipTests
fi
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx4g \
  -Dorg.apache.avro.SERIALIZABLE_PACKAGES=java.lang,java.math,java.io,java.net,org.apache.avro.reflect,exchange.v1 \
  -cp benchmarks/target/benchmarks.jar org.safeguarding.exchange.benchmarks.PipelineLoadDriver "$@"
