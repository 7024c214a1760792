// Base shapes for op specs: the common syntaxes so a concrete op is a line or two.
import { Attribute, DenseArrayAttr, IntegerAttr, OpaqueAttr } from "../ir/attributes.js";
import { Block, Operation, type Region, type Value } from "../ir/core.js";
import type { OpSpec, OperationState, Trait, TypeConstraint, VerifyContext } from "../ir/dialect.js";
import type { OpAsmParser, UnresolvedOperand } from "../ir/parser.js";
import type { OpAsmPrinter } from "../ir/printer.js";
import { DiagnosticError, type Location } from "../ir/diagnostics.js";
import { propertyProblem } from "../ir/verifier.js";
import {
  FloatType, FunctionType, IndexType, IntegerType, MemRefType, ShapedType, TensorType, Type, UnrankedMemRefType, UnrankedTensorType, VectorType, compatibleShapeList, i1, i64, isIntOrIndex,
} from "../ir/types.js";

type TypeClass = Function & { prototype: Type };
/** A type, of one of `kinds` if given (MLIR's `parseType<VectorType>` and its "invalid kind of type specified"). */
const typeOf = (p: OpAsmParser, kinds: readonly TypeClass[]): Type => (kinds.length ? p.parseTypeOf(...kinds) : p.parseType());

/** ODS type constraints (OpSpec.operandTypes/resultTypes), with MLIR's summaries. */
export const tc = (summary: string, ok: (t: Type) => boolean): TypeConstraint => ({ summary, ok });
export const INDEX = tc("index", (t) => t instanceof IndexType);
export const I1 = tc("1-bit signless integer", (t) => t === i1);
export const SIGNLESS_INT_OR_INDEX = tc("signless integer or index", isIntOrIndex);
export const ANY_MEMREF = tc("memref of any type values", (t) => t instanceof MemRefType);
export const ANY = tc("any type", () => true);
export const ANY_MEMREF_OR_UNRANKED = tc("ranked or unranked memref of any type values", (t) => t instanceof MemRefType || t instanceof UnrankedMemRefType);
export const STRIDED_MEMREF = tc("strided memref of any type values", (t) => t instanceof MemRefType);
export const ANY_VECTOR = tc("vector of any type values", (t) => t instanceof VectorType);
export const FLOAT_VECTOR = tc("vector of floating-point values", (t) => t instanceof VectorType && t.elementType instanceof FloatType);
export const I1_VECTOR = tc("vector of 1-bit signless integer values", (t) => t instanceof VectorType && t.elementType === i1);
export const INT_INDEX_FLOAT = tc("integer/index/float type", (t) => isIntOrIndex(t) || t instanceof FloatType);
export const RANKED_TENSOR = tc("ranked tensor of any type values", (t) => t instanceof TensorType);
export const ANY_TENSOR = tc("tensor of any type values", (t) => t instanceof TensorType || t instanceof UnrankedTensorType);
export const ANY_SHAPED = tc("shaped of any type values", (t) => t instanceof ShapedType || t instanceof UnrankedMemRefType || t instanceof UnrankedTensorType);
export const RANKED_OR_UNRANKED_MEMREF = tc("unranked.memref of any type values or non-0-ranked.memref of any type values",
  (t) => t instanceof UnrankedMemRefType || t instanceof MemRefType && t.rank > 0);
/** MLIR's TypeOrContainer constraints (`floating-point-like`): a scalar of a kind, or a vector or tensor of them. */
export const like = (summary: string, ok: (t: Type) => boolean): TypeConstraint =>
  tc(summary, (t) => ok(t instanceof VectorType || t instanceof TensorType || t instanceof UnrankedTensorType ? t.elementType : t));
export const FLOAT_LIKE = like("floating-point-like", (t) => t instanceof FloatType);
export const INT_LIKE = like("signless-integer-like", isIntOrIndex);
export const FIXED_INT_LIKE = like("signless-fixed-width-integer-like", (t) => t instanceof IntegerType);
export const BOOL_LIKE = like("bool-like", (t) => t === i1);
/** ODS operand and result constraints: `n` operands and one result of constraint `c`. */
export const typed = (c: TypeConstraint, n: number) => ({ operandTypes: Array<TypeConstraint>(n).fill(c), resultTypes: [c] });
export const variadic = (c: TypeConstraint): TypeConstraint => ({ summary: `variadic of ${c.summary}`, ok: c.ok, variadic: true });
export const VARIADIC_INDEX = variadic(INDEX);
/** ODS's presence check of required attributes: the first of `names` (given in its order, by name) that `op` lacks. */
export function missingAttr(op: Operation, names: readonly string[]): string | undefined {
  const k = names.find((n) => !op.attr(n));
  return k && `requires attribute '${k}'`;
}
/** OpSpec.propChecks for MLIR's BoolAttr properties: its conversion takes only `true`/`false`. */
export const isBoolAttr = (a: Attribute) => a instanceof IntegerAttr && a.type === i1;
/** OpSpec.propChecks for an I64EnumAttr of `n` cases: its conversion takes only an i64 that names a case. */
export const caseNumber = (n: number) => (a: Attribute) => a instanceof IntegerAttr && a.type === i64 && a.num >= 0 && a.num < n;
/** OpSpec.propChecks for MLIR's DenseI64ArrayAttr properties: its conversion rejects an array<i32: ...>. */
export const i64Arrays = (...names: string[]) =>
  Object.fromEntries(names.map((n) => [n, (a: Attribute) => a instanceof DenseArrayAttr && a.elementType === i64]));

/** MLIR's Elementwise trait: non-scalar operands and results all or none, of one kind (vector, tensor, unranked tensor) and compatible shapes. */
export function elementwiseProblem(op: Operation): string | undefined {
  const mappable = (vs: readonly Value[]) => vs.map((v) => v.type).filter((t) => t instanceof VectorType || t instanceof TensorType || t instanceof UnrankedTensorType);
  const ins = mappable(op.operands), outs = mappable(op.results);
  if (!ins.length) return outs.length ? "if a result is non-scalar, then at least one operand must be non-scalar" : undefined;
  if (!outs.length) return "if an operand is non-scalar, then there must be at least one non-scalar result";
  if (outs.length !== op.results.length) return "if an operand is non-scalar, then all results must be non-scalar";
  const all = [...ins, ...outs];
  if (!all.every((t) => t.constructor === all[0].constructor) || !compatibleShapeList(all)) return "all non-scalar operands/results must have the same shape and base type";
}

/** MLIR's error for a property its conversion rejects: reported before verifying, without the op prefix. */
export function badProperty(op: Operation, ctx: VerifyContext, name: string, props: readonly string[]): void {
  ctx.error(op, propertyProblem(op, name, props));
}

/** The flags MLIR's float ops and some integer ops hold when none are written (OpSpec.implicitAttrs). */
export const FASTMATH_NONE = { fastmath: new OpaqueAttr("#arith.fastmath<none>") };
export const OVERFLOW_NONE = { overflowFlags: new OpaqueAttr("#arith.overflow<none>") };

/** `%a, %b [fastmath<...>] {attrs} : T` — operands and result share one type. */
export function sameTypeOp(name: string, arity: number, traits: Trait[] = [],
  extra: Partial<OpSpec> & { implicitAttrs?: Readonly<Record<string, Attribute>> } = {}, kinds: TypeClass[] = []): OpSpec {
  return {
    name, operands: arity, results: 1, traits: ["Pure", "SameOperandsAndResultType", ...traits], props: ["fastmath", "overflowFlags"],
    parse(p, st) {
      // exactly `arity` operands, as MLIR's `$lhs, $rhs` format: `(%a, %b)` is no operand list
      const ops = p.parseOperands(arity);
      parseFlags(p, st, extra.implicitAttrs);
      p.parseOptionalAttrDict(st);
      p.expect(":");
      const t = typeOf(p, kinds);
      st.operands = p.resolveOperands(ops, t);
      st.resultTypes = [t];
    },
    print(p, op) {
      p.print(" ", p.operands(op.operands), printFlags(op), p.attrDict(op, ["fastmath", "overflowFlags"]), " : ", p.type(op.result.type));
    },
    ...extra,
  };
}

/** The flags of `#arith.fastmath<...>` and `#arith.overflow<...>`, in the order MLIR prints them. */
const FLAG_BITS = { fastmath: ["reassoc", "nnan", "ninf", "nsz", "arcp", "contract", "afn"], overflow: ["nsw", "nuw"] } as const;
type FlagKind = keyof typeof FLAG_BITS;
const ENUM = { fastmath: ["FastMathFlags", "FastMathAttr"], overflow: ["IntegerOverflowFlags", "IntegerOverflowAttr"] } as const;

/** Where MLIR reports a bad case of a `<case>` enum: at the case, past the `<`. */
export const enumLoc = (p: OpAsmParser) => p.lex.loc(p.lex.peek().pos + 1);

/** `<ninf,nnan>` after `fastmath`/`overflow`: a bad flag is reported where the list starts, as MLIR's enum parser reports it. */
export function parseFlagList(p: OpAsmParser, kind: FlagKind): OpaqueAttr {
  const at = enumLoc(p);
  return flagsAttr(p, kind, p.balancedAngle(), at);
}

/** `<ninf,nnan>` as MLIR holds it: flags in its order, `none` for none, `fast` for all fastmath flags. */
export function flagsAttr(p: OpAsmParser, kind: FlagKind, body: string, at = p.locHere()): OpaqueAttr {
  const bits: readonly string[] = FLAG_BITS[kind], set = new Set<string>();
  for (const f of body.slice(1, -1).split(",").map((x) => x.trim())) {
    if (f === "fast" && kind === "fastmath") bits.forEach((b) => set.add(b));
    else if (bits.includes(f)) set.add(f);
    else if (f !== "none") throw p.enumError(at, `::mlir::arith::${ENUM[kind][0]}`, ["none", ...bits, ...(kind === "fastmath" ? ["fast"] : [])], `Arith_${ENUM[kind][1]}`);
  }
  const on = bits.filter((b) => set.has(b));
  const text = !on.length ? "none" : on.length === 7 ? "fast" : on.join(kind === "fastmath" ? "," : ", ");
  return new OpaqueAttr(`#arith.${kind}<${text}>`);
}

/**
 * `fastmath<fast>` / `overflow<nsw>` flags after the operands, of the kinds the op holds (its
 * implicit attributes; none: the default, not printed).
 */
export function parseFlags(p: OpAsmParser, st: OperationState, implicit?: Readonly<Record<string, Attribute>>, optionalFastmath = false): void {
  if (p.lex.peek().kind !== "bare") return; // (no flags, as most ops: no list of the kinds to look for)
  const kinds = [...(implicit?.fastmath || optionalFastmath ? ["fastmath"] : []), ...(implicit?.overflowFlags ? ["overflow"] : [])];
  for (;;) { // (each kind once, as MLIR's formats)
    const kw = kinds.length ? p.parseOptionalKeyword(...kinds) : undefined;
    if (!kw) return;
    kinds.splice(kinds.indexOf(kw), 1);
    st.addAttr(kw === "fastmath" ? "fastmath" : "overflowFlags", parseFlagList(p, kw as FlagKind));
  }
}
const FLAGS = [["fastmath", "fastmath"], ["overflowFlags", "overflow"]] as const;
export function printFlags(op: Operation): string {
  if (op.numAttributes === 0) return "";
  let s = "";
  for (const [k, kw] of FLAGS) {
    const a = op.attr(k);
    if (a && !a.str.endsWith("<none>")) s += " " + kw + a.str.slice(a.str.indexOf("<"));
  }
  return s;
}

/** What a cast writes between its operand and its attributes (arith.truncf's rounding mode and flags). */
export interface CastMiddle { parse(p: OpAsmParser, st: OperationState): void; print(op: Operation): string; attrs: readonly string[] }

/** `%a [middle] {attrs} : T1 to T2` — casts (T1 of one of `kinds` if given, T2 of `toKinds`). */
export function castOp(name: string, extra: Partial<OpSpec> = {}, middle?: CastMiddle, kinds: TypeClass[] = [], toKinds = kinds): OpSpec {
  return {
    name, operands: 1, results: 1, traits: ["Pure"],
    parse(p, st) {
      const a = p.parseOperand();
      middle?.parse(p, st);
      p.parseOptionalAttrDict(st);
      p.expect(":");
      const from = typeOf(p, kinds);
      p.parseKeyword("to");
      st.resultTypes = [typeOf(p, toKinds)];
      st.operands = [p.resolveOperand(a, from)];
    },
    print(p, op) {
      p.print(" ", p.operand(op.operand(0)), middle?.print(op) ?? "", p.attrDict(op, middle?.attrs), " : ", p.type(op.operand(0).type), " to ", p.type(op.result.type));
    },
    ...extra,
  };
}

/** `%a {attrs} : T` — one operand, no results (memref.dealloc, tensorlang.print); T of one of `kinds` if given. */
export function operandOnlyOp(name: string, extra: Partial<OpSpec> = {}, kinds: TypeClass[] = []): OpSpec {
  return {
    name, operands: 1, results: 0,
    parse(p, st) {
      const a = p.parseOperand();
      p.parseOptionalAttrDict(st);
      p.expect(":");
      st.operands = [p.resolveOperand(a, typeOf(p, kinds))];
    },
    print(p, op) { p.print(" ", p.operand(op.operand(0)), p.attrDict(op), " : ", p.type(op.operand(0).type)); },
    ...extra,
  };
}

/** `%a, %b {attrs} : (T1, T2) -> T3` — the generic-looking custom form many ops use. */
export function functionalTypeOp(name: string, extra: Partial<OpSpec> = {}): OpSpec {
  return {
    name,
    parse(p, st) {
      const ops = p.parseOperandList();
      p.parseOptionalAttrDict(st);
      const loc = p.locHere();
      const ft = p.parseColonType();
      if (!(ft instanceof FunctionType)) throw p.errorHere("expected function type");
      st.operands = p.resolveOperands(ops, [...ft.inputs], loc);
      st.resultTypes = [...ft.results];
    },
    print(p, op) {
      p.print(op.operands.length ? " " + p.operands(op.operands) : "", p.attrDict(op), " : ", p.functionalType(op));
    },
    ...extra,
  };
}

/** Terminator `op %a, %b : T1, T2` (or bare `op`), e.g. scf.yield, func.return. */
export function returnLikeOp(name: string, extra: Partial<OpSpec> = {}): OpSpec {
  return {
    name, results: 0, traits: ["Pure", "Terminator", "ReturnLike"],
    parse(p, st) {
      p.parseOptionalAttrDict(st); // MLIR: `attr-dict ($operands^ : types)?`
      const ops = p.parseOperandList();
      p.parseOptionalAttrDict(st);
      const ts = ops.length ? (p.expect(":"), p.parseTypeList()) : [];
      st.operands = p.resolveOperands(ops, ts);
    },
    print(p, op) {
      p.print(p.attrDict(op));
      if (op.operands.length) p.print(" ", p.operands(op.operands), " : ", p.types(op.operands.map((v) => v.type)));
    },
    ...extra,
  };
}

/**
 * MLIR's ensureRegionTerminator, for the custom forms of SingleBlockImplicitTerminator ops, which
 * elide an operand-less terminator: give `r` an entry block (with `argTypes`) if it has none, and
 * end its last block with `name` unless a registered terminator ends it already (a misplaced
 * func.return is left for the verifiers to judge, as MLIR leaves it).
 */
export function ensureTerminator(p: OpAsmParser, r: Region, name: string, loc: Location, argTypes: Type[] = []): void {
  if (!r.blocks.length) r.push(new Block(argTypes));
  const b = r.blocks[r.blocks.length - 1], last = b.terminator;
  if (!last || !p.ctx.registered(last.name)?.terminator) b.append(new Operation({ name, loc }));
}

/**
 * MLIR's SingleBlockImplicitTerminator<name> check, a region trait (made after the regions' ops):
 * whether it reported.
 */
export function implicitTerminatorError(op: Operation, ctx: VerifyContext, name: string): boolean {
  for (const r of op.regions) {
    const last = r.blocks[0]?.ops.at(-1);
    if (last && last.name !== name) {
      ctx.opError(op, `expects regions to end with '${name}', found '${last.name}'`, [{ at: op, message: `in custom textual format, the absence of terminator implies '${name}'` }]);
      return true;
    }
  }
  return false;
}

/** ODS's SizedRegion<1>: `names[i]` names region i (the last also those after it, a variadic group); the first `count` are checked. */
export function emptyRegionProblem(op: Operation, names: readonly string[], count = op.regions.length): string | undefined {
  for (let i = 0; i < count; i++) {
    if (!op.regions[i].blocks.length) return `region #${i} ('${names[Math.min(i, names.length - 1)]}') failed to verify constraint: region with 1 blocks`;
  }
}

/** `(%a = %x, %b = %y)`: region arguments and the operands that initialize them (scf.for's iter_args, scf.forall's shared_outs). */
export function parseAssignmentList(p: OpAsmParser): { args: UnresolvedOperand[]; inits: UnresolvedOperand[] } {
  const args: UnresolvedOperand[] = [], inits: UnresolvedOperand[] = [];
  p.expect("(");
  if (!p.accept(")")) {
    do { args.push(p.parseOperand()); p.expect("="); inits.push(p.parseOperand()); } while (p.accept(","));
    p.expect(")");
  }
  return { args, inits };
}
export function printAssignmentList(p: OpAsmPrinter, args: readonly Value[], inits: readonly Value[]): string {
  return `(${args.map((a, i) => `${p.name(a)} = ${p.name(inits[i])}`).join(", ")})`;
}

/** MLIR's LoopLikeOpInterface checks of a loop's inits, region iter_args, yielded values and results (counts, then types). */
export function loopLikeProblem(inits: readonly { type: Type }[], iterArgs: readonly { type: Type }[], results: readonly { type: Type }[], yielded: readonly { type: Type }[] = []): string | undefined {
  if (inits.length !== iterArgs.length) return `different number of inits and region iter_args: ${inits.length} != ${iterArgs.length}`;
  // (MLIR skips the yielded values when there are none)
  if (yielded.length && yielded.length !== iterArgs.length) return `different number of region iter_args and yielded values: ${iterArgs.length} != ${yielded.length}`;
  if (results.length !== iterArgs.length) return `different number of loop results and region iter_args: ${results.length} != ${iterArgs.length}`;
  const differ = (i: number, a: { type: Type }, b: { type: Type }, x: string, y: string) =>
    a.type === b.type ? undefined : `${i}-th ${x} and ${i}-th ${y} have different type: '${a.type.str}' != '${b.type.str}'`;
  for (let i = 0; i < iterArgs.length; i++) {
    const bad = differ(i, inits[i], iterArgs[i], "init", "region iter_arg") ?? (yielded.length ? differ(i, iterArgs[i], yielded[i], "region iter_arg", "yielded value") : undefined);
    if (bad) return bad;
  }
  const i = iterArgs.findIndex((a, k) => a.type !== results[k].type);
  if (i >= 0) return differ(0, iterArgs[i], results[i], "region iter_arg", "loop result"); // (sic: MLIR 19 calls each one the 0-th)
}

/** A RegionBranchOpInterface successor: region `region` taking `inputs`, or (no region) the parent op's results. */
export interface RegionSuccessor { region?: number; inputs: readonly { type: Type }[] }

/**
 * MLIR's RegionBranchOpInterface check (verifyTypesAlongControlFlowEdges, after the regions' ops):
 * what each control flow edge passes matches its successor's inputs in number and type.
 * `successors(from)`: where control goes from the parent op (`from` undefined) or region `from`;
 * `forwarded(t)`: what terminator `t` passes on, undefined when it is no RegionBranchTerminatorOpInterface
 * (a region without such terminators is not checked). `entry`: what the parent passes its successors.
 */
export function regionBranchProblem(op: Operation, entry: readonly { type: Type }[], successors: (from?: number) => RegionSuccessor[],
  forwarded: (t: Operation) => readonly { type: Type }[] | undefined): string | undefined {
  const bad = edgeProblem(undefined, entry, successors());
  if (bad) return bad;
  for (let r = 0; r < op.regions.length; r++) {
    let sent: readonly { type: Type }[] | undefined, mismatch = false; // (what the region's first such terminator passes)
    for (const b of op.regions[r].blocks) {
      const t = b.terminator, f = t && forwarded(t);
      if (!f) continue;
      if (!sent) sent = f;
      else if (f.length !== sent.length || f.some((v, k) => v.type !== sent![k].type)) mismatch = true;
    }
    if (!sent) continue;
    const succs = successors(r);
    if (succs.length && mismatch) {
      return ` along control flow edgefrom Region #${r} to ${successorName(succs[0])} operands mismatch between return-like terminators`; // (sic: MLIR's words)
    }
    const bad = edgeProblem(r, sent, succs);
    if (bad) return bad;
  }
}
const successorName = (s: RegionSuccessor) => (s.region === undefined ? "parent results" : `Region #${s.region}`);
/**
 * MLIR's error for the first of `succs` whose inputs do not match what region `from` (the parent
 * op: undefined) passes it, in number or type. The leading space is MLIR's: its message starts
 * with one after "op".
 */
function edgeProblem(from: number | undefined, sent: readonly { type: Type }[], succs: readonly RegionSuccessor[]): string | undefined {
  for (const s of succs) {
    const want = s.inputs;
    let i = 0;
    while (i < sent.length && i < want.length && sent[i].type === want[i].type) i++;
    if (i === sent.length && i === want.length) continue;
    const edge = `from ${from === undefined ? "parent operands" : `Region #${from}`} to ${successorName(s)}`;
    if (sent.length !== want.length) return ` region control flow edge ${edge}: source has ${sent.length} operands, but target successor needs ${want.length}`;
    return ` along control flow edge ${edge}: source type #${i} '${sent[i].type.str}' should match input type #${i} '${want[i].type.str}'`;
  }
  return undefined;
}

/** Reports `msg` without the `'op' op` prefix a returned message gets (MLIR's emitError rather than emitOpError). */
export function plainError(op: Operation, ctx: VerifyContext, msg: string | undefined): void { if (msg) ctx.error(op, msg); }

/** `%src(%shape) attrs : (S, T) -> R`: tensor.reshape and memref.reshape. */
export const SHAPE_OPERAND_SYNTAX: Pick<OpSpec, "parse" | "print"> = {
  parse(p, st) {
    const src = p.parseOperand();
    p.expect("(");
    const shape = p.parseOperand();
    p.expect(")");
    p.parseOptionalAttrDict(st);
    p.expect(":");
    const loc = p.locHere(), ft = p.parseTypeOf(FunctionType);
    if (ft.inputs.length !== 2 || ft.results.length !== 1) throw DiagnosticError.at(loc, "expected '(source, shape) -> result' types");
    st.operands = [p.resolveOperand(src, ft.inputs[0]), p.resolveOperand(shape, ft.inputs[1])];
    st.resultTypes = [ft.results[0]];
  },
  print(p, op) { p.print(" ", p.operand(op.operand(0)), "(", p.operand(op.operand(1)), ")", p.attrDict(op), " : ", p.functionalType(op)); },
};

/** arith::AtomicRMWKind in enum order: affine.parallel's `reductions` and memref.atomic_rmw's `kind` store these indices. */
export const ATOMIC_RMW_KINDS = [
  "addf", "addi", "assign", "maximumf", "maxs", "maxu", "minimumf", "mins", "minu", "mulf", "muli", "ori", "andi", "maxnumf", "minnumf",
] as const;
/**
 * The arith op each kind combines the old value with (MLIR's arith::getReductionOp, which
 * --memref-expand also uses); assign has none: the new value replaces the old.
 */
export const ATOMIC_RMW_COMBINERS: Readonly<Record<(typeof ATOMIC_RMW_KINDS)[number], string | undefined>> = {
  addf: "arith.addf", addi: "arith.addi", assign: undefined, maximumf: "arith.maximumf", maxs: "arith.maxsi", maxu: "arith.maxui",
  minimumf: "arith.minimumf", mins: "arith.minsi", minu: "arith.minui", mulf: "arith.mulf", muli: "arith.muli", ori: "arith.ori",
  andi: "arith.andi", maxnumf: "arith.maxnumf", minnumf: "arith.minnumf",
};

export const typesOf = (vs: readonly { type: Type }[]): Type[] => vs.map((v) => v.type);
export type { Attribute, OpAsmParser, OpAsmPrinter };
