// Where parse errors are reported, to the column (which --verify-diagnostics cannot check): a
// missing or wrong token is reported as MLIR's emitWrongTokenError does, just after what comes
// before it (back over spaces, line ends and the `//` comments of the lines above; at the end of
// the text one character back). Each expectation is mlir-opt-19's output for the same text.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { mlirOpt, mlirSkip } from "../support/mlir.js";

const CASES: Array<[string, string]> = [
  // the `:` is expected after the op on line 2, not at `return` three lines down
  ['func.func @f() {\n  %0 = "arith.constant"() <{value = 1 : i32}>   // trailing comment\n  // a comment line\n\n  return\n}\n',
    "2:46: error: expected ':' followed by operation type"],
  ["func.func @f(%cond: i1) {\n  cf.cond_br %cond weights([100]), ^bb1, ^bb2\n^bb1:\n  return\n^bb2:\n  return\n}\n", "2:19: error: expected ','"],
  ["func.func @f(%c: i1) {\n  cf.cond_br %c,   i32\n}\n", "2:17: error: expected block name"],
  ['func.func @f() {\n  %0,   = "arith.constant"() <{value = 1 : i32}> : () -> i32\n}\n', "2:6: error: expected valid ssa identifier"],
  ['func.func @f(%a: i32) {\n  %z = "arith.addi"(%a, %a) : (   ppop32) -> i32\n}\n', "2:32: error: expected non-function type"],
  // a name no function defines is reported once the file is read, after a later parse error
  ["func.func @f() -> i32 {\n  return %x : i32\n}\nfunc.func @g() {\n  %0 = arith.constant 1 : i32 i32\n  return\n}\n", "5:30: error: expected operation name in quotes"],
  // and after a block the region never defines
  ["func.func @f(%c: i1) -> index {\n  cf.cond_br %c, ^head, ^exit\n^exit:\n  return %i : index\n}\n", "2:18: error: reference to an undefined block"],
  // at the end: one character back (the line end, or the last character)
  ["func.func @n(){^b(\n", "1:19: error: expected SSA operand"],
  ["func.func @n(){^b(", "1:18: error: expected SSA operand"],
  ["!missing_type_alias = \n\n", "1:22: error: expected non-function type"],
  // nothing before: at the token
  ["@foo\n", "1:1: error: expected operation name in quotes"],
  // MLIR's plain emitError: at the next token, at the end one character back
  ["#a = dense<[4]> : i32\n", "1:22: error: elements literal must be a shaped type"],
  ["func.func @f(memref<2x4xi8, #map7>)\n", "1:34: error: undefined symbol alias id 'map7'"],
  ["#a = [1, 2 3]\n", "1:11: error: expected ',' or ']'"],
  ["#m = affine_map<(i, j) [s0, s1] -> (i, i*2 ceildiv j*5)>\n", "1:53: error: non-affine expression: right operand of ceildiv has to be either a constant or symbolic"],
  ['func.func @f() {\n  return loc(callsite("a" "b":1:1))\n}\n', "2:26: error: expected 'at' in callsite location"],
  // dialect parsers: a bad flag where the list starts, a wrong type kind at the colon, prefetch's specifiers at the op
  ["func.func @f(%a: f32) {\n  %0 = arith.addf %a, %a fastmath<nsw> : f32\n  return\n}\n",
    "2:35: error: custom op 'arith.addf' expected ::mlir::arith::FastMathFlags to be one of: none, reassoc, nnan, ninf, nsz, arcp, contract, afn, fast"],
  ["func.func @f(%a: i32) {\n  %0 = arith.addi %a, %a overflow<nsw, ninf> : i32\n  return\n}\n",
    "2:35: error: custom op 'arith.addi' expected ::mlir::arith::IntegerOverflowFlags to be one of: none, nsw, nuw"],
  ["func.func @f(%a: f32) {\n  %0 = math.sqrt %a fastmath<bad> : f32\n  return\n}\n",
    "2:30: error: custom op 'math.sqrt' expected ::mlir::arith::FastMathFlags to be one of: none, reassoc, nnan, ninf, nsz, arcp, contract, afn, fast"],
  ["func.func @f(%A: tensor<10xf32>, %i: index) {\n  %v = affine.load %A[%i] : tensor<10xf32>\n  return\n}\n", "2:27: error: custom op 'affine.load' invalid kind of type specified"],
  ["func.func @f(%m: memref<10xf32>, %i: index) {\n  memref.prefetch %m[%i], rw, locality<0>, data : memref<10xf32>\n  return\n}\n",
    "2:3: error: custom op 'memref.prefetch' rw specifier has to be 'read' or 'write'"],
  ["func.func @f(%m: memref<10xf32>, %i: index) {\n  memref.prefetch %m[%i], read, locality<0>, dat : memref<10xf32>\n  return\n}\n",
    "2:3: error: custom op 'memref.prefetch' cache type has to be 'data' or 'instr'"],
  ["func.func @f(%a: f32) {\n  %0 = tensor.from_elements %a, %a : tensor<3xf32>\n  return\n}\n", "2:29: error: custom op 'tensor.from_elements' 2 operands present, but expected 3"],
  ["func.func private @c(!llvm.foo<4 x f32>)\n", "1:28: error: unknown LLVM type: foo"],
  // a bad escape, at the backslash, in a dictionary key, a quoted symbol and a location's file name (no crash: syntax fuzzing)
  ['func.func private @f() attributes {"a\\q" = 1}\n', "1:38: error: unknown escape in string literal"],
  ['func.func private @f() attributes {a = @"b\\q"}\n', "1:43: error: unknown escape in string literal"],
  ['func.func @f() {\n  return loc("a\\q":1:2)\n}\n', "2:16: error: unknown escape in string literal"],
  // an identifier after % ^ # ! that starts with a digit is digits only (syntax fuzzing: `%1v0` was one name)
  ['%1v0 = "x.y"() : () -> i32\n', "1:3: error: expected '=' after SSA name"],
  ["#1a = 1 : i32\n", "1:3: error: expected '=' in attribute alias definition"],
  // a dialect name of letters, digits, `_` and `$` only (mutation fuzzing: `#...oo<"y">` was kept)
  ['func.func private @f() attributes {a = #...oo<"y">}\n', "1:42: error: invalid dialect namespace '\"\"'"],
  ["func.func private @f() attributes {a = #a-b<1>}\n", "1:40: error: invalid dialect namespace '\"a-b\"'"],
  ["func.func private @f(!a-b.c)\n", "1:27: error: invalid dialect namespace '\"a-b\"'"],
];

const ctx = createContext();
const firstError = (text: string): string => {
  try { parseModule(text, "e.mlir", ctx); } catch (e) { return (e as Error).message.split("\n")[0].replace(/^e\.mlir:/, ""); }
  return "no error";
};

test("a missing token is reported where MLIR reports it, to the column", () => {
  for (const [text, want] of CASES) assert.equal(firstError(text), want, text);
});

test("mlir-opt-19 reports the same places", { skip: mlirSkip() }, () => {
  for (const [text, want] of CASES) {
    const r = mlirOpt([], text);
    assert.equal(r.stderr.split("\n")[0].replace(/^[^:]*:/, ""), want, text);
  }
});
