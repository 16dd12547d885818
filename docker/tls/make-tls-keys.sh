#!/usr/bin/env bash
# The deployment's TLS keys: the one-shot service `tls` of docker/compose.yaml (trendoff image, as root)
# makes them once into the volume mounted at /tls, as the secured local stack makes its own
# (local-stack/src/main/java/dev/trendoff/localstack/StackSecrets.java): a throwaway CA (EC P-256, the
# JDK's keytool) signs one certificate for Kafka (DNS name kafka) and one for Cassandra (cassandra), the
# names the other containers reach them by. The CA's private key only ever exists under /dev/shm (memory)
# and is deleted once it has signed, so nothing else can ever be issued under this trust.
#   /tls/truststore.p12         the CA certificate, every client's trust (TLS_TRUSTSTORE_PASSWORD); mode 644
#   /tls/ca.pem                 the same as PEM, for other tools (openssl s_client -CAfile); mode 644
#   /tls/kafka/server.p12       Kafka's key and chain (TLS_KEYSTORE_PASSWORD): the kafka user's only (600, in 700)
#   /tls/cassandra/server.p12   Cassandra's, likewise the cassandra user's only
# Passwords reach keytool through its environment (-storepass:env NAME), never its command line.
# Idempotent: when the stores exist, it checks that they open with the env file's passwords and keeps
# them. New keys (a new store password, certificates near their end: 825 days): docker/README.md.
set -euo pipefail
. /usr/local/lib/trendoff/require-secrets.sh
require_secrets TLS_KEYSTORE_PASSWORD TLS_TRUSTSTORE_PASSWORD
TLS=/tls
SERVERS=(kafka cassandra)

# keytool on the PKCS12 store $1 whose password is in the environment variable $2; its output, or on a
# failure one line of it and exit 1
kt() {
  local store="$1" pass="$2" out
  shift 2
  if ! out="$(keytool "$@" -keystore "$store" -storetype PKCS12 -storepass:env "$pass" 2>&1)"; then
    echo "make-tls-keys.sh: keytool $1 on $store failed: $(printf '%s' "$out" | grep -v '^$' | tail -n 1)" >&2
    exit 1
  fi
  printf '%s\n' "$out"
}
until_date() { kt "$1" TLS_KEYSTORE_PASSWORD -list -v -alias server | sed -n 's/^Valid from: .* until: //p' | head -n 1; }

complete=true
[ -f "$TLS/truststore.p12" ] || complete=false
for s in "${SERVERS[@]}"; do [ -f "$TLS/$s/server.p12" ] || complete=false; done

if [ "$complete" = true ]; then
  opens() { keytool -list -keystore "$1" -storetype PKCS12 -storepass:env "$2" >/dev/null 2>&1 \
    || { echo "make-tls-keys.sh: $1 does not open with $2: was it changed? (docker/README.md: new keys)" >&2; exit 1; }; }
  opens "$TLS/truststore.p12" TLS_TRUSTSTORE_PASSWORD
  for s in "${SERVERS[@]}"; do opens "$TLS/$s/server.p12" TLS_KEYSTORE_PASSWORD; done
  echo "tls: the keys exist; kafka's certificate valid until $(until_date "$TLS/kafka/server.p12"), cassandra's until $(until_date "$TLS/cassandra/server.p12")"
  exit 0
fi

# a tmpfs: the CA's private key never reaches a disk
work="$(mktemp -d /dev/shm/tls.XXXXXX)"
trap 'rm -rf "$work"' EXIT
ca="$work/ca.p12"
kt "$ca" TLS_KEYSTORE_PASSWORD -genkeypair -alias ca -keyalg EC -groupname secp256r1 \
  -dname "CN=trendoff deployment CA" -ext bc:c=ca:true -ext ku:c=keyCertSign,cRLSign -validity 3650 >/dev/null
kt "$ca" TLS_KEYSTORE_PASSWORD -exportcert -rfc -alias ca -file "$work/ca.pem" >/dev/null
for s in "${SERVERS[@]}"; do
  kt "$ca" TLS_KEYSTORE_PASSWORD -genkeypair -alias "$s" -keyalg EC -groupname secp256r1 -dname "CN=$s" \
    -ext "san=dns:$s" -ext eku=serverAuth -signer ca -validity 825 >/dev/null
  # the server's key and chain alone, in a store of its own
  kt "$work/$s.p12" TLS_KEYSTORE_PASSWORD -importkeystore -srckeystore "$ca" -srcstoretype PKCS12 \
    -srcstorepass:env TLS_KEYSTORE_PASSWORD -srcalias "$s" -destalias server -noprompt >/dev/null
done
kt "$work/truststore.p12" TLS_TRUSTSTORE_PASSWORD -importcert -noprompt -alias trendoff-ca -file "$work/ca.pem" >/dev/null
# the CA's private key goes: no other certificate can ever be issued under this trust
rm -f "$ca"

install -d -m 755 "$TLS"
for s in "${SERVERS[@]}"; do
  install -d -m 700 -o "$s" -g "$s" "$TLS/$s"
  install -m 600 -o "$s" -g "$s" "$work/$s.p12" "$TLS/$s/server.p12"
done
install -m 644 "$work/ca.pem" "$TLS/ca.pem"
# last: its presence with the two server stores means the set is complete
install -m 644 "$work/truststore.p12" "$TLS/truststore.p12"
echo "tls: made a CA (its private key deleted), certificates for ${SERVERS[*]} valid until $(until_date "$TLS/kafka/server.p12")"
