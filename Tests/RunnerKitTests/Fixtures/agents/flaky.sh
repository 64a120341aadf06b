#!/bin/sh
# Fails (status 1) on the first call for the counter file $1, answers on later calls.
cat > /dev/null
if [ ! -e "$1" ]; then
  : > "$1"
  echo "first call fails" >&2
  exit 1
fi
echo '{"items":[],"followups":[]}'
