import assert from "node:assert/strict";
import { test } from "node:test";
import { DiagnosticError } from "../../src/ir/diagnostics.js";
import { lowerAffine } from "../../src/passes/lower-affine.js";
import { assertMlirAccepts, assertSameAfter, count, has, input, lower, mlirSkip } from "./lowering-support.js";
import { mlirOpt } from "../support/mlir.js";

const src = input("lower-affine/affine-ops.mlir");

test("lower-affine: every affine op becomes scf/arith/memref", () => {
  const { module } = lower(src, [lowerAffine]);
  assert.equal(has(module, "affine."), false);
  assert.equal(count(module, "scf.for"), 3);
  assert.equal(count(module, "scf.if"), 1);
  assert.equal(count(module, "scf.parallel"), 1);
  assert.equal(count(module, "memref.load"), 2);
  assert.equal(count(module, "memref.store"), 1);
  // max lower bound, min upper bounds (loop bound and affine.min)
  assert.equal(count(module, "arith.maxsi"), 1);
  assert.equal(count(module, "arith.minsi"), 2);
});

for (const file of ["affine-ops.mlir", "reductions-and-if.mlir", "delinearize-vector.mlir"]) {
  test(`lower-affine: ${file} expands as MLIR does (same IR after canonicalize+cse)`, { skip: mlirSkip() }, () => {
    const text0 = input(`lower-affine/${file}`);
    const { module, text } = lower(text0, [lowerAffine]);
    assert.equal(has(module, "affine."), false);
    assertMlirAccepts(text);
    assertSameAfter(["--canonicalize", "--cse"], text, ["--lower-affine"], text0);
  });
}

test("lower-affine: mod / floordiv / ceildiv of negative values agree with affine semantics", { skip: mlirSkip() }, () => {
  // Lower our way, then let mlir-opt fold the constant index math: each result must equal the
  // mathematical floor/ceil/mod (what affine.apply means).
  const cases: [string, number, (x: number) => number][] = [
    ["d0 floordiv 4", -7, (x) => Math.floor(x / 4)], ["d0 ceildiv 4", -7, (x) => Math.ceil(x / 4)],
    ["d0 mod 4", -7, (x) => ((x % 4) + 4) % 4], ["d0 floordiv 3", 7, (x) => Math.floor(x / 3)],
    ["d0 ceildiv 3", 7, (x) => Math.ceil(x / 3)], ["d0 mod 3", 8, (x) => x % 3],
  ];
  for (const [e, x, want] of cases) {
    const prog = `func.func @f() -> index {
  %c = arith.constant ${x} : index
  %r = affine.apply affine_map<(d0) -> (${e})>(%c)
  return %r : index
}`;
    const { text } = lower(prog, [lowerAffine]);
    const folded = mlirOpt(["--canonicalize"], text);
    assert.equal(folded.code, 0, folded.stderr);
    assert.match(folded.stdout, new RegExp(`arith.constant ${want(x)} : index`), `${e} at ${x}`);
  }
});

test("lower-affine: division by a symbol is reported, not miscompiled", () => {
  const prog = `func.func @f(%a: index, %s: index) -> index {
  %r = affine.apply affine_map<(d0)[s0] -> (d0 floordiv s0)>(%a)[%s]
  return %r : index
}`;
  assert.throws(() => lower(prog, [lowerAffine]), (e: unknown) => e instanceof DiagnosticError && /semi-affine/.test(e.message));
});
