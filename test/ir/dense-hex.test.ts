// `dense<"0x...">`: MLIR's raw element data. It parses with MLIR's size rules (i1 packed by the
// bit, one element's bytes a splat) and errors, and more than 100 elements print that way, as
// mlir-opt-19 prints them (test/with-mlir/dense-hex.test.ts compares the two).
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { DenseElementsAttr, type TypeAttr } from "../../src/ir/attributes.js";
import { DiagnosticError } from "../../src/ir/diagnostics.js";
import { decodeElements, encodeElements, storageBytes } from "../../src/ir/element-bytes.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { Rng } from "../../src/optimizer/random.js";
import { TensorType, type Type } from "../../src/ir/types.js";

const ctx = createContext();
const loose = createContext();
loose.allowUnregistered = true;
const attrText = (a: string) => `"test.op"() {v = ${a}} : () -> ()`;
const parseAttr = (a: string): DenseElementsAttr => {
  const m = parseModule(attrText(a), "t.mlir", loose);
  return m.body.ops[0].attr<DenseElementsAttr>("v")!;
};
const errorOf = (a: string): string => {
  try { parseAttr(a); } catch (e) { if (e instanceof DiagnosticError) return e.diagnostics.map((d) => `${d.loc?.line}:${d.loc?.col}: ${d.message}`).join("\n"); throw e; }
  assert.fail(`accepted ${a}`);
};

test("hex data: i1 packed by the bit, a lone 0x00/0xFF byte or one element's bytes is a splat", () => {
  assert.deepEqual(parseAttr('dense<"0x05"> : tensor<3xi1>').values, [1, 0, 1]);
  assert.deepEqual(parseAttr('dense<"0x4902"> : tensor<10xi1>').values, [1, 0, 0, 1, 0, 0, 1, 0, 0, 1]);
  const splat = parseAttr('dense<"0xFF"> : tensor<5xi1>');
  assert.equal(splat.isSplat, true);
  assert.deepEqual([0, 4].map((i) => splat.at(i)), [1, 1]);
  const i32 = parseAttr('dense<"0x07000000"> : tensor<3xi32>');
  assert.equal(i32.isSplat, true);
  assert.deepEqual([0, 1, 2].map((i) => i32.at(i)), [7, 7, 7]);
  assert.deepEqual(parseAttr('dense<"0x0100000002000000FFFFFFFF"> : tensor<3xi32>').values, [1, 2, -1]);
  // index is a number, as from a decimal literal; i64 a bigint; i3 takes a byte and keeps 3 bits
  assert.deepEqual(parseAttr('dense<"0x0500000000000000FEFFFFFFFFFFFFFF"> : tensor<2xindex>').values, [5, -2]);
  assert.deepEqual(parseAttr('dense<"0x0500000000000000FEFFFFFFFFFFFFFF"> : tensor<2xi64>').values, [5n, -2n]);
  assert.deepEqual(parseAttr('dense<"0x0307"> : tensor<2xi3>').values, [3, -1]);
  assert.deepEqual(parseAttr('dense<"0xFFFF0100"> : tensor<2xui16>').values, [65535n, 1n]);
  assert.deepEqual(parseAttr('dense<"0x0000803F000000C0"> : tensor<2xf32>').values, [1, -2]);
  assert.deepEqual(parseAttr('dense<"0x"> : tensor<0xi8>').values, []);
});

test("hex data: MLIR's errors, at MLIR's locations; never a crash", () => {
  assert.equal(errorOf('dense<"0x0100000002000000"> : tensor<3xi32>'), "1:46: elements hex data size is invalid for provided type: 'tensor<3xi32>'");
  assert.equal(errorOf('dense<"0x0100"> : tensor<2xi1>'), "1:34: elements hex data size is invalid for provided type: 'tensor<2xi1>'");
  assert.equal(errorOf('dense<"0x"> : tensor<2xi8>'), "1:30: elements hex data size is invalid for provided type: 'tensor<2xi8>'");
  for (const bad of ['"0xZZ"', '"0x123"', '"12"', '""']) assert.equal(errorOf(`dense<${bad}> : tensor<1xi16>`), "1:24: expected string containing hex digits starting with `0x`");
  assert.equal(errorOf("dense<1> : tensor<?xi32>"), "1:42: elements literal type must have static shape");
  assert.match(errorOf('dense<"0x0000803F00000040"> : tensor<1xcomplex<f32>>'), /^1:24: TensorLang keeps no values of complex<f32> elements/);
});

const elementType = (e: string): Type =>
  (parseModule(attrText(`tensor<1x${e}>`), "t.mlir", loose).body.ops[0].attr<TypeAttr>("v")!.type as TensorType).elementType;

/** A random value of `t`, as DenseElementsAttr holds it. */
function randomValue(rng: Rng, t: string): number | bigint {
  const int = (w: number) => BigInt.asIntN(w, BigInt(rng.int(2 ** 30)) << BigInt(Math.max(0, w - 30)) | BigInt(rng.int(2 ** 30)));
  switch (t) {
    case "i1": return rng.int(2);
    case "i3": case "i8": case "i16": case "i24": case "i32": return Number(int(Number(t.slice(1))));
    case "i64": case "i128": return int(Number(t.slice(1)));
    case "index": return rng.int(2 ** 40) - 2 ** 39;
    case "ui16": return BigInt(rng.int(65536));
    case "f16": case "bf16": return rng.pick([0.5, -2.25, 1024, -0, 3.5, Infinity]);
    case "f32": return Math.fround((rng.next() - 0.5) * 1e6);
    default: return (rng.next() - 0.5) * 1e300; // f64
  }
}

test("more than 100 elements print as hex, parse back to the same values, and printing is a fixed point", () => {
  const rng = new Rng(7);
  for (const t of ["i1", "i3", "i8", "i16", "i24", "i32", "i64", "i128", "index", "ui16", "f16", "bf16", "f32", "f64"]) {
    for (const n of [100, 101, 203]) {
      const values = Array.from({ length: n }, () => randomValue(rng, t));
      values[1] = values[0] === values[1] ? randomValue(rng, t) : values[1];
      const attr = new DenseElementsAttr(TensorType.get([n], elementType(t)), values, false);
      const text = attr.str;
      assert.equal(text.startsWith('dense<"0x'), n > 100, `${t} x ${n}: ${text.slice(0, 40)}`);
      const back = parseAttr(text);
      assert.deepEqual(back.values, values, `${t} x ${n}`);
      assert.equal(back.str, text);
    }
  }
});

test("encodeElements and decodeElements are inverses; blobs keep an i1 per byte", () => {
  const t = elementType;
  const bools = [1, 0, 0, 1, 1, 0, 1, 0, 1];
  const type = TensorType.get([bools.length], t("i1"));
  const packed = encodeElements(bools, type);
  assert.deepEqual([...packed], [0b01011001, 0b1]);
  assert.equal(storageBytes(t("i1"), 9, "bits"), 2);
  assert.equal(storageBytes(t("i1"), 9, "bytes"), 9);
  assert.deepEqual(decodeElements(packed, type, 9, "bits"), bools);
  assert.deepEqual(decodeElements(Uint8Array.from(bools), type, 9, "bytes"), bools);
  assert.equal(storageBytes(t("f80"), 3, "bits"), 30);
});

test("a module with a large constant prints it as hex and reads it back", () => {
  const vals = Array.from({ length: 120 }, (_, i) => `${i}.5`).join(", ");
  const src = `func.func @f() -> tensor<120xf32> {\n  %0 = arith.constant dense<[${vals}]> : tensor<120xf32>\n  return %0 : tensor<120xf32>\n}\n`;
  const once = printModule(parseModule(src, "t.mlir", ctx), ctx);
  assert.match(once, /dense<"0x0000003F0000C03F/);
  assert.equal(printModule(parseModule(once, "t2.mlir", ctx), ctx), once);
});

test("literals must suit the element type, as MLIR checks them", () => {
  assert.equal(errorOf("dense<1> : tensor<2xf32>"), "1:42: expected floating-point elements, but parsed integer");
  assert.equal(errorOf("dense<[1.0, true]> : tensor<2xf32>"), "1:52: expected floating-point elements, but parsed integer");
  assert.equal(errorOf("dense<[1, 2.0]> : tensor<2xi32>"), "1:28: expected integer elements, but parsed floating-point");
  assert.equal(errorOf("dense<true> : tensor<2xindex>"), "1:24: expected i1 type for 'true' or 'false' values");
  assert.equal(errorOf("1 : f32"), "1:18: unexpected decimal integer literal for a floating point value");
  assert.equal(errorOf("1.5 : i32"), "1:27: floating point value not valid for specified type");
  // hex integers are a float's bits; integers are fine for i1
  assert.deepEqual(parseAttr("dense<[0x3F800000, 2.0]> : tensor<2xf32>").values, [1, 2]);
  assert.deepEqual(parseAttr("dense<[0, 1]> : tensor<2xi1>").values, [0, 1]);
});

// NaNs keep their sign and payload, signaling ones too, as mlir-opt-19 prints them back: V8 quiets
// a signaling NaN stored in an array of numbers alone, and two NaNs are no splat unless their bits
// are equal. Each expected text is mlir-opt-19's output for the same input.
test("NaN elements keep their bits: literals, hex data, splats, dense arrays", () => {
  const cases: Array<[string, string]> = [
    ["dense<[0x7FA00000, 0xFFA00001]> : tensor<2xf32>", "dense<[0x7FA00000, 0xFFA00001]> : tensor<2xf32>"],
    ["dense<[0x7FC00001, 0xFFC00000]> : tensor<2xf32>", "dense<[0x7FC00001, 0xFFC00000]> : tensor<2xf32>"],
    ["dense<[0x7C01, 0xFE00, 0x7E01]> : tensor<3xf16>", "dense<[0x7C01, 0xFE00, 0x7E01]> : tensor<3xf16>"],
    ["dense<[0x7F81, 0xFFC1, 0x7FC0]> : tensor<3xbf16>", "dense<[0x7F81, 0xFFC1, 0x7FC0]> : tensor<3xbf16>"],
    ["dense<[0x7FF4000000000000, 0x7FF0000000000001]> : tensor<2xf64>", "dense<[0x7FF4000000000000, 0x7FF0000000000001]> : tensor<2xf64>"],
    ["dense<0x7FA00000> : tensor<3xf32>", "dense<0x7FA00000> : tensor<3xf32>"],
    ['dense<"0x0000A07F0100A0FF0100C07F0000803F"> : tensor<4xf32>', "dense<[0x7FA00000, 0xFFA00001, 0x7FC00001, 1.000000e+00]> : tensor<4xf32>"],
    ['dense<"0x0000A07F"> : tensor<2xf32>', "dense<0x7FA00000> : tensor<2xf32>"],
    ["array<f32: 0x7FA00000, 0xFFC00001>", "array<f32: 0x7FA00000, 0xFFC00001>"],
  ];
  for (const [text, printed] of cases) {
    const m = parseModule(attrText(text), "t.mlir", loose), out = printModule(m, loose);
    assert.ok(out.includes(`{v = ${printed}}`), `${text} printed ${out}`);
    assert.equal(printModule(parseModule(out, "t.mlir", loose), loose), out, `${text}: not a fixed point`);
  }
  // The raw data keeps them too (what a program's memory holds).
  const a = parseAttr("dense<[0x7FA00000, 0xFFC00001]> : tensor<2xf32>"), bytes = encodeElements(a.values, a.type);
  assert.equal(Buffer.from(bytes).toString("hex").toUpperCase(), "0000A07F0100C0FF");
});
