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
 * Calls the versions in turn, round by round (so all of them see the same interference), until
 * each ran `runs` times and for `minMs` in all; returns each one's fastest call in milliseconds
 * and the number of rounds.
 */
export function fastestCalls(calls: readonly (() => void)[], plan: TimingPlan): { ms: number[]; rounds: number } {
  const now = plan.now ?? (() => performance.now());
  const maxRounds = plan.maxRounds ?? 100_000;
  const ms = calls.map(() => Infinity), spent = calls.map(() => 0);
  let rounds = 0;
  while (calls.length && (rounds < plan.runs || (rounds < maxRounds && Math.min(...spent) < plan.minMs))) {
    calls.forEach((call, i) => {
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
