#!/usr/bin/env python3
"""Checks `runner execute --all --format json` output against the sample data's expected outcomes
(data-model.md §6.6): the 37 active sample creators run; empty_vault, all_avoid and new_creator
are blocked (NO_ELIGIBLE_CONTENT / READINESS_BLOCKED); every other active creator succeeds."""
import json
import sys

BLOCKED = {"empty_vault", "all_avoid", "new_creator"}
BLOCKED_CODES = {"NO_ELIGIBLE_CONTENT", "READINESS_BLOCKED"}

doc = json.load(open(sys.argv[1]))
names = json.load(open(sys.argv[2]))  # creator_id -> page_name, from `runner creators --format json`
runs = doc["runs"]
problems = []
seen = set()
for run in runs:
    page = names.get(run["creator_id"], run["creator_id"])
    seen.add(page)
    codes = {e.get("code") for e in run.get("errors", []) if isinstance(e, dict)}
    if page in BLOCKED:
        if run["status"] != "blocked" or not (codes & BLOCKED_CODES):
            problems.append(f"{page}: expected blocked with {sorted(BLOCKED_CODES)}, got {run['status']} {sorted(c for c in codes if c)}")
    elif run["status"] != "succeeded" or run.get("validation_status") not in ("APPROVED", "NEEDS_REVIEW"):
        problems.append(f"{page}: expected succeeded, got {run['status']} {run.get('validation_status')} {sorted(c for c in codes if c)}")
if len(runs) != 37:
    problems.append(f"expected 37 runs (active sample creators), got {len(runs)}")
summary = doc["summary"]
if summary.get("blocked") != 3 or summary.get("succeeded") != 34:
    problems.append(f"summary mismatch: {summary}")
for p in problems:
    print("smoke:", p)
print(f"smoke: {len(runs) - len(problems)} passed, {len(problems)} failed")
sys.exit(1 if problems else 0)
