#!/usr/bin/env node
// tensorlang-run: compile a program to WebAssembly (or interpret it) and run it, in the manner
// of mlir-cpu-runner; optionally optimize hot functions first (--optimize) or repair failed
// assertions (--heal). Wiring only: the work is in src/runtime, src/optimizer and src/llm.
import { Command, Option } from "commander";
import { availableParallelism } from "node:os";
import { SetupError } from "../llm/bounded.js";
import { addModelOptions, runnerChoice, runnerFromOptions, type ModelCliOptions } from "../llm/options.js";
import type { ModelRunner } from "../llm/ModelRunner.js";
import { symbolName, type Module } from "../ir/core.js";
import { DiagnosticError } from "../ir/diagnostics.js";
import { printModule } from "../ir/printer.js";
import { verifyProgram } from "../passes/verify-linearity.js";
import { describeSite, findAssertionSites } from "../optimizer/heal-sites.js";
import { StrategyCache, defaultCacheDir } from "../optimizer/cache.js";
import { ExperienceLog } from "../optimizer/experience.js";
import type { FunctionReport } from "../optimizer/optimize.js";
import { DEFAULT_STACK_BYTES, ProgramInstance, TensorLangRuntimeError, entryResult, type EngineValue, type ResultKind } from "../runtime/worker-link.js";
import type { CompiledUnit } from "../backend/wasm/compiler.js";
import { createContext } from "../dialects/index.js";
import { functionType } from "../dialects/func.js";
import { parseModule } from "../ir/parser.js";
import { InterpreterError, TimeLimitError } from "../interp/values.js";
import { OutOfMemoryError } from "../interp/heap.js";
import { formatFloat } from "../interp/format.js";
import { UnitCache } from "../runtime/unit-cache.js";
import { TensorLangAssertError, createHostContext } from "../runtime/host.js";
import { UsageError, checkWritable, intOpt, isMain, llvmStyleArgs, packageVersion, readInput, runCli, writeOutput } from "./common.js";
import { SearchProgressBar } from "./progress.js";

interface RunOptions extends ModelCliOptions {
  entry: string; entryPointResult?: string; engine: string; seed: string; printIrAfterLowering?: boolean; checkBounds?: boolean;
  optimize?: string; optimizeMode: string; budgetIters?: string; budgetMs?: string; budgetTokens?: string; searchSeed?: string;
  cacheDir?: string; cache: boolean; experienceLog?: string; report?: string;
  heal?: string | boolean; healAttempts?: string; healSeeds?: string; wasmThreads?: string; optLevel?: string; sharedLibs?: string; relaxedSimd?: boolean;
}

const RESULT_KINDS = ["void", "i32", "i64", "f32", "f64"] as const;

/** mlir-cpu-runner prints results with raw_ostream: integers as is, floats as llvm::write_double (`nan`, `INF`, else `%e`). */
function formatResult(v: EngineValue, kind: string): string {
  if (kind === "f32" || kind === "f64") {
    const x = Number(v);
    if (Number.isNaN(x)) return "nan";
    return Number.isFinite(x) ? formatFloat(x, "e") : x < 0 ? "-INF" : "INF";
  }
  return typeof v === "boolean" ? (v ? "1" : "0") : String(v);
}

function summaryLine(r: FunctionReport): string {
  if (r.leftAsWritten) return `optimize @${r.name}: left as written: ${r.leftAsWritten}`;
  const vs = Object.entries(r.verdicts).map(([k, n]) => `${k} ${n}`).join(", ");
  const ms = r.accepted.map((m) => (m === "rewrite" ? "rewrite" : m.kind === "vectorize" ? `vectorize(${m.loop},${m.width})`
    : "loop" in m ? `${m.kind}(${m.loop}${"factor" in m ? `,${m.kind === "unroll" && m.factor === 0 ? "full" : m.factor}` : ""})` : "loops" in m ? `${m.kind}(${m.loops.join(",")})` : m.kind)).join(" + ");
  return `optimize @${r.name}: baseline ${r.baselineMs.toFixed(3)} ms, best ${r.bestMs.toFixed(3)} ms, speedup ${r.speedup.toFixed(2)}x` +
    `${r.fromCache ? " (from cache)" : ` in ${(r.searchMs / 1000).toFixed(1)} s, ${r.iterations} iterations`}; ` +
    `accepted: ${ms || "none"}; verdicts: ${vs || "none"}`;
}

function writeReport(file: string | undefined, reports: FunctionReport[]): void {
  if (!file) return;
  writeOutput("--report", file, JSON.stringify({ functions: reports.map((r) => ({ name: r.name, baselineMs: r.baselineMs, bestMs: r.bestMs,
    speedup: r.speedup, accepted: r.accepted, verdicts: r.verdicts, bestIr: r.bestIr, fromCache: r.fromCache, searchMs: r.searchMs, iterations: r.iterations, leftAsWritten: r.leftAsWritten })) }, null, 2) + "\n");
}

/** run-full.js (the engine, the optimizer); the wasm compiler loads only when the engine compiles (Engine.loadCompiler). */
const runFull = () => import("./run-full.js");

const REFLECTION_FNS = ["tensorlang_get_ir", "tensorlang_query_model", "tensorlang_compile", "tensorlang_get_symbol_address", "tensorlang_optimize_async"];
const usesReflection = (text: string) => REFLECTION_FNS.some((n) => new RegExp(`@${n}\\b`).test(text));

/** Programs that call the reflection API run in a worker whose host calls reach this thread. */
async function runWithReflection(o: RunOptions, text: string, file: string, seed: number, cache: StrategyCache): Promise<number> {
  if (o.engine !== "wasm") throw new UsageError("the reflection API (tensorlang_get_ir, tensorlang_compile, ...) needs --engine wasm");
  const { Engine, HeuristicProposer, LiveProgram, LlmProposer, ProgramReflection } = await runFull();
  await Engine.loadCompiler();
  const engine = new Engine({ checkBounds: o.checkBounds, seed, relaxedSimd: true });
  engine.load(text, file);
  const runner = await loadRunner(o);
  const model = runner !== undefined && runner !== "heuristic" ? runner : undefined;
  const proposer = model ? new LlmProposer(model, { grammar: runnerChoice(o) === "llama" }) : new HeuristicProposer();
  let live: InstanceType<typeof LiveProgram> | undefined;
  const host = new ProgramReflection({ engine, moduleText: text, runner: model, proposer, cache, swap: (n, u) => live?.swap(n, u) });
  live = new LiveProgram(engine, o.entry, seed, undefined, { host });
  try {
    const outcome = await live.done;
    host.stop.abort();
    await Promise.all(host.searches);
    if (outcome.message) process.stderr.write(`tensorlang-run: ${outcome.message}\n`);
    return outcome.exitCode === 0 && returnsI32(engine.ir, o.entry) && typeof outcome.result === "number" ? outcome.result & 0xff : outcome.exitCode;
  } finally { if (model) await model.dispose(); }
}

/** `@matmul 3 times, @conv` for the swaps in order. */
function swapCounts(names: string[]): string {
  const n = new Map<string, number>();
  for (const x of names) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].map(([x, k]) => `@${x}${k > 1 ? ` ${k} times` : ""}`).join(", ");
}

async function loadRunner(o: RunOptions): Promise<ModelRunner | "heuristic" | undefined> {
  try { return await runnerFromOptions(o); } catch (e) { throw e instanceof SetupError ? new UsageError(e.message) : e; }
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command("tensorlang-run")
    .description("Compile a TensorLang/MLIR program to WebAssembly and run it (like mlir-cpu-runner)")
    .version(packageVersion(), "--version", "print the version")
    .argument("<file>", "program (.mlir; '-' for stdin)")
    .option("-e, --entry <name>", "entry function", "main")
    .addOption(new Option("--entry-point-result <kind>", "result type of the entry (printed like mlir-cpu-runner)").choices(RESULT_KINDS))
    .addOption(new Option("--engine <kind>", "execution engine").choices(["wasm", "interp"]).default("wasm"))
    .option("--seed <n>", "seed of tensorlang_get_random", "0")
    .option("--print-ir-after-lowering", "print the loop-level IR (to stderr) before running")
    .option("--check-bounds", "compile an index check into every memref access, a shape check into every memref.cast")
    .option("--relaxed-simd", "vector.fma on f32 as a relaxed-SIMD multiply-add: faster, not bit-exact (--optimize implies it)")
    .option("-O, --opt-level <n>", "binaryen's optimization level, 0 to 3, as mlir-cpu-runner's -O0..-O3 (default 3)")
    .option("--shared-libs <libs>", "accepted for mlir-cpu-runner's command lines: MLIR's runner utils are built in")
    .option("--optimize <names>", "optimize these functions (comma-separated) or 'auto' before/while running")
    .addOption(new Option("--optimize-mode <mode>", "search before running, or while running").choices(["ahead", "live"]).default("ahead"))
    .option("--budget-iters <n>", "search iterations per function (default 24)")
    .option("--budget-ms <n>", "search wall time per function in ms (default 60000)")
    .option("--budget-tokens <n>", "model tokens per function")
    .option("--search-seed <n>", "seed of the search (same seed + runner = same decisions)")
    .option("--cache-dir <dir>", `cache directory: strategies, compiled programs (default ${defaultCacheDir()})`)
    .option("--no-cache", "neither read nor write the cache (strategies, compiled programs)")
    .option("--experience-log <file>", "append every proposal with its verdict as JSONL")
    .option("--report <file>", "write the optimization summary as JSON")
    .option("--wasm-threads <n>", "threads for loops marked parallel, and let the search parallelize ('auto': the cores; default 1)")
    .option("--heal [names]", "repair failed assertions: 'auto' (default) or functions to repair")
    .option("--heal-attempts <n>", "candidates verified per violation (default 20)")
    .option("--heal-seeds <k>", "extra seeds a repair must pass (default 5)")
    .exitOverride()
    .configureOutput({ writeErr: () => {} });
  addModelOptions(program);
  try {
    program.parse(llvmStyleArgs(argv, program), { from: "user" });
  } catch (e) {
    const ce = e as { exitCode?: number; code?: string; message: string };
    if (ce.code === "commander.helpDisplayed" || ce.code === "commander.help") return 0; // commander printed it
    if (ce.code === "commander.version") return 0;
    throw new UsageError(ce.message.replace(/^error: /, ""));
  }
  const o = program.opts<RunOptions>();
  const text = readInput(program.args[0]);
  const file = program.args[0] === "-" ? "<stdin>" : program.args[0]; // (what diagnostics name, as tensorlang-opt's and mlir-opt's)
  if (o.report) checkWritable("--report", o.report);
  if (o.experienceLog) checkWritable("--experience-log", o.experienceLog);
  const seed = intOpt("--seed", o.seed, 0, 0);
  const optLevel = intOpt("--opt-level", o.optLevel, 3, 0);
  if (optLevel > 3) throw new UsageError(`--opt-level ${optLevel}: expected 0 to 3`);
  checkSharedLibs(o.sharedLibs);
  const say = (s: string) => process.stderr.write(s + "\n");
  const cache = o.cache === false ? new StrategyCache(undefined) : new StrategyCache(o.cacheDir ?? defaultCacheDir());

  if (o.heal !== undefined && o.heal !== false) {
    const runner = await loadRunner(o);
    const { heal } = await runFull();
    const names = typeof o.heal === "string" && o.heal !== "auto" ? o.heal.split(",").filter(Boolean) : "auto";
    try {
      const r = await heal({
        module: text, file, entry: o.entry, seed, runner: runner === undefined ? "heuristic" : runner, repairable: names,
        attempts: intOpt("--heal-attempts", o.healAttempts, 20, 1), seeds: intOpt("--heal-seeds", o.healSeeds, 5, 0),
        cache: o.cache === false ? null : cache, searchSeed: intOpt("--search-seed", o.searchSeed, 1, 0),
        experience: o.experienceLog ? new ExperienceLog(o.experienceLog) : undefined, model: o.modelPath ?? o.openaiModel ?? o.runner,
      });
      const returned = (r.final as { returned?: unknown } | undefined)?.returned;
      const ret = Array.isArray(returned) ? returned[0] : returned;
      return r.exitCode === 0 && (typeof ret === "number" || typeof ret === "bigint") ? Number(ret) & 0xff : r.exitCode;
    } finally { if (runner && runner !== "heuristic") await runner.dispose(); }
  }

  if (usesReflection(text)) return runWithReflection(o, text, file, seed, cache);

  let moduleText = text;
  const threads = o.wasmThreads === "auto" ? availableParallelism() : intOpt("--wasm-threads", o.wasmThreads, 1, 1);
  // Each helper is a whole V8 isolate (~8 MB, ~30 ms to start) that spins while it waits: more
  // than the cores only contend (1000 took 32 s and 8.5 GB to start). 2 stays allowed anywhere.
  const maxThreads = Math.max(2, availableParallelism());
  if (threads > maxThreads) throw new UsageError(`--wasm-threads ${threads}: at most ${maxThreads} (the cores of this machine)`);
  if (threads > 1 && o.engine !== "wasm") throw new UsageError("--wasm-threads needs --engine wasm");
  if (threads > 1 && o.optimize && o.optimizeMode === "live") throw new UsageError("--wasm-threads is not supported with --optimize-mode live (the live program runs in one worker)");
  const context = createContext();
  const parsed = parseModule(text, file, context);
  // Verified (linearity too) before any search or run (diagnostics, exit 1); loading verifies again.
  const problems = verifyProgram(parsed, context);
  if (problems.length) throw new DiagnosticError(problems);
  const defined = parsed.definedFunctions().map((f) => symbolName(f) ?? "");
  const listed = () => `(defined: ${defined.map((n) => `@${n}`).join(", ") || "none"})`;
  if (!defined.includes(o.entry)) throw new UsageError(`no entry function @${o.entry} with a body in ${file} ${listed()}`);
  // the entry is called with no arguments, as mlir-cpu-runner calls it
  const params = parsed.lookup(o.entry)!.body().args;
  if (params.length) throw new UsageError(`entry function @${o.entry} takes ${params.length} argument(s) (${params.map((a) => a.type.str).join(", ")}); tensorlang-run calls it with none`);
  const results = functionType(parsed.lookup(o.entry)!).results.map((t) => t.str);
  const kind = (o.entryPointResult ?? (takes("i32", results) ? "i32" : "void")) as ResultKind;
  if (o.entryPointResult && !takes(kind, results)) {
    const want = kind === "void" ? "nothing" : `one ${kind}${kind === "f32" ? " (or f16, bf16)" : ""}`;
    throw new UsageError(`--entry-point-result=${kind} needs an entry returning ${want}: @${o.entry} returns ${results.join(", ") || "nothing"}`);
  }

  // A plain run of a program compiled before links that unit, without loading the compiler.
  const units = new UnitCache(o.cache === false ? undefined : o.cacheDir ?? defaultCacheDir());
  const key = o.engine === "wasm" && threads === 1 && !o.optimize && !o.printIrAfterLowering ? units.key({ text, file, checkBounds: !!o.checkBounds, optLevel, relaxedSimd: !!o.relaxedSimd }) : undefined;
  const cached = key === undefined ? undefined : units.get(key);
  // (read again: loading lowers `parsed` in place)
  const assertion = (loc: bigint) => failedAssertion(parseModule(text, file, createContext()), file, text, loc);
  const finish = (run: () => EngineValue | undefined) => runEntry(run, kind, !!o.entryPointResult, assertion);
  if (cached) return finish(() => runUnit(cached, seed, o.entry, kind));

  const { Engine, HeuristicProposer, LiveProgram, LlmProposer, optimizeModule, pickHotFunctions } = await runFull();
  // Optimized kernels use vector.fma, which the wasm backend emits as a relaxed-SIMD madd.
  if (o.engine === "wasm") await Engine.loadCompiler();
  const engine = new Engine({ engine: o.engine as "wasm" | "interp", checkBounds: o.checkBounds, seed, threads, relaxedSimd: !!o.optimize || !!o.relaxedSimd, context, optimizeLevel: optLevel });
  if (o.optimize) {
    const runner = await loadRunner(o);
    if (runner === undefined) throw new UsageError("--optimize needs a proposal source: --runner heuristic|mock|llama|openai");
    const names = o.optimize === "auto" ? pickHotFunctions(moduleText, o.entry) : o.optimize.split(",").filter(Boolean);
    const unknown = names.filter((n) => !defined.includes(n));
    if (unknown.length) throw new UsageError(`--optimize: no function ${unknown.map((n) => `@${n}`).join(", ")} with a body in ${file} ${listed()}`);
    if (!names.length) say("tensorlang-run: --optimize auto found no function with loops to optimize (the entry, and functions passing vectors, are not searched)");
    const proposer = runner === "heuristic" ? new HeuristicProposer({ threads }) : new LlmProposer(runner, { grammar: runnerChoice(o) === "llama" });
    const bar = new SearchProgressBar(process.stderr);
    const live = o.optimizeMode === "live";
    if (live && o.engine !== "wasm") throw new UsageError("--optimize-mode live needs --engine wasm");
    // live: the program starts at once in a worker; every new best is hot-swapped into it.
    let program: InstanceType<typeof LiveProgram> | undefined;
    if (live) { engine.load(parsed); program = new LiveProgram(engine, o.entry, seed); }
    const stop = new AbortController();
    const search = optimizeModule({
      moduleText, functions: names, proposer, seed: intOpt("--search-seed", o.searchSeed, 1, 0), cache, signal: stop.signal,
      sandbox: threads > 1 ? { threads } : undefined,
      budget: { iterations: intOpt("--budget-iters", o.budgetIters, 24, 1), wallMs: intOpt("--budget-ms", o.budgetMs, 60_000, 1),
        tokens: o.budgetTokens === undefined ? undefined : intOpt("--budget-tokens", o.budgetTokens, 0, 1) },
      log: o.experienceLog ? new ExperienceLog(o.experienceLog) : undefined, model: o.modelPath ?? o.openaiModel ?? o.runner,
      onProgress: (name, p) => bar.update(name, p),
      onBest: (name, text) => { if (program) program.swap(name, engine.compile(text, { only: [name], file })); },
      onImproved: (name, text) => { if (program) program.swap(name, engine.compile(text, { only: [name], file })); },
    });
    try {
      if (program) {
        const outcome = await program.done;
        stop.abort(); // the program ended: stop searching, keep (and cache) the best so far
        const { reports } = await search;
        bar.stop();
        for (const r of reports) say(summaryLine(r));
        if (program.swaps.length) say(`tensorlang-run: hot-swapped ${swapCounts(program.swaps)} while running`);
        writeReport(o.report, reports);
        if (outcome.message) say(`tensorlang-run: ${outcome.message}`);
        return outcome.exitCode;
      }
      const { moduleText: optimized, reports } = await search;
      bar.stop();
      moduleText = optimized;
      for (const r of reports) say(summaryLine(r));
      writeReport(o.report, reports);
    } finally {
      bar.stop();
      if (runner !== "heuristic") await runner.dispose();
    }
  }
  engine.load(o.optimize ? engine.parse(moduleText, file) : parsed);
  if (key !== undefined) units.put(key, engine.units[0].unit);
  if (o.printIrAfterLowering) process.stderr.write(printModule(engine.ir, engine.context));
  return finish(() => engine.runMain(o.entry, kind));
}

/**
 * mlir-cpu-runner loads runner-utils libraries (`-shared-libs=.../libmlir_runner_utils.so`);
 * their functions are built in here. Any other native library cannot be loaded.
 */
function checkSharedLibs(libs: string | undefined): void {
  for (const lib of (libs ?? "").split(",").filter(Boolean)) {
    if (!/(^|\/)libmlir_(c_)?runner_utils\.(so|dylib|dll)$/.test(lib)) {
      throw new UsageError(`--shared-libs: cannot load '${lib}': tensorlang-run loads no native libraries; MLIR's runner utils (libmlir_runner_utils, libmlir_c_runner_utils) are built in`);
    }
  }
}

/**
 * Whether an entry returning `results` gives a result of `kind`, checked before running as
 * mlir-cpu-runner checks it ("expected void function", "only single i32 function result
 * supported"); an f16 or bf16 is printed as an f32.
 */
const takes = (kind: ResultKind, results: string[]) =>
  kind === "void" ? !results.length : results.length === 1 && (results[0] === kind || (kind === "f32" && ["f16", "bf16"].includes(results[0])));

/** Without --entry-point-result, an i32 result of the entry becomes the exit code, as a C main's would. */
const returnsI32 = (m: Module, entry: string) => /-> i32$/.test(m.lookup(entry)?.attr("function_type")?.str ?? "");

/** Runs the entry of a unit from the unit cache, as Engine.runMain runs it: nothing compiles. */
function runUnit(unit: CompiledUnit, seed: number, entry: string, kind: ResultKind): EngineValue | undefined {
  const ctx = createHostContext({ seed });
  const program = new ProgramInstance(ctx, DEFAULT_STACK_BYTES);
  program.link(unit);
  let rs: EngineValue[];
  try { rs = program.call(entry, []); } finally { ctx.flush(); }
  return entryResult(rs, entry, kind);
}

/**
 * The exit code of a run: the entry's i32 result (as a C main's) unless --entry-point-result
 * asked to print it; 3 for a failed assertion, 4 for a runtime error.
 */
function runEntry(run: () => EngineValue | undefined, kind: ResultKind, print: boolean, assertion: (loc: bigint) => string): number {
  const say = (s: string) => process.stderr.write(s + "\n");
  try {
    const r = run();
    if (!print) return kind === "i32" ? Number(r) & 0xff : 0;
    if (kind !== "void" && r !== undefined) process.stdout.write(formatResult(r, kind) + "\n");
    return 0;
  } catch (e) {
    if (e instanceof TensorLangAssertError) { say(`tensorlang-run: ${assertion(e.loc)} (run with --heal to repair it)`); return 3; }
    if (e instanceof TensorLangRuntimeError) { say(`tensorlang-run: ${e.message}`); return 4; }
    // --engine interp: the interpreter's runtime errors (they name the function) exit like traps.
    if (e instanceof OutOfMemoryError && e.functionName) { say(`tensorlang-run: runtime error in @${e.functionName}: ${e.message}`); return 4; }
    if (e instanceof InterpreterError || e instanceof TimeLimitError || e instanceof OutOfMemoryError) { say(`tensorlang-run: ${e.message}`); return 4; }
    throw e;
  }
}

/** How the failed assertion `loc` reads, as --heal reports it: its line and what it requires, where `loc` names one site. */
function failedAssertion(module: Module, file: string, source: string, loc: bigint): string {
  const sites = findAssertionSites(module).filter((s) => s.loc === loc), line = sites[0]?.op.loc?.line;
  return sites.length === 1 && line !== undefined ? `assertion failed at ${file}:${line}: ${describeSite(sites[0], source)}` : `tensorlang assertion failed at location ${loc}`;
}

export function start(args: string[]): void { void runCli("tensorlang-run", () => main(args)); }

if (isMain(import.meta.url)) start(process.argv.slice(2));
