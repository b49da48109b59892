# Geneva–MSME Connection — common tasks.
#   make run    build the SPA and start the server on SQLite with demo data (http://127.0.0.1:8080)
#   make test   everything CI checks (scripts/test-all.sh), stopping at the first failure
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

CARGO ?= cargo
NPM   ?= npm
GMC_RELEASE := $(CARGO) run --release -p gmc-cli --

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: help run spa test bench bench-mixed openapi fmt lint e2e docker-config

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

spa: ## build the SPA into frontend/dist (npm ci first when node_modules is missing)
	@[ -d frontend/node_modules ] || $(NPM) --prefix frontend ci --no-audit --no-fund
	VITE_SHOW_DEMO_ACCOUNTS=$${VITE_SHOW_DEMO_ACCOUNTS:-true} $(NPM) --prefix frontend run build

run: spa ## build, migrate, seed demo data and serve on SQLite (DATABASE_URL to override)
	mkdir -p data
	$(GMC_RELEASE) migrate
	$(GMC_RELEASE) seed --demo
	$(GMC_RELEASE) serve

test: ## fmt, clippy, tests on SQLite and PostgreSQL, contract drift, frontend, compose, e2e
	bash scripts/test-all.sh

bench: ## single-URL HTTP benchmarks with wrk (BENCH_DB=postgres for PostgreSQL); see docs/benchmarks.md
	bash scripts/bench.sh
	GMC_BIN=target/release/gmc bash scripts/bench-consultations.sh
	GMC_BIN=target/release/gmc bash scripts/bench-prep.sh
	# issue 10: notifications
	GMC_BIN=target/release/gmc bash scripts/bench-home.sh
	# issue 10: documents
	GMC_BIN=target/release/gmc bash scripts/bench-documents.sh
	# issue 11: webhook deliveries while the registry is read
	GMC_BIN=target/release/gmc bash scripts/bench-webhooks.sh
	# issue 11: import throughput (100,000 rows) and the server's memory for a 1,000,000-row job
	GMC_BIN=target/release/gmc bash scripts/bench-imports.sh
	$(CARGO) bench -p gmc-api --bench serialize

bench-mixed: ## mixed read workload with a background writer (BENCH_DB=postgres for PostgreSQL); docs/benchmarks.md
	bash scripts/bench-mixed.sh

openapi: ## regenerate openapi/openapi.json and the frontend's TypeScript types from the code
	@mkdir -p openapi
	$(CARGO) run -q -p gmc-cli -- openapi > openapi/openapi.json.tmp || { rm -f openapi/openapi.json.tmp; exit 1; }
	mv openapi/openapi.json.tmp openapi/openapi.json
	$(NPM) --prefix frontend run gen:api

fmt: ## format the Rust code
	$(CARGO) fmt --all

lint: ## clippy (deny warnings), eslint and tsc
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	@[ -d frontend/node_modules ] || $(NPM) --prefix frontend ci --no-audit --no-fund
	$(NPM) --prefix frontend run lint
	$(NPM) --prefix frontend run typecheck

e2e: ## browser journeys in headless Chromium (screenshots in artifacts/e2e/)
	bash scripts/e2e.sh

docker-config: ## validate docker-compose.yml (a dummy GMC_JWT_SECRET is used when unset)
	GMC_JWT_SECRET="$${GMC_JWT_SECRET:-config-check-only-not-a-secret}" docker-compose -f docker-compose.yml config -q
	@echo "docker-compose.yml is valid"
