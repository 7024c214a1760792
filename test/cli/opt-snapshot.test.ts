// bin/tensorlang-opt: starts from the startup snapshot that `npm run build` makes, prints exactly
// what the ES-module CLI prints, and falls back to the ES modules when the snapshot is stale, was
// built by another Node binary, or is switched off.
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
/** The name of the first `--mlir-timing` phase: `Startup (snapshot)` or `Startup`. */
const startup = (stderr: string) => /^\s+[0-9.]+ \(\s*[0-9.]+%\)\s+(Startup.*?)\s*$/m.exec(stderr)?.[1];
const example = join(root, "examples/matmul_tensor.mlir");

test("the snapshot is fresh after npm run build", () => {
  const blob = statSync(join(root, "dist/snapshot/tensorlang-opt.blob"), { throwIfNoEntry: false });
  assert.ok(blob, "dist/snapshot/tensorlang-opt.blob is missing: run `npm run build`");
  assert.ok(blob.mtimeMs > statSync(join(root, "dist/src/cli/opt.js")).mtimeMs, "the snapshot is older than dist/: run `npm run build`");
});

test("bin/tensorlang-opt runs from the snapshot and prints what the ES-module CLI prints", () => {
  const args = [example, "--convert-tensorlang-to-linalg", "--canonicalize"]; // passes load on demand
  const snap = run(launcher, [...args, "--mlir-timing"]);
  assert.equal(snap.status, 0, snap.stderr);
  assert.equal(startup(snap.stderr), "Startup (snapshot)");
  assert.equal(snap.stdout, esm(args).stdout);
  assert.match(snap.stdout, /linalg\.matmul/);

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

test("bin/tensorlang-opt falls back to the ES modules: snapshot switched off, stale, or from another Node", () => {
  const off = run(launcher, [example, "--mlir-timing"], { env: { ...process.env, TENSORLANG_NO_SNAPSHOT: "1" } });
  assert.equal(off.status, 0, off.stderr);
  assert.equal(startup(off.stderr), "Startup");

  // A copy of the launcher beside dist/src (linked) and a snapshot directory of its own.
  const copy = mkdtempSync(join(tmpdir(), "tl-snapshot-"));
  mkdirSync(join(copy, "bin"));
  mkdirSync(join(copy, "dist/snapshot"), { recursive: true });
  symlinkSync(join(root, "dist/src"), join(copy, "dist/src"));
  copyFileSync(launcher, join(copy, "bin/tensorlang-opt"));
  chmodSync(join(copy, "bin/tensorlang-opt"), 0o755);
  const blob = join(copy, "dist/snapshot/tensorlang-opt.blob"), stamp = join(copy, "dist/snapshot/node");
  copyFileSync(join(root, "dist/snapshot/tensorlang-opt.blob"), blob);
  const phase = () => {
    const r = run(join(copy, "bin/tensorlang-opt"), [example, "--mlir-timing"]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, esm([example]).stdout);
    return startup(r.stderr);
  };
  copyFileSync(join(root, "dist/snapshot/node"), stamp);
  assert.equal(phase(), "Startup (snapshot)"); // the copy works as the original does
  writeFileSync(stamp, "1 1\n"); // built by another Node binary
  assert.equal(phase(), "Startup");
  copyFileSync(join(root, "dist/snapshot/node"), stamp);
  utimesSync(blob, new Date(2000, 0, 1), new Date(2000, 0, 1)); // older than the compiled modules
  assert.equal(phase(), "Startup");
});
