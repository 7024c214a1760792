// linalg dialect: structured ops on tensors (returning results) or memrefs (writing in place).
// `linalg.generic` spells its maps, iterators and body out; named ops (fill, matmul, add, ...)
// imply them, and carry their body region as MLIR does, so the generic form is MLIR's.
import { evalExpr, type AffineMap } from "../ir/affine.js";
import { ArrayAttr, AffineMapAttr, Attribute, DictionaryAttr, IntegerAttr, OpaqueAttr, StringAttr } from "../ir/attributes.js";
import { Block, Operation, Region, type Value } from "../ir/core.js";
import { withResultNames, type Dialect, type OpSpec, type OperationState, type Rewriter, type VerifyContext } from "../ir/dialect.js";
import { DiagnosticError } from "../ir/diagnostics.js";
import type { OpAsmParser, RegionArgument, UnresolvedOperand } from "../ir/parser.js";
import { allAttrs, type OpAsmPrinter } from "../ir/printer.js";
import { DYN, IndexType, MemRefType, ShapedType, TensorType, Type, compatibleShapes, elementTypeOf, i64 } from "../ir/types.js";
import { ANY, ANY_SHAPED, ANY_TENSOR, FASTMATH_NONE, badProperty, i64Arrays, INDEX, RANKED_TENSOR, implicitTerminatorError, returnLikeOp, tc, variadic } from "./common.js";
import { arrayProp, checkSegments, i64Array, parseIntList } from "./indexing.js";
import { LINALG_PATTERNS, inferStaticShapeOfOperands } from "./linalg-canonicalize.js";
import { verifyContraction, verifyConvolution } from "./linalg-interfaces.js";
import { foldMemRefCastWhere } from "./memref.js";
import { castFromMoreStatic } from "./tensor.js";
import {
  CAST_ATTR_OPS, FIXED_MAPS, FUN_ATTRS, NAMED_OPS, TYPE_FN, WINDOW_OPS, buildNamedBody, enumCase, identityBody, indexingMaps, inputs, insOutsSegments, isStructuredOp, iteratorAttr, iteratorName,
  iteratorTypes, numLoops, outputs, staticLoopSizes, windowAttr,
} from "./linalg-info.js";

export * from "./linalg-info.js";

/** MLIR's ODS operand/result types: DPS ops (generic, named), and map/reduce/transpose/broadcast. */
const DPS_TYPES = { segments: 2, operandTypes: [variadic(ANY), variadic(ANY_SHAPED)], resultTypes: [variadic(RANKED_TENSOR)] };
const TENSOR_OR_MEMREF = tc("memref of any type values or ranked tensor of any type values", (t) => t instanceof MemRefType || t instanceof TensorType);
const TENSOR_RESULTS = [variadic(ANY_TENSOR)];

// ---- `ins(%a, %b : A, B) outs(%c : C)` -----------------------------------------------------
interface InsOuts { ins: Value[]; outs: Value[] }
function parseInsOuts(p: OpAsmParser): InsOuts {
  const group = (kw: string): Value[] => {
    if (!p.parseOptionalKeyword(kw)) return [];
    p.expect("(");
    const ops: UnresolvedOperand[] = p.parseOperandList();
    const loc = p.locHere();
    p.expect(":");
    const ts = p.parseTypeList();
    p.expect(")");
    return p.resolveOperands(ops, ts, loc);
  };
  const ins = group("ins");
  return { ins, outs: group("outs") };
}
function printInsOuts(p: OpAsmPrinter, ins: readonly Value[], outs: readonly Value[]): string {
  const g = (kw: string, vs: readonly Value[]) => (vs.length ? ` ${kw}(${p.operands(vs)} : ${p.types(vs.map((v) => v.type))})` : "");
  return g("ins", ins) + g("outs", outs);
}
const arrowTypes = (p: OpAsmPrinter, op: Operation) =>
  op.results.length === 0 ? "" : op.results.length === 1 ? ` -> ${op.result.type.str}` : ` -> (${p.types(op.results.map((r) => r.type))})`;
const tensorTypes = (vs: readonly Value[]) => vs.map((v) => v.type).filter((t) => t instanceof TensorType);

/** `[1, 0]` after `name =`. */
function parseI64List(p: OpAsmParser, name: string, st: OperationState): void {
  p.parseKeyword(name);
  p.expect("=");
  st.addAttr(name, i64Array(parseIntList(p)));
}

// ---- verification shared by every structured op ----------------------------------------------
/** Shapes as MLIR prints an ArrayRef<int64_t> (a dynamic size is INT64_MIN). */
const shapeStr = (s: readonly number[]) => s.map((d) => (d === DYN ? "-9223372036854775808" : String(d))).join(", ");
/** The type a body argument has for an operand: a tensor's or memref's element type, else the type itself. */
const bodyArgType = (t: Type) => (t instanceof TensorType || t instanceof MemRefType ? t.elementType : t);

/** MLIR's DestinationStyleOpInterface checks (made after the body is verified, before verifyStructured's): the outputs and the results tied to them. */
function verifyDps(op: Operation): string | undefined {
  const outs = outputs(op), nIn = op.operands.length - outs.length;
  const bad = outs.findIndex((o) => !(o.type instanceof TensorType || o.type instanceof MemRefType));
  if (bad >= 0) return `expected that operand #${nIn + bad} is a tensor or a memref`;
  const tensorOuts = outs.filter((o) => o.type instanceof TensorType);
  if (op.results.length !== tensorOuts.length) {
    return `expected the number of tensor results (${op.results.length}) to be equal to the number of output tensors (${tensorOuts.length})`;
  }
  // (numbered by position: the same value may also be an input)
  const tensorOutAt = outs.flatMap((o, k) => (o.type instanceof TensorType ? [nIn + k] : []));
  for (let i = 0; i < tensorOuts.length; i++) {
    if (tensorOuts[i].type !== op.results[i].type) {
      return `expected type of operand #${tensorOutAt[i]} ('${tensorOuts[i].type.str}') to match type of corresponding result ('${op.results[i].type.str}')`;
    }
  }
}

/**
 * MLIR's LinalgStructuredInterface checks, which it makes after the body is verified (and the
 * SingleBlockImplicitTerminator check before them). `withArgs`: how many operands have a body
 * argument (all but linalg.map's init).
 */
function verifyStructured(op: Operation, ctx: VerifyContext, withArgs?: number): string | undefined {
  if (op.regions.length !== 1) return ""; // the region count is reported by the generic verifier
  if (implicitTerminatorError(op, ctx, "linalg.yield")) return "";
  const ins = inputs(op), outs = outputs(op), all = [...ins, ...outs];
  const kinds = new Set(all.map((v) => v.type).filter((t) => t instanceof TensorType || t instanceof MemRefType).map((t) => t instanceof TensorType));
  if (kinds.size > 1) return "expected to have pure tensor or buffer semantics";
  const maps = indexingMaps(op);
  if (maps.length !== all.length) return `expected the number of indexing_map (${maps.length}) to be equal to the number of input/output operands (${all.length})`;
  const n = numLoops(op);
  for (let i = 0; i < maps.length; i++) {
    const rank = all[i].type instanceof ShapedType ? (all[i].type as ShapedType).rank : 0;
    if (maps[i].numSyms !== 0) return `unexpected symbols in indexing_map #${i}`;
    if (maps[i].numDims !== n) return `expected indexing_map #${i} to have ${n} dim(s) to match the number of loops`;
    if (maps[i].results.length !== rank) return `expected operand rank (${rank}) to match the result rank of indexing_map #${i} (${maps[i].results.length})`;
  }
  // Every loop must be some operand dimension (MLIR inverts the concatenated maps).
  const bare = new Set(maps.flatMap((m) => m.results.filter((e) => e.kind === "dim").map((e) => (e as { pos: number }).pos)));
  if (Array.from({ length: n }, (_, d) => d).some((d) => !bare.has(d))) return "expected the shape-to-loops map to be non-null";
  const shapeErr = staticShapeError(op, all, maps);
  if (shapeErr) return shapeErr;
  if (op.region().blocks.length !== 1) return "expects to have 1 region with 1 block";
  const block = op.body();
  const nArgs = withArgs ?? all.length;
  if (block.args.length !== nArgs) return "expected as many non-induction variable region arguments as the number of input/output operands";
  for (let i = 0; i < nArgs; i++) {
    const et = bodyArgType(all[i].type);
    if (block.args[i].type !== et) {
      return `expected type of bb argument #${i} ('${block.args[i].type.str}') to match element or self type of the corresponding operand ('${et.str}')`;
    }
  }
}

/**
 * Operand sizes against the loop sizes the first operand dimension of each loop gives: with every
 * loop static, MLIR's check (each index's range from the first and the last iteration); else the
 * dimensions indexed by one loop must still agree (MLIR does not check them; ours refuses).
 */
function staticShapeError(op: Operation, all: readonly Value[], maps: readonly AffineMap[]): string | undefined {
  const loops = staticLoopSizes(op), sizes = new Map<number, number>();
  const last = loops.every((n) => n !== DYN) ? loops.map((n) => n - 1) : undefined;
  for (let i = 0; i < all.length; i++) {
    const t = all[i].type;
    if (!(t instanceof ShapedType)) continue;
    for (let d = 0; d < maps[i].results.length; d++) {
      const e = maps[i].results[d], size = t.shape[d];
      if (size === DYN || size === 0) continue;
      if (last) {
        const [lo, hi] = [evalExpr(e, last.map(() => 0), []), evalExpr(e, last, [])].sort((a, b) => a - b);
        if (lo < 0) return `unexpected result less than 0 at expression #${d} in ${maps[i].str}`;
        const want = hi + 1;
        if (e.kind === "dim" ? want !== size : want > size) {
          return `inferred input/output operand #${i} has shape's dimension #${d} to be ${e.kind === "dim" ? "" : "greater than or equal to "}${want}, but found ${size}`;
        }
      } else if (e.kind === "dim") {
        const known = sizes.get(e.pos);
        if (known === undefined) sizes.set(e.pos, size);
        else if (known !== size) return `inferred input/output operand #${i} has shape's dimension #${d} to be ${known}, but found ${size}`;
      }
    }
  }
}

// ---- named ops -------------------------------------------------------------------------------
const NAMED_ELIDED = ["operandSegmentSizes", "linalg.memoized_indexing_maps"];
/**
 * The `fun` / `cast` attribute that is not of its enum (and its number of cases): MLIR's custom
 * parser checks them as inherent attributes (whose cases are i32s), the generic form's property
 * conversion refuses them.
 */
function badEnumAttr(name: string, attrs: ReadonlyMap<string, Attribute>): [string, number] | undefined {
  const fun = FUN_ATTRS[name];
  const checks: [string, string, number][] = [
    ...(fun ? [["fun", fun.mnemonic, Object.keys(fun.cases).length] as [string, string, number]] : []),
    ...(CAST_ATTR_OPS.has(name) ? [["cast", "type_fn", TYPE_FN.length] as [string, string, number]] : []),
  ];
  const bad = checks.find(([attr, mnemonic]) => attrs.has(attr) && enumCase(attrs.get(attr), mnemonic) === undefined);
  return bad && [bad[0], bad[2]];
}

/** The body's arguments as MLIR's LinalgOp names them: `%in` per input, then `%out` (or `%init`) per output. */
const insOutsNames = (outName = "out") => (op: Operation) => [...inputs(op).map(() => "in"), ...outputs(op).map(() => outName)];

const memoizedMaps = (maps: readonly AffineMap[]) => ({ "linalg.memoized_indexing_maps": new ArrayAttr(maps.map((m) => new AffineMapAttr(m))) });

function namedOp(name: string): OpSpec {
  const nIn = NAMED_OPS[name].inputs, window = name in WINDOW_OPS;
  const props = ["operandSegmentSizes", ...(CAST_ATTR_OPS.has(name) ? ["cast"] : []), ...(FUN_ATTRS[name] ? ["fun"] : []), ...(window && WINDOW_OPS[name].strided ? ["strides", "dilations"] : [])];
  return {
    name, regions: 1, traits: ["SingleBlock"], props, ...DPS_TYPES, // (no block argument names: MLIR numbers the region it does not print, which --mlir-print-unique-ssa-ids shows)
    implicitAttrs: window ? (op) => memoizedMaps(indexingMaps(op)) : FIXED_MAPS[name] && memoizedMaps(FIXED_MAPS[name]),
    parse(p, st) {
      const at = p.locHere();
      p.parseOptionalAttrDict(st);
      const bad = badEnumAttr(name, st.attributes);
      if (bad) throw p.customError(`'${name}' op attribute '${bad[0]}' failed to satisfy constraint: allowed 32-bit signless integer cases: ${Array.from({ length: bad[1] }, (_, i) => i).join(", ")}`, at);
      const { ins, outs } = parseInsOuts(p);
      st.resultTypes = p.parseOptionalArrowTypeList();
      // MLIR's region builder counts the operands only, after the result types (inputs and
      // outputs split otherwise are refused by the body's yield, or fill's check)
      if (ins.length + outs.length !== nIn + 1) throw p.customError(`[parseNamedStructuredOpRegion] ods-gen generated region expects ${nIn + 1} args, got ${ins.length + outs.length}`);
      st.operands = [...ins, ...outs];
      st.addAttr("operandSegmentSizes", insOutsSegments(ins.length, outs.length));
      st.regions.push(buildNamedBody(name, st.operands.map((v) => v.type), st.loc, st.attributes));
    },
    print(p, op) {
      p.print(p.attrDict(op, NAMED_ELIDED), printInsOuts(p, inputs(op), outputs(op)), arrowTypes(p, op));
    },
    verifyInvariants(op, ctx) {
      const badEnum = badEnumAttr(name, op.attributes);
      if (badEnum) return badProperty(op, ctx, badEnum[0], props);
      const attrErr = window ? (["strides", "dilations"] as const).map((n) => windowAttr(op, n)).find((v) => typeof v === "string") : undefined;
      const err = checkSegments(op, 2) ?? (attrErr as string | undefined) ?? (window ? verifyConvolution(op, ctx) : undefined);
      if (err !== undefined || name !== "linalg.fill") return err;
      // MLIR's FillOpInterface (its words come without the op's name)
      const fillErr = inputs(op).length !== 1 || outputs(op).length !== 1 ? "expected op with 1 input and 1 output"
        : inputs(op)[0].type instanceof TensorType || inputs(op)[0].type instanceof MemRefType ? "expected op with scalar input" : undefined;
      if (fillErr) ctx.error(op, fillErr);
    },
    // (MLIR 19 accepts other splits of the operands written generically; ours refuses them after the body, which refuses those of the custom form as MLIR)
    verify: (op, ctx) => (inputs(op).length !== nIn || outputs(op).length !== 1 ? `expected ${nIn} input(s) and 1 output`
      : verifyDps(op) ?? verifyStructured(op, ctx) ?? verifyContraction(op, ctx)),
  };
}

// ---- linalg.generic ----------------------------------------------------------------------------
const TRAIT_ATTRS = ["doc", "indexing_maps", "iterator_types", "library_call"];

const generic: OpSpec = {
  name: "linalg.generic", regions: 1, traits: ["SingleBlock"], props: [...TRAIT_ATTRS, "operandSegmentSizes"], blockArgNames: insOutsNames(), ...DPS_TYPES,
  parse(p, st) {
    const dloc = p.locHere();
    const dict = p.lex.peek().kind === "hash" ? p.parseAttribute() : p.parseDictionary(); // `#trait`: an alias of the dictionary
    if (!(dict instanceof DictionaryAttr)) throw p.customError("invalid kind of attribute specified", dloc);
    const its = dict.entries.get("iterator_types");
    if (!(its instanceof ArrayAttr)) throw p.customError('expected "iterator_types" array attribute', dloc);
    for (const [k, v] of dict.entries) st.addAttr(k, v);
    const bad = its.items.find((a) => iteratorName(a) !== "parallel" && iteratorName(a) !== "reduction");
    if (bad) throw p.customError(`unexpected iterator_type (${iteratorName(bad) ?? bad.str})`, p.locHere());
    st.addAttr("iterator_types", new ArrayAttr(its.items.map((a) => iteratorAttr(iteratorName(a)!))));
    const { ins, outs } = parseInsOuts(p);
    st.operands = [...ins, ...outs];
    st.addAttr("operandSegmentSizes", insOutsSegments(ins.length, outs.length));
    if (p.parseOptionalKeyword("attrs")) { p.expect("="); p.parseOptionalAttrDict(st); }
    st.regions.push(p.parseRegion());
    st.resultTypes = p.parseOptionalArrowTypeList();
  },
  print(p, op) {
    const trait = new Map<string, Attribute>();
    for (const k of TRAIT_ATTRS) {
      const a = op.attr(k);
      if (!a) continue;
      trait.set(k, k === "iterator_types" && a instanceof ArrayAttr ? new ArrayAttr(a.items.map((i) => new StringAttr(iteratorName(i) ?? i.str))) : a);
    }
    p.print(" ", new DictionaryAttr(trait).str, printInsOuts(p, inputs(op), outputs(op)));
    const rest = p.attrDict(op, [...TRAIT_ATTRS, "operandSegmentSizes"]);
    if (rest) p.print(" attrs = ", rest); // two spaces before the dict, as MLIR prints it
    p.print(" ");
    p.region(op.region(), { printEntryBlockArgs: true });
    p.print(arrowTypes(p, op));
  },
  verifyInvariants(op) {
    const err = checkSegments(op, 2);
    if (err) return err;
    const maps = op.attr("indexing_maps"), its = op.attr("iterator_types");
    if (!maps || !its) return `requires attribute '${maps ? "iterator_types" : "indexing_maps"}'`;
    const bad = (what: string, why: string) => `attribute '${what}' failed to satisfy constraint: ${why}`;
    if (!(maps instanceof ArrayAttr) || !maps.items.every((m) => m instanceof AffineMapAttr)) return bad("indexing_maps", "AffineMap array attribute");
    if (!(its instanceof ArrayAttr) || its.items.some((i) => !["parallel", "reduction"].includes(iteratorName(i) ?? ""))) return bad("iterator_types", "Iterator type should be an enum.");
  },
  verify: (op, ctx) => verifyDps(op) ?? verifyStructured(op, ctx),
};

// ---- linalg.transpose / linalg.broadcast --------------------------------------------------------

/** `ins(%x : A) outs(%y : B) <name> = [..] {attrs}` with a pass-through body. */
function permuteLikeOp(name: string, list: string, verify: (op: Operation, it: ShapedType, ot: ShapedType, dims: number[]) => string | undefined): OpSpec {
  return {
    name, operands: 2, regions: 1, traits: ["SingleBlock"], props: [list], propChecks: i64Arrays(list), operandTypes: [TENSOR_OR_MEMREF, TENSOR_OR_MEMREF], resultTypes: TENSOR_RESULTS,
    parse(p, st) {
      // as MLIR: any operands here; the verifier wants two
      const { ins, outs } = parseInsOuts(p);
      parseI64List(p, list, st);
      p.parseOptionalAttrDict(st);
      st.operands = [...ins, ...outs];
      st.resultTypes = tensorTypes(outs);
      st.regions.push(identityBody(st.operands, st.loc));
    },
    print(p, op) {
      p.print(printInsOuts(p, inputs(op), outputs(op)), ` ${list} = [${arrayProp(op, list).join(", ")}] `, p.attrDict(op, [list])); // (MLIR's space after the list)
    },
    verifyInvariants(op) {
      const [it, ot] = [op.operand(0).type as ShapedType, op.operand(1).type as ShapedType];
      return verify(op, it, ot, arrayProp(op, list));
    },
    verify: (op, ctx) => verifyDps(op) ?? verifyStructured(op, ctx),
  };
}

const transpose = permuteLikeOp("linalg.transpose", "permutation", (_op, it, ot, perm) => {
  if (new Set(perm).size !== perm.length || perm.some((v) => v < 0 || v >= perm.length)) return "permutation is not valid";
  if (ot.rank !== it.rank) return `input rank ${it.rank} does not match init rank ${ot.rank}`;
  if (perm.length !== it.rank) return `size of permutation ${perm.length} does not match the argument rank ${it.rank}`;
  for (let i = 0; i < perm.length; i++) {
    const a = ot.shape[i], b = it.shape[perm[i]];
    if (a !== b) return `dim(result, ${i}) = ${shapeStr([a])} doesn't match dim(input, permutation[${i}]) = ${shapeStr([b])}`;
  }
});

const broadcast = permuteLikeOp("linalg.broadcast", "dimensions", (_op, it, ot, dims) => {
  if (it.rank + dims.length !== ot.rank) {
    return `input rank plus added dimensions does not match init rank. input rank: ${it.rank}, dimensions size: ${dims.length}, init rank: ${ot.rank}`;
  }
  for (let i = 0; i < dims.length; i++) {
    if (dims[i] < 0 || dims[i] >= ot.rank) return `dimension ${i} is out of range. expected range: [0, ${ot.rank - 1}], got: ${dims[i]}`;
  }
  const kept = Array.from({ length: ot.rank }, (_, i) => i).filter((i) => !dims.includes(i));
  for (let i = 0; i < kept.length; i++) {
    const a = it.shape[i], b = ot.shape[kept[i]];
    if (a !== b) return `input dim ${i} should match init dim ${kept[i]}. input: ${shapeStr([a])}, init: ${shapeStr([b])}`;
  }
});

// ---- linalg.map / linalg.reduce: explicit body, or the short form `{ arith.addf }` ---------------
interface ShortForm { name: string; attrs: Map<string, Attribute> }
function parseShortForm(p: OpAsmParser): ShortForm | undefined {
  if (!p.accept("{")) return undefined;
  const short: ShortForm = { name: p.parseKeyword(), attrs: new Map() };
  p.parseOptionalAttrDict(short.attrs);
  p.expect("}");
  return short;
}
/** A body `payload(args in `order`); yield` (map: inputs in order; reduce: init first). */
function shortFormBody(s: ShortForm, argTypes: Type[], order: number[], resultType: Type, loc: OperationState["loc"]): Region {
  const b = new Block(argTypes);
  const pay = b.append(new Operation({ name: s.name, operands: order.map((i) => b.args[i]), resultTypes: [resultType], attributes: s.attrs, loc }));
  b.append(new Operation({ name: "linalg.yield", operands: [pay.result], loc }));
  return new Region([b]);
}
/** `(%a: f32, ...) { ... }` */
function parseExplicitBody(p: OpAsmParser): Region {
  p.expect("(");
  const args: RegionArgument[] = [];
  if (!p.accept(")")) {
    do {
      const o = p.parseOperand(), a: RegionArgument = (p.expect(":"), { operand: o, type: p.parseType(), loc: p.operandLoc(o) });
      p.keepOptionalLoc(a);
      args.push(a);
    } while (p.accept(","));
    p.expect(")");
  }
  return p.parseRegion(args);
}
function printExplicitBody(p: OpAsmPrinter, op: Operation): void {
  p.indented(() => {
    p.newline();
    p.print("(", op.body().args.map((a) => `${p.name(a)}: ${a.type.str}${p.argLoc(a)}`).join(", "), ") ");
    p.region(op.region(), { printEntryBlockArgs: false });
  });
}
/** The payload op when the body is exactly `payload(args in order); yield payload`. */
function shortFormPayload(op: Operation, order: (nargs: number) => number[]): Operation | undefined {
  const b = op.regions[0]?.blocks[0];
  if (!b || b.ops.length !== 2 || !b.args.length) return undefined;
  const [pay, y] = b.ops;
  const want = order(b.args.length).map((i) => b.args[i]);
  const ok = pay.regions.length === 0 && pay.results.length === 1 && pay.operands.length === want.length &&
    pay.operands.every((v, i) => v === want[i]) && y.operands.length === 1 && y.operands[0] === pay.result;
  return ok ? pay : undefined;
}
/** The payload's attributes as MLIR's printShortForm prints them: all its op holds (default-valued ones too) but a fastmath of none. */
function shortFormAttrs(p: OpAsmPrinter, pay: Operation): string {
  const attrs = [...allAttrs(pay, p.ctx.registered(pay.name))].filter(([, a]) => a.str !== FASTMATH_NONE.fastmath.str);
  return attrs.length ? " " + new DictionaryAttr(new Map(attrs)).str : "";
}
const inOrder = (n: number) => Array.from({ length: n }, (_, i) => i);
const initFirst = (n: number) => (n === 2 ? [1, 0] : []);

const mapOp: OpSpec = {
  name: "linalg.map", operands: [1, -1], regions: 1, traits: ["SingleBlock"], blockArgNames: (op) => inputs(op).map(() => "in"),
  operandTypes: [variadic(TENSOR_OR_MEMREF), TENSOR_OR_MEMREF], resultTypes: TENSOR_RESULTS,
  parse(p, st) {
    const short = parseShortForm(p);
    const { ins, outs } = parseInsOuts(p);
    p.parseOptionalAttrDict(st);
    st.operands = [...ins, ...outs];
    st.resultTypes = tensorTypes(outs);
    // (without operands the verifier refuses the op; MLIR's parser reads past its operands there)
    const body = () => (outs.length ? shortFormBody(short!, ins.map((v) => elementTypeOf(v.type)), inOrder(ins.length), elementTypeOf(outs[0].type), st.loc) : new Region());
    st.regions.push(short ? body() : parseExplicitBody(p));
  },
  print(p, op) {
    const pay = shortFormPayload(op, inOrder);
    if (pay) p.print(" { ", pay.name, shortFormAttrs(p, pay), " }");
    p.print(printInsOuts(p, inputs(op), outputs(op)), p.attrDict(op));
    if (!pay) printExplicitBody(p, op);
  },
  // MLIR's MapOp::verify
  verifyInvariants(op) {
    const ins = inputs(op), out = outputs(op)[0].type as ShapedType;
    const b = op.regions[0]?.blocks[0];
    if (!b) return undefined;
    if (b.args.length !== ins.length) return `expects number of operands to match the arity of mapper, but got: ${ins.length} and ${b.args.length}`;
    for (const [i, v] of ins.entries()) {
      const et = elementTypeOf(v.type);
      if (b.args[i].type !== et) return `expected element type of input '${et.str}' to match bbArg type '${b.args[i].type.str}'`;
    }
    for (const v of ins) {
      const shape = (v.type as ShapedType).shape;
      if (shapeStr(shape) !== shapeStr(out.shape)) return `expected shape of input (${shapeStr(shape)}) to match shape of output (${shapeStr(out.shape)})`;
    }
  },
  verify: (op, ctx) => verifyDps(op) ?? verifyStructured(op, ctx, inputs(op).length),
};

/** MLIR's ReduceOp::verify: shapes, dimensions, then the body's arguments. */
function verifyReduce(op: Operation): string | undefined {
  const ins = inputs(op), outs = outputs(op), shape = (v: Value) => shapeStr((v.type as ShapedType).shape);
  for (let i = 1; i < ins.length; i++) {
    if (shape(ins[i]) !== shape(ins[0])) return `expects all inputs to have the same shapes. Shape at input-index ${i} is not equal to the shape at input-index 0.`;
  }
  for (let i = 1; i < outs.length; i++) {
    if (shape(outs[i]) !== shape(outs[0])) return `expects all outputs to have the same shapes. Shape at output-index ${i} is not equal to the shape at output-index 0.`;
  }
  const dims = arrayProp(op, "dimensions");
  const it = ins[0].type as ShapedType, ot = outs[0].type as ShapedType;
  for (const d of dims) if (d < 0 || d >= it.rank) return `dimensions for reduction should be in the range [0, ${it.rank - 1}].`;
  const kept = it.shape.filter((_, i) => !dims.includes(i));
  if (kept.length !== ot.rank) return `number of dimensions after reduction ${kept.length} doesn't match the init rank ${ot.rank}`;
  if (shapeStr(kept) !== shapeStr(ot.shape)) return `init dimensions [${shapeStr(ot.shape)}] doesn't match input dimensions after reduction [${shapeStr(kept)}]`;
  const b = op.regions[0]?.blocks[0];
  if (!b) return undefined;
  if (b.args.length !== op.operands.length) return "mismatching number of operands and block arguments";
  for (const [i, v] of ins.entries()) {
    const et = elementTypeOf(v.type);
    if (et !== b.args[i].type) return `input element type '${et.str}' does not match corresponding block argument type '${b.args[i].type.str}'`;
  }
  for (const [i, v] of outs.entries()) {
    const et = elementTypeOf(v.type), arg = b.args[ins.length + i];
    if (et !== arg.type) return `output element type '${et.str}' does not match corresponding block argument type '${arg.type.str}'`;
  }
}

const reduce: OpSpec = {
  name: "linalg.reduce", operands: [2, -1], regions: 1, traits: ["SingleBlock"], props: ["dimensions"], propChecks: i64Arrays("dimensions"), blockArgNames: insOutsNames("init"),
  // inputs and inits: two groups of one constraint, so one variadic group numbers them as MLIR does
  operandTypes: [variadic(TENSOR_OR_MEMREF)], resultTypes: TENSOR_RESULTS,
  parse(p, st) {
    const short = parseShortForm(p);
    const loc = p.locHere();
    const { ins, outs } = parseInsOuts(p);
    if (!ins.length || ins.length !== outs.length) throw DiagnosticError.at(loc, "expected as many inputs as outputs");
    if (short && ins.length !== 1) throw DiagnosticError.at(loc, "the short form takes one input and one output");
    parseI64List(p, "dimensions", st);
    p.parseOptionalAttrDict(st);
    st.operands = [...ins, ...outs];
    st.resultTypes = tensorTypes(outs);
    st.regions.push(short ? shortFormBody(short, st.operands.map((v) => elementTypeOf(v.type)), [1, 0], elementTypeOf(outs[0].type), st.loc) : parseExplicitBody(p));
  },
  print(p, op) {
    const pay = shortFormPayload(op, initFirst);
    if (pay) p.print(" { ", pay.name, shortFormAttrs(p, pay), " }");
    p.print(printInsOuts(p, inputs(op), outputs(op)), ` dimensions = [${arrayProp(op, "dimensions").join(", ")}] `, p.attrDict(op, ["dimensions"]));
    if (!pay) printExplicitBody(p, op);
  },
  verifyInvariants(op) {
    if (op.operands.length % 2) return "expected as many inputs as outputs";
    const dims = arrayProp(op, "dimensions");
    if (dims.some((d, i) => i && d <= dims[i - 1])) return "attribute 'dimensions' failed to satisfy constraint: i64 dense array attribute should be in increasing order";
    return verifyReduce(op);
  },
  verify: (op, ctx) => verifyDps(op) ?? verifyStructured(op, ctx),
};

// ---- terminator and linalg.index ---------------------------------------------------------------
const yieldOp = returnLikeOp("linalg.yield", {
  verify(op) {
    const parent = op.parentOp;
    if (!parent || !isStructuredOp(parent)) return "expected parent op with LinalgOp interface";
    const outs = outputs(parent);
    if (op.operands.length !== outs.length) {
      return `expected number of yield values (${op.operands.length}) to match the number of inits / outs operands of the enclosing LinalgOp (${outs.length})`;
    }
    for (let i = 0; i < outs.length; i++) {
      const et = bodyArgType(outs[i].type);
      if (op.operand(i).type !== et) {
        return `type of yield operand ${i + 1} ('${op.operand(i).type.str}') doesn't match the element type of the enclosing linalg.generic op ('${et.str}')`;
      }
    }
  },
});

/**
 * `linalg.softmax {attrs} dimension(d) ins(%x : T) outs(%y : T) -> T`: exp(x - max) / sum(exp(x - max))
 * along `d`. Not a structured op (no body): the engines run lowering-linalg.ts's decomposition, MLIR's.
 */
const softmax: OpSpec = {
  name: "linalg.softmax", operands: 2, props: ["dimension"], operandTypes: [ANY_SHAPED, ANY_SHAPED], resultTypes: [variadic(RANKED_TENSOR)],
  parse(p, st) {
    p.parseOptionalAttrDict(st);
    p.parseKeyword("dimension");
    p.expect("(");
    st.addAttr("dimension", new IntegerAttr(p.parseInteger()));
    p.expect(")");
    const operand = (kw: string): Value => {
      p.parseKeyword(kw);
      p.expect("(");
      const u = p.parseOperand();
      p.expect(":");
      const v = p.resolveOperand(u, p.parseTypeOf(ShapedType));
      p.expect(")");
      return v;
    };
    st.operands = [operand("ins"), operand("outs")];
    if (p.accept("->")) st.resultTypes = p.parseTypeList();
  },
  print(p, op) {
    p.print(p.attrDict(op, ["dimension"]), ` dimension(${op.attr<IntegerAttr>("dimension")?.num ?? 0})`, printInsOuts(p, inputs(op), outputs(op)), arrowTypes(p, op));
  },
  verifyAttrs(op) {
    const d = op.attr("dimension");
    if (!d) return "requires attribute 'dimension'";
    if (!(d instanceof IntegerAttr) || d.type !== i64) return "attribute 'dimension' failed to satisfy constraint: 64-bit signless integer attribute";
  },
  verifyInvariants(op) {
    if (elementTypeOf(op.operand(0).type) !== elementTypeOf(op.operand(1).type)) return "failed to verify that input and output have same element type";
  },
  verify(op) {
    const [it, ot] = [op.operand(0).type, op.operand(1).type] as ShapedType[];
    const dps = verifyDps(op);
    if (dps) return dps;
    if (!compatibleShapes(it, ot)) return "incompatible output shape";
    const d = op.attr<IntegerAttr>("dimension")!.num;
    if (d < 0 || d >= it.rank) return "incorrect dimension specified";
  },
};

const indexOp: OpSpec = {
  name: "linalg.index", operands: 0, results: 1, traits: ["Pure"], props: ["dim"], resultTypes: [INDEX],
  parse(p, st) {
    st.addAttr("dim", new IntegerAttr(p.parseInteger()));
    p.parseOptionalAttrDict(st);
    p.expect(":");
    st.resultTypes = [p.parseTypeOf(IndexType)];
  },
  print(p, op) { p.print(" ", String(op.attr<IntegerAttr>("dim")?.num ?? 0), p.attrDict(op, ["dim"]), " : ", p.type(op.result.type)); },
  verifyAttrs(op) {
    const d = op.attr("dim");
    if (!d) return "requires attribute 'dim'";
    if (!(d instanceof IntegerAttr && d.type === i64 && d.num >= 0)) return "attribute 'dim' failed to satisfy constraint: 64-bit signless integer attribute whose minimum value is 0";
  },
  verify(op) {
    let parent = op.parentOp;
    while (parent && !isStructuredOp(parent)) parent = parent.parentOp;
    if (!parent) return "expected parent op with LinalgOp interface";
    const d = op.attr<IntegerAttr>("dim")?.num ?? -1;
    const n = iteratorTypes(parent).length;
    if (d < 0 || d >= n) return `expected dim (${d}) to be lower than the number of loops (${n}) of the enclosing LinalgOp`;
  },
};

/**
 * MLIR's FoldTensorCastProducerOp: operands cast from more static tensors take the casts'
 * sources; results then have the inits' types, cast back for their users.
 */
function foldTensorCastProducer(op: Operation, rw: Rewriter): boolean {
  if (op.name === "linalg.map" || op.name === "linalg.reduce" || op.name === "linalg.transpose" || op.name === "linalg.broadcast") return false;
  if (!op.operands.some((v) => castFromMoreStatic(v))) return false;
  const nIn = inputs(op).length;
  const operands = op.operands.map((v) => castFromMoreStatic(v) ?? v);
  const n = new Operation({ name: op.name, operands, resultTypes: op.results.map((_, i) => operands[nIn + i].type), attributes: op.attributes, loc: op.loc });
  // Static sizes that contradict each other (a copy of 4 rows into an empty(3)): MLIR folds
  // them into an op that does not verify; the op stays as it was.
  if (staticShapeError(n, operands, indexingMaps(n))) { n.erase(); return false; }
  op.parent!.insertBefore(op, n);
  for (const r of op.regions) n.addRegion(r);
  (op.regions as Region[]).length = 0;
  const results = n.results.map((r, i) => {
    if (r.type === op.results[i].type) return r;
    const cast = new Operation({ name: "tensor.cast", operands: [r], resultTypes: [op.results[i].type], loc: op.loc });
    op.parent!.insertBefore(op, cast);
    return cast.result;
  });
  rw.replaceOp(op, results);
  return true;
}
/** MLIR's foldMemRefCast where the sources' static sizes agree (not a 10-element input beside a 1-element init). */
const foldMemRefCasts = (op: Operation): boolean => foldMemRefCastWhere(op, (o) => !staticShapeError(o, o.operands, indexingMaps(o)));

/** Their fold takes a memref.cast's source, and a tensor.cast's when more static. */
const structured = (s: OpSpec): OpSpec => {
  const own = LINALG_PATTERNS[s.name];
  return { ...s, fold: own?.fold ?? s.fold, canonicalize: (op, rw) => foldMemRefCasts(op) || foldTensorCastProducer(op, rw) || inferStaticShapeOfOperands(op, rw) || !!own?.canonicalize?.(op, rw) };
};

/** `#linalg.unary_fn<exp>`, `#linalg.binary_fn<add>`, `#linalg.type_fn<cast_signed>`: a bad case is MLIR's enum error. */
const ENUM_ATTRS: Record<string, [string, readonly string[]]> = {
  ...Object.fromEntries(Object.values(FUN_ATTRS).map((f) => [f.mnemonic, [f.cpp, Object.keys(f.cases)]])), type_fn: ["TypeFn", TYPE_FN],
};
function parseEnumAttr(p: OpAsmParser, mnemonic: string, body: string): Attribute | undefined {
  const e = ENUM_ATTRS[mnemonic];
  if (!e || !body) return undefined;
  const v = body.slice(1, -1).trim();
  if (!e[1].includes(v)) throw p.enumError(p.locHere(), `::mlir::linalg::${e[0]}`, e[1], `${e[0]}Attr`);
  return new OpaqueAttr(`#linalg.${mnemonic}<${v}>`);
}

export const linalg: Dialect = {
  name: "linalg", parseAttr: parseEnumAttr,
  ops: withResultNames([...[generic, transpose, broadcast, mapOp, reduce, ...Object.keys(NAMED_OPS).map(namedOp)].map(structured), softmax, yieldOp, indexOp],
    { "linalg.map": "mapped", "linalg.reduce": "reduced", "linalg.transpose": "transposed", "linalg.broadcast": "broadcasted" }),
};
