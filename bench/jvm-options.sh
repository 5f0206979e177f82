#!/bin/sh
# Prints the JVM options the daemon ships with (the launcher's, bin/regolancer-orchestrator, which the systemd unit
# runs), so every bench measures the JVM as it runs on a node, not a default one. Fails loudly when it cannot find them.
cd "$(dirname "$0")/.." || exit 1
opts=$(sed -n 's/^JVM_OPTS="\(.*\)"$/\1/p' bin/regolancer-orchestrator)
[ -n "$opts" ] || { echo "bench/jvm-options.sh: no JVM_OPTS line found in bin/regolancer-orchestrator" >&2; exit 1; }
printf '%s\n' "$opts"
