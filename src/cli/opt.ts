#!/usr/bin/env node
// tensorlang-opt: parse, verify, run passes and print, in the manner of mlir-opt.
import { Command } from "commander";
import { setFlagsFromString } from "node:v8";
import { createContext } from "../dialects/index.js";
import { setElementsHexLimit } from "../ir/attributes.js";
import { DiagnosticError, formatDiagnostic, type Diagnostic } from "../ir/diagnostics.js";
import { parseModule } from "../ir/parser.js";
import { printModule, type PrintOptions } from "../ir/printer.js";
import type { Context } from "../ir/dialect.js";
import { inputChunks } from "../ir/split-input.js";
import { verifyModule } from "../ir/verifier.js";
import { PASS_CATALOG, PipelineError, loadPass, lookupPassEntry, parsePassOptions, parsePassPipeline, unknownPassHint, type PassEntry, type PassUse } from "../passes/catalog.js";
import { PassOptionError } from "../passes/pass.js";
import { runPasses, type Pass, type PipelineOptions } from "../passes/pass.js";
import { checkDiagnostics } from "./diagnostics-check.js";
import { UsageError, intOpt, isMain, llvmStyleArgs, packageVersion, readInput, runCli, writeOutput } from "./common.js";

interface OptOptions {
  output?: string; mlirPrintOpGeneric?: boolean; mlirPrintDebuginfo?: boolean; splitInputFile?: boolean; verifyDiagnostics?: boolean;
  pass?: string[]; listPasses?: boolean; verifyEach?: boolean; mlirTiming?: boolean; passPipeline?: string;
  allowUnregisteredDialect?: boolean; mlirPrintLocalScope?: boolean; mlirPrintIrBeforeAll?: boolean; mlirPrintIrAfterAll?: boolean; mlirPrintIrBefore?: string; mlirPrintIrAfter?: string; mlirPrintIrAfterFailure?: boolean; mlirPrintIrAfterChange?: boolean; mlirElideElementsattrsIfLarger?: number; mlirPrintElementsattrsWithHexIfLarger?: number; mlirPrintUniqueSsaIds?: boolean; mlirPrintSkipRegions?: boolean; mlirPrintValueUsers?: boolean;
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

/** The passes to run: `--pass-pipeline`'s, or those of the flags in command-line order (mlir-opt semantics). */
function passesToRun(argv: string[], pipeline: string | undefined): PassUse[] {
  const flags = passesFromArgv(argv);
  if (pipeline === undefined) return flags;
  if (flags.length) throw new UsageError("--pass-pipeline cannot be used with individual pass options");
  try {
    return parsePassPipeline(pipeline);
  } catch (e) {
    if (!(e instanceof PipelineError)) throw e;
    throw new UsageError(`--pass-pipeline:1:${e.column}: ${e.message}\n  ${pipeline}\n  ${" ".repeat(e.column - 1)}^`);
  }
}

/** `--mlir-print-ir-before/after`: which passes (comma-separated names) to dump the IR around. */
function passNames(option: string, list: string | undefined): Set<string> {
  const names = new Set((list ?? "").split(",").map((n) => n.trim()).filter(Boolean));
  for (const n of names) if (!lookupPassEntry(n)) throw new UsageError(`${option}: unknown pass '${n}'${unknownPassHint(n)}`);
  return names;
}

/** `--name` or `--name=options` naming a pass (as mlir-opt takes a pass's options, in one argument): its entry and option text. */
function passFlag(a: string): { entry: PassEntry; options?: string } | undefined {
  if (!a.startsWith("--")) return undefined;
  const eq = a.indexOf("="), entry = lookupPassEntry(eq < 0 ? a.slice(2) : a.slice(2, eq));
  return entry && { entry, options: eq < 0 ? undefined : a.slice(eq + 1) };
}

function passesFromArgv(argv: string[]): PassUse[] {
  const out: PassUse[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--pass" || a.startsWith("--pass=")) {
      const names = (a === "--pass" ? argv[++i] ?? "" : a.slice(7)).split(",").filter(Boolean);
      if (!names.length) throw new UsageError("--pass expects pass names (see --list-passes)");
      for (const n of names) {
        const p = lookupPassEntry(n.replace(/^--/, ""));
        if (!p) throw new UsageError(`unknown pass '${n}'${unknownPassHint(n.replace(/^--/, ""))}`);
        out.push({ entry: p, options: new Map() });
      }
    } else {
      const flag = passFlag(a);
      if (!flag) continue;
      try {
        out.push({ entry: flag.entry, options: flag.options === undefined ? new Map() : parsePassOptions(flag.entry, flag.options) });
      } catch (e) {
        if (!(e instanceof PipelineError)) throw e;
        throw new UsageError(`--${flag.entry.name}: ${e.message}`);
      }
    }
  }
  return out;
}

type Observe = NonNullable<PipelineOptions["observe"]>;

/** The pass classes MLIR 19 names in its IR dump headers (`IR Dump After CSE (cse)`), where they differ from the name in PascalCase. */
const MLIR_PASS_CLASSES: Record<string, string> = {
  canonicalize: "Canonicalizer", cse: "CSE", inline: "Inliner", "symbol-dce": "SymbolDCE", "lower-affine": "ConvertAffineToStandard",
  "convert-scf-to-cf": "SCFToControlFlow", "scf-forall-to-parallel": "SCFForallToParallelLoop",
  "linalg-generalize-named-ops": "LinalgGeneralizeNamedOpsPass", "linalg-fuse-elementwise-ops": "LinalgElementwiseOpFusionPass",
  "convert-linalg-to-loops": "ConvertLinalgToLoopsPass", "convert-linalg-to-affine-loops": "ConvertLinalgToAffineLoopsPass",
};
const dumpName = (pass: string) => MLIR_PASS_CLASSES[pass] ?? pass.replace(/(^|-)(\w)/g, (_, _d, c: string) => c.toUpperCase());

/**
 * MLIR's `--mlir-print-ir-before/after/after-failure/after-change` dumps, on stderr, printed as the
 * output is, each followed by two empty lines; after a failure in the generic form where the IR
 * does not verify (as MLIR: the custom printers may assume what the verifier checks), and put in
 * `failed` to be written after the errors (MLIR reports them as the pass runs, before the dump).
 */
function irDumps(opts: OptOptions, failed: string[]): ((ctx: Context, print: PrintOptions) => Observe) | undefined {
  const before = passNames("--mlir-print-ir-before", opts.mlirPrintIrBefore), after = passNames("--mlir-print-ir-after", opts.mlirPrintIrAfter);
  const wanted = (when: "Before" | "After" | "Failed", p: Pass) =>
    when === "Before" ? opts.mlirPrintIrBeforeAll || before.has(p.name) : when === "After" ? opts.mlirPrintIrAfterAll || after.has(p.name) : opts.mlirPrintIrAfterFailure;
  if (!opts.mlirPrintIrBeforeAll && !opts.mlirPrintIrAfterAll && !opts.mlirPrintIrAfterFailure && !before.size && !after.size) return undefined;
  return (ctx, print) => {
    let beforeText: string | undefined; // (--mlir-print-ir-after-change: the IR the pass started from)
    return (when, p, m) => {
      if (when === "Before" && opts.mlirPrintIrAfterChange && wanted("After", p)) beforeText = printModule(m, ctx, print);
      if (!wanted(when, p)) return;
      const generic = when === "Failed" && verifyModule(m, ctx).length > 0, text = printModule(m, ctx, generic ? { ...print, generic } : print);
      if (when === "After" && opts.mlirPrintIrAfterChange && text === beforeText) return;
      const dump = `// -----// IR Dump ${when === "Failed" ? "After" : when} ${dumpName(p.name)}${when === "Failed" ? " Failed" : ""} (${p.name}) //----- //\n${text}\n\n`;
      if (when === "Failed") failed.push(dump);
      else process.stderr.write(dump);
    };
  };
}

function processChunk(text: string, firstLine: number, file: string, passes: Pass[], opts: OptOptions, time?: Timing,
  dumps?: (ctx: Context, print: PrintOptions) => Observe): { out: string; diags: Diagnostic[] } {
  const ctx = createContext();
  ctx.allowUnregistered = !!opts.allowUnregisteredDialect;
  const print: PrintOptions = { generic: opts.mlirPrintOpGeneric, debugInfo: opts.mlirPrintDebuginfo, aliases: !opts.mlirPrintLocalScope, uniqueIds: opts.mlirPrintUniqueSsaIds, skipRegions: opts.mlirPrintSkipRegions, valueUsers: opts.mlirPrintValueUsers,
    elideElementsLargerThan: opts.mlirElideElementsattrsIfLarger };
  try {
    const m = parseModule(text, file, ctx, firstLine);
    time?.lap("Parser");
    const ds = verifyModule(m, ctx);
    time?.lap("Verifier");
    if (ds.length) return { out: "", diags: ds };
    runPasses(m, ctx, passes, { verifyEach: opts.verifyEach ?? true, observe: dumps?.(ctx, print) });
    if (passes.length) time?.lap("Pass pipeline");
    const out = printModule(m, ctx, print);
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
    .option("--mlir-elide-elementsattrs-if-larger <n>", "print dense elements of more than n elements (not splats) as dense_resource<__elided__> (in the output and the IR dumps)", (v) => intOpt("--mlir-elide-elementsattrs-if-larger", v, 0))
    .option("--mlir-print-elementsattrs-with-hex-if-larger <n>", "print dense elements of more than n elements (not splats) as their raw data in hex, dense<\"0x...\"> (default 100; -1: never)", (v) => intOpt("--mlir-print-elementsattrs-with-hex-if-larger", v, 100, -1))
    .option("--mlir-print-skip-regions", "print every region as {...}")
    .option("--mlir-print-value-users", "print after each value the ops that use it, as comments (ops without results get numbers among the values)")
    .option("--mlir-print-unique-ssa-ids", "number values, block arguments and name conflicts across all regions, not from each function's start")
    .option("--mlir-print-local-scope", "print affine maps and sets where they are used, not as #map aliases")
    .option("--split-input-file", "treat '// -----' separated chunks as separate inputs")
    .option("--verify-diagnostics", "check emitted diagnostics against expected-* annotations")
    .option("--allow-unregistered-dialect", "keep ops of dialects TensorLang does not know (in the generic form)")
    .option("--no-verify-each", "do not verify the IR after each pass")
    .option("--pass <names...>", "run passes by name (comma-separated or repeated)")
    .option("--pass-pipeline <pipeline>", "run an MLIR textual pipeline, e.g. 'builtin.module(func.func(cse,canonicalize))'")
    .option("--mlir-print-ir-before-all", "print the IR (on stderr) before every pass")
    .option("--mlir-print-ir-after-all", "print the IR (on stderr) after every pass")
    .option("--mlir-print-ir-before <passes>", "print the IR (on stderr) before these passes (comma-separated)")
    .option("--mlir-print-ir-after <passes>", "print the IR (on stderr) after these passes (comma-separated)")
    .option("--mlir-print-ir-after-change", "print the IR after a pass only if the pass changed it")
    .option("--mlir-print-ir-after-failure", "print the IR (on stderr) after a pass that failed (generic form if it does not verify)")
    .option("--mlir-disable-threading", "accepted for mlir-opt's command lines: passes run on one thread")
    .option("--list-passes", "list the available passes")
    .option("--mlir-timing", "report the time each phase took (on stderr)")
    .version(packageVersion(), "--version", "print the version")
    .exitOverride((err) => { throw Object.assign(new UsageError(err.message.replace(/^error: /, "")), { exitCode: err.exitCode === 0 ? 0 : 2 }); })
    .configureOutput({ writeErr: () => {} });
  for (const p of PASS_CATALOG) {
    const opts = Object.entries(p.options ?? {}).map(([k, o]) => `${k}: ${o.description}`).join("; ");
    program.option(`--${p.name}`, opts ? `${p.description} (options, as --${p.name}='${Object.keys(p.options!)[0]}=...': ${opts})` : p.description);
  }
  argv = llvmStyleArgs(argv, program);
  try {
    // (a pass's options, `--inline=max-iterations=2`, are read from argv by passesToRun: commander sees the flag alone,
    // so `--inline file.mlir` still names the input)
    program.parse(argv.map((a) => { const flag = passFlag(a); return flag?.options !== undefined && flag.entry.options ? `--${flag.entry.name}` : a; }), { from: "user" });
  } catch (e) {
    if ((e as { exitCode?: number }).exitCode === 0) return 0; // --help: commander printed it
    throw e;
  }
  const opts = program.opts<OptOptions>();
  if (opts.listPasses) {
    for (const p of PASS_CATALOG) process.stdout.write(`  --${p.name.padEnd(34)} ${p.description}\n`);
    return 0;
  }
  setElementsHexLimit(opts.mlirPrintElementsattrsWithHexIfLarger ?? 100);
  const file = program.args[0] ?? "-";
  const name = file === "-" ? "<stdin>" : file;
  const text = readInput(file);
  time.lap("Parser");
  const passes = await Promise.all(passesToRun(argv, opts.passPipeline).map(async (use) => {
    try { return await loadPass(use); } catch (e) { throw e instanceof PassOptionError ? new UsageError(`--${use.entry.name}: ${e.message}`) : e; }
  }));
  const failureDumps: string[] = [], dumps = irDumps(opts, failureDumps);
  if (passes.length) time.lap("Pass pipeline"); // loading the passes' code
  const chunks = opts.splitInputFile ? inputChunks(text) : [{ text, firstLine: 0 }];
  const outs: string[] = [];
  let failed = false;
  for (const chunk of chunks) {
    const { out, diags } = processChunk(chunk.text, chunk.firstLine, name, passes, opts, opts.mlirTiming ? time : undefined, dumps);
    if (opts.verifyDiagnostics) {
      const problems = checkDiagnostics(name, chunk.text, diags, chunk.firstLine);
      for (const p of problems) process.stderr.write(p + "\n");
      failed ||= problems.length > 0;
    } else if (diags.length) {
      // As mlir-opt: every chunk is processed and its errors reported; a failed one prints nothing.
      for (const d of diags) process.stderr.write(formatDiagnostic(d) + "\n");
      failed = true;
    }
    for (const dump of failureDumps.splice(0)) process.stderr.write(dump);
    outs.push(out && out + (opts.mlirPrintLocalScope ? "" : "\n")); // mlir-opt ends each printed chunk with an empty line, but with a local scope
  }
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
