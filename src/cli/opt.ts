#!/usr/bin/env node
// tensorlang-opt: parse, verify, run passes and print, in the manner of mlir-opt.
import { Command } from "commander";
import { setFlagsFromString } from "node:v8";
import { createContext } from "../dialects/index.js";
import { DiagnosticError, type Diagnostic } from "../ir/diagnostics.js";
import { parseModule } from "../ir/parser.js";
import { printModule } from "../ir/printer.js";
import { verifyModule } from "../ir/verifier.js";
import { PASS_CATALOG, lookupPassEntry, type PassEntry } from "../passes/catalog.js";
import { runPasses, type Pass } from "../passes/pass.js";
import { checkDiagnostics } from "./diagnostics-check.js";
import { UsageError, isMain, packageVersion, readInput, runCli, writeOutput } from "./common.js";

interface OptOptions {
  output?: string; mlirPrintOpGeneric?: boolean; mlirPrintDebuginfo?: boolean; splitInputFile?: boolean; verifyDiagnostics?: boolean;
  pass?: string[]; listPasses?: boolean; verifyEach?: boolean; mlirTiming?: boolean;
}

/** Wall time per phase for `--mlir-timing`, summed over chunks; `lap` charges the time since the last lap. */
class Timing {
  readonly phases = new Map<string, number>();
  private last = 0; // performance.now() counts from process start
  lap(name: string): void {
    const now = performance.now();
    this.phases.set(name, (this.phases.get(name) ?? 0) + now - this.last);
    this.last = now;
  }
  /** mlir-opt's report layout; "Startup" is the process (node, module loading) before `main`. */
  report(): string {
    const total = performance.now(), rows = [...this.phases, ["Rest", total - [...this.phases.values()].reduce((a, b) => a + b, 0)] as const];
    const row = (ms: number, name: string) => `  ${(ms / 1000).toFixed(4).padStart(8)} (${(100 * ms / total).toFixed(1).padStart(5)}%)  ${name}\n`;
    const rule = "===" + "-".repeat(73) + "===\n";
    return rule + "... Execution time report ...".padStart(54) + "\n" + rule + `  Total Execution Time: ${(total / 1000).toFixed(4)} seconds\n\n` +
      "  ----Wall Time----  ----Name----\n" + rows.map(([n, ms]) => row(ms, n)).join("") + row(total, "Total");
  }
}

/** Passes in the order their flags appear on the command line (mlir-opt semantics). */
function passesFromArgv(argv: string[]): PassEntry[] {
  const out: PassEntry[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--pass" || a.startsWith("--pass=")) {
      const names = (a === "--pass" ? argv[++i] ?? "" : a.slice(7)).split(",").filter(Boolean);
      if (!names.length) throw new UsageError("--pass expects pass names (see --list-passes)");
      for (const n of names) {
        const p = lookupPassEntry(n.replace(/^--/, ""));
        if (!p) throw new UsageError(`unknown pass '${n}' (see --list-passes)`);
        out.push(p);
      }
    } else if (a.startsWith("--")) {
      const p = lookupPassEntry(a.slice(2));
      if (p) out.push(p);
    }
  }
  return out;
}

/** Splits at `// -----`, padding each chunk so line numbers match the original file. */
export function splitChunks(text: string): string[] {
  const lines = text.split("\n");
  const chunks: string[] = [];
  let start = 0;
  lines.forEach((l, i) => {
    if (/^\s*\/\/ -----/.test(l)) { chunks.push("\n".repeat(start) + lines.slice(start, i).join("\n")); start = i + 1; }
  });
  chunks.push("\n".repeat(start) + lines.slice(start).join("\n"));
  return chunks;
}

function processChunk(text: string, file: string, passes: Pass[], opts: OptOptions, time?: Timing): { out: string; diags: Diagnostic[] } {
  const ctx = createContext();
  try {
    const m = parseModule(text, file, ctx);
    time?.lap("Parser");
    const ds = verifyModule(m, ctx);
    time?.lap("Verifier");
    if (ds.length) return { out: "", diags: ds };
    runPasses(m, ctx, passes, { verifyEach: opts.verifyEach ?? true });
    if (passes.length) time?.lap("Pass pipeline");
    const out = printModule(m, ctx, { generic: opts.mlirPrintOpGeneric, debugInfo: opts.mlirPrintDebuginfo, aliases: true });
    time?.lap("Output");
    return { out, diags: [] };
  } catch (e) {
    if (e instanceof DiagnosticError) return { out: "", diags: e.diagnostics };
    throw e;
  }
}

/** `startup` names the time before `main` in the `--mlir-timing` report. */
export async function main(argv: string[], startup = "Startup"): Promise<number> {
  const time = new Timing();
  time.lap(startup);
  const program = new Command("tensorlang-opt")
    .description("Parse, verify, transform and print TensorLang/MLIR programs")
    .argument("[file]", "input file ('-' for stdin)", "-")
    .option("-o, --output <file>", "write the result here instead of stdout")
    .option("--mlir-print-op-generic", "print every op in MLIR's generic form")
    .option("--mlir-print-debuginfo", "print each op's location after it: loc(\"file\":line:col)")
    .option("--split-input-file", "treat '// -----' separated chunks as separate inputs")
    .option("--verify-diagnostics", "check emitted diagnostics against expected-* annotations")
    .option("--no-verify-each", "do not verify the IR after each pass")
    .option("--pass <names...>", "run passes by name (comma-separated or repeated)")
    .option("--list-passes", "list the available passes")
    .option("--mlir-timing", "report the time each phase took (on stderr)")
    .version(packageVersion(), "--version", "print the version")
    .exitOverride((err) => { throw Object.assign(new UsageError(err.message.replace(/^error: /, "")), { exitCode: err.exitCode === 0 ? 0 : 2 }); })
    .configureOutput({ writeErr: () => {} });
  for (const p of PASS_CATALOG) program.option(`--${p.name}`, p.description);
  try {
    program.parse(argv, { from: "user" });
  } catch (e) {
    if ((e as { exitCode?: number }).exitCode === 0) return 0; // --help: commander printed it
    throw e;
  }
  const opts = program.opts<OptOptions>();
  if (opts.listPasses) {
    for (const p of PASS_CATALOG) process.stdout.write(`  --${p.name.padEnd(34)} ${p.description}\n`);
    return 0;
  }
  const file = program.args[0] ?? "-";
  const name = file === "-" ? "<stdin>" : file;
  const text = readInput(file);
  time.lap("Parser");
  const passes = await Promise.all(passesFromArgv(argv).map((p) => p.load()));
  if (passes.length) time.lap("Pass pipeline"); // loading the passes' code
  const chunks = opts.splitInputFile ? splitChunks(text) : [text];
  const outs: string[] = [];
  let failed = false;
  for (const chunk of chunks) {
    const { out, diags } = processChunk(chunk, name, passes, opts, opts.mlirTiming ? time : undefined);
    if (opts.verifyDiagnostics) {
      const problems = checkDiagnostics(name, chunk, diags);
      for (const p of problems) process.stderr.write(p + "\n");
      failed ||= problems.length > 0;
    } else if (diags.length) {
      throw new DiagnosticError(diags);
    }
    if (out) outs.push(out);
  }
  // As mlir-opt: with --verify-diagnostics the chunks that produced no error are printed too.
  const result = outs.join("// -----\n");
  if (opts.output) writeOutput("-o", opts.output, result);
  else process.stdout.write(result);
  if (opts.mlirTiming) { time.lap("Output"); process.stderr.write(time.report()); }
  return failed ? 1 : 0;
}

/**
 * Starts tensorlang-opt with `args`. One run compiles each parser/printer path once and leaves:
 * TurboFan's inlining costs more compile time (background threads competing for the cores) than
 * it wins back. Measured on bench/frontend: about a quarter less CPU, same main-thread time.
 */
export function start(args: string[], startup?: string): void {
  setFlagsFromString("--max-inlined-bytecode-size-cumulative=100");
  void runCli("tensorlang-opt", () => main(args, startup));
}

if (isMain(import.meta.url)) start(process.argv.slice(2));
