#!/bin/sh
# Forks a child that ignores SIGTERM and keeps running, writes both pids to $1, never answers.
(trap '' TERM; while :; do sleep 1; done) &
echo "$$ $!" > "$1"
sleep 1000
