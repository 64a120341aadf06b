#!/bin/sh
# Never runs: this file is deliberately not executable.
echo '{"items":[],"followups":[]}'
