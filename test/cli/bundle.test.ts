// bin/tensorlang-opt and bin/tensorlang-run: run the bundles that `npm run build` makes (opt's with a code cache),
// print exactly what the ES-module CLIs print (workers, found beside the modules, included), and
// fall back to the ES modules when a bundle is stale, damaged or switched off (bin/launch.js).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { testModel, TINY } from "../llm/helpers.js";
import { repoRoot } from "../support/mlir.js";

const root = repoRoot();
const cacheHome = mkdtempSync(join(tmpdir(), "tl-bundle-cache-")); // compiled programs: not the user's cache
const run = (cmd: string, args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}) =>
  spawnSync(cmd, args, { encoding: "utf8", cwd: root, timeout: 120_000, ...opts, env: { ...(opts.env ?? process.env), XDG_CACHE_HOME: cacheHome } });
/** The tool through its launcher, and from its ES modules. */
const tool = (name: "opt" | "run") => ({
  bin: (args: string[], input?: string) => run(join(root, `bin/tensorlang-${name}`), args, { input }),
  esm: (args: string[], input?: string) => run(process.execPath, [join(root, `dist/src/cli/${name}.js`), ...args], { input }),
});
const opt = tool("opt"), tlrun = tool("run");
const mask = (s: string) => s.replace(/0x[0-9a-f]+/g, "0x?").replace(/\d+(\.\d+)?( ?ms| s\b|x\b)/g, "N$2").replace(/time: .*/g, "time: ?");
/** The same status, stdout and stderr, time figures and addresses aside. */
function same(a: ReturnType<typeof run>, b: ReturnType<typeof run>, status: number): void {
  assert.equal(a.status, status, a.stderr);
  assert.deepEqual([a.status, mask(a.stdout), mask(a.stderr)], [b.status, mask(b.stdout), mask(b.stderr)]);
}
/** The name of the first `--mlir-timing` phase: `Startup (bundle)` or `Startup`. */
const startup = (stderr: string) => /^\s+[0-9.]+ \(\s*[0-9.]+%\)\s+(Startup.*?)\s*$/m.exec(stderr)?.[1];
const example = (name: string) => join(root, "examples", name);

test("the bundles are fresh after npm run build", () => {
  for (const [bundle, cli] of [["tensorlang-opt.cjs", "opt"], ["tensorlang-opt.cache", "opt"], ["tensorlang-run.cjs", "run"], ["tensorlang-run.cache", "run"], ["tensorlang-lsp.mjs", "lsp"]]) {
    const b = statSync(join(root, `dist/bundle/${bundle}`), { throwIfNoEntry: false });
    assert.ok(b, `dist/bundle/${bundle} is missing: run \`npm run build\``);
    assert.ok(b.mtimeMs > statSync(join(root, `dist/src/cli/${cli}.js`)).mtimeMs, `dist/bundle/${bundle} is older than dist/src: run \`npm run build\``);
  }
});

test("the launcher loads tensorlang-opt's and tensorlang-run's script bundles with the code cache the build made", async () => {
  const { load } = await import(join(root, "bin/launch.js"));
  for (const [tool, file] of [["tensorlang-opt", "opt.js"], ["tensorlang-run", "run.js"]]) {
    const { from, module } = await load(tool, file);
    assert.equal(from, "bundle + code cache", tool);
    assert.equal(typeof module.start, "function");
  }
});

test("bin/tensorlang-opt runs its bundle with V8's code cache and prints what the ES-module CLI prints", () => {
  const args = [example("matmul_tensor.mlir"), "--convert-tensorlang-to-linalg", "--canonicalize"]; // passes load on demand
  const bundled = opt.bin([...args, "--mlir-timing"]);
  assert.equal(startup(bundled.stderr), "Startup (bundle + code cache)"); // V8 took the cache the build made
  assert.match(bundled.stdout, /linalg\.matmul/);
  same(opt.bin(args), opt.esm(args), 0);
  const text = readFileSync(example("matmul_tensor.mlir"), "utf8");
  same(opt.bin(["-", "--mlir-print-op-generic"], text), opt.esm(["-", "--mlir-print-op-generic"], text), 0);
  same(opt.bin(["--version"]), opt.esm(["--version"]), 0);
  assert.match(opt.bin(["--version"]).stdout, /^tensorlang \d+\.\d+\.\d+/);
  const bad = "func.func @f() {\n  %x = arith.addi %y, %y : i32\n  return\n}\n";
  same(opt.bin(["-"], bad), opt.esm(["-"], bad), 1);
  same(opt.bin(["--no-such-flag"]), opt.esm(["--no-such-flag"]), 2);
  same(opt.bin(["missing.mlir"]), opt.esm(["missing.mlir"]), 2);
});

test("bin/tensorlang-run runs its bundle and prints what the ES-module CLI prints, workers included", () => {
  same(tlrun.bin([example("hello.mlir")]), tlrun.esm([example("hello.mlir")]), 0);
  same(tlrun.bin([example("conv2d.mlir"), "--engine", "interp"]), tlrun.esm([example("conv2d.mlir"), "--engine", "interp"]), 0);
  // Sandbox workers (the search), scf.parallel helpers and the live program's worker.
  const search = [example("matmul_loops_small.mlir"), "--optimize", "matmul", "--budget-iters", "2", "--no-cache"];
  const searched = tlrun.bin(search);
  assert.equal(searched.status, 0, searched.stderr);
  assert.match(searched.stderr, /optimize @matmul: baseline .* verdicts: accepted/);
  assert.equal(mask(searched.stdout), mask(tlrun.esm(search).stdout)); // the program's output (its checksum)
  same(tlrun.bin([example("matmul_loops_small.mlir"), "--wasm-threads", "2"]), tlrun.esm([example("matmul_loops_small.mlir"), "--wasm-threads", "2"]), 0);
  const live = [example("matmul_live.mlir"), "--optimize", "matmul", "--optimize-mode", "live", "--budget-iters", "2", "--no-cache"];
  const lived = tlrun.bin(live);
  assert.equal(lived.status, 0, lived.stderr);
  assert.equal(mask(lived.stdout), mask(tlrun.esm(live).stdout));
  // Proposals from llama.cpp: node-llama-cpp, which the script bundle leaves out, imported by the launcher.
  const llama = [example("matmul_loops_small.mlir"), "--optimize", "matmul", "--model-path", testModel("tiny", TINY), "--threads", "1", "--budget-iters", "2", "--no-cache"];
  const viaLlama = tlrun.bin(llama);
  assert.equal(viaLlama.status, 0, viaLlama.stderr);
  assert.match(viaLlama.stderr, /optimize @matmul: baseline .* 2 iterations/);
  assert.equal(mask(viaLlama.stdout), mask(tlrun.esm(llama).stdout));
  same(tlrun.bin([example("lander.mlir")]), tlrun.esm([example("lander.mlir")]), 3); // a failed assertion
  same(tlrun.bin(["--version"]), tlrun.esm(["--version"]), 0);
  same(tlrun.bin(["missing.mlir"]), tlrun.esm(["missing.mlir"]), 2);
});

test("an interpreter run of tensorlang-run, bundled or not, loads no binaryen: only compiling needs it", () => {
  // Counts what the process gives WebAssembly to compile: binaryen is a wasm module, the
  // interpreter runs none; a program compiled to wasm shows the count works.
  const probe = join(mkdtempSync(join(tmpdir(), "tl-wasm-probe-")), "probe.cjs");
  writeFileSync(probe, `let n = 0;
for (const k of ["compile", "instantiate", "compileStreaming", "instantiateStreaming"]) {
  const f = WebAssembly[k];
  WebAssembly[k] = function (...a) { n++; return f.apply(this, a); };
}
WebAssembly.Module = new Proxy(WebAssembly.Module, { construct(t, a, nt) { n++; return Reflect.construct(t, a, nt); } });
process.on("exit", () => process.stderr.write(\`wasm modules: \${n}\n\`));
`);
  const counted = (entry: string, args: string[]) => {
    const r = run(process.execPath, ["--require", probe, join(root, entry), example("hello.mlir"), ...args]);
    assert.equal(r.status, 0, r.stderr);
    return Number(/^wasm modules: (\d+)$/m.exec(r.stderr)?.[1]);
  };
  for (const entry of ["bin/tensorlang-run", "dist/src/cli/run.js"]) {
    assert.equal(counted(entry, ["--engine", "interp"]), 0, entry);
    assert.ok(counted(entry, ["--engine", "wasm", "--no-cache"]) > 0, entry);
  }
});

test("the launchers fall back to the ES modules when the bundle is switched off, stale or damaged", () => {
  const off = run(join(root, "bin/tensorlang-opt"), [example("matmul_tensor.mlir"), "--mlir-timing"], { env: { ...process.env, TENSORLANG_NO_BUNDLE: "1" } });
  assert.equal(off.status, 0, off.stderr);
  assert.equal(startup(off.stderr), "Startup");

  // A copy of the launcher beside dist/src (linked) and a bundle of its own.
  const copy = mkdtempSync(join(tmpdir(), "tl-bundle-"));
  mkdirSync(join(copy, "bin"));
  mkdirSync(join(copy, "dist"));
  cpSync(join(root, "dist/bundle"), join(copy, "dist/bundle"), { recursive: true });
  writeFileSync(join(copy, "package.json"), '{ "type": "module" }\n');
  symlinkSync(join(root, "dist/src"), join(copy, "dist/src"));
  for (const f of ["launch.js", "tensorlang-opt"]) copyFileSync(join(root, "bin", f), join(copy, "bin", f));
  chmodSync(join(copy, "bin/tensorlang-opt"), 0o755);
  const bundle = join(copy, "dist/bundle/tensorlang-opt.cjs"), cache = join(copy, "dist/bundle/tensorlang-opt.cache");
  const phase = () => {
    const r = run(join(copy, "bin/tensorlang-opt"), [example("matmul_tensor.mlir"), "--mlir-timing"]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, opt.esm([example("matmul_tensor.mlir")]).stdout);
    return startup(r.stderr);
  };
  assert.equal(phase(), "Startup (bundle + code cache)"); // the copy works as the original does
  writeFileSync(cache, readFileSync(cache).subarray(0, 1000)); // a damaged cache: V8 rejects it, the script compiles
  assert.equal(phase(), "Startup (bundle)");
  rmSync(cache);
  assert.equal(phase(), "Startup (bundle)");
  utimesSync(bundle, new Date(2000, 0, 1), new Date(2000, 0, 1)); // older than the compiled modules
  assert.equal(phase(), "Startup");
  writeFileSync(bundle, readFileSync(join(root, "dist/bundle/tensorlang-opt.cjs"), "utf8").slice(0, 2000)); // cut short, newer again
  assert.equal(phase(), "Startup");
});
