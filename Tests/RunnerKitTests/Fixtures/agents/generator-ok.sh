#!/bin/sh
# Reads the request and answers with a fixed two-entry schedule for creator c1, week 2026-01-05.
cat > /dev/null
cat <<'JSON'
{"creator_id":"c1","week_start":"2026-01-05","items":[{"send_type_key":"ppv_unlock","caption_id":12,"content_type":"solo","scheduled_date":"2026-01-05","scheduled_time":"19:07","price":15.0,"flyer_required":1,"channel_key":"mass_message"}],"followups":[{"parent_item_index":0,"send_type_key":"ppv_followup","scheduled_date":"2026-01-05","scheduled_time":"19:31","delay_minutes":24,"caption_id":null,"content_type":"solo","price":null,"flyer_required":0,"channel_key":"targeted_message"}],"warnings":[]}
JSON
