// Differential testing of the two engines (issue 3): random well-formed loop-level programs
// (test/backend/gen/program.ts: integer, index and float arithmetic, casts, compares and
// selects, math ops, scf.for / affine.for with iter_args, scf.if with results, memref
// alloc/alloca with loads and stores, calls between helper functions, printing) are run under
// the reference interpreter and the wasm engine; their outputs must be identical. Floats are
// printed as bit patterns, so agreement is bit-exact, except for results of transcendental
// functions (printed with 6 significant digits; libms may differ in the last bit).
//
// fast-check drives the generator with a choice sequence and a fixed seed (reproducible); a
// failure is shrunk and reported with the program text and both outputs. Each property runs
// in a worker thread of its own (this file, started again): a miscompile that loops for ever
// cannot be interrupted in-process, so the main thread stops a worker that tries one program
// for longer than HANG_MS and fails with that program instead of hanging the suite.
import { test } from "node:test";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import fc from "fast-check";
import { parseModule } from "../../src/ir/parser.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { createContext } from "../../src/dialects/index.js";
import { Engine, type EngineKind, type EngineOptions } from "../../src/runtime/engine.js";
import { createCapturingContext } from "../../src/runtime/host.js";
import { printModule } from "../../src/ir/printer.js";
import { runPasses } from "../../src/passes/pass.js";
import { lookupPass } from "../../src/passes/registry.js";
import { generateProgram, type GenOptions } from "./gen/program.js";

await Engine.loadCompiler();

const SEED = Number(process.env.TL_DIFF_SEED ?? 20261126);
const RUNS = Number(process.env.TL_DIFF_RUNS ?? 300);
const SHRINK_MS = 60_000;
const HANG_MS = Number(process.env.TL_DIFF_HANG_MS ?? 30_000);
const OPTS: GenOptions = { fuel: 24, maxDepth: 3, transcendentals: true };
const choices = fc.array(fc.nat({ max: 0xffff }), { maxLength: 600, size: "max" });

/** Buffer addresses differ between the engines' heaps: printMemref* prints them. */
const maskAddresses = (s: string): string => s.replace(/base@ = 0x[0-9a-f]+/g, "base@ = 0x?");

/** Output of `text` under one engine; a trap or error is part of the output. */
function run(text: string, engine: EngineKind, checkBounds: boolean, raiseBlocks = true, wasm: EngineOptions = {}): string {
  const ctx = createCapturingContext({ seed: 1 });
  try {
    new Engine({ engine, ctx, checkBounds, raiseBlocks, ...wasm }).load(text, "gen.mlir").runMain("main", "void");
    return maskAddresses(ctx.output());
  } catch (e) {
    return `${maskAddresses(ctx.output())}<error: ${e instanceof Error ? e.message : String(e)}>`;
  }
}

/** Why the program for `cs` fails verification, or null. */
function verifyProblem(cs: number[]): string | null {
  const context = createContext();
  const text = generateProgram(cs, OPTS);
  let diags: string[];
  try {
    diags = verifyModule(parseModule(text, "gen.mlir", context), context).map((d) => d.message);
  } catch (e) {
    diags = [e instanceof Error ? e.message : String(e)];
  }
  return diags.length === 0 ? null : `generated program does not verify:\n${diags.join("\n")}\n--- program\n${text}`;
}

/** Why the engines disagree on the program for `cs` (or trap), or null; `wasm`: the wasm engine's options. */
const engineProblem = (wasm: EngineOptions = {}) => (cs: number[]): string | null => {
  const text = generateProgram(cs, OPTS);
  // The interpreter checks every memref index (an out-of-bounds access is a generator bug);
  // the wasm engine runs as compiled by default and, every other program, with --check-bounds.
  const interp = run(text, "interp", true);
  const checked = cs.length % 2 === 1;
  const out = run(text, "wasm", checked, true, wasm);
  if (interp === out && !interp.includes("<error:")) return null;
  return `engines disagree (or trapped)\n--- program\n${text}--- interp\n${interp}\n--- wasm ${JSON.stringify(wasm)}${checked ? " --check-bounds" : ""}\n${out}`;
};

/**
 * Why `passes` change what the program prints (a fold or a motion that is not the runtime's
 * semantics; after them, under `engine`, its blocks compiled as written), or null.
 */
const passesProblem = (passes: string[], engine: EngineKind = "interp") => (cs: number[]): string | null => {
  const text = generateProgram(cs, OPTS);
  const ctx = createContext();
  const m = parseModule(text, "gen.mlir", ctx);
  try { runPasses(m, ctx, passes.map((p) => lookupPass(p)!)); } catch (e) { return `--${passes.join(" --")} fails: ${e instanceof Error ? e.message : String(e)}\n--- program\n${text}`; }
  const after = printModule(m, ctx), out = run(text, "interp", true), outAfter = run(after, engine, true, false);
  if (out === outAfter) return null;
  return `--${passes.join(" --")} changes the output\n--- program\n${text}--- after\n${after}--- before\n${out}\n--- after\n${outAfter}`;
};

/** Runs `problem` on random choice sequences; a failure's message names the shrunk program. */
function check(problem: (cs: number[]) => string | null, numRuns: number): string | null {
  // Shrinking runs both engines per step: after SHRINK_MS of it, every further candidate
  // passes, so fast-check stops and reports the smallest failure found so far.
  let firstFailure = 0;
  const r = fc.check(fc.property(choices, (cs) => {
    if (firstFailure > 0 && Date.now() - firstFailure > SHRINK_MS) return true;
    parentPort?.postMessage({ trying: cs });
    const ok = problem(cs) === null;
    if (!ok && firstFailure === 0) firstFailure = Date.now();
    return ok;
  }), { seed: SEED, numRuns });
  if (r.failed && r.counterexample) return `${problem(r.counterexample[0]) ?? "flaky failure"}\n(choices: ${JSON.stringify(r.counterexample[0])})`;
  return r.failed ? "property failed without a counterexample" : null;
}

const TO_CF = ["lower-affine", "convert-scf-to-cf", "cse", "canonicalize"];
const PIPELINE = (process.env.TL_DIFF_PASSES ?? "raise-scf-to-affine,loop-invariant-code-motion,cse,lower-affine,canonicalize").split(",");
const PROPERTIES: Record<string, [string, () => string | null]> = {
  verify: ["generated programs verify", () => check(verifyProblem, RUNS * 2)],
  engines: ["interpreter and wasm engine print the same for random programs", () => check(engineProblem(), RUNS)],
  // As in a block of thousands of ops, where binaryen leaves local sharing to the emitter (-O0: as the emitter shares them).
  shared: ["so they do with values sharing locals in the emitter", () => check(engineProblem({ shareLocals: true, optimizeLevel: 0 }), RUNS / 2)],
  canonicalize: ["--canonicalize keeps what random programs print (folds agree with the runtime)", () => check(passesProblem(["canonicalize"]), RUNS / 2)],
  pipeline: [`--${PIPELINE.join(" --")} keeps what random programs print`, () => check(passesProblem(PIPELINE), RUNS / 2)],
  cf: [`--${TO_CF.join(" --")} keeps what random programs print, run by the wasm engine as blocks and branches (through the Relooper)`, () => check(passesProblem(TO_CF, "wasm"), RUNS / 2)],
};

/** Runs property `key` in a worker; fails with its result, or with the program it hung on. */
function inWorker(key: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: key });
    let trying: number[] | undefined, timer: NodeJS.Timeout | undefined;
    const watch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void w.terminate();
        reject(new Error(`no answer after ${HANG_MS} ms on one program (it loops?)\n--- program\n${trying ? generateProgram(trying, OPTS) : "(none yet)"}(choices: ${JSON.stringify(trying)})`));
      }, HANG_MS);
    };
    watch();
    w.on("message", (m: { trying?: number[]; failure?: string | null }) => {
      if (m.trying) { trying = m.trying; watch(); return; }
      clearTimeout(timer);
      if (m.failure) reject(new Error(m.failure)); else resolve();
    });
    w.on("error", (e) => { clearTimeout(timer); reject(e); });
    w.on("exit", (code) => { clearTimeout(timer); reject(new Error(`worker exited with code ${code}`)); });
  });
}

if (isMainThread) {
  for (const [key, [name]] of Object.entries(PROPERTIES)) test(name, () => inWorker(key));
} else {
  parentPort!.postMessage({ failure: PROPERTIES[workerData as string][1]() });
}
