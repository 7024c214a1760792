// memref dialect: buffers and their views — alloc/alloca/dealloc, load/store, dim, cast,
// subview, reinterpret_cast, copy, global/get_global — in MLIR 19's custom and generic forms.
import {
  AffineMapAttr, ArrayAttr, DenseArrayAttr, IntegerAttr, StridedLayoutAttr, StringAttr, SymbolRefAttr, TypeAttr, UnitAttr, isElementsAttr, symbolText, unit,
} from "../ir/attributes.js";
import { OpResult, Operation, symbolName, type BlockArgument, type Value } from "../ir/core.js";
import { MEMREF_PATTERNS } from "./memref-canonicalize.js";
import { hasIdentityLayout, isStrided, stridesAndOffset } from "./memref-layout.js";
import { MEMREF_MORE_OPS } from "./memref-more.js";
import { castCompatible, foldMemRefCast, inferSubviewType, mixedList, reassociation, segment, segmentSizes, segments, staticList } from "./memref-parts.js";
import { listCountProblem, mixedRankProblem, negativeOffsetOrSize, parseDynamicIndexList } from "./indexing.js";
import { withResultNames, type Dialect, type OpSpec, type OperationState } from "../ir/dialect.js";
import { DiagnosticError, formatLoc, opSite } from "../ir/diagnostics.js";
import type { OpAsmParser } from "../ir/parser.js";
import type { OpAsmPrinter } from "../ir/printer.js";
import { DYN, MemRefType, compatibleShapes, TensorType, Type, UnrankedMemRefType, elementTypeOf, i64, index } from "../ir/types.js";
import {
  ANY, ANY_MEMREF, ANY_MEMREF_OR_UNRANKED, INDEX, RANKED_OR_UNRANKED_MEMREF, STRIDED_MEMREF, VARIADIC_INDEX, castOp, i64Arrays, operandOnlyOp, plainError, tc,
} from "./common.js";

export { isStrided, stridesAndOffset };
export { castCompatible, castWidens, foldMemRefCast, foldMemRefCastWhere, inferSubviewType, mixedList, reassociation, segment, segmentSizes, staticList } from "./memref-parts.js";
export { permutation } from "./memref-more.js";

/** Ops whose (memref) result is a view of their first operand's buffer (MLIR's ViewLikeOpInterface): no copy, the same memory. */
export const MEMREF_VIEWS: ReadonlySet<string> = new Set(["memref.subview", "memref.cast", "memref.reinterpret_cast", "memref.collapse_shape",
  "memref.expand_shape", "memref.transpose", "memref.view", "memref.memory_space_cast", "memref.reshape", "memref.extract_strided_metadata"]);
/** memref.alloc/alloca's alignment in bytes: `dflt` when absent or 0 (which MLIR's verifier allows). */
export function allocAlignment(op: Operation, dflt: number): number {
  const a = op.attr("alignment");
  return a instanceof IntegerAttr && a.value > 0n ? Number(a.value) : dflt;
}



/** The memref, indices and (store) value of a memref.load / memref.store. */
export function loadStoreParts(op: Operation): { memref: Value; indices: Value[]; value?: Value } {
  return op.name === "memref.store"
    ? { value: op.operand(0), memref: op.operand(1), indices: op.operands.slice(2) }
    : { memref: op.operand(0), indices: op.operands.slice(1) };
}


// ---- syntax helpers --------------------------------------------------------------------------
function parseMemRefType(p: OpAsmParser): MemRefType {
  p.expect(":");
  return p.parseTypeOf(MemRefType);
}

function printDynamicIndexList(p: OpAsmPrinter, op: Operation, which: "offsets" | "sizes" | "strides"): string {
  return `[${mixedList(op, which).map((v) => (typeof v === "number" ? String(v) : p.name(v))).join(", ")}]`;
}

const VIEW_ELIDED = ["operandSegmentSizes", "static_offsets", "static_sizes", "static_strides"];
const VIEW_ARRAYS = i64Arrays("static_offsets", "static_sizes", "static_strides");

/** Shared by subview (`[o] [s] [st]`) and reinterpret_cast (`offset: [o], sizes: [s], strides: [st]`). */
function parseViewOp(p: OpAsmParser, st: OperationState, keywords: boolean): void {
  const src = p.parseOperand();
  if (keywords) p.parseKeyword("to");
  const lists = (["offset", "sizes", "strides"] as const).map((kw, i) => {
    if (keywords) { if (i) p.expect(","); p.parseKeyword(kw); p.expect(":"); }
    return parseDynamicIndexList(p);
  });
  p.parseOptionalAttrDict(st);
  p.expect(":");
  const from = keywords ? p.parseTypeOf(MemRefType, UnrankedMemRefType) : p.parseTypeOf(MemRefType);
  p.parseKeyword("to");
  const to = p.parseTypeOf(MemRefType);
  st.operands = [p.resolveOperand(src, from), ...lists.flatMap((l) => p.resolveOperands(l.dynamic, index))];
  st.resultTypes = [to];
  st.addAttr("operandSegmentSizes", segmentSizes(1, ...lists.map((l) => l.dynamic.length)));
  st.addAttr("static_offsets", new DenseArrayAttr(i64, lists[0].statics));
  st.addAttr("static_sizes", new DenseArrayAttr(i64, lists[1].statics));
  st.addAttr("static_strides", new DenseArrayAttr(i64, lists[2].statics));
}

/** MLIR's OffsetSizeAndStrideOpInterface check: list lengths (at most `ranks`) and their dynamic entries. */
function verifyViewLists(op: Operation, ranks: readonly [number, number, number]): string | undefined {
  const segs = segments(op), [offs, sizes, strides] = [staticList(op, "static_offsets"), staticList(op, "static_sizes"), staticList(op, "static_strides")];
  const mixed = mixedRankProblem(offs.length, sizes.length, strides.length, ranks[0] === 1);
  if (mixed) return mixed;
  for (const [k, name, statics] of [[1, "offset", offs], [2, "size", sizes], [3, "stride", strides]] as const) {
    const bad = listCountProblem(name, ranks[k - 1], statics, segs[k]);
    if (bad) return bad;
  }
  return negativeOffsetOrSize(offs, sizes);
}

function verifySubview(op: Operation): string | undefined {
  const src = op.operand(0).type as MemRefType, res = op.result.type as MemRefType;
  const bad = verifyViewLists(op, [src.rank, src.rank, src.rank]);
  if (bad) return bad;
  if (src.memorySpace !== res.memorySpace) return `different memory spaces specified for base memref type '${src.str}' and subview memref type '${res.str}'`;
  if (!isStrided(src)) return `base type '${src.str}' is not strided`;
  if (res.rank > src.rank) return "expected result rank to be smaller or equal to the source rank. ";
  // The inferred type, or it with unit dims dropped: the other dims keep their sizes, strides and offset.
  const want = inferSubviewType(src, staticList(op, "static_offsets"), staticList(op, "static_sizes"), staticList(op, "static_strides"));
  const why = !rankReduces(want.shape, res.shape) ? "sizes" : !rankReducedView(want, res) ? "layout" : undefined;
  if (why) return `expected result type to be '${want.str}' or a rank-reduced version. (mismatch of result ${why}) `;
  if (src.elementType !== res.elementType) return `expected result element type to be '${src.elementType.str}'`;
}

/** MLIR's ReinterpretCastOp::verify (with emitError: no op prefix). */
function verifyReinterpretCast(op: Operation): string | undefined {
  const res = op.result.type as MemRefType;
  const bad = verifyViewLists(op, [1, res.rank, res.rank]);
  if (bad) return bad;
  const src = op.operand(0).type as MemRefType | UnrankedMemRefType;
  if (src.memorySpace !== res.memorySpace) return `different memory spaces specified for source type '${src.str}' and result memref type '${res.str}'`;
  if (src.elementType !== res.elementType) return `different element types specified for source type '${src.str}' and result memref type '${res.str}'`;
  // The result type must say what the static lists say (MLIR's wording; `?` in the type matches anything).
  const show = (v: number) => (v === DYN ? "dynamic" : String(v));
  const sizes = staticList(op, "static_sizes"), strides = staticList(op, "static_strides"), [offset] = staticList(op, "static_offsets");
  for (let d = 0; d < res.rank; d++) {
    if (res.shape[d] !== DYN && res.shape[d] !== sizes[d]) return `expected result type with size = ${show(sizes[d])} instead of ${res.shape[d]} in dim = ${d}`;
  }
  if (!isStrided(res)) return `expected result type to have strided layout but found '${res.str}'`;
  const got = stridesAndOffset(res);
  if (got.offset !== DYN && got.offset !== offset) return `expected result type with offset = ${show(offset)} instead of ${got.offset}`;
  for (let d = 0; d < res.rank; d++) {
    if (got.strides[d] !== DYN && got.strides[d] !== strides[d]) return `expected result type with stride = ${show(strides[d])} instead of ${got.strides[d]} in dim = ${d}`;
  }
}

/** Ops whose regions free what memref.alloca allocates in them (MLIR's AutomaticAllocationScope). */
const ALLOCATION_SCOPES: ReadonlySet<string> = new Set(["func.func", "llvm.func", "memref.alloca_scope"]);
const hasAllocationScope = (op: Operation) => { for (let o = op.parentOp; o; o = o.parentOp) if (ALLOCATION_SCOPES.has(o.name)) return true; return false; };

/** `(%d0, %d1)[%s0] {attrs} : memref<...>` — alloc and alloca. */
function allocOp(name: string): Dialect["ops"][number] {
  return {
    name, operands: [0, -1], results: 1, traits: ["MemAlloc"], props: ["alignment", "operandSegmentSizes"],
    segments: 2, operandTypes: [VARIADIC_INDEX, VARIADIC_INDEX], resultTypes: [ANY_MEMREF],
    parse(p, st) {
      const dyn = p.parseOperandList("paren");
      const syms = p.peekText() === "[" ? p.parseOperandList("square") : [];
      p.parseOptionalAttrDict(st);
      const t = parseMemRefType(p);
      st.operands = [...p.resolveOperands(dyn, index), ...p.resolveOperands(syms, index)];
      st.resultTypes = [t];
      st.addAttr("operandSegmentSizes", segmentSizes(dyn.length, syms.length));
    },
    print(p, op) {
      const syms = segment(op, 1);
      p.print("(", p.operands(segment(op, 0)), ")", syms.length ? `[${p.operands(syms)}]` : "",
        p.attrDict(op, ["operandSegmentSizes"]), " : ", p.type(op.result.type));
    },
    verify(op) {
      const t = op.result.type as MemRefType, segs = segments(op);
      const want = t.shape.filter((d) => d === DYN).length;
      if (segs[0] !== want) return "dimension operand count does not equal memref dynamic dimension count";
      // The layout's symbols: an affine map's, or a strided layout's dynamic strides and offset (its map's symbols)
      const syms = t.layout instanceof AffineMapAttr ? t.layout.map.numSyms
        : t.layout instanceof StridedLayoutAttr ? [t.layout.offset, ...t.layout.strides].filter((x) => x === DYN).length : 0;
      if (segs[1] !== syms) return `symbol operand count does not equal memref symbol count: expected ${syms}, got ${segs[1]}`;
      if (name === "memref.alloca" && !hasAllocationScope(op)) return "requires an ancestor op with AutomaticAllocationScope trait";
      // MLIR: any non-negative i64 (the engines take 0 as their default and reject non-powers of two)
      const al = op.attr("alignment");
      if (al && (!(al instanceof IntegerAttr) || al.type !== i64 || al.value < 0n)) return "attribute 'alignment' failed to satisfy constraint: 64-bit signless integer attribute whose minimum value is 0";
    },
  };
}

function indicesMatch(op: Operation, mem: Value, indices: readonly Value[]): string | undefined {
  const t = mem.type;
  if (!(t instanceof MemRefType)) return "requires a ranked memref operand";
  if (indices.length !== t.rank) return op.name === "memref.store" ? "store index operand count not equal to memref rank" : `incorrect number of indices for load, expected ${t.rank} but got ${indices.length}`;
}

const GLOBAL_PROPS = ["sym_name", "sym_visibility", "type", "initial_value", "constant", "alignment"];

/** The memref type of a memref.global. */
export const globalType = (op: Operation): Type | undefined => op.attr<TypeAttr>("type")?.type;

/** `specs` whose ops in `names` first fold memref.cast operands, then run their own patterns (MLIR: their fold does). */
export function foldingMemRefCasts(specs: readonly OpSpec[], names: ReadonlySet<string>): OpSpec[] {
  return specs.map((s) => (names.has(s.name) ? { ...s, canonicalize: (op, rw) => foldMemRefCast(op) || !!s.canonicalize?.(op, rw) } : s));
}

export const memref: Dialect = {
  name: "memref",
  ops: withResultNames([
    allocOp("memref.alloc"),
    allocOp("memref.alloca"),
    operandOnlyOp("memref.dealloc", { operandTypes: [ANY_MEMREF_OR_UNRANKED] }, [MemRefType, UnrankedMemRefType]),
    {
      name: "memref.load", operands: [1, -1], results: 1, traits: ["MemRead"], props: ["nontemporal"], operandTypes: [ANY_MEMREF, VARIADIC_INDEX],
      parse(p, st) {
        const mem = p.parseOperand();
        const idx = p.parseOperandList("square");
        p.parseOptionalAttrDict(st);
        const t = parseMemRefType(p);
        st.operands = [p.resolveOperand(mem, t), ...p.resolveOperands(idx, index)];
        st.resultTypes = [t.elementType];
      },
      print(p, op) {
        p.print(" ", p.operand(op.operand(0)), "[", p.operands(op.operands.slice(1)), "]", p.attrDict(op), " : ", p.type(op.operand(0).type));
      },
      verify(op) {
        const bad = indicesMatch(op, op.operand(0), op.operands.slice(1));
        if (bad) return bad;
        if ((op.operand(0).type as MemRefType).elementType !== op.result.type) return "failed to verify that result type matches element type of 'memref'";
      },
    },
    {
      name: "memref.store", operands: [2, -1], results: 0, props: ["nontemporal"], operandTypes: [ANY, ANY_MEMREF, VARIADIC_INDEX],
      parse(p, st) {
        const v = p.parseOperand();
        p.expect(",");
        const mem = p.parseOperand();
        const idx = p.parseOperandList("square");
        p.parseOptionalAttrDict(st);
        const t = parseMemRefType(p);
        st.operands = [p.resolveOperand(v, t.elementType), p.resolveOperand(mem, t), ...p.resolveOperands(idx, index)];
      },
      print(p, op) {
        p.print(" ", p.operand(op.operand(0)), ", ", p.operand(op.operand(1)), "[", p.operands(op.operands.slice(2)), "]",
          p.attrDict(op), " : ", p.type(op.operand(1).type));
      },
      verify(op) {
        const bad = indicesMatch(op, op.operand(1), op.operands.slice(2));
        if (bad) return bad;
        const et = (op.operand(1).type as MemRefType).elementType;
        if (op.operand(0).type !== et) return "failed to verify that type of 'value' matches element type of 'memref'";
      },
    },
    {
      name: "memref.dim", operands: 2, results: 1, traits: ["Pure"], operandTypes: [RANKED_OR_UNRANKED_MEMREF, INDEX], resultTypes: [INDEX],
      parse(p, st) {
        const [m, i] = p.parseOperands(2);
        p.parseOptionalAttrDict(st);
        const t = p.parseColonType();
        st.operands = [p.resolveOperand(m, t), p.resolveOperand(i, index)];
        st.resultTypes = [index];
      },
      print(p, op) { p.print(" ", p.operands(op.operands), p.attrDict(op), " : ", p.type(op.operand(0).type)); },
    },
    castOp("memref.cast", {
      operandTypes: [ANY_MEMREF_OR_UNRANKED], resultTypes: [ANY_MEMREF_OR_UNRANKED],
      verify(op) {
        const a = op.operand(0).type, b = op.result.type;
        if (!castCompatible(a, b)) return `operand type '${a.str}' and result type '${b.str}' are cast incompatible`;
      },
    }),
    {
      name: "memref.subview", operands: [1, -1], results: 1, traits: ["Pure"], props: VIEW_ELIDED, propChecks: VIEW_ARRAYS,
      segments: 4, operandTypes: [ANY_MEMREF, VARIADIC_INDEX, VARIADIC_INDEX, VARIADIC_INDEX], resultTypes: [ANY_MEMREF],
      parse(p, st) { parseViewOp(p, st, false); },
      print(p, op) {
        p.print(" ", p.operand(op.operand(0)), printDynamicIndexList(p, op, "offsets"), " ", printDynamicIndexList(p, op, "sizes"), " ",
          printDynamicIndexList(p, op, "strides"), p.attrDict(op, VIEW_ELIDED), " : ", p.type(op.operand(0).type), " to ", p.type(op.result.type));
      },
      // MLIR's SubViewOp::verify says all of these with emitError: no `'memref.subview' op` prefix
      verify: (op, ctx) => plainError(op, ctx, verifySubview(op)),
    },
    {
      name: "memref.reinterpret_cast", operands: [1, -1], results: 1, traits: ["Pure"], props: VIEW_ELIDED, propChecks: VIEW_ARRAYS,
      segments: 4, operandTypes: [ANY_MEMREF_OR_UNRANKED, VARIADIC_INDEX, VARIADIC_INDEX, VARIADIC_INDEX], resultTypes: [ANY_MEMREF],
      parse(p, st) { parseViewOp(p, st, true); },
      print(p, op) {
        p.print(" ", p.operand(op.operand(0)), " to offset: ", printDynamicIndexList(p, op, "offsets"), ", sizes: ",
          printDynamicIndexList(p, op, "sizes"), ", strides: ", printDynamicIndexList(p, op, "strides"),
          p.attrDict(op, VIEW_ELIDED), " : ", p.type(op.operand(0).type), " to ", p.type(op.result.type));
      },
      verify: (op, ctx) => plainError(op, ctx, verifyReinterpretCast(op)),
    },
    {
      name: "memref.copy", operands: 2, results: 0, operandTypes: [ANY_MEMREF_OR_UNRANKED, ANY_MEMREF_OR_UNRANKED],
      parse(p, st) {
        const [a, b] = p.parseOperands(2);
        p.parseOptionalAttrDict(st);
        const from = p.parseColonType();
        p.parseKeyword("to");
        st.operands = [p.resolveOperand(a, from), p.resolveOperand(b, p.parseType())];
      },
      print(p, op) {
        p.print(" ", p.operands(op.operands), p.attrDict(op), " : ", p.type(op.operand(0).type), " to ", p.type(op.operand(1).type));
      },
      verify(op) {
        const [a, b] = op.operands.map((v) => v.type);
        if (elementTypeOf(a) !== elementTypeOf(b)) return "requires the same element type for all operands";
        // SameOperandsShape: an unranked memref's shape is compatible with any
        if (a instanceof MemRefType && b instanceof MemRefType && !compatibleShapes(a, b)) return "requires the same shape for all operands";
      },
    },
    {
      name: "memref.global", operands: 0, results: 0, traits: ["Symbol"], props: GLOBAL_PROPS,
      propStorage: { sym_name: StringAttr, sym_visibility: StringAttr, type: TypeAttr, alignment: IntegerAttr },
      parse(p, st) {
        const vis = p.parseOptionalString();
        if (vis !== undefined) st.addAttr("sym_visibility", new StringAttr(vis));
        if (p.parseOptionalKeyword("constant")) st.addAttr("constant", unit);
        st.addAttr("sym_name", p.parseSymbolName());
        // MLIR's parseGlobalMemrefOpTypeAndInitialValue: its errors at the op's name
        const t = p.parseColonType();
        if (!(t instanceof MemRefType) || !t.hasStaticShape) throw p.customError(`type should be static shaped memref, but got '${t.str}'`, st.loc);
        st.addAttr("type", new TypeAttr(t));
        if (p.accept("=")) {
          if (p.parseOptionalKeyword("uninitialized")) st.addAttr("initial_value", unit);
          else {
            const init = p.parseAttribute(TensorType.get(t.shape, t.elementType));
            if (!isElementsAttr(init)) throw p.customError("initial value should be a unit or elements attribute", st.loc);
            st.addAttr("initial_value", init);
          }
        }
        p.parseOptionalAttrDict(st);
      },
      print(p, op) {
        const vis = op.attr<StringAttr>("sym_visibility");
        if (vis) p.print(" ", vis.str);
        if (op.attr("constant")) p.print(" constant");
        const t = globalType(op)!;
        p.print(" ", symbolText(op.attr<StringAttr>("sym_name")!.value), " : ", p.type(t));
        const init = op.attr("initial_value");
        if (init instanceof UnitAttr) p.print(" = uninitialized");
        else if (isElementsAttr(init)) p.print(" = ", init.str.slice(0, init.str.length - init.type.str.length - 3));
        else if (init) p.print(" = ", init.str);
        p.print(p.attrDict(op, GLOBAL_PROPS.filter((k) => k !== "alignment")));
      },
      verify(op, ctx) {
        if (!(op.attr("sym_name") instanceof StringAttr)) return "requires attribute 'sym_name'";
        const al = op.attr("alignment");
        if (al && !(al instanceof IntegerAttr && al.type === i64)) return "attribute 'alignment' failed to satisfy constraint: 64-bit signless integer attribute";
        if (al instanceof IntegerAttr && (al.value <= 0n || (al.value & (al.value - 1n)) !== 0n)) return ctx.error(op, `alignment attribute value ${al.value} is not a power of 2`);
        const t = globalType(op);
        if (!(t instanceof MemRefType) || !t.hasStaticShape) return `type should be static shaped memref, but got '${t?.str ?? "none"}'`;
        const init = op.attr("initial_value");
        const elements = isElementsAttr(init);
        if (elements && (init.type.elementType !== t.elementType || init.type.shape.join() !== t.shape.join())) {
          return `initial value expected to be of type '${TensorType.get(t.shape, t.elementType).str}', but was of type '${init.type.str}'`;
        }
        if (init && !elements && !(init instanceof UnitAttr)) return `initial value should be a unit or elements attribute, but got ${init.str}`;
      },
    },
    {
      name: "memref.get_global", operands: 0, results: 1, traits: ["Pure"], props: ["name"],
      resultTypes: [tc("statically shaped memref of any type values", (t) => t instanceof MemRefType && !t.shape.includes(DYN))],
      parse(p, st) {
        st.addAttr("name", new SymbolRefAttr(p.parseSymbolName().value));
        p.parseOptionalAttrDict(st);
        st.resultTypes = [parseMemRefType(p)];
      },
      print(p, op) { p.print(" ", op.attr("name")!.str, p.attrDict(op, ["name"]), " : ", p.type(op.result.type)); },
      verify(op) {
        if (!(op.attr("name") instanceof SymbolRefAttr)) return "requires a 'name' symbol reference attribute";
      },
      verifySymbolUses(op, ctx) {
        const ref = op.attr<SymbolRefAttr>("name")!, g = ctx.lookupSymbol(op, ref.root);
        if (!g || g.name !== "memref.global") return `'${ref.root}' does not reference a valid global memref`;
        if (globalType(g) !== op.result.type) return `result type '${op.result.type.str}' does not match type '${globalType(g)?.str}' of the global memref @${ref.root}`;
      },
    },
    {
      name: "memref.rank", operands: 1, results: 1, traits: ["Pure"], operandTypes: [ANY_MEMREF_OR_UNRANKED], resultTypes: [INDEX],
      parse(p, st) {
        const m = p.parseOperand();
        p.parseOptionalAttrDict(st);
        p.expect(":");
        st.operands = [p.resolveOperand(m, p.parseTypeOf(MemRefType, UnrankedMemRefType))];
        st.resultTypes = [index];
      },
      print(p, op) { p.print(" ", p.operand(op.operand(0)), p.attrDict(op), " : ", p.type(op.operand(0).type)); },
    },
    {
      name: "memref.extract_aligned_pointer_as_index", operands: 1, results: 1, traits: ["Pure"], operandTypes: [ANY_MEMREF_OR_UNRANKED], resultTypes: [INDEX],
      parse(p, st) {
        const m = p.parseOperand();
        p.parseOptionalAttrDict(st);
        st.operands = [p.resolveOperand(m, p.parseColonType())];
        p.expect("->");
        st.resultTypes = [p.parseType()];
      },
      print(p, op) { p.print(" ", p.operand(op.operand(0)), p.attrDict(op), " : ", p.type(op.operand(0).type), " -> ", p.type(op.result.type)); },
    },
    {
      name: "memref.collapse_shape", operands: 1, results: 1, traits: ["Pure"], operandTypes: [STRIDED_MEMREF], resultTypes: [STRIDED_MEMREF], props: ["reassociation"],
      parse(p, st) {
        const src = p.parseOperand();
        parseReassociation(p, st);
        p.parseOptionalAttrDict(st);
        p.expect(":");
        const from = p.parseTypeOf(MemRefType);
        p.parseKeyword("into");
        st.resultTypes = [p.parseTypeOf(MemRefType)];
        st.operands = [p.resolveOperand(src, from)];
      },
      print(p, op) {
        p.print(" ", p.operand(op.operand(0)), " ", op.attr("reassociation")!.str, p.attrDict(op, ["reassociation"]), " : ",
          p.type(op.operand(0).type), " into ", p.type(op.result.type));
      },
      verify: (op) => verifyReshape(op, op.operand(0).type as MemRefType, op.result.type as MemRefType, false),
    },
    {
      name: "memref.expand_shape", operands: [1, -1], results: 1, traits: ["Pure"], props: ["reassociation", "static_output_shape"], propChecks: i64Arrays("static_output_shape"),
      operandTypes: [STRIDED_MEMREF, VARIADIC_INDEX], resultTypes: [STRIDED_MEMREF],
      parse(p, st) {
        const src = p.parseOperand();
        parseReassociation(p, st);
        p.parseKeyword("output_shape");
        const shape = parseDynamicIndexList(p);
        p.parseOptionalAttrDict(st);
        p.expect(":");
        const from = p.parseTypeOf(MemRefType);
        p.parseKeyword("into");
        st.resultTypes = [p.parseTypeOf(MemRefType)];
        st.operands = [p.resolveOperand(src, from), ...p.resolveOperands(shape.dynamic, index)];
        st.addAttr("static_output_shape", new DenseArrayAttr(i64, shape.statics));
      },
      print(p, op) {
        const dyn = op.operands.slice(1);
        let j = 0;
        const shape = staticList(op, "static_output_shape").map((v) => (v === DYN ? p.name(dyn[j++]) : String(v)));
        p.print(" ", p.operand(op.operand(0)), " ", op.attr("reassociation")!.str, " output_shape [", shape.join(", "), "]",
          p.attrDict(op, ["reassociation", "static_output_shape"]), " : ", p.type(op.operand(0).type), " into ", p.type(op.result.type));
      },
      verify(op) {
        const res = op.result.type as MemRefType, shape = staticList(op, "static_output_shape");
        const bad = verifyReshape(op, res, op.operand(0).type as MemRefType, true);
        if (bad) return bad;
        if (shape.length !== res.rank) return `expected number of static shape bounds to be equal to the output rank (${res.rank}) but found ${shape.length} inputs instead`;
        const nDyn = shape.filter((v) => v === DYN).length;
        if (nDyn !== op.operands.length - 1) {
          return `mismatch in dynamic dims in output_shape and static_output_shape: static_output_shape has ${nDyn} dynamic dims while output_shape has ${op.operands.length - 1} values`;
        }
        const i = res.shape.findIndex((d, k) => d !== DYN && d !== shape[k]);
        if (i >= 0) return `invalid output shape provided at pos ${i}`;
      },
    },
    ...MEMREF_MORE_OPS,
  ], {
    "memref.alloc": "alloc", "memref.alloca": "alloca", "memref.cast": "cast", "memref.collapse_shape": "collapse_shape",
    "memref.expand_shape": "expand_shape", "memref.dim": "dim", "memref.reinterpret_cast": "reinterpret_cast", "memref.subview": "subview",
    "memref.view": "view", "memref.transpose": "transpose", "memref.extract_aligned_pointer_as_index": "intptr",
    "memref.reshape": "reshape", "memref.memory_space_cast": "memspacecast",
  }).map((s) => (MEMREF_PATTERNS[s.name] ? { ...s, ...MEMREF_PATTERNS[s.name] } : s)),
};


/** MLIR's verifyCollapsedShape and collapse/expand_shape checks, between the `big` and the `small` memref (collapse: source, result). */
function verifyReshape(op: Operation, big: MemRefType, small: MemRefType, expand: boolean): string | undefined {
  if (big.rank < small.rank) {
    return `has source rank ${expand ? small.rank : big.rank} and result rank ${expand ? big.rank : small.rank}. This is not ${expand ? `an expansion (${small.rank} > ${big.rank})` : `a collapse (${big.rank} < ${small.rank})`}.`;
  }
  const groups = reassociation(op);
  if (!groups) return "attribute 'reassociation' failed to satisfy constraint: Array of 64-bit integer array attributes";
  if (small.rank === 0) {
    if (groups.length) return "reassociation must be empty for collapsing to 0-D type";
    return big.shape.every((d) => d === 1) ? undefined : "rank 0 memrefs can only be extended/collapsed with/from ones";
  }
  if (groups.length !== small.rank) return `invalid number of reassociation groups: found ${groups.length}, expected ${small.rank}`;
  let next = 0;
  for (let i = 0; i < groups.length; i++) {
    for (const d of groups[i]) {
      if (d !== next++) return "reassociation indices must be contiguous";
      if (d >= big.rank) return `reassociation index ${d} is out of bounds`;
    }
    const dims = groups[i].map((d) => big.shape[d]), dyn = dims.includes(DYN);
    if ((small.shape[i] === DYN) !== dyn) return `collapsed dim (${i}) must be dynamic if and only if reassociation group is dynamic`;
    const size = dims.reduce((a, b) => a * b, 1);
    if (!dyn && size !== small.shape[i]) return `collapsed dim size (${small.shape[i]}) must equal reassociation group size (${size})`;
  }
  if (next !== big.rank) return `collapsed rank (${small.rank}) inconsistent with number of reassociation indices (${next})`;
  // The result type, exactly (MLIR compares types): the source's element type and memory space;
  // an identity layout for an identity source, else the strided layout that follows from the
  // source's, where the collapsed dims are contiguous.
  const res = expand ? big : small, src = expand ? small : big;
  const identity = hasIdentityLayout(src);
  const layout = identity ? undefined : expand ? expandedLayout(src, res.shape, groups) : collapsedLayout(src, groups);
  if (!identity && !layout) return "invalid source layout map or collapsing non-contiguous dims";
  const want = MemRefType.get(res.shape, src.elementType, layout, src.memorySpace);
  if (want.str !== res.str) {
    return `expected ${expand ? "expanded" : "collapsed"} type to be '${want.str}' but found '${res.str}'`;
  }
}

const times = (a: number, b: number) => (a === DYN || b === DYN ? DYN : a * b);

/**
 * MLIR's computeCollapsedLayoutMap: each group takes the stride of its last dim not of size 1
 * (dynamic where that dim is dynamic); undefined where a group's dims are not contiguous.
 */
export function collapsedLayout(src: MemRefType, groups: readonly number[][]): StridedLayoutAttr | undefined {
  const { strides, offset } = stridesAndOffset(src), shape = src.shape;
  const result = groups.map((g) => {
    let k = g.length - 1;
    while (k > 0 && shape[g[k]] === 1) k--;
    return shape[g[k]] !== DYN || g.length === 1 ? strides[g[k]] : DYN;
  });
  for (let i = 0; i < groups.length; i++) {
    let stride = result[i];
    for (let k = groups[i].length - 1; k > 0; k--) {
      const d = groups[i][k];
      stride = times(stride, shape[d]);
      if (shape[d - 1] !== 1 && stride !== DYN && strides[d - 1] !== DYN && stride !== strides[d - 1]) return undefined;
    }
  }
  return new StridedLayoutAttr(result, offset);
}

/** MLIR's computeExpandedLayoutMap: each group's dims take the source dim's stride, scaled by the sizes inside them. */
export function expandedLayout(src: MemRefType, shape: readonly number[], groups: readonly number[][]): StridedLayoutAttr {
  const { strides, offset } = stridesAndOffset(src), result: number[] = new Array(shape.length).fill(1);
  groups.forEach((g, i) => {
    let s = strides[i];
    for (let k = g.length - 1; k >= 0; k--) { result[g[k]] = s; s = times(s, shape[g[k]]); }
  });
  return new StridedLayoutAttr(result, offset);
}

function parseReassociation(p: OpAsmParser, st: OperationState): void {
  const loc = p.locHere();
  const a = p.parseAttribute();
  if (!(a instanceof ArrayAttr)) throw DiagnosticError.at(loc, "expected a reassociation list like [[0, 1], [2]]");
  st.addAttr("reassociation", a);
}

/** Whether `to` is `from` with some static unit dims dropped (a rank-reducing subview's shape). */
function rankReduces(from: readonly number[], to: readonly number[]): boolean {
  let j = 0;
  for (const d of from) {
    if (j < to.length && d === to[j]) j++;
    else if (d !== 1) return false;
  }
  return j === to.length;
}

/** Whether `res` is `want` with some unit dims dropped, the others keeping their sizes and strides, and the same offset. */
function rankReducedView(want: MemRefType, res: MemRefType): boolean {
  return stridesAndOffset(want).offset === stridesAndOffset(res).offset && rankReductionDrops(want, res) !== undefined;
}

/**
 * The unit dims of `want` (a subview's inferred type) that dropping leaves `res`'s sizes and
 * strides, the leftmost kept where several would do; undefined where none do. Where sizes alone
 * leave a choice (`[1, 1]` to `[1]`), the strides decide: what a rank-reducing subview drops.
 */
export function rankReductionDrops(want: MemRefType, res: MemRefType): number[] | undefined {
  const w = stridesAndOffset(want).strides, r = stridesAndOffset(res).strides, dropped: number[] = [];
  const fit = (i: number, j: number): boolean => {
    if (j === res.rank) {
      if (want.shape.slice(i).some((d) => d !== 1)) return false;
      for (let k = i; k < want.rank; k++) dropped.push(k);
      return true;
    }
    if (i === want.rank) return false;
    const n = dropped.length;
    if (want.shape[i] === res.shape[j] && w[i] === r[j] && fit(i + 1, j + 1)) return true;
    dropped.length = n;
    if (want.shape[i] !== 1) return false;
    dropped.push(i);
    if (fit(i + 1, j)) return true;
    dropped.length = n;
    return false;
  };
  return fit(0, 0) ? dropped : undefined;
}

/** The dims rank-reducing subview `op` drops (rankReductionDrops of its inferred type). */
export function subviewDrops(op: Operation): number[] {
  const src = op.operand(0).type as MemRefType, res = op.result.type as MemRefType;
  const want = inferSubviewType(src, staticList(op, "static_offsets"), staticList(op, "static_sizes"), staticList(op, "static_strides"));
  return rankReductionDrops(want, res) ?? [];
}

// ---- bounds-check failures (--check-bounds), worded the same by both engines ----------------

/** Where a memref came from, for runtime errors: the op that made it, or the argument it is. */
export function describeMemref(v: Value): string {
  if (v instanceof OpResult) return `result of ${v.op.name} at ${formatLoc(v.op.loc)}`;
  const b = v as BlockArgument, owner = b.block.parent?.parent;
  if (owner?.name === "func.func" && b.block === owner.body()) return `argument #${b.index} of @${symbolName(owner)}`;
  return `argument #${b.index} of ${owner?.name ?? "a block"} at ${formatLoc(owner?.loc)}`;
}

/**
 * The access (`memref.load at f.mlir:4:8`) and the memref (`result of memref.alloc at f.mlir:2:8
 * (memref<4xf32>)`, or only its type when the value is not known).
 */
export interface AccessSite { site: string; memref: string }
export const accessSite = (op: Operation, memref: Value | Type): AccessSite =>
  ({ site: opSite(op), memref: memref instanceof Type ? memref.str : `${describeMemref(memref)} (${memref.type.str})` });

/** The message of an access outside the shape; `width` elements from `idx` for a vector access. */
export function outOfBoundsMessage(a: AccessSite, idx: readonly number[], sizes: readonly number[], width = 1): string {
  const span = width > 1 ? ` (a ${width}-element vector access)` : "";
  return `${a.site}: index [${idx.join(", ")}] is out of bounds for ${a.memref} with shape [${sizes.join(", ")}]${span}`;
}

// ---- casts to a static shape or layout: undefined behaviour when the operand does not have it ----

export const CAST_FIELDS = ["rank", "size", "offset", "stride"] as const;
/** What a cast to a type fixes: the rank, a size or stride of dimension `dim`, or the offset. */
export interface CastCheck { field: typeof CAST_FIELDS[number]; dim: number; want: number }

/**
 * The checks of a cast to `t` (memref.cast, tensor.cast), in the order of MLIR's runtime
 * verification of memref.cast: the rank, each static size, then a memref's static offset and
 * strides (those of its strided form, so an identity layout fixes offset 0 and contiguous strides).
 * Those the operand's type fixes already hold (the verifier matched them).
 */
export function castChecks(t: MemRefType | TensorType): CastCheck[] {
  const out: CastCheck[] = [{ field: "rank", dim: 0, want: t.rank }];
  t.shape.forEach((want, dim) => { if (want !== DYN) out.push({ field: "size", dim, want }); });
  if (!(t instanceof MemRefType)) return out;
  const { strides, offset } = stridesAndOffset(t);
  if (offset !== DYN) out.push({ field: "offset", dim: 0, want: offset });
  strides.forEach((want, dim) => { if (want !== DYN) out.push({ field: "stride", dim, want }); });
  return out;
}

/** A failed cast check, worded the same by both engines: `size 5 of dimension 0 does not match memref<4xf32>`. */
export const castMismatch = (field: CastCheck["field"], dim: number, actual: number, to: string): string =>
  `${field} ${actual}${field === "size" || field === "stride" ? ` of dimension ${dim}` : ""} does not match ${to}`;
