# Dossier: `make run` opens the app on the seed notebook, `make test` runs the
# tests; both install what they need on a fresh Debian/Ubuntu machine.
GO       ?= go
TAGS     := -tags migrated_fynedo
BIN      := ./dossier
# The system packages Fyne's OpenGL/GLFW driver needs to build.
FYNE_DEBS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
             libxinerama-dev libxi-dev libxxf86vm-dev libxkbcommon-dev libwayland-dev
# What the tests add: the REFI-QDA validator's xmllint and unzip.
TEST_DEBS := libxml2-utils unzip
# A count, not a duration: go1.26's fuzz coordinator can fail a duration run at its
# deadline with "context deadline exceeded" and no failing input (golang/go#75804).
FUZZTIME ?= 30000x

.PHONY: run build test vet fuzz bench deps test-deps install-debs clean

run: build
	$(BIN) $(ARGS)

build: deps
	$(GO) build $(TAGS) -o $(BIN) ./cmd/dossier

# deps installs the missing system packages with apt-get when run as root,
# and otherwise prints the one command that does.
deps:
	@$(MAKE) --no-print-directory install-debs DEBS="$(FYNE_DEBS)"

test-deps:
	@$(MAKE) --no-print-directory install-debs DEBS="$(FYNE_DEBS) $(TEST_DEBS)"

install-debs:
	@missing=$$(for p in $(DEBS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing system packages:" $$missing; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "Dossier needs system packages. Run:"; echo "  sudo apt-get install -y" $$missing; exit 1; \
	  fi; \
	fi

# The fuzz targets run first, briefly, so that go test's summary ends the output.
test: test-deps vet fuzz
	$(GO) test -race $(TAGS) -timeout 40m ./...

vet:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi
	$(GO) vet $(TAGS) ./...

# fuzz runs every fuzz target briefly (FUZZTIME each).
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test $(TAGS) -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$f"; \
	    $(GO) test $(TAGS) -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg >/tmp/dossier-fuzz.log 2>&1 || { cat /tmp/dossier-fuzz.log; exit 1; }; \
	  done; \
	done

bench: deps
	$(GO) test $(TAGS) -run '^$$' -bench . -benchmem -timeout 60m ./...
	@# Start-up of the window (dossier gui --quit-after-ready: the first frame drawn with
	@# the list, the tags and an article) on the seed notebook and on 100,000 generated
	@# articles (made once, kept in $$DOSSIER_BIG_NOTEBOOK); needs $$DISPLAY or Xvfb.
	@big=$${DOSSIER_BIG_NOTEBOOK:-/tmp/dossier-bench-100k.dossier}; \
	  DOSSIER_BIG_NOTEBOOK=$$big $(GO) test $(TAGS) -run '^TestMakeBigNotebook$$' -timeout 60m ./cmd/dossier >/dev/null && \
	  DOSSIER_STARTUP_BENCH=1 DOSSIER_BIG_NOTEBOOK=$$big $(GO) test $(TAGS) -count=1 -run '^TestStartupFigures$$' -v -timeout 20m ./cmd/dossier | grep -E '^start-up|SKIP|FAIL|panic|gui_test'

clean:
	rm -f $(BIN)
