// Runs MLIR programs under the wasm engine (and the interpreter, as the oracle).
import { Engine, type EngineOptions } from "../../../src/runtime/engine.js";
import { createCapturingContext } from "../../../src/runtime/host.js";

await Engine.loadCompiler();

export interface Ran { out: string; result: unknown; engine: Engine }

/** Loads `text` into a fresh engine and runs `entry`; returns captured stdout. */
export function runText(text: string, opts: EngineOptions = {}, entry = "main"): Ran {
  const ctx = createCapturingContext({ seed: opts.seed });
  const engine = new Engine({ ...opts, ctx });
  engine.load(text, "test.mlir");
  const result = engine.runMain(entry, "void");
  return { out: ctx.output(), result, engine };
}

/** Output of `text` under both engines: [wasm, interp]. */
export function runBoth(text: string, opts: EngineOptions = {}): [string, string] {
  const w = runText(text, { ...opts, engine: "wasm" }).out;
  const i = runText(text, { ...opts, engine: "interp" }).out;
  return [w, i];
}

/** Wraps function bodies in a module with the usual host declarations. */
export function program(body: string): string {
  return `module {
  func.func private @printI64(i64)
  func.func private @printF32(f32)
  func.func private @printF64(f64)
  func.func private @printNewline()
  llvm.func @printf(!llvm.ptr, ...) -> i32
${body}
}`;
}

// Reductions in scf.parallel, for the engine comparison (constructs) and the threads test
// (engine-parallel): an f32 sum with an i32 max, a 2-D reduction that is neither associative
// nor commutative (acc * 100 + value: the digits show the order), and the same with a region
// that reads a body value (it stays on the calling thread).
const digits = (name: string, hundred: string, inRegion: string) => `
    %${name} = scf.parallel (%i, %j) = (%c0, %c1) to (%c7, %c3) step (%c2, %c1) init (%z) -> i64 {
      %ii = arith.index_cast %i : index to i64
      %jj = arith.index_cast %j : index to i64
      %ten = arith.constant 10 : i64
      %a = arith.muli %ii, %ten : i64
      %b = arith.addi %a, %jj : i64
      ${hundred}
      scf.reduce(%b : i64) {
      ^bb0(%l: i64, %r: i64):
        ${inRegion}
        %x = arith.muli %l, %t : i64
        %y = arith.addi %x, %r : i64
        scf.reduce.return %y : i64
      }
    }
    call @printI64(%${name}) : (i64) -> ()
    call @printNewline() : () -> ()`;
export const REDUCTIONS_MAIN = `  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %c3 = arith.constant 3 : index
    %c7 = arith.constant 7 : index
    %c1000 = arith.constant 1000 : index
    %half = arith.constant 0.5 : f32
    %low = arith.constant -1000 : i32
    %one = arith.constant 1.0 : f32
    %sum, %max = scf.parallel (%i) = (%c0) to (%c1000) step (%c1) init (%half, %low) -> (f32, i32) {
      %ii = arith.index_cast %i : index to i32
      %k = arith.constant 1 : i32
      %ik = arith.addi %ii, %k : i32
      %f = arith.sitofp %ik : i32 to f32
      %v = arith.divf %one, %f : f32
      %c37 = arith.constant 37 : i32
      %c101 = arith.constant 101 : i32
      %c50 = arith.constant 50 : i32
      %m = arith.muli %ii, %c37 : i32
      %r = arith.remsi %m, %c101 : i32
      %w = arith.subi %r, %c50 : i32
      scf.reduce(%v, %w : f32, i32) {
      ^bb0(%a: f32, %b: f32):
        %x = arith.addf %a, %b : f32
        scf.reduce.return %x : f32
      }, {
      ^bb0(%a: i32, %b: i32):
        %x = arith.maxsi %a, %b : i32
        scf.reduce.return %x : i32
      }
    }
    %sb = arith.bitcast %sum : f32 to i32
    %s64 = arith.extsi %sb : i32 to i64
    call @printI64(%s64) : (i64) -> ()
    call @printNewline() : () -> ()
    %m64 = arith.extsi %max : i32 to i64
    call @printI64(%m64) : (i64) -> ()
    call @printNewline() : () -> ()
    %z = arith.constant 0 : i64
    ${digits("grains", "", "%t = arith.constant 100 : i64")}
    ${digits("inorder", "%t = arith.constant 100 : i64", "")}
    return
  }`;

/** %m: memref<`shape`xf32> filled with 0, 1, 2, ... in row-major order. */
export const iota = (shape: string, n: number, idx: string) => `
    %m = memref.alloc() : memref<${shape}xf32>
    %flat = memref.reinterpret_cast %m to offset: [0], sizes: [${n}], strides: [1] : memref<${shape}xf32> to memref<${n}xf32>
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %cn = arith.constant ${n} : index
    scf.for %i = %c0 to %cn step %c1 {
      %ii = arith.index_cast %i : index to i32
      %f = arith.sitofp %ii : i32 to f32
      memref.store %f, %flat[%i] : memref<${n}xf32>
    }
    %pad = arith.constant -1.0 : f32${idx}`;
