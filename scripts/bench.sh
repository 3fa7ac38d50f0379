#!/bin/sh
# make bench: artsmap against Hugo on synthetic sites of 1,000 and 10,000
# providers (scripts/bench). Installs Debian's hugo when it is missing and
# this runs as root; without it, times artsmap alone, unless CI is set, in
# which case a missing Hugo is an error. Arguments go to scripts/bench
# (-sizes, -runs, -rebuild, -dir).
set -e
cd "$(dirname "$0")/.."
hugo=hugo
if ! command -v hugo >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		apt-get install -y hugo >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y hugo >/dev/null 2>&1; } || true
	fi
	if ! command -v hugo >/dev/null 2>&1; then
		if [ -n "$CI" ]; then
			echo "bench: hugo is not installed and could not be (apt-get install -y hugo)" >&2
			exit 1
		fi
		echo "bench: hugo is not installed and could not be (apt-get install -y hugo): timing artsmap alone" >&2
		hugo=""
	fi
fi
exec go run ./scripts/bench -hugo "$hugo" "$@"
