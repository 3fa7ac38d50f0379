# artsmap: build, serve and test the arts-and-health map.
#   make serve   build the site in content/ and serve it at http://127.0.0.1:1313
#   make test    every test: unit, golden, fuzz (short), end-to-end and browser
#   make build   build the site into public/
#   make bench   artsmap against Hugo on synthetic sites (docs/performance.md)
#   make bench-go  the Go benchmarks (build, search, map, preview)
#   make lighthouse  Lighthouse scores of four pages (fetches lighthouse with npx)

GO      ?= go
SITE    ?= .
ADDR    ?= 127.0.0.1:1313
FUZZTIME ?= 10s
BIN     := bin/artsmap

.PHONY: serve build test check bench bench-go deps go-deps node-deps vendor browser java vet unit fuzz clean lighthouse

serve: go-deps vendor
	$(GO) run ./cmd/artsmap serve -site $(SITE) -addr $(ADDR)

build: go-deps vendor
	$(GO) build -o $(BIN) ./cmd/artsmap
	./$(BIN) build -site $(SITE)

check: go-deps
	$(GO) run ./cmd/artsmap check -site $(SITE)

test: deps vet unit fuzz

deps: go-deps vendor browser java

go-deps:
	$(GO) mod download

# npm ci only when the lock file changed since the last install. No
# package's install script runs: vnu-jar's would download a Java, and the
# Nu HTML Checker runs on Debian's (make java).
node-deps: node_modules/.package-lock.json

node_modules/.package-lock.json: package-lock.json package.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

# Leaflet and its plugins, copied from node_modules into static/vendor/ so
# that go:embed puts them in the binary. Ignored by git.
vendor: static/vendor/.stamp

static/vendor/.stamp: node_modules/.package-lock.json scripts/vendor.sh
	sh scripts/vendor.sh
	@touch $@

# Debian's chromium for the browser tests; installed when missing.
browser:
	@sh scripts/ensure-chromium.sh

# Debian's Java for the Nu HTML Checker (npm vnu-jar); installed when
# missing. Its test fails without it: there is no skip.
java:
	@sh scripts/ensure-debian-package.sh java default-jre-headless "for the Nu HTML Checker"

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*'))" || { gofmt -l .; echo "gofmt: files above need formatting"; exit 1; }

unit:
	$(GO) test -count=1 -timeout 60m ./...

# Every fuzz target runs for a bounded time (go test -fuzz takes one target at a time).
fuzz:
	@sh scripts/fuzz.sh $(FUZZTIME)

# BENCH_ARGS go to scripts/bench, e.g. BENCH_ARGS="-sizes 1000 -runs 3", or
# BENCH_ARGS="-sizes 1000,10000,50000" for 50,000 providers too (tens of
# minutes, Hugo needing gigabytes); the one-edit rebuild row is at 10,000
# unless -rebuild says otherwise (-rebuild 0: none).
bench: go-deps vendor
	sh scripts/bench.sh $(BENCH_ARGS)

bench-go: go-deps vendor
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf public bin static/vendor

# Lighthouse on the home page, directory, a profile and the map, served
# locally with netlify.toml's headers; fails under the thresholds in
# docs/performance.md. Fetches lighthouse with npx: not part of make test.
lighthouse: go-deps vendor browser
	sh scripts/lighthouse.sh
