#!/bin/sh
# Reads the request and judges any schedule NEEDS_REVIEW with one violation on entry 0.
cat > /dev/null
echo '{"validation_status":"NEEDS_REVIEW","quality_score":72,"violations":[{"code":"TONE","message":"caption tone off","item_index":0}],"recommendations":["vary captions"]}'
