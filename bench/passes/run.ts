// bench/passes: passes over one big lowered function, TensorLang vs mlir-opt-19 in the same run.
// Usage: node dist/bench/passes/run.js [--loops N] [--users U] [--reps R]
// The function holds N scf.for loops, each with an scf.if, in sequence (the shape of a kernel
// unrolled or fused by hand), lowered by --convert-scf-to-cf to 7N blocks in one region: the
// CFG passes must stay linear in its blocks (dominators, predecessors, reachability, liveness).
// Each row is a whole process (parse, verify, pass, verify, print); its ratio is the median of
// the rounds' ratios.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hasMlirOpt, measure, roundRatio, tensorlangOpt } from "../process.js";

function loops(n: number): string {
  let s = "func.func @f(%m: memref<64xf32>, %n: index, %c: i1) -> f32 {\n  %c0 = arith.constant 0 : index\n  %c1 = arith.constant 1 : index\n  %z = arith.constant 0.0 : f32\n";
  for (let i = 0; i < n; i++) {
    s += `  %a${i + 1} = scf.for %i = %c0 to %n step %c1 iter_args(%acc = ${i ? `%a${i}` : "%z"}) -> (f32) {
    %v = memref.load %m[%i] : memref<64xf32>
    %w = scf.if %c -> (f32) {
      %t = arith.addf %acc, %v : f32
      scf.yield %t : f32
    } else {
      scf.yield %acc : f32
    }
    scf.yield %w : f32
  }\n`;
  }
  return s + `  return %a${n} : f32\n}\n`;
}

const args = process.argv.slice(2);
const opt = (name: string, d: number) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : d; };
const n = opt("--loops", 2000), reps = opt("--reps", 3);
const dir = mkdtempSync(join(tmpdir(), "tl-passes-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const structured = join(dir, "loops.mlir"), file = join(dir, "loops-cf.mlir");
writeFileSync(structured, loops(n));
const lowered = spawnSync(tensorlangOpt, ["--convert-scf-to-cf", structured, "-o", file], { encoding: "utf8" });
if (lowered.status !== 0) throw new Error(`--convert-scf-to-cf failed: ${lowered.stderr}`);
const have = hasMlirOpt();
const blocks = 1 + (readFileSync(file, "utf8").match(/^\s*\^bb\d+.*:/gm)?.length ?? 0);
console.log(`passes: one function of ${n} loops, ${blocks} blocks after --convert-scf-to-cf; median of ${reps} rounds`);
if (!have) console.log("  mlir-opt-19 not installed: TensorLang's times alone");
// [row, TensorLang's flags, mlir-opt-19's]: MLIR 19 names its raising pass lift-cf-to-scf.
const rows: Array<[string, string[], string[]]> = [
  ["parse+verify+print", [], []],
  ["--canonicalize", ["--canonicalize"], ["--canonicalize"]],
  ["--cse", ["--cse"], ["--cse"]],
  ["--raise-cf-to-scf", ["--raise-cf-to-scf"], ["--lift-cf-to-scf"]],
];
function table(input: string, rows: Array<[string, string[], string[]]>): void {
  for (const [row, ours, theirs] of rows) {
    const cmds: Array<[string, string[]]> = [[tensorlangOpt, [...ours, input, "-o", join(dir, "ours.mlir")]]];
    if (have) cmds.push(["mlir-opt-19", [...theirs, input, "-o", join(dir, "mlir.mlir")]]);
    const [a, b] = measure(cmds, reps);
    console.log(`  ${row.padEnd(20)} tensorlang-opt ${a.wall.toFixed(0).padStart(6)} ms` +
      (b ? `, mlir-opt-19 ${b.wall.toFixed(0).padStart(5)} ms (${theirs.join(" ") || "no pass"}): ratio ${roundRatio(a, b).toFixed(2)}x` : ""));
  }
}
table(file, rows);
// The same loops before lowering: an scf.if on one condition in each (canonicalize propagates it
// into each if's regions, which must not go over the condition's thousands of uses each time).
console.log(`the same ${n} loops as scf.for and scf.if:`);
table(structured, [rows[1], ["--convert-scf-to-cf", ["--convert-scf-to-cf"], ["--convert-scf-to-cf"]]]);

// At the sizes full unrolling makes: one value used by every op of a block (a loop's constant),
// and a chain of branches on one condition back to one block; each op or branch erased one by
// one must cost O(1), not a search and splice of the value's uses or the block's ops.
const users = opt("--users", 50000), unrolled = join(dir, "unrolled.mlir"), chain = join(dir, "chain.mlir");
writeFileSync(unrolled, `func.func @f(%a: i32) -> i32 {\n${Array.from({ length: users }, (_, i) => `  %${i} = arith.addi %a, %a : i32\n`).join("")}  return %${users - 1} : i32\n}\n`);
const links = users / 10;
writeFileSync(chain, `func.func @h(%c: i1) {\n  cf.br ^b0\n${Array.from({ length: links }, (_, i) => `^b${i}:\n  cf.cond_br %c, ^b${i + 1}, ^b0\n`).join("")}^b${links}:\n  return\n}\n`);
console.log(`one value used by ${users} equal ops in one block:`);
table(unrolled, rows.slice(1, 3));
console.log(`${links} blocks, each a cf.cond_br on one condition back to the first:`);
table(chain, rows.slice(0, 2));
// A loop body unrolled: each step an affine load and store and a memref load and store, and a
// loop left every 50 steps; lowering rewrites op after op in the one block and splits it.
const steps = users / 10, body = join(dir, "body.mlir");
writeFileSync(body, `func.func @u(%A: memref<64x64xf32>, %x: f32) {\n  %c0 = arith.constant 0 : index\n  %c1 = arith.constant 1 : index\n  %c64 = arith.constant 64 : index\n` +
  Array.from({ length: steps }, (_, i) => `  %i${i} = arith.constant ${i % 64} : index\n  %v${i} = memref.load %A[%i${i}, %c0] : memref<64x64xf32>\n  memref.store %v${i}, %A[%c1, %i${i}] : memref<64x64xf32>\n` +
    `  %a${i} = affine.load %A[${i % 64}, ${(i * 7) % 64}] : memref<64x64xf32>\n  affine.store %a${i}, %A[${(i * 7) % 64}, ${i % 64}] : memref<64x64xf32>\n` +
    (i % 50 ? "" : `  scf.for %k = %c0 to %c64 step %c1 {\n    memref.store %x, %A[%k, %c0] : memref<64x64xf32>\n  }\n`)).join("") + "  return\n}\n");
console.log(`one block of ${steps} unrolled steps (${steps * 5} ops, ${steps / 50} loops):`);
table(body, [["--lower-affine", ["--lower-affine"], ["--lower-affine"]], ["--convert-scf-to-cf", ["--convert-scf-to-cf"], ["--convert-scf-to-cf"]]]);
console.log("  (ratio: tensorlang-opt / mlir-opt-19, wall, whole process; < 1 = TensorLang faster)");
