// tensorlang-model, run as a user would (a child process).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { validateGguf } from "../../src/llm/gguf.js";
import { tempDir } from "./helpers.js";

const CLI = fileURLToPath(new URL("../../src/cli/model.js", import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });

describe("tensorlang-model", () => {
  it("make-test writes a loadable model with the requested shape", () => {
    const out = join(tempDir(), "cli.gguf");
    const r = run("make-test", out, "--layers", "3", "--dim", "96", "--quant", "q4_0", "--seed", "9");
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /3 layers, dim 96/);
    const h = validateGguf(out);
    assert.equal(h.metadata.get("llama.block_count"), 3);
    assert.equal(h.metadata.get("general.file_type"), 2);
  });

  it("info describes the model", () => {
    const out = join(tempDir(), "info.gguf");
    assert.equal(run("make-test", out, "--quant", "f16").status, 0);
    const r = run("info", out);
    assert.equal(r.status, 0, r.stderr);
    for (const re of [/architecture:\s+llama/, /parameters:\s+\d/, /quantization:\s+F16/, /context length:\s+4096/, /chat template:\s+"\{%/, /backend here:\s+(CPU|CUDA|Vulkan|Metal)/])
      assert.match(r.stdout, re);
  });

  it("bad files and bad usage exit 2 with one line naming the problem", () => {
    const bad = join(tempDir(), "bad.gguf");
    writeFileSync(bad, "GGUF but not really");
    for (const [args, re] of [
      [["info", bad], /bad\.gguf: (not a GGUF|malformed|unsupported)/],
      [["info", join(tempDir(), "none.gguf")], /none\.gguf: no such file/],
      [["make-test", join(tempDir(), "x.gguf"), "--quant", "q5"], /--quant expects/],
      [["make-test", join(tempDir(), "x.gguf"), "--dim", "50"], /multiple of 32/],
      [["make-test", join(tempDir(), "no-dir", "x.gguf")], /cannot write/],
      [["frobnicate"], /unknown command/],
    ] as [string[], RegExp][]) {
      const r = run(...args);
      assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, re);
      assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
      assert.ok(!/\n\s+at /.test(r.stderr));
    }
  });
});
