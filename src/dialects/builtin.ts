// builtin dialect: `module` (a symbol table with no terminator).
import { StringAttr, symbolText } from "../ir/attributes.js";
import { Block } from "../ir/core.js";
import type { Dialect } from "../ir/dialect.js";

export const builtin: Dialect = {
  name: "builtin",
  ops: [{
    name: "builtin.module", defaultDialect: "builtin", traits: ["IsolatedFromAbove", "SymbolTable", "NoTerminator", "SingleBlock", "NoRegionArguments"], props: ["sym_name", "sym_visibility"],
    regions: 1, operands: 0, results: 0,
    parse(p, st) {
      const n = p.parseOptionalSymbolName();
      if (n) st.addAttr("sym_name", n);
      p.parseOptionalAttrDictWithKeyword(st);
      const r = p.parseRegion([], { isolated: true });
      if (!r.blocks.length) r.push(new Block());
      st.regions.push(r);
    },
    verify(op) {
      for (const k of op.attributes.keys()) {
        if (!k.includes(".") && k !== "sym_name" && k !== "sym_visibility") return `can only contain attributes with dialect-prefixed names, found: '${k}'`;
      }
    },
    print(p, op) {
      const n = op.attr("sym_name");
      if (n instanceof StringAttr) p.print(" ", symbolText(n.value));
      p.print(p.attrDict(op, ["sym_name"], true), " ");
      p.region(op.region(), { printEntryBlockArgs: false });
    },
  }],
};
