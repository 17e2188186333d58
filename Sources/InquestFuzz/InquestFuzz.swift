import Foundation
import InquestFuzzing

#if FUZZING
/// libFuzzer's entry for programs that have their own `main` (libclang_rt.fuzzer_no_main).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The target of this run, read once from `INQUEST_FUZZ_TARGET` before libFuzzer starts.
private let fuzzTarget = ProcessInfo.processInfo.environment["INQUEST_FUZZ_TARGET"].flatMap(FuzzTarget.init(rawValue:))
#endif

/// `inquest-fuzz`: replays inputs through a fuzz target, or, built by `Fuzz/run.sh` with
/// `-DFUZZING` and libFuzzer, fuzzes the target named by `INQUEST_FUZZ_TARGET`.
///
///     inquest-fuzz TARGET FILE...     runs each file through TARGET (exit 0 when none crashed)
@main
struct InquestFuzz {
    static func main() {
        #if FUZZING
        guard fuzzTarget != nil else {
            FileHandle.standardError.write(Data("set INQUEST_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            guard let target = fuzzTarget else { return 0 }
            target.run(UnsafeRawBufferPointer(start: data, count: size))
            return 0
        })
        #else
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("usage: inquest-fuzz TARGET FILE...  (targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")))\n".utf8))
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(1)
            }
            target.run(Array(data))
        }
        #endif
    }
}
