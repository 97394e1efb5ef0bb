# edgarload — build, demo, test, bench.
#   make demo   build, find or start PostgreSQL, create the database, migrate,
#               load the sample filings in testdata/filings and show rows
#   make test   find or start PostgreSQL and run every test (database tests included)
SHELL := /bin/bash
GO    ?= go
BIN   := bin/edgarload
DEMO_DB ?= edgarload

.PHONY: build demo test bench bench-corpus bench-archive bench-parse bench-load fuzz vet fmt clean docs

VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)

build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/edgarload

demo: build
	@set -euo pipefail; \
	base=$$(scripts/ensure-postgres.sh); \
	url="$$base/$(DEMO_DB)"; \
	echo "== loading testdata/filings into $$url"; \
	$(BIN) load --database-url "$$url" testdata/filings; \
	echo "== second load (must report every filing unchanged)"; \
	$(BIN) load --database-url "$$url" testdata/filings; \
	echo "== a few rows"; \
	psql "$$url" -X -P pager=off -f sql/queries/demo.sql

test:
	@set -euo pipefail; \
	base=$$(scripts/ensure-postgres.sh); \
	EDGARLOAD_TEST_DATABASE_URL="$$base/postgres" $(GO) test -count=1 ./...

bench:
	@set -euo pipefail; \
	base=$$(scripts/ensure-postgres.sh); \
	EDGARLOAD_TEST_DATABASE_URL="$$base/postgres" $(GO) test -run='^$$' -bench=. -benchmem ./...

# End to end on the real corpus (../shared/corpus): a first load into a
# fresh database, then a second load that must find everything unchanged.
bench-corpus: build
	@set -euo pipefail; \
	base=$$(scripts/ensure-postgres.sh); \
	psql "$$base/postgres" -X -q -c 'DROP DATABASE IF EXISTS edgarload_bench WITH (FORCE)'; \
	dirs="../shared/corpus/submissions ../shared/corpus/feed ../shared/corpus/headers ../shared/corpus/primary ../shared/corpus/exhibits"; \
	echo "== first load"; $(BIN) load --log-level warn --database-url "$$base/edgarload_bench" $$dirs; \
	echo "== second load"; $(BIN) load --log-level warn --database-url "$$base/edgarload_bench" $$dirs; \
	psql "$$base/postgres" -X -q -c 'DROP DATABASE edgarload_bench WITH (FORCE)'

# Parse speed of the built binary, whole process (no database): `edgarload
# parse` over ../shared/corpus submissions + feed files and over the whole
# corpus mix, RUNS times each (default 3); prints wall MB/s (median and
# range), MB per CPU-second and peak RSS.
bench-parse: build
	@scripts/bench-parse.sh $(BIN) $${RUNS:-3}

# Bulk archive end to end: builds a ~2 GB (compressed, gzip level 1) daily
# feed .nc.tar.gz from ../shared/corpus feed and submission files with
# rewritten accession numbers in a temp dir, loads it into a fresh database
# and prints peak RSS and filings/s. ARCHIVE_BYTES sizes it.
bench-archive: build
	@set -euo pipefail; \
	base=$$(scripts/ensure-postgres.sh); \
	$(GO) run ./scripts/benchfeed -db "$$base" -bin $(BIN) -size $${ARCHIVE_BYTES:-2000000000}

# Every fuzz target of the parser packages, FUZZTIME each (default 10s;
# a count such as 5000x avoids the duration race of golang/go#75804).
fuzz:
	@set -euo pipefail; \
	for file in $$(grep -rlE '^func Fuzz' --include='*_test.go' parser); do \
	  pkg=./$$(dirname $$file); \
	  for t in $$(grep -oE '^func Fuzz[A-Za-z0-9_]+' $$file | awk '{print $$2}'); do \
	    echo "== $$pkg $$t"; \
	    $(GO) test -run='^$$' -fuzz="^$$t\$$" -fuzztime=$${FUZZTIME:-10s} $$pkg; \
	  done; \
	done

# docs/schema.md from the catalog of a freshly migrated throwaway database
# (etl/docs's test fails when the committed file is not current).
docs: build
	@set -euo pipefail; \
	base=$$(scripts/ensure-postgres.sh); \
	psql "$$base/postgres" -X -q -c 'DROP DATABASE IF EXISTS edgarload_docs WITH (FORCE)'; \
	$(BIN) docs --log-level warn --database-url "$$base/edgarload_docs" --out docs/schema.md; \
	psql "$$base/postgres" -X -q -c 'DROP DATABASE edgarload_docs WITH (FORCE)'

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || (gofmt -l . && exit 1)

clean:
	rm -rf bin

# Load benchmark (issue 11): builds a scaled corpus of FILINGS distinct
# filings (default 5000) from ../shared/corpus in a temp dir, then on one
# fresh database prints parse-only, load, COPY-of-the-same-rows and reload
# figures with their ratios. RUNS repeats each measure (medians, ranges).
bench-load: build
	@set -euo pipefail; \
	base=$$(scripts/ensure-postgres.sh); \
	$(GO) run ./scripts/benchload -db "$$base" -bin $(BIN) -filings $${FILINGS:-5000} -runs $${RUNS:-1}
