#!/bin/sh
# Valid JSON, wrong shape: the fourth item's price is a string.
cat > /dev/null
echo '{"items":[{"send_type_key":"ppv_unlock"},{},{},{"send_type_key":"bump_normal","price":"12"}],"followups":[]}'
