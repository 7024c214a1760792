// Runs MLIR programs under the wasm engine (and the interpreter, as the oracle).
import { Engine, type EngineOptions } from "../../../src/runtime/engine.js";
import { createCapturingContext } from "../../../src/runtime/host.js";

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
