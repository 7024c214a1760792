// memref's less common ops, in MLIR 19's custom and generic forms with its verifiers' words:
// hints (assume_alignment, prefetch), DMA (dma_start/dma_wait), atomics (atomic_rmw,
// generic_atomic_rmw/atomic_yield), alloca_scope, and views and buffers made otherwise (view,
// transpose, reshape, realloc, memory_space_cast, extract_strided_metadata). The engines run
// only those they have handlers for and refuse the others at the op.
import { AffineMapAttr, IntegerAttr, StridedLayoutAttr, boolAttr } from "../ir/attributes.js";
import { AffineMap, bin, cst, dim, sym, type AffineExpr } from "../ir/affine.js";
import { Operation } from "../ir/core.js";
import type { OpSpec, VerifyContext } from "../ir/dialect.js";
import type { OpAsmParser } from "../ir/parser.js";
import { DYN, FloatType, FunctionType, IndexType, IntegerType, MemRefType, Type, UnrankedMemRefType, i32, i64, index } from "../ir/types.js";
import { ANY_MEMREF, ANY_MEMREF_OR_UNRANKED, ATOMIC_RMW_COMBINERS, ATOMIC_RMW_KINDS, INDEX, SHAPE_OPERAND_SYNTAX, STRIDED_MEMREF, VARIADIC_INDEX, castOp, caseNumber, isBoolAttr, ensureTerminator, missingAttr, plainError, tc, typesOf } from "./common.js";
import { hasIdentityLayout, stridesAndOffset } from "./memref-layout.js";

const memrefOf = (what: string, ok: (t: Type) => boolean, rank?: number) =>
  tc(`${rank === undefined ? "" : `${rank}D `}memref of ${what} values`, (t) => t instanceof MemRefType && (rank === undefined || t.rank === rank) && ok(t.elementType));
const INT_OR_FLOAT = (t: Type) => t instanceof IntegerType || t instanceof FloatType;

/** The arith op a memref.atomic_rmw combines the stored value with; undefined for assign. */
export function atomicCombiner(op: Operation): string | undefined {
  return ATOMIC_RMW_COMBINERS[ATOMIC_RMW_KINDS[Number(op.attr<IntegerAttr>("kind")?.value)]];
}

/** `%m[%i, %j]` then `: type` handled by the caller. */
function parseIndexed(p: OpAsmParser) { return { mem: p.parseOperand(), idx: p.parseOperandList("square") }; }


function memoryEffectFree(op: Operation, ctx: VerifyContext): boolean {
  if (ctx.hasTrait(op, "Pure")) return true;
  if (!ctx.hasTrait(op, "RecursiveMemoryEffects")) return false;
  return op.regions.every((r) => r.blocks.every((b) => b.ops.every((o) => memoryEffectFree(o, ctx))));
}

/** DMA operand positions: src, src indices, dst, dst indices, count, tag, tag indices, [stride, per-stride]. */
function dmaError(op: Operation): string | undefined {
  const n = op.operands.length, ty = (i: number) => op.operands[i]?.type, isIdx = (i: number) => ty(i) instanceof IndexType;
  const rank = (i: number) => (ty(i) as MemRefType).rank;
  const allIdx = (from: number, k: number) => Array.from({ length: k }, (_, j) => from + j).every(isIdx);
  if (n < 4) return "expected at least 4 operands";
  if (!(ty(0) instanceof MemRefType)) return "expected source to be of memref type";
  const sr = rank(0);
  if (n < sr + 4) return `expected at least ${sr + 4} operands`;
  if (!allIdx(1, sr)) return "expected source indices to be of index type";
  const d = sr + 1;
  if (!(ty(d) instanceof MemRefType)) return "expected destination to be of memref type";
  let want = sr + rank(d) + 4;
  if (n < want) return `expected at least ${want} operands`;
  if (!allIdx(d + 1, rank(d))) return "expected destination indices to be of index type";
  const num = d + 1 + rank(d);
  if (!isIdx(num)) return "expected num elements to be of index type";
  if (!(ty(num + 1) instanceof MemRefType)) return "expected tag to be of memref type";
  want += rank(num + 1);
  if (n < want) return `expected at least ${want} operands`;
  if (!allIdx(num + 2, rank(num + 1))) return "expected tag indices to be of index type";
  if (n !== want && n !== want + 2) return "incorrect number of operands";
  if (n === want + 2 && !(isIdx(want) && isIdx(want + 1))) return "expected stride and num elements per stride to be of type index";
}

/** MLIR's inferTransposeResultType: sizes and strides permuted, the offset kept. */
function transposed(t: MemRefType, perm: AffineMap): MemRefType {
  const { strides, offset } = stridesAndOffset(t);
  const at = perm.results.map((e) => (e.kind === "dim" ? e.pos : 0)); // (a verified permutation)
  return MemRefType.get(at.map((i) => t.shape[i]), t.elementType, new StridedLayoutAttr(at.map((i) => strides[i]), offset), t.memorySpace);
}
/**
 * A strided type as MLIR's canonicalizeStridedLayout spells it: no layout when row-major with
 * offset 0, else the map of makeStridedLinearLayoutMap (a symbol for the dynamic offset, then one
 * per dynamic stride) in simplifyAffineExpr's flat order: static-stride dims, symbols, the
 * dims times symbols, the constant.
 */
function canonicalStrided(t: MemRefType): MemRefType {
  const { strides, offset } = stridesAndOffset(t);
  const rowMajor = stridesAndOffset(MemRefType.get(t.shape, t.elementType)).strides;
  if (offset === 0 && strides.every((x, i) => x !== DYN && x === rowMajor[i])) return MemRefType.get(t.shape, t.elementType, undefined, t.memorySpace);
  let ns = 0;
  const offSym = offset === DYN ? sym(ns++) : undefined;
  const terms: AffineExpr[] = strides.flatMap((x, i) => (x === DYN || x === 0 ? [] : [bin("mul", dim(i), cst(x))]));
  if (offSym) terms.push(offSym);
  strides.forEach((x, i) => { if (x === DYN) terms.push({ kind: "mul", lhs: dim(i), rhs: sym(ns++) }); });
  if (offset !== DYN && offset !== 0) terms.push(cst(offset));
  const e = terms.reduce((a, b) => ({ kind: "add", lhs: a, rhs: b }) as AffineExpr);
  return MemRefType.get(t.shape, t.elementType, new AffineMapAttr(new AffineMap(t.rank, ns, [e ?? cst(0)])), t.memorySpace);
}
/** Same sizes, strides and offset (`?` equal only to `?`): MLIR compares canonical strided layouts. */
function sameStrided(a: MemRefType, b: MemRefType): boolean {
  const x = stridesAndOffset(a), y = stridesAndOffset(b);
  return a.shape.join() === b.shape.join() && x.strides.join() === y.strides.join() && x.offset === y.offset &&
    a.elementType === b.elementType && a.memorySpace === b.memorySpace;
}

/** memref.transpose's permutation: result dim i is source dim perm[i]. */
export function permutation(op: Operation): number[] {
  return (op.attr<AffineMapAttr>("permutation")?.map.results ?? []).map((e) => (e.kind === "dim" ? e.pos : 0));
}

export const MEMREF_MORE_OPS: OpSpec[] = [
  {
    name: "memref.assume_alignment", operands: 1, results: 0, props: ["alignment"], operandTypes: [ANY_MEMREF],
    parse(p, st) {
      const m = p.parseOperand();
      p.expect(",");
      st.addAttr("alignment", new IntegerAttr(p.parseInteger(), i32));
      p.parseOptionalAttrDict(st);
      st.operands = [p.resolveOperand(m, p.parseColonType())];
    },
    print(p, op) { p.print(" ", p.operand(op.operand(0)), ", ", String(op.attr<IntegerAttr>("alignment")?.value), p.attrDict(op, ["alignment"]), " : ", p.type(op.operand(0).type)); },
    verify(op) {
      const a = op.attr("alignment");
      if (!(a instanceof IntegerAttr) || a.type !== i32 || a.value <= 0n) return "attribute 'alignment' failed to satisfy constraint: 32-bit signless integer attribute whose value is positive";
      if ((a.value & (a.value - 1n)) !== 0n) return "alignment must be power of 2";
    },
  },
  {
    name: "memref.prefetch", operands: [1, -1], results: 0, props: ["isWrite", "localityHint", "isDataCache"], operandTypes: [ANY_MEMREF, VARIADIC_INDEX],
    propChecks: { isWrite: isBoolAttr, isDataCache: isBoolAttr },
    verifyAttrs: (op) => missingAttr(op, ["isDataCache", "isWrite", "localityHint"]),
    parse(p, st) {
      const { mem, idx } = parseIndexed(p);
      p.expect(",");
      const rw = p.parseKeyword(); // (MLIR reports a bad specifier at the op's name)
      if (rw !== "read" && rw !== "write") throw p.customError("rw specifier has to be 'read' or 'write'", st.loc);
      p.expect(",");
      p.parseKeyword("locality");
      p.expect("<");
      st.addAttr("localityHint", new IntegerAttr(p.parseInteger(), i32));
      p.expect(">");
      p.expect(",");
      const cache = p.parseKeyword();
      if (cache !== "data" && cache !== "instr") throw p.customError("cache type has to be 'data' or 'instr'", st.loc);
      st.addAttr("isWrite", boolAttr(rw === "write"));
      st.addAttr("isDataCache", boolAttr(cache === "data"));
      p.parseOptionalAttrDict(st);
      const t = p.parseColonType();
      st.operands = [p.resolveOperand(mem, t), ...p.resolveOperands(idx, index)];
    },
    print(p, op) {
      const flag = (k: string) => (op.attr<IntegerAttr>(k)?.value ?? 0n) !== 0n;
      p.print(" ", p.operand(op.operand(0)), "[", p.operands(op.operands.slice(1)), "], ", flag("isWrite") ? "write" : "read",
        ", locality<", String(op.attr<IntegerAttr>("localityHint")?.value), ">, ", flag("isDataCache") ? "data" : "instr",
        p.attrDict(op, ["isWrite", "localityHint", "isDataCache"]), " : ", p.type(op.operand(0).type));
    },
    verify(op) {
      const l = op.attr("localityHint");
      if (!(l instanceof IntegerAttr) || l.type !== i32 || l.value < 0n || l.value > 3n) {
        return "attribute 'localityHint' failed to satisfy constraint: 32-bit signless integer attribute whose minimum value is 0 whose maximum value is 3";
      }
      if (op.operands.length !== 1 + (op.operand(0).type as MemRefType).rank) return "too few indices";
    },
  },
  {
    name: "memref.dma_start", operands: [0, -1], results: 0,
    parse(p, st) {
      const src = parseIndexed(p);
      p.expect(",");
      const dst = parseIndexed(p);
      p.expect(",");
      const num = p.parseOperand();
      p.expect(",");
      const tag = parseIndexed(p);
      const stride = p.accept(",") ? p.parseOperandList() : [];
      if (stride.length && stride.length !== 2) throw p.customError("expected two stride related operands", st.loc);
      p.expect(":");
      const types = p.parseTypeList();
      if (types.length !== 3) throw p.customError("fewer/more types expected", st.loc);
      st.operands = [p.resolveOperand(src.mem, types[0]), ...p.resolveOperands(src.idx, index), p.resolveOperand(dst.mem, types[1]),
        ...p.resolveOperands(dst.idx, index), p.resolveOperand(num, index), p.resolveOperand(tag.mem, types[2]),
        ...p.resolveOperands(tag.idx, index), ...p.resolveOperands(stride, index)];
    },
    print(p, op) {
      const v = op.operands, sr = (v[0].type as MemRefType).rank, d = sr + 1, dr = (v[d].type as MemRefType).rank, num = d + 1 + dr;
      const tr = (v[num + 1].type as MemRefType).rank, end = num + 2 + tr;
      p.print(" ", p.operand(v[0]), "[", p.operands(v.slice(1, d)), "], ", p.operand(v[d]), "[", p.operands(v.slice(d + 1, num)), "], ",
        p.operand(v[num]), ", ", p.operand(v[num + 1]), "[", p.operands(v.slice(num + 2, end)), "]",
        v.length > end ? ", " + p.operands(v.slice(end)) : "", p.attrDict(op), " : ", p.types([v[0].type, v[d].type, v[num + 1].type]));
    },
    verify: dmaError,
  },
  {
    name: "memref.dma_wait", operands: [2, -1], results: 0, operandTypes: [ANY_MEMREF, VARIADIC_INDEX, INDEX],
    parse(p, st) {
      const tag = parseIndexed(p);
      p.expect(",");
      const num = p.parseOperand();
      p.parseOptionalAttrDict(st);
      const t = p.parseColonType();
      st.operands = [p.resolveOperand(tag.mem, t), ...p.resolveOperands(tag.idx, index), p.resolveOperand(num, index)];
    },
    print(p, op) {
      const v = op.operands;
      p.print(" ", p.operand(v[0]), "[", p.operands(v.slice(1, -1)), "], ", p.operand(v[v.length - 1]), p.attrDict(op), " : ", p.type(v[0].type));
    },
    verify(op) {
      const rank = (op.operand(0).type as MemRefType).rank, n = op.operands.length - 2;
      if (n !== rank) return `expected tagIndices to have the same number of elements as the tagMemRef rank, expected ${rank}, but got ${n}`;
    },
  },
  {
    name: "memref.atomic_rmw", operands: [2, -1], results: 1, props: ["kind"], propChecks: { kind: caseNumber(ATOMIC_RMW_KINDS.length) },
    verifyAttrs: (op) => missingAttr(op, ["kind"]),
    operandTypes: [tc("signless integer or floating-point", INT_OR_FLOAT), memrefOf("signless integer or floating-point", INT_OR_FLOAT), VARIADIC_INDEX],
    resultTypes: [tc("signless integer or floating-point", INT_OR_FLOAT)],
    parse(p, st) {
      const kLoc = p.locHere(), k = p.parseKeyword();
      const kind = ATOMIC_RMW_KINDS.indexOf(k as (typeof ATOMIC_RMW_KINDS)[number]);
      if (kind < 0) throw p.enumError(kLoc, "::mlir::arith::AtomicRMWKind", [...ATOMIC_RMW_KINDS], "AtomicRMWKindAttr");
      st.addAttr("kind", new IntegerAttr(kind, i64));
      const v = p.parseOperand();
      p.expect(",");
      const { mem, idx } = parseIndexed(p);
      p.parseOptionalAttrDict(st);
      p.expect(":");
      const fLoc = p.locHere(), ft = p.parseTypeOf(FunctionType);
      if (ft.inputs.length !== 2 || ft.results.length !== 1) throw p.customError("expected '(value, memref) -> result' types", fLoc);
      st.operands = [p.resolveOperand(v, ft.inputs[0]), p.resolveOperand(mem, ft.inputs[1]), ...p.resolveOperands(idx, index)];
      st.resultTypes = [ft.results[0]];
    },
    print(p, op) {
      const v = op.operands;
      p.print(" ", ATOMIC_RMW_KINDS[Number(op.attr<IntegerAttr>("kind")?.value)], " ", p.operand(v[0]), ", ", p.operand(v[1]), "[", p.operands(v.slice(2)), "]",
        p.attrDict(op, ["kind"]), " : (", p.types([v[0].type, v[1].type]), ") -> ", p.type(op.result.type));
    },
    verify(op) {
      const kind = ATOMIC_RMW_KINDS[op.attr<IntegerAttr>("kind")!.num]; // (propChecks and verifyAttrs made it a case)
      const m = op.operand(1).type as MemRefType, vt = op.operand(0).type;
      if (vt !== m.elementType) return "failed to verify that value type matches element type of memref";
      if (op.result.type !== vt) return "failed to verify that all of {value, result} have same type";
      if (m.rank !== op.operands.length - 2) return "expects the number of subscripts to be equal to memref rank";
      if (["addf", "maximumf", "minimumf", "mulf"].includes(kind) && !(vt instanceof FloatType)) return `with kind '${kind}' expects a floating-point type`;
      if (["addi", "maxs", "maxu", "mins", "minu", "muli", "ori", "andi"].includes(kind) && !(vt instanceof IntegerType)) return `with kind '${kind}' expects an integer type`;
    },
  },
  {
    name: "memref.generic_atomic_rmw", operands: [1, -1], results: 1, regions: 1, traits: ["SingleBlock"],
    operandTypes: [memrefOf("signless integer or floating-point", INT_OR_FLOAT), VARIADIC_INDEX], resultTypes: [tc("signless integer or floating-point", INT_OR_FLOAT)],
    parse(p, st) {
      const { mem, idx } = parseIndexed(p);
      const t = p.parseColonType();
      st.operands = [p.resolveOperand(mem, t), ...p.resolveOperands(idx, index)];
      st.regions.push(p.parseRegion());
      p.parseOptionalAttrDict(st);
      st.resultTypes = [t instanceof MemRefType ? t.elementType : t];
    },
    print(p, op) {
      p.print(" ", p.operand(op.operand(0)), "[", p.operands(op.operands.slice(1)), "] : ", p.type(op.operand(0).type), " ");
      p.region(op.region(), { printEntryBlockArgs: true });
      p.print(p.attrDict(op));
    },
    verify(op, ctx) {
      const m = op.operand(0).type as MemRefType;
      if (op.result.type !== m.elementType) return "failed to verify that result type matches element type of memref";
      if (m.rank !== op.operands.length - 1) return "expects the number of subscripts to be equal to memref rank";
      const b = op.body();
      if (!b || b.args.length !== 1) return "expected single number of entry block arguments";
      if (b.args[0].type !== op.result.type) return "expected block argument of the same type result type";
      let bad: Operation | undefined;
      for (const b2 of op.region().blocks) for (const o of b2.ops) o.walk((x) => { if (!bad && !memoryEffectFree(x, ctx)) bad = x; });
      if (bad) ctx.error(bad, "body of 'memref.generic_atomic_rmw' should contain only operations with no side effects");
    },
  },
  {
    name: "memref.atomic_yield", operands: 1, results: 0, traits: ["Pure", "Terminator", "ReturnLike"], parents: ["memref.generic_atomic_rmw"],
    parse(p, st) {
      const v = p.parseOperand();
      p.parseOptionalAttrDict(st);
      st.operands = [p.resolveOperand(v, p.parseColonType())];
    },
    print(p, op) { p.print(" ", p.operand(op.operand(0)), p.attrDict(op), " : ", p.type(op.operand(0).type)); },
    verify(op) {
      const parent = op.parentOp!;
      // A parent whose result is not its memref's element type reports that first (MLIR verifies it before its body)
      const pt = parent.results[0]?.type, m = parent.operands[0]?.type;
      if (m instanceof MemRefType && pt !== m.elementType) return;
      if (pt !== op.operand(0).type) return `types mismatch between yield op: '${op.operand(0).type.str}' and its parent: '${pt?.str}'`;
    },
  },
  {
    name: "memref.alloca_scope", operands: 0, regions: 1, traits: ["RecursiveMemoryEffects", "NoRegionArguments", "SingleBlock"],
    parse(p, st) {
      st.resultTypes = p.parseOptionalArrowTypeList();
      const r = p.parseRegion();
      ensureTerminator(p, r, "memref.alloca_scope.return", st.loc);
      st.regions.push(r);
      p.parseOptionalAttrDict(st);
    },
    print(p, op) {
      p.print(op.results.length ? `  -> (${p.types(typesOf(op.results))})` : " ", " ");
      p.region(op.region(), { printEntryBlockArgs: false, printEmptyTerminator: op.results.length > 0 });
      p.print(p.attrDict(op));
    },
  },
  {
    name: "memref.alloca_scope.return", operands: [0, -1], results: 0, traits: ["Pure", "Terminator", "ReturnLike"], parents: ["memref.alloca_scope"],
    parse(p, st) {
      p.parseOptionalAttrDict(st);
      const vs = p.parseOperandList();
      st.operands = vs.length ? p.resolveOperands(vs, (p.expect(":"), p.parseTypeList())) : [];
    },
    print(p, op) { p.print(p.attrDict(op), op.operands.length ? ` ${p.operands(op.operands)} : ${p.types(typesOf(op.operands))}` : ""); },
    verify(op) {
      const parent = op.parentOp!;
      if (typesOf(op.operands).map((t) => t.str).join() !== typesOf(parent.results).map((t) => t.str).join()) {
        return "types mismatch between yield op and its parent";
      }
    },
  },
  {
    name: "memref.view", operands: [2, -1], results: 1, traits: ["Pure"],
    operandTypes: [memrefOf("8-bit signless integer", (t) => t instanceof IntegerType && t.width === 8, 1), INDEX, VARIADIC_INDEX], resultTypes: [ANY_MEMREF],
    parse(p, st) {
      const src = p.parseOperand();
      p.expect("[");
      const shift = p.parseOperand();
      p.expect("]");
      const sizes = p.parseOperandList("square");
      p.parseOptionalAttrDict(st);
      const from = p.parseColonType();
      p.parseKeyword("to");
      st.resultTypes = [p.parseType()];
      st.operands = [p.resolveOperand(src, from), p.resolveOperand(shift, index), ...p.resolveOperands(sizes, index)];
    },
    print(p, op) {
      p.print(" ", p.operand(op.operand(0)), "[", p.operand(op.operand(1)), "][", p.operands(op.operands.slice(2)), "]", p.attrDict(op), " : ",
        p.type(op.operand(0).type), " to ", p.type(op.result.type));
    },
    verify(op, ctx) {
      const base = op.operand(0).type as MemRefType, view = op.result.type as MemRefType;
      plainError(op, ctx, !hasIdentityLayout(base) ? `unsupported map for base memref type '${base.str}'`
        : !hasIdentityLayout(view) ? `unsupported map for result memref type '${view.str}'`
        : base.memorySpace !== view.memorySpace ? `different memory spaces specified for base memref type '${base.str}' and view memref type '${view.str}'`
        : view.shape.filter((d) => d === DYN).length !== op.operands.length - 2 ? `incorrect number of size operands for type '${view.str}'` : undefined);
    },
  },
  castOp("memref.transpose", {
    props: ["permutation"], operandTypes: [STRIDED_MEMREF], resultTypes: [STRIDED_MEMREF],
    verify(op) {
      const perm = op.attr("permutation"), src = op.operand(0).type as MemRefType, res = op.result.type as MemRefType;
      if (!(perm instanceof AffineMapAttr)) return "requires attribute 'permutation'";
      if (!perm.map.isPermutation) return "expected a permutation map";
      if (perm.map.numDims !== src.rank) return "expected a permutation map of same rank as the input";
      const want = transposed(src, perm.map);
      if (!sameStrided(want, res)) return `result type '${res.str}' is not equivalent to the canonical transposed input type '${canonicalStrided(want).str}'`;
    },
  }, { // `%src (d0, d1) -> (d1, d0) : T to U`: the permutation's map body between operand and type
    parse: (p, st) => st.addAttr("permutation", new AffineMapAttr(p.parseAffineMapBody())),
    print: (op) => ` ${op.attr<AffineMapAttr>("permutation")!.map.str}`,
    attrs: ["permutation"],
  }),
  {
    name: "memref.reshape", operands: 2, results: 1, traits: ["Pure"],
    operandTypes: [ANY_MEMREF_OR_UNRANKED, memrefOf("signless integer or index", (t) => t instanceof IntegerType || t instanceof IndexType, 1)],
    resultTypes: [ANY_MEMREF_OR_UNRANKED],
    ...SHAPE_OPERAND_SYNTAX,
    verify(op) {
      const src = op.operand(0).type as MemRefType | UnrankedMemRefType, res = op.result.type as MemRefType | UnrankedMemRefType;
      if (src.elementType !== res.elementType) return "element types of source and destination memref types should be the same";
      if (src instanceof MemRefType && !hasIdentityLayout(src)) return "source memref type should have identity affine map";
      const n = (op.operand(1).type as MemRefType).shape[0];
      if (res instanceof MemRefType) {
        if (!hasIdentityLayout(res)) return "result memref type should have identity affine map";
        if (n === DYN) return "cannot use shape operand with dynamic length to reshape to statically-ranked memref type";
        if (n !== res.rank) return "length of shape operand differs from the result's memref rank";
      }
    },
  },
  {
    name: "memref.realloc", operands: [1, 2], results: 1, props: ["alignment"],
    operandTypes: [memrefOf("any type", () => true, 1), INDEX], resultTypes: [memrefOf("any type", () => true, 1)],
    parse(p, st) {
      const src = p.parseOperand();
      const size = p.peekText() === "(" ? p.parseOperandList("paren") : [];
      p.parseOptionalAttrDict(st);
      const from = p.parseColonType();
      p.parseKeyword("to");
      st.resultTypes = [p.parseType()];
      st.operands = [p.resolveOperand(src, from), ...p.resolveOperands(size, index)];
    },
    print(p, op) {
      p.print(" ", p.operand(op.operand(0)), op.operands.length > 1 ? `(${p.operand(op.operand(1))})` : "", p.attrDict(op), " : ",
        p.type(op.operand(0).type), " to ", p.type(op.result.type));
    },
    verify(op, ctx) {
      const al = op.attr("alignment");
      if (al && (!(al instanceof IntegerAttr) || al.type !== i64 || al.value < 0n)) {
        return "attribute 'alignment' failed to satisfy constraint: 64-bit signless integer attribute whose minimum value is 0"; // (MLIR 19 allows 0 and 7 here)
      }
      const src = op.operand(0).type as MemRefType, res = op.result.type as MemRefType, dyn = res.shape[0] === DYN, has = op.operands.length > 1;
      plainError(op, ctx, !hasIdentityLayout(src) ? `unsupported layout for source memref type '${src.str}'`
        : !hasIdentityLayout(res) ? `unsupported layout for result memref type '${res.str}'`
        : src.memorySpace !== res.memorySpace ? `different memory spaces specified for source memref type '${src.str}' and result memref type '${res.str}'`
        : src.elementType !== res.elementType ? `different element types specified for source memref type '${src.str}' and result memref type '${res.str}'`
        : dyn && !has ? `missing dimension operand for result type '${res.str}'`
        : !dyn && has ? `unnecessary dimension operand for result type '${res.str}'` : undefined);
    },
  },
  {
    name: "memref.memory_space_cast", operands: 1, results: 1, traits: ["Pure"], operandTypes: [ANY_MEMREF_OR_UNRANKED], resultTypes: [ANY_MEMREF_OR_UNRANKED],
    parse(p, st) {
      const src = p.parseOperand();
      p.parseOptionalAttrDict(st);
      const from = p.parseColonType();
      p.parseKeyword("to");
      st.resultTypes = [p.parseType()];
      st.operands = [p.resolveOperand(src, from)];
    },
    print(p, op) { p.print(" ", p.operand(op.operand(0)), p.attrDict(op), " : ", p.type(op.operand(0).type), " to ", p.type(op.result.type)); },
    verify(op) {
      // MLIR's areCastCompatible: the same type but for the memory space
      const a = op.operand(0).type, b = op.result.type;
      const same = a instanceof MemRefType && b instanceof MemRefType
        ? a.shape.join() === b.shape.join() && a.elementType === b.elementType && a.layout?.str === b.layout?.str
        : a instanceof UnrankedMemRefType && b instanceof UnrankedMemRefType && a.elementType === b.elementType;
      if (!same) return `operand type '${a.str}' and result type '${b.str}' are cast incompatible`;
    },
  },
  {
    // Its base buffer is a view of the source (MEMREF_VIEWS: alias analysis follows it)
    name: "memref.extract_strided_metadata", operands: 1, results: [2, -1], traits: ["Pure"], operandTypes: [STRIDED_MEMREF],
    parse(p, st) {
      const src = p.parseOperand();
      const from = p.parseColonType();
      p.expect("->");
      st.resultTypes = p.parseTypeList();
      p.parseOptionalAttrDict(st);
      st.operands = [p.resolveOperand(src, from)];
    },
    print(p, op) { p.print(" ", p.operand(op.operand(0)), " : ", p.type(op.operand(0).type), " -> ", p.types(typesOf(op.results)), p.attrDict(op)); },
    resultNames: (op) => ["base_buffer", "offset", ...op.results.slice(2).map((_, i, a) => (i < a.length / 2 ? "sizes" : "strides"))],
    verify(op) {
      const t = op.operand(0).type as MemRefType, rs = typesOf(op.results);
      // (ODS's result constraints first: a rank-0 base buffer, then indices)
      if (!(rs[0] instanceof MemRefType && rs[0].rank === 0)) return `result #0 must be strided memref of any type values of rank 0, but got '${rs[0].str}'`;
      const k = rs.findIndex((r, i) => i > 0 && r !== index);
      if (k > 0) return `result #${k} must be ${k === 1 ? "index" : "variadic of index"}, but got '${rs[k].str}'`;
      const want = [MemRefType.get([], t.elementType, undefined, t.memorySpace), ...new Array(1 + 2 * t.rank).fill(index)];
      const got = typesOf(op.results);
      if (got.length !== want.length || got.some((g, i) => g !== want[i])) {
        return `failed to infer returned types`;
      }
    },
  },
];

