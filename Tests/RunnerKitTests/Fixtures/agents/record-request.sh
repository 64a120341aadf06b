#!/bin/sh
# Copies the request it receives to the file named by $1 and the arguments after it to $1.args,
# the variable EROS_AGENT_TEST_VALUE to $1.env, then answers as a generator of creator c1.
out="$1"
shift
cat > "$out"
printf '%s\n' "$@" > "$out.args"
printf '%s' "$EROS_AGENT_TEST_VALUE" > "$out.env"
echo '{"items":[],"followups":[]}'
