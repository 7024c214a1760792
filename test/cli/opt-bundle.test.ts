// bin/tensorlang-opt: runs the one-file bundle that `npm run build` makes, prints exactly what the
// ES-module CLI prints, and falls back to the ES modules when the bundle is stale, damaged or
// switched off.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { repoRoot } from "../support/mlir.js";

const root = repoRoot();
const launcher = join(root, "bin/tensorlang-opt");
const run = (cmd: string, args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}) =>
  spawnSync(cmd, args, { encoding: "utf8", cwd: root, timeout: 60_000, ...opts });
const esm = (args: string[], input?: string) => run(process.execPath, [join(root, "dist/src/cli/opt.js"), ...args], { input });
/** The name of the first `--mlir-timing` phase: `Startup (bundle)` or `Startup`. */
const startup = (stderr: string) => /^\s+[0-9.]+ \(\s*[0-9.]+%\)\s+(Startup.*?)\s*$/m.exec(stderr)?.[1];
const example = join(root, "examples/matmul_tensor.mlir");

test("the bundle is fresh after npm run build", () => {
  const bundle = statSync(join(root, "dist/tensorlang-opt.cjs"), { throwIfNoEntry: false });
  assert.ok(bundle, "dist/tensorlang-opt.cjs is missing: run `npm run build`");
  assert.ok(bundle.mtimeMs > statSync(join(root, "dist/src/cli/opt.js")).mtimeMs, "the bundle is older than dist/src: run `npm run build`");
});

test("bin/tensorlang-opt runs the bundle and prints what the ES-module CLI prints", () => {
  const args = [example, "--convert-tensorlang-to-linalg", "--canonicalize"]; // passes load on demand
  const bundled = run(launcher, [...args, "--mlir-timing"]);
  assert.equal(bundled.status, 0, bundled.stderr);
  assert.equal(startup(bundled.stderr), "Startup (bundle)");
  assert.equal(bundled.stdout, esm(args).stdout);
  assert.match(bundled.stdout, /linalg\.matmul/);

  const text = readFileSync(example, "utf8");
  assert.equal(run(launcher, ["-", "--mlir-print-op-generic"], { input: text }).stdout, esm(["-", "--mlir-print-op-generic"], text).stdout);
  assert.equal(run(launcher, ["--version"]).stdout, esm(["--version"]).stdout);
  assert.match(run(launcher, ["--version"]).stdout, /^tensorlang \d+\.\d+\.\d+/);

  const bad = "func.func @f() {\n  %x = arith.addi %y, %y : i32\n  return\n}\n";
  for (const [args, input, status] of [[["-"], bad, 1], [["--no-such-flag"], undefined, 2], [["missing.mlir"], undefined, 2]] as const) {
    const a = run(launcher, [...args], { input }), b = esm([...args], input);
    assert.equal(a.status, status, a.stderr);
    assert.deepEqual([a.status, a.stdout, a.stderr], [b.status, b.stdout, b.stderr]);
  }
});

test("bin/tensorlang-opt falls back to the ES modules when the bundle is switched off, stale or damaged", () => {
  const off = run(launcher, [example, "--mlir-timing"], { env: { ...process.env, TENSORLANG_NO_BUNDLE: "1" } });
  assert.equal(off.status, 0, off.stderr);
  assert.equal(startup(off.stderr), "Startup");

  // A copy of the launcher beside dist/src (linked) and a bundle of its own.
  const copy = mkdtempSync(join(tmpdir(), "tl-bundle-"));
  mkdirSync(join(copy, "bin"));
  mkdirSync(join(copy, "dist"));
  writeFileSync(join(copy, "package.json"), '{ "type": "module" }\n');
  symlinkSync(join(root, "dist/src"), join(copy, "dist/src"));
  copyFileSync(launcher, join(copy, "bin/tensorlang-opt"));
  chmodSync(join(copy, "bin/tensorlang-opt"), 0o755);
  const bundle = join(copy, "dist/tensorlang-opt.cjs");
  copyFileSync(join(root, "dist/tensorlang-opt.cjs"), bundle);
  const phase = () => {
    const r = run(join(copy, "bin/tensorlang-opt"), [example, "--mlir-timing"]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, esm([example]).stdout);
    return startup(r.stderr);
  };
  assert.equal(phase(), "Startup (bundle)"); // the copy works as the original does
  utimesSync(bundle, new Date(2000, 0, 1), new Date(2000, 0, 1)); // older than the compiled modules
  assert.equal(phase(), "Startup");
  writeFileSync(bundle, readFileSync(join(root, "dist/tensorlang-opt.cjs"), "utf8").slice(0, 5000)); // cut short, newer again
  assert.equal(phase(), "Startup");
});
