// Self-healing (issue 6, "Must hold"): the heuristic healer repairs the lander and its variants,
// a second run takes the repair from the cache, and a scripted model's bad candidates are each
// rejected with their verdict while the good one is accepted.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { createModelRunner } from "../../src/llm/ModelRunner.js";
import { StrategyCache } from "../../src/optimizer/cache.js";
import { ExperienceLog } from "../../src/optimizer/experience.js";
import { runEpisode } from "../../src/optimizer/heal-episode.js";
import { heal, type HealOptions, type HealResult } from "../../src/optimizer/heal.js";

const ctx = createContext();
const example = (name: string): string => readFileSync(new URL(`../../../examples/${name}`, import.meta.url), "utf8");
const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
function tempCache(): StrategyCache {
  const d = mkdtempSync(join(tmpdir(), "tensorlang-heal-"));
  dirs.push(d);
  return new StrategyCache(d, () => {});
}

async function run(file: string, extra: Partial<HealOptions> = {}): Promise<HealResult & { out: string; report: string }> {
  let out = "", report = "";
  const r = await heal({ module: example(file), file: `examples/${file}`, ctx, stdout: (t) => { out += t; }, report: (t) => { report += t; }, ...extra });
  return { ...r, out, report };
}

/** The repaired program lands below 5 m/s on seed 0 and 5 more, replayed independently. */
function assertLands(r: HealResult, seeds = [0, 1, 2, 3, 4, 5]): void {
  for (const seed of seeds) {
    const o = runEpisode(r.module, { entry: "main", seed });
    assert.equal(o.status, "ok", `seed ${seed}: ${o.message}`);
    assert.equal(o.results.length, 1);
    assert.ok(Math.abs(o.results[0].impactVelocity) <= 5, `seed ${seed} lands at ${o.results[0].impactVelocity}`);
  }
}

describe("heuristic healer on the lander", () => {
  const cache = tempCache();
  it("repairs the zero-thrust pilot, restarts and exits 0", async () => {
    const r = await run("lander.mlir", { cache });
    assert.equal(r.exitCode, 0, r.report);
    assert.equal(r.violations.length, 1);
    assert.match(r.report, /assertion failed at examples\/lander\.mlir:65: tensorlang_assert_fail\(65\) in @main/);
    assert.match(r.report, /observed ogt\(20\.\d+, 5\.0+\) is true/);
    assert.match(r.report, /heal: attempt 1\/20 @get_thrust .*: accepted/);
    assert.match(r.report, /accepted repair of @get_thrust:\n.*\n {4}- +%cst = arith.constant 0.000000e\+00 : f32/);
    assert.match(r.report, /restarting @main from the start \(seed 0\)/);
    assert.equal(r.episodes, 2);
    assert.equal(r.repairs.length, 1);
    assert.equal(r.final.status, "ok");
    // the crash, then the whole repaired episode
    assert.equal((r.out.match(/Alt:/g) ?? []).length, 66 + r.final.steps);
    assertLands(r);
  });

  it("a second run applies the cached repair before anything fails", async () => {
    const r = await run("lander.mlir", { cache });
    assert.equal(r.exitCode, 0, r.report);
    assert.equal(r.cacheHits, 1);
    assert.equal(r.violations.length, 0);
    assert.equal(r.attempts.length, 0);
    assert.equal(r.episodes, 1);
    assert.match(r.report, /cache hit for @get_thrust/);
    assert.doesNotMatch(r.report, /tensorlang: assertion failed/);
    assertLands(r);
  });

  it("without a cache there is no hit", async () => {
    const r = await run("lander.mlir", { cache: null, heal: false });
    assert.equal(r.exitCode, 3);
    assert.equal(r.cacheHits, 0);
    assert.equal(r.attempts.length, 0);
  });
});

describe("variants the heuristic healer handles", () => {
  for (const [file, expect] of [
    ["lander_wrong_op.mlir", /- +%\d+ = arith.addf %\d+, %arg1 : f32\n {4}\+ +%\d+ = arith.subf %\d+, %arg1 : f32/],
    ["lander_inverted.mlir", /accepted repair of @get_thrust/],
    ["lander_gravity.mlir", /accepted repair of @get_thrust/],
  ] as const) {
    it(file, async () => {
      const r = await run(file);
      assert.equal(r.exitCode, 0, r.report);
      assert.equal(r.violations.length, 1);
      assert.match(r.report, expect);
      assertLands(r);
    });
  }
});

const STILL_CRASHES = `func.func @get_thrust(%h: f32, %v: f32) -> f32 {
  %c = arith.constant 1.000000e+00 : f32
  return %c : f32
}`;
const INFINITE_LOOP = `func.func @get_thrust(%h: f32, %v: f32) -> f32 {
  %true = arith.constant true
  %r = scf.while (%x = %h) : (f32) -> f32 {
    scf.condition(%true) %x : f32
  } do {
  ^bb0(%y: f32):
    scf.yield %y : f32
  }
  return %r : f32
}`;
// PD on altitude: thrust = hover + kp * (0 - h) + kd * (0 - v) + bias, i.e. 1.62 - 0.2 h - 2 v - 0.38.
const PD = `func.func @get_thrust(%h: f32, %v: f32) -> f32 {
  %hover = arith.constant 1.240000e+00 : f32
  %kp = arith.constant 2.000000e-01 : f32
  %kd = arith.constant 2.000000e+00 : f32
  %p = arith.mulf %kp, %h : f32
  %d = arith.mulf %kd, %v : f32
  %pd = arith.addf %p, %d : f32
  %t = arith.subf %hover, %pd : f32
  return %t : f32
}`;
const rewrite = (fn: string): string => JSON.stringify({ target_function: "get_thrust", rewrite: fn });

describe("model-driven healing (mock runner)", () => {
  it("rejects unparsable text, a pilot that still crashes and an infinite loop; accepts the PD controller", async () => {
    const runner = createModelRunner("mock", { responses: ["I think you should add thrust.", rewrite(STILL_CRASHES), rewrite(INFINITE_LOOP), rewrite(PD)] });
    const cache = tempCache();
    const log = join(dirs[dirs.length - 1], "experience.jsonl");
    const r = await run("lander.mlir", { runner, timeoutMs: 1500, cache, experience: new ExperienceLog(log), model: "mock" });
    assert.equal(r.exitCode, 0, r.report);
    assert.deepEqual(r.attempts.map((a) => a.verdict), ["parse-error", "wrong-result", "timeout", "accepted"], r.report);
    assert.equal(r.repairs.length, 1);
    assert.match(r.repairs[0].after, /arith.mulf/);
    assertLands(r);
    // the prompt carried the module, the violation, the trace and, later, the verdicts
    assert.match(runner.prompts[0], /Violated assertion: examples\/lander.mlir:65/);
    assert.match(runner.prompts[0], /status h=-1\.942 v=-20\.683/);
    assert.match(runner.prompts[0], /func.func @main/);
    assert.match(runner.prompts[3], /=> parse-error[\s\S]*=> wrong-result[\s\S]*=> timeout/);
    const records = readFileSync(log, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { verdict: string; proposer: string; prompt: string });
    assert.deepEqual(records.map((x) => x.verdict), ["parse-error", "wrong-result", "timeout", "accepted"]);
    assert.ok(records.every((x) => x.proposer === "heal" && x.prompt.includes("Violated assertion")));
    // the cached repair is the PD controller
    const again = await run("lander.mlir", { runner: createModelRunner("mock", { responses: [] }), cache });
    assert.equal(again.cacheHits, 1);
    assert.equal(again.exitCode, 0);
  });

  it("mutations are applied; a wrong signature is a verify-error; when nothing passes the exit code is 3", async () => {
    const runner = createModelRunner("mock", { responses: [
      JSON.stringify({ target_function: "get_thrust", mutations: [{ kind: "mutate_constant", index: 0, value: 0.5 }] }),
      rewrite("func.func @get_thrust(%h: f32) -> f32 {\n  return %h : f32\n}"),
      JSON.stringify({ target_function: "get_thrust", mutations: [{ kind: "swap_operator", index: 0, op: "arith.addf" }] }),
    ] });
    const r = await run("lander.mlir", { runner, attempts: 3 });
    assert.equal(r.exitCode, 3);
    assert.deepEqual(r.attempts.map((a) => a.verdict), ["wrong-result", "verify-error", "rejected"], r.report);
    assert.match(r.attempts[1].reason!, /signature changed/);
    assert.match(r.report, /no repair found after 3 attempt\(s\)/);
    assert.equal(r.repairs.length, 0);
  });

  it("stops asking a model that keeps failing", async () => {
    const r = await run("lander.mlir", { runner: createModelRunner("mock", { responses: [] }) });
    assert.equal(r.exitCode, 3);
    assert.equal(r.attempts.length, 3);
    assert.ok(r.attempts.every((a) => a.verdict === "rejected" && /model query failed/.test(a.reason ?? "")));
    assert.match(r.report, /the model failed 3 queries in a row/);
  });
});

describe("other programs", () => {
  const ASSERTING = `module {
  func.func @scale(%x: f32) -> f32 {
    %c = arith.constant 2.000000e+00 : f32
    %y = arith.mulf %x, %c : f32
    return %y : f32
  }
  func.func @main() {
    %x = arith.constant 3.000000e+00 : f32
    %lim = arith.constant 5.000000e+00 : f32
    %y = func.call @scale(%x) : (f32) -> f32
    %ok = arith.cmpf olt, %y, %lim : f32
    tensorlang.assert %ok, "y < 5"
    return
  }
}
`;
  it("repairs a failed tensorlang.assert by an operator swap", async () => {
    let report = "";
    const r = await heal({ module: ASSERTING, file: "a.mlir", ctx, stdout: () => {}, report: (t) => { report += t; } });
    assert.equal(r.exitCode, 0, report);
    assert.match(report, /tensorlang.assert in @main `tensorlang.assert %ok, "y < 5"`; the program requires \(%ok = arith.cmpf olt, %y, %lim : f32\)/);
    assert.match(report, /observed olt\(6\.00000, 5\.00000\) is false: margin -1\.000/);
    assert.equal(r.repairs[0].target, "scale");
  });

  /** Asserts that %s (a tensor<f32> sum) is `want` within 0.01. */
  const assertSumIs = (want: string, msg: string) => `%v = tensor.extract %s[] : tensor<f32>
    %want = arith.constant ${want} : f32
    %d = arith.subf %v, %want : f32
    %e = math.absf %d : f32
    %tol = arith.constant 0.01 : f32
    %ok = arith.cmpf olt, %e, %tol : f32
    tensorlang.assert %ok, "${msg}"`;
  // a residual block meant to be x + relu(x * w), written with sub: only add gives 54
  const TENSOR_LEVEL = `module {
  func.func @block(%x: tensor<8xf32>, %w: tensor<8xf32>) -> tensor<8xf32> {
    %h = tensorlang.mul %x, %w : tensor<8xf32>
    %r = tensorlang.relu %h : tensor<8xf32>
    %y = tensorlang.sub %x, %r : tensor<8xf32>
    return %y : tensor<8xf32>
  }
  func.func @main() {
    %x = tensorlang.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<8xf32>
    %w = tensorlang.constant dense<0.5> : tensor<8xf32>
    %y = func.call @block(%x, %w) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %s = tensorlang.reduce_sum %y {axis = 0} : tensor<8xf32> -> tensor<f32>
    ${assertSumIs("54.0", "sum is 54")}
    tensorlang.print %s : tensor<f32>
    return
  }
}
`;
  it("repairs a function written with tensor ops by swapping one elementwise op for another", async () => {
    let report = "", out = "";
    const r = await heal({ module: TENSOR_LEVEL, file: "t.mlir", ctx, stdout: (t) => { out += t; }, report: (t) => { report += t; } });
    assert.equal(r.exitCode, 0, report);
    assert.equal(r.repairs[0].target, "block");
    assert.match(r.moduleText, /tensorlang\.add %arg0, %\d+ : tensor<8xf32>/);
    assert.equal(out, "Tensor<f32>:\n[54]\n");
  });

  it("repairs a tensor constant (a float splat) by climbing its value", async () => {
    // the scale should be 0.2 (8 values of 5 to a mean of 1); it was typed as 2.0
    const module = `module {
  func.func @normalize(%x: tensor<8xf32>) -> tensor<8xf32> {
    %s = tensorlang.constant dense<2.0> : tensor<8xf32>
    %y = tensorlang.mul %x, %s : tensor<8xf32>
    return %y : tensor<8xf32>
  }
  func.func @main() {
    %x = tensorlang.constant dense<5.0> : tensor<8xf32>
    %y = func.call @normalize(%x) : (tensor<8xf32>) -> tensor<8xf32>
    %s = tensorlang.reduce_sum %y {axis = 0} : tensor<8xf32> -> tensor<f32>
    ${assertSumIs("8.0", "mean is 1")}
    return
  }
}
`;
    let report = "";
    const r = await heal({ module, file: "n.mlir", ctx, stdout: () => {}, report: (t) => { report += t; } });
    assert.equal(r.exitCode, 0, report);
    assert.equal(r.repairs[0].target, "normalize");
    const m = /tensorlang\.constant dense<([-0-9.e+]+)> : tensor<8xf32>/.exec(r.moduleText.slice(r.moduleText.indexOf("@normalize")));
    assert.ok(m && Math.abs(Number(m[1]) - 0.2) < 0.01 / 40, r.moduleText);
  });

  it("a program that does not verify is a DiagnosticError, not a crash", async () => {
    await assert.rejects(heal({ module: "module {\n  func.func @main() {\n    %x = arith.addf %y, %y : f32\n  }\n}\n", report: () => {} }), { name: "DiagnosticError" });
  });
});
