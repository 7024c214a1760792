// bench/frontend: parse + verify + print of a generated 50,000+ line module, TensorLang vs
// mlir-opt-19 in the same run. Usage: node dist/bench/frontend/run.js [--lines N] [--reps R]
// Wall times, and CPU times (user + system) where /usr/bin/time exists: on a busy machine only
// the CPU times compare. Both tools run with `--mlir-timing`, whose phase times are shown too.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { hasMlirOpt, measure, median, roundRatio, tensorlangOpt, type Measured } from "../process.js";

/** One function of mixed arith/math/scf/affine/memref ops (~40 lines). */
function genFunction(k: number): string {
  return `  func.func @f${k}(%A: memref<64x64xf32>, %x: f32, %n: index) -> f32 {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c64 = arith.constant 64 : index
    %cst = arith.constant ${(k % 97) + 0.5} : f32
    %i7 = arith.constant ${k} : i32
    %0 = arith.addf %x, %cst : f32
    %1 = arith.mulf %0, %x : f32
    %2 = math.sqrt %1 : f32
    %3 = arith.cmpf olt, %2, %cst : f32
    %4 = arith.select %3, %2, %cst : f32
    %5 = arith.index_cast %n : index to i32
    %6 = arith.addi %5, %i7 : i32
    %7 = arith.sitofp %6 : i32 to f32
    %8 = scf.for %i = %c0 to %c64 step %c1 iter_args(%acc = %4) -> (f32) {
      %v = memref.load %A[%i, %i] : memref<64x64xf32>
      %s = arith.addf %acc, %v : f32
      %t = arith.mulf %s, %7 : f32
      scf.yield %t : f32
    }
    affine.for %i = 0 to 64 {
      affine.for %j = 0 to 64 step 2 {
        %a = affine.load %A[%i, %j] : memref<64x64xf32>
        %b = arith.mulf %a, %8 : f32
        affine.store %b, %A[%i, %j + 1] : memref<64x64xf32>
      }
    }
    %9 = scf.if %3 -> (f32) {
      %e = math.exp %8 : f32
      scf.yield %e : f32
    } else {
      %m = arith.maximumf %8, %x : f32
      scf.yield %m : f32
    }
    %10 = arith.negf %9 : f32
    %11 = arith.divf %10, %cst : f32
    return %11 : f32
  }
`;
}

const args = process.argv.slice(2);
const opt = (name: string, d: number) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : d; };
const targetLines = opt("--lines", 50_000), reps = opt("--reps", 5);
const fnLines = genFunction(0).split("\n").length - 1;
const text = "module {\n" + Array.from({ length: Math.ceil(targetLines / fnLines) }, (_, k) => genFunction(k)).join("") + "}\n";
const lines = text.split("\n").length;
const dir = mkdtempSync(join(tmpdir(), "tl-frontend-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, "big.mlir");
writeFileSync(file, text);

const ctx = createContext();
const ours: number[] = [], oursCpu: number[] = [];
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let r = 0; r < reps + 1; r++) {
  const c0 = cpuMs();
  const t0 = performance.now();
  const m = parseModule(text, file, ctx);
  const ds = verifyModule(m, ctx);
  if (ds.length) throw new Error(`generated module does not verify: ${ds[0].message}`);
  const out = printModule(m, ctx);
  const t = performance.now() - t0;
  if (r > 0) { ours.push(t); oursCpu.push(cpuMs() - c0); } // first run warms up V8
  if (r === 0) writeFileSync(join(dir, "ours.mlir"), out);
}

const have = hasMlirOpt();
console.log(`frontend: ${lines} lines, ${(text.length / 1e6).toFixed(1)} MB; median of ${reps}`);
console.log(`  tensorlang (in process, parse+verify+print): ${median(ours).toFixed(0)} ms wall, ${median(oursCpu).toFixed(0)} ms cpu`);

const show = (m: Measured) => `${m.wall.toFixed(0)} ms wall` + (m.cpu !== undefined ? `, ${m.cpu.toFixed(0)} ms cpu` : "") +
  `\n      phases: ${[...m.phases].map(([k, v]) => `${k.toLowerCase()} ${v.toFixed(0)}`).join(", ")} ms`;
// The CLI as its `bin` entry runs it (the one-file bundle), and from the ES modules; then mlir-opt.
const cliArgs = [file, "-o", join(dir, "cli.mlir"), "--mlir-timing"];
const cmds: Array<[string, string[]]> = [
  [tensorlangOpt, cliArgs],
  [process.execPath, [new URL("../../src/cli/opt.js", import.meta.url).pathname, ...cliArgs]],
  ...(have ? [["mlir-opt-19", [file, "-o", join(dir, "mlir.mlir"), "--mlir-timing"]] as [string, string[]]] : []),
];
const [cli, esm, mlir] = measure(cmds, reps);
// After a build by tsc alone the launcher runs the ES modules (bin/launch.js): say so, or the
// "whole process" row would silently measure them.
if (![...cli.phases.keys()].some((k) => /bundle/i.test(k))) console.log("  note: bin/tensorlang-opt ran the ES modules, not the bundle (stale or missing): run `npm run build`");
console.log(`  tensorlang-opt (whole process):             ${show(cli)}`);
console.log(`  node dist/src/cli/opt.js (ES modules):      ${show(esm)}`);
if (!mlir) { console.log("  mlir-opt-19 not installed: no ratio"); process.exit(0); }
console.log(`  mlir-opt-19 (whole process):                ${show(mlir)}`);
console.log(`  ratio tensorlang-opt / mlir-opt-19: ${roundRatio(cli, mlir).toFixed(2)}x (process, wall, median of rounds)` +
  (cli.cpu !== undefined && mlir.cpu ? `, ${(cli.cpu / mlir.cpu).toFixed(2)}x (process, cpu)` : "") +
  `, ${roundRatio(esm, mlir).toFixed(2)}x (ES modules, wall)` +
  `, ${(median(ours) / mlir.wall).toFixed(2)}x (in-process vs process, wall)   (< 1 = TensorLang faster)`);
