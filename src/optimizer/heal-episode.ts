// One episode: the entry point run from the start with a seed on the reference interpreter,
// instrumented for the healer. Besides pass/fail it records what the healer needs: the margin
// of every assertion site's deciding comparison (worst value seen), which module functions
// were called, and the tail of the telemetry trace. Used in the host (the live run of trusted
// code) and in the replay worker (candidates), so both measure the same way.
import type { Module, Operation } from "../ir/core.js";
import { Interpreter, type HandlerTable } from "../interp/interpreter.js";
import { HANDLERS } from "../interp/registry.js";
import { InterpreterError, type RtValue } from "../interp/values.js";
import { OutOfMemoryError } from "../interp/heap.js";
import { createHostContext, interpHost, TensorLangAssertError, type SimulationResult, type TraceRecord } from "../runtime/host.js";
import { calleeOf, findAssertionSites, margin, type AssertionSite } from "./heal-sites.js";

export type EpisodeStatus = "ok" | "violation" | "trap" | "out-of-memory" | "timeout" | "error";

export interface SiteMeasure {
  /** How often the deciding comparison was evaluated. */
  checks: number;
  /** The worst (smallest) margin seen; > 0 = held. */
  minMargin: number;
  /** Operands of the comparison at the worst moment. */
  operands?: [number, number];
}

export interface EpisodeOutcome {
  seed: number;
  status: EpisodeStatus;
  /** For a violation: the site id (when the location matches one) and the reported location. */
  siteId?: number;
  loc?: string;
  message?: string;
  /** Per site id. */
  sites: Record<number, SiteMeasure>;
  /** Module functions (with bodies) called during the episode, in first-call order. */
  called: string[];
  /** The last telemetry records (print_status / record_thrust). */
  trace: TraceRecord[];
  /** What tensorlang_stop_timer recorded. */
  results: SimulationResult[];
  /** print_status calls (simulation steps). */
  steps: number;
  /** Numbers returned by the entry point (bigints as decimal strings). */
  returned?: (number | string)[];
  stdout?: string;
  ms: number;
}

export interface EpisodeOptions {
  entry: string;
  seed: number;
  /** Where program output goes; when absent it is dropped (or captured with captureStdout). */
  stdout?: (text: string) => void;
  captureStdout?: boolean;
  traceTail?: number;
  /** Memory cap of the program's heap, bytes. */
  heapCapBytes?: number;
}

function toNumber(x: RtValue): number {
  return typeof x === "bigint" ? Number(x) : typeof x === "number" ? x : NaN;
}

/** Runs one episode; never throws for what the program does. */
export function runEpisode(module: Module, options: EpisodeOptions, sites: AssertionSite[] = findAssertionSites(module)): EpisodeOutcome {
  const t0 = performance.now();
  let captured = "";
  const sink = options.stdout ?? (options.captureStdout ? (t: string) => { captured += t; } : () => {});
  const host = createHostContext({ seed: options.seed, stdout: sink, stderr: sink, heapOptions: options.heapCapBytes ? { capBytes: options.heapCapBytes } : undefined });
  const measures: Record<number, SiteMeasure> = {};
  const byCmp = new Map<Operation, AssertionSite[]>();
  for (const s of sites) if (s.guard) byCmp.set(s.guard.cmp, [...(byCmp.get(s.guard.cmp) ?? []), s]);
  const called: string[] = [];
  const seen = new Set<string>();
  const measureCmp = (base: NonNullable<HandlerTable[string]>): NonNullable<HandlerTable[string]> => (interp, op, args) => {
    const r = base(interp, op, args);
    const watch = byCmp.get(op);
    if (watch) {
      const a = toNumber(args[0]), b = toNumber(args[1]);
      for (const s of watch) {
        const m = margin(s.guard!, a, b);
        const cur = measures[s.id];
        if (!cur) measures[s.id] = { checks: 1, minMargin: m, operands: [a, b] };
        else {
          cur.checks++;
          if (m < cur.minMargin) { cur.minMargin = m; cur.operands = [a, b]; }
        }
      }
    }
    return r;
  };
  const call = HANDLERS["func.call"];
  const handlers: HandlerTable = {
    "arith.cmpf": measureCmp(HANDLERS["arith.cmpf"]),
    "arith.cmpi": measureCmp(HANDLERS["arith.cmpi"]),
    "func.call": (interp, op, args) => {
      const callee = calleeOf(op);
      if (callee && !seen.has(callee)) {
        seen.add(callee);
        const fn = interp.lookupSymbol(callee);
        if (fn && fn.regions[0]?.blocks.length) called.push(callee);
      }
      return call(interp, op, args);
    },
  };
  const interp = new Interpreter(module, host, { host: interpHost(host), handlers });
  const out: EpisodeOutcome = { seed: options.seed, status: "ok", sites: measures, called, trace: [], results: [], steps: 0, ms: 0 };
  try {
    const rs = interp.call(options.entry, []);
    out.returned = rs.map((x) => (typeof x === "bigint" ? x.toString() : typeof x === "number" ? x : NaN));
  } catch (e) {
    if (e instanceof TensorLangAssertError) {
      out.status = "violation";
      out.loc = e.loc.toString();
      out.message = e.message;
      out.siteId = sites.find((s) => s.loc === e.loc)?.id;
    } else if (e instanceof OutOfMemoryError) {
      out.status = "out-of-memory";
      out.message = e.message;
    } else if (e instanceof InterpreterError) {
      out.status = "trap";
      out.message = e.message;
    } else {
      out.status = "error";
      out.message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
  } finally {
    host.flush();
  }
  const tel = host.telemetry;
  out.trace = tel.trace.slice(-(options.traceTail ?? 24));
  out.results = tel.results.slice();
  out.steps = tel.steps;
  if (options.captureStdout) out.stdout = captured;
  out.ms = performance.now() - t0;
  return out;
}
