import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { StrategyCache, cacheKey } from "../../src/optimizer/cache.js";

const entry = { kind: "optimize" as const, functionName: "matmul", ir: "func.func @matmul() { return }", speedup: 7.5, createdAt: "2026-01-01" };

test("entries survive a new process through the disk layer, written atomically", () => {
  const dir = mkdtempSync(join(tmpdir(), "tl-cache-"));
  const key = cacheKey(entry.ir);
  new StrategyCache(dir).put(key, entry);
  assert.deepEqual(readdirSync(dir), [`${key}.json`], "no temp files left behind");
  assert.deepEqual(new StrategyCache(dir).get(key), entry);
});

test("keys ignore formatting but not content", () => {
  assert.equal(cacheKey("func.func @f() {\n  return\n}"), cacheKey("func.func @f() {\n    return   // done\n}"));
  assert.notEqual(cacheKey("func.func @f() { return }"), cacheKey("func.func @g() { return }"));
  assert.notEqual(cacheKey("x", "assert at 3"), cacheKey("x", "assert at 4"));
});

test("a corrupt or foreign file is reported once and ignored", () => {
  const dir = mkdtempSync(join(tmpdir(), "tl-cache-"));
  writeFileSync(join(dir, "bad.json"), "{not json");
  writeFileSync(join(dir, "foreign.json"), JSON.stringify({ format: "other", entry: {} }));
  const warnings: string[] = [];
  const c = new StrategyCache(dir, (m) => warnings.push(m));
  assert.equal(c.get("bad"), undefined);
  assert.equal(c.get("bad"), undefined);
  assert.equal(c.get("foreign"), undefined);
  assert.equal(warnings.length, 2);
  assert.match(warnings[0], /ignoring corrupt cache file .*bad\.json/);
});

test("memory-only cache (no directory) keeps entries for the process", () => {
  const c = new StrategyCache(undefined);
  c.put("k", entry);
  assert.deepEqual(c.get("k"), entry);
});

test("a directory that cannot be made is a warning, not a hang (Node's recursive mkdir spins on these)", () => {
  const dir = mkdtempSync(join(tmpdir(), "tl-cache-"));
  symlinkSync(join(dir, "missing-target"), join(dir, "dangling"));
  const places = [join(dir, "dangling", "cache"), join(dir, "a", "b", "c")];
  if (existsSync("/proc/self")) places.push("/proc/no-such-dir/cache");
  // In a child process with a time limit: a regression would spin in a synchronous call.
  const script = `import { StrategyCache } from ${JSON.stringify(new URL("../../src/optimizer/cache.js", import.meta.url).href)};
    for (const place of ${JSON.stringify(places)}) new StrategyCache(place, (m) => console.log(m)).put("k", ${JSON.stringify(entry)});`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 30_000 });
  assert.equal(r.status, 0, `${r.signal ?? ""} ${r.stderr}`);
  const warnings = r.stdout.trim().split("\n");
  assert.equal(warnings.length, places.length - 1, r.stdout);
  for (const w of warnings) assert.match(w, /could not write the strategy cache in .*(dangling|no-such-dir).*: ENOENT/);
  assert.deepEqual(readdirSync(join(dir, "a", "b", "c")), ["k.json"], "missing parents are made");
});
