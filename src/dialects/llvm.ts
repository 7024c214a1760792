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
import { DialectType, FloatType, FunctionType, IntegerType, Type, VectorType, i1, i32, i64, i8 } from "../ir/types.js";
import { parseFunctionSignature, printFunctionSignature, signatureAttrsProblem } from "./func.js";
import { caseNumber, implicitTerminatorError, missingAttr, returnLikeOp, tc, variadic } from "./common.js";

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

/** LLVM's types of one keyword: `!llvm.label`, `!llvm.metadata`, `!llvm.token`, `!llvm.x86_mmx`, `!llvm.ppc_fp128`. */
export class LLVMKeywordType extends LLVMType {
  private constructor(readonly keyword: string) { super(keyword); }
  static get(keyword: string): LLVMKeywordType { return DialectType.intern(new LLVMKeywordType(keyword)); }
}
const KEYWORD_TYPES = new Set(["label", "metadata", "token", "x86_mmx", "ppc_fp128"]);

export class LLVMArrayType extends LLVMType {
  private constructor(readonly numElements: number, readonly elementType: Type) {
    super(`array<${numElements} x ${llvmInner(elementType)}>`);
  }
  static get(n: number, e: Type): LLVMArrayType { return DialectType.intern(new LLVMArrayType(n, e)); }
}

/** Literal struct (`struct<(i32, f32)>`, `struct<packed (...)>`) or identified (`struct<"name", (...)>`, `struct<"name", opaque>`). */
export class LLVMStructType extends LLVMType {
  private constructor(readonly body_: readonly Type[], readonly packed: boolean, readonly name?: string, readonly opaque = false) {
    super(`struct<${name !== undefined ? `"${name}", ` : ""}${opaque ? "opaque" : `${packed ? "packed " : ""}(${body_.map(llvmInner).join(", ")})`}>`);
  }
  get fields(): readonly Type[] { return this.body_; }
  static get(fields: readonly Type[], packed = false, name?: string): LLVMStructType {
    return DialectType.intern(new LLVMStructType([...fields], packed, name));
  }
  static opaque(name: string): LLVMStructType { return DialectType.intern(new LLVMStructType([], false, name, true)); }
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

/** MLIR's LLVM::isCompatibleType: the types LLVM dialect ops take (llvm types, signless integers, floats, vectors of them). */
export function isLLVMCompatible(t: Type): boolean {
  if (t instanceof IntegerType || t instanceof LLVMType) return true;
  if (t instanceof FloatType) return t.kind !== "tf32";
  return t instanceof VectorType && isLLVMCompatible(t.elementType);
}
const LLVM_COMPAT = tc("LLVM dialect-compatible type", isLLVMCompatible);
const LLVM_PTR = tc("LLVM pointer type", (t) => t instanceof LLVMPointerType);
const vectorOf = (ok: (t: Type) => boolean) => (t: Type) => ok(t) || (t instanceof VectorType && ok(t.elementType));
const PTR_OR_PTRS = tc("LLVM pointer type or LLVM dialect-compatible vector of LLVM pointer type", vectorOf((t) => t instanceof LLVMPointerType));
const SIGNLESS_INT = tc("signless integer", (t) => t instanceof IntegerType);
// (MLIR's LLVM*Type::verify: what may sit inside an array, a struct or a function type)
const isKeyword = (t: Type, ...kws: string[]) => t instanceof LLVMKeywordType && kws.includes(t.keyword);
const validElement = (t: Type) => !(t instanceof LLVMVoidType || t instanceof LLVMFunctionType || isKeyword(t, "label", "metadata", "token"));
const validArgument = (t: Type) => !(t instanceof LLVMVoidType || t instanceof LLVMFunctionType);
const validResult = (t: Type) => !(t instanceof LLVMFunctionType || isKeyword(t, "label", "metadata"));

const LLVM_TYPE_KW = new Set(["ptr", "void", "array", "struct", "func", ...KEYWORD_TYPES]);

/** A type inside an llvm type: bare llvm mnemonics (`ptr`, `array<...>`) or any other type. */
function parseInnerType(p: OpAsmParser): Type {
  const kw = p.lex.peek();
  if (kw.kind === "bare" && LLVM_TYPE_KW.has(kw.text)) {
    p.lex.next();
    return parseLLVMType(p, kw.text, p.lex.loc(kw.pos));
  }
  return p.parseType();
}
/** An inner type that `ok` accepts, else MLIR's `invalid ... type: '...'` at `at` (the `<` of the type holding it) or at it. */
function parseCheckedInner(p: OpAsmParser, ok: (t: Type) => boolean, what: string, at?: Location): Type {
  const loc = at ?? p.locHere(), t = parseInnerType(p);
  if (!ok(t)) throw DiagnosticError.at(loc, `invalid ${what} type: '${t.str}'`);
  return t;
}

/** Identified struct bodies seen in this parse (MLIR keeps one per name in its context), and the names being parsed. */
const identified = new WeakMap<object, Map<string, LLVMStructType>>();
const enclosing: string[] = [];

function parseStructType(p: OpAsmParser, loc: Location): LLVMStructType {
  const open = p.locHere();
  p.expect("<");
  const name = p.parseOptionalString();
  if (name !== undefined && p.accept(">")) {
    throw DiagnosticError.at(loc, enclosing.includes(name) ? "recursive identified structs are not supported" : "struct without a body only allowed in a recursive struct");
  }
  if (name !== undefined) p.expect(",");
  let t: LLVMStructType;
  if (p.parseOptionalKeyword("opaque")) {
    if (name === undefined) throw DiagnosticError.at(loc, "only identified structs can be opaque");
    p.expect(">");
    t = LLVMStructType.opaque(name);
  } else {
    if (name !== undefined && enclosing.includes(name)) throw DiagnosticError.at(loc, "identifier already used for an enclosing struct");
    const packed = !!p.parseOptionalKeyword("packed");
    p.expect("(");
    const fields: Type[] = [];
    if (name !== undefined) enclosing.push(name);
    try {
      // (a literal struct's errors at its `<`, an identified one's at the element, as MLIR's)
      if (!p.accept(")")) { do fields.push(parseCheckedInner(p, validElement, "LLVM structure element", name === undefined ? open : undefined)); while (p.accept(",")); p.expect(")"); }
    } finally { if (name !== undefined) enclosing.pop(); }
    p.expect(">");
    t = LLVMStructType.get(fields, packed, name);
  }
  if (name === undefined) return t;
  let seen = identified.get(p.lex);
  if (!seen) identified.set(p.lex, (seen = new Map()));
  const prev = seen.get(name);
  if (prev && prev !== t) {
    throw DiagnosticError.at(loc, t.opaque ? "redeclaring defined struct as opaque" : "identified type already used with a different body");
  }
  seen.set(name, t);
  return t;
}

/** Builtin type keywords: MLIR parses them as types inside `!llvm.` and refuses them there. */
const BUILTIN_TYPE = /^(?:[su]?i\d+|f\d+|bf16|tf32|f8E\w+|index|none|tensor|memref|vector|complex|tuple)$/;

export function parseLLVMType(p: OpAsmParser, mnemonic: string, loc: Location): Type {
  switch (mnemonic) {
    case "ptr": {
      if (!p.accept("<")) return ptr;
      // An unsigned 32-bit address space: -1 is 4294967295, as MLIR reads it (and a double
      // beyond 2^53, kept as is, printed a number that did not read back).
      const at = p.locHere(), as = p.parseInteger();
      if (as < -(2 ** 31) || as >= 2 ** 32) throw DiagnosticError.at(at, "integer value too large");
      p.expect(">");
      return LLVMPointerType.get(as >>> 0);
    }
    case "void": return llvmVoid;
    case "array": {
      const open = p.locHere();
      p.expect("<");
      // (MLIR reads an unsigned 64-bit size: -1 is 2^64 - 1, which no double holds; -2^63 it refuses)
      const at = p.locHere(), n = p.parseInteger();
      if (n < 0) throw DiagnosticError.at(at, n === -(2 ** 63) ? "integer value too large" : `array size ${n} is negative (MLIR would read ${BigInt.asUintN(64, BigInt(n))}, beyond what TensorLang holds)`);
      p.parseKeyword("x");
      const e = parseCheckedInner(p, validElement, "array element", open);
      p.expect(">");
      return LLVMArrayType.get(n, e);
    }
    case "struct": return parseStructType(p, loc);
    case "func": {
      const open = p.locHere();
      p.expect("<");
      const result = parseCheckedInner(p, validResult, "function result", open);
      p.expect("(");
      const params: Type[] = [];
      let varArg = false;
      if (!p.accept(")")) {
        do { if (p.accept("...")) { varArg = true; break; } params.push(parseCheckedInner(p, validArgument, "function argument", open)); } while (p.accept(","));
        p.expect(")");
      }
      p.expect(">");
      return LLVMFunctionType.get(result, params, varArg);
    }
  }
  if (KEYWORD_TYPES.has(mnemonic)) return LLVMKeywordType.get(mnemonic);
  if (BUILTIN_TYPE.test(mnemonic)) throw DiagnosticError.at(loc, "unexpected type, expected keyword");
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
  // (MLIR's custom parser sets it, as `none`, where no keyword says; its generic form prints that)
  st.addAttr("unnamed_addr", new IntegerAttr(Math.max(0, UNNAMED.indexOf(p.parseOptionalKeyword(...UNNAMED.slice(1)) ?? ""))));
}
function printModifiers(p: OpAsmPrinter, op: Operation): void {
  const vis = op.attr("visibility_"), ua = op.attr("unnamed_addr");
  if (vis instanceof IntegerAttr && vis.num > 0 && vis.num < 3) p.print(" ", VISIBILITIES[vis.num]);
  if (op.attr("thread_local_")) p.print(" thread_local");
  if (ua instanceof IntegerAttr && ua.num > 0 && ua.num < 3) p.print(" ", UNNAMED[ua.num]);
}
const MODIFIERS = ["visibility_", "thread_local_", "unnamed_addr"];

/** The enum properties MLIR converts while parsing: an i64 case number, or the enum's own attribute. */
const enumAttr = (prefix: string) => (a: Attribute) => a.str.startsWith(prefix);
const ENUM_PROPS = {
  unnamed_addr: caseNumber(UNNAMED.length), visibility_: caseNumber(VISIBILITIES.length), linkage: enumAttr("#llvm.linkage<"),
  CConv: enumAttr("#llvm.cconv<"), TailCallKind: enumAttr("#llvm.tailcallkind<"), fastmathFlags: enumAttr("#llvm.fastmath<"),
};

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

const isPow2 = (n: number) => n > 0 && (n & (n - 1)) === 0;
/** MLIR's isZeroAttribute (the initial value a `common` global may have). */
function isZeroAttr(v: Attribute): boolean {
  if (v instanceof IntegerAttr || v instanceof FloatAttr) return Number(v.value) === 0 && !Object.is(Number(v.value), -0);
  if (v instanceof DenseElementsAttr) return v.values.every((x) => Number(x) === 0 && !Object.is(Number(x), -0));
  if (v instanceof ArrayAttr) return v.items.every(isZeroAttr);
  return false;
}

// ---- atomic access (load, store) ---------------------------------------------------------------

/** MLIR's AtomicOrdering, by value (3 is unused). */
const ORDERINGS = ["not_atomic", "unordered", "monotonic", "consume", "acquire", "release", "acq_rel", "seq_cst"];
/** llvm.load/store's properties as MLIR converts them: a defined ordering case, a string syncscope. */
const ACCESS_PROPS = {
  ordering: (a: Attribute) => a instanceof IntegerAttr && a.type === i64 && a.num >= 0 && a.num < ORDERINGS.length && a.num !== 3,
  syncscope: (a: Attribute) => a instanceof StringAttr,
};
const orderingOf = (op: Operation) => { const o = op.attr("ordering"); return o instanceof IntegerAttr ? o.num : 0; };
/** `atomic [syncscope("s")] <ordering>` after the address. */
function parseAtomic(p: OpAsmParser, st: OperationState): void {
  if (!p.parseOptionalKeyword("atomic")) return;
  if (p.parseOptionalKeyword("syncscope")) { p.expect("("); st.addAttr("syncscope", new StringAttr(p.parseString())); p.expect(")"); }
  st.addAttr("ordering", new IntegerAttr(ORDERINGS.indexOf(p.parseKeyword(...ORDERINGS.filter((o, i) => i && i !== 3)))));
}
function printAtomic(p: OpAsmPrinter, op: Operation): void {
  const n = orderingOf(op), sc = op.attr("syncscope");
  if (n) p.print(" atomic", sc instanceof StringAttr ? ` syncscope(${sc.str})` : "", " ", ORDERINGS[n] ?? String(n));
}
/** MLIR's verifyAtomicMemOp: an atomic access needs a power-of-two sized scalar, an allowed ordering and an alignment. */
function atomicProblem(op: Operation, t: Type, unsupported: readonly string[]): string | undefined {
  const n = orderingOf(op);
  if (!n) return op.attr("syncscope") ? "expected syncscope to be null for non-atomic access" : undefined;
  const w = t instanceof LLVMPointerType ? 64 : t instanceof IntegerType || t instanceof FloatType ? t.width : 0;
  if (w < 8 || !isPow2(w)) return `unsupported type '${t.str}' for atomic access`;
  if (unsupported.includes(ORDERINGS[n])) return `unsupported ordering '${ORDERINGS[n]}'`;
  if (!op.attr("alignment")) return "expected alignment for atomic access";
}
const ATOMIC_ELIDED = ["volatile_", "ordering", "syncscope"];

/** The metadata arrays of memory ops and calls (ODS constraints: arrays of one llvm attribute kind). */
const METADATA: [string, string, string][] = [["access_groups", "access_group", "LLVM dialect access group metadata array"],
  ["alias_scopes", "alias_scope", "LLVM dialect alias scope array"], ["noalias_scopes", "alias_scope", "LLVM dialect alias scope array"],
  ["tbaa", "tbaa_tag", "LLVM dialect TBAA tag metadata array"]];
function metadataProblem(op: Operation): string | undefined {
  for (const [name, kind, summary] of METADATA) {
    const a = op.attr(name);
    if (a && !(a instanceof ArrayAttr && a.items.every((x) => x.str.startsWith(`#llvm.${kind}<`)))) return `attribute '${name}' failed to satisfy constraint: ${summary}`;
  }
}
const LOADABLE = tc("LLVM type with size", (t) => isLLVMCompatible(t) && validElement(t));

// ---- ops ---------------------------------------------------------------------------------------

/** MLIR 19's calling conventions (`llvm.func fastcc @f`). */
const CCONVS = ["ccc", "fastcc", "coldcc", "cc_10", "cc_11", "anyregcc", "preserve_mostcc", "preserve_allcc", "swiftcc",
  "cxx_fast_tlscc", "tailcc", "cfguard_checkcc", "swifttailcc", "x86_stdcallcc", "x86_fastcallcc", "arm_apcscc", "arm_aapcscc",
  "arm_aapcs_vfpcc", "msp430_intrcc", "x86_thiscallcc", "ptx_kernelcc", "ptx_devicecc", "spir_funccc", "spir_kernelcc",
  "intel_ocl_bicc", "x86_64_sysvcc", "win64cc", "x86_vectorcallcc", "hhvmcc", "hhvm_ccc", "x86_intrcc", "avr_intrcc",
  "avr_builtincc", "amdgpu_vscc", "amdgpu_gscc", "amdgpu_cscc", "amdgpu_kernelcc", "x86_regcallcc", "amdgpu_hscc",
  "msp430_builtincc", "amdgpu_lscc", "amdgpu_escc", "aarch64_vectorcallcc", "aarch64_sve_vectorcallcc",
  "wasm_emscripten_invokecc", "amdgpu_gfxcc", "m68k_intrcc"];
function parseCConv(p: OpAsmParser, st: OperationState): void {
  const cc = p.parseOptionalKeyword(...CCONVS);
  if (cc) st.addAttr("CConv", new OpaqueAttr(`#llvm.cconv<${cc}>`));
}
/** The case an enum attribute kept as text names (`#llvm.cconv<fastcc>`: fastcc). */
const enumCase = (a: Attribute | undefined): string | undefined => (a ? /<(\w+)>/.exec(a.str)?.[1] : undefined);
function printCConv(p: OpAsmPrinter, op: Operation): void {
  const name = enumCase(op.attr("CConv"));
  if (name && name !== "ccc") p.print(" ", name);
}

const FUNC_ELIDED = ["sym_name", "function_type", "linkage", "arg_attrs", "res_attrs", "CConv", ...MODIFIERS];

const llvmFunc: OpSpec = {
  name: "llvm.func", traits: ["IsolatedFromAbove", "Symbol"], operands: 0, results: 0, propChecks: ENUM_PROPS,
  propStorage: { sym_name: StringAttr, function_type: TypeAttr, sym_visibility: StringAttr, arg_attrs: ArrayAttr, res_attrs: ArrayAttr },
  props: ["sym_name", "function_type", "linkage", "CConv", "unnamed_addr", "visibility_", "sym_visibility", "arg_attrs", "res_attrs",
    "dso_local", "comdat", "convergent", "personality", "garbageCollector", "passthrough", "function_entry_count", "memory", "section",
    "alignment", "vscale_range", "frame_pointer", "target_cpu", "tune_cpu", "target_features", "unsafe_fp_math", "no_infs_fp_math",
    "no_nans_fp_math", "approx_func_fp_math", "no_signed_zeros_fp_math", "denormal_fp_math", "denormal_fp_math_f32", "fp_contract",
    "no_inline", "always_inline", "no_unwind", "will_return", "optimize_none"],
  implicitAttrs: defaults("CConv", "linkage", "visibility_"),
  parse(p, st) {
    parseLinkage(p, st);
    parseModifiers(p, st, false);
    parseCConv(p, st);
    const loc = p.locHere(), sig = parseFunctionSignature(p, st, true);
    // (MLIR's buildLLVMFunctionType)
    const problem = sig.inputs.some((t) => !isLLVMCompatible(t)) ? "expected LLVM type for function arguments"
      : sig.results.some((t) => !isLLVMCompatible(t)) ? "expected LLVM type for function results"
      : sig.results.length > 1 ? "expected zero or one function result" : undefined;
    if (problem) throw p.customError(`failed to construct function type: ${problem}`, loc);
    st.addAttr("function_type", new TypeAttr(LLVMFunctionType.get(sig.results[0] ?? llvmVoid, sig.inputs, sig.variadic)));
    p.parseOptionalAttrDictWithKeyword(st);
    const r = p.parseOptionalRegion(sig.args, { isolated: true });
    st.regions.push(r ?? new Region()); // MLIR's llvm.func always has one region, empty (a declaration) also after `{}`
  },
  print(p, op) {
    const l = linkageOf(op);
    if (l !== "external") p.print(" ", l);
    printModifiers(p, op);
    printCConv(p, op);
    const ft = llvmFunctionType(op);
    printFunctionSignature(p, op, ft.params, ft.results, ft.varArg);
    p.print(attrDict(p, op, FUNC_ELIDED, true));
    if (!isDecl(op)) { p.print(" "); p.region(op.region(), { printEntryBlockArgs: false }); }
  },
  regions: 1,
  verifyAttrs(op) {
    const missing = missingAttr(op, ["function_type", "sym_name"]);
    if (missing) return missing;
    const ft = op.attr("function_type");
    if (!(ft instanceof TypeAttr) || !(ft.type instanceof LLVMFunctionType)) return "attribute 'function_type' failed to satisfy constraint: type attribute of LLVM function type";
  },
  verifyInvariants(op, ctx) { // (MLIR's LLVMFuncOp::verify and the function interface's trait: before the body's ops)
    const ft = op.attr<TypeAttr>("function_type")!;
    if (!(ft.type instanceof LLVMFunctionType)) return;
    if (op.attr("no_inline") && op.attr("always_inline")) return void ctx.error(op, "no_inline and always_inline attributes are incompatible");
    if (op.attr("optimize_none") && !op.attr("no_inline")) return "with optimize_none must also be no_inline";
    const sig = llvmFunctionType(op), attrs = signatureAttrsProblem(op, sig.params.length, sig.results.length);
    if (attrs) return attrs;
    if (linkageOf(op) === "common") return "functions cannot have 'common' linkage";
    if (isDecl(op)) {
      const l = linkageOf(op);
      if (l !== "external" && l !== "extern_weak") return "external functions must have 'external' or 'extern_weak' linkage";
      return;
    }
    // (MLIR's function_interface_impl::verifyTrait)
    const entry = op.body(), params = ft.type.params;
    if (entry.args.length !== params.length) return `entry block must have ${params.length} arguments to match function signature`;
    const k = entry.args.findIndex((a, i) => a.type !== params[i]);
    if (k >= 0) {
      return `type of entry block argument #${k}('${entry.args[k].type.str}') must match the type of the corresponding argument in function signature('${params[k].str}')`;
    }
  },
};

const llvmReturn: OpSpec = returnLikeOp("llvm.return", {
  operands: [0, 1], operandTypes: [LLVM_COMPAT],
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
  name: "llvm.mlir.global", traits: ["IsolatedFromAbove", "Symbol", "SingleBlock"], operands: 0, results: 0, propChecks: ENUM_PROPS,
  propStorage: { sym_name: StringAttr, global_type: TypeAttr, addr_space: IntegerAttr, alignment: IntegerAttr },
  props: ["sym_name", "global_type", "linkage", "constant", "value", "addr_space", "alignment", "unnamed_addr", "visibility_", "dso_local", "thread_local_"],
  implicitAttrs: defaults("visibility_"), defaults: { addr_space: new IntegerAttr(0, i32) },
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
    const loc = p.locHere();
    if (p.accept(":")) {
      type = p.parseType();
      if (p.accept(",")) throw p.customError("expected zero or one type", loc);
    } else if (value instanceof StringAttr) type = LLVMArrayType.get(stringBytes(value.value), i8);
    else throw p.customError("type can only be omitted for string globals", st.loc);
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
  verifyAttrs: (op) => missingAttr(op, ["global_type", "linkage", "sym_name"]),
  verify(op, ctx) {
    const ta = op.attr("global_type");
    if (!(ta instanceof TypeAttr)) return "attribute 'global_type' failed to satisfy constraint: any type attribute";
    const as = op.attr("addr_space");
    if (as && !(as instanceof IntegerAttr && as.type === i32 && as.num >= 0)) return "attribute 'addr_space' failed to satisfy constraint: 32-bit signless integer attribute whose value is non-negative";
    const value = op.attr("value"), align = op.attr("alignment");
    const hasInit = op.regions.length > 0 && op.region().blocks.length > 0;
    if (align instanceof IntegerAttr && !isPow2(align.num)) return "alignment attribute is not a power of 2";
    if (value && hasInit) return "cannot have both initializer value and region";
    const linkage = linkageOf(op);
    if (linkage === "common" && value && !isZeroAttr(value)) return "expected zero value for 'common' linkage";
    if (linkage === "appending" && !(ta.type instanceof LLVMArrayType)) return "expected array type for 'appending' linkage";
    if (value instanceof StringAttr) {
      const t = ta.type;
      if (!(t instanceof LLVMArrayType) || t.elementType !== i8 || t.numElements !== stringBytes(value.value)) {
        return "requires an i8 array type of the length equal to that of the string attribute";
      }
    }
    // (MLIR's verifyRegions)
    if (!op.regions.length || !op.region().blocks.length || implicitTerminatorError(op, ctx, "llvm.return")) return;
    const ret = op.body().terminator!;
    if (!ret.operands.length) return "initializer region cannot return void";
    if (ret.operand(0).type !== ta.type) return `initializer region type '${ret.operand(0).type.str}' does not match global type '${ta.type.str}'`;
    const effectful = op.body().ops.find((o) => !ctx.hasTrait(o, "Pure") && !ctx.hasTrait(o, "ConstantLike"));
    if (effectful) ctx.error(effectful, "ops with side effects not allowed in global initializers");
  },
};

/** Indirect calls carry the callee pointer as operand 0. */
function callArgs(op: Operation): Value[] { return op.attr("callee") ? op.operands : op.operands.slice(1); }

const CALL_ELIDED = ["callee", "var_callee_type", "CConv", "TailCallKind"];
const TAIL_CALL_KINDS = ["none", "tail", "musttail", "notail"];

const llvmCall: OpSpec = {
  name: "llvm.call", results: [0, 1], operandTypes: [variadic(LLVM_COMPAT)], resultTypes: [LLVM_COMPAT], verifyAttrs: metadataProblem, propChecks: ENUM_PROPS,
  props: ["callee", "var_callee_type", "CConv", "TailCallKind", "fastmathFlags", "branch_weights", "access_groups", "alias_scopes", "noalias_scopes", "tbaa"],
  implicitAttrs: defaults("CConv", "TailCallKind", "fastmathFlags"),
  parse(p, st) {
    parseCConv(p, st);
    const tail = p.parseOptionalKeyword(...TAIL_CALL_KINDS);
    if (tail) st.addAttr("TailCallKind", new OpaqueAttr(`#llvm.tailcallkind<${tail}>`));
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
    // (MLIR's parseCallTypeAndResolveOperands: its errors at the `:`)
    const loc = p.locHere();
    p.expect(":");
    const types = [p.parseType()];
    while (p.accept(",")) types.push(p.parseType());
    if (callee && types.length !== 1) throw p.customError("expected direct call to have 1 trailing type", loc);
    if (!callee && types.length !== 2) throw p.customError("expected indirect call to have 2 trailing types", loc);
    const ft = types.pop();
    if (!(ft instanceof FunctionType)) throw p.customError("expected trailing function type", loc);
    if (ft.results.length > 1) throw p.customError("expected function with 0 or 1 result", loc);
    if (ft.results[0] instanceof LLVMVoidType) throw p.customError("expected a non-void result type", loc);
    st.operands = p.resolveOperands(fnPtr ? [fnPtr, ...args] : args, [...types, ...ft.inputs], st.loc);
    st.resultTypes = [...ft.results];
  },
  print(p, op) {
    const callee = op.attr("callee");
    const args = callArgs(op);
    printCConv(p, op);
    const tail = enumCase(op.attr("TailCallKind"));
    if (tail && tail !== "none") p.print(" ", tail);
    p.print(" ", callee ? callee.str : p.operand(op.operand(0)), "(", p.operands(args), ")");
    const vt = op.attr("var_callee_type");
    if (vt) p.print(" vararg(", vt.str, ")");
    p.print(attrDict(p, op, CALL_ELIDED), " : ");
    if (!callee) p.print(p.type(op.operand(0).type), ", ");
    const res = op.results.length === 1 ? op.results[0].type.str : `(${p.types(op.results.map((r) => r.type))})`;
    p.print(`(${p.types(args.map((v) => v.type))}) -> ${res}`);
  },
  verify(op) { // (MLIR's verifyCallOpVarCalleeType; the callee's checks are its verifySymbolUses)
    const args = callArgs(op), vta = op.attr("var_callee_type");
    if (vta) {
      if (!(vta instanceof TypeAttr) || !(vta.type instanceof LLVMFunctionType)) return "var_callee_type must be an LLVM function type";
      const vt = vta.type;
      if (!vt.varArg) return "expected var_callee_type to be a variadic function type";
      if (vt.params.length > args.length) return `expected var_callee_type to have at most ${args.length} parameters`;
      for (let i = 0; i < vt.params.length; i++) {
        if (vt.params[i] !== args[i].type) return `var_callee_type parameter type mismatch: '${vt.params[i].str}' != '${args[i].type.str}'`;
      }
      if (!op.results.length) { if (!(vt.result instanceof LLVMVoidType)) return "expected var_callee_type to return void"; }
      else if (op.result.type !== vt.result) return `var_callee_type return type mismatch: '${vt.result.str}' != '${op.result.type.str}'`;
    }
  },
  verifySymbolUses(op, ctx) {
    const callee = op.attr("callee"), args = callArgs(op), vta = op.attr("var_callee_type");
    if (!callee) {
      if (!op.operands.length) return "must have either a `callee` attribute or at least an operand";
      const t = op.operand(0).type;
      if (!(t instanceof LLVMPointerType)) return `indirect call expects a pointer as callee: '${t.str}'`;
      return;
    }
    if (!(callee instanceof SymbolRefAttr)) return "requires 'callee' to be a symbol reference";
    const fn = ctx.lookupSymbol(op, callee.root);
    if (!fn) return `'${callee.root}' does not reference a symbol in the current scope`;
    if (fn.name !== "llvm.func") return `'${callee.root}' does not reference a valid LLVM function`;
    const ft = llvmFunctionType(fn);
    if (ft.varArg && !vta) return "missing var_callee_type attribute for vararg call";
    if (!ft.varArg && args.length !== ft.params.length) return `incorrect number of operands (${args.length}) for callee (expecting: ${ft.params.length})`;
    if (ft.params.length > args.length) return `incorrect number of operands (${args.length}) for varargs callee (expecting at least: ${ft.params.length})`;
    for (let i = 0; i < ft.params.length; i++) {
      if (ft.params[i] !== args[i].type) return `operand type mismatch for operand ${i}: '${args[i].type.str}' != '${ft.params[i].str}'`;
    }
    const isVoid = ft.result instanceof LLVMVoidType;
    if (!op.results.length && !isVoid) return "expected function call to produce a value";
    if (op.results.length && isVoid) return "calling function with void result must not produce values";
    if (op.results.length && op.result.type !== ft.result) return `result type mismatch: '${op.result.type.str}' != '${ft.result.str}'`;
  },
};

const addressOf: OpSpec = {
  name: "llvm.mlir.addressof", operands: 0, results: 1, traits: ["Pure", "ConstantLike"], props: ["global_name"], resultTypes: [LLVM_PTR],
  parse(p, st) {
    const loc = p.locHere(), ref = p.parseAttribute();
    if (!(ref instanceof SymbolRefAttr)) throw p.customError("invalid kind of attribute specified", loc);
    st.addAttr("global_name", ref);
    p.parseOptionalAttrDict(st);
    st.resultTypes = [p.parseColonType()];
  },
  print(p, op) { p.print(" ", op.attr("global_name")!.str, attrDict(p, op, ["global_name"]), " : ", p.type(op.result.type)); },
  verify(op) {
    if (!(op.attr("global_name") instanceof SymbolRefAttr)) return "requires a 'global_name' symbol reference";
  },
  verifySymbolUses(op, ctx) {
    const ref = op.attr<SymbolRefAttr>("global_name")!, g = ctx.lookupSymbol(op, ref.root);
    if (!g || (g.name !== "llvm.mlir.global" && g.name !== "llvm.func")) return "must reference a global defined by 'llvm.mlir.global' or 'llvm.func'";
    const t = op.result.type as LLVMPointerType;
    const as = g.attr("addr_space");
    if (g.name === "llvm.mlir.global" && t.addrSpace !== (as instanceof IntegerAttr ? as.num : 0)) {
      return "pointer address space must match address space of the referenced global";
    }
  },
};

const load: OpSpec = {
  name: "llvm.load", operands: 1, results: 1, traits: ["MemRead"], propChecks: ACCESS_PROPS, props: ["alignment", "ordering", "volatile_", "nontemporal", "invariant", "syncscope", "access_groups", "alias_scopes", "noalias_scopes", "tbaa"],
  implicitAttrs: defaults("ordering"), operandTypes: [LLVM_PTR], resultTypes: [LOADABLE], verifyAttrs: metadataProblem,
  onlyReads: (op) => !op.attr("volatile_") && orderingOf(op) <= 1, // (not_atomic or unordered)
  parse(p, st) {
    if (p.parseOptionalKeyword("volatile")) st.addAttr("volatile_", unit);
    const a = p.parseOperand();
    parseAtomic(p, st);
    if (p.parseOptionalKeyword("invariant")) st.addAttr("invariant", unit);
    p.parseOptionalAttrDict(st);
    const pt = p.parseColonType();
    p.expect("->");
    st.resultTypes = [p.parseType()];
    st.operands = [p.resolveOperand(a, pt)];
  },
  print(p, op) {
    p.print(op.attr("volatile_") ? " volatile" : "", " ", p.operand(op.operand(0)));
    printAtomic(p, op);
    if (op.attr("invariant")) p.print(" invariant");
    p.print(attrDict(p, op, [...(orderingOf(op) ? ATOMIC_ELIDED : ["volatile_"]), "invariant"]), " : ", p.type(op.operand(0).type), " -> ", p.type(op.result.type));
  },
  verify(op) { return atomicProblem(op, op.result.type, ["release", "acq_rel"]); },
};

const store: OpSpec = {
  name: "llvm.store", operands: 2, results: 0, propChecks: ACCESS_PROPS, props: ["alignment", "ordering", "volatile_", "nontemporal", "syncscope", "access_groups", "alias_scopes", "noalias_scopes", "tbaa"],
  implicitAttrs: defaults("ordering"), operandTypes: [LOADABLE, LLVM_PTR], verifyAttrs: metadataProblem,
  parse(p, st) {
    if (p.parseOptionalKeyword("volatile")) st.addAttr("volatile_", unit);
    const v = p.parseOperand();
    p.expect(",");
    const a = p.parseOperand();
    parseAtomic(p, st);
    p.parseOptionalAttrDict(st);
    const vt = p.parseColonType();
    p.expect(",");
    const pt = p.parseType();
    st.operands = [p.resolveOperand(v, vt), p.resolveOperand(a, pt)];
  },
  print(p, op) {
    p.print(op.attr("volatile_") ? " volatile" : "", " ", p.operands(op.operands));
    printAtomic(p, op);
    p.print(attrDict(p, op, orderingOf(op) ? ATOMIC_ELIDED : ["volatile_"]), " : ", p.type(op.operand(0).type), ", ", p.type(op.operand(1).type));
  },
  verify(op) { return atomicProblem(op, op.operand(0).type, ["acquire", "acq_rel"]); },
};

const gep: OpSpec = {
  name: "llvm.getelementptr", operands: [1, -1], results: 1, traits: ["Pure"], props: ["elem_type", "rawConstantIndices", "inbounds"],
  operandTypes: [PTR_OR_PTRS, variadic(tc("signless integer or LLVM dialect-compatible vector of signless integer", vectorOf((t) => t instanceof IntegerType)))],
  resultTypes: [PTR_OR_PTRS],
  parse(p, st) {
    if (p.parseOptionalKeyword("inbounds")) st.addAttr("inbounds", unit);
    const base = p.parseOperand();
    p.expect("[");
    const raw: number[] = [];
    const dyn: UnresolvedOperand[] = [];
    if (!p.accept("]")) {
      do {
        const o = p.parseOptionalOperand();
        if (o) { dyn.push(o); raw.push(GEP_DYNAMIC); continue; }
        const at = p.locHere(), v = p.parseInteger(); // (an int32, as MLIR's rawConstantIndices)
        if (v < -(2 ** 31) || v >= 2 ** 31) throw p.customError("integer value too large", at);
        raw.push(v);
      } while (p.accept(","));
      p.expect("]");
    }
    st.addAttr("rawConstantIndices", new DenseArrayAttr(i32, raw));
    p.parseOptionalAttrDict(st);
    p.expect(":");
    const ft = p.parseTypeOf(FunctionType);
    p.expect(",");
    st.addAttr("elem_type", new TypeAttr(p.parseType()));
    st.operands = p.resolveOperands([base, ...dyn], [...ft.inputs], st.loc);
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
  name: "llvm.alloca", operands: 1, results: 1, traits: ["MemAlloc"], props: ["alignment", "elem_type", "inalloca"], operandTypes: [SIGNLESS_INT], resultTypes: [LLVM_PTR],
  parse(p, st) {
    if (p.parseOptionalKeyword("inalloca")) st.addAttr("inalloca", unit);
    const n = p.parseOperand();
    p.parseKeyword("x");
    st.addAttr("elem_type", new TypeAttr(p.parseType()));
    p.parseOptionalAttrDict(st);
    p.expect(":");
    const loc = p.locHere(), ft = p.parseType();
    const align = st.attributes.get("alignment");
    if (align && !(align instanceof IntegerAttr)) throw p.customError("expected integer alignment", st.loc);
    if (align instanceof IntegerAttr && align.num === 0) st.attributes.delete("alignment");
    if (!(ft instanceof FunctionType) || ft.inputs.length !== 1 || ft.results.length !== 1) {
      throw p.customError("expected trailing function type with one argument and one result", loc);
    }
    st.operands = p.resolveOperands([n], [...ft.inputs], loc);
    st.resultTypes = [...ft.results];
  },
  print(p, op) {
    p.print(op.attr("inalloca") ? " inalloca" : "", " ", p.operand(op.operand(0)), " x ", p.type(op.attr<TypeAttr>("elem_type")!.type),
      attrDict(p, op, ["elem_type", "inalloca"]), " : ", p.functionalType(op));
  },
  verify(op) {
    if (!(op.attr("elem_type") instanceof TypeAttr)) return "requires an 'elem_type' attribute";
  },
};

/** `llvm.mlir.zero : T` and `llvm.mlir.undef : T`. */
const nullary = (name: string): OpSpec => ({
  name, operands: 0, results: 1, traits: ["Pure", "ConstantLike"], resultTypes: [LLVM_COMPAT],
  parse(p, st) { p.parseOptionalAttrDict(st); st.resultTypes = [p.parseColonType()]; },
  print(p, op) { p.print(p.attrDict(op), " : ", p.type(op.result.type)); },
});

const constant: OpSpec = {
  name: "llvm.mlir.constant", operands: 0, results: 1, traits: ["Pure", "ConstantLike"], props: ["value"], resultTypes: [LLVM_COMPAT],
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
  // (MLIR 19's ConstantOp::verify; a float attribute must also have the result's semantics, as later MLIR checks)
  verify(op, ctx) {
    const v = op.attr("value"), t = op.result.type;
    if (v instanceof StringAttr) {
      const n = stringBytes(v.value);
      if (!(t instanceof LLVMArrayType) || t.numElements !== n || t.elementType !== i8) return `expected array type of ${n} i8 elements for the string constant`;
      return;
    }
    if (t instanceof LLVMStructType) {
      const f = t.fields;
      if (f.length !== 2 || f[0] !== f[1]) return void ctx.error(op, "expected struct type with two elements of the same type, the type of a complex constant");
      if (!(v instanceof ArrayAttr) || v.items.length !== 2) return "expected array attribute with two elements, representing a complex constant";
      const typeOf = (a: Attribute) => (a instanceof IntegerAttr || a instanceof FloatAttr || a instanceof DenseElementsAttr ? a.type : undefined);
      const re = typeOf(v.items[0]);
      if (!re || re !== typeOf(v.items[1])) {
        return "expected array attribute with two elements of the same type";
      }
      if (!(f[0] instanceof IntegerType || (f[0] instanceof FloatType && ["f16", "f32", "f64"].includes(f[0].kind)))) {
        return void ctx.error(op, "expected struct element types to be floating point type or integer type");
      }
      return;
    }
    if (!(v instanceof IntegerAttr || v instanceof FloatAttr || v instanceof ArrayAttr || v instanceof DenseElementsAttr || v instanceof SparseElementsAttr)) {
      return "only supports integer, float, string or elements attributes";
    }
    if (v instanceof IntegerAttr && !(t instanceof IntegerType)) return "expected integer type";
    if (v instanceof FloatAttr) {
      const w = (v.type as FloatType).width;
      if (t instanceof FloatType && t.width !== w) return `expected float type of width ${w}`;
      if (t instanceof IntegerType && t.width !== w) return `expected integer type of width ${w}`;
      if (t instanceof FloatType && t !== v.type) return "attribute and type have different float semantics";
    }
    if (v instanceof DenseElementsAttr && v.isSplat && !(t instanceof VectorType || t instanceof LLVMArrayType)) return "expected vector or array type";
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
