#!/usr/bin/env python3
"""A small external agent for the EROS runner (agent protocol version 1).

Reads one request JSON object on stdin and writes one response JSON object on stdout.

- role generator: derives a week from the request's creator context: one item for each of
  up to 13 send types allowed on the page (5 revenue, 5 engagement, 3 retention), spread over
  the 7 days at fixed, well-separated times, with eligible content types, the type's channel
  and flyer flag, prices inside the type's typical range, and one follow-up on the first PPV.
- role validator: approves a schedule whose every entry uses an eligible content type;
  otherwise rejects it, naming each offending entry by its index (items, then follow-ups).

Diagnostics go to stderr; the exit status is 0 on success. Standard library only.
"""
import json
import sys
from datetime import date, timedelta

TIMES = ["09:13", "12:37", "15:49", "19:07", "21:23"]


def generate(request):
    context = request["context"]
    page_type = context["page_type"]
    eligible = context["eligible_content"] or context["vault_types"]
    floor = context["pricing_config"]["price_floor"]
    ceiling = context["pricing_config"]["price_ceiling"]
    wanted = {"revenue": 5, "engagement": 5, "retention": 3 if page_type == "paid" else 0}
    chosen = []
    for constraint in context["send_type_constraints"]:
        category = constraint["category"]
        key = constraint["send_type_key"]
        if key == "ppv_followup" or page_type not in constraint["page_types"]:
            continue
        if wanted.get(category, 0) > 0:
            wanted[category] -= 1
            chosen.append(constraint)
    week = date.fromisoformat(request["week_start"])
    items = []
    for index, constraint in enumerate(chosen):
        day, slot = index % 7, index // 7
        price = None
        if constraint["requires_price"]:
            low, high = constraint.get("typical_price") or [floor, ceiling]
            price = round(min(max((low + high) / 2, floor), ceiling), 2)
        items.append({
            "send_type_key": constraint["send_type_key"],
            "caption_id": None,
            "content_type": eligible[index % len(eligible)],
            "scheduled_date": (week + timedelta(days=day)).isoformat(),
            "scheduled_time": TIMES[(slot * 2 + day) % len(TIMES)],
            "price": price,
            "flyer_required": 1 if constraint["requires_flyer"] else 0,
            "channel_key": constraint["channel_key"],
        })
    items.sort(key=lambda item: (item["scheduled_date"], item["scheduled_time"]))
    followups = []
    for index, item in enumerate(items):
        if item["send_type_key"] == "ppv_unlock":
            hour, minute = map(int, item["scheduled_time"].split(":"))
            total = hour * 60 + minute + 24
            followups.append({
                "parent_item_index": index,
                "send_type_key": "ppv_followup",
                "scheduled_date": item["scheduled_date"],
                "scheduled_time": "%02d:%02d" % (total // 60, total % 60),
                "delay_minutes": 24,
                "caption_id": None,
                "content_type": item["content_type"],
                "price": None,
                "flyer_required": 0,
                "channel_key": "targeted_message",
            })
            break
    return {
        "creator_id": request["creator_id"],
        "week_start": request["week_start"],
        "timezone": context["timezone"],
        "items": items,
        "followups": followups,
        "warnings": [],
    }


def validate(request):
    eligible = set(request["context"]["eligible_content"])
    schedule = request["schedule"]
    entries = schedule["items"] + schedule["followups"]
    violations = [
        {"code": "INELIGIBLE_CONTENT", "message": "content type %r is not eligible" % entry.get("content_type"),
         "item_index": index}
        for index, entry in enumerate(entries)
        if entry.get("content_type") not in eligible
    ]
    return {
        "validation_status": "REJECTED" if violations else "APPROVED",
        "quality_score": 0 if violations else 85,
        "violations": violations,
        "recommendations": [] if violations else ["schedule-agent.py checks content eligibility only"],
    }


def main():
    request = json.load(sys.stdin)
    if request.get("protocol") != 1:
        print("unsupported protocol %r" % request.get("protocol"), file=sys.stderr)
        return 2
    answer = generate(request) if request["role"] == "generator" else validate(request)
    json.dump(answer, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
