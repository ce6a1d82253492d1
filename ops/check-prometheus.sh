#!/usr/bin/env bash
# Validates the Prometheus config, the alert rules (syntax and their unit tests in
# alerts.test.yml) and the PromQL of every dashboard query, with promtool.
# Installs Debian's prometheus package (for promtool) when it is missing.
# Usage: ops/check-prometheus.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root/ops"

if ! command -v promtool > /dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "check-prometheus: promtool is missing and this is not root; install it with:" >&2
        echo "  sudo apt-get install -y --no-install-recommends prometheus" >&2
        exit 2
    fi
    echo "check-prometheus: installing Debian's prometheus package for promtool"
    apt-get update -qq > /dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus > /dev/null
fi

promtool check config prometheus/prometheus.yml
promtool test rules prometheus/alerts.test.yml

# Dashboard queries: Grafana's variables replaced by plain values, each query checked as a
# recording rule so promtool parses it.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - grafana/dashboards/lurewatch.json > "$work/dashboard-queries.yml" <<'PY'
import json, re, sys

def exprs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "expr" and isinstance(value, str):
                yield value
            else:
                yield from exprs(value)
    elif isinstance(node, list):
        for item in node:
            yield from exprs(item)

dashboard = json.load(open(sys.argv[1]))
rules = []
for i, expr in enumerate(exprs(dashboard)):
    expr = expr.replace("$__rate_interval", "1m").replace("$__range", "1h")
    expr = re.sub(r"\$\{?[A-Za-z_][A-Za-z0-9_]*\}?", ".*", expr)
    rules.append({"record": "dashboard:query_%d" % i, "expr": expr})
print(json.dumps({"groups": [{"name": "dashboard", "rules": rules}]}))
PY
promtool check rules "$work/dashboard-queries.yml"
echo "check-prometheus: config, rules, rule tests and dashboard queries are valid"
