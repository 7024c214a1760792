// DESIGN.md's folder table: src/interp may import only src/ir and src/dialects. The runtime
// (heap users, the host library) builds on the interpreter, never the other way round.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/mlir.js";

test("src/interp imports nothing outside src/interp, src/ir and src/dialects", () => {
  const dir = join(repoRoot(), "src/interp");
  const outside: string[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".ts"))) {
    for (const m of readFileSync(join(dir, f), "utf8").matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"(\.[^"]+)"/gms)) {
      if (!/^\.\/|^\.\.\/(ir|dialects)\//.test(m[1])) outside.push(`${f}: ${m[1]}`);
    }
  }
  assert.deepEqual(outside, []);
});
