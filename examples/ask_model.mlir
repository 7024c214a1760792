// A program asks the embedded model a question and prints the answer
// (`tensorlang-run examples/ask_model.mlir --runner mock --mock-responses answers.jsonl`,
// or `--model-path model.gguf`).
module {
  llvm.func @printf(!llvm.ptr, ...) -> i32
  llvm.func @tensorlang_query_model(!llvm.ptr) -> !llvm.ptr
  llvm.mlir.global internal constant @question("Which loop of a matmul should be vectorized?\00") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @fmt("model says: %s\0A\00") {addr_space = 0 : i32}
  func.func @main() {
    %q = llvm.mlir.addressof @question : !llvm.ptr
    %a = llvm.call @tensorlang_query_model(%q) : (!llvm.ptr) -> !llvm.ptr
    %f = llvm.mlir.addressof @fmt : !llvm.ptr
    %0 = llvm.call @printf(%f, %a) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, !llvm.ptr) -> i32
    return
  }
}
