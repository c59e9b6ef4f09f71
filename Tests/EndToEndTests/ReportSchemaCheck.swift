import Foundation
import Testing

/// Every JSON report an end-to-end test has the program write (`export --format json -o -`,
/// `status --json`) is checked against docs/report.schema.json by python3-jsonschema, in
/// `runBinary`: a test that reads the JSON cannot read a shape the schema does not promise.
enum ReportSchemaCheck {
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/report.schema.json").path

    /// Whether `args` make the program print a JSON report on standard output.
    static func printsJSONReport(_ args: [String]) -> Bool {
        let json = (args.first == "status" && args.contains("--json"))
            || (args.first == "export" && zip(args, args.dropFirst()).contains { $0 == ("--format", "json") } && args.contains("-"))
        return json && args.first.map { ["status", "export"].contains($0) } == true
    }

    /// Records every way `json` departs from the schema.
    static func check(_ json: String, args: [String]) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lp-schema-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try json.write(to: file, atomically: false, encoding: .utf8)
            let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            for e in sorted(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))), key=lambda e: e.json_path)[:20]:
                print(e.json_path + ": " + e.message[:200])
            print("checked")
            """
            let said = try TmuxSession.capture("/usr/bin/python3", ["-c", script, schema, file.path])
            guard said.hasSuffix("checked\n") else {
                Issue.record("lostphone \(args.joined(separator: " ")): the schema check did not run (apt-get install python3-jsonschema): \(said)")
                return
            }
            for line in said.split(separator: "\n").dropLast() {
                Issue.record("lostphone \(args.joined(separator: " ")) departs from docs/report.schema.json: \(line)")
            }
        } catch {
            Issue.record("lostphone \(args.joined(separator: " ")): cannot check the JSON against the schema: \(error)")
        }
    }
}
