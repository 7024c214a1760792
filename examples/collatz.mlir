// Collatz sequences written with unstructured control flow (the cf dialect), as MLIR's
// --convert-scf-to-cf output or a front end's CFG would be: @steps counts the steps from n to 1
// in a loop through a back edge, halving or tripling in branches; @main walks n = 1..12, checks
// each count with cf.assert, prints it, and a cf.switch on n mod 3 adds it to one of three totals
// carried as block arguments. Steps: 0 1 7 2 5 8 16 3 19 6 14 9; totals (43, 24, 23).
// These loops are not the shapes --convert-scf-to-cf makes (--raise-cf-to-scf leaves them): the
// wasm engine compiles the blocks as they are, through binaryen's Relooper (docs/runtime.md).
module {
  func.func @steps(%n: i64) -> i64 {
    %c0 = arith.constant 0 : i64
    %c1 = arith.constant 1 : i64
    %c3 = arith.constant 3 : i64
    cf.br ^loop(%n, %c0 : i64, i64)
  ^loop(%x: i64, %k: i64):
    %done = arith.cmpi eq, %x, %c1 : i64
    cf.cond_br %done, ^exit(%k : i64), ^step
  ^step:
    %k1 = arith.addi %k, %c1 : i64
    %odd = arith.trunci %x : i64 to i1
    cf.cond_br %odd, ^up, ^down
  ^up:
    %t = arith.muli %x, %c3 : i64
    %t1 = arith.addi %t, %c1 : i64
    cf.br ^loop(%t1, %k1 : i64, i64)
  ^down:
    %h = arith.shrui %x, %c1 : i64
    cf.br ^loop(%h, %k1 : i64, i64)
  ^exit(%s: i64):
    return %s : i64
  }

  func.func @main() {
    %c0 = arith.constant 0 : i64
    %c1 = arith.constant 1 : i64
    %c3 = arith.constant 3 : i64
    %c13 = arith.constant 13 : i64
    %limit = arith.constant 1000 : i64
    cf.br ^next(%c1, %c0, %c0, %c0 : i64, i64, i64, i64)
  ^next(%n: i64, %a0: i64, %a1: i64, %a2: i64):
    %more = arith.cmpi slt, %n, %c13 : i64
    cf.cond_br %more, ^body, ^end
  ^body:
    %s = func.call @steps(%n) : (i64) -> i64
    %ok = arith.cmpi ult, %s, %limit : i64
    cf.assert %ok, "runaway sequence"
    vector.print %s : i64
    %r = arith.remui %n, %c3 : i64
    %r32 = arith.trunci %r : i64 to i32
    %n1 = arith.addi %n, %c1 : i64
    cf.switch %r32 : i32, [
      default: ^add2,
      0: ^add0,
      1: ^add1
    ]
  ^add0:
    %b0 = arith.addi %a0, %s : i64
    cf.br ^next(%n1, %b0, %a1, %a2 : i64, i64, i64, i64)
  ^add1:
    %b1 = arith.addi %a1, %s : i64
    cf.br ^next(%n1, %a0, %b1, %a2 : i64, i64, i64, i64)
  ^add2:
    %b2 = arith.addi %a2, %s : i64
    cf.br ^next(%n1, %a0, %a1, %b2 : i64, i64, i64, i64)
  ^end:
    %v = vector.from_elements %a0, %a1, %a2 : vector<3xi64>
    vector.print %v : vector<3xi64>
    return
  }
}
