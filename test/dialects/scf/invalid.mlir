// One case per verifier rule of the scf dialect.
func.func @for_iv(%a: i32) {
  // expected-error @+1 {{expected induction variable to be same type as bounds and step}}
  "scf.for"(%a, %a, %a) ({
  ^bb0(%i: index):
    "scf.yield"() : () -> ()
  }) : (i32, i32, i32) -> ()
  return
}

// -----

func.func @if_else(%c: i1, %x: f32) {
  // expected-error @+1 {{must have an else block if defining values}}
  %r = scf.if %c -> (f32) {
    scf.yield %x : f32
  }
  return
}

// -----

func.func @yield_parent() {
  // expected-error @+1 {{expects parent op to be one of 'scf.execute_region, scf.for, scf.if, scf.index_switch, scf.while'}}
  scf.yield
}

// -----

func.func @condition_parent(%c: i1) {
  %r = scf.execute_region -> i1 {
    // expected-error @+1 {{expects parent op 'scf.while'}}
    scf.condition(%c)
  }
  return
}

// -----

func.func @condition_i1(%c: i32) {
  "scf.while"() ({
    // expected-error @+1 {{operand #0 must be 1-bit signless integer, but got 'i32'}}
    "scf.condition"(%c) : (i32) -> ()
  }, {
    "scf.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

func.func @reduce_parent(%x: f32) {
  scf.execute_region {
    // expected-error @+1 {{expects parent op 'scf.parallel'}}
    scf.reduce
  }
  return
}

// -----

func.func @reduce_return_parent(%x: f32) {
  %r = scf.execute_region -> f32 {
    // expected-error @+1 {{expects parent op 'scf.reduce'}}
    scf.reduce.return %x : f32
  }
  return
}

// -----

func.func @execute_region_args() {
  // expected-error @+1 {{region cannot have any arguments}}
  "scf.execute_region"() ({
  ^bb0(%a: index):
    "scf.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

func.func @switch_regions(%c: index) {
  // expected-error @+1 {{has 0 case regions but 1 case values}}
  "scf.index_switch"(%c) <{cases = array<i64: 1>}> ({
    "scf.yield"() : () -> ()
  }) : (index) -> ()
  return
}

// -----

func.func @switch_duplicates(%c: index) {
  // expected-error @+1 {{has duplicate case value: 1}}
  "scf.index_switch"(%c) <{cases = array<i64: 1, 1>}> ({
    "scf.yield"() : () -> ()
  }, {
    "scf.yield"() : () -> ()
  }, {
    "scf.yield"() : () -> ()
  }) : (index) -> ()
  return
}

// -----

func.func @parallel_zero_step(%m: memref<10xf32>, %f: f32) {
  %c0 = arith.constant 0 : index
  %c10 = arith.constant 10 : index
  // expected-error @+1 {{constant step operand must be positive}}
  scf.parallel (%i) = (%c0) to (%c10) step (%c0) {
    memref.store %f, %m[%i] : memref<10xf32>
    scf.reduce
  }
  return
}

// -----

func.func @for_bound_types(%a: index, %b: i32) {
  // expected-error @+1 {{'scf.for' op failed to verify that all of {lowerBound, upperBound, step} have same type}}
  "scf.for"(%a, %b, %a) ({
  ^bb0(%i: index):
    "scf.yield"() : () -> ()
  }) : (index, i32, index) -> ()
  return
}

// -----

func.func @for_float(%a: f32) {
  // expected-error @+1 {{'scf.for' op operand #0 must be signless integer or index, but got 'f32'}}
  "scf.for"(%a, %a, %a) ({
  ^bb0(%i: f32):
    "scf.yield"() : () -> ()
  }) : (f32, f32, f32) -> ()
  return
}

// -----

func.func @for_args(%a: index) {
  // expected-error @+1 {{'scf.for' op different number of inits and region iter_args: 0 != 1}}
  "scf.for"(%a, %a, %a) ({
  ^bb0(%i: index, %j: index):
    "scf.yield"() : () -> ()
  }) : (index, index, index) -> ()
  return
}

// -----

func.func @for_inits(%a: index, %x: f32) {
  // expected-error @+1 {{'scf.for' op 0-th init and 0-th region iter_arg have different type: 'f32' != 'i32'}}
  %r = "scf.for"(%a, %a, %a, %x) ({
  ^bb0(%i: index, %acc: i32):
    "scf.yield"(%acc) : (i32) -> ()
  }) : (index, index, index, f32) -> i32
  return
}

// -----

func.func @for_region_args(%a: index, %x: f32) {
  // expected-error @+1 {{'scf.for' op 0-th init and 0-th region iter_arg have different type: 'f32' != 'i32'}}
  %r = "scf.for"(%a, %a, %a, %x) ({
  ^bb0(%i: index, %acc: i32):
    "scf.yield"(%x) : (f32) -> ()
  }) : (index, index, index, f32) -> f32
  return
}

// -----

func.func @if_cond(%c: i32) {
  // expected-error @+1 {{'scf.if' op operand #0 must be 1-bit signless integer, but got 'i32'}}
  "scf.if"(%c) ({
    "scf.yield"() : () -> ()
  }, {
  }) : (i32) -> ()
  return
}

// -----

func.func @switch_operand(%c: i32) {
  // expected-error @+1 {{'scf.index_switch' op operand #0 must be index, but got 'i32'}}
  "scf.index_switch"(%c) <{cases = array<i64>}> ({
    "scf.yield"() : () -> ()
  }) : (i32) -> ()
  return
}

// -----

// Only the innermost custom op's default dialect applies: func.func's, not inside scf.for.
func.func private @g(index)
func.func @unqualified_call_in_loop(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    // expected-error @+2 {{Dialect `' not found for custom op 'call'  (tried '.call' as well)}}
    // expected-note @+1 {{Registered dialects: }}
    call @g(%i) : (index) -> ()
  }
  return
}

// -----

// A generic-form op gives its regions no default dialect.
"func.func"() <{function_type = () -> (), sym_name = "generic_body"}> ({
  // expected-error @+1 {{custom op 'return' is unknown (tried 'builtin.return' as well)}}
  return
}) : () -> ()

// -----

// `{}` is a region without a block.
func.func @execute_region_no_block() {
  // expected-error @+1 {{'scf.execute_region' op region needs to have at least one block}}
  scf.execute_region {
  }
  return
}

// -----

func.func @if_args(%c: i1) {
  // expected-error @+1 {{'scf.if' op region #0 should have no arguments}}
  "scf.if"(%c) ({
  ^bb0(%a: index):
    "scf.yield"() : () -> ()
  }, {
  }) : (i1) -> ()
  return
}

// -----

func.func @parallel_without_dims() {
  // expected-error @+1 {{'scf.parallel' op needs at least one tuple element for lowerBound, upperBound and step}}
  scf.parallel () = () to () step () {
  }
  return
}
