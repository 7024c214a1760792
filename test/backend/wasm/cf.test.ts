// The cf dialect under both engines: a function body of several blocks (a loop through a back
// edge, a switch with operands, arguments swapped on a back edge) runs as mlir-cpu-runner-19 runs
// it, a failed cf.assert stops the program named at the op, and programs that mlir-opt-19's
// --convert-scf-to-cf turns into branches print what their structured versions print.
import assert from "node:assert/strict";
import { test } from "node:test";
import { generateProgram } from "../gen/program.js";
import { maskOutput, mlirOpt, mlirRunStandard, mlirSkip } from "../../support/mlir.js";
import { Rng } from "../../../src/optimizer/random.js";
import type { EngineOptions } from "../../../src/runtime/engine.js";
import { runBoth, runText } from "./helpers.js";

const PROGRAM = `func.func @sum(%n: index) -> index {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^head(%c0, %c0 : index, index)
^head(%i: index, %acc: index):
  %more = arith.cmpi slt, %i, %n : index
  cf.cond_br %more, ^body, ^exit(%acc : index)
^body:
  %next = arith.addi %i, %c1 : index
  %sum = arith.addi %acc, %i : index
  cf.br ^head(%next, %sum : index, index)
^exit(%r: index):
  return %r : index
}
func.func @classify(%x: i32) -> i32 {
  cf.switch %x : i32, [
    default: ^other,
    1: ^one,
    -7: ^neg(%x : i32)
  ]
^one:
  %a = arith.constant 100 : i32
  return %a : i32
^neg(%v: i32):
  %b = arith.muli %v, %v : i32
  return %b : i32
^other:
  %c = arith.constant -1 : i32
  return %c : i32
}
func.func @swap(%a: i32, %b: i32, %n: index) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^loop(%a, %b, %c0 : i32, i32, index)
^loop(%x: i32, %y: i32, %i: index):
  %done = arith.cmpi eq, %i, %n : index
  %i1 = arith.addi %i, %c1 : index
  cf.cond_br %done, ^end(%x : i32), ^loop(%y, %x, %i1 : i32, i32, index)
^end(%r: i32):
  return %r : i32
}
func.func @main() {
  %n = arith.constant 10 : index
  %s = func.call @sum(%n) : (index) -> index
  vector.print %s : index
  %k1 = arith.constant 1 : i32
  %k7 = arith.constant -7 : i32
  %k3 = arith.constant 3 : i32
  %r1 = func.call @classify(%k1) : (i32) -> i32
  %r2 = func.call @classify(%k7) : (i32) -> i32
  %r3 = func.call @classify(%k3) : (i32) -> i32
  vector.print %r1 : i32
  vector.print %r2 : i32
  vector.print %r3 : i32
  %c3 = arith.constant 3 : index
  %w = func.call @swap(%k1, %k7, %c3) : (i32, i32, index) -> i32
  vector.print %w : i32
  %t = arith.constant true
  cf.assert %t, "never"
  vector.print %k3 : i32
  return
}`;
const OUT = "45\n100\n49\n-1\n-7\n3\n"; // sum 0..9; the three switch cases; three swaps of (1, -7)

test("branches, a switch and a loop through a back edge: both engines print the expected values", () => {
  assert.deepEqual(runBoth(PROGRAM), [OUT, OUT]);
});

test("mlir-cpu-runner-19 prints the same for the program with branches", { skip: mlirSkip() }, () => {
  assert.equal(mlirRunStandard(PROGRAM), OUT);
});

const SWITCHES = `func.func @pick1(%c: i1) -> i32 {
  cf.switch %c : i1, [
    default: ^d,
    1: ^one
  ]
^one:
  %a = arith.constant 10 : i32
  return %a : i32
^d:
  %b = arith.constant 20 : i32
  return %b : i32
}
func.func @pick8(%c: i8) -> i32 {
  cf.switch %c : i8, [
    default: ^d,
    200: ^big,
    -1: ^neg
  ]
^big:
  %a = arith.constant 1 : i32
  return %a : i32
^neg:
  %n = arith.constant 2 : i32
  return %n : i32
^d:
  %b = arith.constant 3 : i32
  return %b : i32
}
func.func @pick64(%c: i64) -> i32 {
  cf.switch %c : i64, [
    default: ^d,
    9007199254740993: ^big
  ]
^big:
  %a = arith.constant 1 : i32
  return %a : i32
^d:
  %b = arith.constant 3 : i32
  return %b : i32
}
func.func @main() {
  %t = arith.constant true
  %f = arith.constant false
  %r1 = func.call @pick1(%t) : (i1) -> i32
  %r2 = func.call @pick1(%f) : (i1) -> i32
  vector.print %r1 : i32
  vector.print %r2 : i32
  %x = arith.constant -56 : i8
  %y = arith.constant -1 : i8
  %z = arith.constant 5 : i8
  %s1 = func.call @pick8(%x) : (i8) -> i32
  %s2 = func.call @pick8(%y) : (i8) -> i32
  %s3 = func.call @pick8(%z) : (i8) -> i32
  vector.print %s1 : i32
  vector.print %s2 : i32
  vector.print %s3 : i32
  %b1 = arith.constant 9007199254740993 : i64
  %b2 = arith.constant 9007199254740992 : i64
  %u1 = func.call @pick64(%b1) : (i64) -> i32
  %u2 = func.call @pick64(%b2) : (i64) -> i32
  vector.print %u1 : i32
  vector.print %u2 : i32
  return
}`;

test("cf.switch on i1, i8 (case 200 is -56) and i64 past 2^53 picks the same case under both engines and mlir-cpu-runner-19", () => {
  const out = "10\n20\n1\n2\n3\n1\n3\n";
  assert.deepEqual(runBoth(SWITCHES), [out, out]);
  if (!mlirSkip()) assert.equal(mlirRunStandard(SWITCHES), out);
});

test("a failed cf.assert stops the program under both engines, with its message at the op", () => {
  const text = `func.func @main() {
  %a = arith.constant 1 : i32
  %b = arith.constant 2 : i32
  %eq = arith.cmpi eq, %a, %b : i32
  vector.print %a : i32
  cf.assert %eq, "a is not b"
  vector.print %b : i32
  return
}`;
  for (const engine of ["wasm", "interp"] as const) {
    assert.throws(() => runText(text, { engine }), (e: Error) => {
      assert.equal(e.message, "runtime error in @main: cf.assert at test.mlir:6:3: assertion failed: a is not b", engine);
      return true;
    });
  }
});

test("vectors cross branches under the wasm engine: a 128-bit one whole, one no v128 holds in pieces or elements", () => {
  const text = (t: string) => `func.func @main() {
  %a = arith.constant dense<2.0> : ${t}
  %t = arith.constant true
  cf.cond_br %t, ^bb1(%a : ${t}), ^bb2
^bb1(%v: ${t}):
  vector.print %v : ${t}
  cf.br ^bb2
^bb2:
  return
}`;
  assert.deepEqual(runBoth(text("vector<4xf32>")), ["( 2, 2, 2, 2 )\n", "( 2, 2, 2, 2 )\n"]);
  assert.deepEqual(runBoth(text("vector<8xf32>")), ["( 2, 2, 2, 2, 2, 2, 2, 2 )\n", "( 2, 2, 2, 2, 2, 2, 2, 2 )\n"]);
  assert.deepEqual(runBoth(text("vector<3xf32>")), ["( 2, 2, 2 )\n", "( 2, 2, 2 )\n"]);
});

test("generated programs lowered to branches by mlir-opt-19 print under both engines, and with values sharing wasm locals, what they print structured", { skip: mlirSkip() }, () => {
  const r = new Rng(20261127);
  // (blocks compiled as written: the wasm engine would raise these shapes back to scf ops)
  const run = (text: string, engine: "wasm" | "interp", opts: EngineOptions = {}) => { try { return maskOutput(runText(text, { engine, seed: 1, raiseBlocks: false, ...opts }).out); } catch (e) { return `<error: ${(e as Error).message}>`; } };
  let branchy = 0;
  for (let i = 0; i < 25; i++) {
    const text = generateProgram(Array.from({ length: 50 + r.int(500) }, () => r.int(0x10000)), { fuel: 24, maxDepth: 3, transcendentals: false });
    const low = mlirOpt(["--lower-affine", "--convert-scf-to-cf"], text);
    assert.equal(low.code, 0, low.stderr);
    branchy += Number(/\^bb1/.test(low.stdout));
    const want = run(text, "interp");
    for (const engine of ["wasm", "interp"] as const) assert.equal(run(low.stdout, engine), want, `${engine}, program ${i}:\n${low.stdout}`);
    assert.equal(run(low.stdout, "wasm", { shareLocals: true, optimizeLevel: 0 }), want, `shared locals, program ${i}:\n${low.stdout}`);
  }
  assert.ok(branchy >= 20, `${branchy} of 25 programs have branches`);
});
