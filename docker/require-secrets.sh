# Sourced by the start scripts of every image (docker/Dockerfile copies it to /usr/local/lib/trendoff/):
#   require_secrets NAME...
# Each named environment variable (from docker/trendoff.env) must be set, at least 16 characters long
# and letters and digits only: the values go unquoted into Kafka's JAAS lines and SCRAM arguments,
# Java properties files and YAML. The message names the variable, never a value.
require_secrets() {
  local name value
  for name in "$@"; do
    value="$(printenv "$name" || true)"
    case "$value" in
      "")
        echo "${0##*/}: $name is not set: docker/trendoff.env holds the deployment's secrets (docker/make-env.sh fills in missing ones)" >&2
        exit 1 ;;
      *[!A-Za-z0-9]*)
        echo "${0##*/}: $name in docker/trendoff.env must be letters and digits only (docker/make-env.sh makes such secrets)" >&2
        exit 1 ;;
    esac
    if [ "${#value}" -lt 16 ]; then
      echo "${0##*/}: $name in docker/trendoff.env is shorter than 16 characters (docker/make-env.sh makes 32)" >&2
      exit 1
    fi
  done
}
