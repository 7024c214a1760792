// vector ops that move, build or mask lanes (MLIR 19 syntax): extract/insert_strided_slice,
// shuffle, create_mask/constant_mask, maskedload/maskedstore, bitcast, from_elements, step.
import type { Operation } from "../ir/core.js";
import type { OpSpec } from "../ir/dialect.js";
import { MemRefType, VectorType, i1, index } from "../ir/types.js";
import { ANY_MEMREF, ANY_VECTOR, I1_VECTOR, VARIADIC_INDEX, castOp, tc } from "./common.js";
import { parseIntList } from "./indexing.js";
import { i64ArrayAttr, intsOf, intsProp } from "./vector-algebra.js";
import { bitWidth } from "./vector-transfer.js";

const FIXED_VECTOR = tc("fixed-length vector of any type values", (t) => t instanceof VectorType && !t.isScalable);

/** MLIR's isIntegerArrayAttrConfinedToShape: each of `name`'s values within its dimension. */
function confined(name: string, vs: readonly number[], shape: readonly number[], min = 0, halfOpen = true): string | undefined {
  const i = vs.findIndex((v, d) => v < min || (halfOpen ? v >= shape[d] : v > shape[d]));
  if (i >= 0) return `expected ${name} dimension ${i} to be confined to [${min}, ${shape[i] + (halfOpen ? 0 : 1)})`;
}

/** The offsets (within `dest`), strides (all 1) and offset + extent checks both strided-slice ops share (`shape`: the slice's extent). */
function checkSlice(op: Operation, dest: VectorType, offsets: number[], shape: readonly number[], strides: number[]): string | undefined {
  const err = confined("offsets", offsets, dest.shape);
  if (err) return err;
  const extract = op.name === "vector.extract_strided_slice";
  if (extract) { const e = confined("sizes", shape, dest.shape, 1, false); if (e) return e; }
  for (let i = 0; i < strides.length; i++) if (strides[i] !== 1) return "expected strides to be confined to [1, 2)";
  const lead = extract ? 0 : dest.rank - shape.length;
  for (let i = 0; i < shape.length; i++) {
    const d = lead + i;
    if (offsets[d] + shape[i] > dest.shape[d]) return `expected sum(offsets, ${extract ? "sizes" : "source vector shape"}) dimension ${d} to be confined to [1, ${dest.shape[d] + 1})`;
  }
}

/** `%base[%i...], %mask, %v` of maskedload (`%v`: pass_thru) and maskedstore (`%v`: valueToStore). */
/** MLIR 19's 1-D vector constraints (the any-element one's summary is empty: "must be  of ranks 1"). */
const VECTOR_1D = tc(" of ranks 1", (t) => t instanceof VectorType && t.rank === 1);
const MASK_1D = tc("vector of 1-bit signless integer values of ranks 1", (t) => t instanceof VectorType && t.rank === 1 && t.elementType === i1);

function maskedAccess(name: string, store: boolean): OpSpec {
  const what = store ? "valueToStore" : "result";
  return {
    name, operands: [3, -1], results: store ? 0 : 1, traits: store ? [] : ["MemRead"],
    operandTypes: [ANY_MEMREF, VARIADIC_INDEX, MASK_1D, VECTOR_1D], resultTypes: store ? undefined : [VECTOR_1D],
    parse(p, st) {
      const base = p.parseOperand(), idx = p.parseOperandList("square");
      p.expect(",");
      const [mask, v] = p.parseOperands(2);
      p.parseOptionalAttrDict(st);
      const bt = p.parseColonType();
      p.expect(",");
      const mt = p.parseType();
      p.expect(",");
      const vt = p.parseType();
      if (!store) { p.parseKeyword("into"); st.resultTypes = [p.parseType()]; }
      st.operands = [p.resolveOperand(base, bt), ...p.resolveOperands(idx, index), ...p.resolveOperands([mask, v], [mt, vt])];
    },
    print(p, op) {
      const n = op.operands.length, [base, ...idx] = op.operands.slice(0, n - 2), [mask, v] = op.operands.slice(n - 2);
      p.print(" ", p.operand(base), "[", p.operands(idx), "], ", p.operand(mask), ", ", p.operand(v), p.attrDict(op),
        " : ", p.types([base.type, mask.type, v.type]), store ? "" : " into " + p.type(op.result.type));
    },
    verify(op) {
      const n = op.operands.length, bt = op.operand(0).type, mt = op.operand(n - 2).type, vt = op.operand(n - 1).type;
      if (!(bt instanceof MemRefType && mt instanceof VectorType)) return; // (reported by the type constraints)
      const rt = (store ? vt : op.result.type) as VectorType;
      if (n - 3 !== bt.rank) return `requires ${bt.rank} indices`;
      if (bt.elementType !== rt.elementType) return `base and ${what} element type should match`;
      if (mt.shape[0] !== rt.shape[0]) return `expected ${what} dim to match mask dim`;
      if (!store && vt !== rt) return "expected pass_thru of same type as result type";
    },
  };
}

/** The rows a shuffle operand gives (a 0-D one, its element). */
export const shuffleRows = (t: VectorType) => (t.rank ? t.shape[0] : 1);
/** Whether lane `i` of a create_mask/constant_mask with `bounds` is set (a 0-D one has one bound, 0 or more). */
export const maskLaneOn = (i: readonly number[], bounds: readonly number[]) => (i.length ? i.every((x, d) => x < bounds[d]) : bounds[0] > 0);

export const VECTOR_LANES: OpSpec[] = [
  castOp("vector.extract_strided_slice", { // `%v {offsets = [..], sizes = [..], strides = [..]} : T to U`
    props: ["offsets", "sizes", "strides"], operandTypes: [ANY_VECTOR], resultTypes: [ANY_VECTOR],
    verify(op) {
      const t = op.operand(0).type as VectorType, [o, s, k] = ["offsets", "sizes", "strides"].map((n) => intsOf(op.attr(n)));
      if (!o || !s || !k) return "requires 'offsets', 'sizes' and 'strides' integer arrays";
      if (o.length !== s.length || o.length !== k.length) return "expected offsets, sizes and strides attributes of same size";
      for (const [n, a] of [["offsets", o], ["sizes", s], ["strides", k]] as const) {
        if (a.length > t.rank) return `expected ${n} attribute of rank no greater than vector rank`;
      }
      const err = checkSlice(op, t, o, s, k);
      if (err) return err;
      const want = VectorType.get([...s, ...t.shape.slice(s.length)], t.elementType, t.scalableDims);
      if (op.result.type !== want) return `expected result type to be '${want.str}'`;
      const whole = s.findIndex((n, i) => t.scalableDims[i] && n !== t.shape[i]); // (a scalable dimension is taken whole)
      if (whole >= 0) return `expected size at idx=${whole} to match the corresponding base size from the input vector (${s[whole]} vs ${t.shape[whole]})`;
    },
  }),
  {
    name: "vector.insert_strided_slice", operands: 2, results: 1, traits: ["Pure"], props: ["offsets", "strides"],
    operandTypes: [ANY_VECTOR, ANY_VECTOR], resultTypes: [ANY_VECTOR],
    parse(p, st) {
      const [s, d] = p.parseOperands(2);
      p.parseOptionalAttrDict(st);
      const st1 = p.parseColonType();
      p.parseKeyword("into");
      const dt = p.parseType();
      st.resultTypes = [dt];
      st.operands = p.resolveOperands([s, d], [st1, dt]);
    },
    print(p, op) {
      p.print(" ", p.operands(op.operands), p.attrDict(op), " : ", p.type(op.operand(0).type), " into ", p.type(op.result.type));
    },
    verify(op) {
      const [s, d] = op.operands.map((v) => v.type), o = intsOf(op.attr("offsets")), k = intsOf(op.attr("strides"));
      if (!(s instanceof VectorType) || !(d instanceof VectorType)) return "expected vector source and destination";
      if (op.result.type !== d) return "failed to verify that all of {dest, res} have same type";
      if (s.elementType !== d.elementType) return "failed to verify that source operand and result have same element type";
      if (!o || !k) return "requires 'offsets' and 'strides' integer arrays";
      if (o.length !== d.rank) return "expected offsets of same size as destination vector rank";
      if (k.length !== s.rank) return "expected strides of same size as source vector rank";
      if (s.rank > d.rank) return "expected source rank to be no greater than destination rank";
      return checkSlice(op, d, o, s.shape, k);
    },
  },
  {
    name: "vector.shuffle", operands: 2, results: 1, traits: ["Pure"], props: ["mask"], operandTypes: [FIXED_VECTOR, FIXED_VECTOR], resultTypes: [ANY_VECTOR],
    parse(p, st) {
      const loc = p.locHere(), ab = p.parseOperandList(), mask = parseIntList(p);
      st.addAttr("mask", i64ArrayAttr(mask));
      p.parseOptionalAttrDict(st);
      const at = p.parseColonType();
      p.expect(",");
      const bt = p.parseType();
      st.resultTypes = [at instanceof VectorType ? VectorType.get([mask.length, ...at.shape.slice(1)], at.elementType) : at];
      st.operands = p.resolveOperands(ab, [at, bt], loc);
    },
    print(p, op) {
      p.print(" ", p.operands(op.operands), " [", intsProp(op, "mask").join(", "), "]", p.attrDict(op, ["mask"]),
        " : ", p.type(op.operand(0).type), ", ", p.type(op.operand(1).type));
    },
    verify(op) {
      const [a, b] = op.operands.map((v) => v.type), r = op.result.type, mask = intsOf(op.attr("mask"));
      if (!(a instanceof VectorType && b instanceof VectorType && r instanceof VectorType)) return; // (reported by the type constraints)
      if (r.isScalable) return `result #0 must be fixed-length vector of any type values, but got '${r.str}'`;
      if (!mask) return "requires a 'mask' integer array";
      if (a.elementType !== r.elementType) return "failed to verify that first operand v1 and result have same element type";
      if (b.elementType !== r.elementType) return "failed to verify that second operand v2 and result have same element type";
      // (0-D operands each give one element to a 1-D result)
      if (!(a.rank === 0 && b.rank === 0 && r.rank === 1) && !(a.rank === r.rank && b.rank === r.rank)) return "rank mismatch";
      for (let d = 1; d < a.rank; d++) if (a.shape[d] !== b.shape[d] || r.shape[d] !== a.shape[d]) return `dimension mismatch`;
      if (!mask.length) return "invalid mask length";
      if (r.shape[0] !== mask.length) return "mask length mismatch";
      const i = mask.findIndex((m) => m < 0 || m >= shuffleRows(a) + shuffleRows(b));
      if (i >= 0) return `mask index #${i + 1} out of range`;
    },
  },
  {
    name: "vector.create_mask", operands: [0, -1], results: 1, traits: ["Pure"], operandTypes: [VARIADIC_INDEX], resultTypes: [I1_VECTOR],
    parse(p, st) {
      const ops = p.parseOperandList();
      p.parseOptionalAttrDict(st);
      st.resultTypes = [p.parseColonType()];
      st.operands = p.resolveOperands(ops, index);
    },
    print(p, op) { p.print(" ", p.operands(op.operands), p.attrDict(op), " : ", p.type(op.result.type)); },
    verify(op) {
      const t = op.result.type as VectorType;
      if (t.rank === 0 && op.operands.length !== 1) return "must specify exactly one operand for 0-D create_mask";
      if (t.rank !== 0 && op.operands.length !== t.rank) return "must specify an operand for each result vector dimension";
    },
  },
  {
    name: "vector.constant_mask", operands: 0, results: 1, traits: ["Pure"], props: ["mask_dim_sizes"], resultTypes: [I1_VECTOR],
    parse(p, st) {
      st.addAttr("mask_dim_sizes", i64ArrayAttr(parseIntList(p)));
      p.parseOptionalAttrDict(st);
      st.resultTypes = [p.parseColonType()];
    },
    print(p, op) { p.print(" [", intsProp(op, "mask_dim_sizes").join(", "), "]", p.attrDict(op, ["mask_dim_sizes"]), " : ", p.type(op.result.type)); },
    verify(op, ctx) {
      const t = op.result.type as VectorType, sizes = intsOf(op.attr("mask_dim_sizes"));
      if (t.rank === 0 && sizes) { // (MLIR's emitError: no "op" prefix)
        if (sizes.length !== 1) return ctx.error(op, "array attr must have length 1 for 0-D vectors");
        if (sizes[0] !== 0 && sizes[0] !== 1) return ctx.error(op, "mask dim size must be either 0 or 1 for 0-D vectors");
        return;
      }
      if (!sizes || sizes.length !== t.rank) return "must specify array attr of size equal vector result rank";
      if (sizes.some((s, i) => s < 0 || s > t.shape[i])) return "array attr of size out of bounds of vector result dimension size";
      if (sizes.includes(0) && sizes.some((s) => s !== 0)) return "expected all mask dim sizes to be zeros, as a result of conjunction with zero mask dim";
      if (sizes.some((s, i) => t.scalableDims[i] && s !== 0 && s !== t.shape[i])) return "only supports 'none set' or 'all set' scalable dimensions";
    },
  },
  maskedAccess("vector.maskedload", false),
  maskedAccess("vector.maskedstore", true),
  castOp("vector.bitcast", {
    operandTypes: [ANY_VECTOR], resultTypes: [ANY_VECTOR],
    verify(op) {
      const a = op.operand(0).type as VectorType, b = op.result.type as VectorType;
      if (a.rank !== b.rank) return "failed to verify that all of {source, result} have same rank";
      for (let d = 0; d < a.rank - 1; d++) if (a.shape[d] !== b.shape[d]) return `dimension size mismatch at: ${d}`;
      // (a 0-D vector's element, else the minor 1-D vector)
      const bits = (t: VectorType) => bitWidth(t.elementType) * (t.rank ? t.shape[t.rank - 1] : 1);
      if (!bitWidth(a.elementType) || !bitWidth(b.elementType) || bits(a) !== bits(b)) {
        return `source/result bitwidth of the ${a.rank ? "minor 1-D vectors" : "0-D vector element types"} must be equal`;
      }
    },
  }, undefined, [VectorType]),
  {
    name: "vector.from_elements", operands: [0, -1], results: 1, traits: ["Pure"], resultTypes: [ANY_VECTOR],
    parse(p, st) {
      const ops = p.parseOperandList();
      p.parseOptionalAttrDict(st);
      const t = p.parseColonType();
      st.resultTypes = [t];
      st.operands = p.resolveOperands(ops, t instanceof VectorType ? t.elementType : t);
    },
    print(p, op) { p.print(" ", p.operands(op.operands), p.attrDict(op), " : ", p.type(op.result.type)); },
    verify(op) {
      const t = op.result.type as VectorType; // (MLIR's TypesMatchWith: one element type per result element, one message for count and type)
      if (op.operands.length !== t.numElements || op.operands.some((v) => v.type !== t.elementType)) return "failed to verify that operand types match result element type";
    },
  },
  {
    name: "vector.step", operands: 0, results: 1, traits: ["Pure"],
    parse(p, st) {
      p.parseOptionalAttrDict(st);
      st.resultTypes = [p.parseColonType()];
    },
    print(p, op) { p.print(p.attrDict(op), " : ", p.type(op.result.type)); },
    verify(op) {
      const t = op.result.type;
      if (!(t instanceof VectorType) || t.rank !== 1 || t.elementType !== index) return `result #0 must be vector of index values of ranks 1, but got '${t.str}'`;
    },
  },
];
