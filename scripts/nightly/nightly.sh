#!/bin/sh
# nightly.sh: the nightly reconciliation job. It ingests the day's files into
# the history store (idempotent: files already ingested are skipped), then
# reconciles the company's records against the whole stored history, so that
# a return arriving weeks after its payment still finds it. What it prints
# (and cron mails) is only what changed since the last night: new breaks,
# breaks whose status changed, resolved breaks. The whole report, and the
# run's manifest (inputs with their SHA-256, options, version, counts), stay
# in REPORTS; the store keeps the run too (payinv runs).
#
# Settings (environment):
#   PAYINV         the payinv binary                      (default: payinv)
#   PAYINV_DB      the history store, a file or postgres:// URL
#                  (default: payinv's own, ~/.local/share/payinv/payinv.db)
#   INBOX          folder where the bank and processors drop files
#   RECORDS        the company's records export (CSV or JSON Lines)
#   REPORTS        folder for the reports                 (default: ./reports)
#
# Exit status: 0 nothing new; 1 new or changed breaks (the report says
# which); 2 a file could not be read (completely), or the reconciliation
# failed. cron mails whatever it prints; the reports stay on disk.
set -eu

PAYINV=${PAYINV:-payinv}
REPORTS=${REPORTS:-./reports}
: "${INBOX:?set INBOX to the folder the day's files arrive in}"
: "${RECORDS:?set RECORDS to the records export}"
# The store payinv ingest uses by default on Linux, named so that match
# reconciles against it too.
PAYINV_DB=${PAYINV_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/payinv/payinv.db}

today=$(TZ=America/New_York date +%Y-%m-%d)
mkdir -p "$REPORTS"

# 1. Keep the day's files. A file with problems (status 2) is reported and the
# rest is still ingested and reconciled; the job's status says so at the end.
ingested=0
"$PAYINV" ingest --db "$PAYINV_DB" "$INBOX" || ingested=$?

# 2. Reconcile against everything stored; keep the report and the manifest
# whatever the outcome, and print what changed since the last run.
status=0
"$PAYINV" match --db "$PAYINV_DB" \
	--records "$RECORDS" --as-of "$today" --changes \
	--report "$REPORTS/recon-$today.xlsx" --manifest "$REPORTS/recon-$today.manifest.json" || status=$?

case $status in
0) echo "payinv: $today: nothing new since the last run" ;;
1) echo "payinv: $today: new or changed breaks (above), the whole report is $REPORTS/recon-$today.xlsx" ;;
*) echo "payinv: $today: reconciliation failed (status $status)" >&2 ;;
esac
if [ "$ingested" -ne 0 ]; then
	echo "payinv: $today: some files had problems when ingested (status $ingested); see above" >&2
	[ "$status" -gt "$ingested" ] || status=$ingested
fi
exit "$status"
