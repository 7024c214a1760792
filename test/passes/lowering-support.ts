// Shared by the lowering tests: parse, run passes, print, and ask mlir-opt-19 about the result.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Module, Operation } from "../../src/ir/core.js";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { formatDiagnostic } from "../../src/ir/diagnostics.js";
import { runPasses, type Pass } from "../../src/passes/pass.js";
import { printViaRunnerUtils } from "../../src/passes/lowering-print.js";
import { Engine, type EngineKind } from "../../src/runtime/engine.js";
import { createCapturingContext } from "../../src/runtime/host.js";
import { maskOutput, mlirOpt, mlirRun, mlirSkip } from "../support/mlir.js";

await Engine.loadCompiler();

export const ctx = createContext();
export { mlirSkip };

/** Text of test/passes/<dir>/<file> (tests run from dist/test/passes). */
export function input(rel: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../test/passes/${rel}`, import.meta.url)), "utf8");
}

/** Parses and verifies `text`, runs `passes` (verifying after each), returns the module and its printed form. */
export function lower(text: string, passes: Pass[]): { module: Module; text: string } {
  const module = parseModule(text, "input.mlir", ctx);
  const ds = verifyModule(module, ctx);
  assert.equal(ds.length, 0, ds.map(formatDiagnostic).join("\n"));
  runPasses(module, ctx, passes);
  return { module, text: printModule(module, ctx) };
}

/** Every op name in the module, in walk order. */
export function opNames(m: Module): string[] {
  const out: string[] = [];
  m.walk((o: Operation) => { out.push(o.name); });
  return out;
}
export const count = (m: Module, name: string): number => opNames(m).filter((n) => n === name).length;
export const has = (m: Module, prefix: string): boolean => opNames(m).some((n) => n.startsWith(prefix));

/** mlir-opt-19 parses and verifies `text` (and re-parsing our print with our parser works). */
export function assertMlirAccepts(text: string, extra: string[] = []): string {
  const r = mlirOpt(["--verify-each", ...extra], text);
  assert.equal(r.code, 0, `mlir-opt-19 rejected:\n${r.stderr}\n--- input ---\n${text}`);
  return r.stdout;
}

/** Printed IR with constant lines sorted (canonicalize hoists constants in creation order). */
export function sortConstants(text: string): string {
  const lines = text.split("\n");
  const consts = lines.filter((l) => /= arith\.constant /.test(l)).sort();
  return [...consts, ...lines.filter((l) => !/= arith\.constant /.test(l))].join("\n");
}

/** Both texts after `mlir-opt <norm>`, constants sorted, are equal. */
export function assertSameAfter(norm: string[], ours: string, theirsArgs: string[], theirsInput: string): void {
  const a = mlirOpt(norm, ours), b = mlirOpt([...theirsArgs, ...norm], theirsInput);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  assert.equal(sortConstants(a.stdout), sortConstants(b.stdout));
}

/** What `main` prints under `engine` (bounds checked), as written (`lower` false: the interpreter on tensors) or lowered. */
export function ours(text: string, engine: EngineKind, lower = true): string {
  const host = createCapturingContext();
  new Engine({ engine, ctx: host, lower, checkBounds: true }).load(text, "input.mlir").runMain("main", "void");
  return maskOutput(host.output());
}

/** Printed numbers only: the header lines (`Tensor<...>:` or MLIR's `Unranked Memref ...`) differ by printer. */
export const dataOf = (out: string) => out.split("\n").filter((l) => !l.startsWith("Unranked") && !l.startsWith("Tensor<")).join("\n").trim();

/**
 * What mlir-cpu-runner-19 prints for a tensor-level program: tensorlang.print becomes
 * printMemref* on tensors, `script` (transform ops on `%root`) rewrites what MLIR cannot
 * bufferize, then one-shot bufferization and MLIR's lowering.
 */
export function theirsAfterTransform(text: string, script: string): string {
  const m = parseModule(text, "input.mlir", ctx);
  printViaRunnerUtils(m);
  // The print functions only read their argument: tell MLIR's analysis, or it copies around them.
  const tensorLevel = printModule(m, ctx).replace(/(@printMemref\w+\(tensor<\*x\w+>)\)/g, '$1 {bufferization.access = "read"})');
  const main = `  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {\n${script}    transform.yield\n  }\n`;
  const withScript = tensorLevel.replace(/^module \{/, "module attributes {transform.with_named_sequence} {").replace(/\}\s*$/, `${main}}\n`);
  const b = mlirOpt(["--transform-interpreter", "--test-transform-dialect-erase-schedule", "--one-shot-bufferize=bufferize-function-boundaries"], withScript);
  assert.equal(b.code, 0, b.stderr);
  const r = mlirRun(b.stdout);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}
