# govreport — PGXS build.
#
#   make                 build the extension
#   make install         install it into the PostgreSQL found by pg_config
#   make installcheck    pg_regress against a running server
#   make core-check      build and run the core's C unit tests (no PostgreSQL)
#   make fuzz            libFuzzer over the parser and the rules (FUZZ_SECONDS)
#   make valgrind-check  pg_regress with every server process under valgrind
#   make asan-check      pg_regress with the extension built with ASan and UBSan

EXTENSION = govreport
MODULE_big = govreport
DATA = govreport--1.0.sql govreport--1.1.sql govreport--1.0--1.1.sql govreport--1.1--1.2.sql govreport--1.2--1.3.sql
PGFILEDESC = "govreport - Chinese government information disclosure annual reports"

CORE_SRCS = $(sort $(wildcard src/core/*.c))
PG_SRCS = $(sort $(wildcard src/pg/*.c))
OBJS = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)

PG_CPPFLAGS = -I$(srcdir)/src/core
SHLIB_LINK = -lpcre2-8 -lutf8proc

REGRESS = setup parse seeds real layouts errors cancel encodings settings rules store cookbook upgrade

PG_CONFIG ?= pg_config
# no LLVM bitcode: JIT inlining gains nothing here and needs clang at build time
override with_llvm := no
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# PGXS does not track headers: every object depends on all of ours
$(OBJS): $(wildcard src/core/*.h) $(wildcard src/pg/*.h)

# ---- the core on its own ------------------------------------------------
CORE_CC ?= cc
CORE_CFLAGS ?= -O2 -g -Wall -Wextra -Wno-unused-parameter -std=gnu11
CORE_TEST_SRCS = test/core/gr_stdalone.c
CORE_LIBS = -lpcre2-8 -lutf8proc

test/core/gr_dump: $(CORE_SRCS) $(CORE_TEST_SRCS) test/core/gr_dump.c src/core/*.h
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core -Itest/core -o $@ \
		$(CORE_SRCS) $(CORE_TEST_SRCS) test/core/gr_dump.c $(CORE_LIBS)

test/core/test_core: $(CORE_SRCS) $(CORE_TEST_SRCS) test/core/test_core.c src/core/*.h
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core -Itest/core -o $@ \
		$(CORE_SRCS) $(CORE_TEST_SRCS) test/core/test_core.c $(CORE_LIBS)

core-check: test/core/test_core test/core/gr_dump
	test/core/test_core

# the core alone, timed over files, for profiling (see the file's header)
test/bench/core_bench: $(CORE_SRCS) $(CORE_TEST_SRCS) test/bench/core_bench.c src/core/*.h
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core -Itest/core -o $@ \
		$(CORE_SRCS) $(CORE_TEST_SRCS) test/bench/core_bench.c $(CORE_LIBS)

# ---- fuzzing (clang, libFuzzer, ASan, UBSan) -----------------------------
FUZZ_SECONDS ?= 120
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined

test/fuzz/fuzz_parse: $(CORE_SRCS) $(CORE_TEST_SRCS) test/fuzz/fuzz_parse.c src/core/*.h
	clang $(FUZZ_FLAGS) -Isrc/core -Itest/core -o $@ \
		$(CORE_SRCS) $(CORE_TEST_SRCS) test/fuzz/fuzz_parse.c $(CORE_LIBS)

# runs the fuzzer from the committed seeds (web_pandoc, web_rst, web_mediawiki, web_html2text: Markdown marks in every cell, grid, wiki and paragraph-cell tables); a crash leaves crash-* and fails
fuzz: test/fuzz/fuzz_parse
	mkdir -p test/fuzz/corpus-work
	test/fuzz/fuzz_parse -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
		-rss_limit_mb=4096 -artifact_prefix=test/fuzz/ \
		test/fuzz/corpus-work test/fixtures/seeds test/fixtures/real test/corpus/2019 test/corpus/2021 \
		test/fixtures/rules test/fuzz/regressions test/extraction/web_pandoc test/extraction/web_rst test/extraction/web_mediawiki test/extraction/web_html2text

# ---- the regress suite under a checker, on a throwaway server ------------
valgrind-check:
	test/sanitize/run valgrind

asan-check:
	test/sanitize/run asan

.PHONY: core-check fuzz valgrind-check asan-check
EXTRA_CLEAN = test/core/gr_dump test/core/test_core test/bench/core_bench test/fuzz/fuzz_parse test/fuzz/corpus-work
