// arith's canonicalization patterns (MLIR 19's ArithCanonicalization.td), for --canonicalize:
//   addi/subi/muli  constants gathered: (x + c0) + c1 -> x + (c0 + c1), (x + c0) - c1,
//                   c1 - (x + c0), (x - c0) + c1, (c0 - x) + c1, (x - c0) - c1, (c0 - x) - c1,
//                   c1 - (x - c0), c1 - (c0 - x), (x * c0) * c1; x + y * -1 -> x - y; the new
//                   op keeps the overflow flags both had;
//   xori            xor(cmpi(p, a, b), true) -> cmpi(not p, a, b);
//   select          select(c, false, true) -> xor(c, true); select(c, 1, 0) -> extui(c) and
//                   select(c, 0, 1) -> extui(xor(c, true)) (integers wider than i1);
//                   select(not c, a, b) -> select(c, b, a); a select on c inside one on c;
//   cmpi            eq/ne of two extsi (or two extui) of one type compares the narrow values;
//   trunci          of an extension to a width still above the source: that extension;
//                   trunci(shrsi(x, c)) -> trunci(shrui(x, c)) where c is the width dropped;
//   and/or/xori     of two like extensions of one type: the extension of the narrow op;
//   *_extended      whose second result is unused: addi or muli; mulsi_extended(x, 1) is
//                   x and x's sign (extsi(x < 0));
//   cmpf            of sitofp/uitofp x and a constant: cmpi of x (MLIR's CmpFIntToFPConst).
import { DenseElementsAttr, FloatAttr, IntegerAttr, OpaqueAttr, type Attribute } from "../ir/attributes.js";
import { OpResult, Operation, type Value } from "../ir/core.js";
import type { Rewriter } from "../ir/dialect.js";
import { contractAdd } from "./vector-contract-add.js";
import { FloatType, IntegerType, ShapedType, elementTypeOf, i1, type Type } from "../ir/types.js";
import { binaryExponent, roundFloat } from "../ir/float.js";
import { boolLike, def, width } from "./arith-fold.js";

/** A scalar integer constant's value (MLIR's APIntAttr); with `splat`, a splat one's too. */
function constInt(v: Value, splat = false): bigint | undefined {
  const a = v instanceof OpResult && v.op.name === "arith.constant" ? v.op.attr("value") : undefined;
  if (a instanceof IntegerAttr) return a.value;
  return splat && a instanceof DenseElementsAttr && a.isSplat && elementTypeOf(a.type) instanceof IntegerType ? BigInt(a.values[0]) : undefined;
}
/** `v` as a constant of `t` (a splat for vectors and tensors). */
function intAttr(v: bigint, t: Type): Attribute {
  const w = width(t), x = BigInt.asIntN(w, v);
  return t instanceof ShapedType ? new DenseElementsAttr(t, [w > 32 ? x : Number(x)], true) : new IntegerAttr(x, t);
}
/** The overflow flags both ops carry (MLIR's MergeOverflow), or none. */
function mergedFlags(a: Operation, b: Operation): Record<string, Attribute> {
  const flags = (o: Operation) => new Set((/<(.*)>/.exec(o.attr("overflowFlags")?.str ?? "")?.[1] ?? "").split(",").map((s) => s.trim()).filter((s) => s && s !== "none"));
  const fb = flags(b), both = [...flags(a)].filter((f) => fb.has(f));
  return both.length ? { overflowFlags: new OpaqueAttr(`#arith.overflow<${both.join(", ")}>`) } : {};
}
/** The op's fastmath or overflow flags, to carry over to the op replacing it. */
const flagsOf = (op: Operation): Record<string, Attribute> =>
  Object.fromEntries(["fastmath", "overflowFlags"].flatMap((k) => (op.attr(k) ? [[k, op.attr(k)!]] : [])));
/** A new one-result op in front of `op`; its result. */
function build(op: Operation, name: string, operands: Value[], type: Type, attributes: Record<string, Attribute> = {}): Value {
  const n = new Operation({ name, operands, resultTypes: [type], attributes, loc: op.loc });
  op.parent!.insertBefore(op, n);
  return n.result;
}
function replaceWith(op: Operation, rw: Rewriter, name: string, operands: Value[], attributes: Record<string, Attribute> = {}, type = op.result.type): true {
  rw.replaceOp(op, [build(op, name, operands, type, attributes)]);
  return true;
}

/** The constant-gathering patterns of addi, subi and muli (see the top). */
function gatherConstants(op: Operation, rw: Rewriter): boolean {
  const [x, y] = op.operands, t = op.result.type, k = (v: bigint) => rw.constant(op, intAttr(v, t), t);
  const c1 = constInt(y), c1l = constInt(x);
  const inner = (v: Value, name: string) => { const d = def(v, name); return d && { op: d, a: d.operand(0), b: d.operand(1), ca: constInt(d.operand(0)), cb: constInt(d.operand(1)) }; };
  if (op.name === "arith.addi") {
    if (c1 !== undefined) {
      const add = inner(x, "arith.addi"), sub = inner(x, "arith.subi");
      if (add?.cb !== undefined) return replaceWith(op, rw, "arith.addi", [add.a, k(add.cb + c1)], mergedFlags(op, add.op));
      if (sub?.cb !== undefined) return replaceWith(op, rw, "arith.addi", [sub.a, k(c1 - sub.cb)], mergedFlags(op, sub.op));
      if (sub?.ca !== undefined) return replaceWith(op, rw, "arith.subi", [k(sub.ca + c1), sub.b], mergedFlags(op, sub.op));
    }
    for (const [m, other] of [[y, x], [x, y]] as const) { // x + y * -1 -> x - y
      const mul = def(m, "arith.muli"), c = mul && constInt(mul.operand(1), true);
      if (mul && c !== undefined && BigInt.asIntN(width(t), c) === -1n) return replaceWith(op, rw, "arith.subi", [other, mul.operand(0)]);
    }
    return false;
  }
  if (op.name === "arith.subi") {
    const add = inner(x, "arith.addi"), sub = inner(x, "arith.subi");
    if (c1 !== undefined) {
      if (add?.cb !== undefined) return replaceWith(op, rw, "arith.addi", [add.a, k(add.cb - c1)], mergedFlags(op, add.op));
      if (sub?.cb !== undefined) return replaceWith(op, rw, "arith.subi", [sub.a, k(sub.cb + c1)], mergedFlags(op, sub.op));
      if (sub?.ca !== undefined) return replaceWith(op, rw, "arith.subi", [k(sub.ca - c1), sub.b], mergedFlags(op, sub.op));
    }
    if (c1l !== undefined) {
      const radd = inner(y, "arith.addi"), rsub = inner(y, "arith.subi");
      if (radd?.cb !== undefined) return replaceWith(op, rw, "arith.subi", [k(c1l - radd.cb), radd.a], mergedFlags(op, radd.op));
      if (rsub?.cb !== undefined) return replaceWith(op, rw, "arith.subi", [k(c1l + rsub.cb), rsub.a], mergedFlags(op, rsub.op));
      if (rsub?.ca !== undefined) return replaceWith(op, rw, "arith.addi", [rsub.b, k(c1l - rsub.ca)], mergedFlags(op, rsub.op));
    }
    return false;
  }
  const mul = inner(x, "arith.muli");
  if (c1 !== undefined && mul?.cb !== undefined) return replaceWith(op, rw, "arith.muli", [mul.a, k(mul.cb * c1)], mergedFlags(op, mul.op));
  return false;
}

/** cmpi predicates by index (MLIR's order) and the negation of each. */
const CMPI = ["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"];
export const NEGATED: Record<string, string> = { eq: "ne", ne: "eq", slt: "sge", sge: "slt", sle: "sgt", sgt: "sle", ult: "uge", uge: "ult", ule: "ugt", ugt: "ule" };
const isTrue = (v: Value) => { const c = constInt(v); return c !== undefined && c !== 0n && elementTypeOf(v.type) === i1; };
const isFalse = (v: Value) => constInt(v) === 0n && elementTypeOf(v.type) === i1;

export function canonicalizeArith(op: Operation, rw: Rewriter): boolean {
  switch (op.name) {
    case "arith.subi": { // (a - b) - a -> 0 - b (MLIR's SubISubILHSRHSLHS), with the outer op's flags
      const [x, y] = op.operands, sub = def(x, "arith.subi"), t = op.result.type;
      if (sub && sub.operand(0) === y) return replaceWith(op, rw, "arith.subi", [rw.constant(op, intAttr(0n, t), t), sub.operand(1)], flagsOf(op));
      return gatherConstants(op, rw);
    }
    case "arith.addi": return gatherConstants(op, rw) || contractAdd(op, rw);
    case "arith.muli": return gatherConstants(op, rw);
    case "arith.addf": return contractAdd(op, rw);
    case "arith.mulf": case "arith.divf": { // (-a) * (-b) -> a * b, and for divf
      const [na, nb] = op.operands.map((v) => def(v, "arith.negf"));
      return !!na && !!nb && replaceWith(op, rw, op.name, [na.operand(0), nb.operand(0)], flagsOf(op));
    }
    case "arith.andi": case "arith.ori": return ofExtensions(op, rw);
    case "arith.extsi": { // extsi(extui(x)) -> extui(x): the value is non-negative (MLIR's ExtSIOfExtUI)
      const u = def(op.operand(0), "arith.extui");
      return !!u && replaceWith(op, rw, "arith.extui", [u.operand(0)]);
    }
    case "arith.xori": {
      const cmp = def(op.operand(0), "arith.cmpi");
      if (!cmp || !isTrue(op.operand(1))) return ofExtensions(op, rw);
      const p = CMPI[cmp.attr<IntegerAttr>("predicate")!.num];
      return replaceWith(op, rw, "arith.cmpi", [cmp.operand(0), cmp.operand(1)], { predicate: new IntegerAttr(CMPI.indexOf(NEGATED[p])) });
    }
    case "arith.addui_extended": case "arith.mulsi_extended": case "arith.mului_extended": return extended(op, rw);
    case "arith.cmpf": return cmpfOfIntToFP(op, rw);
    case "arith.select": {
      const [c, a, b] = op.operands, t = op.result.type;
      if (t === i1 && isFalse(a) && isTrue(b)) return replaceWith(op, rw, "arith.xori", [c, rw.constant(op, intAttr(1n, i1), i1)]);
      if (t instanceof IntegerType && t.width > 1 && constInt(a, true) === 1n && constInt(b, true) === 0n) return replaceWith(op, rw, "arith.extui", [c]);
      if (t instanceof IntegerType && t.width > 1 && constInt(a, true) === 0n && constInt(b, true) === 1n) {
        const not = new Operation({ name: "arith.xori", operands: [c, rw.constant(op, intAttr(1n, i1), i1)], resultTypes: [i1], loc: op.loc });
        op.parent!.insertBefore(op, not);
        return replaceWith(op, rw, "arith.extui", [not.result]);
      }
      const not = def(c, "arith.xori");
      if (not && isTrue(not.operand(1))) { op.setOperands([not.operand(0), b, a]); return true; }
      // select(c, select(c, a, b), d) -> select(c, a, d); select(c, a, select(c, b, d)) -> select(c, a, d)
      const inT = def(a, "arith.select"), inF = def(b, "arith.select");
      if (inT?.operand(0) === c) { op.setOperand(1, inT.operand(1)); return true; }
      if (inF?.operand(0) === c) { op.setOperand(2, inF.operand(2)); return true; }
      return false;
    }
    case "arith.cmpi": {
      const p = CMPI[op.attr<IntegerAttr>("predicate")!.num];
      if (p !== "eq" && p !== "ne") return false;
      for (const ext of ["arith.extsi", "arith.extui"]) {
        const l = def(op.operand(0), ext), r = def(op.operand(1), ext);
        if (l && r && l.operand(0).type === r.operand(0).type) return replaceWith(op, rw, "arith.cmpi", [l.operand(0), r.operand(0)], { predicate: op.attr("predicate")! });
      }
      return false;
    }
    case "arith.trunci": {
      const ext = def(op.operand(0), "arith.extsi") ?? def(op.operand(0), "arith.extui");
      if (ext && width(op.result.type) > width(ext.operand(0).type)) return replaceWith(op, rw, ext.name, [ext.operand(0)]);
      // trunci(shrsi(x, c)) -> trunci(shrui(x, c)): the bits kept are x's high ones, none a copied sign
      const shr = def(op.operand(0), "arith.shrsi"), c = shr && constInt(shr.operand(1), true);
      if (!shr || c === undefined || BigInt.asUintN(width(shr.result.type), c) !== BigInt(width(shr.result.type) - width(op.result.type))) return false;
      const amount = shr.operand(1), k = rw.constant(op, (amount as OpResult).op.attr("value")!, amount.type);
      return replaceWith(op, rw, "arith.trunci", [build(op, "arith.shrui", [shr.operand(0), k], shr.result.type)]);
    }
  }
  return false;
}

/** and/or/xor of two like extensions (both extui or both extsi) of one type: the extension of the narrow op. */
function ofExtensions(op: Operation, rw: Rewriter): boolean {
  const ext = (v: Value) => def(v, "arith.extui") ?? def(v, "arith.extsi");
  const [ex, ey] = op.operands.map(ext);
  if (!ex || !ey || ex.name !== ey.name || ex.operand(0).type !== ey.operand(0).type) return false;
  return replaceWith(op, rw, ex.name, [build(op, op.name, [ex.operand(0), ey.operand(0)], ex.operand(0).type)]);
}

/**
 * An extended op whose second result is unused is addi or muli (its second result, unused, is
 * given x); mulsi_extended(x, 1) is x with x's sign as the high half (not for i1, whose 1 is -1).
 */
function extended(op: Operation, rw: Rewriter): boolean {
  const [x, y] = op.operands, t = x.type;
  if (!op.results[1].hasUses) {
    rw.replaceOp(op, [build(op, op.name === "arith.addui_extended" ? "arith.addi" : "arith.muli", [x, y], t), x]);
    return true;
  }
  if (op.name !== "arith.mulsi_extended" || constInt(y, true) !== 1n || width(t) < 2 || (t instanceof ShapedType && !t.hasStaticShape)) return false;
  const negative = build(op, "arith.cmpi", [x, rw.constant(op, intAttr(0n, t), t)], boolLike(t), { predicate: new IntegerAttr(CMPI.indexOf("slt")) });
  rw.replaceOp(op, [x, build(op, "arith.extsi", [negative], t)]);
  return true;
}

/** cmpf predicates by index (MLIR's order); the cmpi each becomes for an integer converted to float (signed). */
const CMPF = ["false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq", "ugt", "uge", "ult", "ule", "une", "uno", "true"];
const AS_CMPI: Record<string, string> = { oeq: "eq", ueq: "eq", ogt: "sgt", ugt: "sgt", oge: "sge", uge: "sge", olt: "slt", ult: "slt", ole: "sle", ule: "sle", one: "ne", une: "ne" };
/** Significand bits (the implicit one included) and largest exponent of each float type. */
const MANTISSA: Record<string, number> = { f16: 11, bf16: 8, f32: 24, f64: 53 };
const MAX_EXPONENT: Record<string, number> = { f16: 15, bf16: 127, f32: 127, f64: 1023 };
/**
 * For a fractional constant c, the cmpi on x against trunc(c) that means the same, or the
 * comparison's answer (true/false); by predicate, for c < 0 and c > 0.
 */
const FRACTIONAL: Record<string, [string | boolean, string | boolean]> = {
  eq: [false, false], ne: [true, true], sle: ["slt", "sle"], slt: ["slt", "sle"], sgt: ["sge", "sgt"], sge: ["sge", "sgt"],
  ule: [false, "ule"], ult: [false, "ule"], ugt: [true, "ugt"], uge: [true, "ugt"],
};

/**
 * cmpf(sitofp x, c) or cmpf(uitofp x, c), c a scalar float constant, as a cmpi of x against c's
 * integer part, or its known answer: where the conversion is exact, or c is too small or too far
 * for its rounding to matter (MLIR's CmpFIntToFPConst, after LLVM's InstCombine). Left alone:
 * `false`/`true` (mlir-opt-19 crashes on them), a NaN c.
 */
function cmpfOfIntToFP(op: Operation, rw: Rewriter): boolean {
  const c = op.operand(1), ca = c instanceof OpResult && c.op.name === "arith.constant" ? c.op.attr("value") : undefined, ft = c.type;
  const conv = def(op.operand(0), "arith.sitofp") ?? def(op.operand(0), "arith.uitofp"), x = conv?.operand(0);
  if (!(ca instanceof FloatAttr) || ca.value !== ca.value || !(ft instanceof FloatType) || !x || !(x.type instanceof IntegerType)) return false;
  const rhs = ca.value, unsigned = conv!.name === "arith.uitofp", w = x.type.width, valueBits = unsigned ? w : w - 1, m = MANTISSA[ft.kind];
  if (w > m) { // the conversion may round: only where c is too small or too far for that to matter
    if (!Number.isFinite(rhs) ? MAX_EXPONENT[ft.kind] < valueBits : rhs !== 0 && m <= binaryExponent(Math.abs(rhs)) && binaryExponent(Math.abs(rhs)) <= valueBits) return false;
  }
  const answer = (v: boolean) => { rw.replaceOp(op, [rw.constant(op, new IntegerAttr(v ? 1n : 0n, i1), i1)]); return true; };
  const p = CMPF[op.attr<IntegerAttr>("predicate")!.num];
  if (p === "ord" || p === "uno") return answer(p === "ord"); // no NaN comes of an integer
  if (!AS_CMPI[p]) return false;
  let q = unsigned ? AS_CMPI[p].replace("s", "u") : AS_CMPI[p];
  const lo = unsigned ? 0n : -(1n << BigInt(w - 1)), hi = unsigned ? (1n << BigInt(w)) - 1n : (1n << BigInt(w - 1)) - 1n;
  // past the integer range (as the float type rounds its ends): decided
  if (roundFloat(Number(hi), ft) < rhs) return answer(q === "ne" || q.endsWith("lt") || q.endsWith("le"));
  if (roundFloat(Number(lo), ft) > rhs) return answer(q === "ne" || q.endsWith("gt") || q.endsWith("ge"));
  if (!Number.isFinite(rhs)) return false;
  const k = BigInt(Math.trunc(rhs));
  if (k < lo || k > hi) return false;
  if (!Number.isInteger(rhs)) {
    const to = FRACTIONAL[q][rhs < 0 ? 0 : 1];
    if (typeof to === "boolean") return answer(to);
    q = to;
  }
  return replaceWith(op, rw, "arith.cmpi", [x, rw.constant(op, new IntegerAttr(BigInt.asIntN(w, k), x.type), x.type)], { predicate: new IntegerAttr(CMPI.indexOf(q)) });
}
