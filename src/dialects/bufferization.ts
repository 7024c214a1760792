// bufferization dialect: the boundary between tensors and buffers that MLIR's (partial)
// bufferization leaves in IR — to_memref / to_tensor casts, alloc_tensor, dealloc_tensor and
// materialize_in_destination — in MLIR 19's custom and generic forms.
import { unit } from "../ir/attributes.js";
import { Operation } from "../ir/core.js";
import { DiagnosticError } from "../ir/diagnostics.js";
import type { Dialect, OpSpec, OperationState, Rewriter } from "../ir/dialect.js";
import type { OpAsmParser } from "../ir/parser.js";
import { DYN, FunctionType, MemRefType, TensorType, Type, UnrankedMemRefType, UnrankedTensorType, VectorType, elementTypeOf, index } from "../ir/types.js";
import { operandOnlyOp, plainError } from "./common.js";
import { checkSegments, operandSegment, segmentSizesAttr } from "./indexing.js";
import { castWidens } from "./memref.js";

const isMemRef = (t: Type) => t instanceof MemRefType || t instanceof UnrankedMemRefType;
const isTensor = (t: Type) => t instanceof TensorType || t instanceof UnrankedTensorType;

/** The tensor type a memref type holds (layout and memory space dropped), as MLIR's getTensorTypeFromMemRefType. */
export function tensorTypeOf(t: Type): Type | undefined {
  if (t instanceof MemRefType) return TensorType.get(t.shape, t.elementType);
  if (t instanceof UnrankedMemRefType) return UnrankedTensorType.get(t.elementType);
}

/** Unit flags written as keywords, in this order, after an operand (`restrict writable`). */
function parseUnitFlags(p: OpAsmParser, st: OperationState, flags: readonly string[]): void {
  for (const f of flags) if (p.parseOptionalKeyword(f)) st.addAttr(f, unit);
}
const printUnitFlags = (op: Operation, flags: readonly string[]) => flags.filter((f) => op.attr(f)).map((f) => " " + f).join("");

/** to_tensor / to_memref: `%x [flags] {attrs} : memref-type`; the tensor side is implied by the memref type. */
function castLike(name: string, flags: readonly string[]): OpSpec {
  const toTensor = name === "bufferization.to_tensor";
  return {
    name, operands: 1, results: 1, props: flags,
    parse(p, st) {
      const x = p.parseOperand();
      parseUnitFlags(p, st, flags);
      p.parseOptionalAttrDict(st);
      p.expect(":");
      const loc = p.locHere(), m = p.parseType(), t = tensorTypeOf(m);
      if (!t) throw DiagnosticError.at(loc, `expected a memref type, got '${m.str}'`);
      st.resultTypes = [toTensor ? t : m];
      st.operands = [p.resolveOperand(x, toTensor ? m : t)];
    },
    print(p, op) {
      const m = toTensor ? op.operand(0).type : op.result.type;
      p.print(" ", p.operand(op.operand(0)), printUnitFlags(op, flags), p.attrDict(op, flags), " : ", p.type(m));
    },
    verify(op) {
      const [src, res] = [op.operand(0).type, op.result.type];
      if (toTensor) {
        if (!isTensor(res)) return `result #0 must be tensor of any type values, but got '${res.str}'`;
        if (!isMemRef(src)) return `operand #0 must be ranked or unranked memref of any type values, but got '${src.str}'`;
        if (tensorTypeOf(src) !== res) return "failed to verify that result type matches tensor equivalent of 'memref'";
      } else {
        if (!isTensor(src)) return `operand #0 must be tensor of any type values, but got '${src.str}'`;
        if (!isMemRef(res)) return `result #0 must be ranked or unranked memref of any type values, but got '${res.str}'`;
        if (tensorTypeOf(res) !== src) return "failed to verify that type of 'tensor' is the tensor equivalent of 'memref'";
      }
    },
  };
}

// Canonicalization, as MLIR 19's: both casts are pure (dead when unused); to_memref of a
// to_tensor is its memref (through a memref.cast where the type only loses static facts), and
// to_tensor right after the to_memref it reads is that to_memref's tensor.
const defined = (op: Operation, name: string) => {
  const d = op.operand(0).owner;
  return d instanceof Operation && d.name === name ? d : undefined;
};
const foldToTensor = (op: Operation) => {
  const m = defined(op, "bufferization.to_memref"), b = op.parent!;
  return m && b.ops[b.ops.indexOf(op) - 1] === m ? [m.operand(0)] : undefined;
};
const foldToMemref = (op: Operation) => {
  const t = defined(op, "bufferization.to_tensor");
  return t && t.operand(0).type === op.result.type ? [t.operand(0)] : undefined;
};
function canonicalizeToMemref(op: Operation, rw: Rewriter): boolean {
  const t = defined(op, "bufferization.to_tensor"), src = t?.operand(0);
  if (!src || !castWidens(src.type, op.result.type)) return false;
  const cast = new Operation({ name: "memref.cast", operands: [src], resultTypes: [op.result.type], loc: op.loc });
  op.parent!.insertBefore(op, cast);
  rw.replaceOp(op, [cast.result]);
  return true;
}

const ALLOC_PROPS = ["memory_space", "operandSegmentSizes"];

const allocTensor: OpSpec = {
  name: "bufferization.alloc_tensor", operands: [0, -1], results: 1, props: ALLOC_PROPS,
  parse(p, st) {
    const dyn = p.parseOperandList("paren");
    let copy: ReturnType<OpAsmParser["parseOperand"]> | undefined, hint: typeof copy;
    if (p.parseOptionalKeyword("copy")) {
      p.expect("(");
      copy = p.parseOperand();
      p.expect(")");
    }
    if (p.parseOptionalKeyword("size_hint")) {
      p.expect("=");
      hint = p.parseOperand();
    }
    p.parseOptionalAttrDict(st);
    const t = p.parseColonType();
    st.resultTypes = [t];
    st.addAttr("operandSegmentSizes", segmentSizesAttr([dyn.length, copy ? 1 : 0, hint ? 1 : 0]));
    st.operands = [...p.resolveOperands(dyn, index), ...(copy ? [p.resolveOperand(copy, t)] : []), ...(hint ? [p.resolveOperand(hint, index)] : [])];
  },
  print(p, op) {
    const [copy, hint] = [operandSegment(op, 1)[0], operandSegment(op, 2)[0]];
    p.print("(", p.operands(operandSegment(op, 0)), ")", copy ? ` copy(${p.operand(copy)})` : "", hint ? ` size_hint=${p.operand(hint)}` : "",
      p.attrDict(op, ["operandSegmentSizes"]), " : ", p.type(op.result.type));
  },
  verify(op, ctx) {
    const err = checkSegments(op, 3);
    if (err) return err;
    const t = op.result.type, dyn = operandSegment(op, 0), copy = operandSegment(op, 1)[0], hint = operandSegment(op, 2)[0];
    // (ODS's operand constraints, in operand order)
    const d = dyn.findIndex((v) => v.type !== index);
    if (d >= 0) return `operand #${d} must be variadic of index, but got '${dyn[d].type.str}'`;
    if (copy && !isTensor(copy.type)) return `operand #${dyn.length} must be tensor of any type values, but got '${copy.type.str}'`;
    if (hint && hint.type !== index) return `operand #${dyn.length + (copy ? 1 : 0)} must be index, but got '${hint.type.str}'`;
    if (!isTensor(t)) return `result #0 must be tensor of any type values, but got '${t.str}'`;
    if (!(t instanceof TensorType)) return `result #0 must be ranked tensor of any type values, but got '${t.str}'`; // (mlir-opt-19 crashes on this one)
    // (MLIR's emitError: no op prefix)
    const want = t.shape.filter((d) => d === DYN).length;
    plainError(op, ctx, copy && dyn.length ? "dynamic sizes not needed when copying a tensor"
      : !copy && dyn.length !== want ? `expected ${want} dynamic sizes`
      : copy && copy.type !== t ? "expected that `copy` and return type match" : undefined);
  },
};

const MATERIALIZE_FLAGS = ["restrict", "writable"];

const materializeInDestination: OpSpec = {
  name: "bufferization.materialize_in_destination", operands: 2, results: [0, 1], props: MATERIALIZE_FLAGS,
  parse(p, st) {
    const src = p.parseOperand();
    p.parseKeyword("in");
    parseUnitFlags(p, st, MATERIALIZE_FLAGS);
    const dest = p.parseOperand();
    p.parseOptionalAttrDict(st);
    const loc = p.locHere();
    const ft = p.parseColonType();
    if (!(ft instanceof FunctionType) || ft.inputs.length !== 2) throw DiagnosticError.at(loc, "expected '(source, dest) -> results' types");
    st.operands = p.resolveOperands([src, dest], [...ft.inputs], loc);
    st.resultTypes = [...ft.results];
  },
  print(p, op) {
    const [src, dest] = op.operands;
    p.print(" ", p.operand(src), " in", printUnitFlags(op, MATERIALIZE_FLAGS), " ", p.operand(dest), p.attrDict(op, MATERIALIZE_FLAGS), " : ", p.functionalType(op));
  },
  verify(op) {
    const [src, dest] = op.operands.map((v) => v.type);
    if (!isTensor(src)) return `operand #0 must be tensor of any type values, but got '${src.str}'`;
    if (!isTensor(dest) && !isMemRef(dest) && !(dest instanceof VectorType)) return `operand #1 must be shaped of any type values, but got '${dest.str}'`;
    if (op.results.length && !isTensor(op.result.type)) return `result #0 must be tensor of any type values, but got '${op.result.type.str}'`;
    if (dest instanceof VectorType) return "'dest' must be a tensor or a memref";
    if (elementTypeOf(src) !== elementTypeOf(dest)) return "failed to verify that all of {source, dest} have same element type";
    const ranked = (t: Type) => t instanceof TensorType || t instanceof MemRefType;
    if (ranked(src) !== ranked(dest)) return "source/destination shapes are incompatible"; // (MLIR: one ranked, one not)
    if (src instanceof TensorType && (dest instanceof TensorType || dest instanceof MemRefType)) {
      if (src.rank !== dest.rank) return "rank mismatch between source and destination shape";
      if (src.shape.some((d, i) => d !== DYN && dest.shape[i] !== DYN && d !== dest.shape[i])) return "source/destination shapes are incompatible";
    }
    const memDest = isMemRef(dest);
    if (memDest && op.results.length) return "memref 'dest' implies zero results";
    if (!memDest && op.results.length !== 1) return "tensor 'dest' implies exactly one tensor result";
    if (!memDest && op.result.type !== dest) return "result and 'dest' types must match";
    if (op.attr("restrict") && !memDest) return "'restrict' is valid only for memref destinations";
    if (!!op.attr("writable") !== memDest) return "'writable' must be specified if and only if the destination is of memref type";
  },
};

export const bufferization: Dialect = {
  name: "bufferization",
  ops: [
    { ...castLike("bufferization.to_tensor", ["restrict", "writable"]), traits: ["Pure"], fold: foldToTensor },
    { ...castLike("bufferization.to_memref", ["read_only"]), traits: ["Pure"], fold: foldToMemref, canonicalize: canonicalizeToMemref },
    allocTensor,
    operandOnlyOp("bufferization.dealloc_tensor", {
      verify(op) { if (!isTensor(op.operand(0).type)) return `operand #0 must be tensor of any type values, but got '${op.operand(0).type.str}'`; },
    }),
    materializeInDestination,
  ] satisfies OpSpec[],
};
