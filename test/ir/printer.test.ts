// Value and block names as MLIR 19 prints them (custom form): a region's own values first, then
// each nested region from the counters its parent region ended with, so sibling regions reuse
// numbers and a body an op does not print (a named linalg op's) takes none from the code after
// it; blocks count from ^bb0 in every region; non-entry block arguments are plain %N; constants
// and linalg bodies name theirs (%c0, %c7_i32, %true, %cst, %in, %out), unique per region. The
// generic form numbers values across the module, and prints the default flags MLIR's ops hold.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { mlirOpt, mlirSkip } from "../support/mlir.js";

const ctx = createContext();
const print = (text: string) => printModule(parseModule(text, "p.mlir", ctx), ctx);

const NESTED = `func.func @f(%a: i32, %b: i32, %n: index, %c: i1) -> i32 {
  %s = arith.addi %a, %b : i32
  %r = scf.if %c -> (i32) {
    %x = arith.muli %s, %a : i32
    %y = arith.addi %x, %b : i32
    scf.yield %y : i32
  } else {
    %z = arith.subi %s, %b : i32
    scf.yield %z : i32
  }
  %t = scf.for %i = %n to %n step %n iter_args(%acc = %r) -> (i32) {
    %u = arith.xori %acc, %a : i32
    %w = scf.if %c -> (i32) {
      %v = arith.ori %u, %b : i32
      scf.yield %v : i32
    } else {
      scf.yield %u : i32
    }
    scf.yield %w : i32
  }
  %m = arith.maxsi %t, %s : i32
  return %m : i32
}`;

test("nested regions are numbered after their parent region, siblings from the same counters", () => {
  assert.equal(print(NESTED), `module {
  func.func @f(%arg0: i32, %arg1: i32, %arg2: index, %arg3: i1) -> i32 {
    %0 = arith.addi %arg0, %arg1 : i32
    %1 = scf.if %arg3 -> (i32) {
      %4 = arith.muli %0, %arg0 : i32
      %5 = arith.addi %4, %arg1 : i32
      scf.yield %5 : i32
    } else {
      %4 = arith.subi %0, %arg1 : i32
      scf.yield %4 : i32
    }
    %2 = scf.for %arg4 = %arg2 to %arg2 step %arg2 iter_args(%arg5 = %1) -> (i32) {
      %4 = arith.xori %arg5, %arg0 : i32
      %5 = scf.if %arg3 -> (i32) {
        %6 = arith.ori %4, %arg1 : i32
        scf.yield %6 : i32
      } else {
        scf.yield %4 : i32
      }
      scf.yield %5 : i32
    }
    %3 = arith.maxsi %2, %0 : i32
    return %3 : i32
  }
}
`);
});

test("a named linalg op's hidden body takes no numbers from what follows; blocks count from ^bb0 per region; later block arguments are %N", () => {
  const out = print(`func.func @f(%a: memref<4x4xf32>, %x: f32) {
  linalg.fill ins(%x : f32) outs(%a : memref<4x4xf32>)
  %e = arith.addf %x, %x : f32
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a : memref<4x4xf32>) {
  ^bb0(%o: f32):
    %m = arith.mulf %o, %e : f32
    linalg.yield %m : f32
  }
  %r = "test.region"() ({
  ^bb0(%p: f32):
    "test.br"(%p) [^bb1] : (f32) -> ()
  ^bb1(%q: f32):
    "test.ret"(%q) : (f32) -> ()
  }) : () -> f32
  return
}`);
  assert.match(out, /%0 = arith\.addf %arg1, %arg1 : f32\n/);
  assert.match(out, /\^bb0\(%out: f32\):\n\s+%2 = arith\.mulf %out, %0 : f32/);
  assert.match(out, /%1 = "test\.region"\(\) \(\{\n\s+\^bb0\(%arg2: f32\):\n\s+"test\.br"\(%arg2\)\[\^bb1\]/);
  assert.match(out, /\^bb1\(%2: f32\):  \/\/ pred: \^bb0\n\s+"test\.ret"\(%2\)/);
});

// Constants named and made unique in nested and sibling regions, linalg bodies, a multi-result op.
const NAMED = `func.func @g(%m: memref<8xf32>, %t: tensor<8xf32>, %c: i1) -> (i32, tensor<8xf32>) {
  %z = arith.constant 0 : index
  %z2 = arith.constant 0 : index
  %seven = arith.constant 7 : i32
  %neg = arith.constant -1 : i64
  %yes = arith.constant true
  %f = arith.constant 2.5 : f32
  %v = arith.constant dense<1.0> : vector<4xf32>
  %r = scf.if %c -> (i32) {
    %a = arith.constant 7 : i32
    %f2 = arith.constant 1.0 : f32
    scf.yield %a : i32
  } else {
    %b = arith.constant 7 : i32
    scf.yield %b : i32
  }
  %o = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%t, %t : tensor<8xf32>, tensor<8xf32>) outs(%t : tensor<8xf32>) {
  ^bb0(%x: f32, %y: f32, %w: f32):
    %s = arith.addf %x, %y : f32
    %s2 = arith.mulf %s, %f : f32
    linalg.yield %s2 : f32
  } -> tensor<8xf32>
  memref.store %f, %m[%z2] : memref<8xf32>
  return %r, %o : i32, tensor<8xf32>
}`;

test("constants and linalg bodies are named, unique among the names a region sees", () => {
  const out = print(NAMED);
  for (const line of ["%c0 = arith.constant 0 : index", "%c0_0 = arith.constant 0 : index", "%c7_i32 = arith.constant 7 : i32",
    "%c-1_i64 = arith.constant -1 : i64", "%true = arith.constant true", "%cst = arith.constant 2.500000e+00 : f32",
    "%cst_1 = arith.constant dense<1.000000e+00> : vector<4xf32>", "%c7_i32_2 = arith.constant 7 : i32", "%cst_3 = arith.constant 1.000000e+00 : f32",
    "^bb0(%in: f32, %in_2: f32, %out: f32):", "%2 = arith.addf %in, %in_2 : f32", "memref.store %cst, %arg0[%c0_0] : memref<8xf32>"]) {
    assert.ok(out.includes(line), `missing '${line}' in:\n${out}`);
  }
  assert.match(out, /} else \{\n\s+%c7_i32_2 = arith\.constant 7 : i32/, "sibling regions draw from the same counters");
  assert.doesNotMatch(printModule(parseModule(out, "p.mlir", ctx), ctx, { generic: true }), /%c0|%cst|%in/, "the generic form numbers everything");
});

test("mlir-opt-19 names the values of both programs exactly so", { skip: mlirSkip() }, () => {
  for (const text of [NESTED, NAMED]) {
    const r = mlirOpt([], text);
    assert.equal(r.code, 0, r.stderr);
    // mlir-opt prints affine maps through #map aliases: inline them to compare.
    const aliases = new Map([...r.stdout.matchAll(/^(#map\d*) = (affine_map<.*>)$/gm)].map((m) => [m[1], m[2]]));
    const theirs = r.stdout.replace(/^#map\d* = .*\n/gm, "").replace(/#map\d*/g, (a) => aliases.get(a) ?? a).trimEnd() + "\n";
    assert.equal(theirs, print(text));
  }
});

test("the generic form is mlir-opt-19's: values numbered across the module, the last region first; #map aliases in MLIR's alias walk order; default flags", () => {
  const text = `func.func @f(%m: memref<8xf32>, %n: index) {
  affine.for %i = 0 to 8 {
    %v = affine.load %m[%i + 1] : memref<8xf32>
    affine.for %j = affine_map<(d0) -> (d0)>(%i) to 8 {
      %w = arith.addf %v, %v : f32
    }
  }
  scf.for %k = %n to %n step %n {
  }
  return
}
func.func @g(%a: i32) -> i32 {
  %b = arith.addi %a, %a : i32
  return %b : i32
}`;
  // As mlir-opt-19 --mlir-print-op-generic prints it: @g is numbered before @f, scf.for's body
  // before affine.for's; an op's maps are met after its regions' (the outer loop's bounds last).
  assert.equal(printModule(parseModule(text, "g.mlir", ctx), ctx, { generic: true, aliases: true }), `#map = affine_map<(d0) -> (d0 + 1)>
#map1 = affine_map<(d0) -> (d0)>
#map2 = affine_map<() -> (8)>
#map3 = affine_map<() -> (0)>
"builtin.module"() ({
  "func.func"() <{function_type = (memref<8xf32>, index) -> (), sym_name = "f"}> ({
  ^bb0(%arg1: memref<8xf32>, %arg2: index):
    "affine.for"() <{lowerBoundMap = #map3, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = #map2}> ({
    ^bb0(%arg4: index):
      %1 = "affine.load"(%arg1, %arg4) <{map = #map}> : (memref<8xf32>, index) -> f32
      "affine.for"(%arg4) <{lowerBoundMap = #map1, operandSegmentSizes = array<i32: 1, 0, 0>, step = 1 : index, upperBoundMap = #map2}> ({
      ^bb0(%arg5: index):
        %2 = "arith.addf"(%1, %1) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
        "affine.yield"() : () -> ()
      }) : (index) -> ()
      "affine.yield"() : () -> ()
    }) : () -> ()
    "scf.for"(%arg2, %arg2, %arg2) ({
    ^bb0(%arg3: index):
      "scf.yield"() : () -> ()
    }) : (index, index, index) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
  "func.func"() <{function_type = (i32) -> i32, sym_name = "g"}> ({
  ^bb0(%arg0: i32):
    %0 = "arith.addi"(%arg0, %arg0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    "func.return"(%0) : (i32) -> ()
  }) : () -> ()
}) : () -> ()
`);
});

test("custom forms leave default flags out, as mlir-opt-19 does, but a linalg short form shows those its payload holds", () => {
  const out = print(`func.func @f(%a: f32, %t: tensor<4xi32>, %u: tensor<4xf32>) -> (i1, i1, f32, tensor<4xi32>, tensor<4xf32>) {
  %0 = arith.cmpf oeq, %a, %a fastmath<fast> : f32
  %1 = arith.cmpf oeq, %a, %a fastmath<none> : f32
  %2 = arith.addf %a, %a fastmath<none> : f32
  %m = linalg.map { arith.addi } ins(%t, %t : tensor<4xi32>, tensor<4xi32>) outs(%t : tensor<4xi32>)
  %n = linalg.map { arith.mulf } ins(%u, %u : tensor<4xf32>, tensor<4xf32>) outs(%u : tensor<4xf32>)
  return %0, %1, %2, %m, %n : i1, i1, f32, tensor<4xi32>, tensor<4xf32>
}`);
  for (const line of ["%0 = arith.cmpf oeq, %arg0, %arg0 fastmath<fast> : f32", "%1 = arith.cmpf oeq, %arg0, %arg0 : f32", "%2 = arith.addf %arg0, %arg0 : f32",
    "%mapped = linalg.map { arith.addi {overflowFlags = #arith.overflow<none>} } ins(%arg1, %arg1 : tensor<4xi32>, tensor<4xi32>) outs(%arg1 : tensor<4xi32>)",
    "%mapped_0 = linalg.map { arith.mulf } ins(%arg2, %arg2 : tensor<4xf32>, tensor<4xf32>) outs(%arg2 : tensor<4xf32>)"]) {
    assert.ok(out.includes(line), `missing '${line}' in:\n${out}`);
  }
});

test("an op written generically without operandSegmentSizes holds MLIR's default, no operand in any group, and prints it", () => {
  const m = parseModule(`func.func @f(%n: index) {
  %0 = "memref.alloc"() <{}> : () -> memref<4xf32>
  "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, step = 1 : index, upperBoundMap = affine_map<() -> (4)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  %1 = "memref.alloc"(%n) : (index) -> memref<?xf32>
  return
}`, "s.mlir", ctx);
  const out = printModule(m, ctx, { generic: true });
  assert.match(out, /"memref\.alloc"\(\) <\{operandSegmentSizes = array<i32: 0, 0>\}>/);
  assert.match(out, /"affine\.for"\(\) <\{lowerBoundMap = .*operandSegmentSizes = array<i32: 0, 0, 0>/);
  // (mlir-opt-19's words for the one with an operand)
  assert.deepEqual(verifyModule(m, ctx).map((d) => `${d.loc?.line}: ${d.message}`),
    ["7: 'memref.alloc' op operand count (1) does not match with the total size (0) specified in attribute 'operandSegmentSizes'"]);
});

test("a default-valued property the generic form leaves out is held and printed, as MLIR's op holds it: vector.outerproduct's and vector.contract's kind", () => {
  const m = parseModule(`func.func @f(%a: vector<4xf32>, %b: vector<4x4xf32>, %c: f32) -> (vector<4x4xf32>, f32) {
  %0 = "vector.outerproduct"(%a, %a, %b) <{}> : (vector<4xf32>, vector<4xf32>, vector<4x4xf32>) -> vector<4x4xf32>
  %1 = "vector.contract"(%a, %a, %c) <{indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> ()>], iterator_types = [#vector.iterator_type<reduction>]}> : (vector<4xf32>, vector<4xf32>, f32) -> f32
  return %0, %1 : vector<4x4xf32>, f32
}`, "k.mlir", ctx);
  assert.deepEqual(verifyModule(m, ctx), []);
  const out = printModule(m, ctx);
  // (as mlir-opt-19 prints them)
  assert.match(out, /vector\.outerproduct %arg0, %arg0, %arg1 \{kind = #vector\.kind<add>\} : vector<4xf32>, vector<4xf32>/);
  assert.match(out, /vector\.contract \{indexing_maps = \[.*\], iterator_types = \["reduction"\], kind = #vector\.kind<add>\} %arg0/);
});

test("llvm.func and llvm.mlir.global hold what MLIR's parsers give them: unnamed_addr none from the custom form, addr_space 0 and vector.print's newline from a generic form without them; the generic form prints them as mlir-opt-19 does", () => {
  const m = parseModule(`llvm.func @printf(!llvm.ptr, ...) -> i32
llvm.mlir.global internal constant @s("hi\\00")
"llvm.mlir.global"() <{constant, global_type = !llvm.array<3 x i8>, linkage = #llvm.linkage<internal>, sym_name = "t", value = "hi\\00"}> ({
}) : () -> ()
func.func @p(%x: i64) {
  "vector.print"(%x) : (i64) -> ()
  return
}`, "u.mlir", ctx);
  assert.deepEqual(verifyModule(m, ctx), []);
  const generic = printModule(m, ctx, { generic: true });
  assert.match(generic, /sym_name = "printf", unnamed_addr = 0 : i64, visibility_ = 0 : i64\}>/);
  assert.match(generic, /sym_name = "s", unnamed_addr = 0 : i64, value/);
  assert.match(generic, /<\{addr_space = 0 : i32, constant, global_type = !llvm\.array<3 x i8>, linkage = #llvm\.linkage<internal>, sym_name = "t", value/);
  assert.match(generic, /"vector\.print"\(%arg0\) <\{punctuation = #vector\.punctuation<newline>\}>/);
  // the custom form leaves unnamed_addr none out, and shows the global's addr_space, as mlir-opt-19
  const custom = printModule(m, ctx);
  assert.match(custom, /llvm\.func @printf\(!llvm\.ptr, \.\.\.\) -> i32\n/);
  assert.match(custom, /llvm\.mlir\.global internal constant @t\("hi\\00"\) \{addr_space = 0 : i32\}/);
});

test("a function under a module that itself defines values numbers on from the module's count, as MLIR's SSANameState (else the text redefines %0 for mlir-opt-19)", () => {
  const m = parseModule(`"builtin.module"() ({
  %0 = "llvm.mlir.undef"() : () -> i32
  "func.func"() <{function_type = (i32) -> i32, sym_name = "f"}> ({
  ^bb0(%a: i32):
    %1 = "arith.addi"(%a, %a) : (i32, i32) -> i32
    "func.return"(%1) : (i32) -> ()
  }) : () -> ()
}) : () -> ()`, "g.mlir", ctx);
  // (mlir-opt-19's output for the same input)
  assert.equal(printModule(m, ctx), `module {
  %0 = llvm.mlir.undef : i32
  func.func @f(%arg0: i32) -> i32 {
    %1 = arith.addi %arg0, %arg0 : i32
    return %1 : i32
  }
}
`);
});
