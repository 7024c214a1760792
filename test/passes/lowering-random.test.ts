// Differential test of bufferization: random tensor programs (values reused, updated, sliced,
// carried through loops, printed at random later points) print the same under the reference
// interpreter before and after bufferize + convert-linalg-to-loops. A wrong in-place decision
// shows up as a changed print.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Module } from "../../src/ir/core.js";
import { runMain } from "../../src/interp/interpreter.js";
import { createCapturingContext, interpHost } from "../../src/runtime/host.js";
import { bufferize } from "../../src/passes/bufferize.js";
import { convertLinalgToLoops } from "../../src/passes/convert-linalg-to-loops.js";
import { runPasses } from "../../src/passes/pass.js";
import { lowerAffine } from "../../src/passes/lower-affine.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { printViaRunnerUtils } from "../../src/passes/lowering-print.js";
import { assertMlirAccepts, ctx, mlirSkip } from "./lowering-support.js";
import { Rng } from "../../src/optimizer/random.js";

/** Integers below n from mulberry32's 32-bit outputs. */
function rng(seed: number): (n: number) => number {
  const r = new Rng(seed);
  return (n) => (r.next() * 4294967296) % n;
}

const T = "tensor<4xf32>";
const ID = "affine_map<(d0) -> (d0)>";

/** A random straight-line tensor program over tensor<4xf32> values. */
export function randomProgram(seed: number, steps = 14): string {
  const r = rng(seed);
  const lines: string[] = [];
  const live: string[] = [];
  const pending: { at: number; v: string }[] = [];
  let n = 0;
  const fresh = () => `%v${n++}`;
  const pick = () => live[r(live.length)];
  const f = (k: number) => `${k}.0`;
  const def = (text: (v: string) => string) => { const v = fresh(); lines.push(text(v)); live.push(v); if (r(3)) pending.push({ at: lines.length + r(6), v }); };
  lines.push("%i0 = arith.constant 0 : index", "%i1 = arith.constant 1 : index", "%i3 = arith.constant 3 : index",
    "%i4 = arith.constant 4 : index", "%f4 = arith.constant 4.0 : f32");
  for (let k = 0; k < 2; k++) def((v) => `${v} = arith.constant dense<[${[r(9), r(9), r(9), r(9)].map(f).join(", ")}]> : ${T}`);
  for (let s = 0; s < steps; s++) {
    switch (r(10)) {
      case 9: { // a slice stays live while its source is overwritten (the source may be updated in place)
        const [src, dst] = [pick(), pick()];
        const sv = fresh();
        lines.push(`${sv} = tensor.extract_slice ${src}[${r(3)}] [2] [1] : ${T} to tensor<2xf32>`);
        def((v) => `${v}c = arith.constant ${f(r(9))} : f32\n${v} = linalg.fill ins(${v}c : f32) outs(${src} : ${T}) -> ${T}`);
        def((v) => `${v} = tensor.insert_slice ${sv} into ${dst}[${r(3)}] [2] [1] : tensor<2xf32> into ${T}`);
        break;
      }
      case 7: { // a branch that updates one tensor or passes another through
        const [a, b, c] = [pick(), pick(), pick()];
        def((v) => `${v}p = tensor.extract ${c}[%i1] : ${T}\n` +
          `${v}b = arith.cmpf oge, ${v}p, %f4 : f32\n` +
          `${v} = scf.if ${v}b -> (${T}) {\n  ${v}t = tensor.insert ${v}p into ${a}[%i0] : ${T}\n  scf.yield ${v}t : ${T}\n` +
          `} else {\n  scf.yield ${b} : ${T}\n}`);
        break;
      }
      case 8: { // a call whose callee updates its argument
        const a = pick();
        def((v) => `${v} = func.call @bump(${a}) : (${T}) -> ${T}`);
        break;
      }
      case 0: case 1: { // elementwise into a fresh or a reused destination
        const [a, b] = [pick(), pick()];
        const outs = r(2) ? pick() : undefined;
        const op = ["linalg.add", "linalg.mul", "linalg.sub"][r(3)];
        def((v) => (outs ? "" : `${v}e = tensor.empty() : ${T}\n`) +
          `${v} = ${op} ins(${a}, ${b} : ${T}, ${T}) outs(${outs ?? v + "e"} : ${T}) -> ${T}`);
        break;
      }
      case 2: { // accumulate into an existing tensor (reads the old contents)
        const [a, acc] = [pick(), pick()];
        def((v) => `${v} = linalg.generic {indexing_maps = [${ID}, ${ID}], iterator_types = ["parallel"]} ins(${a} : ${T}) outs(${acc} : ${T}) {\n` +
          `^bb0(%x: f32, %y: f32):\n  %z = arith.addf %x, %y : f32\n  linalg.yield %z : f32\n} -> ${T}`);
        break;
      }
      case 3: { // insert a scalar read from another tensor
        const [src, dst] = [pick(), pick()];
        def((v) => `${v}x = tensor.extract ${src}[%i${[0, 1, 3][r(3)]}] : ${T}\n${v} = tensor.insert ${v}x into ${dst}[%i${[0, 1, 3][r(3)]}] : ${T}`);
        break;
      }
      case 4: { // fill (does not read the destination)
        const dst = pick();
        def((v) => `${v}c = arith.constant ${f(r(9))} : f32\n${v} = linalg.fill ins(${v}c : f32) outs(${dst} : ${T}) -> ${T}`);
        break;
      }
      case 5: { // slices
        const [src, dst] = [pick(), pick()];
        def((v) => `${v}s = tensor.extract_slice ${src}[${r(3)}] [2] [1] : ${T} to tensor<2xf32>\n` +
          `${v} = tensor.insert_slice ${v}s into ${dst}[${r(3)}] [2] [1] : tensor<2xf32> into ${T}`);
        break;
      }
      default: { // a loop carrying a tensor, updated in place each iteration
        const [init, add] = [pick(), pick()];
        const affine = r(2) === 1;
        def((v) => (affine ? `${v} = affine.for %k${v.slice(2)} = 0 to 3 iter_args(%c${v.slice(2)} = ${init}) -> (${T}) {\n`
          : `${v} = scf.for %k${v.slice(2)} = %i0 to %i3 step %i1 iter_args(%c${v.slice(2)} = ${init}) -> (${T}) {\n`) +
          `  %e${v.slice(2)} = tensor.extract ${add}[%k${v.slice(2)}] : ${T}\n` +
          `  %o${v.slice(2)} = tensor.extract %c${v.slice(2)}[%k${v.slice(2)}] : ${T}\n` +
          `  %s${v.slice(2)} = arith.addf %e${v.slice(2)}, %o${v.slice(2)} : f32\n` +
          `  %u${v.slice(2)} = tensor.insert %s${v.slice(2)} into %c${v.slice(2)}[%k${v.slice(2)}] : ${T}\n` +
          `  ${affine ? "affine" : "scf"}.yield %u${v.slice(2)} : ${T}\n}`);
      }
    }
    for (const p of pending.filter((q) => q.at <= lines.length)) lines.push(`tensorlang.print ${p.v} : ${T}`);
    pending.splice(0, pending.length, ...pending.filter((q) => q.at > lines.length));
  }
  for (const p of pending) lines.push(`tensorlang.print ${p.v} : ${T}`);
  lines.push(`tensorlang.print ${live[live.length - 1]} : ${T}`);
  const bump = `func.func @bump(%t: ${T}) -> ${T} {\n  %c2 = arith.constant 2 : index\n  %x = tensor.extract %t[%c2] : ${T}\n` +
    `  %y = arith.addf %x, %x : f32\n  %u = tensor.insert %y into %t[%c2] : ${T}\n  return %u : ${T}\n}\n`;
  return `${bump}func.func @main() {\n${lines.join("\n")}\nreturn\n}\n`;
}

function interpret(m: Module): string {
  const host = createCapturingContext();
  runMain(m, host, { host: interpHost(host) });
  return host.output();
}

test("bufferize: random tensor programs print the same before and after (interpreter)", () => {
  for (let seed = 1; seed <= 60; seed++) {
    const text = randomProgram(seed);
    const want = interpret(parseModule(text, `random-${seed}.mlir`, ctx));
    const m = parseModule(text, `random-${seed}.mlir`, ctx);
    runPasses(m, ctx, [bufferize, convertLinalgToLoops, lowerAffine]);
    assert.equal(interpret(m), want, `seed ${seed}:\n${text}`);
  }
});

test("bufferize: random programs after lowering are valid MLIR", { skip: mlirSkip() }, () => {
  for (let seed = 1; seed <= 12; seed++) {
    const m = parseModule(randomProgram(seed), `random-${seed}.mlir`, ctx);
    runPasses(m, ctx, [bufferize, convertLinalgToLoops, lowerAffine]);
    printViaRunnerUtils(m);
    assertMlirAccepts(printModule(m, ctx));
  }
});
