// The healer's parts: assertion sites and margins, candidate building, the replay sandbox's
// limits, the widening template, fitness ordering, the repair grammar and the diff.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, describe, it } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { printOp } from "../../src/ir/printer.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { buildCandidate, diffLines, functionOp, spliceFunction } from "../../src/optimizer/heal-candidate.js";
import { runEpisode, type EpisodeOutcome } from "../../src/optimizer/heal-episode.js";
import { episodeScore, fitness, widen } from "../../src/optimizer/heal-heuristic.js";
import { buildHealPrompt, healGrammar } from "../../src/optimizer/heal-prompt.js";
import { ReplaySandbox } from "../../src/optimizer/heal-replay.js";
import { findAssertionSites, margin } from "../../src/optimizer/heal-sites.js";
import { scalarConstants } from "../../src/optimizer/mutations/scalar.js";

const ctx = createContext();
const example = (name: string): string => readFileSync(new URL(`../../../examples/${name}`, import.meta.url), "utf8");
const lander = parseModule(example("lander.mlir"), "lander.mlir", ctx);

const ASSERTING = `module {
  func.func @f(%x: f32) -> f32 {
    %c = arith.constant 2.000000e+00 : f32
    %y = arith.mulf %x, %c : f32
    return %y : f32
  }
  func.func @main() {
    %x = arith.constant 3.000000e+00 : f32
    %lim = arith.constant 5.000000e+00 : f32
    %y = func.call @f(%x) : (f32) -> f32
    %ok = arith.cmpf olt, %y, %lim : f32
    tensorlang.assert %ok, "y < 5"
    return
  }
}
`;

describe("assertion sites", () => {
  it("finds the lander's guarded tensorlang_assert_fail and measures its margin", () => {
    const sites = findAssertionSites(lander);
    assert.equal(sites.length, 1);
    const s = sites[0];
    assert.equal(s.kind, "assert_fail");
    assert.equal(s.loc, 65n);
    assert.equal(s.fn, "main");
    assert.ok(s.guard);
    assert.equal(s.guard.holdsWhenTrue, false); // the call sits in the then-branch of "crash"
    assert.equal(margin(s.guard, 20.5, 5), -15.5);
    assert.equal(margin(s.guard, 3, 5), 2);
    assert.equal(margin(s.guard, NaN, 5), -Infinity);
    const o = runEpisode(lander, { entry: "main", seed: 0 });
    assert.equal(o.status, "violation");
    assert.equal(o.siteId, 0);
    assert.equal(o.loc, "65");
    assert.deepEqual(o.called, ["get_thrust"]);
    assert.equal(o.sites[0].checks, 1);
    assert.ok(o.sites[0].minMargin < -15);
    assert.equal(o.trace.at(-1)?.kind, "status");
  });

  it("a tensorlang.assert on a comparison holds when the comparison is true", () => {
    const m = parseModule(ASSERTING, "a.mlir", ctx);
    const [s] = findAssertionSites(m);
    assert.equal(s.kind, "tensorlang.assert");
    assert.equal(s.guard?.holdsWhenTrue, true);
    const o = runEpisode(m, { entry: "main", seed: 0 });
    assert.equal(o.status, "violation");
    assert.equal(o.sites[0].minMargin, -1); // 5 - 6
    assert.deepEqual(o.called, ["f"]);
  });
});

describe("candidates", () => {
  it("mutations, rewrites, renamed rewrites, garbage and non-repair mutations", () => {
    const m = parseModule(ASSERTING, "a.mlir", ctx);
    const ok = buildCandidate(m, "f", { target_function: "f", mutations: [{ kind: "mutate_constant", index: 0, value: 1 }] }, ctx);
    assert.ok(ok.ok);
    assert.match(ok.fnText, /arith.constant 1.000000e\+00 : f32/);
    assert.equal(runEpisode(ok.module, { entry: "main", seed: 0 }).status, "ok");
    const renamed = buildCandidate(m, "f", { target_function: "f", rewrite: "func.func @g(%x: f32) -> f32 {\n  return %x : f32\n}" }, ctx);
    assert.ok(renamed.ok);
    assert.match(renamed.fnText, /@f\(/);
    const bad = buildCandidate(m, "f", { target_function: "f", rewrite: "func.func @f(%x: f32) -> f32 { return %q : f32 }" }, ctx);
    assert.equal(bad.ok, false);
    assert.equal(!bad.ok && bad.verdict, "parse-error");
    const sig = buildCandidate(m, "f", { target_function: "f", rewrite: "func.func @f(%x: f32) -> f64 {\n  %c = arith.constant 1.0 : f64\n  return %c : f64\n}" }, ctx);
    assert.equal(!sig.ok && sig.verdict, "verify-error");
    const tile = buildCandidate(m, "f", { target_function: "f", mutations: [{ kind: "unroll", loop: "L0", factor: 2 }] }, ctx);
    assert.equal(!tile.ok && tile.verdict, "rejected");
    const idx = buildCandidate(m, "f", { target_function: "f", mutations: [{ kind: "mutate_constant", index: 7, value: 1 }] }, ctx);
    assert.match(!idx.ok ? idx.reason : "", /no constant #7/);
  });

  it("a repair of a tensor-level function that uses a linear value twice is a verify-error naming linearity", () => {
    const T = "!tensorlang.tensor<f32, 2>";
    const m = parseModule(`func.func @g(%a: ${T}) -> ${T} {\n  %b = tensorlang.relu %a : ${T}\n  return %b : ${T}\n}`, "g.mlir", ctx);
    const twice = buildCandidate(m, "g", { target_function: "g", rewrite: `func.func @g(%a: ${T}) -> ${T} {\n  %b = tensorlang.add %a, %a : ${T}\n  return %b : ${T}\n}` }, ctx);
    assert.deepEqual(twice.ok ? "ok" : [twice.verdict, twice.reason], ["verify-error", "<candidate>:2:14: error: result with linear type must be used exactly once"]); // (at %a)
  });

  it("diffs show removed lines before added ones", () => {
    assert.equal(diffLines("a\nb\nc", "a\nB\nc"), "  a\n- b\n+ B\n  c");
  });
});

describe("the replay sandbox", () => {
  const sandbox = new ReplaySandbox({ heapCapBytes: 16 << 20 });
  after(() => sandbox.close());
  const loop = spliceFunction(lander, "get_thrust", `func.func @get_thrust(%h: f32, %v: f32) -> f32 {
  %true = arith.constant true
  %r = scf.while (%x = %h) : (f32) -> f32 {
    scf.condition(%true) %x : f32
  } do {
  ^bb0(%y: f32):
    scf.yield %y : f32
  }
  return %r : f32
}`, ctx);

  it("stops a runaway candidate at the time limit; the host and the next replay carry on", async () => {
    const [o, rest] = await sandbox.replay({ text: loop, entry: "main", seeds: [0, 1], timeoutMs: 800 });
    assert.equal(o.status, "timeout", o.message);
    assert.equal(rest.status, "timeout", rest.message);
    const again = await sandbox.replay({ text: example("lander.mlir"), entry: "main", seeds: [0, 1], timeoutMs: 5000 });
    assert.deepEqual(again.map((x) => x.status), ["violation", "violation"]);
    assert.equal(sandbox.workersStarted, 2);
  });

  it("refuses an allocation past the memory cap", async () => {
    const big = `module {
  func.func @main() {
    %m = memref.alloc() : memref<100000000xf32>
    return
  }
}`;
    const [o] = await sandbox.replay({ text: big, entry: "main", seeds: [0], timeoutMs: 5000 });
    assert.equal(o.status, "out-of-memory", o.message);
  });
});

describe("heuristic search parts", () => {
  it("widening keeps the behaviour until its constants move", () => {
    const m = parseModule(example("lander_wrong_op.mlir"), "w.mlir", ctx);
    const fn = functionOp(m, "get_thrust")!;
    const w = widen(fn)!;
    assert.equal(scalarConstants(w).length, scalarConstants(fn).length + 4); // w, c, k_h, k_v
    const text = spliceFunction(m, "get_thrust", printOp(w, ctx), ctx);
    const wm = parseModule(text, "w2.mlir", ctx);
    assert.deepEqual(verifyModule(wm, ctx), []);
    const a = runEpisode(m, { entry: "main", seed: 3 }), b = runEpisode(wm, { entry: "main", seed: 3 });
    assert.equal(b.status, a.status);
    assert.deepEqual(b.trace, a.trace);
  });

  it("fitness ranks traps below violations below unchecked runs below held assertions", () => {
    const o = (status: EpisodeOutcome["status"], m?: number): EpisodeOutcome => ({
      seed: 0, status, sites: m === undefined ? {} : { 0: { checks: 1, minMargin: m } }, called: [], trace: [], results: [], steps: 10, ms: 0, siteId: status === "violation" ? 0 : undefined,
    });
    const order = [o("timeout"), o("violation"), o("ok"), o("violation", -3), o("ok", 0.5), o("ok", 2)].map((x) => episodeScore(x, 0));
    assert.deepEqual([...order].sort((p, q) => p - q), order);
    assert.ok(fitness([o("ok", 2), o("violation", -1)], 0) < 0); // the worst seed decides
  });

  it("the repair grammar enumerates the target's indices; the prompt carries history", () => {
    const g = healGrammar("get_thrust", 2, 1);
    assert.match(g, /cindex ::= "0" \| "1"\n/);
    assert.match(g, /oindex ::= "0"\n/);
    assert.match(g, /"\{\\"target_function\\": \\"get_thrust\\"/);
    const p = buildHealPrompt({ moduleIr: "module {}", target: "f", tables: "C0 = 1.0", violation: "x.mlir:3: y", trace: [], history: [{ proposal: { raw: "zzz" }, verdict: "parse-error", reason: "no JSON" }] });
    assert.match(p, /1\. unparsable answer "zzz" => parse-error \(no JSON\)/);
    assert.ok(p.indexOf("Module:") < p.indexOf("Candidates tried"));
  });
});
