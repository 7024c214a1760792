// func dialect: func.func, func.call, func.constant, func.call_indirect, func.return.
import { ArrayAttr, Attribute, DictionaryAttr, StringAttr, SymbolRefAttr, TypeAttr, symbolText } from "../ir/attributes.js";
import { Operation, Region } from "../ir/core.js";
import type { Dialect, OperationState, Rewriter } from "../ir/dialect.js";
import type { OpAsmParser, RegionArgument } from "../ir/parser.js";
import type { OpAsmPrinter } from "../ir/printer.js";
import { FunctionType, Type } from "../ir/types.js";
import { ANY, returnLikeOp, tc, typesOf, variadic } from "./common.js";

export function functionType(op: Operation): FunctionType {
  return (op.attr<TypeAttr>("function_type")!.type) as FunctionType;
}
export function funcName(op: Operation): string { return (op.attr<StringAttr>("sym_name")!).value; }
export const isDeclaration = (op: Operation) => op.regions.length === 0 || op.region().blocks.length === 0;

/**
 * MLIR's ODS constraint on `arg_attrs`/`res_attrs` (arrays of dictionaries), then its
 * function-interface rules: one dictionary per argument (result), of dialect attributes only.
 */
export function signatureAttrsProblem(op: Operation, numArgs: number, numResults: number): string | undefined {
  const lists = [["arg_attrs", "argument", "arguments", numArgs], ["res_attrs", "result", "results", numResults]] as const;
  for (const [key] of lists) {
    const dicts = op.attr(key);
    if (dicts && !(dicts instanceof ArrayAttr && dicts.items.every((d) => d instanceof DictionaryAttr))) return `attribute '${key}' failed to satisfy constraint: Array of dictionary attributes`;
  }
  for (const [key, one, what, n] of lists) {
    const dicts = op.attr<ArrayAttr>(key)?.items;
    if (!dicts) continue;
    if (dicts.length !== n) return `expects ${one} attribute array to have the same number of elements as the number of function ${what}, got ${dicts.length}, but expected ${n}`;
    if (dicts.some((d) => [...(d as DictionaryAttr).entries.keys()].some((k) => !k.includes(".")))) return `${what} may only have dialect attributes`;
  }
}

/** The attributes of an argument or result that has none (attributes are immutable: one is enough). */
const NO_ATTRS = new DictionaryAttr(new Map());

/**
 * Shared by func.func and llvm.func: `@name(%a: T {attrs}, ...) -> (R {attrs})` or, for
 * declarations, `@name(T, ...)`. Returns the argument list (for the body) and result types.
 */
export function parseFunctionSignature(p: OpAsmParser, st: OperationState, allowVariadic = false):
    { args: RegionArgument[]; inputs: Type[]; results: Type[]; variadic: boolean } {
  st.addAttr("sym_name", p.parseSymbolName());
  p.expect("(");
  const args: RegionArgument[] = [], inputs: Type[] = [], argAttrs: Attribute[] = [];
  let variadic = false;
  if (!p.accept(")")) {
    do {
      if (allowVariadic && p.accept("...")) {
        variadic = true;
        if (p.accept(",")) throw p.customError("variadic arguments must be in the end of the argument list");
        break;
      }
      const at = p.locHere(), o = p.parseOptionalOperand();
      // all arguments named or none, as MLIR says it: at the first one that differs
      if (inputs.length && !!o !== (args.length === inputs.length)) throw p.customError(o ? "expected type instead of SSA identifier" : "expected SSA identifier", at);
      const arg: RegionArgument | undefined = o && (p.expect(":"), { operand: o, type: p.parseType(), loc: p.operandLoc(o) });
      if (arg) { args.push(arg); inputs.push(arg.type); } else inputs.push(p.parseType());
      argAttrs.push(p.peekText() === "{" ? p.parseDictionary() : NO_ATTRS);
      if (arg) p.keepOptionalLoc(arg); else p.skipOptionalLoc();
    } while (p.accept(","));
    p.expect(")");
  }
  const results: Type[] = [], resAttrs: Attribute[] = [];
  if (p.accept("->")) {
    if (p.accept("(")) {
      if (!p.accept(")")) {
        do { results.push(p.parseType()); resAttrs.push(p.peekText() === "{" ? p.parseDictionary() : NO_ATTRS); } while (p.accept(","));
        p.expect(")");
      }
    } else { results.push(p.parseType()); resAttrs.push(NO_ATTRS); } // `-> T {` starts the body
  }
  if (argAttrs.some((a) => (a as DictionaryAttr).entries.size)) st.addAttr("arg_attrs", new ArrayAttr(argAttrs));
  if (resAttrs.some((a) => (a as DictionaryAttr).entries.size)) st.addAttr("res_attrs", new ArrayAttr(resAttrs));
  return { args, inputs, results, variadic };
}

export function printFunctionSignature(p: OpAsmPrinter, op: Operation, inputs: readonly Type[], results: readonly Type[], variadic = false): void {
  const body = isDeclaration(op) ? undefined : op.body();
  const argAttrs = op.attr<ArrayAttr>("arg_attrs")?.items, resAttrs = op.attr<ArrayAttr>("res_attrs")?.items;
  const withAttr = (s: string, a?: Attribute) => (a && (a as DictionaryAttr).entries.size ? `${s} ${a.str}` : s);
  const args = inputs.map((t, i) => body ? withAttr(`${p.name(body.args[i])}: ${t.str}`, argAttrs?.[i]) + p.argLoc(body.args[i]) : withAttr(t.str, argAttrs?.[i]));
  if (variadic) args.push("...");
  p.print(` ${symbolText(funcName(op))}(${args.join(", ")})`);
  if (results.length) {
    const rs = results.map((t, i) => withAttr(t.str, resAttrs?.[i]));
    p.print(" -> ", results.length === 1 && !(resAttrs?.[0] as DictionaryAttr | undefined)?.entries.size && !(results[0] instanceof FunctionType) ? rs[0] : `(${rs.join(", ")})`);
  }
}

/** A `@name` attribute (MLIR's FlatSymbolRefAttr in an assembly format), with MLIR's errors for other attributes. */
function parseFlatSymbolRef(p: OpAsmParser): SymbolRefAttr {
  const loc = p.locHere(), ref = p.parseAttribute();
  if (!(ref instanceof SymbolRefAttr && !ref.nested.length)) throw p.customError("invalid kind of attribute specified", loc);
  return ref;
}

const FUNCTION = tc("function type", (t) => t instanceof FunctionType);

/** MLIR's CallIndirectOp::canonicalize: a call through a `func.constant` is a `func.call` (its other attributes dropped, as MLIR's). */
function directCall(op: Operation, rw: Rewriter): boolean {
  const fn = op.operand(0).owner;
  if (!(fn instanceof Operation && fn.name === "func.constant")) return false;
  const call = new Operation({ name: "func.call", operands: op.operands.slice(1), resultTypes: typesOf(op.results), attributes: { callee: fn.attr("value")! }, loc: op.loc });
  op.parent!.insertBefore(op, call);
  rw.replaceOp(op, call.results);
  return true;
}

const FUNC_ELIDED = ["sym_name", "function_type", "sym_visibility", "arg_attrs", "res_attrs"];

export const func: Dialect = {
  name: "func",
  ops: [
    {
      name: "func.func", traits: ["IsolatedFromAbove", "Symbol"], defaultDialect: "func", operands: 0, results: 0,
      props: ["sym_name", "function_type", "sym_visibility", "arg_attrs", "res_attrs"],
      propStorage: { sym_name: StringAttr, function_type: TypeAttr, sym_visibility: StringAttr, arg_attrs: ArrayAttr, res_attrs: ArrayAttr },
      parse(p, st) {
        const vis = p.parseOptionalKeyword("private", "public", "nested");
        if (vis && vis !== "public") st.addAttr("sym_visibility", new StringAttr(vis));
        const sig = parseFunctionSignature(p, st);
        st.addAttr("function_type", new TypeAttr(FunctionType.get(sig.inputs, sig.results)));
        // (MLIR's parseFunctionOp: what the signature gives may not be written again)
        const dictLoc = p.locHere(), dict = new Map<string, Attribute>();
        p.parseOptionalAttrDictWithKeyword(dict);
        const inferred = ["sym_visibility", "sym_name", "function_type"].find((k) => dict.has(k));
        if (inferred) throw p.customError(`'${inferred}' is an inferred attribute and should not be specified in the explicit attribute dictionary`, dictLoc);
        for (const [k, v] of dict) st.addAttr(k, v);
        const at = p.lex.peek();
        const r = p.parseOptionalRegion(sig.args, { isolated: true });
        if (r && r.blocks.length === 0) throw p.customError("expected non-empty function body", p.lex.loc(at.pos)); // `{}`: no block, as MLIR parses it
        st.regions.push(r ?? new Region()); // MLIR: declarations have one empty region
      },
      print(p, op) {
        const vis = op.attr<StringAttr>("sym_visibility");
        if (vis) p.print(" ", vis.value);
        const ft = functionType(op);
        printFunctionSignature(p, op, ft.inputs, ft.results);
        p.print(p.attrDict(op, FUNC_ELIDED, true));
        if (!isDeclaration(op)) { p.print(" "); p.region(op.region(), { printEntryBlockArgs: false }); }
      },
      verifyInvariants(op) { // (MLIR's checks of the function op, before its body's ops)
        // ODS's order: constraints of the attributes present (by name), then the missing ones
        const ft = op.attr("function_type"), name = op.attr("sym_name");
        if (ft && !(ft instanceof TypeAttr && ft.type instanceof FunctionType)) return "attribute 'function_type' failed to satisfy constraint: type attribute of function type";
        if (name && !(name instanceof StringAttr)) return "attribute 'sym_name' failed to satisfy constraint: string attribute";
        if (!(ft instanceof TypeAttr && ft.type instanceof FunctionType)) return "requires attribute 'function_type'";
        if (!name) return "requires attribute 'sym_name'";
        const attrs = signatureAttrsProblem(op, ft.type.inputs.length, ft.type.results.length);
        if (attrs) return attrs;
        if (isDeclaration(op)) {
          if (!op.attr("sym_visibility")) return "symbol declaration cannot have public visibility";
          return;
        }
        // (MLIR's function_interface_impl::verifyTrait, in its words)
        const entry = op.body(), ins = ft.type.inputs;
        if (entry.args.length !== ins.length) return `entry block must have ${ins.length} arguments to match function signature`;
        const k = entry.args.findIndex((a, i) => a.type !== ins[i]);
        if (k >= 0) return `type of entry block argument #${k}('${entry.args[k].type.str}') must match the type of the corresponding argument in function signature('${ins[k].str}')`;
      },
    },
    {
      name: "func.call", props: ["callee"], results: [0, -1],
      parse(p, st) {
        st.addAttr("callee", parseFlatSymbolRef(p));
        const args = p.parseOperandList("paren");
        p.parseOptionalAttrDict(st);
        p.expect(":");
        const loc = p.locHere(), ft = p.parseTypeOf(FunctionType);
        st.operands = p.resolveOperands(args, [...ft.inputs], loc);
        st.resultTypes = [...ft.results];
      },
      print(p, op) {
        p.print(" ", op.attr("callee")!.str, "(", p.operands(op.operands), ")", p.attrDict(op, ["callee"]), " : ", p.functionalType(op));
      },
      verify(op) {
        if (!(op.attr("callee") instanceof SymbolRefAttr)) return "requires a 'callee' symbol reference attribute";
      },
      verifySymbolUses(op, ctx) {
        const ref = op.attr<SymbolRefAttr>("callee")!, fn = ctx.lookupSymbol(op, ref.root);
        if (!fn || (fn.name !== "func.func")) return `'${ref.root}' does not reference a valid function`;
        const ft = functionType(fn);
        if (ft.inputs.length !== op.operands.length) return "incorrect number of operands for callee";
        for (let i = 0; i < ft.inputs.length; i++) {
          if (ft.inputs[i] !== op.operands[i].type) return `operand type mismatch: expected operand type '${ft.inputs[i].str}', but provided '${op.operands[i].type.str}' for operand number ${i}`;
        }
        if (ft.results.length !== op.results.length) return "incorrect number of results for callee";
        for (let i = 0; i < ft.results.length; i++) {
          if (ft.results[i] !== op.results[i].type) {
            const types = (ts: readonly Type[]) => ts.map((t) => `'${t.str}'`).join(", ");
            ctx.opError(op, `result type mismatch at index ${i}`, [
              { at: op, message: `      op result types: ${types(typesOf(op.results))}` }, { at: op, message: `function result types: ${types(ft.results)}` }]);
            return;
          }
        }
      },
    },
    {
      // `%f = func.constant @g : (i32) -> i32`: a function as a value (the interpreter's and the
      // wasm engine's function pointer, as llvm.mlir.addressof gives)
      name: "func.constant", operands: 0, results: 1, traits: ["Pure", "ConstantLike"], props: ["value"],
      resultName: () => "f",
      parse(p, st) {
        p.parseOptionalAttrDict(st);
        st.addAttr("value", parseFlatSymbolRef(p));
        p.expect(":");
        st.resultTypes = [p.parseType()];
      },
      print(p, op) { p.print(p.attrDict(op, ["value"]), " ", op.attr("value")!.str, " : ", p.type(op.result.type)); },
      verifyAttrs(op) {
        const ref = op.attr("value");
        if (!ref) return "requires attribute 'value'";
        if (!(ref instanceof SymbolRefAttr && !ref.nested.length)) return "attribute 'value' failed to satisfy constraint: flat symbol reference attribute";
      },
      verify(op, ctx) { // (MLIR 19 checks this with the op, not after the module's ops as a call's callee)
        const name = op.attr<SymbolRefAttr>("value")!.root, fn = ctx.lookupSymbol(op, name);
        if (fn?.name !== "func.func") return `reference to undefined function '${name}'`;
        if (functionType(fn) !== op.result.type) return "reference to function with mismatched type";
      },
    },
    {
      // `%r = func.call_indirect %f(%x) : (i32) -> i32`: the operands and results follow the callee's type
      name: "func.call_indirect", operands: [1, -1], results: [0, -1], operandTypes: [FUNCTION, variadic(ANY)],
      parse(p, st) {
        const callee = p.parseOperand(), args = p.parseOperandList("paren");
        p.parseOptionalAttrDict(st);
        p.expect(":");
        const ft = p.parseTypeOf(FunctionType);
        st.operands = [p.resolveOperand(callee, ft), ...p.resolveOperands(args, [...ft.inputs])];
        st.resultTypes = [...ft.results];
      },
      print(p, op) {
        p.print(" ", p.operand(op.operand(0)), "(", p.operands(op.operands.slice(1)), ")", p.attrDict(op), " : ", p.type(op.operand(0).type));
      },
      verify(op) {
        const ft = op.operand(0).type as FunctionType, same = (ts: readonly Type[], vs: readonly { type: Type }[]) => ts.length === vs.length && ts.every((t, i) => t === vs[i].type);
        if (!same(ft.inputs, op.operands.slice(1))) return "failed to verify that callee input types match argument types";
        if (!same(ft.results, op.results)) return "failed to verify that callee result types match result types";
      },
      canonicalize: directCall,
    },
    returnLikeOp("func.return", {
      parents: ["func.func"],
      verify(op, ctx) {
        const fn = op.parentOp!;
        const want = functionType(fn).results;
        if (want.length !== op.operands.length) return `has ${op.operands.length} operands, but enclosing function (@${funcName(fn)}) returns ${want.length}`;
        const ts = typesOf(op.operands);
        for (let i = 0; i < want.length; i++) {
          // (MLIR words this one without the op's name)
          if (ts[i] !== want[i]) return ctx.error(op, `type of return operand ${i} ('${ts[i].str}') doesn't match function result type ('${want[i].str}') in function @${funcName(fn)}`);
        }
      },
    }),
  ],
};
