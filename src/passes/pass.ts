// Pass interface and pass manager: a pass rewrites a module in place and reports problems
// through the diagnostic sink; the manager verifies after each pass like mlir-opt.
import type { Module } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { DiagnosticError, DiagnosticSink } from "../ir/diagnostics.js";
import { verifyModule } from "../ir/verifier.js";

export interface Pass {
  /** The command-line flag without dashes, e.g. "canonicalize". */
  name: string;
  description: string;
  run(module: Module, ctx: Context, diag: DiagnosticSink): void;
  /** The pass with these options (`inline{max-iterations=2}`), each one its catalog entry declares (values checked there). */
  configure?(options: ReadonlyMap<string, string>): Pass;
}

/** A pass option the pass cannot take (a value its catalog entry's type allows but the pass does not). */
export class PassOptionError extends Error {}

export interface PipelineOptions {
  verifyEach?: boolean;
  /**
   * Called before each pass, after it, or after it failed (it reported errors, or the IR it left
   * does not verify): `--mlir-print-ir-before/after/after-failure`. As in MLIR, the verifier runs
   * as part of the pass, before "After".
   */
  observe?: (when: "Before" | "After" | "Failed", pass: Pass, module: Module) => void;
}

/** Runs passes in order; throws DiagnosticError with every error a pass or the verifier reports. */
export function runPasses(module: Module, ctx: Context, passes: readonly Pass[], opts: PipelineOptions = {}): void {
  for (const p of passes) {
    const sink = new DiagnosticSink();
    opts.observe?.("Before", p, module);
    try {
      p.run(module, ctx, sink);
      sink.throwIfErrors();
      const ds = opts.verifyEach ?? true ? verifyModule(module, ctx) : [];
      if (ds.length) throw new DiagnosticError([...ds.map((d) => ({ ...d, message: `${d.message} (after pass '${p.name}')` }))]);
    } catch (e) {
      if (e instanceof DiagnosticError) opts.observe?.("Failed", p, module);
      throw e;
    }
    opts.observe?.("After", p, module);
  }
}
