// --cse as MLIR's pass: equal effect-free ops with regions merge (a linalg.generic on tensors, an
// scf.for or scf.if whose bodies only compute), ops that may write do not, blocks of a CFG reuse
// what dominates them; what mlir-opt-19 --cse prints for the same programs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { runPasses } from "../../src/passes/pass.js";
import { lookupPass } from "../../src/passes/registry.js";
import { mlirOpt, mlirSkip } from "../support/mlir.js";

const PROGRAM = `#id = affine_map<(d0) -> (d0)>
func.func @f(%a: tensor<4xf32>, %n: index, %c: i1, %x: i32, %m: memref<4xi32>) -> (tensor<4xf32>, tensor<4xf32>, i32, i32, i32, i32, i32, i32) {
  %e = tensor.empty() : tensor<4xf32>
  %g1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%a : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %s = arith.addf %in, %in : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  %g2 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%a : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %s = arith.addf %in, %in : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %l1 = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %x) -> (i32) {
    %y = arith.muli %acc, %x : i32
    scf.yield %y : i32
  }
  %l2 = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %x) -> (i32) {
    %y = arith.muli %acc, %x : i32
    scf.yield %y : i32
  }
  %i1 = scf.if %c -> (i32) {
    scf.yield %x : i32
  } else {
    %z = arith.addi %x, %x : i32
    scf.yield %z : i32
  }
  %i2 = scf.if %c -> (i32) {
    scf.yield %x : i32
  } else {
    %z = arith.addi %x, %x : i32
    scf.yield %z : i32
  }
  %w1 = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %x) -> (i32) {
    memref.store %acc, %m[%c0] : memref<4xi32>
    scf.yield %acc : i32
  }
  %w2 = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %x) -> (i32) {
    memref.store %acc, %m[%c0] : memref<4xi32>
    scf.yield %acc : i32
  }
  return %g1, %g2, %l1, %l2, %i1, %i2, %w1, %w2 : tensor<4xf32>, tensor<4xf32>, i32, i32, i32, i32, i32, i32
}`;

/** MLIR's printer leaves trailing spaces and blank lines ours does not. */
const norm = (s: string) => s.split("\n").map((l) => l.trimEnd()).filter(Boolean).join("\n");

function cse(text: string): string {
  const ctx = createContext(), m = parseModule(text, "cse.mlir", ctx);
  runPasses(m, ctx, [lookupPass("cse")!]);
  return printModule(m, ctx, { aliases: true });
}

test("equal effect-free ops with regions merge; loops that write do not", () => {
  const out = cse(PROGRAM);
  const count = (re: RegExp) => (out.match(re) ?? []).length;
  assert.equal(count(/linalg\.generic/g), 1, out);
  assert.equal(count(/scf\.if/g), 1, out);
  assert.equal(count(/memref\.store/g), 2, "both loops that store stay");
  assert.equal(count(/arith\.muli/g), 1, "one pure loop left");
  assert.equal(count(/arith\.addi/g), 1, "the two ifs' bodies were one");
});

test("--cse prints what mlir-opt-19 --cse prints", { skip: mlirSkip() }, () => {
  const r = mlirOpt(["--cse"], PROGRAM);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(norm(cse(PROGRAM)), norm(r.stdout));
});

// Blocks of a CFG: an op is replaced by an equal one in a block that dominates it (^bb1 over both
// branches), never by one in a sibling block (^bb2 and ^bb3 each keep theirs), as MLIR's walk.
const BLOCKS = `func.func @g(%c: i1, %x: i32) -> i32 {
  %a = arith.muli %x, %x : i32
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %b = arith.muli %x, %x : i32
  %s = arith.addi %b, %x : i32
  cf.br ^bb3(%s : i32)
^bb2:
  %t = arith.addi %x, %x : i32
  %u = arith.addi %x, %x : i32
  cf.br ^bb3(%t : i32)
^bb3(%r: i32):
  %v = arith.addi %x, %x : i32
  %w = arith.addi %r, %v : i32
  %y = arith.addi %w, %a : i32
  return %y : i32
}`;

test("in a CFG an op is replaced by an equal one in a dominating block, not in a sibling's", () => {
  const out = cse(BLOCKS);
  assert.equal((out.match(/arith\.muli/g) ?? []).length, 1, out);
  assert.equal((out.match(/arith\.addi %arg1, %arg1/g) ?? []).length, 2, "^bb2 keeps one, ^bb3 its own");
});

test("--cse on a CFG prints what mlir-opt-19 --cse prints", { skip: mlirSkip() }, () => {
  const r = mlirOpt(["--cse"], BLOCKS);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(norm(cse(BLOCKS)), norm(r.stdout));
});

// The dominator tree of a chain of branches is as deep as the chain is long: the walk keeps its
// own stack (a recursive one ran out of it at 8,000 blocks) and one table with scopes.
test("--cse over a chain of 20,000 blocks: what the entry computes serves every block, none of the chain's own computations goes", () => {
  const n = 20000;
  let text = "func.func @f(%a: i32) -> i32 {\n  %s = arith.addi %a, %a : i32\n  cf.br ^b1(%s : i32)\n";
  for (let i = 1; i < n; i++) text += `^b${i}(%x${i}: i32):\n  %d${i} = arith.addi %a, %a : i32\n  %y${i} = arith.muli %x${i}, %d${i} : i32\n  cf.br ^b${i + 1}(%y${i} : i32)\n`;
  text += `^b${n}(%r: i32):\n  return %r : i32\n}`;
  const out = cse(text);
  assert.equal(out.match(/arith\.addi/g)?.length, 1);
  assert.equal(out.match(/arith\.muli %\w+, %0 : i32/g)?.length, n - 1);
});
