// The CLI's lazily loaded pass catalog lists exactly the registry's passes, and each entry loads
// the registered pass object; the pass manager's observer sees each pass before, after or failed.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PASS_CATALOG, PipelineError, parsePassPipeline } from "../../src/passes/catalog.js";
import { PASSES } from "../../src/passes/registry.js";
import { createContext } from "../../src/dialects/index.js";
import { DiagnosticError } from "../../src/ir/diagnostics.js";
import { parseModule } from "../../src/ir/parser.js";
import { canonicalize } from "../../src/passes/canonicalize.js";
import { runPasses, type Pass } from "../../src/passes/pass.js";

describe("pass catalog", () => {
  it("has the registry's names and descriptions, in order", () => {
    assert.deepEqual(PASS_CATALOG.map((e) => [e.name, e.description]), PASSES.map((p) => [p.name, p.description]));
  });
  it("loads each registered pass", async () => {
    for (const [i, e] of PASS_CATALOG.entries()) assert.equal(await e.load(), PASSES[i]);
  });
});

describe("--pass-pipeline text", () => {
  const names = (t: string) => parsePassPipeline(t).map((p) => p.entry.name);
  it("lists the passes in order, nested in func.func(...) or any(...) or not", () => {
    assert.deepEqual(names("builtin.module(cse)"), ["cse"]);
    assert.deepEqual(names(" builtin.module( func.func(canonicalize , cse), convert-tensorlang-to-linalg, any(lower-affine) ) "),
      ["canonicalize", "cse", "convert-tensorlang-to-linalg", "lower-affine"]);
    assert.deepEqual(names("builtin.module()"), []);
    assert.deepEqual(names("any(func.func(cse))"), ["cse"]);
  });
  it("reads pass options as MLIR writes them: key=value, a value quoted or in braces, an empty one", () => {
    const opts = (t: string) => parsePassPipeline(t).map((p) => Object.fromEntries(p.options));
    assert.deepEqual(opts("builtin.module(inline{max-iterations=2 default-pipeline=}, cse)"), [{ "max-iterations": "2", "default-pipeline": "" }, {}]);
    assert.deepEqual(opts("builtin.module(inline{ default-pipeline={canonicalize} })"), [{ "default-pipeline": "canonicalize" }]);
    assert.deepEqual(opts(`builtin.module(inline{default-pipeline="func.func(canonicalize{x=1})"})`), [{ "default-pipeline": "func.func(canonicalize{x=1})" }]);
  });
  it("reports what is wrong at its column", () => {
    const fails = (t: string, column: number, msg: RegExp) => assert.throws(() => parsePassPipeline(t),
      (e: unknown) => e instanceof PipelineError && e.column === column && msg.test(e.message), t);
    fails("builtin.module(nope)", 16, /'nope' does not refer to a registered pass/);
    fails("builtin.module(func.func(bufferize))", 26, /'bufferize' runs on the whole module: it cannot be nested in 'func.func'/);
    fails("builtin.module(canonicalize{max-iterations=2})", 29, /pass 'canonicalize' has no option 'max-iterations' \(it takes none\)/);
    fails("builtin.module(inline{max-iterations=2 depth=3})", 40, /pass 'inline' has no option 'depth' \(it takes max-iterations, default-pipeline\)/);
    fails("builtin.module(inline{max-iterations=two})", 23, /expects an unsigned integer, not 'two'/);
    fails("builtin.module(inline{max-iterations=2)", 22, /expected '}' after the pass options/);
    fails("builtin.module(inline{default-pipeline=\"cse})", 22, /expected '}' after the pass options/);
    fails("func.func(cse)", 1, /runs on 'builtin.module'/);
    fails("builtin.module(func.func(func.func(cse)))", 26, /cannot be nested in 'func.func'/);
    fails("builtin.module(cse", 19, /expected '\)'/);
    fails("builtin.module(cse) x", 21, /unexpected 'x'/);
    fails("builtin.module(cse,)", 20, /expected a pass or an op name, found '\)'/);
    fails("", 1, /expected a pass or an op name/);
  });
});

describe("runPasses", () => {
  it("reports a pass that leaves IR the verifier rejects as Failed, not After, and names the pass in the error", () => {
    const ctx = createContext(), m = parseModule("func.func @f() -> i32 {\n  %c = arith.constant 1 : i32\n  return %c : i32\n}", "t.mlir", ctx);
    const breaks: Pass = { name: "breaks", description: "erases a constant that is still used", run(mod) { mod.op.walk((o) => { if (o.name === "arith.constant") o.erase(); }); } };
    const seen: string[] = [];
    assert.throws(() => runPasses(m, ctx, [canonicalize, breaks], { observe: (when, p) => seen.push(`${when} ${p.name}`) }),
      (e: unknown) => e instanceof DiagnosticError && /\(after pass 'breaks'\)/.test(e.message));
    assert.deepEqual(seen, ["Before canonicalize", "After canonicalize", "Before breaks", "Failed breaks"]);
  });
});
