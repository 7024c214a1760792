// A loop unrolled in full: one block of 24,000 ops, with an inner loop every 50 steps. binaryen's
// code-pushing pass, quadratic in a block's length, ran binaryen out of stack on it after a minute
// ("internal wasm backend error: Maximum call stack size exceeded"); past CODE_PUSHING_MAX_BLOCK
// ops in a block it is left out. (A local set for each constant made its optimizer slower still:
// constants are made where they are used, FunctionEmitter.defineConstant.)
import { test } from "node:test";
import assert from "node:assert/strict";
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
