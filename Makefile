# briefing: make run starts the chat, make test runs every test. Both install the system
# packages they need first (apt-get; sudo when not root).
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := pkg-config libedit-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug/briefing

.PHONY: all deps build release run test lint bench fuzz clean

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

clean:
	rm -rf .build .build-fuzz
