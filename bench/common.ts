// Shared by the matmul benchmarks (bench/matmul, bench/optimize): the program, flags, output parsing.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

export { LOWERING_PIPELINE, RUNNER_LIBS } from "../test/support/mlir.js";

/** `--name value` from the command line, or `dflt`. */
export function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : dflt;
}

/** examples/matmul_loops.mlir at size n (shapes, loop bounds and the FLOP count in the time line). */
export function programFor(n: number): string {
  const root = join(dirname(new URL(import.meta.url).pathname), "..", "..");
  const src = readFileSync(join(root, "examples", "matmul_loops.mlir"), "utf8");
  return src.replace(/256/g, String(n)).replace("3.355443e+07", (2 * n ** 3).toExponential(6));
}

/** The kernel's seconds from the program's "time: <s> s" line. */
export function seconds(out: string): number {
  const m = /time: ([0-9.e+-]+) s/.exec(out);
  if (!m) throw new Error(`no time line in output:\n${out}`);
  return Number(m[1]);
}
export const checksum = (out: string): string | undefined => /checksum: (\S+)/.exec(out)?.[1];

/**
 * Compiling runs binaryen's own wasm, which V8 then re-optimizes on background threads for a
 * second or two: on a 2-core machine those threads take the core a kernel runs on, and the
 * process's CPU clock counts them. Timing starts once they are done.
 */
export const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 1500));
