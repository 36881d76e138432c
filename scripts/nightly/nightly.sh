#!/bin/sh
# nightly.sh: the nightly reconciliation job. It ingests the day's files into
# the history store (idempotent: files already ingested are skipped), then
# reconciles the company's records against the whole stored history, so that
# a return arriving weeks after its payment still finds it.
#
# Settings (environment):
#   PAYINV         the payinv binary                      (default: payinv)
#   PAYINV_DB      the history store                      (default: payinv's own)
#   INBOX          folder where the bank and processors drop files
#   RECORDS        the company's records export (CSV or JSON Lines)
#   REPORTS        folder for the reports                 (default: ./reports)
#
# Exit status: 0 clean; 1 breaks found (the report says which); 2 a file
# could not be read (completely), or the reconciliation failed. cron mails whatever it prints; the reports stay on disk.
set -eu

PAYINV=${PAYINV:-payinv}
REPORTS=${REPORTS:-./reports}
: "${INBOX:?set INBOX to the folder the day's files arrive in}"
: "${RECORDS:?set RECORDS to the records export}"
DB_FLAG=""
if [ -n "${PAYINV_DB:-}" ]; then
	DB_FLAG="--db $PAYINV_DB"
fi

today=$(TZ=America/New_York date +%Y-%m-%d)
mkdir -p "$REPORTS"

# 1. Keep the day's files. A file with problems (status 2) is reported and the
# rest is still ingested and reconciled; the job's status says so at the end.
ingested=0
# shellcheck disable=SC2086
"$PAYINV" ingest $DB_FLAG "$INBOX" || ingested=$?

# 2. Reconcile against everything stored; keep the report whatever the outcome.
status=0
# shellcheck disable=SC2086
"$PAYINV" match $DB_FLAG --records "$RECORDS" --as-of "$today" \
	--report "$REPORTS/recon-$today.xlsx" -o json >"$REPORTS/recon-$today.json" || status=$?

case $status in
0) echo "payinv: $today: no breaks" ;;
1) echo "payinv: $today: breaks found, see $REPORTS/recon-$today.xlsx" ;;
*) echo "payinv: $today: reconciliation failed (status $status)" >&2 ;;
esac
if [ "$ingested" -ne 0 ]; then
	echo "payinv: $today: some files had problems when ingested (status $ingested); see above" >&2
	[ "$status" -gt "$ingested" ] || status=$ingested
fi
exit "$status"
