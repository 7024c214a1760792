// bench/math: one math function over an f32 array (exp, log, tanh, sin, cos, expm1), in one run:
// the wasm engine computing it in wasm (src/backend/wasm/libm.ts), the same engine calling the
// host's libm for each element (`func.call @expf`, what every math op did before), mlir-cpu-runner-19
// -O3 on the same program (glibc's libm), and numpy where installed. Printed as ns per element and
// ratios; the programs time themselves with rtclock() on CPU time (as bench/matmul).
//
//   node dist/bench/math/run.js [--n 262144] [--calls 10] [--reps 3] [--clock cpu|wall]
import { spawnSync } from "node:child_process";
import { Engine } from "../../src/runtime/engine.js";
import { arg, cpuClockShim, runMlirO3, runOurs, type Timed } from "../common.js";

await Engine.loadCompiler();
const n = Number(arg("n", "262144")), calls = Number(arg("calls", "10")), reps = Number(arg("reps", "3"));
const shim = arg("clock", "cpu") === "cpu" ? cpuClockShim() : undefined;

/** Each function with the range its inputs are spread over (evenly, n of them). */
const FUNCTIONS: Array<[string, number, number]> = [["exp", -10, 10], ["log", 0.001, 100], ["tanh", -5, 5], ["sin", -100, 100], ["cos", -100, 100], ["expm1", -2, 2]];

/** @kernel applies `fn` to each element (the math op, or a call to the host's `fn`f); @main times `calls` calls, best of 5. */
function program(fn: string, lo: number, hi: number, host: boolean): string {
  const T = `memref<${n}xf32>`, f = (x: number) => x.toExponential(6);
  return `module {
  func.func private @rtclock() -> f64${host ? `\n  func.func private @${fn}f(f32) -> f32` : ""}
  func.func @kernel(%a: ${T}, %b: ${T}) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %n = arith.constant ${n} : index
    scf.for %i = %c0 to %n step %c1 {
      %x = memref.load %a[%i] : ${T}
      %y = ${host ? `func.call @${fn}f(%x) : (f32) -> f32` : `math.${fn} %x : f32`}
      memref.store %y, %b[%i] : ${T}
    }
    return
  }
  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %n = arith.constant ${n} : index
    %a = memref.alloc() : ${T}
    %b = memref.alloc() : ${T}
    %lo = arith.constant ${f(lo)} : f32
    %step = arith.constant ${f((hi - lo) / n)} : f32
    scf.for %i = %c0 to %n step %c1 {
      %ii = arith.index_cast %i : index to i32
      %fi = arith.sitofp %ii : i32 to f32
      %d = arith.mulf %fi, %step : f32
      %x = arith.addf %lo, %d : f32
      memref.store %x, %a[%i] : ${T}
    }
    func.call @kernel(%a, %b) : (${T}, ${T}) -> ()
    %calls = arith.constant ${calls} : index
    %c5 = arith.constant 5 : index
    %inf = arith.constant 1.000000e+30 : f64
    %best = scf.for %r = %c0 to %c5 step %c1 iter_args(%bst = %inf) -> (f64) {
      %t0 = func.call @rtclock() : () -> f64
      scf.for %k = %c0 to %calls step %c1 {
        func.call @kernel(%a, %b) : (${T}, ${T}) -> ()
      }
      %t1 = func.call @rtclock() : () -> f64
      %dt = arith.subf %t1, %t0 : f64
      %m = arith.minimumf %dt, %bst : f64
      scf.yield %m : f64
    }
    %zero = arith.constant 0.000000e+00 : f64
    %sum = scf.for %i = %c0 to %n step %c1 iter_args(%s = %zero) -> (f64) {
      %y = memref.load %b[%i] : ${T}
      %yd = arith.extf %y : f32 to f64
      %s2 = arith.addf %s, %yd : f64
      scf.yield %s2 : f64
    }
    %callsf = arith.constant ${f(calls)} : f64
    %per = arith.divf %best, %callsf : f64
    vector.print str "checksum: "
    vector.print %sum : f64
    vector.print str "time: "
    vector.print %per : f64 punctuation <no_punctuation>
    vector.print str " s\\0A"
    return
  }
}`;
}

const ours = (text: string): Timed => runOurs(text, "wasm", !!shim);
const mlir = (text: string): Timed | string => runMlirO3(text, shim ? [shim] : []);
function numpy(fn: string, lo: number, hi: number): number | string {
  const py = `import numpy as np, time
a = np.linspace(${lo}, ${hi}, ${n}, endpoint=False, dtype=np.float32); np.${fn}(a)
best = 1e9
for _ in range(5):
    t = time.process_time(); [np.${fn}(a) for _ in range(${calls})]; best = min(best, (time.process_time() - t) / ${calls})
print(best)`;
  const r = spawnSync("python3", ["-c", py], { encoding: "utf8" });
  return r.status === 0 ? Number(r.stdout.trim()) : "numpy not installed";
}

const best = (runs: Array<Timed | string>): Timed | string => runs.reduce((b, r) => (typeof r === "string" ? r : typeof b === "string" || r.s < b.s ? r : b));
const ns = (t: Timed | number | string) => (typeof t === "string" ? NaN : (typeof t === "number" ? t : t.s) / n * 1e9);
const col = (x: number, w = 9) => (Number.isNaN(x) ? "-" : x.toFixed(x < 10 ? 2 : 1)).padStart(w);

console.log(`math: f32 arrays of ${n}, ns per element by ${shim ? "CPU time" : "wall-clock time"} (best of ${reps} runs of 5 x ${calls} calls)`);
console.log(`${"fn".padEnd(6)} ${"wasm".padStart(9)} ${"host".padStart(9)} ${"mlir-O3".padStart(9)} ${"numpy".padStart(9)}   host/wasm  wasm/mlir  wasm/numpy`);
const notes = new Set<string>();
for (const [fn, lo, hi] of FUNCTIONS) {
  // the variants alternate, best of `reps` each: the machine is shared
  const runs: Array<Array<Timed | string>> = [[], [], []];
  for (let r = 0; r < reps; r++) {
    runs[0].push(ours(program(fn, lo, hi, false)));
    runs[1].push(ours(program(fn, lo, hi, true)));
    runs[2].push(mlir(program(fn, lo, hi, false)));
  }
  const [w, h, m] = runs.map(best), np = numpy(fn, lo, hi);
  for (const x of [m, np]) if (typeof x === "string") notes.add(x);
  const [nw, nh, nm, nn] = [w, h, m, np].map(ns);
  console.log(`${fn.padEnd(6)} ${col(nw)} ${col(nh)} ${col(nm)} ${col(nn)}   ${col(nh / nw, 9)}  ${col(nw / nm, 9)}  ${col(nw / nn, 10)}`);
  if (typeof w !== "string" && typeof m !== "string" && w.sum !== m.sum) console.log(`  checksums: wasm ${w.sum}, mlir ${m.sum} (glibc's f32 functions may differ in the last bit)`);
}
for (const x of notes) console.log(`  ${x}`);
console.log("(host/wasm > 1: computing in wasm is faster than a host call; wasm/mlir and wasm/numpy > 1: the peer is faster)");
