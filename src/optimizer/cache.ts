// Strategy cache: L1 in memory, L2 one JSON file per key on disk. Keyed by a hash of the
// normalized function IR plus the machine signature (and, for repairs, the assertion).
// Writes are atomic (temp + rename); a corrupt or foreign file is reported once and ignored.
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import type { Mutation } from "./schema.js";
import { makeDirs } from "../runtime/unit-cache.js";

export interface CacheEntry {
  kind: "optimize" | "repair";
  functionName: string;
  /** The winning function's IR text. */
  ir: string;
  speedup?: number;
  mutations?: Mutation[];
  createdAt: string;
}

const FORMAT = "tensorlang-cache-v1";
/**
 * Generation of what a search can find: bumped when the backend or the proposers change which
 * version wins, so a winner cached by an older compiler is searched again instead of reused.
 * 2: linear-form addressing, packed kernels proposed first, privatized parallel panels.
 */
const GENERATION = 2;

export function defaultCacheDir(): string {
  return process.env.XDG_CACHE_HOME ? join(process.env.XDG_CACHE_HOME, "tensorlang") : join(os.homedir(), ".cache", "tensorlang");
}

/** Machine signature: what makes a measured winner valid elsewhere. */
export function machineSignature(): string {
  const cpu = os.cpus()[0]?.model ?? "cpu";
  return `${process.arch}|${cpu}|${os.availableParallelism?.() ?? os.cpus().length}|node${process.versions.node.split(".")[0]}`;
}

/** Normalize IR text so formatting differences do not change the key. */
export function normalizeIr(ir: string): string {
  return ir.split("\n").map((l) => l.replace(/\/\/.*$/, "").trim()).filter(Boolean).join("\n");
}

export function cacheKey(functionIr: string, extra = ""): string {
  return createHash("sha256").update(`${FORMAT}/${GENERATION}`).update("\0").update(normalizeIr(functionIr)).update("\0")
    .update(machineSignature()).update("\0").update(extra).digest("hex").slice(0, 32);
}

export class StrategyCache {
  private l1 = new Map<string, CacheEntry>();
  private warned = new Set<string>();

  /** `dir` undefined = memory only (`--no-cache` passes that and disables reads too). */
  constructor(readonly dir: string | undefined, private readonly warn: (msg: string) => void = (m) => process.stderr.write(m + "\n")) {}

  get(key: string): CacheEntry | undefined {
    const hit = this.l1.get(key);
    if (hit || !this.dir) return hit;
    const file = join(this.dir, `${key}.json`);
    let text: string;
    try { text = readFileSync(file, "utf8"); } catch { return undefined; }
    try {
      const obj = JSON.parse(text) as { format?: string; entry?: CacheEntry };
      if (obj.format !== FORMAT || !obj.entry || typeof obj.entry.ir !== "string") throw new Error("not a TensorLang cache entry");
      this.l1.set(key, obj.entry);
      return obj.entry;
    } catch (e) {
      if (!this.warned.has(file)) {
        this.warned.add(file);
        this.warn(`tensorlang: ignoring corrupt cache file ${file}: ${(e as Error).message}`);
      }
      return undefined;
    }
  }

  put(key: string, entry: CacheEntry): void {
    this.l1.set(key, entry);
    if (!this.dir) return;
    try {
      makeDirs(this.dir);
      const file = join(this.dir, `${key}.json`);
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      writeFileSync(tmp, JSON.stringify({ format: FORMAT, entry }, null, 1));
      renameSync(tmp, file);
    } catch (e) {
      this.warn(`tensorlang: could not write the strategy cache in ${this.dir}: ${(e as Error).message}`);
    }
  }
}
