#!/usr/bin/env bash
# Lighthouse (mobile preset) on the sample site's home, vacancy, search and employer pages.
#
# Usage: scripts/lighthouse.sh [OUT_DIR]        (default OUT_DIR: /tmp/antarkerja-lighthouse)
#
# Needs Node.js with npm, and Chromium (CHROME_PATH, default /usr/bin/chromium); Lighthouse is
# installed once into OUT_DIR/node_modules from the npm registry. No browser is downloaded.
# Builds the sample content with a fixed today and the local address as site URL (so canonical
# links are absolute, as on the real site), serves it on 127.0.0.1, runs Lighthouse on each
# page and prints the score of every category, then the audits that cost points.
# Not part of CI: scores depend on the machine's load (Lighthouse simulates a slow phone from
# the measured run), so read a score under 100 together with the audits it lists.
set -euo pipefail

OUT=${1:-/tmp/antarkerja-lighthouse}
PORT=${LIGHTHOUSE_PORT:-8765}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PAGES=(
  ""
  "lowongan/pramuniaga-toko-pakaian-contoh-busana-surabaya/"
  "cari/?q=operator&provinsi=Jawa+Barat"
  "pemberi-kerja/cv-contoh-busana-kenjeran/"
)

mkdir -p "$OUT"
if [ ! -x "$OUT/node_modules/.bin/lighthouse" ]; then
  (cd "$OUT" && npm init -y >/dev/null && npm install --no-audit --no-fund lighthouse >/dev/null)
fi
antarkerja build --root "$ROOT" --output "$OUT/site" --today 2026-11-25 --siteurl "http://127.0.0.1:$PORT"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$OUT/site" >/dev/null 2>&1 &
SERVER=$!
trap 'kill "$SERVER"' EXIT
sleep 1

for page in "${PAGES[@]}"; do
  report="$OUT/$(printf '%s' "${page:-home}" | tr -c 'a-zA-Z0-9-' '_').json"
  "$OUT/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT/$page" --quiet --output=json --output-path="$report" \
    --chrome-flags="--headless=new --no-sandbox" >/dev/null 2>&1
  python3 - "$report" "/$page" <<'EOF'
import json, sys

report = json.load(open(sys.argv[1], encoding="utf-8"))
scores = {k: round(v["score"] * 100) for k, v in report["categories"].items() if v["score"] is not None}
print(sys.argv[2], " ".join(f"{k}={v}" for k, v in scores.items()))
for key, category in report["categories"].items():
    for ref in category["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
            print(f"    {key}: {ref['id']} {audit.get('displayValue', '')}".rstrip())
EOF
done
