// Lunar lander, variant for the healer: the same descent under Mars gravity (g = -3.71 m/s^2,
// noise as in lander.mlir), flown by a pilot written for the Moon: it always gives the Moon's
// hover thrust, 1.62 m/s^2, so the lander still accelerates downwards and crashes at about
// -22.8 m/s. Everything else as in lander.mlir (see there).
module {
  func.func private @tensorlang_print_status(f32, f32)
  func.func private @tensorlang_get_random() -> f32
  func.func private @tensorlang_record_thrust(f32)
  func.func private @tensorlang_start_timer()
  func.func private @tensorlang_stop_timer(f32)
  func.func private @tensorlang_assert_fail(i64)

  func.func @get_thrust(%h: f32, %v: f32) -> f32 {
    %hover = arith.constant 1.620000e+00 : f32
    return %hover : f32
  }

  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %steps = arith.constant 400 : index
    %dt = arith.constant 1.000000e-01 : f32
    %g = arith.constant -3.710000e+00 : f32
    %noise_scale = arith.constant 2.000000e-01 : f32
    %max_thrust = arith.constant 1.000000e+01 : f32
    %safe_speed = arith.constant 5.000000e+00 : f32
    %zero = arith.constant 0.000000e+00 : f32
    %h0 = arith.constant 1.000000e+02 : f32
    %v0 = arith.constant -1.000000e+01 : f32
    %false = arith.constant false
    call @tensorlang_start_timer() : () -> ()
    %res:3 = scf.for %i = %c0 to %steps step %c1 iter_args(%h = %h0, %v = %v0, %landed = %false) -> (f32, f32, i1) {
      %next:3 = scf.if %landed -> (f32, f32, i1) {
        scf.yield %h, %v, %landed : f32, f32, i1
      } else {
        %t = func.call @get_thrust(%h, %v) : (f32, f32) -> f32
        %t0 = arith.maximumf %t, %zero : f32
        %t1 = arith.minimumf %t0, %max_thrust : f32
        func.call @tensorlang_record_thrust(%t1) : (f32) -> ()
        %r = func.call @tensorlang_get_random() : () -> f32
        %noise = arith.mulf %r, %noise_scale : f32
        %gn = arith.addf %g, %noise : f32
        %a = arith.addf %gn, %t1 : f32
        %dv = arith.mulf %a, %dt : f32
        %v1 = arith.addf %v, %dv : f32
        %dh = arith.mulf %v1, %dt : f32
        %h1 = arith.addf %h, %dh : f32
        func.call @tensorlang_print_status(%h1, %v1) : (f32, f32) -> ()
        %down = arith.cmpf ole, %h1, %zero : f32
        scf.if %down {
          %speed = math.absf %v1 : f32
          %crash = arith.cmpf ogt, %speed, %safe_speed : f32
          scf.if %crash {
            %line = arith.constant 55 : i64
            func.call @tensorlang_assert_fail(%line) : (i64) -> ()
          }
        }
        scf.yield %h1, %v1, %down : f32, f32, i1
      }
      scf.yield %next#0, %next#1, %next#2 : f32, f32, i1
    }
    call @tensorlang_stop_timer(%res#1) : (f32) -> ()
    return
  }
}
