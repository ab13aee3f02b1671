# The two commands of the README:
#   make run   install missing Debian packages, configure, build, launch the trainer
#   make test  install missing Debian packages, build, run the whole test suite
# Extra: make cli ARGS="play model-call"   make screenshots   make bench   make sanitize
#        make package (the Debian package, built by CPack into $(BUILD)/)
#        make fuzz (libFuzzer harnesses in build-fuzz; run them with tests/fuzz/run.sh SECONDS)
BUILD      ?= build
JOBS       ?= $(shell nproc)
CMAKE_ARGS ?=
ARGS       ?=

.PHONY: deps configure build run cli test sanitize fuzz bench screenshots package clean

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

fuzz: deps
	@cmake -S . -B build-fuzz -DFRONTLINE_FUZZ=ON -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
	@cmake --build build-fuzz --target fuzzers -j $(JOBS)

bench: build
	bash bench/run.sh $(BUILD)

package: build
	cd $(BUILD) && cpack -G DEB
	@ls $(BUILD)/frontline_*.deb

screenshots: build
	bash scripts/screenshots.sh $(BUILD)

clean:
	rm -rf build build-asan build-ci build-ci-asan build-fuzz
