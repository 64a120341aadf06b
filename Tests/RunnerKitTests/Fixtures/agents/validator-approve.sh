#!/bin/sh
# Approves whatever it is asked to judge, with a score of 95.
cat > /dev/null
echo '{"validation_status":"APPROVED","quality_score":95,"violations":[],"recommendations":[]}'
