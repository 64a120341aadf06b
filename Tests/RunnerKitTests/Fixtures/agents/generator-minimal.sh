#!/bin/sh
# Answers any generator request with a one-item schedule in week 2026-01-05: well formed, but
# far short of the diversity gate.
cat > /dev/null
echo '{"items":[{"send_type_key":"ppv_unlock","caption_id":null,"content_type":"solo","scheduled_date":"2026-01-05","scheduled_time":"19:07","price":15,"flyer_required":1,"channel_key":"mass_message"}],"followups":[]}'
