// Runs inline MLIR programs through the reference interpreter, and (where the program uses
// only standard dialects and the toolchain is installed) through real MLIR for comparison.
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { formatDiagnostic } from "../../src/ir/diagnostics.js";
import { Interpreter, runMain, type RunOptions } from "../../src/interp/interpreter.js";
import type { RtValue } from "../../src/interp/values.js";
import { createCapturingContext, interpHost } from "../../src/runtime/host.js";
import type { Module } from "../../src/ir/core.js";
import { lowerToLoops } from "../../src/passes/pipeline.js";
import { haveMlir, maskOutput, mlirRunStandard } from "../support/mlir.js";

const context = createContext();

export function parse(src: string): Module {
  const m = parseModule(src, "test.mlir", context);
  const diags = verifyModule(m, context);
  if (diags.length) throw new Error(diags.map(formatDiagnostic).join("\n"));
  return m;
}

/** Runs `entry` (default main); returns stdout (masked like the examples) and the results. */
export function run(src: string, options: RunOptions & { seed?: number } = {}): { output: string; results: RtValue[] } {
  const ctx = createCapturingContext({ seed: options.seed ?? 0 });
  const results = runMain(parse(src), ctx, { host: interpHost(ctx), ...options });
  return { output: maskOutput(ctx.output()), results };
}

/** Runs main after TensorLang's lowering to loops (bufferization included); returns its masked stdout. */
export function runLowered(src: string): string {
  const m = parse(src), ctx = createCapturingContext();
  lowerToLoops(m, context);
  runMain(m, ctx, { host: interpHost(ctx) });
  return maskOutput(ctx.output());
}

/** Runs and returns the thrown error together with the output printed before it. */
export function runError(src: string, options: RunOptions = {}): { error: unknown; output: string } {
  const ctx = createCapturingContext();
  try {
    runMain(parse(src), ctx, { host: interpHost(ctx), ...options });
  } catch (error) {
    return { error, output: ctx.output() };
  }
  throw new Error("expected the program to fail");
}

export function interpreter(src: string): { interp: Interpreter; output: () => string } {
  const ctx = createCapturingContext();
  return { interp: new Interpreter(parse(src), ctx, { host: interpHost(ctx) }), output: () => ctx.output() };
}

/** Skip reason when one of the ops' dialects has not been registered yet. */
export function needsOps(...names: string[]): false | string {
  const missing = names.filter((n) => !context.spec(n));
  return missing.length ? `dialect not registered yet: ${missing.join(", ")}` : false;
}

/** Real MLIR's masked output for a standard-dialect program, or undefined without the toolchain. */
export function mlirOutput(src: string): string | undefined {
  return haveMlir() ? mlirRunStandard(src) : undefined;
}

/** Wraps function bodies in a module that declares the runner-utils printers. */
export function withPrinters(body: string): string {
  return `module {
  func.func private @printI64(i64)
  func.func private @printU64(i64)
  func.func private @printF32(f32)
  func.func private @printF64(f64)
  func.func private @printNewline()
  func.func private @printMemrefF32(memref<*xf32>)
  func.func private @printMemrefI64(memref<*xi64>)
${body}
}`;
}
