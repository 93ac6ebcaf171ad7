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

.PHONY: bench bench-quick www-pkg all setup setup-rust setup-node setup-chromium pkg consumer test test-rust test-node test-wasm test-browser test-runtimes demo clean

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

# The npm package: bindings for Node.js (CommonJS, loads the .wasm synchronously) and for
# browsers (ES module, fetches the .wasm), with the wrapper and types from pkg-template/.
pkg: setup
	cargo build --release --target $(WASM_TARGET)
	rm -rf pkg
	wasm-bindgen --target nodejs --out-dir pkg/node $(WASM)
	echo '{ "type": "commonjs" }' > pkg/node/package.json
	@# The glue requires its JavaScript snippets, which are ES modules; Node.js before 20.19
	@# cannot require those, so they are converted to CommonJS in place.
	for snippet in $$(find pkg/node/snippets -name '*.js'); do \
	  esbuild "$$snippet" --format=cjs --log-level=warning --outfile="$$snippet" --allow-overwrite; \
	done
	wasm-bindgen --target web --out-dir pkg/web $(WASM)
	@# wasm-opt from the binaryen npm package makes the module smaller and drops the names
	@# section, which only debuggers read.
	for target in node web; do \
	  wasm-opt $(WASM_OPT_FLAGS) pkg/$$target/$(CRATE)_bg.wasm -o pkg/$$target/$(CRATE)_bg.wasm; \
	done
	cp pkg-template/package.json pkg-template/index.d.ts pkg-template/index.mjs pkg-template/web.js pkg-template/workerd.js \
	  pkg-template/api.js pkg-template/README.md pkg/
	@# The same declarations for `require`: in a "type": "module" package a .d.ts file describes an
	@# ES module, and TypeScript needs a .d.cts file to type a CommonJS one.
	cp pkg-template/index.d.ts pkg/index.d.cts
	esbuild pkg-template/node-entry.js --bundle --platform=node --format=cjs --log-level=warning \
	  --external:./node/* --outfile=pkg/index.cjs
	@# Tests import the package by name, through its exports map, as users do.
	ln -sfn ../pkg node_modules/brp-customer-patch
	@echo "Built the npm package in pkg/"

test: test-rust pkg test-node test-wasm test-browser test-runtimes

test-rust:
	cargo test --quiet

test-node: pkg
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

demo: pkg www-pkg
	node www/serve.mjs --host $(DEMO_HOST) --port $(DEMO_PORT)

# Speed and size against the JavaScript peers, as ratios from one run; not part of make test.
bench: pkg
	node bench/run.mjs

bench-quick: pkg
	node bench/run.mjs --quick

clean:
	rm -rf pkg www/pkg target
