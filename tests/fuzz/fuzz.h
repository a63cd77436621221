/*
 * fuzz.h -- the entry point every fuzz target defines.
 *
 * Built with clang -fsanitize=fuzzer by `make fuzz`, libFuzzer calls it with
 * each generated input.  Built with the normal compiler and replay.c, `make
 * check` calls it with every file kept in tests/fuzz/regressions/TARGET/.
 */
#ifndef CG_FUZZ_H
#define CG_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
