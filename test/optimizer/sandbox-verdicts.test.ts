// The sandbox on its own (evaluateCandidate): the edge-case inputs catch what random inputs
// miss, reasons name the input set and the first differing element, the memory cap and the
// time limit hold, and the host process is unaffected by what the candidate does.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { evaluateCandidate, measureReference, timesReferenceAgain, type ReferenceRun } from "../../src/optimizer/sandbox.js";

const T = "memref<16x16xf32>";
/** A 16x16 matmul whose product is computed by `product` from %a and %b (and may use %c). */
const program = (product: string, prefix = "") => `module {
  func.func @mm(%A: ${T}, %B: ${T}, %C: ${T}) {
${prefix}    affine.for %i = 0 to 16 {
      affine.for %j = 0 to 16 {
        affine.for %k = 0 to 16 {
          %a = affine.load %A[%i, %k] : ${T}
          %b = affine.load %B[%k, %j] : ${T}
          %c = affine.load %C[%i, %j] : ${T}
${product}
          %s = arith.addf %c, %p : f32
          affine.store %s, %C[%i, %j] : ${T}
        }
      }
    }
    return
  }
}
`;
const REF = program("          %p = arith.mulf %a, %b : f32");

describe("sandbox verdicts", () => {
  it("an identical candidate is correct (accepted or slower), with both times measured", async () => {
    const v = await evaluateCandidate(REF, REF, "mm");
    assert.ok(v.verdict === "accepted" || v.verdict === "slower", `${v.verdict}: ${v.reason}`);
    assert.ok(v.refMs! > 0 && v.candMs! > 0 && v.speedup! > 0);
  });

  it("wrong only on all-ones inputs: caught by the edge cases, the reason names them", async () => {
    const cand = program(`          %one = arith.constant 1.000000e+00 : f32
          %z = arith.constant 0.000000e+00 : f32
          %m = arith.mulf %a, %b : f32
          %isone = arith.cmpf oeq, %a, %one : f32
          %p = arith.select %isone, %z, %m : f32`);
    const v = await evaluateCandidate(REF, cand, "mm", { randomCases: 1 });
    assert.equal(v.verdict, "wrong-result");
    assert.match(v.reason!, /ones/);
    assert.match(v.reason!, /argument #2 \(memref<16x16xf32>\) differs first at index \[0, 0\]: expected 17, got 1/);
  });

  it("wrong only for negative values: caught before the random cases", async () => {
    const cand = program(`          %z = arith.constant 0.000000e+00 : f32
          %pos = arith.maximumf %a, %z : f32
          %p = arith.mulf %pos, %b : f32`);
    const v = await evaluateCandidate(REF, cand, "mm", { randomCases: 0 });
    assert.equal(v.verdict, "wrong-result");
    assert.match(v.reason!, /negative/);
  });

  it("float re-association is tolerated; a real difference beyond the tolerance is not", async () => {
    // (a*b) computed as (a*2)*(b*0.5) is exact in binary floating point: accepted as correct.
    const same = program(`          %two = arith.constant 2.000000e+00 : f32
          %half = arith.constant 5.000000e-01 : f32
          %a2 = arith.mulf %a, %two : f32
          %b2 = arith.mulf %b, %half : f32
          %p = arith.mulf %a2, %b2 : f32`);
    const ok = await evaluateCandidate(REF, same, "mm", { randomCases: 1, timingRuns: 1 });
    assert.ok(ok.verdict === "accepted" || ok.verdict === "slower", `${ok.verdict}: ${ok.reason}`);
    const off = program(`          %e = arith.constant 1.001000e+00 : f32
          %m = arith.mulf %a, %b : f32
          %p = arith.mulf %m, %e : f32`);
    const bad = await evaluateCandidate(REF, off, "mm", { randomCases: 1, timingRuns: 1 });
    assert.equal(bad.verdict, "wrong-result");
  });

  it("the memory cap holds (out-of-memory), and the host carries on", async () => {
    const cand = program("          %p = arith.mulf %a, %b : f32", `    %big = memref.alloc() : memref<4194304xf32>
    memref.dealloc %big : memref<4194304xf32>
`);
    const v = await evaluateCandidate(REF, cand, "mm", { memoryCapBytes: 8 << 20 });
    assert.equal(v.verdict, "out-of-memory");
    assert.match(v.reason!, /memory cap/);
    const again = await evaluateCandidate(REF, REF, "mm", { randomCases: 0, timingRuns: 1 });
    assert.ok(again.verdict === "accepted" || again.verdict === "slower");
  });

  it("a runaway candidate is stopped at the time limit", async () => {
    const cand = program("          %p = arith.mulf %a, %b : f32", `    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %t = arith.constant true
    %w = scf.while (%n = %c0) : (index) -> (index) {
      scf.condition(%t) %n : index
    } do {
    ^bb0(%m: index):
      %m1 = arith.addi %m, %c1 : index
      scf.yield %m1 : index
    }
`);
    const t0 = Date.now();
    const v = await evaluateCandidate(REF, cand, "mm", { timeoutMs: 1500 });
    assert.equal(v.verdict, "timeout");
    assert.match(v.reason!, /1500 ms/);
    assert.ok(Date.now() - t0 < 120_000, "the search was not held up indefinitely");
  });

  it("parse and verify failures come before anything runs", async () => {
    assert.equal((await evaluateCandidate(REF, "module { func.func @mm( }", "mm")).verdict, "parse-error");
    const sig = REF.replace(`func.func @mm(%A: ${T}, %B: ${T}, %C: ${T})`, `func.func @mm(%A: ${T}, %B: ${T}, %C: ${T}, %x: f32)`);
    const v = await evaluateCandidate(REF, sig, "mm");
    assert.equal(v.verdict, "verify-error");
    assert.match(v.reason!, /signature changed/);
    const missing = await evaluateCandidate(REF, REF.replace("@mm", "@other"), "mm");
    assert.equal(missing.verdict, "verify-error");
  });

  it("a measured reference run stands in for the reference: its outputs decide, its time is the baseline", async () => {
    const run = await measureReference(REF, "mm", { randomCases: 1, timingRuns: 1 });
    assert.ok(!("verdict" in run), JSON.stringify(run));
    const ref = run as ReferenceRun;
    // 4 input sets (zeros, ones, negative, one random); A and B are unchanged, kept as "input",
    // and so is C on zeros (0 + 0 * 0).
    assert.equal(ref.outputs.length, 4);
    assert.ok(ref.outputs.every((o, k) => o.arrays[0] === "input" && o.arrays[1] === "input" && (k === 0 ? o.arrays[2] === "input" : o.arrays[2] instanceof Float32Array)));
    // No time floor: the reference is not timed again (timesReferenceAgain), its recorded time is the baseline.
    const ok = await evaluateCandidate(REF, REF, "mm", { randomCases: 1, timingRuns: 1, minTimingMs: 0, reference: ref });
    assert.ok(ok.verdict === "accepted" || ok.verdict === "slower", `${ok.verdict}: ${ok.reason}`);
    assert.equal(ok.refMs, ref.ms);
    // The reference text is not run again: a different "reference" changes nothing, the
    // recorded outputs of REF still reject a wrong candidate and pass a right one.
    const other = program("          %p = arith.subf %a, %b : f32");
    const again = await evaluateCandidate(other, REF, "mm", { randomCases: 1, timingRuns: 1, reference: ref });
    assert.ok(again.verdict === "accepted" || again.verdict === "slower", `${again.verdict}: ${again.reason}`);
    assert.equal((await evaluateCandidate(REF, other, "mm", { randomCases: 1, timingRuns: 1, reference: ref })).verdict, "wrong-result");
    // An operand the reference leaves alone must stay unchanged in the candidate too.
    const scribbles = program("          %p = arith.mulf %a, %b : f32\n          affine.store %a, %A[%i, %k] : ${T}".replace("${T}", T));
    const w = await evaluateCandidate(REF, scribbles, "mm", { randomCases: 1, timingRuns: 1, reference: ref });
    assert.ok(w.verdict === "accepted" || w.verdict === "slower", "storing %a back into A changes nothing");
    const clobbers = program(`          %p = arith.mulf %a, %b : f32
          %z = arith.constant 0.000000e+00 : f32
          affine.store %z, %B[%k, %j] : ${T}`);
    const c = await evaluateCandidate(REF, clobbers, "mm", { randomCases: 1, timingRuns: 1, reference: ref });
    assert.equal(c.verdict, "wrong-result");
    assert.match(c.reason!, /argument #1/);
    await assert.rejects(evaluateCandidate(REF, REF, "mm", { randomCases: 2, reference: ref }), /another seed or case count/);
  });

  it("timing goes on for minTimingMs of each timed version's calls (a recorded reference, ten times that); a recorded reference that fast is timed again beside the candidate", async () => {
    // A 64x64 matmul takes a fraction of a millisecond (a whole check without the floor, well
    // under a second, and the floors below far from fastestCalls' cap on rounds): only the floor
    // makes the checks this long.
    const mm64 = REF.replaceAll("16", "64");
    const floor = { randomCases: 0, timingRuns: 1, minTimingMs: 600 };
    let t0 = Date.now();
    const run = await measureReference(mm64, "mm", { ...floor, minTimingMs: 150 });
    assert.ok(!("verdict" in run), JSON.stringify(run));
    assert.ok(Date.now() - t0 >= 1500, "the recorded reference, ten times the floor");
    t0 = Date.now();
    await evaluateCandidate(mm64, mm64, "mm", floor);
    assert.ok(Date.now() - t0 >= 1200, "reference and candidate, the floor each");
    // A reference of (here, supposedly) a picosecond is timed again: its time is not the recorded one.
    const fast: ReferenceRun = { ...(run as ReferenceRun), ms: 1e-9 };
    assert.ok(timesReferenceAgain(fast, floor));
    t0 = Date.now();
    const again = await evaluateCandidate(mm64, mm64, "mm", { ...floor, reference: fast });
    assert.ok(Date.now() - t0 >= 1200, "reference and candidate again");
    assert.ok(again.refMs !== fast.ms && again.refMs! > 0 && again.speedup === again.refMs! / again.candMs!);
    // One of 5 s a call is not: the recorded time is the baseline.
    const slow: ReferenceRun = { ...(run as ReferenceRun), ms: 5000 }, quick = { ...floor, minTimingMs: 10 };
    assert.ok(!timesReferenceAgain(slow, quick));
    const recorded = await evaluateCandidate(mm64, mm64, "mm", { ...quick, reference: slow });
    assert.equal(recorded.verdict, "accepted");
    assert.equal(recorded.refMs, 5000);
  });

  it("2-byte elements (f16, bf16, i16) get buffers of their size, f16/bf16 compared as values: a commuted sum is correct, a transposed operand is not (inputs were written as f32, 4 bytes an element, over the next buffer)", async () => {
    for (const [et, add, mul] of [["f16", "arith.addf", "arith.mulf"], ["bf16", "arith.addf", "arith.mulf"], ["i16", "arith.addi", "arith.muli"]]) {
      const M = `memref<8x8x${et}>`;
      const kernel = (sum: string, b = "%B[%k, %j]") => `module {
  func.func @mm(%A: ${M}, %B: ${M}, %C: ${M}) {
    affine.for %i = 0 to 8 {
      affine.for %j = 0 to 8 {
        affine.for %k = 0 to 8 {
          %a = affine.load %A[%i, %k] : ${M}
          %b = affine.load ${b} : ${M}
          %c = affine.load %C[%i, %j] : ${M}
          %p = ${mul} %a, %b : ${et}
          %s = ${add} ${sum} : ${et}
          affine.store %s, %C[%i, %j] : ${M}
        }
      }
    }
    return
  }
}`;
      const opts = { randomCases: 1, timingRuns: 1 };
      const ok = await evaluateCandidate(kernel("%c, %p"), kernel("%p, %c"), "mm", opts);
      assert.ok(ok.verdict === "accepted" || ok.verdict === "slower", `${et}: ${ok.verdict}: ${ok.reason}`);
      const bad = await evaluateCandidate(kernel("%c, %p"), kernel("%c, %p", "%B[%j, %k]"), "mm", opts);
      assert.equal(bad.verdict, "wrong-result", et);
      assert.match(bad.reason!, new RegExp(`argument #2 \\(memref<8x8x${et}>\\) differs`));
    }
  });
});
