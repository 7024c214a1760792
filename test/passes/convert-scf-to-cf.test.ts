// --convert-scf-to-cf builds the blocks and branches MLIR 19's SCFToControlFlow patterns build:
// ops.mlir gives ops.expected.mlir (mlir-opt-19's output, checked again where MLIR is installed),
// generated programs give mlir-opt-19's text, and the lowered programs print what they printed.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { DiagnosticSink } from "../../src/ir/diagnostics.js";
import { runPasses } from "../../src/passes/pass.js";
import { resolvePipeline } from "../../src/passes/pipeline.js";
import { convertScfToCf } from "../../src/passes/convert-scf-to-cf.js";
import { Rng } from "../../src/optimizer/random.js";
import { generateProgram } from "../backend/gen/program.js";
import { runText } from "../backend/wasm/helpers.js";
import { maskOutput, mlirOpt, mlirSkip, repoRoot, spelledOutPrints } from "../support/mlir.js";

const read = (f: string) => readFileSync(join(repoRoot(), "test/passes/convert-scf-to-cf", f), "utf8");
/** MLIR's printer leaves trailing spaces and blank lines ours does not. */
const norm = (s: string) => spelledOutPrints(s).split("\n").map((l) => l.trimEnd()).filter(Boolean).join("\n");

function lowered(text: string, passes = ["convert-scf-to-cf"]): string {
  const ctx = createContext();
  const m = parseModule(text, "in.mlir", ctx);
  runPasses(m, ctx, resolvePipeline(passes));
  assert.deepEqual(verifyModule(m, ctx).map((d) => d.message), [], "the lowered module verifies");
  return printModule(m, ctx, { aliases: true });
}
const programs = (seed: number, n: number) => {
  const r = new Rng(seed);
  return Array.from({ length: n }, () => generateProgram(Array.from({ length: 50 + r.int(500) }, () => r.int(0x10000)), { fuel: 24, maxDepth: 3, transcendentals: false }));
};

test("for, if (with and without results, on a negated condition), while, do-while, index_switch, execute_region, parallel and forall become mlir-opt-19's blocks", () => {
  const out = lowered(read("ops.mlir"));
  assert.equal(norm(out), norm(read("ops.expected.mlir")));
  assert.doesNotMatch(out, /scf\./);
});

test("ops.expected.mlir is what mlir-opt-19 --convert-scf-to-cf prints", { skip: mlirSkip() }, () => {
  const r = mlirOpt(["--convert-scf-to-cf"], read("ops.mlir"));
  assert.equal(r.code, 0, r.stderr);
  assert.equal(norm(r.stdout), norm(read("ops.expected.mlir")));
});

test("generated programs after lower-affine and convert-scf-to-cf print as mlir-opt-19 prints them", { skip: mlirSkip() }, () => {
  for (const text of programs(20261127, 40)) {
    const theirs = mlirOpt(["--lower-affine", "--convert-scf-to-cf"], text);
    assert.equal(theirs.code, 0, theirs.stderr);
    assert.equal(norm(lowered(text, ["lower-affine", "convert-scf-to-cf"])), norm(theirs.stdout), text);
  }
});

test("lowered to branches, generated programs print under both engines what they print structured", () => {
  const run = (text: string, engine: "wasm" | "interp") => { try { return maskOutput(runText(text, { engine, seed: 1 }).out); } catch (e) { return `<error: ${(e as Error).message}>`; } };
  for (const text of programs(7, 15)) {
    const want = run(text, "interp"), cf = lowered(text, ["lower-affine", "convert-scf-to-cf"]);
    assert.match(cf, /cf\.cond_br/);
    for (const engine of ["wasm", "interp"] as const) assert.equal(run(cf, engine), want, `${engine}:\n${cf}`);
  }
});

test("an scf op inside an op whose region keeps one block is left, with an error naming both", () => {
  const ctx = createContext(), sink = new DiagnosticSink();
  const m = parseModule(`func.func @f(%c: i1, %m: memref<4xf32>, %x: f32) {
  affine.for %i = 0 to 4 {
    scf.if %c {
      affine.store %x, %m[%i] : memref<4xf32>
    }
  }
  return
}`, "in.mlir", ctx);
  convertScfToCf.run(m, ctx, sink);
  assert.deepEqual(sink.diagnostics.map((d) => `${d.loc?.line}:${d.loc?.col} ${d.message}`),
    ["3:5 scf.if inside affine.for is not lowered: that op's region keeps one block (lower it first, e.g. --lower-affine)"]);
});
