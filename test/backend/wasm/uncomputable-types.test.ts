// Programs that compute with types neither engine has values for (si/ui integers, f80, f128,
// tf32, 8-bit floats, complex numbers, scalable vectors) are refused with a diagnostic at the op,
// never run as some other type: the wasm backend when it compiles the function, the
// interpreter when it reaches the op; `tensorlang-run` exits nonzero with the message.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { repoRoot } from "../../support/mlir.js";
import { runText } from "./helpers.js";

const cases: Array<[string, string, string]> = [ // [type, body line computing with it, op]
  ["f128", "%x = arith.constant 1.5 : f128\n    %y = arith.addf %x, %x : f128", "arith.constant"],
  ["f8E4M3FN", "%x = arith.constant 1.5 : f8E4M3FN", "arith.constant"],
  ["tf32", "%x = arith.constant 1.5 : tf32", "arith.constant"],
  ["ui8", "%m = memref.alloc() : memref<4xui8>", "memref.alloc"],
  ["complex<f32>", "%m = memref.alloc() : memref<4xcomplex<f32>>", "memref.alloc"],
  ["vector<[4]xf32>", "%s = arith.constant 1.0 : f32\n    %v = vector.broadcast %s : f32 to vector<[4]xf32>", "vector.broadcast"],
];
const program = (body: string) => `func.func @main() {\n    ${body}\n    return\n  }\n`;
/** Line and column of the op in `program(body)`. */
const siteOf = (body: string, op: string) => {
  const lines = program(body).split("\n"), line = lines.findIndex((l) => l.includes(op));
  return `${line + 1}:${lines[line].indexOf(op) + 1}`;
};

for (const [type, body, op] of cases) {
  test(`${type}: both engines refuse it at '${op}'`, () => {
    const site = siteOf(body, op);
    assert.throws(() => runText(program(body), { engine: "wasm" }),
      (e: Error) => e.message.includes(`test.mlir:${site}: error: wasm backend: type '${type}' is not supported by the wasm backend (in '${op}')`) || assert.fail(e.message));
    assert.throws(() => runText(program(body), { engine: "interp" }),
      (e: Error) => e.message.includes(`${op} at test.mlir:${site}: type '${type}' is not supported by the interpreter`) || assert.fail(e.message));
  });
}

test("a signature with f128 is refused by the wasm backend at the function, not passed as an f32", () => {
  const text = `func.func @id(%a: f128) -> f128 {\n  return %a : f128\n}\n${program("")}`;
  assert.throws(() => runText(text, { engine: "wasm" }), /test\.mlir:1:1: error: wasm backend: type 'f128' is not supported by the wasm backend \(in 'func\.func'\)/);
  assert.equal(runText(text, { engine: "interp" }).out, ""); // never called: nothing computed
});

test("tensorlang-run: a diagnostic with the source line and a nonzero exit, under either engine", () => {
  const file = join(mkdtempSync(join(tmpdir(), "tl-types-")), "p.mlir");
  writeFileSync(file, program(cases[0][1]));
  for (const engine of ["wasm", "interp"]) {
    const r = spawnSync(process.execPath, [join(repoRoot(), "dist/src/cli/run.js"), "--engine", engine, file], { encoding: "utf8", timeout: 60_000 });
    assert.notEqual(r.status, 0, engine);
    assert.match(r.stderr, new RegExp(`p\\.mlir:2:10: (error: wasm backend: )?type 'f128' is not supported by the ${engine === "wasm" ? "wasm backend" : "interpreter"}`), engine);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  }
});
