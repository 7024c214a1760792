// Loops unrolled in full: one block of tens of thousands of ops. binaryen's code-pushing pass,
// quadratic in a block's length, ran binaryen out of stack on 24,000 ops after a minute
// ("internal wasm backend error: Maximum call stack size exceeded"), and simplify-locals nested a
// running sum through 3,000 steps into one expression as deep, which overflowed it too; past
// LONG_BLOCK ops in a block those passes are left out (compiler.ts). (A local set for each
// constant made its optimizer slower still: constants are made where they are used,
// FunctionEmitter.defineConstant.) With a value a local, past V8's 50,000 locals in a function
// the module did not compile ("local count too large"): in such a block values share locals as
// the emitter assigns them (FunctionEmitter.shareLocals), and a function still over has its
// locals cut down (ModuleCompiler.fitLocals).
import { test } from "node:test";
import assert from "node:assert/strict";
import binaryen from "../../../src/backend/wasm/binaryen.js";
import { Engine } from "../../../src/runtime/engine.js";
import { runText } from "./helpers.js";

/** `steps` unrolled steps, each a load, a multiply and an add into a running sum, and an affine load and store; a loop every 50. */
function unrolled(steps: number): string {
  const body = Array.from({ length: steps }, (_, i) => `  %i${i} = arith.constant ${i % 64} : index
  %v${i} = memref.load %A[%i${i}, %c0] : memref<64x64xf32>
  %m${i} = arith.mulf %v${i}, %x : f32
  %s${i + 1} = arith.addf %s${i}, %m${i} : f32
  %a${i} = affine.load %A[${i % 64}, ${(i * 7) % 64}] : memref<64x64xf32>
  affine.store %a${i}, %A[${(i * 7) % 64}, ${i % 64}] : memref<64x64xf32>\n` +
    (i % 50 ? "" : `  scf.for %k = %c0 to %c64 step %c1 {\n    %w = memref.load %A[%k, %c0] : memref<64x64xf32>\n    memref.store %w, %A[%k, %c1] : memref<64x64xf32>\n  }\n`)).join("");
  return `func.func @f(%A: memref<64x64xf32>, %x: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %s0 = arith.constant 0.0 : f32
${body}  return %s${steps} : f32
}
func.func @main() {
  %A = memref.alloc() : memref<64x64xf32>
  %h = arith.constant 0.5 : f32
  linalg.fill ins(%h : f32) outs(%A : memref<64x64xf32>)
  %r = call @f(%A, %h) : (memref<64x64xf32>, f32) -> f32
  vector.print %r : f32
  memref.dealloc %A : memref<64x64xf32>
  return
}`;
}

test("a function of 24,000 ops and 80 loops in one block compiles at -O3 and runs: 4,000 steps of 0.5 * 0.5 sum to 1000", () => {
  assert.equal(runText(unrolled(4000), { engine: "wasm" }).out, "1000\n");
});

test("values share locals in a long block: 13,000 steps at -O0 (65,000 values) make a function of under 1,000 locals", () => {
  const unit = new Engine({ engine: "wasm", optimizeLevel: 0 }).compile(unrolled(13_000));
  const m = binaryen.readBinary(unit.bytes);
  try { assert.ok(binaryen.getFunctionInfo(m.getFunction("fn:f")).vars.length < 1000); } finally { m.dispose(); } // (a loop's own: 2 each)
});

test("a function of more values than V8 takes locals compiles at -O0 without shared locals and runs: 13,000 steps sum to 3250", () => {
  assert.equal(runText(unrolled(13_000), { engine: "wasm", optimizeLevel: 0, shareLocals: false }).out, "3250\n");
});

/** A running sum through `n` steps of load, multiply, add, add, store, with no loop between. */
function chain(n: number): string {
  const steps = Array.from({ length: n }, (_, i) => `  %v${i} = memref.load %A[%c0] : memref<4xf32>
  %m${i} = arith.mulf %v${i}, %h : f32
  %s${i + 1} = arith.addf %s${i}, %m${i} : f32
  %t${i} = arith.addf %m${i}, %h : f32
  memref.store %t${i}, %A[%c0] : memref<4xf32>\n`).join("");
  return `func.func @main() {
  %A = memref.alloc() : memref<4xf32>
  %c0 = arith.constant 0 : index
  %h = arith.constant 0.5 : f32
  %s0 = arith.constant 0.0 : f32
  memref.store %s0, %A[%c0] : memref<4xf32>
${steps}  vector.print %s${n} : f32
  memref.dealloc %A : memref<4xf32>
  return
}`;
}

test("a running sum through 4,000 steps with no loop between compiles at -O3 (binaryen ran out of stack on it) and runs", () => {
  // A[0] goes 0, 0.5, 0.75, ... towards 1, and the sum of its halves towards 2000 - 1
  const out = runText(chain(4000), { engine: "wasm" }).out;
  assert.equal(out, runText(chain(4000), { engine: "interp" }).out);
  assert.match(out, /^1999(\.\d+)?\n$/);
});

test("so does one through 13,000 steps, of more values than V8 takes locals (cutting them down ran binaryen out of stack)", () => {
  assert.match(runText(chain(13_000), { engine: "wasm" }).out, /^6499(\.\d+)?\n$/);
});

/**
 * A loop of two exits (cf blocks the raiser leaves, emitted through the Relooper) whose body is
 * one block of `n` integer steps; each exit passes the step's last value on.
 */
function cfLoop(n: number): string {
  const ops = ["arith.addi", "arith.muli", "arith.xori", "arith.remsi"];
  const steps = Array.from({ length: n }, (_, k) => `  %v${k + 1} = ${ops[k % 4]} %v${k}, ${k % 4 === 3 ? "%big" : `%k${k}`} : i64
  %k${k + 1} = arith.constant ${(k * 7919) % 1000 + 1} : i64\n`).join("");
  return `func.func @f(%n: i64, %x0: i64) -> i64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %big = arith.constant 1000000007 : i64
  cf.br ^loop(%c0, %x0 : i64, i64)
^loop(%i: i64, %v0: i64):
  %k0 = arith.constant 1 : i64
${steps}  %neg = arith.cmpi slt, %v${n}, %c0 : i64
  cf.cond_br %neg, ^exit(%v${n} : i64), ^next
^next:
  %i1 = arith.addi %i, %c1 : i64
  %more = arith.cmpi slt, %i1, %n : i64
  cf.cond_br %more, ^loop(%i1, %v${n} : i64, i64), ^exit(%v${n} : i64)
^exit(%r: i64):
  return %r : i64
}
func.func @main() {
  %n = arith.constant 3 : i64
  %x = arith.constant 12345 : i64
  %r = call @f(%n, %x) : (i64, i64) -> i64
  vector.print %r : i64
  return
}`;
}

test("values share locals in a long block of a function of several blocks: 30,000 steps at -O0 make under 1,000 locals and run as the interpreter does", () => {
  const text = cfLoop(30_000), unit = new Engine({ engine: "wasm", optimizeLevel: 0 }).compile(text);
  const m = binaryen.readBinary(unit.bytes);
  try { assert.ok(binaryen.getFunctionInfo(m.getFunction("fn:f")).vars.length < 1000); } finally { m.dispose(); }
  const out = runText(text, { engine: "wasm", optimizeLevel: 0 }).out;
  assert.equal(out, runText(text, { engine: "interp" }).out);
  assert.match(out, /^-?\d+\n$/);
});

/**
 * `groups` one-trip loops of 100 small loops each (a load, an scf.if, a store): no block holds
 * more than 100 ops, but the function holds 8 per small loop. coalesce-locals, which grows with
 * locals times blocks, took 143 s at -O3 on 40 groups, 6 s on 20; rse ran binaryen's heap out on
 * 4,000 loops carrying one value (a C++ exception, reported as "[object Object]").
 */
function manyLoops(groups: number): string {
  const loop = `    scf.for %i = %c0 to %n step %c1 {
      %v = memref.load %m[%i] : memref<64xf32>
      %w = scf.if %c -> (f32) {
        %t = arith.addf %v, %v : f32
        scf.yield %t : f32
      } else {
        scf.yield %v : f32
      }
      memref.store %w, %m[%i] : memref<64xf32>
    }\n`;
  return `func.func @f(%m: memref<64xf32>, %n: index, %c: i1) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
${Array.from({ length: groups }, (_, g) => `  scf.for %g${g} = %c0 to %c1 step %c1 {\n${loop.repeat(100)}  }\n`).join("")}  return
}
func.func @main() {
  %m = memref.alloc() : memref<64xf32>
  %h = arith.constant 1.0 : f32
  linalg.fill ins(%h : f32) outs(%m : memref<64xf32>)
  %n = arith.constant 2 : index
  %t = arith.constant true
  call @f(%m, %n, %t) : (memref<64xf32>, index, i1) -> ()
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %a = memref.load %m[%c0] : memref<64xf32>
  %b = memref.load %m[%c2] : memref<64xf32>
  vector.print %a : f32
  vector.print %b : f32
  return
}`;
}

test("a function of over 10,000 ops in small blocks is compiled as a long block is: its values share locals, and at -O3 it runs (1,500 doublings: 2^1500 is inf in f32)", () => {
  const text = manyLoops(15);
  const locals = (shareLocals?: boolean) => {
    const m = binaryen.readBinary(new Engine({ engine: "wasm", optimizeLevel: 0, shareLocals }).compile(text).bytes);
    try { return binaryen.getFunctionInfo(m.getFunction("fn:f")).vars.length; } finally { m.dispose(); }
  };
  const [byDefault, unshared] = [locals(), locals(false)];
  assert.ok(byDefault < unshared * 0.7, `${byDefault} locals, ${unshared} with a local per value`); // (each loop keeps its own few)
  assert.equal(runText(text, { engine: "wasm" }).out, "inf\n1\n");
});
