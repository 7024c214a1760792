// Differential test of scalar semantics against real MLIR: seeded random arith programs
// (gen-arith.ts: every integer width, f32/f64, casts, compares, selects, exact math ops) are run
// by the interpreter and by mlir-opt-19 + mlir-cpu-runner-19; the printed bit patterns must be
// identical.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mlirOutput, run } from "./helpers.js";
import { haveMlir, mlirSkip } from "../support/mlir.js";
import { Gen, INTS, callable, isFloat, moduleOf, rng, type Ty } from "./gen-arith.js";

function program(seed: number, functions: number): string {
  const r = rng(seed);
  const fns: string[] = [], calls: string[] = [];
  for (let f = 0; f < functions; f++) {
    const g = new Gen(r);
    const pool = new Map<Ty, string[]>();
    const add = (t: Ty, v: string) => pool.set(t, [...(pool.get(t) ?? []), v]);
    for (const t of [...INTS, "f32", "f64"] as Ty[]) for (let k = 0; k < 2; k++) add(t, isFloat(t) ? g.floatConst(t) : g.intConst(t));
    for (let k = 0; k < 16; k++) {
      const t = g.pick([...INTS, "f32", "f64"] as Ty[]);
      const vs = pool.get(t)!;
      if (g.r() < 0.15) {
        const from = g.pick([...INTS, "f32", "f64"] as Ty[]);
        add(t, g.cast(g.pick(pool.get(from)!), from, t));
        continue;
      }
      const a = g.pick(vs), b = g.pick(vs);
      add(t, isFloat(t) ? g.floatOp(t, a, b) : g.intOp(t, a, b));
    }
    for (const [t, vs] of pool) g.print(vs[vs.length - 1], t);
    const [fn, call] = callable(g, f);
    fns.push(fn);
    calls.push(...call);
  }
  return moduleOf(["printI64(i64)", "printNewline()"], fns, calls);
}

test("random programs are deterministic per seed and run under the interpreter", () => {
  const src = program(1, 5);
  assert.equal(program(1, 5), src);
  assert.equal(run(src).output.split("\n").length, 5 * 6 + 1);
});

for (const seed of [1, 2, 3, 4, 5, 6]) {
  test(`random arith programs (seed ${seed}): interpreter and MLIR print identical bits`, { skip: mlirSkip() }, () => {
    const src = program(seed, 25);
    const mine = run(src).output;
    const want = mlirOutput(src);
    if (!haveMlir() || want === undefined) return;
    const a = mine.split("\n"), b = want.split("\n");
    const i = a.findIndex((l, k) => l !== b[k]);
    assert.equal(i, -1, `first difference at line ${i} (function f${Math.floor(i / 6)}): interp ${a[i]} vs mlir ${b[i]}`);
  });
}
