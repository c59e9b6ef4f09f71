// lostphone-codegen: writes the built-in playbook and themes as Swift (scripts/generate-builtins.sh).
//
//   lostphone-codegen ROOT            writes the generated files under ROOT
//   lostphone-codegen --check ROOT    exits 1, naming them, when the files differ from the YAML
//
// A YAML file with a problem stops it with every problem listed (exit 1), and nothing is written.

import BuiltinCodegen
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
let check = arguments.first == "--check"
if check { arguments.removeFirst() }
guard arguments.count == 1 else {
    FileHandle.standardError.write(Data("usage: lostphone-codegen [--check] PACKAGE-ROOT\n".utf8))
    exit(64)
}
let root = arguments[0]
do {
    var stale: [String] = []
    for file in try BuiltinSources.generate(root: root) {
        let path = root + "/" + file.path
        let current = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        guard current != file.text else { continue }
        stale.append(file.path)
        if !check { try file.text.write(toFile: path, atomically: true, encoding: .utf8) }
    }
    if check && !stale.isEmpty {
        print("lostphone-codegen: stale, run scripts/generate-builtins.sh: \(stale.joined(separator: ", "))")
        exit(1)
    }
    print(stale.isEmpty ? "lostphone-codegen: up to date" : "lostphone-codegen: wrote \(stale.joined(separator: ", "))")
} catch {
    FileHandle.standardError.write(Data("lostphone-codegen: the built-ins do not load, nothing written:\n\(error)\n".utf8))
    exit(1)
}
