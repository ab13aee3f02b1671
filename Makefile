# The two commands of the README:
#   make run   install missing Debian packages, configure, build, launch the trainer
#   make test  install missing Debian packages, build, run the whole test suite
# Extra: make cli ARGS="play model-call"   make screenshots   make bench   make sanitize
BUILD      ?= build
JOBS       ?= $(shell nproc)
CMAKE_ARGS ?=
ARGS       ?=

.PHONY: deps configure build run cli test sanitize bench screenshots clean

deps:
	@bash scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) $(CMAKE_ARGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/app/frontline $(ARGS)

cli: build
	./$(BUILD)/app/frontline $(ARGS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

sanitize:
	$(MAKE) test BUILD=build-asan CMAKE_ARGS="-DFRONTLINE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug"

bench: build
	bash bench/run.sh $(BUILD)

screenshots: build
	bash scripts/screenshots.sh $(BUILD)

clean:
	rm -rf build build-asan build-ci build-ci-asan
