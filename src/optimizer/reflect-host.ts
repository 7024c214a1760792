// The main-thread side of the reflection API: the live module text, model queries, sandboxed
// compilation with hot-swap, and background optimization of a function on request.
import { createContext } from "../dialects/index.js";
import { funcName, isDeclaration } from "../dialects/func.js";
import { DiagnosticError, formatDiagnostic } from "../ir/diagnostics.js";
import { parseModule } from "../ir/parser.js";
import { printModule, printOp } from "../ir/printer.js";
import type { CompiledUnit } from "../backend/wasm/compiler.js";
import type { ModelRunner } from "../llm/ModelRunner.js";
import type { Engine } from "../runtime/engine.js";
import type { ReflectionHost } from "../runtime/reflection.js";
import type { StrategyCache } from "./cache.js";
import { findFunction } from "./mutator.js";
import { optimizeModule, withFunction } from "./optimize.js";
import type { Proposer } from "./proposer.js";
import { evaluateCandidate } from "./sandbox.js";

export interface ReflectionHostOptions {
  engine: Engine;
  /** The program's source-level text (before lowering). */
  moduleText: string;
  runner?: ModelRunner;
  proposer: Proposer;
  cache?: StrategyCache;
  /** Hot-swap into the running program (LiveProgram.swap). */
  swap(name: string, unit: CompiledUnit): void;
  queryTimeoutMs?: number;
  say?(text: string): void;
}

export class ProgramReflection implements ReflectionHost {
  moduleText: string;
  /** Background searches started by tensorlang_optimize_async (awaited at exit). */
  readonly searches: Promise<unknown>[] = [];
  readonly stop = new AbortController();

  constructor(private readonly o: ReflectionHostOptions) {
    const ctx = createContext();
    this.moduleText = printModule(parseModule(o.moduleText, "<program>", ctx), ctx);
  }

  getIR(): string { return this.moduleText; }

  async queryModel(prompt: string): Promise<{ text: string; stderr?: string }> {
    if (!this.o.runner) return { text: "", stderr: "tensorlang_query_model: no model runner is configured (use --runner or --model-path)\n" };
    try {
      return { text: await this.o.runner.query(prompt, { timeoutMs: this.o.queryTimeoutMs ?? 60_000 }) };
    } catch (e) {
      return { text: "", stderr: `tensorlang_query_model: ${(e as Error).message}\n` };
    }
  }

  async compile(ir: string): Promise<{ code: number; stderr: string; units: Array<{ name: string; unit: CompiledUnit }> }> {
    const ctx = createContext();
    let fns;
    try {
      fns = parseModule(ir, "<tensorlang_compile>", ctx).functions().filter((f) => !isDeclaration(f));
    } catch (e) {
      const msg = e instanceof DiagnosticError ? e.diagnostics.map(formatDiagnostic).join("\n") : (e as Error).message;
      return { code: 1, stderr: `${msg}\n`, units: [] };
    }
    if (!fns.length) return { code: 1, stderr: "tensorlang_compile: the IR defines no function\n", units: [] };
    let text = this.moduleText;
    const names: string[] = [];
    for (const f of fns) {
      const name = funcName(f);
      if (!findFunction(parseModule(text, "<live>", ctx), name)) return { code: 1, stderr: `tensorlang_compile: @${name} is not a function of the running program\n`, units: [] };
      let candidate: string;
      try { candidate = withFunction(text, name, printOp(f, ctx)); } catch (e) { return { code: 1, stderr: `tensorlang_compile: @${name}: ${(e as Error).message}\n`, units: [] }; }
      // Correctness decides here (slower installs too): one timed call, no time floor.
      const v = await evaluateCandidate(text, candidate, name, { randomCases: 2, timingRuns: 1, minTimingMs: 0 });
      if (v.verdict !== "accepted" && v.verdict !== "slower") {
        return { code: 1, stderr: `tensorlang_compile: @${name} rejected by the sandbox: ${v.verdict}${v.reason ? `: ${v.reason}` : ""}\n`, units: [] };
      }
      text = candidate;
      names.push(name);
    }
    const units = names.map((name) => ({ name, unit: this.o.engine.compile(text, { only: [name] }) }));
    this.moduleText = text;
    return { code: 0, stderr: "", units };
  }

  optimizeAsync(prompt: string, target: string): void {
    const say = this.o.say ?? ((t: string) => void process.stderr.write(t));
    if (!findFunction(parseModule(this.moduleText, "<live>", createContext()), target)) {
      say(`tensorlang_optimize_async: no function @${target} in the program\n`);
      return;
    }
    say(`tensorlang: optimizing @${target} in the background${prompt ? ` (${prompt})` : ""}\n`);
    const swapIn = (name: string, text: string) => {
      this.moduleText = withFunction(this.moduleText, name, printOp(findFunction(parseModule(text, "<best>", createContext()), name)!, createContext()));
      this.o.swap(name, this.o.engine.compile(text, { only: [name] }));
    };
    this.searches.push(optimizeModule({
      moduleText: this.moduleText, functions: [target], proposer: this.o.proposer, budget: { iterations: 24, wallMs: 60_000 },
      cache: this.o.cache, signal: this.stop.signal, onBest: swapIn,
    }).then((r) => { for (const x of r.reports) say(`tensorlang: @${x.name} optimized in the background: ${x.speedup.toFixed(2)}x\n`); })
      .catch((e) => say(`tensorlang_optimize_async: ${(e as Error).message}\n`)));
  }
}
