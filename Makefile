# Trame. The two commands: `make run` and `make test` (see README.md).
SHELL := /bin/bash
.PHONY: run dev test e2e bench bench-pages prepare db db-stop clean

## make run: Trame with demo data on http://127.0.0.1:3000 (the release build, as users get it)
run:
	@server/scripts/run.sh

## make dev: the same with the debug build, rebuilt and restarted on every change
dev:
	@server/scripts/run.sh dev

## make test: format, lint, unit, integration and browser tests
test:
	@server/scripts/test.sh

## make e2e: only the browser tests (after a build)
e2e:
	@. server/scripts/env.sh && server/scripts/e2e.sh

## make bench: pledge creation with 50 and 500 backers racing for 10 units (no Stripe), next to
## pgbench; then the pages (bench-pages)
bench:
	@server/scripts/bench.sh
	@server/scripts/bench_pages.sh

## make bench-pages: page weight, the campaign page cached and not next to nginx, overload with
## pledges, 2,000 live-totals streams (release build)
bench-pages:
	@server/scripts/bench_pages.sh

## make prepare: refresh .sqlx (compile-time query data) after changing a query or migration
prepare:
	@. server/scripts/env.sh && server/scripts/prepare.sh

## make db: start the private PostgreSQL cluster (target/pg) and print its URL
db:
	@server/scripts/pg.sh start && server/scripts/pg.sh env

db-stop:
	@server/scripts/pg.sh stop

## make clean: stop the cluster first (it lives under target/), then cargo clean
clean: db-stop
	cargo clean
