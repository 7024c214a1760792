// fastestCalls (the sandbox's and the benchmarks' timing) on a scripted clock: which calls it
// makes, in what order, when it stops, and which time it reports.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fastestCalls } from "../../src/optimizer/timing.js";

/** A clock that moves only when a call runs: version v's k-th call takes durations[v][k] ms (the last one repeating). */
function scripted(durations: number[][]) {
  let t = 0;
  const order: number[] = [];
  const counts = durations.map(() => 0);
  const calls = durations.map((d, v) => () => { order.push(v); t += d[Math.min(counts[v]++, d.length - 1)]; });
  return { calls, order, counts, now: () => t };
}

describe("fastestCalls", () => {
  it("alternates the versions round by round and reports each one's fastest call, not its median", () => {
    const c = scripted([[9, 2, 7], [5, 6, 1]]);
    const r = fastestCalls(c.calls, { runs: 3, minMs: 0, now: c.now });
    assert.equal(r.rounds, 3);
    assert.deepEqual(c.order, [0, 1, 0, 1, 0, 1]);
    assert.deepEqual(r.ms, [2, 1]);
  });

  it("short calls run on until each version has spent minMs, long ones stop after `runs`", () => {
    const c = scripted([[0.5], [2]]);
    const r = fastestCalls(c.calls, { runs: 3, minMs: 10, now: c.now });
    // The slower version reaches 10 ms after 5 calls and stops; the faster runs on alone to 10 ms.
    assert.equal(r.rounds, 20);
    assert.deepEqual(c.counts, [20, 5]);
    assert.deepEqual(c.order.slice(0, 10), [0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    const long = scripted([[50], [40]]);
    assert.equal(fastestCalls(long.calls, { runs: 3, minMs: 10, now: long.now }).rounds, 3);
  });

  it("maxRounds bounds a kernel too short for minMs; no versions, no calls", () => {
    const c = scripted([[0]]);
    assert.equal(fastestCalls(c.calls, { runs: 1, minMs: 100, maxRounds: 7, now: c.now }).rounds, 7);
    assert.deepEqual(fastestCalls([], { runs: 5, minMs: 100 }), { ms: [], rounds: 0 });
  });
});
