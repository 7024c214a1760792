// Compiled programs on disk, for tensorlang-run: a program run again unchanged links the wasm
// binary compiled last time and never loads binaryen (whose load, optimizing, and the wait at
// exit for V8 to finish tiering its code up are most of a small program's run time).
// One file per unit, keyed by everything the binary depends on: the program text and file name
// (sites name them), the compile options, this build of TensorLang (a rebuild rewrites the
// module file whose time and size stand for it), and the CPU (vector.fma compiles to a relaxed
// madd where that rounds once, abi.ts relaxedMaddFused). A file that does not read back is reported,
// and is a miss (the compiled unit replaces it).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { compileWasm } from "../backend/wasm/abi.js";
import type { CompiledUnit } from "../backend/wasm/compiler.js";

/** Bumped when the stored form changes. */
const FORMAT = 1;
/** Units kept; past that, the least recently written go. */
const KEEP = 200;

/**
 * `mkdir -p` that gives up when a directory exists but its child still cannot be made: Node's
 * own `mkdirSync(dir, { recursive: true })` spins forever on such paths (under /proc, or below a
 * dangling symlink, mkdir answers ENOENT although the parent exists).
 */
export function makeDirs(dir: string): void {
  try { mkdirSync(dir); } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return;
    if (code !== "ENOENT" || dirname(dir) === dir) throw e;
    makeDirs(dirname(dir));
    mkdirSync(dir);
  }
}

const build = (() => {
  try { const s = statSync(fileURLToPath(import.meta.url)); return `${s.mtimeMs} ${s.size}`; } catch { return "unknown"; }
})();

export class UnitCache {
  /** `root`: the cache directory (units go into its `units/`); undefined: nothing is read or written. */
  constructor(root: string | undefined, private readonly warn: (msg: string) => void = (m) => process.stderr.write(m + "\n")) {
    this.dir = root === undefined ? undefined : join(root, "units");
  }
  private readonly dir?: string;

  /** The key of a unit compiled from `parts` (program text, file name, compile options). */
  key(parts: Record<string, unknown>): string {
    return createHash("sha256").update(JSON.stringify({ FORMAT, build, node: process.versions.v8, cpu: cpus()[0]?.model, ...parts })).digest("hex").slice(0, 40);
  }

  get(key: string): CompiledUnit | undefined {
    if (!this.dir) return undefined;
    const file = join(this.dir, key);
    let data: Buffer;
    try { data = readFileSync(file); } catch { return undefined; }
    try {
      const stored = deserialize(data) as Omit<CompiledUnit, "module">;
      return { ...stored, module: compileWasm(stored.bytes) };
    } catch (e) {
      this.warn(`tensorlang: ignoring corrupt cache file ${file}: ${(e as Error).message}`);
      return undefined;
    }
  }

  /** Stores `unit`; a cache that cannot be written is reported, and is no error. */
  put(key: string, unit: CompiledUnit): void {
    if (!this.dir) return;
    try {
      makeDirs(this.dir);
      const { module: _compiled, ...stored } = unit;
      const tmp = join(this.dir, `${key}.${process.pid}.tmp`);
      writeFileSync(tmp, serialize(stored));
      renameSync(tmp, join(this.dir, key)); // atomic: a reader sees the whole unit or none
      const files = readdirSync(this.dir).filter((f) => /^[0-9a-f]{40}$/.test(f)); // not another process's temp file
      if (files.length > KEEP) {
        const byAge = files.map((f) => ({ f, t: statSync(join(this.dir!, f)).mtimeMs })).sort((a, b) => a.t - b.t);
        for (const { f } of byAge.slice(0, files.length - KEEP)) unlinkSync(join(this.dir, f));
      }
    } catch (e) {
      this.warn(`tensorlang: could not write the compiled-program cache in ${this.dir}: ${(e as Error).message}`);
    }
  }
}
