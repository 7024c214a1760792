// vector dialect: the ops vectorized loops need (load/store, broadcast, fma, reductions,
// splat, extract/insert with MLIR 19's static-position syntax).
import { Attribute, DenseElementsAttr, FloatAttr, IntegerAttr, OpaqueAttr, StringAttr } from "../ir/attributes.js";
import type { Operation, Value } from "../ir/core.js";
import type { Dialect, FoldResult, OpSpec, VerifyContext } from "../ir/dialect.js";
import type { OpAsmParser, UnresolvedOperand } from "../ir/parser.js";
import type { OpAsmPrinter } from "../ir/printer.js";
import {
  DYN, IndexType, IntegerType, MemRefType, ShapedType, Type, VectorType, elementTypeOf, i1, index,
} from "../ir/types.js";
import {
  ANY, ANY_MEMREF, ANY_VECTOR, FASTMATH_NONE, badProperty, FLOAT_VECTOR, INT_INDEX_FLOAT, isBoolAttr, SIGNLESS_INT_OR_INDEX, VARIADIC_INDEX, castOp, parseFlagList, sameTypeOp, tc,
} from "./common.js";
import { arrayProp, i64Array, parseDynamicIndexList, printDynamicIndexList } from "./indexing.js";
import { foldingMemRefCasts } from "./memref.js";
import { stridesAndOffset } from "./memref-layout.js";
import { transferRead, transferWrite } from "./vector-transfer.js";
import { VECTOR_KINDS, kindSupports, parseKind, reductionKind } from "./vector-kind.js";
import { VECTOR_ALGEBRA } from "./vector-algebra.js";
import { VECTOR_LANES } from "./vector-lanes.js";
import { VECTOR_PATTERNS, broadcastOfBroadcast, foldExtractChains, groupsOf } from "./vector-canonicalize.js";

export { inBounds, maskDims, minorIdentity, permutationMap, transferParts } from "./vector-transfer.js";
export { KIND_TO_ARITH, VECTOR_KINDS, type VectorKind, kindAttr, reductionKind } from "./vector-kind.js";

/** splat / broadcast of a scalar constant: a splat dense constant. */
function foldSplat(op: Operation, consts: readonly (Attribute | undefined)[]): FoldResult[] | undefined {
  const c = consts[0], t = op.result.type;
  if (!(t instanceof VectorType) || op.operand(0).type !== t.elementType) return undefined;
  if (c instanceof IntegerAttr) return [new DenseElementsAttr(t, [t.elementType === i1 || (t.elementType as IntegerType).width <= 32 || t.elementType instanceof IndexType ? Number(c.value) : c.value], true)];
  if (c instanceof FloatAttr) return [new DenseElementsAttr(t, [c.value], true)];
  return undefined;
}


/** `%base[%i, %j]` then `: memref<...>, vector<...>` (load/store share it). */
function parseMemAccess(p: OpAsmParser) {
  const base = p.parseOperand();
  const idx = p.parseOperandList("square");
  return { base, idx };
}
function checkMemAccess(op: Operation, base: Operation["operands"][number], nIdx: number, vt: Type): string | undefined {
  const mt = base.type as MemRefType;
  // MLIR's verifyLoadStoreMemRefLayout: the lanes are contiguous (not reversed, not spread out;
  // a layout with no strides, a non-strided map, fails too)
  const { strides } = stridesAndOffset(mt);
  if (strides.length && strides[strides.length - 1] !== 1) return "most minor memref dim must have unit stride";
  if (nIdx !== mt.rank) return `requires ${mt.rank} indices`;
  const me = mt.elementType;
  if (me instanceof VectorType) { if (me !== vt) return `base memref and ${op.name === "vector.load" ? "result" : "valueToStore"} vector types should match`; }
  else if (!(vt instanceof VectorType) || vt.elementType !== me) {
    return op.name === "vector.load" ? "base and result element types should match" : "base and valueToStore element type should match"; // sic, MLIR
  }
}

/** Result type of extracting `npos` leading positions from `vt`. */
function extractedType(vt: VectorType, npos: number): Type {
  return npos >= vt.rank ? vt.elementType : VectorType.get(vt.shape.slice(npos), vt.elementType, vt.scalableDims.slice(npos));
}

/** MLIR's position checks; an insert's source must fill the dest rank. Past them the extracted type (MLIR infers it), and our own check of the inserted one. */
function checkPositions(op: Operation, vt: VectorType, what: Type, ctx: VerifyContext): string | void {
  if (!op.attr("static_position")) return "requires attribute 'static_position'";
  const ins = op.name === "vector.insert", dest = ins ? "dest " : "", pos = arrayProp(op, "static_position");
  if (pos.length > vt.rank) return `expected position attribute of rank no greater than ${dest}vector rank`;
  if (pos.filter((x) => x === DYN).length !== op.operands.length - (ins ? 2 : 1)) {
    return "mismatch between dynamic and static positions (kDynamic marker but no corresponding dynamic position) -- this can only happen due to an incorrect fold/rewrite";
  }
  if (ins && what instanceof VectorType && what.rank + pos.length !== vt.rank) return "expected position attribute rank + source rank to match dest vector rank";
  if (ins && !(what instanceof VectorType) && pos.length !== vt.rank) return "expected position attribute rank to match the dest vector rank";
  for (let i = 0; i < pos.length; i++) {
    if (pos[i] !== DYN && (pos[i] < 0 || pos[i] >= vt.shape[i])) {
      return `expected position attribute #${i + 1} to be a non-negative integer smaller than the corresponding ${dest}vector dimension`;
    }
  }
  const want = extractedType(vt, pos.length);
  // MLIR inserts a 0-D vector as its element (the ranks add up)
  if (want === what || (ins && what instanceof VectorType && what.rank === 0 && want === what.elementType)) return;
  if (ins) return `expected source type '${want.str}', but got '${what.str}'`;
  ctx.error(op, `'${op.name}' op inferred type(s) '${want.str}' are incompatible with return type(s) of operation '${what.str}'`);
  return "failed to infer returned types";
}

function parsePositions(p: OpAsmParser) {
  return parseDynamicIndexList(p);
}

/** vector.load/store's BoolAttr property, which MLIR's property conversion checks. */
const NONTEMPORAL = { nontemporal: isBoolAttr };

/** The vector ops whose fold takes a memref.cast's source (MLIR's foldMemRefCast). */
const CAST_FOLDING = new Set(["vector.load", "vector.store", "vector.maskedload", "vector.maskedstore", "vector.transfer_read",
  "vector.transfer_write", "vector.gather", "vector.scatter", "vector.expandload", "vector.compressstore"]);

export const vector: Dialect = {
  name: "vector",
  ops: foldingMemRefCasts(([
    {
      name: "vector.load", operands: [1, -1], results: 1, traits: ["MemRead"], props: ["nontemporal"], propChecks: NONTEMPORAL,
      operandTypes: [ANY_MEMREF, VARIADIC_INDEX], resultTypes: [ANY_VECTOR],
      parse(p, st) {
        const { base, idx } = parseMemAccess(p);
        p.parseOptionalAttrDict(st);
        const mt = p.parseColonType();
        p.expect(",");
        st.resultTypes = [p.parseType()];
        st.operands = [p.resolveOperand(base, mt), ...p.resolveOperands(idx, index)];
      },
      print(p, op) {
        const [base, ...idx] = op.operands;
        p.print(" ", p.operand(base), "[", p.operands(idx), "]", p.attrDict(op), " : ", p.type(base.type), ", ", p.type(op.result.type));
      },
      verify(op) { return checkMemAccess(op, op.operand(0), op.operands.length - 1, op.result.type); },
    },
    {
      name: "vector.store", operands: [2, -1], results: 0, props: ["nontemporal"], propChecks: NONTEMPORAL, operandTypes: [ANY_VECTOR, ANY_MEMREF, VARIADIC_INDEX],
      parse(p, st) {
        const v = p.parseOperand();
        p.expect(",");
        const { base, idx } = parseMemAccess(p);
        p.parseOptionalAttrDict(st);
        const mt = p.parseColonType();
        p.expect(",");
        const vt = p.parseType();
        st.operands = [p.resolveOperand(v, vt), p.resolveOperand(base, mt), ...p.resolveOperands(idx, index)];
      },
      print(p, op) {
        const [v, base, ...idx] = op.operands;
        p.print(" ", p.operand(v), ", ", p.operand(base), "[", p.operands(idx), "]", p.attrDict(op), " : ", p.type(base.type), ", ", p.type(v.type));
      },
      verify(op) { return checkMemAccess(op, op.operand(1), op.operands.length - 2, op.operand(0).type); },
    },
    castOp("vector.broadcast", {
      fold(op, consts) { // of its own type, its source; of a scalar or splat constant, a splat
        const c = consts[0], t = op.result.type as VectorType;
        if (op.operand(0).type === t) return [op.operand(0)];
        return c instanceof DenseElementsAttr && c.isSplat ? [new DenseElementsAttr(t, [c.at(0)], true)] : foldSplat(op, consts);
      },
      resultTypes: [ANY_VECTOR],
      canonicalize: broadcastOfBroadcast,
      verify(op) {
        const src = op.operand(0).type, dst = op.result.type as VectorType;
        if (elementTypeOf(src) !== dst.elementType) return "failed to verify that source operand and result have same element type";
        if (src instanceof ShapedType && !(src instanceof VectorType)) return "source type is not a vector";
        if (!(src instanceof VectorType)) return;
        if (src.rank > dst.rank) return "source rank higher than destination rank";
        const off = dst.rank - src.rank;
        for (let i = 0; i < src.rank; i++) {
          const s = src.shape[i], d = dst.shape[off + i];
          if (s !== 1 && s !== d) return `dimension mismatch (${s} vs. ${d})`;
        }
      },
    }, undefined, [], [VectorType]),
    sameTypeOp("vector.fma", 3, ["Elementwise"], {
      props: [], operandTypes: [FLOAT_VECTOR, FLOAT_VECTOR, FLOAT_VECTOR], resultTypes: [FLOAT_VECTOR],
    }, [VectorType]),
    {
      name: "vector.reduction", operands: [1, 2], results: 1, traits: ["Pure"], props: ["kind", "fastmath"], implicitAttrs: FASTMATH_NONE,
      operandTypes: [ANY_VECTOR, ANY],
      parse(p, st) {
        parseKind(p, st);
        p.expect(",");
        const ops = [p.parseOperand()];
        if (p.accept(",")) ops.push(p.parseOperand());
        if (p.parseOptionalKeyword("fastmath")) st.addAttr("fastmath", parseFlagList(p, "fastmath"));
        p.parseOptionalAttrDict(st);
        const vt = p.parseColonType();
        p.parseKeyword("into");
        const dt = p.parseType();
        st.resultTypes = [dt];
        st.operands = p.resolveOperands(ops, ops.length === 2 ? [vt, dt] : [vt]);
      },
      print(p, op) {
        const fm = op.attr("fastmath");
        const flags = fm && !fm.str.includes("<none>") ? " fastmath" + fm.str.slice(fm.str.indexOf("<")) : "";
        p.print(` <${reductionKind(op)}>, `, p.operands(op.operands), flags, p.attrDict(op, ["kind", "fastmath"]),
          " : ", p.type(op.operand(0).type), " into ", p.type(op.result.type));
      },
      verify(op, ctx) {
        const kind = reductionKind(op);
        if (!op.attr("kind")) return "requires attribute 'kind'";
        if (!(VECTOR_KINDS as readonly string[]).includes(kind)) return badProperty(op, ctx, "kind", this.props!);
        const vt = op.operand(0).type as VectorType;
        if (vt.rank > 1) return `unsupported reduction rank: ${vt.rank}`;
        const et = vt.elementType;
        if (et !== op.result.type) return "failed to verify that source operand and result have same element type";
        if (op.operands.length === 2 && op.operand(1).type !== op.result.type) return "failed to verify that dest and acc have the same type";
        if (!kindSupports(kind, et)) return `unsupported reduction type ''${et.str}'' for kind '${kind}'` // MLIR quotes the type twice;
      },
    },
    {
      name: "vector.splat", operands: 1, results: 1, traits: ["Pure"], operandTypes: [INT_INDEX_FLOAT], resultTypes: [ANY_VECTOR],
      parse(p, st) {
        const a = p.parseOperand();
        p.parseOptionalAttrDict(st);
        p.expect(":");
        const vt = p.parseTypeOf(VectorType);
        st.resultTypes = [vt];
        st.operands = [p.resolveOperand(a, vt.elementType)];
      },
      print(p, op) { p.print(" ", p.operand(op.operand(0)), p.attrDict(op), " : ", p.type(op.result.type)); },
      fold: foldSplat,
      verify(op) {
        if (op.operand(0).type !== elementTypeOf(op.result.type)) return "failed to verify that operand type matches element type of result";
      },
    },
    {
      name: "vector.extract", operands: [1, -1], results: 1, traits: ["Pure"], props: ["static_position"],
      operandTypes: [ANY_VECTOR, VARIADIC_INDEX],
      parse(p, st) {
        const v = p.parseOperand();
        const pos = parsePositions(p);
        p.parseOptionalAttrDict(st);
        const rt = p.parseColonType();
        p.parseKeyword("from");
        const vt = p.parseType();
        st.addAttr("static_position", i64Array(pos.statics));
        st.resultTypes = [rt];
        st.operands = [p.resolveOperand(v, vt), ...p.resolveOperands(pos.dynamic, index)];
      },
      print(p, op) {
        const [v, ...dyn] = op.operands;
        p.print(" ", p.operand(v), printDynamicIndexList(p, dyn, arrayProp(op, "static_position")), p.attrDict(op, ["static_position"]),
          " : ", p.type(op.result.type), " from ", p.type(v.type));
      },
      verify(op, ctx) { return checkPositions(op, op.operand(0).type as VectorType, op.result.type, ctx); },
      fold(op) {
        // (MLIR's order: no position and the same type, then foldExtractChains)
        if (op.operands.length === 1 && !arrayProp(op, "static_position").length && op.operand(0).type === op.result.type) return [op.operand(0)];
        return foldExtractChains(op);
      },
    },
    {
      name: "vector.insert", operands: [2, -1], results: 1, traits: ["Pure"], props: ["static_position"],
      operandTypes: [ANY, ANY_VECTOR, VARIADIC_INDEX], resultTypes: [ANY_VECTOR],
      parse(p, st) {
        const s = p.parseOperand();
        p.expect(",");
        const d = p.parseOperand();
        const pos = parsePositions(p);
        p.parseOptionalAttrDict(st);
        const stype = p.parseColonType();
        p.parseKeyword("into");
        const dt = p.parseType();
        st.addAttr("static_position", i64Array(pos.statics));
        st.resultTypes = [dt];
        st.operands = [p.resolveOperand(s, stype), p.resolveOperand(d, dt), ...p.resolveOperands(pos.dynamic, index)];
      },
      print(p, op) {
        const [s, d, ...dyn] = op.operands;
        p.print(" ", p.operand(s), ", ", p.operand(d), " ", printDynamicIndexList(p, dyn, arrayProp(op, "static_position")),
          p.attrDict(op, ["static_position"]), " : ", p.type(s.type), " into ", p.type(d.type));
      },
      verify(op, ctx) {
        const dt = op.operand(1).type;
        if (op.result.type !== dt) return "failed to verify that all of {dest, result} have same type";
        if (elementTypeOf(op.operand(0).type) !== elementTypeOf(dt)) return "failed to verify that source operand and result have same element type";
        return checkPositions(op, dt as VectorType, op.operand(0).type, ctx);
      },
    },
    transferRead,
    transferWrite,
    ...VECTOR_ALGEBRA,
    ...VECTOR_LANES,
    {
      // `vector.extractelement %v[%i : i32] : vector<4xf32>` (`%v[]` for 0-d vectors)
      name: "vector.extractelement", operands: [1, 2], results: 1, traits: ["Pure"], operandTypes: [ANY_VECTOR, SIGNLESS_INT_OR_INDEX],
      parse(p, st) {
        const v = p.parseOperand();
        const pos = parseElementPosition(p);
        p.parseOptionalAttrDict(st);
        const vt = p.parseColonType();
        st.resultTypes = [elementTypeOf(vt)];
        st.operands = [p.resolveOperand(v, vt), ...(pos ? [p.resolveOperand(pos.operand, pos.type)] : [])];
      },
      print(p, op) {
        p.print(" ", p.operand(op.operand(0)), printElementPosition(p, op.operands[1]), p.attrDict(op), " : ", p.type(op.operand(0).type));
      },
      verify(op) {
        if (op.result.type !== elementTypeOf(op.operand(0).type)) return "failed to verify that result type matches element type of vector operand";
        return checkElementAccess(op.operand(0).type as VectorType, op.operands[1]);
      },
    },
    {
      name: "vector.insertelement", operands: [2, 3], results: 1, traits: ["Pure"],
      operandTypes: [ANY, ANY_VECTOR, SIGNLESS_INT_OR_INDEX], resultTypes: [ANY_VECTOR],
      parse(p, st) {
        const s = p.parseOperand();
        p.expect(",");
        const v = p.parseOperand();
        const pos = parseElementPosition(p);
        p.parseOptionalAttrDict(st);
        const vt = p.parseColonType();
        st.resultTypes = [vt];
        st.operands = [p.resolveOperand(s, elementTypeOf(vt)), p.resolveOperand(v, vt), ...(pos ? [p.resolveOperand(pos.operand, pos.type)] : [])];
      },
      print(p, op) {
        p.print(" ", p.operand(op.operand(0)), ", ", p.operand(op.operand(1)), printElementPosition(p, op.operands[2]), p.attrDict(op),
          " : ", p.type(op.result.type));
      },
      verify(op) {
        if (op.operand(0).type !== elementTypeOf(op.result.type)) return "failed to verify that source operand type matches element type of result";
        if (op.result.type !== op.operand(1).type) return "failed to verify that all of {dest, result} have same type";
        return checkElementAccess(op.operand(1).type as VectorType, op.operands[2]);
      },
    },
    castOp("vector.shape_cast", {
      operandTypes: [ANY_VECTOR], resultTypes: [ANY_VECTOR],
      verify(op) {
        const a = op.operand(0).type as VectorType, b = op.result.type as VectorType;
        if (a.elementType !== b.elementType) return "source/result vectors must have same element type";
        if (a.numElements !== b.numElements) return "source/result number of elements must match";
        if (a.rank !== b.rank && !(a.rank < b.rank ? groupsOf(a.shape, b.shape) : groupsOf(b.shape, a.shape))) return "invalid shape cast";
      },
    }, undefined, [VectorType]),
    {
      // `vector.print %v : T [punctuation <p>]`, `vector.print str "..."`, `vector.print punctuation <p>`
      name: "vector.print", operands: [0, 1], results: 0, props: ["punctuation", "stringLiteral"], defaults: { punctuation: new OpaqueAttr("#vector.punctuation<newline>") },
      // (MLIR 19's constraint has an empty summary: "must be , but got")
      operandTypes: [tc("", (t) => t instanceof VectorType || INT_INDEX_FLOAT.ok(t))],
      parse(p, st) {
        // MLIR 19 prints `vector.print` bare before a line defining values: `%x =`, `%x, %y =`
        // and `%x:2 =` there are not its operand (mlir-opt-19 cannot read its own output back).
        const save = p.lex.pos, v = p.parseOptionalOperand(), next = p.lex.peek();
        if (v && (next.text === "=" || next.text === "," || (next.text === ":" && /^\s*\d/.test(p.lex.text.slice(next.end))))) p.lex.pos = save;
        else if (v) st.operands = [p.resolveOperand(v, p.parseColonType())];
        let punct = "newline";
        for (;;) {
          const loc = p.locHere();
          if (p.parseOptionalKeyword("str")) st.addAttr("stringLiteral", new StringAttr(p.parseString()));
          else if (p.parseOptionalKeyword("punctuation")) {
            punct = p.balancedAngle().slice(1, -1).trim();
            if (!PUNCTUATIONS.includes(punct)) throw p.enumError(loc, "::mlir::vector::PrintPunctuation", PUNCTUATIONS, "Vector_PrintPunctuation");
          } else break;
        }
        st.addAttr("punctuation", new OpaqueAttr(`#vector.punctuation<${punct}>`));
        p.parseOptionalAttrDict(st);
      },
      print(p, op) {
        if (op.operands.length) p.print(" ", p.operand(op.operand(0)), " : ", p.type(op.operand(0).type));
        const str = op.attr("stringLiteral");
        if (str) p.print(" str ", str.str);
        // A bare `vector.print` (MLIR 19 prints it so) would take the next line's `%x = ...` as its
        // operand, in MLIR's parser and ours: the newline is spelled out.
        const punct = printPunctuation(op);
        if (punct !== "newline" || (!op.operands.length && !str)) p.print(" punctuation <", punct, ">");
        p.print(p.attrDict(op, ["punctuation", "stringLiteral"]));
      },
      verify(op, ctx) {
        if (!PUNCTUATIONS.includes(printPunctuation(op))) return badProperty(op, ctx, "punctuation", this.props!);
        // MLIR prints a string as it is: no value, no punctuation.
        if (op.attr("stringLiteral") && (op.operands.length || printPunctuation(op) !== "newline")) return "failed to verify that `source` or `punctuation` are not set when printing strings";
      },
    },
  ] satisfies OpSpec[]).map((s): OpSpec => (VECTOR_PATTERNS[s.name] ? { ...s, ...VECTOR_PATTERNS[s.name] } : s)), CAST_FOLDING),
};

/** The runner-utils function MLIR's lowering calls for each punctuation (none for no_punctuation). */
export const PUNCTUATION_CALLS: Readonly<Record<string, string | undefined>> = {
  no_punctuation: undefined, newline: "printNewline", comma: "printComma", open: "printOpen", close: "printClose",
};
const PUNCTUATIONS = Object.keys(PUNCTUATION_CALLS);
/** The punctuation a `vector.print` ends with (`newline` when absent). */
export function printPunctuation(op: Operation): string {
  const a = op.attr("punctuation");
  const m = a ? /<\s*([a-z_]+)\s*>/.exec(a.str) : null;
  return a ? (m ? m[1] : "") : "newline";
}

/** `[%i : i32]` or `[]`. */
function parseElementPosition(p: OpAsmParser): { operand: UnresolvedOperand; type: Type } | undefined {
  p.expect("[");
  if (p.accept("]")) return undefined;
  const operand = p.parseOperand();
  const type = p.parseColonType();
  p.expect("]");
  return { operand, type };
}
function printElementPosition(p: OpAsmPrinter, pos: Value | undefined): string {
  return pos ? `[${p.operand(pos)} : ${p.type(pos.type)}]` : "[]";
}
function checkElementAccess(vt: VectorType, pos: Value | undefined): string | undefined {
  if (vt.rank > 1) return "unexpected >1 vector rank";
  if (vt.rank === 0 && pos) return "expected position to be empty with 0-D vector";
  if (vt.rank === 1 && !pos) return "expected position for 1-D vector";
}
