#!/bin/sh
# Which problems fill the support queue? Count the open tickets by subject
# in the 3,000-ticket file (~200k tokens) and print only the ranking.
#
# Run with: airlock run --policy policies/triage.yaml testdata/examples/open_tickets.sh
echo "open tickets: $(grep -c '"status":"open"' tickets.jsonl)"
grep '"status":"open"' tickets.jsonl | jq -r .subject | sort | uniq -c | sort -rn
