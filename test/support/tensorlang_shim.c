/* TensorLang's host hooks for mlir-cpu-runner-19, so that programs calling them (lander.mlir,
 * the size checks --convert-tensorlang-to-linalg inserts) can be run by real MLIR and compared
 * with TensorLang's engines. Mirrors
 * src/runtime/host/tensorlang.ts and the Rng in src/runtime/host/context.ts bit for bit.
 * The seed comes from the TENSORLANG_SEED environment variable (default 0). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

static uint32_t s[4];
static int seeded = 0;

static uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static void seed_rng(void) {
  const char *env = getenv("TENSORLANG_SEED");
  uint64_t seed = env ? (uint64_t)strtoll(env, NULL, 10) : 0;
  uint32_t x = (uint32_t)seed ^ ((uint32_t)(seed >> 32) * 0x9e3779b9u);
  for (int i = 0; i < 4; i++) {
    x += 0x9e3779b9u;
    uint32_t z = x;
    z = (z ^ (z >> 16)) * 0x85ebca6bu;
    z = (z ^ (z >> 13)) * 0xc2b2ae35u;
    s[i] = z ^ (z >> 16);
  }
  if (!(s[0] | s[1] | s[2] | s[3])) s[0] = 1;
  seeded = 1;
}

static uint32_t next_u32(void) {
  if (!seeded) seed_rng();
  uint32_t r = rotl(s[1] * 5, 7) * 9;
  uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return r;
}

float tensorlang_get_random(void) { return (float)((double)(next_u32() >> 8) / 16777216.0 - 0.5); }

void tensorlang_print_status(float h, float v) {
  printf("|     *     | Alt: %6.2f m, Vel: %6.2f m/s\n", h, v);
}

void tensorlang_start_timer(void) {}
void tensorlang_stop_timer(float final_v) { (void)final_v; }
void tensorlang_record_thrust(float thrust) { (void)thrust; }

void tensorlang_assert_fail(int64_t loc) {
  fflush(stdout);
  fprintf(stderr, "tensorlang assertion failed at location %" PRId64 "\n", loc);
  exit(3);
}

/* A run-time size check of --convert-tensorlang-to-linalg failed: a runtime error, exit code 4,
 * as tensorlang-run reports it (docs/runtime.md). */
void tensorlang_shape_fail(int64_t line, int64_t x, int64_t y) {
  fflush(stdout);
  fprintf(stderr, "runtime error: tensor sizes disagree at line %" PRId64 ": %" PRId64 " vs %" PRId64 "\n", line, x, y);
  exit(4);
}
