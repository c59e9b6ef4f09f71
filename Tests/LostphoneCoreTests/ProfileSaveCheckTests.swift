import Foundation
import Testing
@testable import LostphoneCore

/// A save never overwrites a profile changed since it was read (#30).
@Suite struct ProfileSaveCheckTests {
    let playbook = PlaybookLoader.builtin()

    @Test func aSaveOverAFileChangedSinceItWasReadIsRefusedAndTheFileKept() throws {
        let dir = TempDir()
        let store = ProfileStore(path: dir.file("cfg/profile.yaml"))
        try store.save(Profile(), playbook: playbook, now: t0)
        let formRead = store.load(playbook: playbook)
        // `prepare --bank icbc --imei …` while the form is open.
        var other = Profile(device: DeviceDetails(imei: "490154203237518"))
        other.set("bank", "icbc", ticked: true)
        try store.save(other, playbook: playbook, now: t0)
        let changed = try Data(contentsOf: URL(fileURLWithPath: store.path))
        var ticked = formRead.profile ?? Profile()
        ticked.set("carrier", "china-mobile", ticked: true)
        #expect { try store.save(ticked, basedOn: formRead, playbook: playbook, now: t0) } throws: {
            "\($0)".contains("was changed since it was read")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == changed)
    }

    @Test func savesBasedOnWhatTheLastSaveWroteGoOn() throws {
        let dir = TempDir()
        let store = ProfileStore(path: dir.file("cfg/profile.yaml"))
        var base = store.load(playbook: playbook)
        var p = Profile()
        for bank in ["icbc", "cmb", "ccb"] {
            p.set("bank", bank, ticked: true)
            base = try store.save(p, basedOn: base, playbook: playbook, now: t0)
        }
        #expect(store.load(playbook: playbook).profile?.ticked("bank") == ["icbc", "cmb", "ccb"])
    }

    @Test func aFileThatAppearedSinceTheFormOpenedIsNotOverwritten() throws {
        let dir = TempDir()
        let store = ProfileStore(path: dir.file("cfg/profile.yaml"))
        let none = store.load(playbook: playbook)
        var other = Profile()
        other.set("bank", "icbc", ticked: true)
        try store.save(other, playbook: playbook, now: t0)
        #expect(throws: ProfileSaveError.self) { try store.save(Profile(), basedOn: none, playbook: playbook, now: t0) }
        #expect(store.load(playbook: playbook).profile?.ticked("bank") == ["icbc"])
    }
}
