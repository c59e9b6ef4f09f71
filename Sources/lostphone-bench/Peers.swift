import Foundation

/// A program lostphone is compared with: a checklist of 20 items at 80x24.
struct Peer {
    var name: String
    var executable: String
    var arguments: [String]
    var quit: String

    /// Twenty items of about the length of lostphone's step titles.
    static let items: [String] = (1...20).flatMap { n in
        ["s\(n)", "Step \(n): call the bank and freeze the card", "off"]
    }

    static let all: [Peer] = [
        Peer(name: "dialog", executable: "/usr/bin/dialog",
             arguments: ["--checklist", "Tick what is done", "22", "70", "14"] + items, quit: "\r"),
        Peer(name: "whiptail", executable: "/usr/bin/whiptail",
             arguments: ["--checklist", "Tick what is done", "22", "70", "14"] + items, quit: "\r"),
    ]
}

/// One program's figures over the interleaved runs.
private struct PeerFigures {
    var firstByte: [Double] = [], firstFrame: [Double] = [], frameBytes: [Double] = []
    var downBytes: [Double] = [], downOpenBytes: [Double] = [], downMs: [Double] = []
    var rssKiB = 0

    mutating func add(_ s: SessionFigures, keys: Bool) {
        firstByte.append(s.firstByteMs)
        firstFrame.append(s.firstFrameMs)
        frameBytes.append(Double(s.firstFrameBytes))
        rssKiB = max(rssKiB, s.rssKiB ?? 0)
        guard keys else { return }
        downBytes += s.keyBytes["list"] ?? []
        downOpenBytes += s.keyBytes["open"] ?? []
        downMs += s.keyMs["list"] ?? []
    }
}

/// lostphone on the built-in playbook against `dialog --checklist` and `whiptail --checklist`
/// of 20 items, on the same 80x24 xterm, runs interleaved so that the machine's load falls on
/// all alike. A peer that is not installed is skipped with a note. `against`, when given, is a
/// second lostphone (the one before a change) run the same way in the same rounds, its column
/// named "against": on a shared machine only figures of one run can be compared. The column
/// "first" is lostphone started with no incident yet (it opens one, and writes and syncs its
/// journal, before the first frame): the start of a person who has just lost their phone; the
/// column "again" is a start on the incident with the screen memory lostphone wrote when it was
/// left three rows down with the details closed: a person coming back.
func measurePeers(_ builtin: Scenario, files: ScenarioFiles, launcher: LostphoneLauncher, against: LostphoneLauncher? = nil,
                  quick: Bool, into figures: Figures) throws {
    var peers: [Peer] = []
    for peer in Peer.all {
        if FileManager.default.isExecutableFile(atPath: peer.executable) { peers.append(peer) }
        else { print("(\(peer.name) is not installed, so it is left out: apt-get install \(peer.name))") }
    }
    let starts = quick ? 7 : 21, keySessions = quick ? 2 : 5
    let lostphoneRows = builtin.playbook.panes[0].steps.count
    let lostphonePhases = [
        Phase(name: "open", keys: TypedKey.sweep(rows: lostphoneRows)),
        // Enter closes the details: then a key only moves the selection, as in a checklist.
        Phase(name: "list", prelude: "\r", keys: TypedKey.sweep(rows: lostphoneRows) + TypedKey.sweep(rows: lostphoneRows)),
    ]
    var results = [String: PeerFigures]()
    let columns = ["first", "again"] + (against == nil ? [] : ["against"]) + peers.map(\.name)
    let memory = try launcher.screenMemory(builtin, files: files)
    let names = ["lostphone"] + columns
    for run in 0..<(starts + keySessions) {
        let withKeys = run >= starts
        // A different program goes first in each run.
        for i in 0..<names.count {
            let name = names[(run + i) % names.count]
            let s: SessionFigures
            if let peer = peers.first(where: { $0.name == name }) {
                let folder = try launcher.scratch.folder("peer-run")
                defer { try? FileManager.default.removeItem(atPath: folder) }
                try FileManager.default.createDirectory(atPath: folder + "/home", withIntermediateDirectories: true)
                let phases = withKeys ? [Phase(name: "list", keys: TypedKey.sweep(rows: 20) + TypedKey.sweep(rows: 20))] : []
                s = try runSession(peer.executable, peer.arguments, environment: terminalEnvironment(folder), marker: nil,
                                   quit: peer.quit, phases: phases, scratch: launcher.scratch.path)
            } else {
                let which = name == "against" ? against ?? launcher : launcher
                let start: LostphoneLauncher.Start = name == "first" ? .first : name == "again" ? .again(memory: memory) : .returning
                // The keys' phases assume the details open at the start, which the memory closed.
                s = try which.session(builtin, files: files, phases: withKeys && name != "again" ? lostphonePhases : [], start: start)
            }
            results[name, default: PeerFigures()].add(s, keys: withKeys)
        }
    }

    // The table, lostphone first, then each peer and lostphone's ratio to it.
    let lp = results["lostphone"]!
    let measures: [(String, String, (PeerFigures) -> Double)] = [
        ("start to first byte", "ms", { median($0.firstByte) }),
        ("start to the first frame's last byte", "ms", { median($0.firstFrame) }),
        ("bytes of the first frame", "B", { median($0.frameBytes) }),
        ("bytes per ↓ (lostphone's details closed)", "B", { median($0.downBytes) }),
        ("key to end of output, ↓", "ms", { median($0.downMs) }),
        ("peak memory (max RSS)", "MiB", { Double($0.rssKiB) / 1024 }),
    ]
    var header = "measure".padding(toLength: 48, withPad: " ", startingAt: 0) + "lostphone".leftPad(10)
    for peer in columns { header += peer.leftPad(10) + "lp/\(peer)".leftPad(13) }
    print("\n\(header)")
    for (name, unit, value) in measures {
        let mine = value(lp)
        var line = "\(name) (\(unit))".padding(toLength: 48, withPad: " ", startingAt: 0) + Figures.format(mine).leftPad(10)
        figures.record("peers: \(name), lostphone", mine, unit)
        for peer in columns {
            let theirs = value(results[peer]!)
            let ratio = mine / theirs
            line += Figures.format(theirs).leftPad(10) + (ratio.isFinite ? Figures.format(ratio) + "x" : "–").leftPad(13)
            figures.record("peers: \(name), \(peer)", theirs, unit)
            figures.record("peers: \(name), lostphone/\(peer)", mine / theirs, "x")
        }
        print(line)
    }
    print("bytes per ↓ with lostphone's details open: \(Figures.format(median(lp.downOpenBytes))) B")
    figures.record("peers: bytes per ↓, details open, lostphone", median(lp.downOpenBytes), "B")
    print("(medians of \(starts + keySessions) interleaved starts each, keys over \(keySessions) of them; 80x24, TERM=xterm-256color)")
    if let against { print("(against: \(against.binary))") }

    print("\ntargets (reported, never judged by CI):")
    if let dialog = results["dialog"] {
        let ratio = median(lp.firstFrame) / median(dialog.firstFrame)
        print("  first frame within 2x of dialog's: \(Figures.format(ratio))x: \(ratio <= 2 ? "met" : "missed")")
        if let first = results["first"] {
            let ratio = median(first.firstFrame) / median(dialog.firstFrame)
            print("  first frame of a first start (no incident yet) within 2x of dialog's: \(Figures.format(ratio))x: \(ratio <= 2 ? "met" : "missed")")
        }
        if let again = results["again"] {
            let ratio = median(again.firstFrame) / median(dialog.firstFrame)
            print("  first frame of a start with its screen memory within 2x of dialog's: \(Figures.format(ratio))x: \(ratio <= 2 ? "met" : "missed")")
        }
    }
    if let whiptail = results["whiptail"] {
        let ratio = median(lp.downBytes) / median(whiptail.downBytes)
        print("  bytes per ↓, details closed, within 2x of whiptail's: \(Figures.format(ratio))x: \(ratio < 2 ? "met" : "missed")")
    }
    let mib = Double(lp.rssKiB) / 1024
    print("  peak memory at most 20 MiB with the built-in guide: \(Figures.format(mib)) MiB: \(mib <= 20 ? "met" : "missed")")
}
