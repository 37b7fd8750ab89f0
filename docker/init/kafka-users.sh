#!/bin/bash
# Creates the stack's Kafka users (SCRAM-SHA-512) and the Connect worker's ACLs, signing in as the brokers'
# administrator. The directory's ACLs (the service's and each agency's) come next, from the exchange's own tool
# (the kafka-acls service in compose.yaml). Safe to run again: a user's password is set, an ACL added, once.
set -euo pipefail
KAFKA=/opt/kafka/bin
CONFIG=$(mktemp)
trap 'rm -f "$CONFIG"' EXIT
chmod 600 "$CONFIG"
cat > "$CONFIG" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPERTIES

until "$KAFKA/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --list > /dev/null 2>&1; do
  echo "Waiting for the Kafka cluster at $BOOTSTRAP..."
  sleep 2
done

scram_user() {
  "$KAFKA/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --alter \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" --entity-type users --entity-name "$1" > /dev/null
  echo "Kafka user $1"
}

scram_user exchange-service "$KAFKA_EXCHANGE_PASSWORD"
scram_user connect "$KAFKA_CONNECT_PASSWORD"
# One line per agency: <agency code in lower case>=<password>.
while IFS='=' read -r user password; do
  case "$user" in ''|\#*) continue ;; esac
  scram_user "$user" "$password"
done < /run/secrets/kafka_agency_users

# The Connect worker: its own internal topics and group. A connector that reads or writes the exchange's topics needs
# ACLs of its own for them, granted here when it is deployed.
acl() { "$KAFKA/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --add --allow-principal User:connect "$@" > /dev/null; }
acl --operation All --topic connect- --resource-pattern-type prefixed
acl --operation All --group connect- --resource-pattern-type prefixed
acl --operation All --transactional-id connect- --resource-pattern-type prefixed
echo "Kafka users and Connect's ACLs are in place"
