// Shared CLI plumbing: reading inputs, mapping errors to exit codes (1 program, 2 usage).
import { accessSync, appendFileSync, constants, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { DiagnosticError, formatDiagnostic } from "../ir/diagnostics.js";

export class UsageError extends Error {}

/**
 * LLVM's command line takes long options after one dash (`mlir-opt -canonicalize -cse`,
 * `mlir-cpu-runner -entry-point-result=i32`), where commander would read `-cse` as `-c -s -e`.
 * An argument spelled so that names one of `program`'s long options gets its second dash.
 */
export function llvmStyleArgs(argv: readonly string[], program: Command): string[] {
  const known = new Set(["--help", ...program.options.map((o) => o.long)]);
  return argv.map((a) => {
    const m = /^-([a-z][\w-]+)(=.*)?$/.exec(a);
    return m && known.has(`--${m[1]}`) ? "-" + a : a;
  });
}

export function readInput(file: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read '${file}': ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (e as Error).message}`);
  }
}

const ioReason = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? "no such directory" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied"
    : code === "ENOTDIR" ? "a part of the path is not a directory" : (e as Error).message;
};

/** Writes (or appends) a file named on the command line; failing is a usage error, not a crash. */
export function writeOutput(option: string, file: string, text: string, append = false): void {
  try { (append ? appendFileSync : writeFileSync)(file, text); } catch (e) { throw new UsageError(`${option}: cannot write '${file}': ${ioReason(e)}`); }
}

/** Fails before a long search, not after it, when `file` could not be written then. */
export function checkWritable(option: string, file: string): void {
  const errno = (code: string) => Object.assign(new Error(code), { code });
  try {
    const st = statSync(file, { throwIfNoEntry: false });
    if (st?.isDirectory()) throw errno("EISDIR");
    if (!st && !statSync(dirname(file)).isDirectory()) throw errno("ENOTDIR");
    accessSync(st ? file : dirname(file), constants.W_OK);
  } catch (e) { throw new UsageError(`${option}: cannot write '${file}': ${ioReason(e)}`); }
}

/** `tensorlang X.Y.Z` from the package's own package.json (dist/src/cli -> the package root). */
export function packageVersion(): string {
  try { return `tensorlang ${(JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }).version}`; }
  catch { return "tensorlang (version unknown)"; }
}

/** Runs a CLI main, turning known errors into messages and exit codes instead of stack traces. */
export async function runCli(tool: string, main: () => Promise<number> | number): Promise<void> {
  // A closed pipe (`| head`) is not an error of ours.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => { if (e.code === "EPIPE") process.exit(process.exitCode ?? 0); else throw e; });
  let code: number;
  try {
    code = await main();
  } catch (e) {
    if (e instanceof DiagnosticError) { for (const d of e.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n"); code = 1; }
    else if (e instanceof UsageError || (e as { exitCode?: number }).exitCode === 2) { process.stderr.write(`${tool}: ${(e as Error).message}\n`); code = 2; }
    else { process.stderr.write(`${tool}: internal error: ${(e as Error).stack ?? e}\n`); code = 70; }
  }
  process.exitCode = code;
}

/** True when this module is the process entry point (also through npm's bin symlinks). */
export function isMain(metaUrl: string): boolean {
  if (!process.argv[1]) return false;
  try { return realpathSync(process.argv[1]) === fileURLToPath(metaUrl); } catch { return false; }
}

/** The integer option `flag` (at least `min`), or `d` when not given; a usage error otherwise. */
export function intOpt(flag: string, v: string | undefined, d: number, min = 0): number {
  if (v === undefined) return d;
  if (!/^-?\d+$/.test(v) || Number(v) < min) throw new UsageError(`${flag} expects an integer >= ${min}, got '${v}'`);
  return Number(v);
}
