#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine: syntax, schema, depends_on conditions,
# and that every mounted ops file exists. Installs Debian's docker-compose when it is missing.
# Usage: ops/check-compose.sh        (from anywhere; CI calls it)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v docker-compose > /dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "check-compose: docker-compose is missing and this is not root; install it with:" >&2
        echo "  sudo apt-get install -y --no-install-recommends docker-compose" >&2
        exit 2
    fi
    echo "check-compose: installing Debian's docker-compose"
    apt-get update -qq > /dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose > /dev/null
fi

docker-compose -f docker-compose.yml config -q

# config -q does not look inside bind mounts; a missing file would only show when a container starts.
missing=0
for path in ops/prometheus/prometheus.yml ops/prometheus/alerts.yml ops/kafka/admin-client.properties \
            ops/grafana/provisioning/datasources ops/grafana/provisioning/dashboards \
            ops/grafana/dashboards/lurewatch.json Dockerfile mvnw; do
    if [ ! -e "$path" ]; then
        echo "check-compose: docker-compose.yml needs $path, which does not exist" >&2
        missing=1
    fi
done
[ "$missing" -eq 0 ]

echo "check-compose: docker-compose.yml is valid"
