// Random linalg.generic ops on memrefs (permuted and projected maps, reductions, dynamic sizes)
// lowered by us and by mlir-opt-19: the same IR after --lower-affine --canonicalize --cse.
import { test } from "node:test";
import { convertLinalgToAffineLoops, convertLinalgToLoops } from "../../src/passes/convert-linalg-to-loops.js";
import { assertMlirAccepts, assertSameAfter, lower, mlirSkip } from "./lowering-support.js";

function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return (a >>> 8) % n;
  };
}
function shuffle<T>(r: (n: number) => number, xs: T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) { const j = r(i + 1); [out[i], out[j]] = [out[j], out[i]]; }
  return out;
}

/** One function holding a random linalg.generic. */
function randomGeneric(seed: number): string {
  const r = rng(seed);
  const n = 1 + r(3);
  const dims = Array.from({ length: n }, (_, i) => i);
  const iters = dims.map(() => (r(3) === 0 ? "reduction" : "parallel"));
  const sizes = dims.map(() => 2 + r(4));
  const dynamic = dims.map(() => r(4) === 0);
  const out = dims.filter((d) => iters[d] === "parallel");
  // The first input covers every loop (so extents exist); the second is a random projection.
  const ins = [shuffle(r, dims), shuffle(r, dims).slice(0, r(n + 1))];
  const mapStr = (ds: number[]) => `affine_map<(${dims.map((d) => `d${d}`).join(", ")}) -> (${ds.map((d) => `d${d}`).join(", ")})>`;
  const typeOf = (ds: number[]) => `memref<${ds.map((d) => `${dynamic[d] ? "?" : sizes[d]}x`).join("")}f32>`;
  const operands = [...ins, out];
  const args = operands.map((ds, i) => `%m${i}: ${typeOf(ds)}`).join(", ");
  const reduces = iters.includes("reduction");
  const body = reduces
    ? "%p = arith.mulf %a, %b : f32\n    %s = arith.addf %o, %p : f32\n    linalg.yield %s : f32"
    : "%p = arith.addf %a, %b : f32\n    %s = arith.mulf %p, %a : f32\n    linalg.yield %s : f32";
  return `func.func @g(${args}) {
  linalg.generic {indexing_maps = [${operands.map(mapStr).join(", ")}], iterator_types = [${iters.map((i) => `"${i}"`).join(", ")}]}
      ins(%m0, %m1 : ${typeOf(ins[0])}, ${typeOf(ins[1])}) outs(%m2 : ${typeOf(out)}) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    ${body}
  }
  return
}
`;
}

test("convert-linalg-to-(affine-)loops: random linalg.generic ops lower as MLIR lowers them", { skip: mlirSkip() }, () => {
  for (let seed = 1; seed <= 10; seed++) {
    const src = randomGeneric(seed);
    for (const [pass, flag] of [[convertLinalgToLoops, "--convert-linalg-to-loops"], [convertLinalgToAffineLoops, "--convert-linalg-to-affine-loops"]] as const) {
      const { text } = lower(src, [pass]);
      assertMlirAccepts(text);
      assertSameAfter(["--lower-affine", "--canonicalize", "--cse"], text, [flag], src);
    }
  }
});
