// tensorlang-opt end to end: passes in command-line order, generic printing, stdin, -o,
// --split-input-file, --verify-diagnostics, and exit codes for bad input and bad usage.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { mlirOpt, mlirSkip, repoRoot } from "../support/mlir.js";

const root = repoRoot();
const opt = (args: string[], input?: string) =>
  spawnSync(process.execPath, [join(root, "dist/src/cli/opt.js"), ...args], { encoding: "utf8", cwd: root, input, timeout: 60_000 });
const dir = mkdtempSync(join(tmpdir(), "tl-opt-"));

test("canonicalize folds constants and removes dead ops; cse merges duplicates", () => {
  const src = `func.func @f(%a: i32) -> i32 {
  %c2 = arith.constant 2 : i32
  %c3 = arith.constant 3 : i32
  %s = arith.addi %c2, %c3 : i32
  %dead = arith.muli %a, %a : i32
  %x = arith.addi %a, %s : i32
  %y = arith.addi %a, %s : i32
  %z = arith.muli %x, %y : i32
  return %z : i32
}`;
  const r = opt(["-", "--canonicalize", "--cse"], src);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /arith.constant 5 : i32/);
  assert.doesNotMatch(r.stdout, /arith.constant 2 : i32|%dead/);
  assert.equal((r.stdout.match(/arith.addi/g) ?? []).length, 1, r.stdout);
});

test("generic form, -o, and the linalg conversion of a tensorlang program", () => {
  const out = join(dir, "out.mlir");
  const r = opt(["examples/matmul_tensor.mlir", "--convert-tensorlang-to-linalg", "--mlir-print-op-generic", "-o", out]);
  assert.equal(r.status, 0, r.stderr);
  const text = readFileSync(out, "utf8");
  assert.match(text, /"linalg.matmul"/);
  assert.match(text, /"linalg.fill"/);
  assert.match(text, /"tensor.empty"/);
  assert.doesNotMatch(text, /tensorlang\.(matmul|constant)/);
});

test("--split-input-file processes chunks separately and --verify-diagnostics checks annotations", () => {
  const f = join(dir, "diag.mlir");
  writeFileSync(f, `func.func @ok() {
  return
}
// -----
func.func @bad() -> i32 {
  %c = arith.constant 1.0 : f32
  // expected-error @+1 {{doesn't match function result type}}
  return %c : f32
}
// -----
// expected-error @+1 {{custom op 'nope.op' is unknown}}
"func.func"() ({ nope.op }) : () -> ()
// -----
func.func @re(%a: i32) -> i64 {
  // expected-error-re @+1 {{type of return operand 0 ('{{i[0-9]+}}') doesn't match}}
  return %a : i32
}
`);
  const ok = opt([f, "--split-input-file", "--verify-diagnostics"]);
  assert.equal(ok.status, 0, ok.stderr);
  // As mlir-opt, the chunk without errors is printed (and an empty line); those with expected errors are not.
  assert.equal(ok.stdout, "module {\n  func.func @ok() {\n    return\n  }\n}\n\n// -----\n// -----\n// -----\n");
  writeFileSync(f, "// expected-error @+1 {{something else}}\nfunc.func @f() {\n  return\n}\n");
  const bad = opt([f, "--verify-diagnostics"]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /expected error "something else" was not produced/);
  writeFileSync(f, "func.func @f(%a: i32) -> i64 {\n  // expected-error-re @+1 {{operand 0 ('{{f[0-9]+}}')}}\n  return %a : i32\n}\n");
  assert.match(opt([f, "--verify-diagnostics"]).stderr, /expected error "operand 0 \('\{\{f\[0-9\]\+\}\}'\)" was not produced/, "the regex part must match");
  const chunks = opt(["-", "--split-input-file"], "func.func private @a()\n// -----\nfunc.func private @b()\n");
  assert.equal(chunks.status, 0, chunks.stderr);
  assert.match(chunks.stdout, /@a\(\)[\s\S]*\/\/ -----[\s\S]*@b\(\)/);
  // Without --verify-diagnostics every chunk is still processed: each error is reported, the others printed.
  const some = opt(["-", "--split-input-file"], "func.func @a() -> i32 {\n  return\n}\n// -----\nfunc.func private @b()\n// -----\nfunc.func @c(%x: f32) {\n  %0 = arith.addi %x, %x : f32\n  return\n}\n");
  assert.equal(some.status, 1);
  assert.equal(some.stdout, "// -----\nmodule {\n  func.func private @b()\n}\n\n// -----\n");
  assert.match(some.stderr, /<stdin>:2:3: error: 'func.return' op has 0 operands, but enclosing function \(@a\) returns 1[\s\S]*<stdin>:8:8: error: 'arith.addi' op operand #0 must be signless-integer-like, but got 'f32'\n  %0 = arith\.addi %x, %x : f32\n {7}\^/);
  // A chunk is parsed at its place in the file (not padded with the lines before it): a parse
  // error in the third names the file's line and quotes it.
  const late = opt(["-", "--split-input-file"], "func.func private @a()\n// -----\nfunc.func private @b()\n// -----\n\nfunc.func @c() {\n  %0 = arith.constant : i32\n}\n");
  assert.equal(late.status, 1);
  assert.match(late.stderr, /^<stdin>:7:22: error: .*\n  %0 = arith\.constant : i32\n {21}\^/);
});

test("errors: diagnostics with file:line:col and caret (exit 1), usage errors (exit 2), no stack traces", () => {
  const f = join(dir, "err.mlir");
  writeFileSync(f, "func.func @f() {\n  %x = arith.addi %y, %y : i32\n  return\n}\n");
  const r = opt([f]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /err\.mlir:2:19: error: use of undeclared SSA value name '%y'\n  %x = arith.addi %y, %y : i32\n {18}\^/);
  for (const args of [["--no-such-flag"], [join(dir, "missing.mlir")], ["-", "--pass", "bogus"], ["-", "--pass="], ["-", "-o", join(dir, "no-dir", "out.mlir")], ["-", "-o", dir]]) {
    const u = opt(args, "");
    assert.equal(u.status, 2, `${args}: ${u.stderr}`);
    assert.doesNotMatch(u.stderr, /\n\s+at /);
    if (args[1] === "-o") assert.match(u.stderr, /^tensorlang-opt: -o: cannot write '.*': (no such directory|is a directory)\n$/);
  }
  assert.match(opt(["--list-passes"]).stdout, /--verify-linearity[\s\S]*--lower-affine/);
});

test("--verify-linearity reports a linear value used twice at its definition", () => {
  const r = opt(["-", "--verify-linearity"], `func.func @f(%a: !tensorlang.tensor<f32, 2, 2>) -> !tensorlang.tensor<f32, 2, 2> {
  %0 = tensorlang.add %a, %a : !tensorlang.tensor<f32, 2, 2>
  return %0 : !tensorlang.tensor<f32, 2, 2>
}`);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /result with linear type must be used exactly once/);
});

test("--mlir-timing reports each phase on stderr in mlir-opt's layout and leaves the output alone", () => {
  const src = "func.func @f(%a: i32) -> i32 {\n  return %a : i32\n}\n";
  const r = opt(["-", "--canonicalize", "--mlir-timing"], src);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, opt(["-", "--canonicalize"], src).stdout);
  for (const phase of ["Startup", "Parser", "Verifier", "Pass pipeline", "Output", "Rest", "Total"]) {
    assert.match(r.stderr, new RegExp(`^ +[0-9]+\\.[0-9]{4} \\( *[0-9.]+%\\)  ${phase}$`, "m"));
  }
  assert.match(r.stderr, /Total Execution Time: [0-9.]+ seconds/);
});

test("--help prints the usage once and --version the version (for tensorlang-opt and tensorlang-run), both exit 0", () => {
  for (const cli of ["opt", "run"]) {
    const r = spawnSync(process.execPath, [join(root, `dist/src/cli/${cli}.js`), "--help"], { encoding: "utf8", cwd: root, timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.match(/^Usage: tensorlang-/gm)?.length, 1, r.stdout);
    assert.match(r.stdout, /--output|--optimize/);
  }
  const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
  for (const cli of ["opt", "run"]) {
    const r = spawnSync(process.execPath, [join(root, `dist/src/cli/${cli}.js`), "--version"], { encoding: "utf8", cwd: root, timeout: 60_000 });
    assert.deepEqual([r.status, r.stdout], [0, `tensorlang ${version}\n`], r.stderr);
  }
});

test("--mlir-print-debuginfo prints each op's location, the one a loc(...) in the input gave it included", () => {
  const r = opt(["-", "--mlir-print-debuginfo"], `func.func @f(%a: i32) -> i32 {
  %b = arith.addi %a, %a : i32 loc("model.py":3:1)
  return %b : i32
}`);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /arith\.addi %arg0, %arg0 : i32 loc\(#loc3\)\n\s+return %0 : i32 loc\(#loc4\)\n/);
  assert.match(r.stdout, /\n#loc3 = loc\("model\.py":3:1\)\n#loc4 = loc\("<stdin>":3:3\)\n/);
});

test("--mlir-print-debuginfo writes locations as mlir-opt-19 does: ops' as #loc aliases defined after the module, arguments' inline (and defined above), the locations in call site, name and fused ones by alias", () => {
  // (fused as MLIR makes them: unknown parts and repeats dropped, one part left is that part)
  const src = `#m = affine_map<(d0) -> (d0 + 1)>
func.func @f(%i: index loc("a.py":1:1), %j: index loc(fused["b.py":2:2, "c.py":3:3])) -> index {
  %a = arith.addi %i, %j : index loc("a.py":1:1)
  %b = arith.addi %a, %j : index loc(fused<"meta">["b.py":2:2, unknown])
  %c = arith.addi %b, %a : index loc("outer"("inner"("z.py":5:6)))
  %d = arith.addi %c, %a : index loc(callsite(callsite("f" at "g.py":1:2) at fused["b.py":2:2, "h.py":7:7, unknown]))
  %e = affine.apply #m(%d) loc(fused["q.py":1:1, unknown])
  %g = linalg.map ins(%t, %t : tensor<4xf32>, tensor<4xf32>) outs(%t : tensor<4xf32>)
    (%in: f32 loc("in.py":1:1), %in2: f32) {
      linalg.yield %in : f32
    }
  cf.br ^bb1(%e : index)
^bb1(%x: index loc("blk.py":4:4)):
  affine.for %k = 0 to 4 {
  }
  return %x : index loc(unknown)
}`.replace("-> index {", "-> index {\n  %t = tensor.empty() : tensor<4xf32>");
  const r = opt(["-", "--mlir-print-debuginfo"], src);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^#loc2 = loc\("a\.py":1:1\)\n/, "an argument's location, defined first");
  assert.match(r.stdout, /%arg1: index loc\(fused\[#loc\d+, #loc\d+\]\)\)/, "written out, its parts by alias");
  assert.match(r.stdout, /affine\.apply #map\(%\d+\) loc\(#loc\d+\)\n/);
  assert.match(r.stdout, /\n} loc\(#loc\)\n#loc = loc\("<stdin>":0:0\)\n/, "after the module, the module made around the ops first, at 0:0");
  assert.match(r.stdout, /= loc\(callsite\(#loc\d+ at #loc\d+\)\)\n\n$/, "a location holding others last");
  assert.equal(opt(["-", "--mlir-print-debuginfo"], r.stdout).stdout, r.stdout, "a fixed point");
  if (!mlirSkip()) for (const more of [[], ["--mlir-print-op-generic"], ["--mlir-print-local-scope"]])
    assert.equal(r.stdout.length && opt(["-", "--mlir-print-debuginfo", ...more], src).stdout, mlirOpt(["--mlir-print-debuginfo", ...more], src).stdout, more.join(" "));
});

test("--pass-pipeline runs an MLIR textual pipeline; --mlir-print-ir-before/after dump the IR around passes on stderr", () => {
  const src = `func.func @f(%a: i32) -> i32 {
  %c2 = arith.constant 2 : i32
  %c3 = arith.constant 3 : i32
  %s = arith.addi %c2, %c3 : i32
  %x = arith.addi %a, %s : i32
  %y = arith.addi %a, %s : i32
  %z = arith.muli %x, %y : i32
  return %z : i32
}`;
  const flags = opt(["-", "--canonicalize", "--cse"], src);
  const piped = opt(["-", "--pass-pipeline", "builtin.module(func.func(canonicalize, cse))", "--mlir-print-ir-after-all", "--mlir-print-ir-before=cse"], src);
  assert.equal(piped.status, 0, piped.stderr);
  assert.equal(piped.stdout, flags.stdout, "the pipeline does what the flags do");
  const oneDash = opt(["-", "-canonicalize", "-cse", "-mlir-print-ir-after=cse"], src);
  assert.equal(oneDash.stdout, flags.stdout, "mlir-opt's single-dash long options");
  assert.match(oneDash.stderr, /^\/\/ -----\/\/ IR Dump After CSE \(cse\) \/\/----- \/\/\n/, "MLIR's header: the pass's class, then its argument");
  assert.match(opt(["-", "-cx"], src).stderr, /unknown option '-cx'/);
  const dumps = piped.stderr.split(/^\/\/ -----\/\/ IR Dump (.*) \/\/----- \/\/$/m);
  assert.deepEqual(dumps.filter((_, i) => i % 2 === 1), ["After Canonicalizer (canonicalize)", "Before CSE (cse)", "After CSE (cse)"]);
  assert.equal((dumps[2].match(/arith\.addi/g) ?? []).length, 2, "after canonicalize, before cse: both adds");
  assert.equal(dumps[6].trim(), flags.stdout.trim(), "the last dump is the output");
  assert.equal(opt(["-", "--cse", "--mlir-print-ir-after", "canonicalize"], src).stderr, "", "no dump for a pass that did not run");
  const changed = opt(["-", "--cse", "--canonicalize", "--cse", "--mlir-print-ir-after-all", "--mlir-print-ir-after-change"], src).stderr;
  assert.deepEqual([...changed.matchAll(/IR Dump (.*) \/\/-----/g)].map((x) => x[1]), ["After CSE (cse)", "After Canonicalizer (canonicalize)"], "--mlir-print-ir-after-change: the second cse changes nothing (as mlir-opt-19's dumps)");

  const bad = opt(["-", "--pass-pipeline=builtin.module(func.func(bufferize))"], src);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr, "tensorlang-opt: --pass-pipeline:1:26: pass 'bufferize' runs on the whole module: it cannot be nested in 'func.func'\n" +
    "  builtin.module(func.func(bufferize))\n                           ^\n");
  assert.match(opt(["-", "--cse", "--pass-pipeline=builtin.module(cse)"], src).stderr, /cannot be used with individual pass options/);
  assert.match(opt(["-", "--mlir-print-ir-after=cse,nope"], src).stderr, /--mlir-print-ir-after: unknown pass 'nope'/);
});

test("--mlir-print-ir-after-failure dumps the IR a failing pass left (and no After dump); --mlir-disable-threading is accepted", () => {
  const src = `func.func @f(%a: !tensorlang.tensor<f32, 4>) -> !tensorlang.tensor<f32, 4> {
  %b = tensorlang.add %a, %a : !tensorlang.tensor<f32, 4>
  return %b : !tensorlang.tensor<f32, 4>
}`;
  const r = opt(["-", "--canonicalize", "--verify-linearity", "--mlir-print-ir-after-failure", "--mlir-print-ir-after=verify-linearity", "--mlir-disable-threading"], src);
  assert.equal(r.status, 1);
  // (the error first, as MLIR reports it while the pass runs; the dump after, with MLIR's two empty lines)
  const [error, dump] = r.stderr.split(/(?=\/\/ -----\/\/)/);
  assert.equal(dump, `// -----// IR Dump After VerifyLinearity Failed (verify-linearity) //----- //
module {
  func.func @f(%arg0: !tensorlang.tensor<f32, 4>) -> !tensorlang.tensor<f32, 4> {
    %0 = tensorlang.add %arg0, %arg0 : !tensorlang.tensor<f32, 4>
    return %0 : !tensorlang.tensor<f32, 4>
  }
}


`);
  assert.match(error, /^<stdin>:1:14: error: result with linear type must be used exactly once/);
  assert.equal(opt(["-", "--canonicalize", "--mlir-print-ir-after-failure"], src.replace(/tensorlang.add %a, %a/, "tensorlang.relu %a")).stderr, "", "nothing failed: no dump");
  const plain = opt(["-", "--canonicalize"], "func.func @g() {\n  return\n}");
  assert.equal(opt(["-", "--canonicalize", "--mlir-disable-threading"], "func.func @g() {\n  return\n}").stdout, plain.stdout);
});

test("--mlir-elide-elementsattrs-if-larger prints large dense and sparse elements as dense_resource<__elided__>, as mlir-opt-19 does (splats stay)", () => {
  const src = `func.func @f() -> tensor<4xf32> attributes {x = [dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>]} {
  %c = arith.constant dense<[1.0, 2.0, 3.0, 5.0]> : tensor<4xf32>
  %s = arith.constant dense<1.0> : tensor<8xf32>
  %t = arith.constant dense<[1, 2]> : tensor<2xi32>
  %p = arith.constant sparse<[[0], [2], [3]], [1.0, 2.0, 3.0]> : tensor<4xf32>
  return %c : tensor<4xf32>
}`;
  const r = opt(["-", "--mlir-elide-elementsattrs-if-larger=2"], src);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `module {
  func.func @f() -> tensor<4xf32> attributes {x = [dense_resource<__elided__> : tensor<4xf32>]} {
    %cst = arith.constant dense_resource<__elided__> : tensor<4xf32>
    %cst_0 = arith.constant dense<1.000000e+00> : tensor<8xf32>
    %cst_1 = arith.constant dense<[1, 2]> : tensor<2xi32>
    %cst_2 = arith.constant dense_resource<__elided__> : tensor<4xf32>
    return %cst : tensor<4xf32>
  }
}

`);
  assert.equal(opt(["-"], r.stdout).status, 0, "the elided text parses back");
  assert.match(opt(["-", "--mlir-elide-elementsattrs-if-larger=3"], src).stdout, /sparse<\[\[0\], \[2\], \[3\]\]/, "three indices and values: not more than 3");
  if (!mlirSkip()) for (const n of ["2", "3"]) assert.equal(opt(["-", `--mlir-elide-elementsattrs-if-larger=${n}`], src).stdout, mlirOpt([`--mlir-elide-elementsattrs-if-larger=${n}`], src).stdout);
  assert.match(opt(["-", "--mlir-elide-elementsattrs-if-larger=x"], src).stderr, /expects an integer >= 0, got 'x'/);
  // in the IR dumps too, which keep the values for the passes (cse still tells the two constants apart)
  const twice = `func.func @f() -> tensor<4xf32> {
  %c = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %d = arith.constant dense<[1.0, 2.0, 3.0, 5.0]> : tensor<4xf32>
  %e = arith.addf %c, %d : tensor<4xf32>
  return %e : tensor<4xf32>
}`, dumped = ["-", "--cse", "--mlir-print-ir-before=cse", "--mlir-print-ir-after-all", "--mlir-elide-elementsattrs-if-larger=2"];
  const d = opt(dumped, twice);
  assert.equal(d.status, 0, d.stderr);
  assert.equal((d.stderr.match(/dense_resource<__elided__>/g) ?? []).length, 4);
  assert.equal((d.stdout.match(/dense_resource<__elided__>/g) ?? []).length, 2);
  if (!mlirSkip()) {
    const m = mlirOpt(dumped.slice(1), twice);
    assert.deepEqual([d.stdout, d.stderr], [m.stdout, m.stderr], "the output and the dumps, byte for byte");
  }
});

test("--mlir-print-elementsattrs-with-hex-if-larger prints dense elements past n as their raw data in hex, as mlir-opt-19 does (-1: never; 100 by default)", () => {
  const src = `func.func @f() -> tensor<4xf32> attributes {a = dense<[true, false, true]> : tensor<3xi1>, b = dense<[1, 2, 3]> : tensor<3xi8>, s = sparse<[[0], [2], [3]], [1.0, 2.0, 3.0]> : tensor<4xf32>, i = dense<[1, 2, 3]> : tensor<3xi64>, h = dense<[1.0, 2.0, 3.0]> : tensor<3xf16>, sp = dense<7> : tensor<10xi32>} {
  %c = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  return %c : tensor<4xf32>
}`;
  const hex = (n: string) => opt(["-", `--mlir-print-elementsattrs-with-hex-if-larger=${n}`], src);
  const two = hex("2");
  assert.equal(two.status, 0, two.stderr);
  // (i1 packs eight to a byte; a sparse attribute's values go in hex, its indices do not; a splat stays one value)
  for (const part of ['a = dense<"0x05"> : tensor<3xi1>', 'b = dense<"0x010203"> : tensor<3xi8>', 'h = dense<"0x003C00400042"> : tensor<3xf16>',
    's = sparse<[[0], [2], [3]], "0x0000803F0000004000004040">', "sp = dense<7> : tensor<10xi32>", 'arith.constant dense<"0x0000803F000000400000404000008040"> : tensor<4xf32>'])
    assert.ok(two.stdout.includes(part), part);
  assert.equal(opt(["-"], two.stdout).stdout, opt(["-"], src).stdout, "the hex parses back to the same elements");
  assert.doesNotMatch(hex("4").stdout, /"0x/);
  const values = Array.from({ length: 101 }, (_, i) => i).join(", "), big = `func.func @g() -> tensor<101xi32> {\n  %c = arith.constant dense<[${values}]> : tensor<101xi32>\n  return %c : tensor<101xi32>\n}`;
  assert.match(opt(["-"], big).stdout, /dense<"0x00000000010000/, "past 100 elements by default");
  assert.ok(opt(["-", "--mlir-print-elementsattrs-with-hex-if-larger=-1"], big).stdout.includes(`dense<[${values}]>`));
  if (!mlirSkip()) for (const n of ["-1", "0", "2", "3"]) assert.equal(hex(n).stdout, mlirOpt([`--mlir-print-elementsattrs-with-hex-if-larger=${n}`], src).stdout, n);
  assert.match(hex("-2").stderr, /expects an integer >= -1, got '-2'/);
});

test("--mlir-print-skip-regions prints every region as {...}, in both forms, as mlir-opt-19 does", () => {
  const src = "#m = affine_map<(d0) -> (d0 + 1)>\nfunc.func @f(%i: index) -> index {\n  %j = affine.apply #m(%i)\n  return %j : index\n}";
  for (const generic of [[], ["--mlir-print-op-generic"]]) {
    const r = opt(["-", "--mlir-print-skip-regions", ...generic], src);
    assert.equal(r.stdout, generic.length ? '"builtin.module"() ({...}) : () -> ()\n\n' : "module {...}\n\n", r.stderr);
    if (!mlirSkip()) assert.equal(r.stdout, mlirOpt(["--mlir-print-skip-regions", ...generic], src).stdout);
  }
});

test("--mlir-print-value-users comments each value's users, ops without results numbered among the values, as mlir-opt-19 does", () => {
  const src = `func.func @f(%a: f32, %b: i1) -> (f32, f32) {
  %x = arith.addf %a, %a : f32
  %y = arith.mulf %x, %a : f32
  %z = arith.subf %x, %y : f32
  %u = arith.negf %z : f32
  %w:2 = scf.if %b -> (f32, f32) {
    scf.yield %x, %z : f32, f32
  } else {
    scf.yield %z, %x : f32, f32
  }
  cf.assert %b, "m"
  return %w#0, %x : f32, f32
}`;
  const r = opt(["-", "--mlir-print-value-users"], src);
  assert.equal(r.status, 0, r.stderr);
  // (latest use first; an op once however often it uses the value; sibling regions reuse numbers)
  for (const line of ["// %arg0 is used by %2, %1", "%1 = arith.addf %arg0, %arg0 : f32 // users: %7, %8, %8, %3, %2", "// %arg1 is used by %6, %5#0, %5#1",
    "%4 = arith.negf %3 : f32 // unused", "scf.yield %1, %3 : f32, f32 // id: %8", "} // users: (%7), (unused)", 'cf.assert %arg1, "m" // id: %6'])
    assert.ok(r.stdout.includes(line), `${line}\n${r.stdout}`);
  if (!mlirSkip()) for (const more of [[], ["--mlir-print-op-generic"], ["--mlir-print-unique-ssa-ids"]])
    assert.equal(opt(["-", "--mlir-print-value-users", ...more], src).stdout, mlirOpt(["--mlir-print-value-users", ...more], src).stdout, more.join(" "));
});

test("--mlir-print-unique-ssa-ids numbers across functions and regions (a named linalg op's hidden body too), as mlir-opt-19 does", () => {
  const src = `func.func @f(%a: i32) -> i32 {
  %c = arith.constant 1 : i32
  %s = arith.addi %a, %c : i32
  return %s : i32
}
func.func @g(%x: tensor<2x2xf32>, %y: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %m = linalg.matmul ins(%x, %y : tensor<2x2xf32>, tensor<2x2xf32>) outs(%y : tensor<2x2xf32>) -> tensor<2x2xf32>
  %r = scf.execute_region -> tensor<2x2xf32> {
    scf.yield %m : tensor<2x2xf32>
  }
  return %r : tensor<2x2xf32>
}`;
  const r = opt(["-", "--mlir-print-unique-ssa-ids"], src);
  assert.equal(r.status, 0, r.stderr);
  // (regions are numbered last first, as MLIR: @g takes %arg0 and %arg1, the matmul's hidden body %arg2 to %arg4, then @f)
  assert.equal(r.stdout, `module {
  func.func @f(%arg5: i32) -> i32 {
    %c1_i32 = arith.constant 1 : i32
    %4 = arith.addi %arg5, %c1_i32 : i32
    return %4 : i32
  }
  func.func @g(%arg0: tensor<2x2xf32>, %arg1: tensor<2x2xf32>) -> tensor<2x2xf32> {
    %0 = linalg.matmul ins(%arg0, %arg1 : tensor<2x2xf32>, tensor<2x2xf32>) outs(%arg1 : tensor<2x2xf32>) -> tensor<2x2xf32>
    %1 = scf.execute_region -> tensor<2x2xf32> {
      scf.yield %0 : tensor<2x2xf32>
    }
    return %1 : tensor<2x2xf32>
  }
}

`);
  if (!mlirSkip()) for (const f of [src, readFileSync(join(repoRoot(), "examples/collatz.mlir"), "utf8"), readFileSync(join(repoRoot(), "test/dialects/linalg/ops.mlir"), "utf8")]) {
    assert.equal(opt(["-", "--mlir-print-unique-ssa-ids"], f).stdout, mlirOpt(["--mlir-print-unique-ssa-ids"], f).stdout);
  }
});

test("a pass's options on its flag (--inline='max-iterations=1 default-pipeline='), read from the one argument: the next one is still the input", () => {
  const file = join(dir, "calls.mlir");
  writeFileSync(file, `func.func private @add(%a: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %r = arith.addi %a, %c0 : i32
  return %r : i32
}
func.func @main(%x: i32) -> i32 {
  %y = call @add(%x) : (i32) -> i32
  return %y : i32
}`);
  const folded = opt(["--inline", file]), unfolded = opt(["--inline=default-pipeline= max-iterations=1", file]);
  assert.equal(folded.status, 0, folded.stderr);
  assert.match(folded.stdout, /func\.func @main\(%arg0: i32\) -> i32 \{\n    return %arg0 : i32/, "canonicalized between rounds");
  assert.match(unfolded.stdout, /%0 = arith\.addi %arg0, %c0_i32 : i32/, "no canonicalize: the add of 0 stays");
  assert.equal(opt(["-inline=max-iterations=1", file]).stdout, opt(["--inline=max-iterations=1", file]).stdout, "one dash too");
  const bad = opt(["--inline=max-iterations=x", file]);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr, "tensorlang-opt: --inline: option 'max-iterations' of pass 'inline' expects an unsigned integer, not 'x'\n");
  assert.match(opt(["--inline=depth=2", file]).stderr, /pass 'inline' has no option 'depth' \(it takes max-iterations, default-pipeline\)/);
  assert.match(opt(["--inline=default-pipeline=cse", file]).stderr, /--inline: inline's default-pipeline may be canonicalize or empty here, not 'cse'/);
});

test("--allow-unregistered-dialect keeps ops of unknown dialects, which passes leave alone; without it they are errors", () => {
  const src = `func.func @f(%a: i32) -> i32 {
  %u:2 = "test.two"(%a) : (i32) -> (i32, f32)
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 1 : i32
  %s = arith.addi %c1, %c2 : i32
  "test.wrap"() ({
    "test.sink"(%s) : (i32) -> ()
  }) : () -> ()
  return %a : i32
}`;
  const no = opt(["-"], src);
  assert.equal(no.status, 1);
  assert.match(no.stderr, /<stdin>:2:10: error: operation being parsed with an unregistered dialect/);
  const r = opt(["-", "--allow-unregistered-dialect", "--canonicalize", "--cse"], src);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `module {
  func.func @f(%arg0: i32) -> i32 {
    %c2_i32 = arith.constant 2 : i32
    %0:2 = "test.two"(%arg0) : (i32) -> (i32, f32)
    "test.wrap"() ({
      "test.sink"(%c2_i32) : (i32) -> ()
    }) : () -> ()
    return %arg0 : i32
  }
}

`, "an unknown op may have effects: its unused results and regions stay; what it uses is still folded (to the front, as mlir-opt-19)");
  // An unknown op may end a block (it may be a terminator), and an empty entry block keeps its label.
  const term = opt(["-", "--allow-unregistered-dialect", "--mlir-print-op-generic"], `func.func @g() {
  "test.return"() : () -> ()
}
"test.empty"() ({
^bb0:
}) : () -> ()`);
  assert.equal(term.status, 0, term.stderr);
  assert.match(term.stdout, /"test\.return"\(\) : \(\) -> \(\)\n  \}\) : \(\) -> \(\)/);
  assert.match(term.stdout, /"test\.empty"\(\) \(\{\n  \^bb0:\n  \}\) : \(\) -> \(\)/);  // A dialect TensorLang registers allows no unknown ops, with the flag too (mlir-opt-19 alike).
  const typo = opt(["-", "--allow-unregistered-dialect"], `func.func @h(%a: f32) -> f32 {\n  %b = "arith.mulff"(%a, %a) : (f32, f32) -> f32\n  return %b : f32\n}`);
  assert.equal(typo.status, 1);
  assert.match(typo.stderr, /<stdin>:2:8: error: unregistered operation 'arith.mulff' found in dialect \('arith'\) that does not allow unknown operations \(did you mean 'arith.mulf'\?\)/);
});

test("--mlir-print-local-scope ends each chunk without mlir-opt's blank line, as mlir-opt-19 does (its output, pinned)", () => {
  const r = opt(["-", "--split-input-file", "--mlir-print-local-scope"], "func.func @f() {\n  return\n}\n// -----\nfunc.func @g() {\n  return\n}\n");
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, "module {\n  func.func @f() {\n    return\n  }\n}\n// -----\nmodule {\n  func.func @g() {\n    return\n  }\n}\n");
});
