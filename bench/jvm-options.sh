#!/bin/sh
# Prints the JVM options the daemon ships with (the systemd unit's), so every bench measures the JVM as it runs on a
# node, not a default one. Fails loudly when it cannot find them.
cd "$(dirname "$0")/.." || exit 1
opts=$(sed -n 's/^ExecStart=[^ ]*java \(.*\) -jar .*/\1/p' systemd/regolancer-orchestrator.service)
[ -n "$opts" ] || { echo "bench/jvm-options.sh: no JVM options found in systemd/regolancer-orchestrator.service" >&2; exit 1; }
printf '%s\n' "$opts"
