// llvm dialect subset: what TensorLang programs use to talk to the host (printf, globals,
// pointers). Attribute names follow MLIR 19's properties so generic forms interoperate.
import {
  ArrayAttr, Attribute, DenseArrayAttr, DenseElementsAttr, FloatAttr, IntegerAttr, OpaqueAttr, SparseElementsAttr, StringAttr, SymbolRefAttr,
  TypeAttr, unit,
} from "../ir/attributes.js";
import { Operation, Region, Value } from "../ir/core.js";
import type { Dialect, OpSpec, OperationState } from "../ir/dialect.js";
import { DiagnosticError, type Location } from "../ir/diagnostics.js";
import type { OpAsmParser, UnresolvedOperand } from "../ir/parser.js";
import type { OpAsmPrinter } from "../ir/printer.js";
import { DialectType, FunctionType, IntegerType, Type, VectorType, i1, i32, i8 } from "../ir/types.js";
import { parseFunctionSignature, printFunctionSignature, signatureAttrsProblem } from "./func.js";
import { implicitTerminatorError, returnLikeOp } from "./common.js";

// ---- types -----------------------------------------------------------------------------------

/** Inside llvm types, nested llvm types drop their `!llvm.` prefix (`!llvm.func<void (ptr)>`). */
export function llvmInner(t: Type): string { return t instanceof LLVMType ? t.body : t.str; }

export abstract class LLVMType extends DialectType {
  protected constructor(body: string) { super("llvm", body); }
}

export class LLVMPointerType extends LLVMType {
  private constructor(readonly addrSpace: number) { super(addrSpace ? `ptr<${addrSpace}>` : "ptr"); }
  static get(addrSpace = 0): LLVMPointerType { return DialectType.intern(new LLVMPointerType(addrSpace)); }
}

export class LLVMVoidType extends LLVMType {
  private constructor() { super("void"); }
  static get(): LLVMVoidType { return DialectType.intern(new LLVMVoidType()); }
}

export class LLVMArrayType extends LLVMType {
  private constructor(readonly numElements: number, readonly elementType: Type) {
    super(`array<${numElements} x ${llvmInner(elementType)}>`);
  }
  static get(n: number, e: Type): LLVMArrayType { return DialectType.intern(new LLVMArrayType(n, e)); }
}

/** Literal struct (`struct<(i32, f32)>`, `struct<packed (...)>`) or identified (`struct<"name", (...)>`). */
export class LLVMStructType extends LLVMType {
  private constructor(readonly body_: readonly Type[], readonly packed: boolean, readonly name?: string) {
    super(`struct<${name !== undefined ? `"${name}", ` : ""}${packed ? "packed " : ""}(${body_.map(llvmInner).join(", ")})>`);
  }
  get fields(): readonly Type[] { return this.body_; }
  static get(fields: readonly Type[], packed = false, name?: string): LLVMStructType {
    return DialectType.intern(new LLVMStructType([...fields], packed, name));
  }
}

export class LLVMFunctionType extends LLVMType {
  private constructor(readonly result: Type, readonly params: readonly Type[], readonly varArg: boolean) {
    super(`func<${llvmInner(result)} (${[...params.map(llvmInner), ...(varArg ? ["..."] : [])].join(", ")})>`);
  }
  static get(result: Type, params: readonly Type[], varArg = false): LLVMFunctionType {
    return DialectType.intern(new LLVMFunctionType(result, [...params], varArg));
  }
  get results(): Type[] { return this.result instanceof LLVMVoidType ? [] : [this.result]; }
}

export const ptr = LLVMPointerType.get();
export const llvmVoid = LLVMVoidType.get();

const LLVM_TYPE_KW = new Set(["ptr", "void", "array", "struct", "func"]);

/** A type inside an llvm type: bare llvm mnemonics (`ptr`, `array<...>`) or any other type. */
function parseInnerType(p: OpAsmParser): Type {
  const kw = p.lex.peek();
  if (kw.kind === "bare" && LLVM_TYPE_KW.has(kw.text)) {
    p.lex.next();
    return parseLLVMType(p, kw.text, p.lex.loc(kw.pos));
  }
  return p.parseType();
}

export function parseLLVMType(p: OpAsmParser, mnemonic: string, loc: Location): Type {
  switch (mnemonic) {
    case "ptr": {
      if (!p.accept("<")) return ptr;
      const as = p.parseInteger();
      p.expect(">");
      return LLVMPointerType.get(as);
    }
    case "void": return llvmVoid;
    case "array": {
      p.expect("<");
      const n = p.parseInteger();
      p.parseKeyword("x");
      const e = parseInnerType(p);
      p.expect(">");
      return LLVMArrayType.get(n, e);
    }
    case "struct": {
      p.expect("<");
      const name = p.parseOptionalString();
      if (name !== undefined) p.expect(",");
      const packed = !!p.parseOptionalKeyword("packed");
      p.expect("(");
      const fields: Type[] = [];
      if (!p.accept(")")) { do fields.push(parseInnerType(p)); while (p.accept(",")); p.expect(")"); }
      p.expect(">");
      return LLVMStructType.get(fields, packed, name);
    }
    case "func": {
      p.expect("<");
      const result = parseInnerType(p);
      p.expect("(");
      const params: Type[] = [];
      let varArg = false;
      if (!p.accept(")")) {
        do { if (p.accept("...")) { varArg = true; break; } params.push(parseInnerType(p)); } while (p.accept(","));
        p.expect(")");
      }
      p.expect(">");
      return LLVMFunctionType.get(result, params, varArg);
    }
  }
  throw DiagnosticError.at(loc, `unknown LLVM type: ${mnemonic}`);
}

// ---- helpers -----------------------------------------------------------------------------------

const LINKAGES = ["private", "internal", "available_externally", "linkonce", "weak", "common", "appending",
  "extern_weak", "linkonce_odr", "weak_odr", "external"];
export const linkageAttr = (l: string) => new OpaqueAttr(`#llvm.linkage<${l}>`);
/** `internal` from `#llvm.linkage<internal>`; external when absent. */
export function linkageOf(op: Operation): string {
  const a = op.attr("linkage");
  const m = a ? /<(\w+)>/.exec(a.str) : null;
  return m ? m[1] : "external";
}
function parseLinkage(p: OpAsmParser, st: OperationState): void {
  const l = p.parseOptionalKeyword(...LINKAGES);
  if (l && l !== "external") st.addAttr("linkage", linkageAttr(l));
}

// `hidden`, `thread_local`, `unnamed_addr` ...: keywords between the linkage and the symbol,
// stored as MLIR's properties (visibility_ and unnamed_addr are enum integers).
const VISIBILITIES = ["default", "hidden", "protected"];
const UNNAMED = ["", "local_unnamed_addr", "unnamed_addr"];
function parseModifiers(p: OpAsmParser, st: OperationState, threadLocal: boolean): void {
  const vis = p.parseOptionalKeyword(...VISIBILITIES.slice(1));
  if (vis) st.addAttr("visibility_", new IntegerAttr(VISIBILITIES.indexOf(vis)));
  if (threadLocal && p.parseOptionalKeyword("thread_local")) st.addAttr("thread_local_", unit);
  const ua = p.parseOptionalKeyword(...UNNAMED.slice(1));
  if (ua) st.addAttr("unnamed_addr", new IntegerAttr(UNNAMED.indexOf(ua)));
}
function printModifiers(p: OpAsmPrinter, op: Operation): void {
  const vis = op.attr("visibility_"), ua = op.attr("unnamed_addr");
  if (vis instanceof IntegerAttr && vis.num > 0 && vis.num < 3) p.print(" ", VISIBILITIES[vis.num]);
  if (op.attr("thread_local_")) p.print(" thread_local");
  if (ua instanceof IntegerAttr && ua.num > 0 && ua.num < 3) p.print(" ", UNNAMED[ua.num]);
}
const MODIFIERS = ["visibility_", "thread_local_", "unnamed_addr"];

/** Properties MLIR prints in generic form with their default values: elided from custom forms. */
const DEFAULTS: Record<string, Attribute> = {
  CConv: new OpaqueAttr("#llvm.cconv<ccc>"), TailCallKind: new OpaqueAttr("#llvm.tailcallkind<none>"),
  fastmathFlags: new OpaqueAttr("#llvm.fastmath<none>"), unnamed_addr: new IntegerAttr(0), visibility_: new IntegerAttr(0), ordering: new IntegerAttr(0),
  linkage: new OpaqueAttr("#llvm.linkage<external>"),
};
const defaulted = (op: Operation) => [...op.attributes].filter(([k, v]) => DEFAULTS[k]?.str === v.str).map(([k]) => k);
/** The defaults of an op's default-valued properties (OpSpec.implicitAttrs). */
const defaults = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, DEFAULTS[k]]));
const attrDict = (p: OpAsmPrinter, op: Operation, elided: string[], keyword = false) =>
  p.attrDict(op, [...elided, ...defaulted(op)], keyword);

export function llvmFunctionType(op: Operation): LLVMFunctionType {
  return op.attr<TypeAttr>("function_type")!.type as LLVMFunctionType;
}
const isDecl = (op: Operation) => op.regions.length === 0 || op.region().blocks.length === 0;

/** The constant/dynamic index list of a GEP: numbers are constants, Values dynamic. */
export const GEP_DYNAMIC = -2147483648;
export function gepIndices(op: Operation): (number | Value)[] {
  const raw = op.attr<DenseArrayAttr>("rawConstantIndices")?.values ?? [];
  let k = 1;
  return raw.map((c) => (c === GEP_DYNAMIC ? op.operands[k++] : c));
}

/** MLIR keeps the `: i64` that our IntegerAttr elides for i64 (in `(42 : i64)` values). */
const typedAttrStr = (v: Attribute) => (v instanceof IntegerAttr && v.type !== i1 ? `${v.value} : ${v.type.str}` : v.str);

function stringBytes(s: string): number { return Buffer.from(s, "utf8").length; }

// ---- ops ---------------------------------------------------------------------------------------

const FUNC_ELIDED = ["sym_name", "function_type", "linkage", "arg_attrs", "res_attrs", "CConv", ...MODIFIERS];

const llvmFunc: OpSpec = {
  name: "llvm.func", traits: ["IsolatedFromAbove", "Symbol"], operands: 0, results: 0,
  props: ["sym_name", "function_type", "linkage", "CConv", "unnamed_addr", "visibility_", "sym_visibility", "arg_attrs", "res_attrs",
    "dso_local", "comdat", "convergent", "personality", "garbageCollector", "passthrough", "function_entry_count", "memory", "section",
    "alignment", "vscale_range", "frame_pointer", "target_cpu", "tune_cpu", "target_features", "unsafe_fp_math", "no_infs_fp_math",
    "no_nans_fp_math", "approx_func_fp_math", "no_signed_zeros_fp_math", "denormal_fp_math", "denormal_fp_math_f32", "fp_contract",
    "no_inline", "always_inline", "no_unwind", "will_return", "optimize_none"],
  implicitAttrs: defaults("CConv", "linkage", "visibility_"),
  parse(p, st) {
    parseLinkage(p, st);
    parseModifiers(p, st, false);
    const cc = p.parseOptionalKeyword();
    if (cc) st.addAttr("CConv", new OpaqueAttr(`#llvm.cconv<${cc}>`));
    const sig = parseFunctionSignature(p, st, true);
    if (sig.results.length > 1) throw p.errorHere("expected at most one result type");
    st.addAttr("function_type", new TypeAttr(LLVMFunctionType.get(sig.results[0] ?? llvmVoid, sig.inputs, sig.variadic)));
    p.parseOptionalAttrDictWithKeyword(st);
    const r = p.parseOptionalRegion(sig.args, { isolated: true });
    st.regions.push(r ?? new Region()); // MLIR's llvm.func always has one region, empty (a declaration) also after `{}`
  },
  print(p, op) {
    const l = linkageOf(op);
    if (l !== "external") p.print(" ", l);
    printModifiers(p, op);
    const cc = op.attr("CConv");
    const ccName = cc ? /<(\w+)>/.exec(cc.str)?.[1] : undefined;
    if (ccName && ccName !== "ccc") p.print(" ", ccName);
    const ft = llvmFunctionType(op);
    printFunctionSignature(p, op, ft.params, ft.results, ft.varArg);
    p.print(attrDict(p, op, FUNC_ELIDED, true));
    if (!isDecl(op)) { p.print(" "); p.region(op.region(), { printEntryBlockArgs: false }); }
  },
  verify(op) {
    const ft = op.attr("function_type");
    if (!(ft instanceof TypeAttr) || !(ft.type instanceof LLVMFunctionType)) return "requires a 'function_type' attribute of LLVM function type";
    const sig = llvmFunctionType(op), attrs = signatureAttrsProblem(op, sig.params.length, sig.results.length);
    if (attrs) return attrs;
    if (isDecl(op)) {
      const l = linkageOf(op);
      if (l !== "external" && l !== "extern_weak") return "external functions must have 'external' or 'extern_weak' linkage";
      return;
    }
    const entry = op.body(), params = ft.type.params;
    if (entry.args.length !== params.length || entry.args.some((a, i) => a.type !== params[i])) {
      return "entry block arguments do not match the function signature";
    }
  },
};

const llvmReturn: OpSpec = returnLikeOp("llvm.return", {
  operands: [0, 1],
  // As MLIR: checked against the closest llvm.func around it (through scf.if and the like); an
  // llvm.mlir.global checks its own initializer's, and elsewhere nothing is checked.
  verify(op, ctx) {
    let fn = op.parentOp;
    while (fn && fn.name !== "llvm.func") fn = fn.parentOp;
    if (!fn) return;
    const want = llvmFunctionType(fn).results;
    const msg = want.length !== op.operands.length ? (want.length ? "expected 1 operand" : "expected no operands")
      : want.length && want[0] !== op.operand(0).type ? "mismatching result types" : undefined;
    if (msg) ctx.opError(op, msg, [{ at: fn, message: "when returning from function" }]);
  },
});

const GLOBAL_ELIDED = ["sym_name", "global_type", "linkage", "constant", "value", ...MODIFIERS];

const llvmGlobal: OpSpec = {
  name: "llvm.mlir.global", traits: ["IsolatedFromAbove", "Symbol", "SingleBlock"], operands: 0, results: 0,
  props: ["sym_name", "global_type", "linkage", "constant", "value", "addr_space", "alignment", "unnamed_addr", "visibility_", "dso_local", "thread_local_"],
  implicitAttrs: defaults("visibility_"),
  parse(p, st) {
    const l = p.parseOptionalKeyword(...LINKAGES) ?? "external";
    st.addAttr("linkage", linkageAttr(l));
    parseModifiers(p, st, true);
    if (p.parseOptionalKeyword("constant")) st.addAttr("constant", unit);
    st.addAttr("sym_name", p.parseSymbolName());
    p.expect("(");
    let value: Attribute | undefined;
    if (!p.accept(")")) { value = p.parseAttribute(); p.expect(")"); st.addAttr("value", value); }
    p.parseOptionalAttrDict(st);
    if (!st.attributes.has("addr_space")) st.addAttr("addr_space", new IntegerAttr(0, i32));
    let type: Type | undefined;
    if (p.accept(":")) type = p.parseType();
    else if (value instanceof StringAttr) type = LLVMArrayType.get(stringBytes(value.value), i8);
    else throw p.errorHere("type can only be omitted for string globals");
    st.addAttr("global_type", new TypeAttr(type));
    const r = p.parseOptionalRegion([], { isolated: true });
    st.regions.push(r ?? new Region());
  },
  print(p, op) {
    p.print(" ", linkageOf(op));
    printModifiers(p, op);
    if (op.attr("constant")) p.print(" constant");
    const name = op.attr<StringAttr>("sym_name")!;
    const value = op.attr("value");
    p.print(" ", new SymbolRefAttr(name.value).str, "(", value ? typedAttrStr(value) : "", ")");
    p.print(attrDict(p, op, GLOBAL_ELIDED));
    const t = op.attr<TypeAttr>("global_type")!.type;
    const implied = value instanceof StringAttr && t === LLVMArrayType.get(stringBytes(value.value), i8);
    if (!implied) p.print(" : ", p.type(t));
    if (op.regions.length && op.region().blocks.length) { p.print(" "); p.region(op.region()); }
  },
  verify(op, ctx) {
    const ta = op.attr("global_type");
    if (!(ta instanceof TypeAttr)) return "requires a 'global_type' attribute";
    const as = op.attr("addr_space");
    if (as && !(as instanceof IntegerAttr && as.type === i32 && as.num >= 0)) return "attribute 'addr_space' failed to satisfy constraint: 32-bit signless integer attribute whose value is non-negative";
    const value = op.attr("value");
    const hasInit = op.regions.length > 0 && op.region().blocks.length > 0;
    if (value && hasInit) return "cannot have both initializer value and initializer region";
    if (value instanceof StringAttr) {
      const t = ta.type;
      if (!(t instanceof LLVMArrayType) || t.elementType !== i8 || t.numElements !== stringBytes(value.value)) {
        return "requires an i8 array type of the length equal to that of the string attribute";
      }
    }
    // (MLIR's verifyRegions)
    if (!op.regions.length || !op.region().blocks.length || implicitTerminatorError(op, ctx, "llvm.return")) return;
    const ret = op.body().terminator!, type = op.attr<TypeAttr>("global_type")!.type;
    if (!ret.operands.length) return "initializer region cannot return void";
    if (ret.operand(0).type !== type) return `initializer region type '${ret.operand(0).type.str}' does not match global type '${type.str}'`;
  },
};

/** Indirect calls carry the callee pointer as operand 0. */
function callArgs(op: Operation): Value[] { return op.attr("callee") ? op.operands : op.operands.slice(1); }

const CALL_ELIDED = ["callee", "var_callee_type"];

const llvmCall: OpSpec = {
  name: "llvm.call", results: [0, 1],
  props: ["callee", "var_callee_type", "CConv", "TailCallKind", "fastmathFlags", "branch_weights", "access_groups", "alias_scopes", "noalias_scopes", "tbaa"],
  implicitAttrs: defaults("CConv", "TailCallKind", "fastmathFlags"),
  parse(p, st) {
    const callee = p.parseOptionalSymbolName();
    let fnPtr: UnresolvedOperand | undefined;
    if (callee) st.addAttr("callee", new SymbolRefAttr(callee.value));
    else fnPtr = p.parseOperand();
    const args = p.parseOperandList("paren");
    if (p.parseOptionalKeyword("vararg")) {
      p.expect("(");
      st.addAttr("var_callee_type", new TypeAttr(p.parseType()));
      p.expect(")");
    }
    p.parseOptionalAttrDict(st);
    p.expect(":");
    let ptrType: Type | undefined;
    if (fnPtr) { ptrType = p.parseType(); p.expect(","); }
    const loc = p.locHere();
    const ft = p.parseType();
    if (!(ft instanceof FunctionType)) throw p.errorHere("expected function type");
    const operands = p.resolveOperands(args, [...ft.inputs], loc);
    st.operands = fnPtr ? [p.resolveOperand(fnPtr, ptrType!), ...operands] : operands;
    st.resultTypes = [...ft.results];
  },
  print(p, op) {
    const callee = op.attr("callee");
    const args = callArgs(op);
    p.print(" ", callee ? callee.str : p.operand(op.operand(0)), "(", p.operands(args), ")");
    const vt = op.attr("var_callee_type");
    if (vt) p.print(" vararg(", vt.str, ")");
    p.print(attrDict(p, op, CALL_ELIDED), " : ");
    if (!callee) p.print(p.type(op.operand(0).type), ", ");
    const res = op.results.length === 1 ? op.results[0].type.str : `(${p.types(op.results.map((r) => r.type))})`;
    p.print(`(${p.types(args.map((v) => v.type))}) -> ${res}`);
  },
  verify(op, ctx) {
    const callee = op.attr("callee");
    let ft: LLVMFunctionType;
    if (callee) {
      if (!(callee instanceof SymbolRefAttr)) return "requires 'callee' to be a symbol reference";
      const fn = ctx.lookupSymbol(op, callee.root);
      if (!fn) return `'${callee.root}' does not reference a symbol in the current scope`;
      if (fn.name !== "llvm.func") return `'${callee.root}' does not reference a valid LLVM function`;
      ft = llvmFunctionType(fn);
    } else {
      if (!op.operands.length) return "indirect call requires a callee operand";
      const t = op.operand(0).type;
      if (!(t instanceof LLVMPointerType)) return `indirect call expects a pointer as callee: '${t.str}'`;
      const vt = op.attr<TypeAttr>("var_callee_type")?.type;
      if (vt instanceof LLVMFunctionType) ft = vt;
      else ft = LLVMFunctionType.get(op.results[0]?.type ?? llvmVoid, callArgs(op).map((v) => v.type));
    }
    const args = callArgs(op);
    if (ft.varArg) {
      const vt = op.attr("var_callee_type");
      if (!vt) return "missing var_callee_type attribute for vararg call";
      if (!(vt instanceof TypeAttr) || !(vt.type instanceof LLVMFunctionType)) return "var_callee_type must be an LLVM function type";
      if (vt.type.params.length > args.length) return `expected var_callee_type to have at most ${args.length} parameters`;
      for (let i = 0; i < vt.type.params.length; i++) {
        if (vt.type.params[i] !== args[i].type) return `var_callee_type parameter type mismatch: '${vt.type.params[i].str}' != '${args[i].type.str}'`;
      }
      const want = op.results[0]?.type ?? llvmVoid;
      if (vt.type.result !== want) return `var_callee_type return type mismatch: '${vt.type.result.str}' != '${want.str}'`;
    } else if (args.length !== ft.params.length) {
      return `incorrect number of operands (${args.length}) for callee (expecting: ${ft.params.length})`;
    }
    for (let i = 0; i < ft.params.length && i < args.length; i++) {
      if (ft.params[i] !== args[i].type) return `operand type mismatch for operand ${i}: '${args[i].type.str}' != '${ft.params[i].str}'`;
    }
    if (ft.result instanceof LLVMVoidType) {
      if (op.results.length) return "calling function with void result must not produce values";
    } else {
      if (op.results.length !== 1) return "expected function call to produce a value";
      if (op.result.type !== ft.result) return `result type mismatch: '${op.result.type.str}' != '${ft.result.str}'`;
    }
  },
};

const addressOf: OpSpec = {
  name: "llvm.mlir.addressof", operands: 0, results: 1, traits: ["Pure", "ConstantLike"], props: ["global_name"],
  parse(p, st) {
    st.addAttr("global_name", new SymbolRefAttr(p.parseSymbolName().value));
    p.parseOptionalAttrDict(st);
    st.resultTypes = [p.parseColonType()];
  },
  print(p, op) { p.print(" ", op.attr("global_name")!.str, attrDict(p, op, ["global_name"]), " : ", p.type(op.result.type)); },
  verify(op, ctx) {
    const ref = op.attr("global_name");
    if (!(ref instanceof SymbolRefAttr)) return "requires a 'global_name' symbol reference";
    const g = ctx.lookupSymbol(op, ref.root);
    if (!g || (g.name !== "llvm.mlir.global" && g.name !== "llvm.func")) return "must reference a global defined by 'llvm.mlir.global' or 'llvm.func'";
    if (!(op.result.type instanceof LLVMPointerType)) return "result must be an LLVM pointer";
  },
};

const load: OpSpec = {
  name: "llvm.load", operands: 1, results: 1, traits: ["MemRead"], props: ["alignment", "ordering", "volatile_", "nontemporal", "invariant", "syncscope"],
  implicitAttrs: defaults("ordering"),
  parse(p, st) {
    if (p.parseOptionalKeyword("volatile")) st.addAttr("volatile_", unit);
    const a = p.parseOperand();
    p.parseOptionalAttrDict(st);
    const pt = p.parseColonType();
    p.expect("->");
    st.resultTypes = [p.parseType()];
    st.operands = [p.resolveOperand(a, pt)];
  },
  print(p, op) {
    p.print(op.attr("volatile_") ? " volatile" : "", " ", p.operand(op.operand(0)), attrDict(p, op, ["volatile_"]),
      " : ", p.type(op.operand(0).type), " -> ", p.type(op.result.type));
  },
  verify(op) { if (!(op.operand(0).type instanceof LLVMPointerType)) return "expects an LLVM pointer operand"; },
};

const store: OpSpec = {
  name: "llvm.store", operands: 2, results: 0, props: ["alignment", "ordering", "volatile_", "nontemporal", "syncscope"],
  implicitAttrs: defaults("ordering"),
  parse(p, st) {
    if (p.parseOptionalKeyword("volatile")) st.addAttr("volatile_", unit);
    const v = p.parseOperand();
    p.expect(",");
    const a = p.parseOperand();
    p.parseOptionalAttrDict(st);
    const vt = p.parseColonType();
    p.expect(",");
    const pt = p.parseType();
    st.operands = [p.resolveOperand(v, vt), p.resolveOperand(a, pt)];
  },
  print(p, op) {
    p.print(op.attr("volatile_") ? " volatile" : "", " ", p.operands(op.operands), attrDict(p, op, ["volatile_"]),
      " : ", p.type(op.operand(0).type), ", ", p.type(op.operand(1).type));
  },
  verify(op) { if (!(op.operand(1).type instanceof LLVMPointerType)) return "expects an LLVM pointer address operand"; },
};

const gep: OpSpec = {
  name: "llvm.getelementptr", operands: [1, -1], results: 1, traits: ["Pure"], props: ["elem_type", "rawConstantIndices", "inbounds"],
  parse(p, st) {
    if (p.parseOptionalKeyword("inbounds")) st.addAttr("inbounds", unit);
    const base = p.parseOperand();
    p.expect("[");
    const raw: number[] = [];
    const dyn: UnresolvedOperand[] = [];
    if (!p.accept("]")) {
      do {
        const o = p.parseOptionalOperand();
        if (o) { dyn.push(o); raw.push(GEP_DYNAMIC); } else raw.push(p.parseInteger());
      } while (p.accept(","));
      p.expect("]");
    }
    st.addAttr("rawConstantIndices", new DenseArrayAttr(i32, raw));
    p.parseOptionalAttrDict(st);
    const loc = p.locHere();
    const ft = p.parseColonType();
    if (!(ft instanceof FunctionType) || ft.inputs.length < 1) throw p.errorHere("expected function type");
    p.expect(",");
    st.addAttr("elem_type", new TypeAttr(p.parseType()));
    st.operands = p.resolveOperands([base, ...dyn], [...ft.inputs], loc);
    st.resultTypes = [...ft.results];
  },
  print(p, op) {
    const idx = gepIndices(op).map((x) => (typeof x === "number" ? String(x) : p.operand(x)));
    p.print(op.attr("inbounds") ? " inbounds" : "", " ", p.operand(op.operand(0)), "[", idx.join(", "), "]",
      attrDict(p, op, ["elem_type", "rawConstantIndices", "inbounds"]), " : ", p.functionalType(op), ", ",
      p.type(op.attr<TypeAttr>("elem_type")!.type));
  },
  verify(op) {
    if (!(op.attr("elem_type") instanceof TypeAttr)) return "requires an 'elem_type' attribute";
    const raw = op.attr<DenseArrayAttr>("rawConstantIndices")?.values ?? [];
    if (raw.filter((c) => c === GEP_DYNAMIC).length !== op.operands.length - 1) return "expected as many dynamic indices as specified in 'rawConstantIndices'";
    for (const v of op.operands.slice(1)) if (!(v.type instanceof IntegerType)) return "indices must be integers";
    return gepIndexProblem(op.attr<TypeAttr>("elem_type")!.type, gepIndices(op));
  },
};

/** MLIR's verifyStructIndices: index k >= 1 steps into the type reached by index k - 1; a struct's is a constant in range. */
function gepIndexProblem(t: Type, idx: (number | Value)[]): string | undefined {
  for (let pos = 1; pos < idx.length; pos++) {
    const i = idx[pos];
    if (t instanceof LLVMStructType) {
      if (typeof i !== "number") return `expected index ${pos} indexing a struct to be constant`;
      if (i < 0 || i >= t.fields.length) return `index ${pos} indexing a struct is out of bounds`;
      t = t.fields[i];
    } else if (t instanceof LLVMArrayType || t instanceof VectorType) t = t.elementType;
    else return `type '${t.str}' cannot be indexed (index #${pos})`;
  }
  return undefined;
}

const alloca: OpSpec = {
  name: "llvm.alloca", operands: 1, results: 1, traits: ["MemAlloc"], props: ["alignment", "elem_type", "inalloca"],
  parse(p, st) {
    const n = p.parseOperand();
    p.parseKeyword("x");
    st.addAttr("elem_type", new TypeAttr(p.parseType()));
    p.parseOptionalAttrDict(st);
    const loc = p.locHere();
    const ft = p.parseColonType();
    if (!(ft instanceof FunctionType) || ft.inputs.length !== 1) throw p.errorHere("expected function type with one input");
    st.operands = p.resolveOperands([n], [...ft.inputs], loc);
    st.resultTypes = [...ft.results];
  },
  print(p, op) {
    p.print(" ", p.operand(op.operand(0)), " x ", p.type(op.attr<TypeAttr>("elem_type")!.type),
      attrDict(p, op, ["elem_type"]), " : ", p.functionalType(op));
  },
  verify(op) {
    if (!(op.attr("elem_type") instanceof TypeAttr)) return "requires an 'elem_type' attribute";
    if (!(op.result.type instanceof LLVMPointerType)) return "result must be an LLVM pointer";
  },
};

/** `llvm.mlir.zero : T` and `llvm.mlir.undef : T`. */
const nullary = (name: string): OpSpec => ({
  name, operands: 0, results: 1, traits: ["Pure", "ConstantLike"],
  parse(p, st) { p.parseOptionalAttrDict(st); st.resultTypes = [p.parseColonType()]; },
  print(p, op) { p.print(p.attrDict(op), " : ", p.type(op.result.type)); },
});

const constant: OpSpec = {
  name: "llvm.mlir.constant", operands: 0, results: 1, traits: ["Pure", "ConstantLike"], props: ["value"],
  parse(p, st) {
    p.expect("(");
    const v = p.parseAttribute();
    p.expect(")");
    st.addAttr("value", v);
    p.parseOptionalAttrDict(st);
    st.resultTypes = [p.parseColonType()];
  },
  print(p, op) {
    p.print("(", typedAttrStr(op.attr("value")!), ")", p.attrDict(op, ["value"]), " : ", p.type(op.result.type));
  },
  verify(op) {
    const v = op.attr("value");
    if (v instanceof IntegerAttr || v instanceof FloatAttr) {
      if (v.type !== op.result.type && !(op.result.type instanceof IntegerType && v instanceof IntegerAttr)) return "value type does not match the result type";
    } else if (!(v instanceof DenseElementsAttr || v instanceof SparseElementsAttr || v instanceof StringAttr || v instanceof ArrayAttr)) return "requires a 'value' attribute";
  },
  fold(op) { return [op.attr("value")!]; },
};

export const llvm: Dialect = {
  name: "llvm",
  // (`loc` is the `!`: MLIR reports an unknown mnemonic at the mnemonic, past `!llvm.`)
  parseType: (p, mnemonic, loc) => parseLLVMType(p, mnemonic, { ...loc, col: loc.col + "!llvm.".length }),
  ops: [llvmFunc, llvmReturn, llvmGlobal, llvmCall, addressOf, load, store, gep, alloca,
    nullary("llvm.mlir.zero"), nullary("llvm.mlir.undef"), nullary("llvm.mlir.poison"), constant],
};
