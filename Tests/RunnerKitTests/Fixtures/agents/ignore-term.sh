#!/bin/sh
# Writes its pid to $1, ignores SIGTERM (its children inherit that) and never answers.
trap '' TERM
echo $$ > "$1"
while :; do sleep 1; done
