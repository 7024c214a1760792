// math.exp in WebAssembly: fdlibm's e_exp.c, the algorithm V8's Math.exp runs (base::ieee754::exp,
// with its exp(1) = E special case), operation for operation in f64, so the wasm engine agrees
// bit for bit with the interpreter and the host's libm (Math.exp), without a call out of wasm per
// element (softmax and sigmoid call it for every one). f32 is the f64 result rounded once, as
// the host's expf (Math.fround(Math.exp(x))).
import binaryen from "./binaryen.js";
import { floatFromBits } from "../../ir/float.js";
import { type Expr, type FunctionEmitter, i64c } from "./emitter.js";

/** The double of IEEE bits `b` (fdlibm writes its constants so). */
const bits = (b: bigint) => floatFromBits(b, "f64");
const O_THRESHOLD = bits(0x40862e42fefa39efn), U_THRESHOLD = bits(0xc0874910d52d3051n);
const LN2_HI = bits(0x3fe62e42fee00000n), LN2_LO = bits(0x3dea39ef35793c76n), INV_LN2 = bits(0x3ff71547652b82fen);
const P = [0x3fc555555555553en, 0xbf66c16c16bebd93n, 0x3f11566aaf25de2cn, 0xbebbbd41c5d26bf1n, 0x3e66376972bea4d0n].map(bits);
const E = bits(0x4005bf0a8b145769n), TWO_M1000 = bits(0x0170000000000000n), TWO_1023 = bits(0x7fe0000000000000n);

/** exp of an f64 (`f32`: of an f32, rounded once to it). */
export function exp(e: FunctionEmitter, x: Expr, f32: boolean): Expr {
  const name = e.unit.helper("exp", ["f64"], "f64", ["i32", "i32", "i32", "f64", "f64", "f64", "f64", "f64"], expBody);
  const m = e.m, r = m.call(name, [f32 ? m.f64.promote(x) : x], binaryen.f64);
  return f32 ? m.f32.demote(r) : r;
}

function expBody(m: binaryen.Module): Expr {
  const F = binaryen.f64, I = binaryen.i32, f = m.f64, i = m.i32, c = (v: number) => f.const(v), n = (v: number) => i.const(v | 0);
  const [X, HX, XSB, K, HI, LO, T, C, Y] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const get = (l: number) => m.local.get(l, l === HX || l === XSB || l === K ? I : F), set = m.local.set.bind(m.local);
  const ret = (v: Expr) => m.return(v);
  // 2^k as a double (k + 1000 below -1021, scaled back by 2^-1000 at the end)
  const twoTo = (k: Expr) => f.reinterpret(m.i64.shl(m.i64.extend_u(i.add(n(0x3ff00000), i.shl(k, n(20)))), i64c(m, 32)));
  const poly = P.reduceRight<Expr | undefined>((acc, p) => (acc ? f.add(c(p), f.mul(get(T), acc)) : c(p)), undefined)!;
  return m.block(null, [
    set(HX, i.wrap(m.i64.shr_u(m.i64.reinterpret(get(X)), i64c(m, 32)))),
    set(XSB, i.shr_u(get(HX), n(31))),
    set(HX, i.and(get(HX), n(0x7fffffff))),
    // |x| >= 709.78: NaN, infinities, overflow and underflow
    m.if(i.ge_u(get(HX), n(0x40862e42)), m.block(null, [
      m.if(i.ge_u(get(HX), n(0x7ff00000)), m.if(
        i.ne(i.or(i.and(get(HX), n(0xfffff)), i.wrap(m.i64.reinterpret(get(X)))), n(0)),
        ret(f.add(get(X), get(X))), ret(m.select(i.eqz(get(XSB)), get(X), c(0))))),
      m.if(f.gt(get(X), c(O_THRESHOLD)), ret(c(Infinity))),
      m.if(f.lt(get(X), c(U_THRESHOLD)), ret(c(0))),
    ])),
    set(K, n(0)), set(HI, c(0)), set(LO, c(0)),
    // x = k ln2 + r, |r| <= 0.5 ln2 (hi - lo), with ln2 in two parts
    m.if(i.gt_u(get(HX), n(0x3fd62e42)), m.block(null, [
      m.if(i.lt_u(get(HX), n(0x3ff0a2b2)), m.block(null, [
        m.if(f.eq(get(X), c(1)), ret(c(E))),
        set(HI, f.sub(get(X), m.select(get(XSB), c(-LN2_HI), c(LN2_HI)))),
        set(LO, m.select(get(XSB), c(-LN2_LO), c(LN2_LO))),
        set(K, i.sub(n(1), i.add(get(XSB), get(XSB)))),
      ]), m.block(null, [
        set(K, i.trunc_s.f64(f.add(f.mul(c(INV_LN2), get(X)), m.select(get(XSB), c(-0.5), c(0.5))))),
        set(T, f.convert_s.i32(get(K))),
        set(HI, f.sub(get(X), f.mul(get(T), c(LN2_HI)))),
        set(LO, f.mul(get(T), c(LN2_LO))),
      ])),
      set(X, f.sub(get(HI), get(LO))),
    ]), m.if(i.lt_u(get(HX), n(0x3e300000)), ret(f.add(c(1), get(X))))),
    set(T, f.mul(get(X), get(X))),
    set(C, f.sub(get(X), f.mul(get(T), poly))),
    m.if(i.eqz(get(K)), ret(f.sub(c(1), f.sub(f.div(f.mul(get(X), get(C)), f.sub(get(C), c(2))), get(X))))),
    set(Y, f.sub(c(1), f.sub(f.sub(get(LO), f.div(f.mul(get(X), get(C)), f.sub(c(2), get(C)))), get(HI)))),
    m.if(i.ge_s(get(K), n(-1021)), m.block(null, [
      m.if(i.eq(get(K), n(1024)), ret(f.mul(f.mul(get(Y), c(2)), c(TWO_1023)))),
      ret(f.mul(get(Y), twoTo(get(K)))),
    ])),
    f.mul(f.mul(get(Y), twoTo(i.add(get(K), n(1000)))), c(TWO_M1000)),
  ], F);
}
