#!/bin/sh
# Fails like a crashed agent: a message on stderr and status 3.
cat > /dev/null
echo "model quota exhausted" >&2
exit 3
