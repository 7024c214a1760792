// Timing on a shared machine. Interference (other processes, V8's background compiles) only
// ever adds time, so the fastest of many calls is the figure that repeats: on a loaded 2-core
// machine the median of three ~2 ms calls of the same conv2d moved between 1.9 and 6.6 ms
// from one sandbox run to the next, the fastest of 100 ms of calls between 1.57 and 1.61
// (docs/optimizer.md, the sandbox). Shared by the sandbox worker and the benchmarks.

export interface TimingPlan {
  /** Calls of each version, at least. */
  runs: number;
  /** And at least this many milliseconds of each version's calls in all (short kernels get many calls). */
  minMs: number;
  /** At most this many rounds, whatever `minMs` asks (a kernel of a microsecond). */
  maxRounds?: number;
  /** The clock, in milliseconds (default performance.now). */
  now?: () => number;
}

/**
 * Calls the versions in turn, round by round (so they see the same interference), each until it
 * ran `runs` times and for `minMs` in all: a version that has is left out of later rounds, or a
 * 15 ms baseline beside a 0.7 ms candidate ran 143 times (2 s) instead of 7. Returns each one's
 * fastest call in milliseconds and the number of rounds.
 */
export function fastestCalls(calls: readonly (() => void)[], plan: TimingPlan): { ms: number[]; rounds: number } {
  const now = plan.now ?? (() => performance.now());
  const maxRounds = plan.maxRounds ?? 100_000;
  const ms = calls.map(() => Infinity), spent = calls.map(() => 0);
  const needs = (i: number) => rounds < plan.runs || (rounds < maxRounds && spent[i] < plan.minMs);
  let rounds = 0;
  while (calls.some((_, i) => needs(i))) {
    calls.forEach((call, i) => {
      if (!needs(i)) return;
      const t0 = now();
      call();
      const dt = now() - t0;
      ms[i] = Math.min(ms[i], dt);
      spent[i] += dt;
    });
    rounds++;
  }
  return { ms, rounds };
}
