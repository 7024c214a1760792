// bench/matmul: the naive matmul_loops kernel (examples/matmul_loops.mlir, i-j-k over f32
// memrefs) under the wasm engine, the interpreter, mlir-cpu-runner-19 -O3 on the same program,
// and numpy where installed — all in one run, printed as GFLOPS and ratios.
//
//   node dist/bench/matmul/run.js [--sizes 256,512] [--interp-size 64] [--reps 3]
//
// Every engine times the kernel the same way: the program's own rtclock() around the call.
import { spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { Engine, type EngineKind } from "../../src/runtime/engine.js";
import { arg, cpuClockShim, programFor, runMlirO3, runOurs, type Timed } from "../common.js";

await Engine.loadCompiler();

const sizes = arg("sizes", "256,512").split(",").map(Number);
// "cpu": rtclock() reads the thread's CPU time in every engine (a shim library for
// mlir-cpu-runner, a host clock for ours), so a busy shared machine skews ratios less.
const clockKind = arg("clock", "cpu");
const interpSize = Number(arg("interp-size", "64"));
const reps = Number(arg("reps", "3"));

const shim = clockKind === "cpu" ? cpuClockShim() : undefined;
const useCpu = clockKind === "cpu" && shim !== undefined;

const runEngine = (kind: EngineKind, n: number): Timed => runOurs(programFor(n), kind, useCpu);
const runMlir = (n: number): Timed | string => runMlirO3(programFor(n), useCpu ? [shim!] : []);

function runNumpy(n: number): number | string {
  const py = `import numpy as np, time
a = np.random.rand(${n}, ${n}).astype(np.float32); b = np.random.rand(${n}, ${n}).astype(np.float32)
a @ b
best = 1e9
for _ in range(5):
    t = time.perf_counter(); a @ b; best = min(best, time.perf_counter() - t)
print(best)`;
  const r = spawnSync("python3", ["-c", py], { encoding: "utf8" });
  if (r.status !== 0) return "numpy not installed";
  return Number(r.stdout.trim());
}

const gflops = (n: number, s: number) => (2 * n ** 3) / s / 1e9;
const best = <T extends { s: number }>(f: () => T): T => {
  let b: T | undefined;
  for (let i = 0; i < reps; i++) { const r = f(); if (!b || r.s < b.s) b = r; }
  return b!;
};
const fmt = (x: number) => x.toFixed(x < 1 ? 3 : 2).padStart(8);

console.log(`naive i-j-k f32 matmul (examples/matmul_loops.mlir), best of ${reps}; GFLOPS by ${useCpu ? "CPU time (numpy: wall)" : "wall-clock time"}`);
console.log(`${"n".padStart(5)} ${"wasm".padStart(8)} ${"mlir-O3".padStart(8)} ${"interp".padStart(8)} ${"numpy".padStart(8)}   wasm/mlir  wasm/interp  numpy/wasm`);
const interp = best(() => runEngine("interp", interpSize));
const gi = gflops(interpSize, interp.s);
for (const n of sizes) {
  // wasm and mlir alternate, best of `reps` each: the machine is shared, so a peer measured
  // a minute later would see different contention.
  let w: { s: number; sum?: string } | undefined, ml: { s: number; sum?: string } | string | undefined;
  for (let r = 0; r < reps; r++) {
    const x = runEngine("wasm", n);
    if (!w || x.s < w.s) w = x;
    const y = runMlir(n);
    if (typeof y === "string") ml = y;
    else if (ml === undefined || (typeof ml !== "string" && y.s < ml.s)) ml = y;
  }
  const np = runNumpy(n);
  const gw = gflops(n, w!.s);
  const gm = typeof ml === "string" || !ml ? NaN : gflops(n, ml.s);
  const gn = typeof np === "string" ? NaN : gflops(n, np);
  if (typeof ml === "object" && ml.sum !== w!.sum) console.log(`  checksum differs: wasm ${w!.sum}, mlir ${ml.sum}`);
  console.log(`${String(n).padStart(5)} ${fmt(gw)} ${fmt(gm)} ${fmt(gi)} ${fmt(gn)}   ${(gw / gm).toFixed(2).padStart(9)}  ${(gw / gi).toFixed(1).padStart(11)}  ${(gn / gw).toFixed(1).padStart(10)}`);
  if (typeof ml === "string") console.log(`  ${ml}`);
  if (typeof np === "string") console.log(`  ${np}`);
}
console.log(`(interp measured at n=${interpSize}: its per-FLOP rate barely depends on n; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`);
