# briefing: make run starts the chat, make test runs every test. Both install the system
# packages they need first (apt-get; sudo when not root).
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := pkg-config libedit-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug/briefing
# make install: PREFIX/bin/briefing, PREFIX/share/briefing (the library), man pages, completions.
PREFIX ?= /usr/local
DESTDIR ?=
DEST = $(DESTDIR)$(PREFIX)
# The static release build has a scratch folder of its own, so it never invalidates the debug build.
INSTALL_SCRATCH := .build-install
INSTALL_BIN := $(INSTALL_SCRATCH)/release/briefing
MAN_PAGES := .build/man

.PHONY: all deps build release run test lint bench fuzz man install uninstall clean

all: build

## deps: install the missing system packages (libedit, cmark-gfm and its extensions)
deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## build: a debug build of the briefing executable
build: deps
	$(SWIFT) build

## release: an optimised build
release: deps
	$(SWIFT) build -c release

## run: build, then start the chat
run: build
	@$(BIN) chat

## test: build and run every test (unit, golden, chat transcripts, end to end)
test: deps
	$(SWIFT) build
	$(SWIFT) test

## lint: validate the shipped content library
lint: build
	$(BIN) lint

## bench: measure speed and memory against the targets (release build)
bench: release
	@Scripts/bench

## fuzz: run each libFuzzer target for FUZZ_SECONDS (default 60) seconds; not part of make test
fuzz: deps
	@Scripts/fuzz

## man: the man pages, one per command, from swift-argument-parser's generate-manual plugin (in .build/man)
man: build
	@Scripts/man-pages $(MAN_PAGES) >/dev/null

## install: a release binary with the Swift runtime linked statically, the library, the man pages and
## bash, zsh and fish completions, under $(DESTDIR)$(PREFIX) (PREFIX default /usr/local)
install: deps man
	@[ -n "$(PREFIX)" ] || { echo "make install: PREFIX is empty" >&2; exit 64; }
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path $(INSTALL_SCRATCH) --product briefing
	install -d "$(DEST)/bin" "$(DEST)/share/briefing" "$(DEST)/share/man/man1" "$(DEST)/share/doc/briefing" \
	  "$(DEST)/share/bash-completion/completions" "$(DEST)/share/zsh/site-functions" \
	  "$(DEST)/share/fish/vendor_completions.d"
	install -s -m 755 $(INSTALL_BIN) "$(DEST)/bin/briefing"
	rm -rf "$(DEST)/share/briefing/Briefings" "$(DEST)/share/briefing/Snippets" "$(DEST)/share/doc/briefing/examples"
	cp -R Briefings Snippets "$(DEST)/share/briefing/"
	cp -R examples "$(DEST)/share/doc/briefing/"
	chmod -R u=rwX,go=rX "$(DEST)/share/briefing" "$(DEST)/share/doc/briefing"
	install -m 644 $(MAN_PAGES)/*.1 "$(DEST)/share/man/man1/"
	$(INSTALL_BIN) --generate-completion-script bash >"$(DEST)/share/bash-completion/completions/briefing"
	$(INSTALL_BIN) --generate-completion-script zsh >"$(DEST)/share/zsh/site-functions/_briefing"
	$(INSTALL_BIN) --generate-completion-script fish >"$(DEST)/share/fish/vendor_completions.d/briefing.fish"
	@echo "Installed $(DEST)/bin/briefing, its library in $(DEST)/share/briefing and its man pages."

## uninstall: remove what make install put under $(DESTDIR)$(PREFIX)
uninstall:
	@[ -n "$(PREFIX)" ] || { echo "make uninstall: PREFIX is empty" >&2; exit 64; }
	rm -f "$(DEST)/bin/briefing" "$(DEST)/share/man/man1/briefing.1" "$(DEST)"/share/man/man1/briefing-*.1 \
	  "$(DEST)/share/bash-completion/completions/briefing" "$(DEST)/share/zsh/site-functions/_briefing" \
	  "$(DEST)/share/fish/vendor_completions.d/briefing.fish"
	rm -rf "$(DEST)/share/briefing" "$(DEST)/share/doc/briefing"

clean:
	rm -rf .build .build-fuzz $(INSTALL_SCRATCH)
