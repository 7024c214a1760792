import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import type { Module } from "../../src/ir/core.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { ShapedType, TensorType } from "../../src/ir/types.js";
import { runPasses } from "../../src/passes/pass.js";
import { printViaRunnerUtils } from "../../src/passes/lowering-print.js";
import {
  defaultPipeline, lowerToLoops, resolvePipeline, toAffinePipeline, toLoopsPipeline, toScfPipeline,
} from "../../src/passes/pipeline.js";
import { assertMlirAccepts, ctx, input, mlirSkip, opNames } from "./lowering-support.js";
import { mlirOpt, mlirRun } from "../support/mlir.js";
import { runMain } from "../../src/interp/interpreter.js";
import { createCapturingContext, interpHost } from "../../src/runtime/host.js";

const example = (name: string) => readFileSync(fileURLToPath(new URL(`../../../examples/${name}`, import.meta.url)), "utf8");
const parse = (text: string): Module => parseModule(text, "input.mlir", ctx);
/** printMemref output without its address-bearing header lines. */
const dataOf = (out: string) => out.split("\n").filter((l) => !l.startsWith("Unranked") && !l.startsWith("Tensor<")).join("\n").trim();

/** No tensor-level op or type is left; only scf/arith/memref/func/math (+ tensorlang.print on buffers). */
function assertLoopLevel(m: Module, allowAffine = false): void {
  m.walk((o) => {
    const d = o.name.split(".")[0];
    const ok = ["builtin", "func", "arith", "math", "memref", "scf"].includes(d) || (allowAffine && d === "affine") ||
      (o.name === "tensorlang.print" && !(o.operand(0).type instanceof TensorType));
    assert.ok(ok, `unexpected op ${o.name} at loop level`);
    for (const v of [...o.operands, ...o.results]) assert.ok(!(v.type instanceof TensorType), `tensor value left on ${o.name}`);
  });
}

test("pipelines: names resolve through the registry", () => {
  assert.deepEqual(defaultPipeline, toScfPipeline);
  assert.deepEqual(resolvePipeline(toScfPipeline).map((p) => p.name),
    ["convert-tensorlang-to-linalg", "tensorlang-fuse-elementwise", "bufferize", "scf-forall-to-parallel", "convert-linalg-to-loops", "lower-affine"]);
  assert.equal(toLoopsPipeline.includes("lower-affine"), false);
  assert.throws(() => resolvePipeline(["no-such-pass"]), /unknown pass 'no-such-pass'/);
});

for (const name of ["hello", "matmul_tensor"]) {
  test(`lowerToLoops: examples/${name}.mlir reaches loop level and runs under mlir-cpu-runner`, { skip: mlirSkip() }, () => {
    const m = parse(example(`${name}.mlir`));
    lowerToLoops(m, ctx);
    assertLoopLevel(m);
    assert.equal(verifyModule(m, ctx).length, 0);
    printViaRunnerUtils(m);
    const text = printModule(m, ctx);
    assertMlirAccepts(text);
    const r = mlirRun(text);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(dataOf(r.stdout), dataOf(example(`${name}.expected`)));
  });
}

for (const [file, prints] of [["tensorlang-ops", 3], ["tensorlang-ml-ops", 3], ["tensorlang-reshape", 3]] as const) {
  test(`lowerToLoops: pipeline/${file}.mlir (every tensorlang op), same printed results as MLIR's one-shot bufferization`, { skip: mlirSkip() }, () => {
    // Tensor level (our convert-tensorlang-to-linalg), prints as printMemref calls for both sides.
    const m = parse(input(`pipeline/${file}.mlir`));
    runPasses(m, ctx, resolvePipeline(["convert-tensorlang-to-linalg"]));
    assert.equal(printViaRunnerUtils(m), prints);
    // The print functions only read their argument: tell MLIR's analysis, or it copies around them.
    const tensorLevel = printModule(m, ctx).replace(/(@printMemref[FI](?:32|64)\(tensor<\*x[fi](?:32|64)>)\)/g, '$1 {bufferization.access = "read"})');
    const theirs = mlirOpt(["--one-shot-bufferize=bufferize-function-boundaries"], tensorLevel);
    assert.equal(theirs.code, 0, theirs.stderr);
    const want = mlirRun(theirs.stdout);
    assert.equal(want.code, 0, want.stderr);

    runPasses(m, ctx, resolvePipeline(["bufferize", "convert-linalg-to-loops", "lower-affine"]));
    assertLoopLevel(m);
    const text = printModule(m, ctx);
    assertMlirAccepts(text);
    const got = mlirRun(text);
    assert.equal(got.code, 0, got.stderr);
    assert.equal(dataOf(got.stdout), dataOf(want.stdout));
    assert.ok(opNames(m).filter((n) => n === "memref.dealloc").length > 0);
  });
}

test("lowerToLoops: keepAffine leaves the program's affine loops, the default lowers them", () => {
  const prog = `func.func @main() -> f32 {
  %t = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %e = tensor.empty() : tensor<4xf32>
  %d = linalg.add ins(%t, %t : tensor<4xf32>, tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %z = arith.constant 0.0 : f32
  %s = affine.for %i = 0 to 4 iter_args(%acc = %z) -> f32 {
    %v = tensor.extract %d[%i] : tensor<4xf32>
    %n = arith.addf %acc, %v : f32
    affine.yield %n : f32
  }
  return %s : f32
}`;
  const a = parse(prog);
  lowerToLoops(a, ctx, { keepAffine: true });
  assertLoopLevel(a, true);
  assert.ok(opNames(a).includes("affine.for"));
  const b = parse(prog);
  lowerToLoops(b, ctx);
  assertLoopLevel(b);
  assert.ok(!opNames(b).some((n) => n.startsWith("affine.")));
  for (const m of [a, b]) assert.ok(m.functions()[0].body().args.every((x) => !(x.type instanceof ShapedType)));
});

/** What the reference interpreter prints running `m`'s main. */
function interpret(m: Module): string {
  const host = createCapturingContext();
  try { runMain(m, host, { host: interpHost(host) }); } catch (e) { return `${host.output()}\nstopped: ${(e as Error).message}`; }
  return host.output();
}

test("lowerToLoops: the reference interpreter prints the same before and after lowering", () => {
  const programs = [example("hello.mlir"), example("matmul_tensor.mlir"), input("pipeline/tensorlang-ops.mlir"),
    input("bufferize/matmul.mlir"), input("bufferize/value-semantics.mlir"), input("pipeline/linalg-map.mlir"),
    input("pipeline/tensorlang-reshape.mlir")];
  assert.match(interpret(parse(input("pipeline/linalg-map.mlir"))), /\[5, +3, +1, +-1\]/);
  for (const text of programs) {
    const want = interpret(parse(text));
    assert.match(want, /Tensor</);
    for (const keepAffine of [false, true]) {
      const m = parse(text);
      lowerToLoops(m, ctx, { keepAffine });
      assertLoopLevel(m, keepAffine);
      assert.equal(interpret(m), want);
    }
    const a = parse(text);
    runPasses(a, ctx, resolvePipeline(toAffinePipeline));
    assertLoopLevel(a, true);
    assert.equal(interpret(a), want);
  }
});

test("lowerToLoops: loop-level examples keep their meaning (interpreter) and stay valid MLIR", { skip: mlirSkip() }, () => {
  const noTimes = (out: string) => out.split("\n").filter((l) => !/^time:/.test(l)).join("\n");
  for (const name of ["matmul_loops_small", "conv2d", "lander", "printf"]) {
    const text = example(`${name}.mlir`);
    const want = noTimes(interpret(parse(text)));
    const m = parse(text);
    lowerToLoops(m, ctx);
    assert.ok(!opNames(m).some((n) => n.startsWith("affine.") || n.startsWith("linalg.") || n.startsWith("tensor.")), name);
    assert.equal(noTimes(interpret(m)), want, name);
    assertMlirAccepts(printModule(m, ctx));
  }
});

test("lowered IR round-trips: print → parse → print is a fixed point (custom and generic forms)", () => {
  const files = ["bufferize/control-flow.mlir", "bufferize/dynamic.mlir", "bufferize/generate.mlir", "bufferize/matmul.mlir",
    "bufferize/value-semantics.mlir", "bufferize/reshape.mlir", "pipeline/tensorlang-ops.mlir", "pipeline/tensorlang-reshape.mlir"];
  for (const f of files) for (const pipeline of [toScfPipeline, toAffinePipeline]) {
    const m = parse(input(f));
    runPasses(m, ctx, resolvePipeline(pipeline));
    const text = printModule(m, ctx);
    assert.equal(printModule(parse(text), ctx), text, f);
    assert.equal(printModule(parse(printModule(m, ctx, { generic: true })), ctx), text, `${f} (generic)`);
  }
});
