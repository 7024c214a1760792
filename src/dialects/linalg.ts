// linalg dialect: structured ops on tensors (returning results) or memrefs (writing in place).
// `linalg.generic` spells its maps, iterators and body out; named ops (fill, matmul, add, ...)
// imply them, and carry their body region as MLIR does, so the generic form is MLIR's.
import { evalExpr, type AffineMap } from "../ir/affine.js";
import { ArrayAttr, AffineMapAttr, Attribute, DictionaryAttr, IntegerAttr, StringAttr } from "../ir/attributes.js";
import { Block, Operation, Region, type Value } from "../ir/core.js";
import { withResultNames, type Dialect, type OpSpec, type OperationState, type Rewriter } from "../ir/dialect.js";
import { DiagnosticError } from "../ir/diagnostics.js";
import type { OpAsmParser, RegionArgument, UnresolvedOperand } from "../ir/parser.js";
import { allAttrs, type OpAsmPrinter } from "../ir/printer.js";
import { DYN, IndexType, MemRefType, ShapedType, TensorType, Type, elementTypeOf } from "../ir/types.js";
import { ANY, ANY_SHAPED, ANY_TENSOR, FASTMATH_NONE, INDEX, RANKED_TENSOR, returnLikeOp, tc, variadic } from "./common.js";
import { arrayProp, checkSegments, i64Array, parseIntList } from "./indexing.js";
import { foldMemRefCast } from "./memref.js";
import { castFromMoreStatic } from "./tensor.js";
import {
  CONTRACTION_MAPS, NAMED_OPS, WINDOW_OPS, buildNamedBody, indexingMaps, inputs, insOutsSegments, isStructuredOp, iteratorAttr, iteratorName,
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
/** `withArgs`: how many operands have a body argument (all but linalg.map's init). */
function verifyStructured(op: Operation, withArgs?: number): string | undefined {
  if (op.regions.length !== 1) return ""; // the region count is reported by the generic verifier
  if (op.region().blocks.length !== 1) return "expects to have 1 region with 1 block";
  const ins = inputs(op), outs = outputs(op), all = [...ins, ...outs];
  const kinds = new Set(all.map((v) => v.type).filter((t) => t instanceof TensorType || t instanceof MemRefType).map((t) => t instanceof TensorType));
  if (kinds.size > 1) return "expected to have pure tensor or buffer semantics";
  for (const o of outs) if (!(o.type instanceof TensorType || o.type instanceof MemRefType)) return "expected output operands to be ranked tensors or memrefs";
  const tensorOuts = outs.filter((o) => o.type instanceof TensorType);
  if (op.results.length !== tensorOuts.length) {
    return `expected the number of tensor results (${op.results.length}) to be equal to the number of output tensors (${tensorOuts.length})`;
  }
  for (let i = 0; i < tensorOuts.length; i++) {
    if (tensorOuts[i].type !== op.results[i].type) {
      return `expected type of operand #${all.indexOf(tensorOuts[i])} ('${tensorOuts[i].type.str}') to match type of corresponding result ('${op.results[i].type.str}')`;
    }
  }
  const maps = indexingMaps(op);
  if (maps.length !== all.length) return `expected the number of indexing_map (${maps.length}) to be equal to the number of input/output operands (${all.length})`;
  const n = numLoops(op);
  for (let i = 0; i < maps.length; i++) {
    const rank = all[i].type instanceof ShapedType ? (all[i].type as ShapedType).rank : 0;
    if (maps[i].numSyms !== 0) return `unexpected symbols in indexing_map #${i}`;
    if (maps[i].numDims !== n) return `expected indexing_map #${i} to have ${n} dim(s) to match the number of loops`;
    if (maps[i].results.length !== rank) return `expected operand rank (${rank}) to match the result rank of indexing_map #${i} (${maps[i].results.length})`;
  }
  const block = op.body();
  const nArgs = withArgs ?? all.length;
  if (block.args.length !== nArgs) return "expected as many non-induction variable region arguments as the number of input/output operands";
  for (let i = 0; i < nArgs; i++) {
    const et = elementTypeOf(all[i].type);
    if (block.args[i].type !== et && block.args[i].type !== all[i].type) {
      return `expected type of bb argument #${i} ('${block.args[i].type.str}') to match element or self type of the corresponding operand ('${et.str}')`;
    }
  }
  // Static sizes must agree on every loop: the first operand dimension indexed by a loop fixes it.
  // An index computed from loops (a convolution's input) must stay inside its dimension.
  const sizes = new Map<number, number>(), loops = staticLoopSizes(op);
  const last = loops.every((n) => n !== DYN) ? loops.map((n) => n - 1) : undefined;
  for (let i = 0; i < all.length; i++) {
    const t = all[i].type;
    if (!(t instanceof ShapedType)) continue;
    for (let d = 0; d < maps[i].results.length; d++) {
      const e = maps[i].results[d], size = t.shape[d];
      if (size === DYN) continue;
      if (e.kind !== "dim") {
        if (!last || size === 0) continue;
        // The first or the last loop index gives the extreme values (MLIR's check)
        const [lo, hi] = [evalExpr(e, last.map(() => 0), []), evalExpr(e, last, [])].sort((a, b) => a - b);
        if (lo < 0) return `unexpected result less than 0 at expression #${d} in ${maps[i].str}`;
        const need = hi + 1;
        if (need > size) return `inferred input/output operand #${i} has shape's dimension #${d} to be greater than or equal to ${need}, but found ${size}`;
        continue;
      }
      const known = sizes.get(e.pos);
      if (known === undefined) sizes.set(e.pos, size);
      else if (known !== size) return `inferred input/output operand #${i} has shape's dimension #${d} to be ${known}, but found ${size}`;
    }
  }
}

// ---- named ops -------------------------------------------------------------------------------
const NAMED_ELIDED = ["operandSegmentSizes", "linalg.memoized_indexing_maps"];
const isUnsigned = (a: Attribute | undefined) => !!a && a.str.includes("cast_unsigned");

/** The body's arguments as MLIR's LinalgOp names them: `%in` per input, then `%out` (or `%init`) per output. */
const insOutsNames = (outName = "out") => (op: Operation) => [...inputs(op).map(() => "in"), ...outputs(op).map(() => outName)];

const memoizedMaps = (maps: readonly AffineMap[]) => ({ "linalg.memoized_indexing_maps": new ArrayAttr(maps.map((m) => new AffineMapAttr(m))) });

function namedOp(name: string): OpSpec {
  const nIn = NAMED_OPS[name].inputs, window = name in WINDOW_OPS;
  return {
    name, regions: 1, traits: ["SingleBlock"], props: ["operandSegmentSizes", "cast", ...(window ? ["strides", "dilations"] : [])], blockArgNames: insOutsNames(), ...DPS_TYPES,
    implicitAttrs: window ? (op) => memoizedMaps(indexingMaps(op)) : CONTRACTION_MAPS[name] && memoizedMaps(CONTRACTION_MAPS[name]),
    parse(p, st) {
      p.parseOptionalAttrDict(st);
      const loc = p.locHere();
      const { ins, outs } = parseInsOuts(p);
      st.resultTypes = p.parseOptionalArrowTypeList();
      // MLIR's region builder counts the operands only, after the result types
      if (ins.length + outs.length !== nIn + 1) throw p.customError(`[parseNamedStructuredOpRegion] ods-gen generated region expects ${nIn + 1} args, got ${ins.length + outs.length}`);
      if (ins.length !== nIn) throw DiagnosticError.at(loc, `expected ${nIn} input(s) and 1 output`);
      st.operands = [...ins, ...outs];
      st.addAttr("operandSegmentSizes", insOutsSegments(ins.length, outs.length));
      st.regions.push(buildNamedBody(name, st.operands.map((v) => v.type), st.loc, isUnsigned(st.attributes.get("cast"))));
    },
    print(p, op) {
      p.print(p.attrDict(op, NAMED_ELIDED), printInsOuts(p, inputs(op), outputs(op)), arrowTypes(p, op));
    },
    verify(op) {
      const attrErr = window ? (["strides", "dilations"] as const).map((n) => windowAttr(op, n)).find((v) => typeof v === "string") : undefined;
      return checkSegments(op, 2) ?? (inputs(op).length !== nIn || outputs(op).length !== 1 ? `expected ${nIn} input(s) and 1 output` : undefined)
        ?? (attrErr as string | undefined) ?? verifyStructured(op);
    },
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
    for (const [k, v] of dict.entries) {
      if (k === "iterator_types" && v instanceof ArrayAttr) {
        const its = v.items.map((a) => iteratorName(a));
        const bad = its.find((i) => i !== "parallel" && i !== "reduction");
        if (bad !== undefined) throw DiagnosticError.at(dloc, `unexpected iterator_type (${bad})`);
        st.addAttr(k, new ArrayAttr(its.map((i) => iteratorAttr(i!))));
      } else st.addAttr(k, v);
    }
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
  verify(op) {
    const err = checkSegments(op, 2);
    if (err) return err;
    const maps = op.attr("indexing_maps"), its = op.attr("iterator_types");
    if (!maps || !its) return `requires attribute '${maps ? "iterator_types" : "indexing_maps"}'`;
    const bad = (what: string, why: string) => `attribute '${what}' failed to satisfy constraint: ${why}`;
    if (!(maps instanceof ArrayAttr) || !maps.items.every((m) => m instanceof AffineMapAttr)) return bad("indexing_maps", "AffineMap array attribute");
    if (!(its instanceof ArrayAttr) || its.items.some((i) => !["parallel", "reduction"].includes(iteratorName(i) ?? ""))) return bad("iterator_types", "Iterator type should be an enum.");
    return verifyStructured(op);
  },
};

// ---- linalg.transpose / linalg.broadcast --------------------------------------------------------
/** `ins(%x : A) outs(%y : B) <name> = [..] {attrs}` with a pass-through body. */
function permuteLikeOp(name: string, list: string, verify: (op: Operation, it: ShapedType, ot: ShapedType, dims: number[]) => string | undefined): OpSpec {
  return {
    name, operands: 2, regions: 1, traits: ["SingleBlock"], props: [list], operandTypes: [TENSOR_OR_MEMREF, TENSOR_OR_MEMREF], resultTypes: TENSOR_RESULTS,
    parse(p, st) {
      const loc = p.locHere();
      const { ins, outs } = parseInsOuts(p);
      if (ins.length !== 1 || outs.length !== 1) throw DiagnosticError.at(loc, "expected 1 input and 1 output");
      parseI64List(p, list, st);
      p.parseOptionalAttrDict(st);
      st.operands = [...ins, ...outs];
      st.resultTypes = tensorTypes(outs);
      st.regions.push(buildNamedBody("linalg.copy", [elementTypeOf(ins[0].type), outs[0].type], st.loc));
    },
    print(p, op) {
      p.print(printInsOuts(p, inputs(op), outputs(op)), ` ${list} = [${arrayProp(op, list).join(", ")}]`, p.attrDict(op, [list]));
    },
    verify(op) {
      const [it, ot] = [op.operand(0).type as ShapedType, op.operand(1).type as ShapedType];
      return verify(op, it, ot, arrayProp(op, list)) ?? verifyStructured(op);
    },
  };
}

const transpose = permuteLikeOp("linalg.transpose", "permutation", (_op, it, ot, perm) => {
  if (perm.length !== it.rank || [...perm].sort((a, b) => a - b).some((v, i) => v !== i)) return "permutation is not valid";
  if (ot.rank !== it.rank) return `input rank ${it.rank} does not match init rank ${ot.rank}`;
  for (let i = 0; i < perm.length; i++) {
    const a = ot.shape[i], b = it.shape[perm[i]];
    if (a !== DYN && b !== DYN && a !== b) return `dim(result, ${i}) = ${a} doesn't match dim(input, permutation[${i}]) = ${b}`;
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
    if (a !== DYN && b !== DYN && a !== b) return `input dim ${i} should match init dim ${kept[i]}. input: ${a}, init: ${b}`;
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
    p.print("(", op.body().args.map((a) => `${p.name(a)}: ${a.type.str}`).join(", "), ") ");
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
    const loc = p.locHere();
    const { ins, outs } = parseInsOuts(p);
    if (outs.length !== 1) throw DiagnosticError.at(loc, "expected 1 output");
    p.parseOptionalAttrDict(st);
    st.operands = [...ins, ...outs];
    st.resultTypes = tensorTypes(outs);
    st.regions.push(short ? shortFormBody(short, ins.map((v) => elementTypeOf(v.type)), inOrder(ins.length), elementTypeOf(outs[0].type), st.loc) : parseExplicitBody(p));
  },
  print(p, op) {
    const pay = shortFormPayload(op, inOrder);
    if (pay) p.print(" { ", pay.name, shortFormAttrs(p, pay), " }");
    p.print(printInsOuts(p, inputs(op), outputs(op)), p.attrDict(op));
    if (!pay) printExplicitBody(p, op);
  },
  verify(op) {
    const ins = inputs(op), out = outputs(op)[0] as Value & { type: ShapedType };
    const b = op.regions[0]?.blocks[0];
    if (b && b.args.length !== ins.length) return `expects number of operands to match the arity of mapper, but got: ${ins.length} and ${b.args.length}`;
    for (const [i, v] of ins.entries()) {
      if (!(v.type instanceof ShapedType)) continue;
      if (b && b.args[i].type !== v.type.elementType) return `expected element type of input '${v.type.elementType.str}' to match bbArg type '${b.args[i].type.str}'`;
      if (v.type.shape.join("x") !== out.type.shape.join("x")) return `expected shape of input (${v.type.shape.join(", ")}) to match shape of output (${out.type.shape.join(", ")})`;
    }
    return verifyStructured(op, ins.length);
  },
};

const reduce: OpSpec = {
  name: "linalg.reduce", operands: [2, -1], regions: 1, traits: ["SingleBlock"], props: ["dimensions"], blockArgNames: insOutsNames("init"),
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
    p.print(printInsOuts(p, inputs(op), outputs(op)), ` dimensions = [${arrayProp(op, "dimensions").join(", ")}]`, p.attrDict(op, ["dimensions"]));
    if (!pay) printExplicitBody(p, op);
  },
  verify(op) {
    if (op.operands.length % 2) return "expected as many inputs as outputs";
    const dims = arrayProp(op, "dimensions");
    const it = inputs(op)[0].type as ShapedType, ot = outputs(op)[0].type as ShapedType;
    if (dims.some((d, i) => i && d <= dims[i - 1])) return "attribute 'dimensions' failed to satisfy constraint: i64 dense array attribute should be in increasing order";
    for (const d of dims) if (d < 0 || d >= it.rank) return `dimensions for reduction should be in the range [0, ${it.rank - 1}]`;
    if (it.rank - dims.length !== ot.rank) return `number of dimensions after reduction ${it.rank - dims.length} doesn't match the init rank ${ot.rank}`;
    return verifyStructured(op);
  },
};

/** Whether the op's operands cannot be split into inputs and outputs. */
function operandGroupsError(op: Operation): string | undefined {
  if (op.name === "linalg.reduce") return op.operands.length % 2 ? "expected as many inputs as outputs" : undefined;
  if (op.name === "linalg.map") return op.operands.length ? undefined : "expected 1 output";
  return op.name === "linalg.transpose" || op.name === "linalg.broadcast" ? undefined : checkSegments(op, 2);
}

// ---- terminator and linalg.index ---------------------------------------------------------------
const yieldOp = returnLikeOp("linalg.yield", {
  verify(op) {
    const parent = op.parentOp;
    if (!parent || !isStructuredOp(parent)) return "expected parent op with LinalgOp interface";
    if (operandGroupsError(parent)) return; // reported at the parent
    const outs = outputs(parent);
    if (op.operands.length !== outs.length) {
      return `expected number of yield values (${op.operands.length}) to match the number of inits / outs operands of the enclosing LinalgOp (${outs.length})`;
    }
    for (let i = 0; i < outs.length; i++) {
      const et = elementTypeOf(outs[i].type);
      if (op.operand(i).type !== et) {
        return `type of yield operand ${i + 1} ('${op.operand(i).type.str}') doesn't match the element type of the enclosing linalg.generic op ('${et.str}')`;
      }
    }
  },
});

const indexOp: OpSpec = {
  name: "linalg.index", operands: 0, results: 1, traits: ["Pure"], props: ["dim"], resultTypes: [INDEX],
  parse(p, st) {
    st.addAttr("dim", new IntegerAttr(p.parseInteger()));
    p.parseOptionalAttrDict(st);
    p.expect(":");
    st.resultTypes = [p.parseTypeOf(IndexType)];
  },
  print(p, op) { p.print(" ", String(op.attr<IntegerAttr>("dim")?.num ?? 0), p.attrDict(op, ["dim"]), " : ", p.type(op.result.type)); },
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
/** Their fold takes a memref.cast's source (MLIR's foldMemRefCast), and a tensor.cast's when more static. */
const structured = (s: OpSpec): OpSpec => ({ ...s, canonicalize: (op, rw) => foldMemRefCast(op) || foldTensorCastProducer(op, rw) });

export const linalg: Dialect = {
  name: "linalg",
  ops: withResultNames([...[generic, transpose, broadcast, mapOp, reduce, ...Object.keys(NAMED_OPS).map(namedOp)].map(structured), yieldOp, indexOp],
    { "linalg.map": "mapped", "linalg.reduce": "reduced", "linalg.transpose": "transposed", "linalg.broadcast": "broadcasted" }),
};
