// Test helpers around the real MLIR 19 toolchain (Debian's mlir-19-tools + libmlir-19-dev).
//
// Locally a missing toolchain skips these tests with a message; in CI (CI=true) it must not:
// `mlirSkip()` then lets the tests run, and the first tool call fails with a clear error.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const MLIR_OPT = process.env.MLIR_OPT ?? "mlir-opt-19";
export const MLIR_RUNNER = process.env.MLIR_CPU_RUNNER ?? "mlir-cpu-runner-19";
export const MLIR_LIB_DIR = process.env.MLIR_LIB_DIR ?? "/usr/lib/llvm-19/lib";
export const RUNNER_LIBS = [join(MLIR_LIB_DIR, "libmlir_c_runner_utils.so"), join(MLIR_LIB_DIR, "libmlir_runner_utils.so")];

/** Standard dialects to the LLVM dialect, for mlir-cpu-runner (see shared FACTS.md). Vector
 * transfers of rank > 1 go through scf first; the rest of vector lowers straight to LLVM, after
 * libm calls (which unroll vector math into vector ops).
 * --expand-strided-metadata emits affine.apply (dynamic subview offsets): lowered again. */
export const LOWERING_PIPELINE = [
  "--convert-vector-to-scf", "--lower-affine", "--convert-linalg-to-loops", "--convert-scf-to-cf",
  "--convert-math-to-libm", "--lower-vector-multi-reduction", "--convert-vector-to-llvm",
  "--convert-math-to-llvm", "--expand-strided-metadata", "--lower-affine", "--finalize-memref-to-llvm",
  "--convert-arith-to-llvm", "--convert-func-to-llvm", "--convert-cf-to-llvm", "--reconcile-unrealized-casts",
];

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

const inCI = process.env.CI === "true";
let available: boolean | undefined;

/** True when mlir-opt-19, mlir-cpu-runner-19 and the runner-utils libraries are installed. */
export function haveMlir(): boolean {
  if (available === undefined) {
    const probe = (cmd: string): boolean => spawnSync(cmd, ["--version"], { encoding: "utf8" }).status === 0;
    available = probe(MLIR_OPT) && probe(MLIR_RUNNER) && RUNNER_LIBS.every((l) => existsSync(l));
  }
  return available;
}

/**
 * For node:test's `skip` option: false when the tests must run (toolchain present, or in CI,
 * where a missing toolchain is a failure), else the reason for skipping.
 */
export function mlirSkip(): false | string {
  if (haveMlir() || inCI) return false;
  return `${MLIR_OPT}/${MLIR_RUNNER} not installed (apt-get install mlir-19-tools libmlir-19-dev); skipped locally, required in CI`;
}

function missing(): Error {
  return new Error(`${MLIR_OPT}, ${MLIR_RUNNER} or ${RUNNER_LIBS.join(", ")} missing: install mlir-19-tools and libmlir-19-dev (CI requires them)`);
}

function run(cmd: string, args: string[], input: string, env?: NodeJS.ProcessEnv): ToolResult {
  const r = spawnSync(cmd, args, { input, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: env ? { ...process.env, ...env } : process.env });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs mlir-opt-19 on `input` (stdin) with the given arguments. */
export function mlirOpt(args: string[], input: string): ToolResult {
  if (!haveMlir()) throw missing();
  return run(MLIR_OPT, args, input);
}

export interface RunOptions {
  /** Extra shared libraries for mlir-cpu-runner (e.g. the TensorLang hooks shim). */
  libs?: string[];
  env?: NodeJS.ProcessEnv;
  entry?: string;
  /** Passes run before LOWERING_PIPELINE (e.g. --arith-expand for arith.ceildivui). */
  before?: string[];
}

/** Lowers with LOWERING_PIPELINE and runs `entry` (default main, void result). Unmasked output. */
export function mlirRun(text: string, options: RunOptions = {}): ToolResult {
  const lowered = mlirOpt([...(options.before ?? []), ...LOWERING_PIPELINE], text);
  if (lowered.code !== 0) throw new Error(`${MLIR_OPT} failed to lower the program:\n${lowered.stderr}`);
  const libs = [...RUNNER_LIBS, ...(options.libs ?? [])];
  return run(MLIR_RUNNER, ["-e", options.entry ?? "main", "-entry-point-result=void", `-shared-libs=${libs.join(",")}`],
    lowered.stdout, options.env);
}

/** Lowers and runs a standard-dialect program; returns its masked stdout (throws if it fails). */
export function mlirRunStandard(text: string, options: RunOptions = {}): string {
  const r = mlirRun(text, options);
  if (r.code !== 0) throw new Error(`${MLIR_RUNNER} exited with ${r.code}:\n${r.stderr}`);
  return maskOutput(r.stdout);
}

/**
 * mlir-opt-19's text with its bare `vector.print`s (no value, newline) as we print them: with
 * their punctuation, since MLIR reads the next line's `%x = ...` as the operand of a bare one.
 */
export const spelledOutPrints = (t: string) => t.replace(/^(\s*vector\.print)$/gm, "$1 punctuation <newline>");

/**
 * Masks what legitimately differs between runs and engines: memref base addresses
 * (`base@ = 0x...`) and timing lines (lines starting with `time:`).
 */
export function maskOutput(s: string): string {
  return s.replace(/base@ = (0x[0-9a-fA-F]+|0)\b/g, "base@ = 0x<masked>").replace(/^time:.*$/gm, "time: <masked>");
}

/** The repository root (the folder with package.json), from src, test or dist/test. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("package.json not found above " + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

export function examplePath(name: string): string {
  return join(repoRoot(), "examples", name);
}

export function readExample(name: string): string {
  return readFileSync(examplePath(name), "utf8");
}

let shim: string | null | undefined;

/**
 * Builds test/support/tensorlang_shim.c (TensorLang's hooks for mlir-cpu-runner) with the C
 * compiler; returns the .so path, or undefined when no C compiler is installed.
 */
export function tensorlangShim(): string | undefined {
  if (shim === undefined) {
    const cc = process.env.CC ?? "cc";
    const out = join(mkdtempSync(join(tmpdir(), "tensorlang-shim-")), "libtensorlang_shim.so");
    const src = join(repoRoot(), "test", "support", "tensorlang_shim.c");
    const r = spawnSync(cc, ["-shared", "-fPIC", "-O2", "-o", out, src], { encoding: "utf8" });
    shim = r.status === 0 ? out : null;
  }
  return shim ?? undefined;
}

/** Runs a program that calls tensorlang_* hooks under real MLIR with the shim; output masked. */
export function mlirRunWithHooks(text: string, seed = 0): ToolResult {
  const lib = tensorlangShim();
  if (!lib) throw new Error("no C compiler (cc) to build the tensorlang hooks shim for mlir-cpu-runner");
  const r = mlirRun(text, { libs: [lib], env: { TENSORLANG_SEED: String(seed) } });
  return { ...r, stdout: maskOutput(r.stdout) };
}
