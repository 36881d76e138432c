# payinv — see README.md. Every target works on a fresh machine with Go.

GO        ?= go
BIN       := bin/payinv
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -X main.version=$(VERSION)
FUZZTIME  ?= 30s
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
AS_OF     ?= 2026-11-25

.PHONY: all build test bench bench-store fuzz demo lint clean

all: build

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/payinv

# The moov-io/ach sample files the tests read live in the module cache.
test:
	$(GO) mod download
	$(GO) vet ./...
	$(GO) test -count=1 ./...

# Go benchmarks; then, as processes (time and peak memory): payinv ach show
# -o json against a bare moov-io/ach read of its 500,000-entry sample, and
# payinv match on generated inputs of growing size. The store's benchmarks
# run small here (100,000 events); make bench-store runs them at full size.
MATCH_SIZES ?= 100000,300000,1000000
bench: build
	$(GO) mod download
	$(GO) test -run '^$$' -bench . -benchmem ./...
	$(GO) build -o bin/moovread ./scripts/moovread
	$(GO) build -o bin/genbench ./scripts/genbench
	$(GO) run ./scripts/bench -payinv $(BIN) -moovread bin/moovread
	$(GO) run ./scripts/bench -payinv $(BIN) -genbench bin/genbench -match $(MATCH_SIZES) -runs 3

# The history store at the sizes it is held to: ingesting 1,000,000 events
# (SQLite under 30 s) and finding a reference among 10,000,000 (under
# 50 ms); PostgreSQL within twice those, run when PAYINV_TEST_POSTGRES holds
# the URL of a server where databases may be created. The 10M-event stores
# take a while to build (4 to 6 minutes and 10 GB each): they are built once
# and kept (payinv-bench/ under the user's cache folder; the PostgreSQL
# database payinv_bench_v<schema>_<events>) for the next runs.
# PAYINV_BENCH_EVENTS=N looks up among N events instead.
bench-store:
	$(GO) test -run '^$$' -bench 'Ingest|FindByRef' -benchmem -timeout 0 ./store

# Go fuzzes one target at a time: run each for FUZZTIME.
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$target ($(FUZZTIME))"; \
	    $(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

# The main job on the shipped fixtures: a week of NACHA files, card
# processor exports and wire messages explained, then reconciled against
# the company's records.
CARD_EXPORTS := $(filter-out %/README.md,$(wildcard fixtures/cards/*.csv))
CARD_MAP     := fixtures/cards/maps/worldpay-like.yaml
ISO_WIRES    := $(wildcard fixtures/wires/iso/*.xml)
DEMO_DB      := $(or $(TMPDIR),/tmp)/payinv-demo-$(shell echo $$PPID)/history.db
WIRES        := $(ISO_WIRES) $(wildcard fixtures/wires/fedwire/*.txt) $(wildcard fixtures/wires/swift/*.fin)
demo: build
	@echo "\$$ payinv ach show fixtures/ach/2026-11-12-returns.ach"
	@$(BIN) ach show fixtures/ach/2026-11-12-returns.ach
	@echo
	@echo "\$$ payinv ach returns --as-of $(AS_OF) fixtures/ach"
	@$(BIN) ach returns --as-of $(AS_OF) fixtures/ach
	@echo
	@echo "\$$ payinv cards show --as-of $(AS_OF) fixtures/cards/stripe_balance.csv fixtures/cards/adyen_settlement.csv"
	@$(BIN) cards show --as-of $(AS_OF) fixtures/cards/stripe_balance.csv fixtures/cards/adyen_settlement.csv
	@echo
	@echo "\$$ payinv wires show fixtures/wires/iso/*.xml"
	@$(BIN) wires show $(ISO_WIRES)
	@echo
	@echo "\$$ payinv when --rail ach --same-day --direction credit --consumer --at '2026-11-20 16:50'"
	@$(BIN) when --rail ach --same-day --direction credit --consumer --at '2026-11-20 16:50'
	@echo
	@echo "\$$ payinv when --rail trade --kind sell --at '2026-11-25 11:00'"
	@$(BIN) when --rail trade --kind sell --at '2026-11-25 11:00'
	@echo
	@echo "\$$ payinv explain R10 C02 4837 AC04"
	@$(BIN) explain R10 C02 4837 AC04
	@echo
	@echo "\$$ payinv match --records fixtures/records/records.csv --as-of $(AS_OF) --card-map $(CARD_MAP) fixtures/ach fixtures/cards/*.csv fixtures/cards/maps/worldpay-like.csv fixtures/wires/{iso,fedwire,swift}/*"
	@$(BIN) match --records fixtures/records/records.csv --as-of $(AS_OF) --card-map $(CARD_MAP) \
	  fixtures/ach $(CARD_EXPORTS) fixtures/cards/maps/worldpay-like.csv $(WIRES); \
	  status=$$?; [ $$status -eq 1 ] && echo "(exit status 1: breaks found, as the fixtures intend)" || exit $$status
	@echo
	@echo "\$$ payinv find --records fixtures/records/records.csv --id CRD-2611100006 --as-of $(AS_OF) fixtures/cards/*.csv"
	@$(BIN) find --records fixtures/records/records.csv --id CRD-2611100006 --as-of $(AS_OF) $(CARD_EXPORTS)
	@echo
	@echo "\$$ payinv find --records fixtures/records/records.csv --id WIR-2611200001 --as-of $(AS_OF) fixtures/wires/swift/*.fin"
	@$(BIN) find --records fixtures/records/records.csv --id WIR-2611200001 --as-of $(AS_OF) $(wildcard fixtures/wires/swift/*.fin)
	@# The history store: two nights of the nightly job, in a store made for the demo.
	@rm -rf $(DEMO_DB) && mkdir -p $(dir $(DEMO_DB))
	@echo
	@echo "# night of 2026-11-12: the records and the bank's files so far"
	@echo "\$$ payinv ingest --db history.db --records fixtures/records/records.csv fixtures/ach/2026-11-{09,10,12}-*.ach"
	@$(BIN) ingest --db $(DEMO_DB) --records fixtures/records/records.csv $(wildcard fixtures/ach/2026-11-09-*.ach fixtures/ach/2026-11-1[02]-*.ach)
	@echo "\$$ payinv match --db history.db --records fixtures/records/records.csv --rail ach --as-of 2026-11-12 --changes | head -1"
	@$(BIN) match --db $(DEMO_DB) --records fixtures/records/records.csv --rail ach --as-of 2026-11-12 --changes | head -1
	@echo
	@echo "# night of $(AS_OF): the later files, and a copy of an earlier one with CRLF line endings"
	@echo "\$$ payinv ingest --db history.db fixtures/ach fixtures/copies"
	@$(BIN) ingest --db $(DEMO_DB) fixtures/ach fixtures/copies 2>/dev/null
	@echo "\$$ payinv match --db history.db --records fixtures/records/records.csv --rail ach --as-of $(AS_OF) --changes"
	@$(BIN) match --db $(DEMO_DB) --records fixtures/records/records.csv --rail ach --as-of $(AS_OF) --changes; \
	  status=$$?; [ $$status -eq 1 ] && echo "(exit status 1: new or changed breaks)" || exit $$status
	@echo
	@echo "\$$ payinv runs --db history.db"
	@$(BIN) runs --db $(DEMO_DB)
	@echo
	@echo "\$$ payinv rates --db history.db --as-of $(AS_OF)"
	@$(BIN) rates --db $(DEMO_DB) --as-of $(AS_OF) 2>/dev/null; \
	  status=$$?; [ $$status -eq 1 ] && echo "(exit status 1: a Nacha return rate is crossed, as the fixtures intend)" || exit $$status
	@echo
	@echo "\$$ payinv reply --db history.db --record DEP-2611090003 --as-of $(AS_OF)"
	@$(BIN) reply --db $(DEMO_DB) --record DEP-2611090003 --as-of $(AS_OF)
	@rm -rf $(dir $(DEMO_DB))

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

clean:
	rm -rf bin
