#!/bin/sh
# Writes its pid to $1, then never answers.
echo $$ > "$1"
cat > /dev/null
sleep 1000
