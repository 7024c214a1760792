// vector ops of vectorized linear algebra (MLIR 19 syntax): transpose, outerproduct, contract,
// multi_reduction.
import type { AffineMap } from "../ir/affine.js";
import { AffineMapAttr, ArrayAttr, Attribute, DictionaryAttr, IntegerAttr, OpaqueAttr, StringAttr } from "../ir/attributes.js";
import type { Operation } from "../ir/core.js";
import type { OpSpec } from "../ir/dialect.js";
import { DiagnosticError } from "../ir/diagnostics.js";
import { type Type, VectorType, elementTypeOf, i1 } from "../ir/types.js";
import { ANY, ANY_VECTOR } from "./common.js";
import { arrayProp, i64Array, parseIntList } from "./indexing.js";
import { isKind, kindAttr, kindSupports, parseKind, reductionKind } from "./vector-kind.js";

/** Integers of an `[1, 2]` ArrayAttr (MLIR's I64ArrayAttr) or DenseArrayAttr property. */
export function intsProp(op: Operation, name: string): number[] {
  const a = op.attr(name);
  return a instanceof ArrayAttr ? a.items.map((x) => (x instanceof IntegerAttr ? x.num : NaN)) : arrayProp(op, name);
}
export const i64ArrayAttr = (vs: readonly number[]) => new ArrayAttr(vs.map((v) => new IntegerAttr(v)));
/** A `[...]` list of integers, else undefined (for verifiers). */
export const intsOf = (a: Attribute | undefined) =>
  a instanceof ArrayAttr && a.items.every((x) => x instanceof IntegerAttr) ? a.items.map((x) => (x as IntegerAttr).num) : undefined;

const iteratorAttr = (t: string) => new OpaqueAttr(`#vector.iterator_type<${t}>`);
const iteratorName = (a: Attribute) => (a instanceof StringAttr ? a.value : /^#vector\.iterator_type<\s*([a-z]+)\s*>$/.exec(a.str)?.[1]);
const CONTRACT_TRAIT = ["indexing_maps", "iterator_types", "kind"];

/** A vector.contract's indexing maps (lhs, rhs, acc) and iterator types (undefined if malformed). */
export function contraction(op: Operation): { maps: AffineMap[]; iterators: string[] } | undefined {
  const maps = op.attr("indexing_maps"), its = op.attr("iterator_types");
  if (!(maps instanceof ArrayAttr) || !(its instanceof ArrayAttr) || !maps.items.every((m) => m instanceof AffineMapAttr)) return undefined;
  const iterators = its.items.map((i) => iteratorName(i) ?? "");
  return { maps: maps.items.map((m) => (m as AffineMapAttr).map), iterators };
}

/** Iteration-space extents from the lhs and rhs shapes, or an error. */
export function contractExtents(maps: readonly AffineMap[], shapes: readonly (readonly number[])[]): number[] | string {
  const ext: (number | undefined)[] = new Array(maps[0].numDims).fill(undefined);
  for (let o = 0; o < 2; o++) maps[o].results.forEach((r, i) => { if (r.kind === "dim") ext[r.pos] ??= shapes[o][i]; });
  return ext.every((e) => e !== undefined) ? (ext as number[]) : "expected all dimensions to be either a LHS or a RHS dimension";
}

function verifyContract(op: Operation): string | undefined {
  const c = contraction(op);
  if (!c || c.iterators.some((i) => i !== "parallel" && i !== "reduction")) return "requires 'indexing_maps' and 'iterator_types' (parallel or reduction)";
  const [lt, rt, at] = op.operands.map((v) => v.type) as [VectorType, VectorType, Type];
  // (ODS's: the lhs and rhs are vectors, their element types and the acc's and result's agree)
  if (lt.elementType !== rt.elementType) return "failed to verify that lhs and rhs have same element type";
  if (elementTypeOf(at) !== elementTypeOf(op.result.type)) return "failed to verify that third operand acc and result have same element type";
  if (c.maps.length !== 3) return "expected an indexing map for each vector operand";
  for (let i = 0; i < 3; i++) {
    const m = c.maps[i], rank = op.operand(i).type instanceof VectorType ? (op.operand(i).type as VectorType).rank : 0;
    if (m.numSyms) return `expected indexing map ${i} to have no symbols`;
    if (m.numDims !== c.iterators.length) return `expected indexing map ${i} to have ${c.iterators.length} number of inputs`;
    if (m.results.length !== rank) return `expected indexing map ${i} to have ${rank} number of outputs`;
    if (!m.isProjectedPermutation) return `expected indexing map ${i} to be a projected permutation of its inputs`;
  }
  const pos = (o: number, d: number) => c.maps[o].results.findIndex((r) => r.kind === "dim" && r.pos === d);
  const pairs = (kind: string) => c.iterators.flatMap((it, d) => (it === kind && pos(0, d) >= 0 && pos(1, d) >= 0 ? [[pos(0, d), pos(1, d)]] : []));
  const contracting = pairs("reduction");
  if (!contracting.length) return "expected at least one contracting dimension pair";
  const bad = (ps: number[][]) => ps.some(([a, b]) => lt.shape[a] !== rt.shape[b]);
  if (bad(contracting)) return "invalid contracting dimension map";
  if (bad(pairs("parallel"))) return "invalid batch dimension map";
  const freeDims = lt.rank - contracting.length + rt.rank - contracting.length - pairs("parallel").length;
  // (MLIR's verifyOutputShape: the acc and the result each against the expected shape)
  const res = op.result.type, vectors = [at, res].filter((t) => t instanceof VectorType).length;
  if (freeDims ? vectors !== 2 : vectors !== 0) return "invalid accumulator/result vector shape";
  if (at instanceof VectorType) {
    const ext = contractExtents(c.maps, [lt.shape, rt.shape]);
    if (typeof ext === "string") return ext;
    const scalable = (d: number) => [lt, rt].some((t, o) => t.scalableDims[pos(o, d)] ?? false); // (as the operand dims it comes from)
    const acc = c.maps[2].results;
    const want = VectorType.get(acc.map((r) => (r.kind === "dim" ? ext[r.pos] : 0)), at.elementType, acc.map((r) => r.kind === "dim" && scalable(r.pos)));
    if (want !== at || want !== res) return `invalid accumulator/result vector shape, expected: '${want.str}'`;
  }
  if (!kindSupports(reductionKind(op), elementTypeOf(at))) return "unsupported contraction type";
}

/** The result type of reducing `dims` of `t` (a scalar when every dimension goes). */
export function multiReductionType(t: VectorType, dims: readonly number[]): Type {
  const kept = t.shape.filter((_, d) => !dims.includes(d));
  return kept.length ? VectorType.get(kept, t.elementType, t.scalableDims.filter((_, d) => !dims.includes(d))) : t.elementType;
}

export const VECTOR_ALGEBRA: OpSpec[] = [
  {
    name: "vector.transpose", operands: 1, results: 1, traits: ["Pure"], props: ["permutation"], operandTypes: [ANY_VECTOR], resultTypes: [ANY_VECTOR],
    parse(p, st) {
      const v = p.parseOperand();
      p.expect(",");
      st.addAttr("permutation", i64Array(parseIntList(p)));
      p.parseOptionalAttrDict(st);
      const from = p.parseColonType();
      p.parseKeyword("to");
      st.resultTypes = [p.parseType()];
      st.operands = [p.resolveOperand(v, from)];
    },
    print(p, op) {
      p.print(" ", p.operand(op.operand(0)), ", [", arrayProp(op, "permutation").join(", "), "]", p.attrDict(op, ["permutation"]),
        " : ", p.type(op.operand(0).type), " to ", p.type(op.result.type));
    },
    verify(op) {
      const a = op.operand(0).type as VectorType, r = op.result.type as VectorType, perm = arrayProp(op, "permutation");
      if (a.elementType !== r.elementType) return "failed to verify that source operand and result have same element type";
      if (a.rank !== r.rank) return `vector result rank mismatch: ${r.rank}`;
      if (perm.length !== r.rank) return `transposition length mismatch: ${perm.length}`;
      for (let i = 0; i < perm.length; i++) {
        if (perm[i] < 0 || perm[i] >= r.rank) return `transposition index out of range: ${perm[i]}`;
        if (perm.indexOf(perm[i]) !== i) return `duplicate position index: ${perm[i]}`;
        if (r.shape[i] !== a.shape[perm[i]]) return `dimension size mismatch at: ${perm[i]}`;
      }
    },
  },
  {
    // `%lhs, %rhs[, %acc] {kind} : vector<N>, vector<M> | elem`: without an accumulator MLIR prints no kind (none applies).
    name: "vector.outerproduct", operands: [2, 3], results: 1, traits: ["Pure"], props: ["kind"], defaults: { kind: kindAttr("add") }, operandTypes: [ANY_VECTOR, ANY, ANY_VECTOR], resultTypes: [ANY_VECTOR],
    parse(p, st) {
      const ops = p.parseOperandList();
      p.parseOptionalAttrDict(st);
      if (!st.attributes.has("kind")) st.addAttr("kind", kindAttr("add"));
      const lt = p.parseColonType();
      p.expect(",");
      const rt = p.parseType();
      if (ops.length < 2) throw p.customError("expected at least 2 operands", st.loc);
      if (!(lt instanceof VectorType)) throw p.customError("expected vector type for operand #1", st.loc);
      // As MLIR: the result takes each operand's leading dimension (the verifier refuses other ranks).
      const lead = [lt, ...(rt instanceof VectorType ? [rt] : [])].filter((t) => t.rank > 0);
      const res = VectorType.get(lead.map((t) => t.shape[0]), lt.elementType, lead.map((t) => t.scalableDims[0]));
      st.resultTypes = [res];
      st.operands = p.resolveOperands(ops, [lt, rt, res].slice(0, Math.max(2, ops.length)));
    },
    print(p, op) {
      const acc = op.operands.length > 2;
      p.print(" ", p.operands(op.operands), p.attrDict(op, acc ? [] : ["kind"]), " : ", p.type(op.operand(0).type), ", ", p.type(op.operand(1).type));
    },
    verify(op) {
      const [l, r] = [op.operand(0).type as VectorType, op.operand(1).type], res = op.result.type as VectorType;
      if (l.elementType !== res.elementType) return "failed to verify that lhs operand and result have same element type";
      if (elementTypeOf(r) !== res.elementType) return "failed to verify that rhs operand and result have same element type";
      if (l.rank !== 1) return "expected 1-d vector for operand #1";
      if (r instanceof VectorType) {
        if (r.rank !== 1) return "expected 1-d vector for operand #2";
        if (res.rank !== 2) return "expected 2-d vector result";
        if (l.shape[0] !== res.shape[0]) return "expected #1 operand dim to match result dim #1";
        if (r.shape[0] !== res.shape[1]) return "expected #2 operand dim to match result dim #2";
        if (l.isScalable && !r.isScalable) return "expected either both or only #2 operand dim to be scalable";
      } else {
        if (res.rank !== 1) return "expected 1-d vector result";
        if (l.shape[0] !== res.shape[0]) return "expected #1 operand dim to match result dim #1";
      }
      if (op.operands.length > 2 && op.operand(2).type !== res) return "expected operand #3 of same type as result type";
      if (!isKind(reductionKind(op)) || !kindSupports(reductionKind(op), res.elementType)) return "unsupported outerproduct type";
    },
  },
  {
    // `{indexing_maps = [...], iterator_types = ["parallel", ...], kind = ...} %lhs, %rhs, %acc {attrs} : L, R into A`
    name: "vector.contract", operands: 3, results: 1, traits: ["Pure"], props: CONTRACT_TRAIT, defaults: { kind: kindAttr("add") }, operandTypes: [ANY_VECTOR, ANY_VECTOR, ANY],
    parse(p, st) {
      const loc = p.locHere(), trait = p.parseAttribute(); // (a dictionary, or an alias of one)
      if (!(trait instanceof DictionaryAttr)) throw p.customError("invalid kind of attribute specified", loc);
      for (const [k, v] of trait.entries) {
        if (k !== "iterator_types" || !(v instanceof ArrayAttr)) { st.addAttr(k, v); continue; }
        const its = v.items.map(iteratorName);
        const bad = its.find((i) => i !== "parallel" && i !== "reduction");
        if (bad !== undefined) throw DiagnosticError.at(loc, `unknown iterator type '${bad ?? v.str}'`);
        st.addAttr(k, new ArrayAttr(its.map((i) => iteratorAttr(i!))));
      }
      if (!st.attributes.has("kind")) st.addAttr("kind", kindAttr("add"));
      const lhs = p.parseOperand();
      p.expect(",");
      const rhs = p.parseOperand();
      p.expect(",");
      const acc = p.parseOperand(), masks = p.accept(",") ? p.parseOperandList() : [];
      p.parseOptionalAttrDict(st);
      const lt = p.parseColonType();
      p.expect(",");
      const rt = p.parseType();
      p.parseKeyword("into");
      const at = p.parseType();
      st.resultTypes = [at];
      st.operands = p.resolveOperands([lhs, rhs, acc], [lt, rt, at]);
      // MLIR 19 still reads an lhs and an rhs mask (an op of 5 operands its verifier refuses)
      if (!masks.length) return;
      if (masks.length !== 2) throw p.customError("expected zero or exactly 2 vector mask operands", st.loc);
      const mask = (t: Type) => (t instanceof VectorType ? VectorType.get(t.shape, i1, t.scalableDims) : i1);
      st.operands.push(...p.resolveOperands(masks, [mask(lt), mask(rt)], loc));
    },
    print(p, op) {
      const trait = new Map<string, Attribute>();
      for (const k of CONTRACT_TRAIT) {
        const a = op.attr(k);
        if (a) trait.set(k, k === "iterator_types" && a instanceof ArrayAttr ? new ArrayAttr(a.items.map((i) => new StringAttr(iteratorName(i) ?? i.str))) : a);
      }
      p.print(" ", new DictionaryAttr(trait).str, " ", p.operands(op.operands), p.attrDict(op, CONTRACT_TRAIT),
        " : ", p.type(op.operand(0).type), ", ", p.type(op.operand(1).type), " into ", p.type(op.result.type));
    },
    verify: verifyContract,
  },
  {
    // `<add>, %src, %acc {attrs} [0, 2] : vector<...> to T`
    name: "vector.multi_reduction", operands: 2, results: 1, traits: ["Pure"], props: ["kind", "reduction_dims"], operandTypes: [ANY_VECTOR, ANY],
    parse(p, st) {
      parseKind(p, st);
      p.expect(",");
      const src = p.parseOperand();
      p.expect(",");
      const acc = p.parseOperand();
      p.parseOptionalAttrDict(st);
      st.addAttr("reduction_dims", i64ArrayAttr(parseIntList(p)));
      const from = p.parseColonType();
      p.parseKeyword("to");
      const to = p.parseType();
      st.resultTypes = [to];
      st.operands = p.resolveOperands([src, acc], [from, to]);
    },
    print(p, op) {
      p.print(` <${reductionKind(op)}>, `, p.operands(op.operands), p.attrDict(op, ["kind", "reduction_dims"]),
        " [", intsProp(op, "reduction_dims").join(", "), "] : ", p.type(op.operand(0).type), " to ", p.type(op.result.type));
    },
    verify(op) {
      const t = op.operand(0).type as VectorType, dims = intsOf(op.attr("reduction_dims"));
      if (!dims) return "requires a 'reduction_dims' integer array";
      if (op.operand(1).type !== op.result.type) return "failed to verify that all of {dest, acc} have same type";
      // (MLIR checks the dims and kind only through the result type; out-of-range dims reduce nothing.)
      if (multiReductionType(t, dims) !== op.result.type || dims.some((d) => d < 0 || d >= t.rank)) {
        return `destination type '${op.result.type.str}' is incompatible with source type '${t.str}'`;
      }
      if (!isKind(reductionKind(op))) return "requires a valid 'kind' attribute";
    },
  },
];
