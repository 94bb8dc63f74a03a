#!/usr/bin/env python3
"""Independent reference for the customer-dialogue figures of a twcs-style conversation log.

Reads the CSV with Python's csv module (not boardbrief's reader), derives each inbound message's
first company reply and channel by the rules in docs/import.md, and computes, for messages
received in [begin, end) UTC, the figures the briefing shows: inbound, needing a reply, mature
(received at least one response window before as-of), answered within the window, response
rate, unanswered share, and nearest-rank p50/p90 first-response time with unanswered counted as
infinite. Prints one JSON object.

usage: dialogue_reference.py LOG.csv BEGIN END AS_OF WINDOW_HOURS [FINDINGS.json]
       (instants as 2017-10-31T23:00:00Z). With FINDINGS.json (boardbrief --findings-json),
       compares the report's needs_reply, unanswered_share and first_response_p50 KPIs with the
       reference, prints "match" or each difference, and exits 1 on a difference.
"""
import csv
import io
import json
import math
import re
import sys
from datetime import datetime, timezone


def instant(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


def tweet_time(text):
    return datetime.strptime(text, "%a %b %d %H:%M:%S %z %Y")


def norm_id(s):
    return s[:-2] if s.endswith(".0") else s


def main():
    path, begin, end, as_of = sys.argv[1], instant(sys.argv[2]), instant(sys.argv[3]), instant(sys.argv[4])
    window = float(sys.argv[5]) * 3600
    raw = open(path, encoding="utf-8", newline="").read()
    # Python's csv module ends a record at a bare CR; the export has two inside a text field.
    raw = re.sub(r"\r(?!\n)", " ", raw)
    rows = list(csv.DictReader(io.StringIO(raw)))
    by_id = {}
    for r in rows:
        by_id.setdefault(r["tweet_id"], r)
    companies = {r["author_id"].lower(): r["author_id"] for r in rows if r["inbound"] == "False"}
    first = {}
    for r in rows:
        if r["inbound"] != "False" or by_id[r["tweet_id"]] is not r:
            continue
        target = by_id.get(norm_id(r["in_response_to_tweet_id"] or ""))
        if target is None or target["inbound"] != "True":
            continue
        t = tweet_time(r["created_at"])
        if t < tweet_time(target["created_at"]):
            continue
        tid = target["tweet_id"]
        if tid not in first or t < first[tid][0]:
            first[tid] = (t, r["author_id"])
    figures = {"inbound": 0, "needs_reply": 0, "mature": 0, "answered": 0}
    durations = []
    channels = set()
    for r in rows:
        if r["inbound"] != "True" or by_id[r["tweet_id"]] is not r:
            continue
        received = tweet_time(r["created_at"])
        company = None
        if r["tweet_id"] in first:
            company = first[r["tweet_id"]][1]
        else:
            parent = by_id.get(norm_id(r["in_response_to_tweet_id"] or ""))
            if parent is not None and parent["inbound"] == "False":
                company = parent["author_id"]
            else:
                for m in re.finditer(r"@([A-Za-z0-9_]+)", r["text"]):
                    if m.group(1).lower() in companies:
                        company = companies[m.group(1).lower()]
                        break
        if company is None or not (begin <= received < end):
            continue
        channels.add(company)
        figures["inbound"] += 1
        figures["needs_reply"] += 1
        if (as_of - received).total_seconds() < window:
            continue
        figures["mature"] += 1
        reply = first.get(r["tweet_id"])
        d = (reply[0] - received).total_seconds() if reply and reply[0] <= as_of else math.inf
        if d <= window:
            figures["answered"] += 1
        else:
            d = math.inf
        durations.append(d)
    durations.sort()

    def nearest_rank(p):
        if not durations:
            return None
        v = durations[math.ceil(p * len(durations) / 100) - 1]
        return "infinite" if v == math.inf else v / 60

    m = figures["mature"]
    figures["response_rate"] = figures["answered"] / m if m else None
    figures["unanswered_share"] = (m - figures["answered"]) / m if m else None
    figures["first_response_p50_minutes"] = nearest_rank(50)
    figures["first_response_p90_minutes"] = nearest_rank(90)
    figures["channels"] = len(channels)
    print(json.dumps(figures, sort_keys=True))
    if len(sys.argv) > 6:
        sys.exit(compare(figures, json.load(open(sys.argv[6], encoding="utf-8"))))


def compare(ref, report):
    kpis = {k["metric"]: k for k in report["kpis"]}
    pairs = [("needs_reply", "value", ref["needs_reply"]),
             ("unanswered_share", "value", ref["unanswered_share"]),
             ("unanswered_share", "denominator", ref["mature"]),
             ("unanswered_share", "numerator", ref["mature"] - ref["answered"]),
             ("first_response_p50", "value", ref["first_response_p50_minutes"])]
    bad = 0
    for metric, field, want in pairs:
        got = kpis.get(metric, {}).get(field)
        if got is None or want is None or abs(got - want) > 1e-9:
            print(f"{metric}.{field}: report {got}, reference {want}")
            bad += 1
    if not bad:
        print("match")
    return 1 if bad else 0


if __name__ == "__main__":
    main()
