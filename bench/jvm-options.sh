#!/bin/sh
# Prints the JVM options a build ships with, so every bench measures the JVM as it runs on a node, not a default one:
# the launcher's (bin/regolancer-orchestrator, which the systemd unit runs) or, for a build from before the launcher,
# the unit's ExecStart. Usage: bench/jvm-options.sh [BUILD_DIR] (default: this checkout). Fails loudly without them.
dir=${1:-$(dirname "$0")/..}
if [ -f "$dir/bin/regolancer-orchestrator" ]; then
  opts=$(sed -n 's/^JVM_OPTS="\(.*\)"$/\1/p' "$dir/bin/regolancer-orchestrator")
else
  opts=$(sed -n 's/^ExecStart=[^ ]*java \(.*\) -jar .*/\1/p' "$dir/systemd/regolancer-orchestrator.service" | sed 's/ -Dlog.journal=true//')
fi
[ -n "$opts" ] || { echo "bench/jvm-options.sh: no JVM options found in $dir (bin/regolancer-orchestrator or the unit)" >&2; exit 1; }
printf '%s\n' "$opts"
