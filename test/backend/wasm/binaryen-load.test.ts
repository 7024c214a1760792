// src/backend/wasm/binaryen.ts: after `npm run build` binaryen loads from the vendored script with
// its V8 code cache and its wasm file, builds the same modules as the package does, and a vendored
// copy made from another binaryen, or a damaged one, is ignored.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type B from "binaryen";
import binaryen, { loadedFrom } from "../../../src/backend/wasm/binaryen.js";
import { repoRoot } from "../../support/mlir.js";

const root = repoRoot();

/** A small SIMD function, optimized: enough of binaryen to tell two copies apart. */
function build(b: typeof B): Uint8Array {
  const m = new b.Module();
  m.setFeatures(b.Features.SIMD128);
  const x = m.local.get(0, b.v128);
  m.addFunction("f", b.createType([b.v128]), b.v128, [], m.f32x4.add(m.f32x4.mul(x, x), m.v128.const([1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0])));
  m.addFunctionExport("f", "f");
  m.optimize();
  const bytes = m.emitBinary();
  m.dispose();
  return bytes;
}

test("after npm run build, binaryen loads from dist/vendor/ with the code cache taken", () => {
  assert.deepEqual(loadedFrom, { vendored: true, cacheRejected: false }, "run `npm run build` to make dist/vendor/");
});

test("the vendored binaryen emits exactly what the package does", async () => {
  const pkg = (await import("binaryen")).default;
  assert.notEqual(pkg, binaryen);
  assert.deepEqual(build(binaryen), build(pkg));
});

test("a vendored copy made from another binaryen, or damaged, is ignored", () => {
  // The loader beside a dist/vendor/ of its own, reached through the real node_modules.
  const dir = mkdtempSync(join(tmpdir(), "tl-binaryen-"));
  mkdirSync(join(dir, "dist/src/backend/wasm"), { recursive: true });
  mkdirSync(join(dir, "dist/vendor"));
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  copyFileSync(join(root, "dist/src/backend/wasm/binaryen.js"), join(dir, "dist/src/backend/wasm/binaryen.js"));
  const loaded = () => {
    const r = spawnSync(process.execPath, ["--input-type=module", "-e",
      `const m = await import(${JSON.stringify(join(dir, "dist/src/backend/wasm/binaryen.js"))}); console.log(JSON.stringify(m.loadedFrom), typeof m.default.Module);`],
    { encoding: "utf8", timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  };
  assert.equal(loaded(), '{"vendored":false} function'); // nothing vendored
  symlinkSync(join(root, "dist/vendor/binaryen.cjs"), join(dir, "dist/vendor/binaryen.cjs"));
  symlinkSync(join(root, "dist/vendor/binaryen.cache"), join(dir, "dist/vendor/binaryen.cache"));
  assert.equal(loaded(), '{"vendored":false} function'); // no wasm beside the script
  writeFileSync(join(dir, "dist/vendor/binaryen.wasm"), readFileSync(join(root, "dist/vendor/binaryen.wasm")).subarray(0, 1000));
  assert.equal(loaded(), '{"vendored":false} function'); // not the wasm the script was made with
  rmSync(join(dir, "dist/vendor/binaryen.wasm"));
  symlinkSync(join(root, "dist/vendor/binaryen.wasm"), join(dir, "dist/vendor/binaryen.wasm"));
  assert.equal(loaded(), '{"vendored":true,"cacheRejected":false} function'); // the copy works as the original does
  rmSync(join(dir, "dist/vendor/binaryen.cjs"));
  writeFileSync(join(dir, "dist/vendor/binaryen.cjs"), `// from ${join(root, "node_modules/binaryen/index.js")}, 1 bytes\n(function () {})\n`);
  assert.equal(loaded(), '{"vendored":false} function');
  // The right first line, but cut short (a build interrupted before the files were renamed in).
  const origin = readFileSync(join(root, "dist/vendor/binaryen.cjs"), "utf8").split("\n")[0];
  writeFileSync(join(dir, "dist/vendor/binaryen.cjs"), `${origin}\n(function (require, url) {\nasync function Ar(`);
  assert.equal(loaded(), '{"vendored":false} function');
});
