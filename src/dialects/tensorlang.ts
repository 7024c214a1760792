// tensorlang dialect: first-class tensors with linear types and symbolic shapes.
//
// `!tensorlang.tensor<f32, "seq_len", 64>` is a linear tensor: element type first, then the
// dimensions (a size, `?`, or a symbolic name in quotes). Every op also accepts builtin
// `tensor<...>` types. No op is marked Pure: CSE merging two identical ops whose results are
// linear would make one value used twice, so the optimizer gets pure ops after lowering.
import { DenseArrayAttr, DenseElementsAttr, IntegerAttr, StringAttr, escapeString } from "../ir/attributes.js";
import type { Operation } from "../ir/core.js";
import type { Dialect, OpSpec } from "../ir/dialect.js";
import { DiagnosticError, type Location } from "../ir/diagnostics.js";
import { Lexer } from "../ir/lexer.js";
import { AttrTypeParser } from "../ir/parse-attr.js";
import type { OpAsmParser } from "../ir/parser.js";
import { DYN, DialectType, FloatType, IndexType, IntegerType, MemRefType, TensorType, Type, i1, index } from "../ir/types.js";
import { operandOnlyOp } from "./common.js";

// ---- the linear tensor type ---------------------------------------------------------------------

/** A dimension: a static size, `"?"` (unknown), or a symbolic name. */
export type Dim = number | string;
export const UNKNOWN = "?";

export function dimStr(d: Dim): string {
  return typeof d === "number" ? String(d) : d === UNKNOWN ? "?" : `"${escapeString(d)}"`;
}

export class LinearTensorType extends DialectType {
  private constructor(readonly elementType: Type, readonly dims: readonly Dim[]) {
    super("tensorlang", `tensor<${[elementType.str, ...dims.map(dimStr)].join(", ")}>`);
  }
  static get(elementType: Type, dims: readonly Dim[]): LinearTensorType {
    return DialectType.intern(new LinearTensorType(elementType, [...dims]));
  }
  get rank(): number { return this.dims.length; }
  /** The builtin tensor this lowers to: symbolic and unknown sizes become `?`. */
  toBuiltin(): TensorType { return TensorType.get(this.dims.map((d) => (typeof d === "number" ? d : DYN)), this.elementType); }
}

export const isLinear = (t: Type): t is LinearTensorType => t instanceof LinearTensorType;

/** Element type and dims of a builtin ranked tensor or a linear tensor (undefined otherwise). */
export interface TensorShape { elementType: Type; dims: Dim[] }
export function tensorShape(t: Type): TensorShape | undefined {
  if (t instanceof LinearTensorType) return { elementType: t.elementType, dims: [...t.dims] };
  if (t instanceof TensorType) return { elementType: t.elementType, dims: t.shape.map((d) => (d === DYN ? UNKNOWN : d)) };
  return undefined;
}

/** Two dimensions may describe the same size: equal, or either unknown. */
export const dimsCompatible = (a: Dim, b: Dim) => a === b || a === UNKNOWN || b === UNKNOWN;
const shapeStr = (ds: readonly Dim[]) => `[${ds.map(dimStr).join(", ")}]`;

function parseTensorLangType(p: OpAsmParser, mnemonic: string, loc: Location): Type {
  if (mnemonic !== "tensor") throw DiagnosticError.at(loc, `unknown tensorlang type: ${mnemonic}`);
  p.expect("<");
  const elementType = p.parseType();
  const dims: Dim[] = [];
  while (p.accept(",")) {
    if (p.accept("?")) { dims.push(UNKNOWN); continue; }
    const here = p.locHere();
    const name = p.parseOptionalString();
    if (name !== undefined) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw DiagnosticError.at(here, `invalid symbolic dimension name "${name}"`);
      dims.push(name);
      continue;
    }
    const n = p.parseOptionalInteger();
    if (n === undefined) throw DiagnosticError.at(here, "expected a size, '?' or a quoted symbolic dimension name");
    if (n < 0) throw DiagnosticError.at(here, "dimension size must be non-negative");
    dims.push(n);
  }
  p.expect(">");
  return LinearTensorType.get(elementType, dims);
}

// ---- verification helpers -----------------------------------------------------------------------

function shapeOf(op: Operation, t: Type, what: string): TensorShape | string {
  return tensorShape(t) ?? `${what} must be a ranked tensor or !tensorlang.tensor, got '${t.str}'`;
}

/** Checks `got` against the expected result shape; returns an error or nothing. */
function checkResult(op: Operation, elementType: Type, want: readonly Dim[], resultIndex = 0): string | undefined {
  const r = shapeOf(op, op.results[resultIndex].type, "result");
  if (typeof r === "string") return r;
  if (r.elementType !== elementType) return `result element type '${r.elementType.str}' does not match operand element type '${elementType.str}'`;
  if (r.dims.length !== want.length || r.dims.some((d, i) => !dimsCompatible(d, want[i]))) {
    return `result shape ${shapeStr(r.dims)} does not match the expected shape ${shapeStr(want)}`;
  }
}

function axisOf(op: Operation, rank: number): number | string {
  const a = op.attr("axis");
  if (!(a instanceof IntegerAttr)) return "requires an integer 'axis' attribute";
  const ax = a.num;
  if (ax < 0 || ax >= rank) return `axis ${ax} is out of range for a tensor of rank ${rank}`;
  return ax;
}

/** Default transpose: reverse the dimensions. */
export function transposePerm(op: Operation, rank: number): number[] {
  const a = op.attr("perm");
  return a instanceof DenseArrayAttr ? [...a.values] : Array.from({ length: rank }, (_, i) => rank - 1 - i);
}

const isNumeric = (t: Type) => t instanceof FloatType || t instanceof IntegerType || t instanceof IndexType;

// ---- op shapes ----------------------------------------------------------------------------------

/** `%r = op %a[, %b] {attrs} : T` — operands and result share one tensor type. */
function sameTypeTensorOp(name: string, arity: number, verify?: (op: Operation, s: TensorShape) => string | undefined): OpSpec {
  return {
    name, operands: arity, results: 1, traits: ["SameOperandsAndResultType", "Elementwise"],
    parse(p, st) {
      const ops = p.parseOperandList();
      p.parseOptionalAttrDict(st);
      const t = p.parseColonType();
      st.operands = p.resolveOperands(ops, t);
      st.resultTypes = [t];
    },
    print(p, op) { p.print(" ", p.operands(op.operands), p.attrDict(op), " : ", p.type(op.result.type)); },
    verify(op) {
      const s = shapeOf(op, op.result.type, "operand");
      if (typeof s === "string") return s;
      if (!isNumeric(s.elementType)) return `element type must be an integer or float, got '${s.elementType.str}'`;
      return verify?.(op, s);
    },
  };
}
const floatOnly = (op: Operation, s: TensorShape) =>
  s.elementType instanceof FloatType ? undefined : `requires a float element type, got '${s.elementType.str}'`;

/** `%r = op %a {attrs} : T1 -> T2` — one operand, result type given. */
function unaryToOp(name: string, verify: (op: Operation, s: TensorShape) => string | undefined, props: string[] = []): OpSpec {
  return {
    name, operands: 1, results: 1, props,
    parse(p, st) {
      const a = p.parseOperand();
      p.parseOptionalAttrDict(st);
      const t = p.parseColonType();
      p.expect("->");
      st.resultTypes = [p.parseType()];
      st.operands = [p.resolveOperand(a, t)];
    },
    print(p, op) {
      p.print(" ", p.operand(op.operand(0)), p.attrDict(op), " : ", p.type(op.operand(0).type), " -> ", p.type(op.result.type));
    },
    verify(op) {
      const s = shapeOf(op, op.operand(0).type, "operand");
      return typeof s === "string" ? s : verify(op, s);
    },
  };
}

function reduceOp(name: string, verify?: (op: Operation, s: TensorShape) => string | undefined): OpSpec {
  return unaryToOp(name, (op, s) => {
    const ax = axisOf(op, s.dims.length);
    if (typeof ax === "string") return ax;
    if (!isNumeric(s.elementType)) return `element type must be an integer or float, got '${s.elementType.str}'`;
    return verify?.(op, s) ?? checkResult(op, s.elementType, s.dims.filter((_, i) => i !== ax));
  }, ["axis"]);
}

// ---- constant -----------------------------------------------------------------------------------

/**
 * `dense<...> : T` where T may be a linear type: the dense literal is parsed against the builtin
 * equivalent of T (the IR's dense parser only knows shaped builtin types), by re-lexing the
 * source with T's text replaced by the builtin spelling, which is never longer.
 */
function parseDenseFor(p: OpAsmParser): { value: DenseElementsAttr; type: Type } {
  const lex = p.lex;
  const start = lex.pos;
  p.parseKeyword("dense");
  p.balancedAngle();
  p.expect(":");
  const typeLoc = p.locHere();
  const typeStart = lex.pos;
  const type = p.parseType();
  const typeEnd = lex.pos;
  let value;
  if (type instanceof LinearTensorType) {
    const builtin = type.toBuiltin();
    if (!builtin.hasStaticShape) throw DiagnosticError.at(typeLoc, `a constant needs a static shape, got '${type.str}'`);
    const text = lex.text.slice(0, typeStart) + builtin.str.padEnd(typeEnd - typeStart) + lex.text.slice(typeEnd);
    const sub = new AttrTypeParser(new Lexer(text, lex.file), () => undefined);
    sub.lex.pos = start;
    value = sub.parseAttribute();
  } else {
    lex.pos = start;
    value = p.parseAttribute();
  }
  if (!(value instanceof DenseElementsAttr)) throw DiagnosticError.at(typeLoc, "expected a dense elements attribute");
  lex.pos = typeEnd;
  return { value, type };
}

const constant: OpSpec = {
  name: "tensorlang.constant", operands: 0, results: 1, props: ["value"],
  parse(p, st) {
    p.parseOptionalAttrDict(st);
    const { value, type } = parseDenseFor(p);
    st.addAttr("value", value);
    st.resultTypes = [p.accept(":") ? p.parseType() : type];
  },
  print(p, op) {
    const v = op.attr("value")!;
    const t = op.result.type;
    p.print(p.attrDict(op, ["value"]), " ");
    if (v instanceof DenseElementsAttr && t instanceof LinearTensorType && v.type === t.toBuiltin()) {
      // Short form: the literal typed by the linear type itself.
      p.print(v.str.slice(0, v.str.length - v.type.str.length), p.type(t));
      return;
    }
    p.print(v.str);
    if (!(v instanceof DenseElementsAttr) || v.type !== t) p.print(" : ", p.type(t));
  },
  verify(op) {
    const v = op.attr("value");
    if (!(v instanceof DenseElementsAttr)) return "requires a 'value' attribute of dense elements";
    const s = shapeOf(op, op.result.type, "result");
    if (typeof s === "string") return s;
    if (s.elementType !== v.type.elementType) return `value element type '${v.type.elementType.str}' does not match result element type '${s.elementType.str}'`;
    const want = v.type.shape.map((d) => (d === DYN ? UNKNOWN : d));
    // A symbolic or unknown result size binds to the literal's static size.
    if (s.dims.length !== want.length || s.dims.some((d, i) => typeof d === "number" && d !== want[i])) {
      return `value shape ${shapeStr(want)} does not match result shape ${shapeStr(s.dims)}`;
    }
  },
};

// ---- matmul -------------------------------------------------------------------------------------

const matmul: OpSpec = {
  name: "tensorlang.matmul", operands: 2, results: 1,
  parse(p, st) {
    const ops = p.parseOperandList();
    p.parseOptionalAttrDict(st);
    p.expect(":");
    const loc = p.locHere();
    const ts = p.parseTypeList();
    p.expect("->");
    st.resultTypes = [p.parseType()];
    st.operands = p.resolveOperands(ops, ts, loc);
  },
  print(p, op) {
    p.print(" ", p.operands(op.operands), p.attrDict(op), " : ", p.types(op.operands.map((v) => v.type)), " -> ", p.type(op.result.type));
  },
  verify(op) {
    const a = shapeOf(op, op.operand(0).type, "lhs"), b = shapeOf(op, op.operand(1).type, "rhs");
    if (typeof a === "string") return a;
    if (typeof b === "string") return b;
    if (a.dims.length !== 2) return `lhs must have rank 2, got rank ${a.dims.length}`;
    if (b.dims.length !== 2) return `rhs must have rank 2, got rank ${b.dims.length}`;
    if (a.elementType !== b.elementType) return `element types of lhs and rhs must agree, got '${a.elementType.str}' and '${b.elementType.str}'`;
    if (!isNumeric(a.elementType)) return `element type must be an integer or float, got '${a.elementType.str}'`;
    const [k1, k2] = [a.dims[1], b.dims[0]];
    if (!dimsCompatible(k1, k2)) {
      return `inner dimensions must agree: lhs dimension 1 is ${dimStr(k1)} but rhs dimension 0 is ${dimStr(k2)}`;
    }
    return checkResult(op, a.elementType, [a.dims[0], b.dims[1]]);
  },
};

// ---- side effects, copies and symbols -----------------------------------------------------------

const print: OpSpec = operandOnlyOp("tensorlang.print", {
  verify(op) {
    // After --bufferize the operand is the tensor's buffer (a ranked memref); engines print it alike.
    if (op.operand(0).type instanceof MemRefType) return;
    const s = shapeOf(op, op.operand(0).type, "operand");
    return typeof s === "string" ? s : undefined;
  },
});

const assert: OpSpec = {
  name: "tensorlang.assert", operands: 1, results: 0, props: ["msg"],
  parse(p, st) {
    const c = p.parseOperand();
    if (p.accept(",")) st.addAttr("msg", new StringAttr(p.parseString()));
    p.parseOptionalAttrDict(st);
    const t = p.accept(":") ? p.parseType() : i1;
    st.operands = [p.resolveOperand(c, t)];
  },
  print(p, op) {
    const m = op.attr("msg");
    p.print(" ", p.operand(op.operand(0)), m instanceof StringAttr ? `, ${m.str}` : "", p.attrDict(op, ["msg"]));
  },
  verify(op) {
    if (op.operand(0).type !== i1) return `condition must be i1, got '${op.operand(0).type.str}'`;
    const m = op.attr("msg");
    if (m && !(m instanceof StringAttr)) return "'msg' must be a string";
  },
};

const symbolicDim: OpSpec = {
  name: "tensorlang.symbolic_dim", operands: 0, results: 1, props: ["name"],
  parse(p, st) {
    st.addAttr("name", new StringAttr(p.parseString()));
    p.parseOptionalAttrDict(st);
    if (p.accept(":")) p.parseType();
    st.resultTypes = [index];
  },
  print(p, op) { p.print(" ", op.attr("name")!.str, p.attrDict(op, ["name"])); },
  verify(op) {
    const n = op.attr("name");
    if (!(n instanceof StringAttr) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(n.value)) return "requires a 'name' string attribute naming a symbolic dimension";
    if (op.result.type !== index) return "result must be index";
  },
};

const copy: OpSpec = {
  name: "tensorlang.copy", operands: 1, results: 2, traits: ["SameOperandsAndResultType"],
  parse(p, st) {
    const a = p.parseOperand();
    p.parseOptionalAttrDict(st);
    const t = p.parseColonType();
    st.operands = [p.resolveOperand(a, t)];
    st.resultTypes = [t, t];
  },
  print(p, op) { p.print(" ", p.operand(op.operand(0)), p.attrDict(op), " : ", p.type(op.operand(0).type)); },
  verify(op) { const s = shapeOf(op, op.operand(0).type, "operand"); return typeof s === "string" ? s : undefined; },
};

const transpose = unaryToOp("tensorlang.transpose", (op, s) => {
  const perm = transposePerm(op, s.dims.length);
  const sorted = [...perm].sort((x, y) => x - y);
  if (perm.length !== s.dims.length || sorted.some((v, i) => v !== i)) return `'perm' must be a permutation of [0, ${s.dims.length})`;
  return checkResult(op, s.elementType, perm.map((i) => s.dims[i]));
}, ["perm"]);

/**
 * `broadcast`: the operand's dimensions are the result's last ones (numpy's rule without
 * stretching size-1 dimensions); the dimensions it adds in front need a size at run time, so
 * they are static or symbolic.
 */
const broadcast = unaryToOp("tensorlang.broadcast", (op, s) => {
  const r = shapeOf(op, op.result.type, "result");
  if (typeof r === "string") return r;
  const lead = r.dims.length - s.dims.length;
  if (lead < 0 || s.dims.some((d, i) => !dimsCompatible(d, r.dims[lead + i]))) {
    return `operand shape ${shapeStr(s.dims)} is not the trailing dimensions of the result shape ${shapeStr(r.dims)}`;
  }
  if (r.dims.slice(0, lead).includes(UNKNOWN)) return "a dimension the broadcast adds must be static or symbolic, not '?'";
  return checkResult(op, s.elementType, r.dims);
});

/**
 * `reshape`: the operand's elements in row-major order under the result's shape. The sizes
 * must have the same product; a symbolic result size is read from the argument (or earlier
 * value) that names it, and one `?` size follows from the element count.
 */
const reshape = unaryToOp("tensorlang.reshape", (op, s) => {
  const r = shapeOf(op, op.result.type, "result");
  if (typeof r === "string") return r;
  if (r.elementType !== s.elementType) return `result element type '${r.elementType.str}' does not match operand element type '${s.elementType.str}'`;
  if (!s.dims.length || !r.dims.length) return "operand and result must have rank 1 or more";
  if (r.dims.filter((d) => d === UNKNOWN).length > 1) return "the result may have one '?' dimension at most (its size follows from the element count)";
  const product = (ds: Dim[]) => (ds.every((d) => typeof d === "number") ? (ds as number[]).reduce((x, y) => x * y, 1) : undefined);
  const n = product(s.dims), m = product(r.dims), known = product(r.dims.filter((d) => d !== UNKNOWN));
  if (n !== undefined && m !== undefined && n !== m) return `operand has ${n} elements but the result has ${m}`;
  if (n !== undefined && m === undefined && known !== undefined && (known === 0 ? n !== 0 : n % known !== 0)) {
    return `operand has ${n} elements, which the result's static sizes (product ${known}) do not divide`;
  }
});

/** Elementwise binary ops and their lowering to arith (float, integer). */
export const BINARY_OPS: Record<string, readonly [string, string]> = {
  "tensorlang.add": ["arith.addf", "arith.addi"],
  "tensorlang.sub": ["arith.subf", "arith.subi"],
  "tensorlang.mul": ["arith.mulf", "arith.muli"],
  "tensorlang.div": ["arith.divf", "arith.divsi"],
  "tensorlang.max": ["arith.maximumf", "arith.maxsi"],
};
/**
 * Elementwise float ops and the op each lowers to, per element. `rsqrt` (1 / sqrt(x), as MLIR
 * expands math.rsqrt, which its LLVM lowering does not take) and `sigmoid` are lowered on their
 * own, as are `relu` and `abs`, which take integers too.
 */
export const FLOAT_UNARY_OPS: Record<string, string> = {
  "tensorlang.exp": "math.exp", "tensorlang.tanh": "math.tanh", "tensorlang.log": "math.log",
  "tensorlang.sqrt": "math.sqrt", "tensorlang.neg": "arith.negf",
};

export const tensorlang: Dialect = {
  name: "tensorlang",
  parseType: parseTensorLangType,
  ops: [
    constant, matmul, print, assert, symbolicDim, copy,
    ...Object.keys(BINARY_OPS).map((n) => sameTypeTensorOp(n, 2)),
    sameTypeTensorOp("tensorlang.relu", 1),
    sameTypeTensorOp("tensorlang.abs", 1),
    ...Object.keys(FLOAT_UNARY_OPS).map((n) => sameTypeTensorOp(n, 1, floatOnly)),
    sameTypeTensorOp("tensorlang.rsqrt", 1, floatOnly),
    sameTypeTensorOp("tensorlang.sigmoid", 1, floatOnly),
    transpose, broadcast, reshape,
    reduceOp("tensorlang.reduce_sum"),
    reduceOp("tensorlang.reduce_max"),
    reduceOp("tensorlang.reduce_mean", floatOnly),
    { ...sameTypeTensorOp("tensorlang.softmax", 1, (op, s) => {
      const ax = axisOf(op, s.dims.length);
      return typeof ax === "string" ? ax : floatOnly(op, s);
    }), props: ["axis"], traits: ["SameOperandsAndResultType"] },
  ],
};
