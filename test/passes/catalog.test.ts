// The CLI's lazily loaded pass catalog lists exactly the registry's passes, and each entry loads
// the registered pass object.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PASS_CATALOG, PipelineError, parsePassPipeline } from "../../src/passes/catalog.js";
import { PASSES } from "../../src/passes/registry.js";

describe("pass catalog", () => {
  it("has the registry's names and descriptions, in order", () => {
    assert.deepEqual(PASS_CATALOG.map((e) => [e.name, e.description]), PASSES.map((p) => [p.name, p.description]));
  });
  it("loads each registered pass", async () => {
    for (const [i, e] of PASS_CATALOG.entries()) assert.equal(await e.load(), PASSES[i]);
  });
});

describe("--pass-pipeline text", () => {
  const names = (t: string) => parsePassPipeline(t).map((p) => p.name);
  it("lists the passes in order, nested in func.func(...) or any(...) or not", () => {
    assert.deepEqual(names("builtin.module(cse)"), ["cse"]);
    assert.deepEqual(names(" builtin.module( func.func(canonicalize , cse), convert-tensorlang-to-linalg, any(lower-affine) ) "),
      ["canonicalize", "cse", "convert-tensorlang-to-linalg", "lower-affine"]);
    assert.deepEqual(names("builtin.module()"), []);
    assert.deepEqual(names("any(func.func(cse))"), ["cse"]);
  });
  it("reports what is wrong at its column", () => {
    const fails = (t: string, column: number, msg: RegExp) => assert.throws(() => parsePassPipeline(t),
      (e: unknown) => e instanceof PipelineError && e.column === column && msg.test(e.message), t);
    fails("builtin.module(nope)", 16, /'nope' does not refer to a registered pass/);
    fails("builtin.module(func.func(bufferize))", 26, /'bufferize' runs on the whole module: it cannot be nested in 'func.func'/);
    fails("builtin.module(canonicalize{max-iterations=2})", 28, /takes no options/);
    fails("func.func(cse)", 1, /runs on 'builtin.module'/);
    fails("builtin.module(func.func(func.func(cse)))", 26, /cannot be nested in 'func.func'/);
    fails("builtin.module(cse", 19, /expected '\)'/);
    fails("builtin.module(cse) x", 21, /unexpected 'x'/);
    fails("builtin.module(cse,)", 20, /expected a pass or an op name, found '\)'/);
    fails("", 1, /expected a pass or an op name/);
  });
});
