// bench/fusion: tensor programs lowered by tensorlang-run's pipeline with its elementwise fusion
// (tensorlang-fuse-elementwise) and without it, on the wasm engine in the same run: an
// elementwise chain ending in a row sum, the same through exp and tanh, and a row softmax.
// Usage: node dist/bench/fusion/run.js [--n 512] [--calls 50] [--reps 5]
// Each program times its own calls with rtclock(); the ratio is unfused / fused, median of reps.
import { Engine } from "../../src/runtime/engine.js";
import { createCapturingContext } from "../../src/runtime/host.js";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { runPasses } from "../../src/passes/pass.js";
import { defaultPipeline, resolvePipeline } from "../../src/passes/pipeline.js";
import { arg, settle } from "../common.js";
import { median } from "../process.js";

await Engine.loadCompiler();
const n = Number(arg("n", "512")), calls = Number(arg("calls", "50")), reps = Number(arg("reps", "5"));
const T = `tensor<${n}x${n}xf32>`, V = `tensor<${n}xf32>`;

/** @layer(x, b) = `body` over x + broadcast b, and a @main that times `calls` calls and prints a checksum. */
const program = (body: string, result: string) => `module {
  func.func private @rtclock() -> f64
  func.func @layer(%x: ${T}, %b: ${V}) -> ${result} {
    %bb = tensorlang.broadcast %b : ${V} -> ${T}
    %s = tensorlang.add %x, %bb : ${T}
${body}
  }
  func.func @main() {
    %x = tensorlang.constant dense<0.5> : ${T}
    %b = tensorlang.constant dense<0.25> : ${V}
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %n = arith.constant ${calls} : index
    %w = func.call @layer(%x, %b) : (${T}, ${V}) -> ${result}
    %t0 = func.call @rtclock() : () -> f64
    scf.for %i = %c0 to %n step %c1 {
      %y = func.call @layer(%x, %b) : (${T}, ${V}) -> ${result}
    }
    %t1 = func.call @rtclock() : () -> f64
    %dt = arith.subf %t1, %t0 : f64
    vector.print %dt : f64
    tensorlang.print %w : ${result}
    return
  }
}`;
const PROGRAMS: Record<string, string> = {
  "add, relu, neg, row sum": program(`    %r = tensorlang.relu %s : ${T}
    %t = tensorlang.neg %r : ${T}
    %m = tensorlang.reduce_sum %t {axis = 1} : ${T} -> ${V}
    return %m : ${V}`, V),
  "add, sigmoid, tanh, row sum": program(`    %r = tensorlang.sigmoid %s : ${T}
    %t = tensorlang.tanh %r : ${T}
    %m = tensorlang.reduce_sum %t {axis = 1} : ${T} -> ${V}
    return %m : ${V}`, V),
  "add, row softmax": program(`    %p = tensorlang.softmax %s {axis = 1} : ${T}
    return %p : ${T}`, T),
};

/** The program lowered to loops by the default pipeline, with or without the fusion step. */
function lowered(text: string, fuse: boolean): string {
  const ctx = createContext(), m = parseModule(text, "fusion.mlir", ctx);
  runPasses(m, ctx, resolvePipeline(defaultPipeline.filter((p) => fuse || p !== "tensorlang-fuse-elementwise")));
  return printModule(m, ctx);
}
interface Variant { ctx: ReturnType<typeof createCapturingContext>; engine: Engine; times: number[]; out: string; seen: number }
/** One run of main: its timed seconds, and the rest of what it printed (the checksum). */
function run(v: Variant): void {
  v.engine.runMain("main");
  const all = v.ctx.output(), [t, ...rest] = all.slice(v.seen).split("\n");
  v.seen = all.length;
  v.times.push(Number(t));
  v.out = rest.join("\n");
}

console.log(`fusion: ${n}x${n} f32, ${calls} calls per run, wasm engine; median of ${reps}`);
for (const [name, text] of Object.entries(PROGRAMS)) {
  const [fused, unfused] = [true, false].map((fuse) => {
    const ctx = createCapturingContext();
    const engine = new Engine({ engine: "wasm", ctx, lower: false });
    engine.load(lowered(text, fuse), "fusion.mlir");
    return { ctx, engine, times: [], out: "", seen: 0 } as Variant;
  });
  await settle();
  for (let r = 0; r < reps; r++) for (const v of [fused, unfused]) run(v);
  if (fused.out !== unfused.out) throw new Error(`${name}: fused and unfused print differently:\n${fused.out}\n---\n${unfused.out}`);
  const [f, u] = [median(fused.times), median(unfused.times)];
  console.log(`  ${name.padEnd(28)} fused ${(f * 1000 / calls).toFixed(2)} ms/call, unfused ${(u * 1000 / calls).toFixed(2)} ms/call: ${(u / f).toFixed(2)}x`);
}
console.log("  (ratio: unfused / fused time; > 1 = fusion faster)");
