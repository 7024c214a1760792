// math.exp, expm1, tanh, sinh, cosh, log, log10, log1p, sin and cos in WebAssembly: fdlibm's
// e_exp.c, s_expm1.c, s_tanh.c, e_sinh.c, e_cosh.c, e_log.c, e_log10.c, s_log1p.c, s_sin.c and s_cos.c (with their
// kernels and the reduction by pi/2 of e_rem_pio2.c up to 2^19 pi/2; the host's libm past that),
// the algorithms V8's Math functions of those names run (base::ieee754, with its exp(1) = E special case),
// operation for operation in f64, so the wasm engine agrees bit for bit with the interpreter and
// the host's libm, without a call out of wasm per element (softmax, sigmoid and GELU call them for
// every one). f32 is the f64 result rounded once, as the host's expf (Math.fround(Math.exp(x))).
import binaryen from "./binaryen.js";
import { floatFromBits } from "../../ir/float.js";
import { type Expr, type FunctionEmitter, i64c } from "./emitter.js";

/** The double of IEEE bits `b` (fdlibm writes its constants so). */
const bits = (b: bigint) => floatFromBits(b, "f64");
const O_THRESHOLD = bits(0x40862e42fefa39efn), U_THRESHOLD = bits(0xc0874910d52d3051n);
const LN2_HI = bits(0x3fe62e42fee00000n), LN2_LO = bits(0x3dea39ef35793c76n), INV_LN2 = bits(0x3ff71547652b82fen);
const P = [0x3fc555555555553en, 0xbf66c16c16bebd93n, 0x3f11566aaf25de2cn, 0xbebbbd41c5d26bf1n, 0x3e66376972bea4d0n].map(bits);
const E = bits(0x4005bf0a8b145769n), TWO_M1000 = bits(0x0170000000000000n), TWO_1023 = bits(0x7fe0000000000000n);

const LG = [0x3fe5555555555593n, 0x3fd999999997fa04n, 0x3fd2492494229359n, 0x3fcc71c51d8e78afn, 0x3fc7466496cb03den, 0x3fc39a09d078c69fn, 0x3fc2f112df3e5244n].map(bits);
const TWO_54 = bits(0x4350000000000000n);
const [IVLN10, LOG10_2HI, LOG10_2LO] = [0x3fdbcb7b1526e50en, 0x3fd34413509f6000n, 0x3d59fef311f12b36n].map(bits);
/** Past it cosh and sinh overflow; below LOG_MAXD exp(|x|) / 2 does not. */
const HYP_OVERFLOW = 710.4758600739439, LOG_MAXD = 709.7822265625;
const S = [0xbfc5555555555549n, 0x3f8111111110f8a6n, 0xbf2a01a019c161d5n, 0x3ec71de357b1fe7dn, 0xbe5ae5e68a2b9cebn, 0x3de5d93a5acfd57cn].map(bits);
const CK = [0x3fa555555555554cn, 0xbf56c16c16c15177n, 0x3efa01a019cb1590n, 0xbe927e4f809c52adn, 0x3e21ee9ebdb4b1c4n, 0xbda8fae9be8838d4n].map(bits);
// 2/pi, and pi/2 in three 33-bit parts, each with the rest of pi/2 after it
const [INV_PIO2, PIO2_1, PIO2_1T, PIO2_2, PIO2_2T, PIO2_3, PIO2_3T] =
  [0x3fe45f306dc9c883n, 0x3ff921fb54400000n, 0x3dd0b4611a626331n, 0x3dd0b4611a600000n, 0x3ba3198a2e037073n, 0x3ba3198a2e000000n, 0x397b839a252049c1n].map(bits);
const Q = [0xbfa11111111110f4n, 0x3f5a01a019fe5585n, 0xbf14ce199eaadbb7n, 0x3ed0cfca86e65239n, 0xbe8afdb76e09c32dn].map(bits); // expm1's, scaled by 2^i

type Fn = "exp" | "expm1" | "tanh" | "sinh" | "cosh" | "log" | "log10" | "log1p" | "sin" | "cos";
/** The unit's helper computing `fn` of an f64 (made on first use). */
function helperOf(e: FunctionEmitter, fn: Fn): string {
  const u = e.unit;
  if (fn === "exp") return u.helper("exp", ["f64"], "f64", ["i32", "i32", "i32", "f64", "f64", "f64", "f64", "f64"], expBody);
  if (fn === "expm1") return u.helper("expm1", ["f64"], "f64", ["i32", "i32", "i32", ...Array<"f64">(10).fill("f64")], expm1Body);
  if (fn === "log") return u.helper("log", ["f64"], "f64", ["i32", "i32", "i32", "i32", ...Array<"f64">(9).fill("f64")], logBody);
  if (fn === "sin" || fn === "cos") {
    const kernels = { sin: u.helper("sin.kernel", ["f64", "f64", "i32"], "f64", [], sinKernel), cos: u.helper("cos.kernel", ["f64", "f64"], "f64", ["i32", "f64", "f64"], cosKernel) };
    const large = u.hostImport(fn, ["f64"], ["f64"], "f64");
    return u.helper(fn, ["f64"], "f64", ["i32", "i32", "i32", "i32", "i32", ...Array<"f64">(6).fill("f64")], (m) => trigBody(m, fn, kernels, large));
  }
  if (fn === "log1p") return u.helper("log1p", ["f64"], "f64", ["i32", "i32", "i32", "i32", ...Array<"f64">(7).fill("f64")], log1pBody);
  if (fn === "log10") { const log = helperOf(e, "log"); return u.helper("log10", ["f64"], "f64", ["i32", "i32", "i32", "f64"], (m) => log10Body(m, log)); }
  const expm1 = helperOf(e, "expm1");
  if (fn === "tanh") return u.helper("tanh", ["f64"], "f64", ["i32", "i32", "f64", "f64"], (m) => tanhBody(m, expm1));
  const exp = helperOf(e, "exp");
  return u.helper(fn, ["f64"], "f64", ["i32", "f64", "f64", "f64", "f64"], (m) => (fn === "sinh" ? sinhBody : coshBody)(m, expm1, exp));
}

/** `fn` of an f64 (`f32`: of an f32, rounded once to it). */
export function libmInWasm(e: FunctionEmitter, fn: Fn, x: Expr, f32: boolean): Expr {
  const m = e.m, r = m.call(helperOf(e, fn), [f32 ? m.f64.promote(x) : x], binaryen.f64);
  return f32 ? m.f32.demote(r) : r;
}
export const IN_WASM: Record<string, Fn> = { "math.exp": "exp", "math.expm1": "expm1", "math.tanh": "tanh", "math.sinh": "sinh", "math.cosh": "cosh", "math.log": "log", "math.log10": "log10", "math.log1p": "log1p", "math.sin": "sin", "math.cos": "cos" };

/** The high (sign and exponent) word of an f64, and the f64 whose high word is `w` (low word 0). */
const highWord = (m: binaryen.Module, x: Expr) => m.i32.wrap(m.i64.shr_u(m.i64.reinterpret(x), i64c(m, 32)));
const fromHighWord = (m: binaryen.Module, w: Expr) => m.f64.reinterpret(m.i64.shl(m.i64.extend_u(w), i64c(m, 32)));
/** The low word of an f64, and the f64 with `x`'s low word under high word `w`. */
const lowWord = (m: binaryen.Module, x: Expr) => m.i32.wrap(m.i64.reinterpret(x));
const withHighWord = (m: binaryen.Module, x: Expr, w: Expr) =>
  m.f64.reinterpret(m.i64.or(m.i64.shl(m.i64.extend_u(w), i64c(m, 32)), m.i64.and(m.i64.reinterpret(x), i64c(m, 0xffffffffn))));

/** log's and log10's start below 2^-1022 (`hx` x's high word, `k` its exponent offset): -inf at zero, NaN below, a subnormal scaled up by 2^54. */
function belowNormal(m: binaryen.Module, x: number, hx: number, k: number): Expr {
  const i = m.i32, n = (v: number) => i.const(v | 0), X = () => m.local.get(x, binaryen.f64), HX = () => m.local.get(hx, binaryen.i32);
  return m.if(i.lt_s(HX(), n(0x00100000)), m.block(null, [
    m.if(i.eqz(i.or(i.and(HX(), n(0x7fffffff)), lowWord(m, X()))), m.return(m.f64.const(-Infinity))),
    m.if(i.lt_s(HX(), n(0)), m.return(m.f64.const(NaN))),
    m.local.set(k, n(-54)),
    m.local.set(x, m.f64.mul(X(), m.f64.const(TWO_54))),
    m.local.set(hx, highWord(m, X())),
  ]));
}

/**
 * log's and log1p's last step: k ln2_hi - (rest(lo) - f) with lo = k ln2_lo (plus log1p's
 * correction), or f - rest() where k = 0.
 */
function ln2Scaled(m: binaryen.Module, k: Expr, dk: () => Expr, fr: () => Expr, lo: Expr, rest: (lo?: Expr) => Expr): Expr {
  const f = m.f64;
  return m.select(m.i32.eqz(k), f.sub(fr(), rest()), f.sub(f.mul(dk(), f.const(LN2_HI)), f.sub(rest(lo), fr())));
}

// exp's and expm1's first locals: x, |x|'s high word, x's sign bit, k, and hi - lo = x - k ln2.
const [X, HX, XSB, K, HI, LO] = [0, 1, 2, 3, 4, 5];
const localOf = (m: binaryen.Module) => (l: number) => m.local.get(l, l === HX || l === XSB || l === K ? binaryen.i32 : binaryen.f64);

/** Sets HX and XSB; returns x + x for a NaN, x for +inf and `atNegInf` for -inf. */
function splitSign(m: binaryen.Module, atNegInf: number): Expr[] {
  const i = m.i32, n = (v: number) => i.const(v | 0), get = localOf(m);
  return [
    m.local.set(HX, highWord(m, get(X))),
    m.local.set(XSB, i.shr_u(get(HX), n(31))),
    m.local.set(HX, i.and(get(HX), n(0x7fffffff))),
    m.if(i.ge_u(get(HX), n(0x7ff00000)), m.if(
      i.ne(i.or(i.and(get(HX), n(0xfffff)), lowWord(m, get(X))), n(0)),
      m.return(m.f64.add(get(X), get(X))), m.return(m.select(i.eqz(get(XSB)), get(X), m.f64.const(atNegInf))))),
  ];
}

/**
 * For |x| > 0.5 ln2: x = k ln2 + (hi - lo), |hi - lo| <= 0.5 ln2, ln2 in two parts (k = +-1 below
 * 1.5 ln2, after `nearOne`); `t` a scratch f64 local. Then x = hi - lo.
 */
function reduceByLn2(m: binaryen.Module, t: number, nearOne: Expr[] = []): Expr {
  const f = m.f64, i = m.i32, c = (v: number) => f.const(v), n = (v: number) => i.const(v | 0), get = localOf(m), set = m.local.set.bind(m.local);
  return m.block(null, [
    m.if(i.lt_u(get(HX), n(0x3ff0a2b2)), m.block(null, [
      ...nearOne,
      set(HI, f.sub(get(X), m.select(get(XSB), c(-LN2_HI), c(LN2_HI)))),
      set(LO, m.select(get(XSB), c(-LN2_LO), c(LN2_LO))),
      set(K, i.sub(n(1), i.add(get(XSB), get(XSB)))),
    ]), m.block(null, [
      set(K, i.trunc_s.f64(f.add(f.mul(c(INV_LN2), get(X)), m.select(get(XSB), c(-0.5), c(0.5))))),
      set(t, f.convert_s.i32(get(K))),
      set(HI, f.sub(get(X), f.mul(get(t), c(LN2_HI)))),
      set(LO, f.mul(get(t), c(LN2_LO))),
    ])),
    set(X, f.sub(get(HI), get(LO))),
  ]);
}

function expBody(m: binaryen.Module): Expr {
  const F = binaryen.f64, f = m.f64, i = m.i32, c = (v: number) => f.const(v), n = (v: number) => i.const(v | 0);
  const [T, C, Y] = [6, 7, 8];
  const get = localOf(m), set = m.local.set.bind(m.local);
  const ret = (v: Expr) => m.return(v);
  // 2^k as a double (k + 1000 below -1021, scaled back by 2^-1000 at the end)
  const twoTo = (k: Expr) => fromHighWord(m, i.add(n(0x3ff00000), i.shl(k, n(20))));
  const poly = P.reduceRight<Expr | undefined>((acc, p) => (acc ? f.add(c(p), f.mul(get(T), acc)) : c(p)), undefined)!;
  return m.block(null, [
    ...splitSign(m, 0),
    // |x| >= 709.78: overflow and underflow
    m.if(i.ge_u(get(HX), n(0x40862e42)), m.block(null, [
      m.if(f.gt(get(X), c(O_THRESHOLD)), ret(c(Infinity))),
      m.if(f.lt(get(X), c(U_THRESHOLD)), ret(c(0))),
    ])),
    set(K, n(0)), set(HI, c(0)), set(LO, c(0)),
    m.if(i.gt_u(get(HX), n(0x3fd62e42)), reduceByLn2(m, T, [m.if(f.eq(get(X), c(1)), ret(c(E)))]),
      m.if(i.lt_u(get(HX), n(0x3e300000)), ret(f.add(c(1), get(X))))),
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

function expm1Body(m: binaryen.Module): Expr {
  const F = binaryen.f64, f = m.f64, i = m.i32, c = (v: number) => f.const(v), n = (v: number) => i.const(v | 0);
  const [T, C, HFX, HXS, R1, E, Y, TWOPK] = [6, 7, 8, 9, 10, 11, 12, 13];
  const get = localOf(m), set = m.local.set.bind(m.local);
  const ret = (v: Expr) => m.return(v);
  const poly = Q.reduceRight<Expr | undefined>((acc, q) => (acc ? f.add(c(q), f.mul(get(HXS), acc)) : c(q)), undefined)!;
  return m.block(null, [
    ...splitSign(m, -1),
    // |x| >= 56 ln2: overflow, and -1 below -56 ln2
    m.if(i.ge_u(get(HX), n(0x4043687a)), m.block(null, [
      m.if(f.gt(get(X), c(O_THRESHOLD)), ret(c(Infinity))),
      m.if(get(XSB), ret(c(-1))),
    ])),
    set(K, n(0)), set(C, c(0)),
    // (c: the rounding error of hi - lo)
    m.if(i.gt_u(get(HX), n(0x3fd62e42)), m.block(null, [reduceByLn2(m, T), set(C, f.sub(f.sub(get(HI), get(X)), get(LO)))]),
      m.if(i.lt_u(get(HX), n(0x3c900000)), ret(get(X)))),
    set(HFX, f.mul(c(0.5), get(X))),
    set(HXS, f.mul(get(X), get(HFX))),
    set(R1, f.add(c(1), f.mul(get(HXS), poly))),
    set(T, f.sub(c(3), f.mul(get(R1), get(HFX)))),
    set(E, f.mul(get(HXS), f.div(f.sub(get(R1), get(T)), f.sub(c(6), f.mul(get(X), get(T)))))),
    m.if(i.eqz(get(K)), ret(f.sub(get(X), f.sub(f.mul(get(X), get(E)), get(HXS))))),
    set(TWOPK, fromHighWord(m, i.add(n(0x3ff00000), i.shl(get(K), n(20))))),
    set(E, f.sub(f.sub(f.mul(get(X), f.sub(get(E), get(C))), get(C)), get(HXS))),
    m.if(i.eq(get(K), n(-1)), ret(f.sub(f.mul(c(0.5), f.sub(get(X), get(E))), c(0.5)))),
    m.if(i.eq(get(K), n(1)), ret(m.select(f.lt(get(X), c(-0.25)),
      f.mul(c(-2), f.sub(get(E), f.add(get(X), c(0.5)))), f.add(c(1), f.mul(c(2), f.sub(get(X), get(E))))))),
    // k <= -2 or k > 56: exp(x) - 1 is 2^k (1 - (e - x)) - 1
    m.if(i.or(i.le_s(get(K), n(-2)), i.gt_s(get(K), n(56))), m.block(null, [
      set(Y, f.sub(c(1), f.sub(get(E), get(X)))),
      set(Y, m.select(i.eq(get(K), n(1024)), f.mul(f.mul(get(Y), c(2)), c(TWO_1023)), f.mul(get(Y), get(TWOPK)))),
      ret(f.sub(get(Y), c(1))),
    ])),
    // 2 <= k <= 56: 2^k ((1 - 2^-k) - (e - x)), or 2^k ((x - (e + 2^-k)) + 1) from k = 20
    m.if(i.lt_s(get(K), n(20)),
      set(Y, f.mul(f.sub(fromHighWord(m, i.sub(n(0x3ff00000), i.shr_u(n(0x200000), get(K)))), f.sub(get(E), get(X))), get(TWOPK))),
      set(Y, f.mul(f.add(f.sub(get(X), f.add(get(E), fromHighWord(m, i.shl(i.sub(n(0x3ff), get(K)), n(20))))), c(1)), get(TWOPK)))),
    get(Y),
  ], F);
}

/** tanh x = -t / (t + 2) with t = expm1(-2|x|) below 1, 1 - 2 / (t + 2) with t = expm1(2|x|) to 22, else 1; odd. */
function tanhBody(m: binaryen.Module, expm1: string): Expr {
  const F = binaryen.f64, I = binaryen.i32, f = m.f64, i = m.i32, c = (v: number) => f.const(v), n = (v: number) => i.const(v | 0);
  const [X, JX, IX, T, Z] = [0, 1, 2, 3, 4];
  const get = (l: number) => m.local.get(l, l === JX || l === IX ? I : F), set = m.local.set.bind(m.local);
  const positive = () => i.ge_s(get(JX), n(0));
  return m.block(null, [
    set(JX, highWord(m, get(X))),
    set(IX, i.and(get(JX), n(0x7fffffff))),
    m.if(i.ge_u(get(IX), n(0x7ff00000)), m.return(m.select(positive(), f.add(f.div(c(1), get(X)), c(1)), f.sub(f.div(c(1), get(X)), c(1))))),
    m.if(i.lt_u(get(IX), n(0x3e300000)), m.return(get(X))), // |x| < 2^-28
    m.if(i.lt_u(get(IX), n(0x40360000)),
      m.if(i.ge_u(get(IX), n(0x3ff00000)), m.block(null, [
        set(T, m.call(expm1, [f.mul(c(2), f.abs(get(X)))], F)),
        set(Z, f.sub(c(1), f.div(c(2), f.add(get(T), c(2))))),
      ]), m.block(null, [
        set(T, m.call(expm1, [f.mul(c(-2), f.abs(get(X)))], F)),
        set(Z, f.div(f.neg(get(T)), f.add(get(T), c(2)))),
      ])),
      set(Z, c(1))),
    m.select(positive(), get(Z), f.neg(get(Z))),
  ], F);
}

/** log x = k ln2 + log(1 + f) for x = 2^k (1 + f), sqrt(2)/2 < 1 + f < sqrt(2), with log(1 + f) from s = f / (2 + f). */
function logBody(m: binaryen.Module): Expr {
  const F = binaryen.f64, I = binaryen.i32, f = m.f64, i = m.i32, c = (v: number) => f.const(v), n = (v: number) => i.const(v | 0);
  const [X, HX, K, IB, J, FR, S, Z, W, R, HFSQ, DK, T1, T2] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  const get = (l: number) => m.local.get(l, l >= HX && l <= J ? I : F), set = m.local.set.bind(m.local);
  const ret = (v: Expr) => m.return(v);
  const k0 = () => i.eqz(get(K));
  const scaled = (rest: (lo?: Expr) => Expr) => ln2Scaled(m, get(K), () => get(DK), () => get(FR), f.mul(get(DK), c(LN2_LO)), rest);
  return m.block(null, [
    set(HX, highWord(m, get(X))),
    set(K, n(0)),
    belowNormal(m, X, HX, K),
    m.if(i.ge_s(get(HX), n(0x7ff00000)), ret(f.add(get(X), get(X)))),
    set(K, i.add(get(K), i.sub(i.shr_s(get(HX), n(20)), n(1023)))),
    set(HX, i.and(get(HX), n(0xfffff))),
    set(IB, i.and(i.add(get(HX), n(0x95f64)), n(0x100000))),
    // x (or x / 2) normalized into [sqrt(2)/2, sqrt(2))
    set(X, withHighWord(m, get(X), i.or(get(HX), i.xor(get(IB), n(0x3ff00000))))),
    set(K, i.add(get(K), i.shr_u(get(IB), n(20)))),
    set(FR, f.sub(get(X), c(1))),
    set(DK, f.convert_s.i32(get(K))),
    // |f| < 2^-20: log(1 + f) = f - f^2 (1/2 - f/3)
    m.if(i.lt_u(i.and(n(0xfffff), i.add(n(2), get(HX))), n(3)), m.block(null, [
      m.if(f.eq(get(FR), c(0)), ret(m.select(k0(), c(0), f.add(f.mul(get(DK), c(LN2_HI)), f.mul(get(DK), c(LN2_LO)))))),
      set(R, f.mul(f.mul(get(FR), get(FR)), f.sub(c(0.5), f.mul(c(0.33333333333333333), get(FR))))),
      ret(scaled((lo) => (lo ? f.sub(get(R), lo) : get(R)))),
    ])),
    set(S, f.div(get(FR), f.add(c(2), get(FR)))),
    set(Z, f.mul(get(S), get(S))),
    set(IB, i.sub(get(HX), n(0x6147a))),
    set(W, f.mul(get(Z), get(Z))),
    set(J, i.sub(n(0x6b851), get(HX))),
    set(T1, f.mul(get(W), f.add(c(LG[1]), f.mul(get(W), f.add(c(LG[3]), f.mul(get(W), c(LG[5]))))))),
    set(T2, f.mul(get(Z), f.add(c(LG[0]), f.mul(get(W), f.add(c(LG[2]), f.mul(get(W), f.add(c(LG[4]), f.mul(get(W), c(LG[6]))))))))),
    set(R, f.add(get(T2), get(T1))),
    // f far from 0: log(1 + f) = f - (f^2/2 - s (f^2/2 + R)), else f - s (f - R)
    m.if(i.gt_s(i.or(get(IB), get(J)), n(0)), m.block(null, [
      set(HFSQ, f.mul(f.mul(c(0.5), get(FR)), get(FR))),
      ret(scaled((lo) => f.sub(get(HFSQ), lo ? f.add(f.mul(get(S), f.add(get(HFSQ), get(R))), lo) : f.mul(get(S), f.add(get(HFSQ), get(R)))))),
    ])),
    scaled((lo) => (lo ? f.sub(f.mul(get(S), f.sub(get(FR), get(R))), lo) : f.mul(get(S), f.sub(get(FR), get(R))))),
  ], F);
}

/** sin on [-pi/4, pi/4] of x + y (y the tail of a reduced argument; `iy` 0: y is 0). */
function sinKernel(m: binaryen.Module): Expr {
  const F = binaryen.f64, f = m.f64, i = m.i32, c = (v: number) => f.const(v);
  const x = () => m.local.get(0, F), y = () => m.local.get(1, F), z = () => f.mul(x(), x()), v = () => f.mul(z(), x());
  const r = () => S.slice(1).reduceRight<Expr | undefined>((acc, k) => (acc ? f.add(c(k), f.mul(z(), acc)) : c(k)), undefined)!; // (fresh: binaryen's IR is a tree)
  return m.block(null, [
    m.if(i.lt_u(i.and(highWord(m, x()), i.const(0x7fffffff)), i.const(0x3e400000)), m.return(x())), // |x| < 2^-27
    m.if(i.eqz(m.local.get(2, binaryen.i32)), m.return(f.add(x(), f.mul(v(), f.add(c(S[0]), f.mul(z(), r()))))),
      m.return(f.sub(x(), f.sub(f.sub(f.mul(z(), f.sub(f.mul(c(0.5), y()), f.mul(v(), r()))), y()), f.mul(v(), c(S[0])))))),
  ], F);
}

/** cos on [-pi/4, pi/4] of x + y: 1 - (x^2/2 - (z r - x y)), past 0.3 with a part qx of x^2/2 taken first, exactly. */
function cosKernel(m: binaryen.Module): Expr {
  const F = binaryen.f64, f = m.f64, i = m.i32, c = (v: number) => f.const(v), n = (v: number) => i.const(v | 0);
  const [X, Y, IX, Z, QX] = [0, 1, 2, 3, 4];
  const get = (l: number) => m.local.get(l, l === IX ? binaryen.i32 : F), set = m.local.set.bind(m.local);
  const r = () => f.mul(get(Z), CK.reduceRight<Expr | undefined>((acc, k) => (acc ? f.add(c(k), f.mul(get(Z), acc)) : c(k)), undefined)!);
  const tail = () => f.sub(f.mul(get(Z), r()), f.mul(get(X), get(Y))); // z r - x y
  return m.block(null, [
    set(IX, i.and(highWord(m, get(X)), n(0x7fffffff))),
    m.if(i.lt_u(get(IX), n(0x3e400000)), m.return(c(1))),
    set(Z, f.mul(get(X), get(X))),
    m.if(i.lt_u(get(IX), n(0x3fd33333)), m.return(f.sub(c(1), f.sub(f.mul(c(0.5), get(Z)), tail())))),
    set(QX, m.select(i.gt_u(get(IX), n(0x3fe90000)), c(0.28125), fromHighWord(m, i.sub(get(IX), n(0x00200000))))),
    f.sub(f.sub(c(1), get(QX)), f.sub(f.sub(f.mul(c(0.5), get(Z)), get(QX)), tail())),
  ], F);
}

/**
 * sin or cos: the kernels directly to pi/4; else x reduced to y0 + y1 - n pi/2 (|x| < 3 pi/4 by
 * pi/2 in two parts, to 2^19 pi/2 in two or three as cancellation needs), the kernel for n mod 4;
 * `large` (the host's libm) past that, x - x (NaN) for infinities and NaN.
 */
function trigBody(m: binaryen.Module, fn: "sin" | "cos", kernels: { sin: string; cos: string }, large: string): Expr {
  const F = binaryen.f64, f = m.f64, i = m.i32, c = (v: number) => f.const(v), n = (v: number) => i.const(v | 0);
  const [X, HX, IX, N, J, Q, Y0, Y1, T, FN, R, W] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const get = (l: number) => m.local.get(l, l >= HX && l <= Q ? binaryen.i32 : F), set = m.local.set.bind(m.local), ret = (v: Expr) => m.return(v);
  const ksin = (a: Expr, b: Expr, iy: number) => m.call(kernels.sin, [a, b, n(iy)], F), kcos = (a: Expr, b: Expr) => m.call(kernels.cos, [a, b], F);
  const sign = (v: number) => m.select(i.gt_s(get(HX), n(0)), c(v), c(-v)); // (x - p for x > 0, x + p below)
  const exponentDrop = () => i.sub(get(J), i.and(i.shr_u(highWord(m, get(Y0)), n(20)), n(0x7ff)));
  // one more part of pi/2 (p, and its tail pt) taken from r where the last left cancellation
  const refine = (p: number, pt: number) => [
    set(T, get(R)), set(W, f.mul(get(FN), c(p))), set(R, f.sub(get(T), get(W))),
    set(W, f.sub(f.mul(get(FN), c(pt)), f.sub(f.sub(get(T), get(R)), get(W)))), set(Y0, f.sub(get(R), get(W))),
  ];
  return m.block(null, [
    set(HX, highWord(m, get(X))),
    set(IX, i.and(get(HX), n(0x7fffffff))),
    m.if(i.le_u(get(IX), n(0x3fe921fb)), ret(fn === "sin" ? ksin(get(X), c(0), 0) : kcos(get(X), c(0)))),
    m.if(i.ge_u(get(IX), n(0x7ff00000)), ret(f.sub(get(X), get(X)))),
    m.if(i.gt_u(get(IX), n(0x413921fb)), ret(m.call(large, [get(X)], F))),
    m.if(i.lt_u(get(IX), n(0x4002d97c)), m.block(null, [ // |x| < 3 pi/4: n = +-1
      set(T, f.sub(get(X), sign(PIO2_1))),
      m.if(i.ne(get(IX), n(0x3ff921fb)), m.block(null, [
        set(Y0, f.sub(get(T), sign(PIO2_1T))), set(Y1, f.sub(f.sub(get(T), get(Y0)), sign(PIO2_1T))),
      ]), m.block(null, [ // near pi/2: a third part
        set(T, f.sub(get(T), sign(PIO2_2))),
        set(Y0, f.sub(get(T), sign(PIO2_2T))), set(Y1, f.sub(f.sub(get(T), get(Y0)), sign(PIO2_2T))),
      ])),
      set(N, m.select(i.gt_s(get(HX), n(0)), n(1), n(-1))),
    ]), m.block(null, [ // to 2^19 pi/2
      set(T, f.abs(get(X))),
      set(N, i.trunc_s.f64(f.add(f.mul(get(T), c(INV_PIO2)), c(0.5)))),
      set(FN, f.convert_s.i32(get(N))),
      set(R, f.sub(get(T), f.mul(get(FN), c(PIO2_1)))),
      set(W, f.mul(get(FN), c(PIO2_1T))),
      set(Y0, f.sub(get(R), get(W))),
      // x near n pi/2 (its high word, as fdlibm's table of them): the result may have cancelled
      m.if(i.eqz(i.and(i.lt_s(get(N), n(32)), i.ne(get(IX), highWord(m, f.mul(get(FN), c(PIO2_1)))))), m.block(null, [
        set(J, i.shr_u(get(IX), n(20))),
        m.if(i.gt_s(exponentDrop(), n(16)), m.block(null, [
          ...refine(PIO2_2, PIO2_2T),
          m.if(i.gt_s(exponentDrop(), n(49)), m.block(null, refine(PIO2_3, PIO2_3T))),
        ])),
      ])),
      set(Y1, f.sub(f.sub(get(R), get(Y0)), get(W))),
      m.if(i.lt_s(get(HX), n(0)), m.block(null, [set(Y0, f.neg(get(Y0))), set(Y1, f.neg(get(Y1))), set(N, i.sub(n(0), get(N)))])),
    ])),
    set(Q, i.and(get(N), n(3))),
    // sin: S, C, -S, -C for n mod 4 = 0..3; cos: C, -S, -C, S
    set(T, m.if(i.and(get(Q), n(1)), fn === "sin" ? kcos(get(Y0), get(Y1)) : ksin(get(Y0), get(Y1), 1), fn === "sin" ? ksin(get(Y0), get(Y1), 1) : kcos(get(Y0), get(Y1)))),
    m.select(i.and(fn === "sin" ? get(Q) : i.add(get(Q), n(1)), n(2)), f.neg(get(T)), get(T)),
  ], F);
}

// Locals of sinh and cosh: x, |x|'s high word, then |x|, h (+-0.5), t, w.
const [HX_, AX, H, TT, W_] = [1, 2, 3, 4, 5];

/** cosh |x|: 1 + t^2 / 2(1 + t), t = expm1(|x|), to 0.5 ln2; (e + 1/e) / 2 to 22; e / 2; past log(max double), (e^(|x|/2) / 2) e^(|x|/2). */
function coshBody(m: binaryen.Module, expm1: string, exp: string): Expr {
  const F = binaryen.f64, f = m.f64, i = m.i32, c = (v: number) => f.const(v), n = (v: number) => i.const(v | 0);
  const get = (l: number) => m.local.get(l, l === HX_ ? binaryen.i32 : F), set = m.local.set.bind(m.local), ret = (v: Expr) => m.return(v);
  const call = (fn: string, x: Expr) => m.call(fn, [x], F);
  return m.block(null, [
    set(HX_, i.and(highWord(m, get(0)), n(0x7fffffff))),
    set(AX, f.abs(get(0))),
    m.if(i.lt_u(get(HX_), n(0x3fd62e43)), m.block(null, [
      set(TT, call(expm1, get(AX))), set(W_, f.add(c(1), get(TT))),
      m.if(i.lt_u(get(HX_), n(0x3c800000)), ret(get(W_))), // |x| < 2^-55
      ret(f.add(c(1), f.div(f.mul(get(TT), get(TT)), f.add(get(W_), get(W_))))),
    ])),
    m.if(i.lt_u(get(HX_), n(0x40360000)), m.block(null, [set(TT, call(exp, get(AX))), ret(f.add(f.mul(c(0.5), get(TT)), f.div(c(0.5), get(TT))))])),
    m.if(i.lt_u(get(HX_), n(0x40862e42)), ret(f.mul(c(0.5), call(exp, get(AX))))),
    m.if(f.le(get(AX), c(HYP_OVERFLOW)), m.block(null, [set(W_, call(exp, f.mul(c(0.5), get(AX)))), set(TT, f.mul(c(0.5), get(W_))), ret(f.mul(get(TT), get(W_)))])),
    m.select(i.ge_u(get(HX_), n(0x7ff00000)), f.mul(get(0), get(0)), c(Infinity)), // NaN or +-inf: x * x
  ], F);
}

/** sinh x = h (2t - t^2 / (t + 1)) below 1, h (t + t / (t + 1)) to 22 (t = expm1(|x|), h = +-0.5); then h e^|x|, and as cosh past log(max double). */
function sinhBody(m: binaryen.Module, expm1: string, exp: string): Expr {
  const F = binaryen.f64, f = m.f64, c = (v: number) => f.const(v);
  const get = (l: number) => m.local.get(l, F), set = m.local.set.bind(m.local), ret = (v: Expr) => m.return(v);
  const call = (fn: string, x: Expr) => m.call(fn, [x], F);
  const tt = () => f.div(get(TT), f.add(get(TT), c(1))); // t / (t + 1)
  return m.block(null, [
    set(H, m.select(f.lt(get(0), c(0)), c(-0.5), c(0.5))),
    set(AX, f.abs(get(0))),
    m.if(f.lt(get(AX), c(22)), m.block(null, [
      m.if(f.lt(get(AX), c(2 ** -28)), ret(get(0))),
      set(TT, call(expm1, get(AX))),
      m.if(f.lt(get(AX), c(1)), ret(f.mul(get(H), f.sub(f.mul(c(2), get(TT)), f.div(f.mul(get(TT), get(TT)), f.add(get(TT), c(1))))))),
      ret(f.mul(get(H), f.add(get(TT), tt()))),
    ])),
    m.if(f.lt(get(AX), c(LOG_MAXD)), ret(f.mul(get(H), call(exp, get(AX))))),
    m.if(f.le(get(AX), c(HYP_OVERFLOW)), m.block(null, [set(W_, call(exp, f.mul(c(0.5), get(AX)))), set(TT, f.mul(get(H), get(W_))), ret(f.mul(get(TT), get(W_)))])),
    f.mul(get(0), c(1e307)), // overflow (to +-inf) or NaN
  ], F);
}

/** log10 x = y log10(2) + log10(m) for x = 2^y m, m in [1, 2) or [1/2, 1) (log10(2) in two parts, log10(m) as log(m) / ln 10). */
function log10Body(m: binaryen.Module, log: string): Expr {
  const F = binaryen.f64, f = m.f64, i = m.i32, c = (v: number) => f.const(v), n = (v: number) => i.const(v | 0);
  const [X, HX, K, IB, Y] = [0, 1, 2, 3, 4];
  const get = (l: number) => m.local.get(l, l === X || l === Y ? F : binaryen.i32), set = m.local.set.bind(m.local), ret = (v: Expr) => m.return(v);
  return m.block(null, [
    set(HX, highWord(m, get(X))), set(K, n(0)),
    belowNormal(m, X, HX, K),
    m.if(i.ge_s(get(HX), n(0x7ff00000)), ret(f.add(get(X), get(X)))),
    m.if(i.and(i.eq(get(HX), n(0x3ff00000)), i.eqz(lowWord(m, get(X)))), ret(c(0))),
    set(K, i.add(get(K), i.sub(i.shr_s(get(HX), n(20)), n(1023)))),
    set(IB, i.shr_u(get(K), n(31))),
    set(HX, i.or(i.and(get(HX), n(0xfffff)), i.shl(i.sub(n(0x3ff), get(IB)), n(20)))),
    set(Y, f.convert_s.i32(i.add(get(K), get(IB)))),
    set(X, withHighWord(m, get(X), get(HX))),
    f.add(f.add(f.mul(get(Y), c(LOG10_2LO)), f.mul(c(IVLN10), m.call(log, [get(X)], F))), f.mul(get(Y), c(LOG10_2HI))),
  ], F);
}

/**
 * log1p x: as log, of 1 + x = 2^k (1 + f) with a correction c for the rounding of 1 + x (none
 * where x itself is used, past 2^53, or where f is x: 1 + x in [sqrt(2)/2, sqrt(2)), k = 0).
 */
function log1pBody(m: binaryen.Module): Expr {
  const F = binaryen.f64, f = m.f64, i = m.i32, c = (v: number) => f.const(v), n = (v: number) => i.const(v | 0);
  const [X, HX, AX, K, HU, FR, C, U, HFSQ, S, Z, R] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const get = (l: number) => m.local.get(l, l >= HX && l <= HU ? binaryen.i32 : F), set = m.local.set.bind(m.local), ret = (v: Expr) => m.return(v);
  const dk = () => f.convert_s.i32(get(K)), k0 = () => i.eqz(get(K));
  const withHigh = (w: Expr) => withHighWord(m, get(U), w);
  const scaled = (rest: (lo?: Expr) => Expr) => ln2Scaled(m, get(K), dk, () => get(FR), f.add(f.mul(dk(), c(LN2_LO)), get(C)), rest);
  const poly = LG.reduceRight<Expr | undefined>((acc, p) => (acc ? f.add(c(p), f.mul(get(Z), acc)) : c(p)), undefined)!;
  return m.block(null, [
    set(HX, highWord(m, get(X))), set(AX, i.and(get(HX), n(0x7fffffff))),
    set(K, n(1)), set(FR, c(0)), set(HU, n(0)), set(C, c(0)),
    m.if(i.lt_s(get(HX), n(0x3fda827a)), m.block(null, [ // 1 + x < sqrt(2)
      m.if(i.ge_s(get(AX), n(0x3ff00000)), ret(m.select(f.eq(get(X), c(-1)), c(-Infinity), c(NaN)))), // x <= -1
      m.if(i.lt_s(get(AX), n(0x3e200000)), ret(m.select(i.lt_s(get(AX), n(0x3c900000)), get(X), f.sub(get(X), f.mul(f.mul(get(X), get(X)), c(0.5)))))),
      m.if(i.or(i.gt_s(get(HX), n(0)), i.le_s(get(HX), n(0xbfd2bec4))), m.block(null, [set(K, n(0)), set(FR, get(X)), set(HU, n(1))])),
    ])),
    m.if(i.ge_s(get(HX), n(0x7ff00000)), ret(f.add(get(X), get(X)))),
    m.if(get(K), m.block(null, [
      m.if(i.lt_s(get(HX), n(0x43400000)), m.block(null, [
        set(U, f.add(c(1), get(X))), set(HU, highWord(m, get(U))), set(K, i.sub(i.shr_s(get(HU), n(20)), n(1023))),
        set(C, f.div(m.select(i.gt_s(get(K), n(0)), f.sub(c(1), f.sub(get(U), get(X))), f.sub(get(X), f.sub(get(U), c(1)))), get(U))),
      ]), m.block(null, [
        set(U, get(X)), set(HU, highWord(m, get(U))), set(K, i.sub(i.shr_s(get(HU), n(20)), n(1023))), set(C, c(0)),
      ])),
      set(HU, i.and(get(HU), n(0xfffff))),
      m.if(i.lt_s(get(HU), n(0x6a09e)), set(U, withHigh(i.or(get(HU), n(0x3ff00000)))), m.block(null, [
        set(K, i.add(get(K), n(1))), set(U, withHigh(i.or(get(HU), n(0x3fe00000)))), set(HU, i.shr_s(i.sub(n(0x00100000), get(HU)), n(2))),
      ])),
      set(FR, f.sub(get(U), c(1))),
    ])),
    set(HFSQ, f.mul(f.mul(c(0.5), get(FR)), get(FR))),
    m.if(i.eqz(get(HU)), m.block(null, [ // |f| < 2^-20
      m.if(f.eq(get(FR), c(0)), ret(m.select(k0(), c(0), f.add(f.mul(dk(), c(LN2_HI)), f.add(get(C), f.mul(dk(), c(LN2_LO))))))),
      set(R, f.mul(get(HFSQ), f.sub(c(1), f.mul(c(0.66666666666666666), get(FR))))),
      ret(scaled((kLo) => (kLo ? f.sub(get(R), kLo) : get(R)))),
    ])),
    set(S, f.div(get(FR), f.add(c(2), get(FR)))), set(Z, f.mul(get(S), get(S))),
    set(R, f.mul(get(Z), poly)),
    scaled((kLo) => f.sub(get(HFSQ), kLo ? f.add(f.mul(get(S), f.add(get(HFSQ), get(R))), kLo) : f.mul(get(S), f.add(get(HFSQ), get(R))))),
  ], F);
}
