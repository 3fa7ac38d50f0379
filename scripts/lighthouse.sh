#!/bin/sh
# Lighthouse on the home page, the directory, a profile and the map of the
# site in content/, built and served on loopback with netlify.toml's
# headers (scripts/serve-public). Prints a table of scores and fails when
# performance < 95, accessibility < 100 or best practices < 95.
#
#   make lighthouse                      (or: sh scripts/lighthouse.sh)
#   PRESET=desktop make lighthouse       Lighthouse's desktop settings
#
# Lighthouse comes from the npm registry at run time (npx, version pinned
# below); the browser is Debian's chromium. Not part of make test.
set -eu
cd "$(dirname "$0")/.."

LIGHTHOUSE=${LIGHTHOUSE:-lighthouse@13.5.0}
PORT=${PORT:-8093}
PRESET=${PRESET:-mobile}
PAGES=${PAGES:-"/ /providers/ /providers/mindsong/ /map/"}
REPORTS=${REPORTS:-bin/lighthouse}  # one JSON report per page is kept here
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

work=$(mktemp -d)
server=""
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

go build -o "$work/artsmap" ./cmd/artsmap
go build -o "$work/serve-public" ./scripts/serve-public
"$work/artsmap" build -site . -out "$work/public" >/dev/null
"$work/serve-public" -dir "$work/public" -addr "127.0.0.1:$PORT" >/dev/null &
server=$!
for _ in 1 2 3 4 5 6 7 8 9 10; do
	curl -fs "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break
	sleep 0.5
done

preset=""
[ "$PRESET" = desktop ] && preset="--preset=desktop"
fail=0
mkdir -p "$REPORTS"
printf '%-22s %11s %13s %14s\n' page performance accessibility best-practices
for page in $PAGES; do
	report="$REPORTS/$(echo "$page" | tr -c 'a-z0-9\n' '-' | sed 's/^-*$/home/; s/^-//; s/-$//')-$PRESET.json"
	# shellcheck disable=SC2086 # $preset is empty or one flag
	npx --yes "$LIGHTHOUSE" "http://127.0.0.1:$PORT$page" --quiet $preset \
		--chrome-flags="--headless=new --no-sandbox --disable-dev-shm-usage" \
		--only-categories=performance,accessibility,best-practices \
		--output=json --output-path="$report"
	node scripts/lighthouse-scores.mjs "$page" "$report" || fail=1
done
exit $fail
