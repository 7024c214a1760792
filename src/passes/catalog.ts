// The passes `tensorlang-opt` offers, by flag name, each loaded only when a run asks for it:
// a plain parse-verify-print never compiles pass code (about a tenth of the CLI's startup).
// Same names, descriptions and order as registry.ts, which a test checks.
import type { Pass } from "./pass.js";

export interface PassEntry {
  name: string;
  description: string;
  load(): Promise<Pass>;
}

export const PASS_CATALOG: readonly PassEntry[] = [
  {
    name: "canonicalize",
    description: "Fold constant expressions and remove dead side-effect-free operations",
    load: async () => (await import("./canonicalize.js")).canonicalize,
  },
  {
    name: "cse",
    description: "Eliminate common sub-expressions of side-effect-free operations",
    load: async () => (await import("./cse.js")).cse,
  },
  {
    name: "verify-linearity",
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
    name: "convert-linalg-to-loops",
    description: "Lower linalg ops on memrefs to scf.for loop nests",
    load: async () => (await import("./convert-linalg-to-loops.js")).convertLinalgToLoops,
  },
  {
    name: "convert-linalg-to-affine-loops",
    description: "Lower linalg ops on memrefs to affine.for loop nests",
    load: async () => (await import("./convert-linalg-to-loops.js")).convertLinalgToAffineLoops,
  },
  {
    name: "lower-affine",
    description: "Lower affine ops to scf, arith and memref ops",
    load: async () => (await import("./lower-affine.js")).lowerAffine,
  },
  {
    name: "raise-scf-to-affine",
    description: "Turn scf.for loops with affine bounds and a positive constant step into affine.for",
    load: async () => (await import("./raise-scf-to-affine.js")).raiseScfToAffine,
  },
  {
    name: "split-vectors",
    description: "Split 1-D vectors wider than 128 bits into 128-bit pieces (the wasm backend's vectors)",
    load: async () => (await import("./split-vectors.js")).splitVectors,
  },
];

export function lookupPassEntry(name: string): PassEntry | undefined { return PASS_CATALOG.find((p) => p.name === name); }
