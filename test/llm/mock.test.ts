import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createModelRunner, ModelAbortError, ModelError, ModelTimeoutError, SetupError } from "../../src/llm/ModelRunner.js";
import { cannedProposal, functionNamedIn, parseMockScript } from "../../src/llm/MockModelRunner.js";
import { validateProposal } from "../../src/optimizer/schema.js";
import { tempDir } from "./helpers.js";

describe("MockModelRunner", () => {
  it("answers a script in order and fails clearly when it runs out", async () => {
    const r = createModelRunner("mock", { responses: ["a", "b"] });
    assert.equal(await r.query("p1"), "a");
    assert.equal(await r.query("p2"), "b");
    await assert.rejects(r.query("p3"), (e: unknown) => e instanceof ModelError && /exhausted: all 2 responses used \(query 3\)/.test(e.message));
    assert.deepEqual(r.prompts, ["p1", "p2", "p3"]);
  });

  it("cycles when asked to", async () => {
    const r = createModelRunner("mock", { responses: ["a", "b"], onExhausted: "cycle" });
    const got = [];
    for (let i = 0; i < 5; i++) got.push(await r.query("p"));
    assert.deepEqual(got, ["a", "b", "a", "b", "a"]);
  });

  it("reads a JSONL script: strings, {response} objects and raw JSON values", async () => {
    const f = join(tempDir(), "script.jsonl");
    writeFileSync(f, `"plain"\n\n{"response": "wrapped"}\n{"target_function": "f", "mutations": [{"kind": "hoist", "loop": "L0"}]}\n`);
    const r = createModelRunner("mock", { script: f });
    assert.equal(await r.query("x"), "plain");
    assert.equal(await r.query("x"), "wrapped");
    assert.ok(validateProposal(await r.query("x")).ok);
    const r2 = createModelRunner("mock");
    await r2.load(f);
    assert.equal(await r2.query("x"), "plain");
  });

  it("reports script errors as one-line SetupErrors naming file and line", () => {
    assert.throws(() => parseMockScript(`"ok"\nnot json\n`, "s.jsonl"), (e: unknown) => e instanceof SetupError && /^s\.jsonl:2: /.test(e.message));
    assert.throws(() => createModelRunner("mock", { script: join(tempDir(), "missing.jsonl") }), (e: unknown) => e instanceof SetupError && /no such file/.test(e.message));
  });

  it("uses a response function", async () => {
    const r = createModelRunner("mock", { respond: (p, _o, i) => `${i}:${p.length}` });
    assert.equal(await r.query("abc"), "0:3");
    assert.equal(await r.query("abcd"), "1:4");
  });

  it("with no script proposes a valid mutation for the function named in the prompt", async () => {
    const r = createModelRunner("mock");
    const text = await r.query('Optimize this.\nfunc.func @conv2d(%a: memref<8xf32>) {...}\nLoops: L0 (i), L1 (j)');
    const v = validateProposal(text);
    assert.ok(v.ok);
    if (v.ok) {
      assert.equal(v.value.target_function, "conv2d");
      assert.deepEqual("mutations" in v.value && v.value.mutations[0], { kind: "unroll", loop: "L1", factor: 2 });
    }
    assert.equal(functionNamedIn('... "target_function": "hot_fn" ... @other'), "hot_fn");
    assert.equal(JSON.parse(cannedProposal("nothing here")).target_function, "main");
  });

  it("says when maxTokens cut the answer, and honours stop strings", async () => {
    const r = createModelRunner("mock", { responses: ["x".repeat(100), "abc STOP def"] });
    const d = await r.queryDetailed("p", { maxTokens: 5 });
    assert.equal(d.text.length, 20);
    assert.equal(d.truncated, true);
    assert.equal(d.stopReason, "maxTokens");
    assert.equal(r.lastQueryInfo, d);
    const s = await r.queryDetailed("p", { stop: [" STOP"] });
    assert.equal(s.text, "abc");
    assert.equal(s.stopReason, "stop");
  });

  it("is bounded: a slow answer times out, an abort ends it", async () => {
    const r = createModelRunner("mock", { delayMs: 10_000, responses: ["late"], onExhausted: "cycle" });
    const t0 = Date.now();
    await assert.rejects(r.query("p", { timeoutMs: 50 }), (e: unknown) => e instanceof ModelTimeoutError && e.partial === "" && e.timeoutMs === 50);
    assert.ok(Date.now() - t0 < 5000);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 30);
    await assert.rejects(r.query("p", { signal: ac.signal }), ModelAbortError);
    await assert.rejects(r.query("p", { signal: AbortSignal.abort() }), ModelAbortError);
  });

  it("refuses queries after dispose", async () => {
    const r = createModelRunner("mock");
    await r.dispose();
    await assert.rejects(r.query("p"), /disposed/);
  });
});
