#!/bin/sh
# Runs every fuzz target in the module for a bounded time each.
#
# Go's fuzzer minimizes each new interesting input before it goes on, for
# up to a minute by default, and shows 0 executions a second meanwhile:
# with a loader that takes milliseconds an input, FuzzLoadProvider spent its
# whole time minimizing its first find (seen as a stall after about 50
# inputs). -fuzzminimizetime 1s bounds that. Go's fuzzer sometimes still
# stops with "context deadline exceeded" when the time is up while a worker
# is busy (a loaded machine makes it likelier); no failing input is written
# then. Such a run is tried once more. A real failure always writes its
# input under testdata/fuzz and fails at once.
set -e
time=${1:-10s}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
fuzz() { # pkg target
	go test -run '^$' -fuzz "^$2\$" -fuzztime "$time" -fuzzminimizetime 1s "$1" >"$log" 2>&1 && { tail -n 2 "$log"; return 0; }
	cat "$log"
	if grep -q 'context deadline exceeded' "$log" && ! grep -q 'Failing input written' "$log"; then
		echo "fuzz: $2 overran its time without a failing input; running it again"
		go test -run '^$' -fuzz "^$2\$" -fuzztime "$time" -fuzzminimizetime 1s "$1"
		return
	fi
	return 1
}
for pkg in $(go list ./...); do
	dir=$(go list -f '{{.Dir}}' "$pkg")
	for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //'); do
		echo "fuzz $pkg $target ($time)"
		fuzz "$pkg" "$target"
	done
done
