// The passes `tensorlang-opt` offers, by flag name, each loaded only when a run asks for it:
// a plain parse-verify-print never compiles pass code (about a tenth of the CLI's startup).
// Same names, descriptions and order as registry.ts, which a test checks.
import { didYouMean } from "../ir/diagnostics.js";
import type { Pass } from "./pass.js";

export interface PassEntry {
  name: string;
  description: string;
  /** Rewrites each function on its own, so `--pass-pipeline` may nest it in `func.func(...)`. */
  perFunction?: boolean;
  /** The options it takes (`inline{max-iterations=2}`, `--inline=max-iterations=2`), by name: MLIR's where MLIR has them. */
  options?: Record<string, { type: "uint" | "string"; description: string }>;
  load(): Promise<Pass>;
}

/** A pass as a pipeline or a flag asks for it: its entry and the options given. */
export interface PassUse { entry: PassEntry; options: Map<string, string> }

/** The pass a use asks for, configured with its options. */
export async function loadPass({ entry, options }: PassUse): Promise<Pass> {
  const pass = await entry.load();
  return options.size ? pass.configure!(options) : pass;
}

export const PASS_CATALOG: readonly PassEntry[] = [
  {
    name: "canonicalize",
    perFunction: true,
    description: "Fold constant expressions, unique and hoist constants, remove dead side-effect-free operations",
    load: async () => (await import("./canonicalize.js")).canonicalize,
  },
  {
    name: "cse",
    perFunction: true,
    description: "Eliminate common sub-expressions of side-effect-free operations",
    load: async () => (await import("./cse.js")).cse,
  },
  {
    name: "verify-linearity",
    perFunction: true,
    description: "Check that every value of linear tensor type is used exactly once",
    load: async () => (await import("./verify-linearity.js")).verifyLinearity,
  },
  {
    name: "convert-tensorlang-to-linalg",
    description: "Lower tensorlang ops to tensor/linalg/arith/math/scf on builtin tensors (tensorlang.print is kept)",
    load: async () => (await import("./convert-tensorlang-to-linalg.js")).convertTensorlangToLinalg,
  },
  {
    name: "bufferize",
    description: "Convert tensors to memrefs (function boundaries included), inserting allocations, copies and deallocations",
    load: async () => (await import("./bufferize.js")).bufferize,
  },
  {
    name: "linalg-generalize-named-ops",
    perFunction: true,
    description: "Convert named ops into generic ops",
    load: async () => (await import("./linalg-generalize.js")).linalgGeneralizeNamedOps,
  },
  {
    name: "linalg-fuse-elementwise-ops",
    perFunction: true,
    description: "Fuse elementwise ops",
    load: async () => (await import("./linalg-fuse-elementwise.js")).linalgFuseElementwiseOps,
  },
  {
    name: "tensorlang-fuse-elementwise",
    perFunction: true,
    description: "Fuse structured linalg ops whose loops are all parallel into their one consumer where each element is computed once",
    load: async () => (await import("./linalg-fuse-elementwise.js")).fuseElementwise,
  },
  {
    name: "convert-linalg-to-loops",
    perFunction: true,
    description: "Lower linalg ops on memrefs to scf.for loop nests",
    load: async () => (await import("./convert-linalg-to-loops.js")).convertLinalgToLoops,
  },
  {
    name: "convert-linalg-to-affine-loops",
    perFunction: true,
    description: "Lower linalg ops on memrefs to affine.for loop nests",
    load: async () => (await import("./convert-linalg-to-loops.js")).convertLinalgToAffineLoops,
  },
  {
    name: "lower-affine",
    perFunction: true,
    description: "Lower affine ops to scf, arith and memref ops",
    load: async () => (await import("./lower-affine.js")).lowerAffine,
  },
  {
    name: "raise-scf-to-affine",
    perFunction: true,
    description: "Turn scf.for loops with affine bounds and a positive constant step into affine.for",
    load: async () => (await import("./raise-scf-to-affine.js")).raiseScfToAffine,
  },
  {
    name: "convert-scf-to-cf",
    perFunction: true,
    description: "Lower scf.for, scf.if, scf.while, scf.parallel, scf.forall, scf.index_switch and scf.execute_region to blocks and cf branches",
    load: async () => (await import("./convert-scf-to-cf.js")).convertScfToCf,
  },
  {
    name: "scf-forall-to-parallel",
    perFunction: true,
    description: "Convert SCF forall loops to SCF parallel loops",
    load: async () => (await import("./scf-forall-to-parallel.js")).scfForallToParallel,
  },
  {
    name: "raise-cf-to-scf",
    perFunction: true,
    description: "Raise the blocks and branches --convert-scf-to-cf makes back to scf.for, if, while and index_switch",
    load: async () => (await import("./raise-cf-to-scf.js")).raiseCfToScf,
  },
  {
    name: "lower-vector-ops",
    perFunction: true,
    description: "Lower vector contract, outerproduct, multi_reduction, strided slices, wide transpose/shuffle and n-D memory accesses and masks to extract/insert, 1-D rows, fma, reduction and arith",
    load: async () => (await import("./lower-vector-ops.js")).lowerVectorOps,
  },
  {
    name: "split-vectors",
    perFunction: true,
    description: "Split vectors the wasm backend does not hold in one v128 into 128-bit pieces or elements",
    load: async () => (await import("./split-vectors.js")).splitVectors,
  },
  {
    name: "loop-invariant-code-motion",
    description: "Hoist loop invariant instructions outside of the loop",
    perFunction: true,
    load: async () => (await import("./licm.js")).loopInvariantCodeMotion,
  },
  {
    name: "symbol-dce",
    description: "Eliminate dead symbols",
    load: async () => (await import("./symbol-dce.js")).symbolDce,
  },
  {
    name: "inline",
    description: "Inline function calls",
    options: {
      "max-iterations": { type: "uint", description: "rounds of inlining (and canonicalizing) per group of mutually recursive functions (default 4)" },
      "default-pipeline": { type: "string", description: "what runs on a function between rounds: canonicalize (the default) or nothing" },
    },
    load: async () => (await import("./inline.js")).inline,
  },
];

export function lookupPassEntry(name: string): PassEntry | undefined { return PASS_CATALOG.find((p) => p.name === name); }

/** What to say after "unknown pass 'x'": the pass meant, or where the list is. */
export const unknownPassHint = (name: string) => didYouMean(name, PASS_CATALOG.map((p) => p.name)) || " (see --list-passes)";

/** A `--pass-pipeline` that does not parse: the column (from 1) where it goes wrong. */
export class PipelineError extends Error {
  constructor(readonly column: number, message: string) { super(message); }
}

/**
 * The passes of an MLIR textual pipeline, in order: `builtin.module(cse, func.func(canonicalize))`
 * (mlir-opt's `--pass-pipeline`). A pass nested in `func.func(...)` or `any(...)` must rewrite
 * functions one by one; our passes take the whole module, which for those is the same. A pass
 * may take options, `inline{max-iterations=2 default-pipeline=}`, those its entry declares.
 */
export function parsePassPipeline(text: string): PassUse[] {
  let pos = 0;
  const ws = () => { while (/\s/.test(text[pos] ?? "")) pos++; };
  const fail = (msg: string, at = pos): never => { throw new PipelineError(at + 1, msg); };
  const name = (): string => {
    ws();
    const m = /^[A-Za-z_][\w.$-]*/.exec(text.slice(pos));
    if (!m) fail(text[pos] === undefined ? "expected a pass or an op name" : `expected a pass or an op name, found '${text[pos]}'`);
    pos += m![0].length;
    return m![0];
  };
  const expect = (c: string) => { ws(); if (text[pos] !== c) fail(`expected '${c}'`); pos++; };
  const list = (anchor: string, out: PassUse[]): void => {
    expect("(");
    ws();
    if (text[pos] === ")") { pos++; return; }
    for (;;) {
      const at = (ws(), pos), id = name();
      ws();
      if (text[pos] === "(") {
        if (anchor !== "builtin.module" || (id !== "func.func" && id !== "any")) fail(`passes cannot be nested in '${id}' here (only builtin.module(func.func(...)) and any(...))`, at);
        list(id, out);
      } else {
        const p = lookupPassEntry(id);
        if (!p) fail(`'${id}' does not refer to a registered pass${unknownPassHint(id)}`, at);
        let options = new Map<string, string>();
        if (text[pos] === "{") {
          const end = closing(text, pos);
          if (end < 0) fail("expected '}' after the pass options");
          options = parsePassOptions(p!, text.slice(pos + 1, end), pos + 1);
          pos = end + 1;
        }
        if (anchor !== "builtin.module" && !p!.perFunction) fail(`pass '${id}' runs on the whole module: it cannot be nested in '${anchor}'`, at);
        out.push({ entry: p!, options });
      }
      ws();
      if (text[pos] === ",") { pos++; continue; }
      expect(")");
      return;
    }
  };
  const at = (ws(), pos), top = name();
  if (top !== "builtin.module" && top !== "any") fail(`a pipeline runs on 'builtin.module' (or 'any'), not '${top}'`, at);
  const out: PassUse[] = [];
  list("builtin.module", out);
  ws();
  if (pos < text.length) fail(`unexpected '${text[pos]}' after the pipeline`);
  return out;
}

/** The index of the `}` closing the `{` at `open` (braces nest; quotes hold any), or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") { const q = text.indexOf(c, i + 1); if (q < 0) return -1; i = q; }
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return -1;
}

/**
 * MLIR's pass option text, `key=value key2=value2` (a value may be quoted, or a braced list), for
 * `entry`: each key one it declares, each value of its type. `at`: where `text` starts, for the
 * columns of errors (a PipelineError).
 */
export function parsePassOptions(entry: PassEntry, text: string, at = 0): Map<string, string> {
  const out = new Map<string, string>(), decl = entry.options ?? {};
  let pos = 0;
  const fail = (msg: string, p = pos): never => { throw new PipelineError(at + p + 1, msg); };
  for (;;) {
    while (/\s/.test(text[pos] ?? "")) pos++;
    if (pos >= text.length) return out;
    const start = pos, key = /^[\w-]+/.exec(text.slice(pos))?.[0];
    if (!key) fail(`expected an option name, found '${text[pos]}'`);
    pos += key!.length;
    const spec = decl[key!];
    if (!spec) fail(`pass '${entry.name}' has no option '${key}'${Object.keys(decl).length ? ` (it takes ${Object.keys(decl).join(", ")})` : " (it takes none)"}`, start);
    let value = "";
    if (text[pos] === "=") {
      pos++;
      const c = text[pos];
      if (c === '"' || c === "'" || c === "{") {
        const end = c === "{" ? closing(text, pos) : text.indexOf(c, pos + 1);
        if (end < 0) fail(`unterminated ${c === "{" ? "'{'" : "quote"} in the value of '${key}'`);
        value = text.slice(pos + 1, end);
        pos = end + 1;
      } else { const v = /^[^\s]*/.exec(text.slice(pos))![0]; value = v; pos += v.length; }
    }
    if (spec.type === "uint" && !/^\d+$/.test(value)) fail(`option '${key}' of pass '${entry.name}' expects an unsigned integer, not '${value}'`, start);
    out.set(key!, value);
  }
}
