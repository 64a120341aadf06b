#!/bin/sh
# Prints 50 MB on stdout without reading its request.
yes '{"items":[],"followups":[]} padding padding padding padding' | head -c 52428800
