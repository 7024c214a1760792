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
//   trunci          of an extension to a width still above the source: that extension.
import { DenseElementsAttr, IntegerAttr, OpaqueAttr, type Attribute } from "../ir/attributes.js";
import { OpResult, Operation, type Value } from "../ir/core.js";
import type { Rewriter } from "../ir/dialect.js";
import { IntegerType, ShapedType, elementTypeOf, i1, type Type } from "../ir/types.js";
import { def, width } from "./arith-fold.js";

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
function replaceWith(op: Operation, rw: Rewriter, name: string, operands: Value[], attributes: Record<string, Attribute> = {}, type = op.result.type): true {
  const n = new Operation({ name, operands, resultTypes: [type], attributes, loc: op.loc });
  op.parent!.insertBefore(op, n);
  rw.replaceOp(op, [n.result]);
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
    case "arith.addi": case "arith.muli": return gatherConstants(op, rw);
    case "arith.mulf": case "arith.divf": { // (-a) * (-b) -> a * b, and for divf
      const [na, nb] = op.operands.map((v) => def(v, "arith.negf"));
      return !!na && !!nb && replaceWith(op, rw, op.name, [na.operand(0), nb.operand(0)], flagsOf(op));
    }
    case "arith.andi": case "arith.ori": { // and/or of two like extensions of one type: the extension of the narrow and/or
      const [x, y] = op.operands, ext = (v: Value) => def(v, "arith.extui") ?? def(v, "arith.extsi");
      const [ex, ey] = [ext(x), ext(y)];
      if (!ex || !ey || ex.name !== ey.name || ex.operand(0).type !== ey.operand(0).type) return false;
      const narrow = new Operation({ name: op.name, operands: [ex.operand(0), ey.operand(0)], resultTypes: [ex.operand(0).type], loc: op.loc });
      op.parent!.insertBefore(op, narrow);
      return replaceWith(op, rw, ex.name, [narrow.result]);
    }
    case "arith.extsi": { // extsi(extui(x)) -> extui(x): the value is non-negative (MLIR's ExtSIOfExtUI)
      const u = def(op.operand(0), "arith.extui");
      return !!u && replaceWith(op, rw, "arith.extui", [u.operand(0)]);
    }
    case "arith.xori": {
      const cmp = def(op.operand(0), "arith.cmpi");
      if (!cmp || !isTrue(op.operand(1))) return false;
      const p = CMPI[cmp.attr<IntegerAttr>("predicate")!.num];
      return replaceWith(op, rw, "arith.cmpi", [cmp.operand(0), cmp.operand(1)], { predicate: new IntegerAttr(CMPI.indexOf(NEGATED[p])) });
    }
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
      if (!ext || width(op.result.type) <= width(ext.operand(0).type)) return false;
      return replaceWith(op, rw, ext.name, [ext.operand(0)]);
    }
  }
  return false;
}
