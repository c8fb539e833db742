# The two commands of the README: `make run` and `make test`. Both install what is missing first.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)

.PHONY: all deps configure build run test clean

all: build

deps:
	@scripts/install-deps

configure:
	@test -f $(BUILD_DIR)/build.ninja || cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# The portal with demo content on an embedded SQLite database at http://127.0.0.1:8080
run: build
	@scripts/run-demo $(BUILD_DIR)/phobien

# Every test: unit, integration on SQLite and on a real PostgreSQL server (a throwaway cluster
# is started when PHOBIEN_TEST_PG_URL is not set), and browser tests in headless Chromium.
test: build
	@scripts/run-tests $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR)
