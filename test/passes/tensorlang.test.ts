// --verify-linearity and --convert-tensorlang-to-linalg: diagnostics at the expected lines, the
// shape of the lowered IR, mlir-opt-19 accepting it, and the lowered programs' output when run
// by the reference interpreter.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { runMain } from "../../src/interp/interpreter.js";
import { Module } from "../../src/ir/core.js";
import { DiagnosticSink, formatDiagnostic, type Diagnostic } from "../../src/ir/diagnostics.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { convertTensorlangToLinalg } from "../../src/passes/convert-tensorlang-to-linalg.js";
import { runPasses } from "../../src/passes/pass.js";
import { lookupPass } from "../../src/passes/registry.js";
import { LINEARITY_MESSAGE, linearityViolations, verifyLinearity } from "../../src/passes/verify-linearity.js";
import { createCapturingContext, interpHost, TensorLangAssertError } from "../../src/runtime/host.js";
import { repoRoot } from "../support/mlir.js";

const root = repoRoot();
const dataDir = join(root, "test", "passes", "tensorlang");
const ctx = createContext();
const hasMlirOpt = spawnSync("mlir-opt-19", ["--version"]).status === 0;

/** `// -----` chunks of a file, each padded with newlines so locations match the whole file. */
function chunks(file: string): { text: string; first: number }[] {
  const out: { text: string; first: number }[] = [];
  let line = 1;
  for (const c of readFileSync(file, "utf8").split(/^\/\/ -----[ \t]*$/m)) {
    out.push({ text: "\n".repeat(line - 1) + c, first: line });
    line += c.split("\n").length - 1;
  }
  return out;
}

function load(text: string, file = "test.mlir"): Module {
  const m = parseModule(text, file, ctx);
  const ds = verifyModule(m, ctx);
  assert.deepEqual(ds.map(formatDiagnostic), [], "input verifies");
  return m;
}

/** Runs a pass, returning its diagnostics (the module is changed in place). */
function runPass(m: Module, pass: typeof verifyLinearity): Diagnostic[] {
  const sink = new DiagnosticSink();
  pass.run(m, ctx, sink);
  return sink.diagnostics;
}

function lower(text: string, file = "test.mlir"): Module {
  const m = load(text, file);
  assert.deepEqual(runPass(m, convertTensorlangToLinalg).map(formatDiagnostic), []);
  assert.deepEqual(verifyModule(m, ctx).map(formatDiagnostic), [], "lowered IR verifies");
  return m;
}

function run(m: Module): string {
  const host = createCapturingContext({ seed: 0 });
  runMain(m, host, { host: interpHost(host) });
  return host.output();
}

describe("--verify-linearity", () => {
  it("reports every linear value not used exactly once at its definition", () => {
    const file = join(dataDir, "verify-linearity.mlir");
    let cases = 0;
    for (const { text } of chunks(file)) {
      const want: number[] = [];
      text.split("\n").forEach((l, i) => {
        const m = /\/\/\s*expected-error\s*@\+(\d+)\s*\{\{(.*)\}\}/.exec(l);
        if (m) { assert.equal(m[2], LINEARITY_MESSAGE); want.push(i + 1 + Number(m[1])); }
      });
      const got = runPass(load(text, file), verifyLinearity);
      assert.deepEqual(got.map((d) => d.loc?.line).sort(), want.sort(), `chunk at line ${text.split("\n").length}`);
      assert.ok(got.every((d) => d.message === LINEARITY_MESSAGE && d.severity === "error"));
      cases += want.length ? 1 : 0;
    }
    assert.ok(cases >= 8);
  });

  it("is registered and reports block arguments at the argument", () => {
    assert.equal(lookupPass("verify-linearity"), verifyLinearity);
    const m = load(`func.func @f(%a: i32,\n  %b: !tensorlang.tensor<f32, 2>) {\n  return\n}`);
    const [d] = runPass(m, verifyLinearity);
    assert.deepEqual([d.loc?.line, d.loc?.col], [2, 3]);
    assert.equal(linearityViolations(m.op).length, 1);
  });
});

describe("--convert-tensorlang-to-linalg", () => {
  const programs = chunks(join(dataDir, "convert-tensorlang-to-linalg.mlir"));

  it("is registered", () => assert.equal(lookupPass("convert-tensorlang-to-linalg"), convertTensorlangToLinalg));

  it("test programs are linear, and lower to builtin types and standard ops (prints kept)", () => {
    for (const { text, first } of programs) {
      assert.deepEqual(runPass(load(text), verifyLinearity).map(formatDiagnostic), [], `program at line ${first}`);
      const out = printModule(lower(text), ctx);
      assert.ok(!out.includes("!tensorlang"), `linear types remain:\n${out}`);
      const left = (out.match(/\btensorlang\.[a-z_]+/g) ?? []).filter((n) => n !== "tensorlang.print");
      assert.deepEqual(left, [], `tensorlang ops remain:\n${out}`);
    }
  });

  it("lowers matmul to tensor.empty + linalg.fill of zero + linalg.matmul, and constants to arith.constant", () => {
    const out = printModule(lower(`func.func @f(%a: !tensorlang.tensor<f32, "m", 3>, %b: tensor<3x?xf32>) -> !tensorlang.tensor<f32, "m", ?> {
  %0 = tensorlang.matmul %a, %b : !tensorlang.tensor<f32, "m", 3>, tensor<3x?xf32> -> !tensorlang.tensor<f32, "m", ?>
  return %0 : !tensorlang.tensor<f32, "m", ?>
}
func.func @g() -> tensor<2xi32> {
  %0 = tensorlang.constant dense<[1, 2]> : tensor<2xi32>
  return %0 : tensor<2xi32>
}`), ctx);
    assert.match(out, /func\.func @f\(%arg0: tensor<\?x3xf32>, %arg1: tensor<3x\?xf32>\) -> tensor<\?x\?xf32>/);
    assert.match(out, /%(\w+) = arith\.constant 0\.000000e\+00 : f32\n/);
    // Rows come from the lhs (dim 0), columns from the rhs (dim 1).
    assert.match(out, /tensor\.dim %arg0, %\w+ : tensor<\?x3xf32>[\s\S]*tensor\.dim %arg1, %\w+ : tensor<3x\?xf32>/);
    assert.match(out, /tensor\.empty\(%\w+, %\w+\) : tensor<\?x\?xf32>/);
    assert.match(out, /linalg\.fill ins\(%\w+ : f32\) outs\(%\w+ : tensor<\?x\?xf32>\) -> tensor<\?x\?xf32>/);
    assert.match(out, /linalg\.matmul ins\(%arg0, %arg1 : tensor<\?x3xf32>, tensor<3x\?xf32>\) outs\(%\w+ : tensor<\?x\?xf32>\) -> tensor<\?x\?xf32>/);
    assert.match(out, /arith\.constant dense<\[1, 2\]> : tensor<2xi32>/);
  });

  it("lowered programs print what the tensorlang ops compute", () => {
    const expected = [
      "Tensor<2x2xf32>:\n[[0,   0], \n [0,   0]]\nTensor<2x2xf32>:\n[[1,   2], \n [4,   8]]\n",
      "Tensor<2x3xf32>:\n[[1,   0,   3], \n [0,   0.5,   0]]\nTensor<3x2xf32>:\n[[1,   0], \n [0,   0.5], \n [3,   0]]\n" +
        "Tensor<3x2xf32>:\n[[0.991329,   0.761594], \n [0.761594,   0.928682], \n [1,   0.761594]]\n",
      "Tensor<3xf32>:\n[5,  2.5,  -3]\nTensor<f32>:\n[4]\n" +
        "Tensor<2x3xf32>:\n[[0.0900306,   0.244728,   0.665241], \n [0.970645,   0.0293109,   4.40672e-05]]\n",
      "Tensor<2x2xi32>:\n[[19,   -10], \n [-13,   50]]\nTensor<2xi32>:\n[19,  50]\nTensor<2x2xi32>:\n[[19,   -10], \n [-13,   50]]\n",
      "Tensor<2x2xf32>:\n[[2,   1], \n [4,   3]]\n",
      "Tensor<f32>:\n[2.46212]\n",
    ];
    assert.equal(programs.length, expected.length);
    programs.forEach(({ text, first }, i) => assert.equal(run(lower(text)), expected[i], `program at line ${first}`));
  });

  it("the interpreter agrees before lowering, after it, and at loop level (bufferized)", () => {
    const loops = ["bufferize", "convert-linalg-to-loops"].map((n) => lookupPass(n));
    for (const { text, first } of programs) {
      const direct = run(load(text));
      assert.equal(run(lower(text)), direct, `program at line ${first}`);
      const m = lower(text);
      if (loops.every((p) => p)) {
        runPasses(m, ctx, loops.map((p) => p!));
        assert.equal(run(m), direct, `program at line ${first}, at loop level`);
      }
    }
  });

  it("lowers a failing tensorlang.assert to tensorlang_assert_fail(line)", () => {
    const m = lower(`func.func @main() {
  %f = arith.constant false
  tensorlang.assert %f, "must hold"
  return
}`);
    assert.match(printModule(m, ctx), /func\.func private @tensorlang_assert_fail\(i64\)[\s\S]*scf\.if[\s\S]*arith\.constant 3 : i64\n\s*func\.call @tensorlang_assert_fail/);
    assert.throws(() => run(m), (e: unknown) => e instanceof TensorLangAssertError && e.loc === 3n);
    const ok = lower(`func.func @main() {\n  %t = arith.constant true\n  tensorlang.assert %t\n  return\n}`);
    assert.equal(run(ok), "");
  });

  it("checks at run time the sizes the types leave open (matmul inner, a static result, elementwise operands)", () => {
    const ones = (r: number, c: number) => `dense<1.0> : tensor<${r}x${c}xf32>`;
    const matmul = (rows: number, k: number) => `func.func @main() {
  %a = tensorlang.constant ${ones(rows, k)} : !tensorlang.tensor<f32, ?, ?>
  %b = tensorlang.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32> : !tensorlang.tensor<f32, ?, 2>
  %c = tensorlang.matmul %a, %b : !tensorlang.tensor<f32, ?, ?>, !tensorlang.tensor<f32, ?, 2> -> !tensorlang.tensor<f32, 2, 2>
  tensorlang.print %c : !tensorlang.tensor<f32, 2, 2>
  return
}`;
    const add = (rows: number) => `func.func @main() {
  %x = tensorlang.constant ${ones(2, 2)} : !tensorlang.tensor<f32, ?, 2>
  %y = tensorlang.constant ${ones(rows, 2)} : !tensorlang.tensor<f32, ?, 2>
  %z = tensorlang.add %x, %y : !tensorlang.tensor<f32, ?, 2>
  tensorlang.print %z : !tensorlang.tensor<f32, ?, 2>
  return
}`;
    const fails = (text: string, want: string) => assert.throws(() => run(lower(text)), (e: unknown) =>
      e instanceof Error && e.message === `runtime error in @main: tensor sizes disagree at line 4: ${want}`, text);
    fails(matmul(2, 3), "3 vs 2"); // inner dimensions: 2x3 times 2x2
    fails(matmul(3, 2), "3 vs 2"); // 3 rows where the result type says 2
    fails(add(3), "2 vs 3");
    assert.throws(() => run(load(matmul(3, 2))), /tensorlang\.matmul: result dimension 0 is 3, its type says 2/);
    assert.match(printModule(lower(matmul(2, 2)), ctx), /func\.func private @tensorlang_shape_fail\(i64, i64, i64\)[\s\S]*arith\.cmpi ne/);
    assert.equal(run(lower(matmul(2, 2))), "Tensor<2x2xf32>:\n[[4,   6], \n [4,   6]]\n");
    assert.equal(run(lower(add(2))), "Tensor<2x2xf32>:\n[[2,   2], \n [2,   2]]\n");
    // Static sizes are the verifier's: no check.
    assert.doesNotMatch(printModule(lower(readFileSync(join(root, "examples", "matmul_tensor.mlir"), "utf8")), ctx), /tensorlang_shape_fail/);
  });

  it("checks an operand's open size against a static result size of transpose and reduce", () => {
    // Unchecked, a 2x3 operand typed ?x3 transposed to 3x4 printed two columns of zeros (read past it).
    const op = (line: string, rt: string) => `func.func @main() {
  %a = tensorlang.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32> : !tensorlang.tensor<f32, ?, 3>
  %t = ${line} : !tensorlang.tensor<f32, ?, 3> -> ${rt}
  tensorlang.print %t : ${rt}
  return
}`;
    const fails = (text: string, want: string) => assert.throws(() => run(lower(text)), (e: unknown) =>
      e instanceof Error && e.message === `runtime error in @main: tensor sizes disagree at line 3: ${want}`, text);
    fails(op("tensorlang.transpose %a", "!tensorlang.tensor<f32, 3, 4>"), "2 vs 4");
    fails(op("tensorlang.reduce_sum %a {axis = 1}", "!tensorlang.tensor<f32, 5>"), "2 vs 5");
    fails(op("tensorlang.reduce_mean %a {axis = 1}", "!tensorlang.tensor<f32, 5>"), "2 vs 5");
    // The interpreter on tensors stops there too (it printed a 2-element result typed 5; found by tensorlang-random.test.ts).
    const failsDirect = (text: string, want: string) => assert.throws(() => run(load(text)), (e: unknown) =>
      e instanceof Error && e.message === `runtime error in @main: ${want}`, text);
    failsDirect(op("tensorlang.transpose %a", "!tensorlang.tensor<f32, 3, 4>"), "tensorlang.transpose: result dimension 1 is 2, its type says 4");
    failsDirect(op("tensorlang.reduce_sum %a {axis = 1}", "!tensorlang.tensor<f32, 5>"), "tensorlang.reduce_sum: result dimension 0 is 2, its type says 5");
    failsDirect(op("tensorlang.reduce_max %a {axis = 1}", "!tensorlang.tensor<f32, 5>"), "tensorlang.reduce_max: result dimension 0 is 2, its type says 5");
    failsDirect(op("tensorlang.reduce_mean %a {axis = 1}", "!tensorlang.tensor<f32, 5>"), "tensorlang.reduce_mean: result dimension 0 is 2, its type says 5");
    assert.equal(run(lower(op("tensorlang.transpose %a", "!tensorlang.tensor<f32, 3, 2>"))), "Tensor<3x2xf32>:\n[[1,   4], \n [2,   5], \n [3,   6]]\n");
    assert.equal(run(lower(op("tensorlang.reduce_max %a {axis = 1}", "!tensorlang.tensor<f32, 2>"))), "Tensor<2xf32>:\n[3,  6]\n");
    assert.doesNotMatch(printModule(lower(op("tensorlang.reduce_max %a {axis = 0}", "!tensorlang.tensor<f32, 3>")), ctx), /tensorlang_shape_fail/);
  });

  it("lowers a symbolic_dim bound by an earlier value of the block, not only by an argument", () => {
    // The constant was lowered first, its linear type gone: "n" was reported as bound by nothing.
    const m = lower(`func.func @main() {
  %a = tensorlang.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32> : !tensorlang.tensor<f32, "n">
  %n = tensorlang.symbolic_dim "n"
  %c3 = arith.constant 3 : index
  %ok = arith.cmpi eq, %n, %c3 : index
  tensorlang.assert %ok, "n is 3"
  tensorlang.print %a : !tensorlang.tensor<f32, "n">
  return
}`);
    assert.match(printModule(m, ctx), /tensor\.dim %\w+, %\w+ : tensor<\?xf32>/);
    assert.equal(run(m), "Tensor<3xf32>:\n[1,  2,  3]\n");
  });

  it("lowers a broadcast and a reshape whose symbolic sizes an earlier value of the block names", () => {
    // As for symbolic_dim: "n" was reported as bound by nothing (the interpreter ran it). Found by tensorlang-random.test.ts.
    const text = `func.func @main() {
  %a = tensorlang.constant dense<[1.0, 2.0]> : tensor<2xf32> : !tensorlang.tensor<f32, "n">
  %b = tensorlang.constant dense<[3.0, 4.0, 5.0]> : !tensorlang.tensor<f32, 3>
  %c = tensorlang.broadcast %b : !tensorlang.tensor<f32, 3> -> !tensorlang.tensor<f32, "n", 3>
  %d = tensorlang.reshape %c : !tensorlang.tensor<f32, "n", 3> -> !tensorlang.tensor<f32, 3, "n">
  tensorlang.print %a : !tensorlang.tensor<f32, "n">
  tensorlang.print %d : !tensorlang.tensor<f32, 3, "n">
  return
}`;
    assert.equal(run(lower(text)), run(load(text)));
    assert.equal(run(load(text)), "Tensor<2xf32>:\n[1,  2]\nTensor<3x2xf32>:\n[[3,   4], \n [5,   3], \n [4,   5]]\n");
  });

  it("reports a symbolic_dim no tensor argument binds", () => {
    const m = load(`func.func @f() -> index {\n  %0 = tensorlang.symbolic_dim "n"\n  return %0 : index\n}`);
    const ds = runPass(m, convertTensorlangToLinalg);
    assert.equal(ds.length, 1);
    assert.equal(ds[0].loc?.line, 2);
    assert.match(ds[0].message, /symbolic dimension "n" is not the size of any tensor argument/);
  });

  it("the examples' tensorlang programs print their expected output after lowering", () => {
    for (const name of ["hello", "matmul_tensor"]) {
      const text = readFileSync(join(root, "examples", `${name}.mlir`), "utf8");
      assert.equal(run(lower(text, `${name}.mlir`)), readFileSync(join(root, "examples", `${name}.expected`), "utf8"));
    }
  });

  it("mlir-opt-19 accepts the lowered programs (prints removed: they stay tensorlang ops)", { skip: !hasMlirOpt && "mlir-opt-19 not installed" }, () => {
    const texts = [...programs.map((p) => p.text), readFileSync(join(root, "test", "dialects", "tensorlang", "ops.mlir"), "utf8")];
    for (const text of texts) {
      const m = lower(text);
      m.walk((op) => { if (op.name === "tensorlang.print") op.erase(); });
      for (const generic of [false, true]) {
        const printed = printModule(m, ctx, { generic });
        const r = spawnSync("mlir-opt-19", ["--verify-each", "-"], { input: printed, encoding: "utf8" });
        assert.equal(r.status, 0, `${r.stderr}\n${printed}`);
      }
    }
  });
});
