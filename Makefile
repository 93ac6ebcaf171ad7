# Build, test and demo brp-customer-patch. Every target installs what it needs and can be run
# again; `make test` and `make demo` work on a fresh machine with Rust, Node.js and npm.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

CRATE := brp_customer_patch
WASM_TARGET := wasm32-unknown-unknown
WASM := target/$(WASM_TARGET)/release/$(CRATE).wasm
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(CURDIR)/node_modules/.bin:$(PATH)

# The CLI must match the wasm-bindgen crate exactly, so its version is read from Cargo.lock.
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

# Every feature that Rust's wasm32 target enables by default must be named, or wasm-opt rejects
# the module.
WASM_OPT_FLAGS := -O3 --strip-debug --strip-producers --enable-reference-types --enable-bulk-memory \
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-multivalue

DEMO_HOST := 127.0.0.1
DEMO_PORT := 8080

.PHONY: bench bench-quick www-pkg all setup setup-rust setup-node setup-chromium setup-fuzz pkg pkg-test-panic consumer test test-rust test-node test-wasm test-browser test-runtimes fuzz demo clean

all: pkg

setup: setup-rust setup-node

setup-rust:
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' || rustup target add $(WASM_TARGET)
	@if [ "$$(wasm-bindgen --version 2>/dev/null | awk '{ print $$2 }')" != "$(WASM_BINDGEN_VERSION)" ]; then \
	  echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) to match Cargo.lock (about 3 minutes)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

setup-node: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# Debian's Chromium and its chromedriver, for the browser tests; installing them needs root, as
# on CI. Playwright's own browser download cannot work offline, so the tests launch this one.
CHROMIUM := /usr/bin/chromium
CHROMEDRIVER := /usr/bin/chromedriver

setup-chromium:
	@if [ ! -x $(CHROMIUM) ] || [ ! -x $(CHROMEDRIVER) ]; then \
	  apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver; \
	fi

# Builds the npm package from $(1), a wasm file, into the folder $(2): bindings for Node.js
# (CommonJS, loads the .wasm synchronously) and for browsers (ES module, fetches the .wasm),
# with the wrapper and types from pkg-template/. The glue gets __wbg_reset_state, an
# experimental wasm-bindgen option, which the wrapper calls to re-instantiate after a panic.
define build-package
	rm -rf $(2)
	wasm-bindgen --target nodejs --experimental-reset-state-function --out-dir $(2)/node $(1)
	echo '{ "type": "commonjs" }' > $(2)/node/package.json
	@# The glue requires its JavaScript snippets, which are ES modules; Node.js before 20.19
	@# cannot require those, so they are converted to CommonJS in place.
	for snippet in $$(find $(2)/node/snippets -name '*.js'); do \
	  esbuild "$$snippet" --format=cjs --log-level=warning --outfile="$$snippet" --allow-overwrite; \
	done
	wasm-bindgen --target web --experimental-reset-state-function --out-dir $(2)/web $(1)
	@# wasm-opt from the binaryen npm package makes the module faster and smaller and drops the
	@# names section, which only debuggers read. Both targets get the same .wasm bytes from
	@# wasm-bindgen, so the package ships one copy, in web/, and the Node.js glue reads that.
	cmp -s $(2)/node/$(CRATE)_bg.wasm $(2)/web/$(CRATE)_bg.wasm || { echo "The Node.js and browser .wasm files differ; keep both and run wasm-opt on each." >&2; exit 1; }
	wasm-opt $(WASM_OPT_FLAGS) $(2)/web/$(CRATE)_bg.wasm -o $(2)/web/$(CRATE)_bg.wasm
	rm $(2)/node/$(CRATE)_bg.wasm
	sed -i 's|$${__dirname}/$(CRATE)_bg.wasm|$${__dirname}/../web/$(CRATE)_bg.wasm|' $(2)/node/$(CRATE).js
	grep -q '/../web/$(CRATE)_bg.wasm' $(2)/node/$(CRATE).js || { echo "The Node.js glue no longer names its .wasm file as expected; update the Makefile." >&2; exit 1; }
	cp pkg-template/package.json pkg-template/index.d.ts pkg-template/index.mjs pkg-template/web.js pkg-template/workerd.js \
	  pkg-template/api.js pkg-template/README.md $(2)/
	@# The same declarations for `require`: in a "type": "module" package a .d.ts file describes an
	@# ES module, and TypeScript needs a .d.cts file to type a CommonJS one.
	cp pkg-template/index.d.ts $(2)/index.d.cts
	esbuild pkg-template/node-entry.js --bundle --platform=node --format=cjs --log-level=warning \
	  --external:./node/* --outfile=$(2)/index.cjs
endef

pkg: setup
	cargo build --release --target $(WASM_TARGET)
	$(call build-package,$(WASM),pkg)
	@# Tests import the package by name, through its exports map, as users do.
	ln -sfn ../pkg node_modules/brp-customer-patch
	@echo "Built the npm package in pkg/"

# The same package with the test-panic feature, for the panic tests only. Its own target
# folder keeps the feature out of the wasm file that pkg/ is built from.
PANIC_TARGET_DIR := target/test-panic
pkg-test-panic: setup
	cargo build --release --target $(WASM_TARGET) --features test-panic --target-dir $(PANIC_TARGET_DIR)
	$(call build-package,$(PANIC_TARGET_DIR)/$(WASM_TARGET)/release/$(CRATE).wasm,target/pkg-test-panic)

test: test-rust pkg test-node test-wasm test-browser test-runtimes

test-rust:
	cargo test --quiet

test-node: pkg pkg-test-panic
	node --test tests/node/

# The bindings' own tests, run by wasm-bindgen-test in Node.js (tests/wasm.rs) and in headless
# Chromium through chromedriver (tests/wasm_browser.rs), which reads webdriver.json.
test-wasm: setup setup-chromium
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target $(WASM_TARGET) --test wasm
	CHROMEDRIVER=$(CHROMEDRIVER) CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target $(WASM_TARGET) --test wasm_browser

# The demo page in headless Chromium, driven by playwright-core, with the browser build of the
# package. Screenshots go to target/screenshots/.
test-browser: pkg setup-chromium www-pkg
	CHROMIUM=$(CHROMIUM) node --test tests/browser/

# A consumer project with the package installed from the tarball `npm pack` makes, so the
# runtime tests see exactly what a registry would serve. Test fixtures and the edge-handler
# example are copied in, because each runtime resolves the package from the importing file.
PACK_DIR := target/pack
CONSUMER := target/consumer

consumer: pkg
	rm -rf $(PACK_DIR) $(CONSUMER)
	mkdir -p $(PACK_DIR) $(CONSUMER)/tests/node
	cd pkg && npm pack --pack-destination $(CURDIR)/$(PACK_DIR) --silent
	echo '{ "private": true, "type": "module" }' > $(CONSUMER)/package.json
	npm install --prefix $(CONSUMER) --no-audit --no-fund --no-package-lock $(CURDIR)/$(PACK_DIR)/brp-customer-patch-*.tgz
	cp -r tests/runtimes $(CONSUMER)/tests/
	cp tests/node/revive.mjs $(CONSUMER)/tests/node/
	cp -r examples/edge-handler $(CONSUMER)/

# The vectors in Node.js (ESM and CommonJS), Deno, Bun, workerd and Chromium, the package
# checks (publint, attw, tsc, esbuild and Vite builds) and the edge handler on workerd and
# Node.js. deno, bun and workerd come from their npm packages in package-lock.json.
test-runtimes: consumer setup-chromium
	CHROMIUM=$(CHROMIUM) node --test tests/runtimes/

www-pkg: pkg
	rm -rf www/pkg && cp -r pkg www/pkg

# Fuzzing needs the nightly toolchain and cargo-fuzz; `make fuzz FUZZ_SECONDS=600` runs each
# target for that many seconds. New inputs go to fuzz/corpus/, which `make test` replays.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := core text

setup-fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

fuzz: setup-fuzz setup-node
	node fuzz/write-seeds.mjs
	mkdir -p target/fuzz-logs
	@# Debug assertions on (-a), so that integer overflow panics as in `cargo test`.
	for fuzz_target in $(FUZZ_TARGETS); do \
	  cargo +nightly fuzz run -a $$fuzz_target fuzz/corpus/$$fuzz_target fuzz/seeds -- \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1 2>&1 | tee target/fuzz-logs/$$fuzz_target.log | grep -E '^(Done|stat::number_of_executed_units|==)|panicked' ; \
	done

demo: pkg www-pkg
	node www/serve.mjs --host $(DEMO_HOST) --port $(DEMO_PORT)

# Speed and size against the JavaScript peers, as ratios from one run; not part of make test.
bench: pkg
	node bench/run.mjs

bench-quick: pkg
	node bench/run.mjs --quick

clean:
	rm -rf pkg www/pkg target
