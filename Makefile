# Thin wrapper over CMake. `make demo` and `make test` first install what is missing.
BUILD ?= build
JOBS  ?= $(shell nproc)
DEMO_DB  := samples/demo.db
DEMO_PDF := out/briefing-2026-10.pdf

.PHONY: all deps build demo test test-sanitize test-tsan clean pages bench fuzz fuzz-build valgrind noise format format-check lint

all: build

deps:
	./scripts/install-deps.sh

build:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)

demo: deps build
	mkdir -p samples out
	$(BUILD)/boardbrief sample --out $(DEMO_DB) --force
	$(BUILD)/boardbrief report --db $(DEMO_DB) --period 2026-10 --as-of 2026-11-02 \
	  --org "Nørre Ålbæk Energi A/S" --out out/ --findings-json out/briefing-2026-10.json \
	  --actions samples/actions.toml
	@echo "demo: wrote $(DEMO_PDF)"

test: deps build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test-sanitize: deps
	cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DBOARDBRIEF_SANITIZE=ON
	cmake --build build-sanitize -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir build-sanitize --output-on-failure -j $(JOBS)

# ThreadSanitizer on the code that runs on two threads: the row pipeline's own tests and every
# test that runs a whole report through it (end to end, findings JSON, reports, the scale bench).
TSAN_TESTS ?= row pipeline|end to end|findings json|report
test-tsan: deps
	cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBOARDBRIEF_TSAN=ON
	cmake --build build-tsan -j $(JOBS)
	TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	  ctest --test-dir build-tsan --output-on-failure -j $(JOBS) -R "$(TSAN_TESTS)"

# The scale benchmark (bench/run.sh): caches its databases under build-bench/, writes docs/performance.md.
bench: build
	./bench/run.sh $(BUILD)

# Layout: .clang-format decides; `make format` applies it, `make format-check` (CI) checks it.
format:
	./scripts/check-format.sh --fix

format-check: deps
	./scripts/check-format.sh

# What CI checks before it builds: the layout, and no function over 80 lines (data tables aside).
lint: format-check
	./scripts/function-lengths.sh

clean:
	rm -rf $(BUILD) build-sanitize build-tsan build-fuzz

# Visual review: both templates in both languages on the sample data, and the board briefing of
# generated 20- and 200-channel companies (board-20-en.pdf ...), every page as PNG under
# out/pages/ (e.g. out/pages/board-en-3.png). Open them before merging layout work.
PAGES_DPI ?= 60
pages: deps build
	mkdir -p samples out/pages
	rm -f out/pages/*.png
	$(BUILD)/boardbrief sample --out $(DEMO_DB) --force
	for t in board one-pager; do for l in en da; do \
	  $(BUILD)/boardbrief report --db $(DEMO_DB) --period 2026-10 --as-of 2026-11-02 \
	    --org "Nørre Ålbæk Energi A/S" --template $$t --lang $$l --out out/pages/$$t-$$l.pdf || exit 1; \
	  pdftoppm -png -r $(PAGES_DPI) out/pages/$$t-$$l.pdf out/pages/$$t-$$l || exit 1; \
	done; done
	for v in landscape:en landscape:da letter:en; do t=$${v%%:*}; l=$${v##*:}; \
	  $(BUILD)/boardbrief report --db $(DEMO_DB) --period 2026-10 --as-of 2026-11-02 \
	    --org "Nørre Ålbæk Energi A/S" --template tests/templates/board-$$t.toml --lang $$l \
	    --out out/pages/board-$$t-$$l.pdf || exit 1; \
	  pdftoppm -png -r $(PAGES_DPI) out/pages/board-$$t-$$l.pdf out/pages/board-$$t-$$l || exit 1; \
	done
	for n in 20 200; do \
	  $(BUILD)/boardbrief sample --out samples/channels-$$n.db --channels $$n --days 760 --interactions $$((n * 5000)) --force || exit 1; \
	  for l in en da; do \
	    $(BUILD)/boardbrief report --db samples/channels-$$n.db --period 2026-10 --as-of 2026-11-02 \
	      --org "Nørre Ålbæk Energi A/S" --lang $$l --out out/pages/board-$$n-$$l.pdf || exit 1; \
	    pdftoppm -png -r $(PAGES_DPI) out/pages/board-$$n-$$l.pdf out/pages/board-$$n-$$l || exit 1; \
	    echo "pages: board-$$n-$$l.pdf has $$(pdfinfo out/pages/board-$$n-$$l.pdf | sed -n 's/^Pages: *//p') pages"; \
	  done; \
	done
	@echo "pages: wrote $$(ls out/pages/*.png | wc -l) PNG pages to out/pages/"

# libFuzzer targets (fuzz/): built with clang into build-fuzz, each run for FUZZ_SECONDS on a
# working copy of its seed corpus (tests/fuzz/<target>); crashes land in build-fuzz/artifacts/.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := template period strings database

fuzz-build: deps
	CC=clang CXX=clang++ cmake -S fuzz -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build build-fuzz -j $(JOBS)

fuzz: fuzz-build
	@mkdir -p build-fuzz/artifacts
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build-fuzz/corpus/$$t; cp -n tests/fuzz/$$t/* build-fuzz/corpus/$$t/ 2>/dev/null || true; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=build-fuzz/artifacts/$$t- build-fuzz/corpus/$$t || exit 1; \
	done

# valgrind memcheck on one end-to-end report (the release build, a small sample database).
valgrind: deps build
	./scripts/valgrind-report.sh $(BUILD)

# False discoveries on pure noise (docs/findings-method.md): page-1 claims and kept findings per report.
noise: build
	./scripts/noise-rate.sh 12 $(BUILD)
