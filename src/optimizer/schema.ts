// The shape of a rewrite proposal: the JSON schema (for ajv, OpenAI response_format and the
// self-rewriting search), a validator with one-line errors, and a GBNF grammar for llama.cpp
// that enumerates small integers and bounds every string, so even a random model's output
// parses and validates.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";

export type LoopRef = string; // ^L[0-9]{1,2}$, loops numbered in pre-order within the target function

export type Mutation =
  | { kind: "tile"; loops: LoopRef[]; sizes: number[] }
  | { kind: "unroll"; loop: LoopRef; factor: number } // factor 0 = full unroll
  | { kind: "interchange"; loops: LoopRef[]; permutation: number[] }
  | { kind: "vectorize"; loop: LoopRef; width: number }
  | { kind: "unroll_and_jam"; loop: LoopRef; factor: number }
  | { kind: "parallelize"; loop: LoopRef }
  | { kind: "hoist"; loop: LoopRef }
  | { kind: "pack"; operand: number; loop: LoopRef }
  | { kind: "mutate_constant"; index: number; value: number }
  | { kind: "swap_operator"; index: number; op: string };

export type MutationKind = Mutation["kind"];

export type Proposal =
  | { target_function: string; mutations: Mutation[] }
  | { target_function: string; rewrite: string };

export const FUNCTION_NAME_PATTERN = "^[A-Za-z_][A-Za-z0-9_$.]{0,63}$";
export const LOOP_REF_PATTERN = "^L[0-9]{1,2}$";
export const TILE_SIZES = [1, 2, 4, 8, 16, 32, 64, 128, 256] as const;
export const UNROLL_FACTORS = [0, 2, 4, 8, 16] as const;
export const VECTOR_WIDTHS = [4, 8, 16] as const;
/** Operators the grammar offers for swap_operator (the schema accepts any arith.* or tensorlang.* name). */
export const ARITH_OPS = [
  "arith.addf", "arith.subf", "arith.mulf", "arith.divf", "arith.maximumf", "arith.minimumf",
  "arith.addi", "arith.subi", "arith.muli", "arith.divsi", "arith.maxsi", "arith.minsi",
] as const;
/** tensorlang's elementwise binary ops, which swap among themselves. */
export const TENSOR_OPS = ["tensorlang.add", "tensorlang.sub", "tensorlang.mul", "tensorlang.div", "tensorlang.max"] as const;
export const MAX_MUTATIONS = 16;
export const MAX_REWRITE_CHARS = 65536;

const loopRef = { type: "string", pattern: LOOP_REF_PATTERN } as const;
const loopList = { type: "array", items: loopRef, minItems: 1, maxItems: 8 } as const;
const smallInt = (min: number, max: number) => ({ type: "integer", minimum: min, maximum: max }) as const;

function kindSchema(kind: MutationKind, props: Record<string, object>): object {
  return {
    type: "object",
    properties: { kind: { const: kind }, ...props },
    required: ["kind", ...Object.keys(props)],
    additionalProperties: false,
  };
}

export const mutationJsonSchema = {
  type: "object",
  required: ["kind"],
  discriminator: { propertyName: "kind" },
  oneOf: [
    kindSchema("tile", { loops: loopList, sizes: { type: "array", items: smallInt(1, 4096), minItems: 1, maxItems: 8 } }),
    kindSchema("unroll", { loop: loopRef, factor: smallInt(0, 1024) }),
    kindSchema("interchange", { loops: loopList, permutation: { type: "array", items: smallInt(0, 7), minItems: 1, maxItems: 8 } }),
    kindSchema("vectorize", { loop: loopRef, width: smallInt(1, 64) }),
    kindSchema("unroll_and_jam", { loop: loopRef, factor: smallInt(1, 64) }),
    kindSchema("parallelize", { loop: loopRef }),
    kindSchema("hoist", { loop: loopRef }),
    kindSchema("pack", { operand: smallInt(0, 63), loop: loopRef }),
    kindSchema("mutate_constant", { index: smallInt(0, 1_000_000), value: { type: "number" } }),
    kindSchema("swap_operator", { index: smallInt(0, 1_000_000), op: { type: "string", pattern: "^(arith|tensorlang)\\.[a-z_0-9]{1,24}$" } }),
  ],
} as const;

const targetFunction = { type: "string", pattern: FUNCTION_NAME_PATTERN } as const;

/** JSON schema of a Proposal (draft-07; usable as an OpenAI response_format schema). */
export const proposalJsonSchema = {
  $id: "tensorlang/proposal",
  oneOf: [
    {
      type: "object",
      properties: {
        target_function: targetFunction,
        mutations: { type: "array", items: mutationJsonSchema, minItems: 1, maxItems: MAX_MUTATIONS },
      },
      required: ["target_function", "mutations"],
      additionalProperties: false,
    },
    {
      type: "object",
      properties: { target_function: targetFunction, rewrite: { type: "string", minLength: 1, maxLength: MAX_REWRITE_CHARS } },
      required: ["target_function", "rewrite"],
      additionalProperties: false,
    },
  ],
} as const;

/** Compiled on first use: about 50 ms that a run without proposals should not pay at start. */
let compiled: ValidateFunction | undefined;
const schemaValidator = () => (compiled ??= new Ajv({ discriminator: true, allErrors: false, strict: false }).compile(proposalJsonSchema));

function formatError(e: ErrorObject): string {
  const where = e.instancePath || "(root)";
  if (e.keyword === "additionalProperties") return `${where}: unknown property '${String(e.params.additionalProperty)}'`;
  if (e.keyword === "discriminator") return `${where}: 'kind' must be one of tile, unroll, interchange, vectorize, unroll_and_jam, parallelize, hoist, pack, mutate_constant, swap_operator`;
  return `${where}: ${e.message ?? e.keyword}`;
}

/** What JSON schema cannot say: paired array lengths and permutations. */
function semanticErrors(p: Proposal): string | undefined {
  if (!("mutations" in p)) return undefined;
  for (const [i, m] of p.mutations.entries()) {
    const at = `/mutations/${i}`;
    if (m.kind === "tile" && m.loops.length !== m.sizes.length)
      return `${at}: tile has ${m.loops.length} loops but ${m.sizes.length} sizes`;
    if (m.kind === "interchange") {
      const n = m.loops.length;
      if (m.permutation.length !== n) return `${at}: interchange has ${n} loops but a permutation of length ${m.permutation.length}`;
      const seen = new Set(m.permutation);
      if (seen.size !== n || m.permutation.some((v) => v >= n)) return `${at}: permutation must be a permutation of 0..${n - 1}`;
    }
  }
  return undefined;
}

export type ValidationResult = { ok: true; value: Proposal } | { ok: false; errors: string };

/** Validates a parsed value (or JSON text) as a Proposal. Errors are one line. */
export function validateProposal(x: unknown): ValidationResult {
  let v = x;
  if (typeof x === "string") {
    try {
      v = JSON.parse(x);
    } catch (e) {
      return { ok: false, errors: `not valid JSON (${(e as Error).message.split("\n")[0]})` };
    }
  }
  const validateSchema = schemaValidator();
  if (!validateSchema(v)) {
    const errs = validateSchema.errors ?? [];
    // oneOf reports every branch; the most specific error is the deepest path
    const best = [...errs].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
    return { ok: false, errors: best ? formatError(best) : "does not match the proposal schema" };
  }
  const p = v as Proposal;
  const sem = semanticErrors(p);
  return sem ? { ok: false, errors: sem } : { ok: true, value: p };
}

// ---------------------------------------------------------------- GBNF

export interface GrammarOptions {
  /** Mutations per proposal the grammar allows (default 3). */
  maxMutations?: number;
  /** Loops in the target function: refs are enumerated L0..L{loops-1} (default: any L0..L99). */
  loops?: number;
}

const lit = (s: string): string => JSON.stringify(s); // a GBNF string literal (same escaping as JSON)
const alts = (xs: readonly (string | number)[]): string => xs.map((x) => lit(String(x))).join(" | ");

function permutations(n: number): number[][] {
  if (n === 1) return [[0]];
  const out: number[][] = [];
  for (const p of permutations(n - 1))
    for (let i = 0; i <= p.length; i++) out.push([...p.slice(0, i), n - 1, ...p.slice(i)]);
  return out;
}

/**
 * GBNF for mutation proposals, in fixed JSON formatting (`{"kind": "tile", ...}`), with every
 * choice bounded, so the output always parses and passes validateProposal.
 */
export function proposalGrammar(functionNames?: string[], options: GrammarOptions = {}): string {
  const maxM = Math.max(1, options.maxMutations ?? 3);
  const names = (functionNames ?? []).filter((n) => new RegExp(FUNCTION_NAME_PATTERN).test(n));
  const fname = names.length > 0 ? names.map((n) => lit(`"${n}"`)).join(" | ")
    : `"\\"" [A-Za-z_] [A-Za-z0-9_$.]{0,31} "\\""`;
  const loops = options.loops;
  const loopref = loops !== undefined && loops > 0 && loops <= 100
    ? Array.from({ length: loops }, (_, i) => lit(`"L${i}"`)).join(" | ")
    : `"\\"L" [0-9] [0-9]? "\\""`;
  // Alternatives share no literal prefix (each starts at its distinguishing text): llama.cpp
  // tracks one parse stack per open alternative, and sampling cost grows with them.
  const perms = [2, 3].flatMap((n) => permutations(n).filter((p) => p.some((v, i) => v !== i)));
  const refs = (n: number): string => Array.from({ length: n }, () => "loopref").join(' ", " ');
  const rules: [string, string][] = [
    ["root", `${lit('{"target_function": ')} fname ${lit(', "mutations": [')} mutation (", " mutation){0,${maxM - 1}} "]}"`],
    ["fname", fname],
    ["loopref", loopref],
    ["tsize", alts(TILE_SIZES)],
    ["ufactor", alts(UNROLL_FACTORS)],
    ["jfactor", alts([2, 4, 8])],
    ["vwidth", alts(VECTOR_WIDTHS)],
    ["arithop", [...ARITH_OPS, ...TENSOR_OPS].map((o) => lit(`"${o}"`)).join(" | ")],
    ["index", `[0-9] | [1-9] [0-9]{1,2}`],
    ["number", `"-"? ([0-9] | [1-9] [0-9]{1,5}) ("." [0-9]{1,6})?`],
    ["oneloop", `${lit('"loop": ')} loopref "}"`],
    ["mutation", `${lit('{"kind": "')} (${[
      `${lit('tile", "loops": [')} tile`,
      `${lit('unroll')} (${lit('", ')} oneloopf | ${lit('_and_jam", ')} oneloopj)`,
      `${lit('interchange", "loops": [')} interchange`,
      `${lit('vectorize", "loop": ')} loopref ${lit(', "width": ')} vwidth "}"`,
      `${lit('parallelize", ')} oneloop`,
      `${lit('hoist", ')} oneloop`,
      `${lit('pack", "operand": ')} [0-7] ", " oneloop`,
      `${lit('mutate_constant", "index": ')} index ${lit(', "value": ')} number "}"`,
      `${lit('swap_operator", "index": ')} index ${lit(', "op": ')} arithop "}"`,
    ].join(" | ")})`],
    ["oneloopf", `${lit('"loop": ')} loopref ${lit(', "factor": ')} ufactor "}"`],
    ["oneloopj", `${lit('"loop": ')} loopref ${lit(', "factor": ')} jfactor "}"`],
    // tile: loops and sizes of equal length (1-3)
    ["tile", [1, 2, 3].map((n) => `${refs(n)} ${lit('], "sizes": [')} ${Array.from({ length: n }, () => "tsize").join(' ", " ')} "]}"`).join(" | ")],
    // interchange: 2 or 3 loops and a non-identity permutation of matching length
    ["interchange", [2, 3].map((n) => `${refs(n)} ${lit('], "permutation": [')} (${perms.filter((p) => p.length === n).map((p) => lit(p.join(", "))).join(" | ")}) "]}"`).join(" | ")],
  ];
  return rules.map(([n, body]) => `${n} ::= ${body}`).join("\n") + "\n";
}
