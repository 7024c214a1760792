module {
  llvm.mlir.global internal constant @str("hi\0A\00") {addr_space = 0 : i32}
  llvm.mlir.global private constant @cst(dense<[1.0, 2.0]> : tensor<2xf32>) : !llvm.array<2 x f32>
  llvm.mlir.global external @g(42 : i32) : i32
  llvm.func @keyword_types(!llvm.metadata, !llvm.token, !llvm.x86_mmx, !llvm.ppc_fp128, !llvm.label) -> !llvm.token
  llvm.func @keyword_type_fields(!llvm.struct<(x86_mmx, ppc_fp128)>, !llvm.array<2 x ppc_fp128>)
  llvm.mlir.global internal @gi() : !llvm.struct<(i32, f32)> {
    %0 = llvm.mlir.undef : !llvm.struct<(i32, f32)>
    llvm.return %0 : !llvm.struct<(i32, f32)>
  }
  llvm.mlir.global external @ext() : i64
  llvm.func @printf(!llvm.ptr, ...) -> i32
  llvm.mlir.global private unnamed_addr constant @sa("x\00") {addr_space = 0 : i32, dso_local}
  llvm.mlir.global internal local_unnamed_addr @sb(0 : i32) : i32
  llvm.mlir.global external hidden thread_local @sc(1 : i64) : i64
  llvm.func internal unnamed_addr @uf() {
    llvm.return
  }
  llvm.func local_unnamed_addr @ug() attributes {passthrough = ["nounwind"]} {
    llvm.return
  }
  llvm.func fastcc @uh()
  llvm.func @foo(%arg0: i32) -> i32 {
    llvm.return %arg0 : i32
  }
  llvm.func @v() {
    llvm.return
  }
  llvm.func internal @vv(%a: !llvm.ptr<1>, %b: !llvm.array<14 x i8>) attributes {sym_visibility = "private"} {
    llvm.return
  }
  func.func @main(%x: i32, %i: i64, %fp: !llvm.ptr) -> i32 {
    %p = llvm.mlir.addressof @str : !llvm.ptr
    %r = llvm.call @printf(%p, %x) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, i32) -> i32
    %r2 = llvm.call %fp(%x) : !llvm.ptr, (i32) -> i32
    %r3 = llvm.call @foo(%x) : (i32) -> i32
    llvm.call @v() : () -> ()
    %q = llvm.getelementptr %p[%i] : (!llvm.ptr, i64) -> !llvm.ptr, f32
    %q2 = llvm.getelementptr inbounds %p[0, 1] : (!llvm.ptr) -> !llvm.ptr, !llvm.array<14 x i8>
    %q3 = llvm.getelementptr %p[%i, 2] : (!llvm.ptr, i64) -> !llvm.ptr, !llvm.struct<(i32, f32, f64)>
    %q4 = llvm.getelementptr %p[0, 1, %i, 1] : (!llvm.ptr, i64) -> !llvm.ptr, !llvm.struct<(i32, array<4 x struct<(i8, i16)>>)>
    %v = llvm.load %q : !llvm.ptr -> f32
    %v2 = llvm.load %q {alignment = 4 : i64} : !llvm.ptr -> f32
    llvm.store %v, %q : f32, !llvm.ptr
    llvm.store %v, %q {alignment = 4 : i64} : f32, !llvm.ptr
    %a = llvm.alloca %i x f32 : (i64) -> !llvm.ptr
    %a2 = llvm.alloca %i x f32 {alignment = 8 : i64} : (i64) -> !llvm.ptr
    %z = llvm.mlir.zero : !llvm.ptr
    %c = llvm.mlir.constant(1 : i32) : i32
    %c2 = llvm.mlir.constant(1.5 : f32) : f32
    %c3 = llvm.mlir.constant(dense<1.0> : tensor<4xf32>) : !llvm.array<4 x f32>
    %c4 = llvm.mlir.constant(sparse<[1], [2.5]> : vector<4xf32>) : vector<4xf32>
    %s = llvm.mlir.undef : !llvm.struct<(i32, f32)>
    %g = llvm.mlir.addressof @printf : !llvm.ptr
    %sp = llvm.mlir.constant(5 : i64) : i64
    %f = llvm.mlir.zero : !llvm.struct<packed (i32, f32)>
    %vd = llvm.mlir.zero : !llvm.ptr<3>
    return %r : i32
  }
  // llvm.return outside any llvm.func is not checked against one (MLIR 19 accepts it)
  func.func @llvm_return_in_func() -> i32 {
    %0 = llvm.mlir.constant(1 : i32) : i32
    llvm.return %0 : i32
  }
  // atomic and invariant accesses, inalloca, identified structs (opaque or not), a complex constant
  func.func @atomics(%p: !llvm.ptr, %v: f32, %n: i64) {
    %0 = llvm.load %p atomic monotonic {alignment = 4 : i64} : !llvm.ptr -> f32
    %1 = llvm.load volatile %p atomic syncscope("singlethread") acquire {alignment = 4 : i64} : !llvm.ptr -> f32
    %2 = llvm.load %p invariant : !llvm.ptr -> i32
    llvm.store %v, %p atomic release {alignment = 4 : i64} : f32, !llvm.ptr
    llvm.store volatile %v, %p atomic syncscope("agent") seq_cst {alignment = 4 : i64} : f32, !llvm.ptr
    %3 = llvm.alloca inalloca %n x i32 {alignment = 8 : i64} : (i64) -> !llvm.ptr
    %4 = llvm.mlir.undef : !llvm.struct<"op", opaque>
    %5 = llvm.mlir.undef : !llvm.struct<"node", (i32, ptr)>
    %6 = llvm.mlir.constant([1.0 : f32, 2.0 : f32]) : !llvm.struct<(f32, f32)>
    %7 = llvm.alloca %n x i32 {alignment = 0 : i64} : (i64) -> !llvm.ptr
    return
  }
  // calling conventions on functions and calls (direct and indirect), result attributes, variadic definitions
  llvm.func weak fastcc @cconv3() {
    llvm.return
  }
  llvm.func cc_10 @cconv4() {
    llvm.return
  }
  llvm.func @test_ccs() {
    %ptr = llvm.mlir.addressof @cconv4 : !llvm.ptr
    llvm.call fastcc @cconv3() : () -> ()
    llvm.call cc_10 %ptr() : !llvm.ptr, () -> ()
    llvm.return
  }
  llvm.func @res_struct_attr(%arg0 : !llvm.struct<(i32)>)
      -> (!llvm.struct<(i32)> {llvm.struct_attrs = [{llvm.noalias}]}) {
    llvm.return %arg0 : !llvm.struct<(i32)>
  }
  llvm.func @variadic_def(...) {
    llvm.return
  }
  // tail call kinds (`none` is the default and is not printed)
  llvm.func @tail_call_target() -> i32
  llvm.func @test_calls(%p: !llvm.ptr) -> i32 {
    %0 = llvm.call none @tail_call_target() : () -> i32
    %1 = llvm.call musttail @tail_call_target() : () -> i32
    %2 = llvm.call tail @tail_call_target() : () -> i32
    %3 = llvm.call notail @tail_call_target() : () -> i32
    %4 = llvm.call fastcc tail %p() : !llvm.ptr, () -> i32
    llvm.return %0 : i32
  }
}
