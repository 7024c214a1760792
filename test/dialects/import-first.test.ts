// Every dialect module can be the first module a program imports: no ESM cycle leaves a top-level
// constant in its temporal dead zone (tensor.js first used to fail with "Cannot access
// 'MEMREF_PATTERNS' before initialization": memref.ts and memref-canonicalize.ts imported each
// other, as did tensor.ts and tensor-canonicalize.ts; their shared accessors now live in
// memref-parts.ts and tensor-parts.ts). Each import runs in a fresh Node process.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = new URL("../../src/dialects/", import.meta.url);
const modules = readdirSync(fileURLToPath(dir)).filter((f) => f.endsWith(".js"));

test("the dialect modules are found", () => {
  assert.ok(modules.includes("tensor.js") && modules.includes("memref-canonicalize.js") && modules.length > 20, modules.join(" "));
});

for (const file of modules) {
  test(`src/dialects/${file} imported first loads`, () => {
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(new URL(file, dir).href)});`], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
  });
}
