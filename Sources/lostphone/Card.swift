import ArgumentParser
import Foundation
import LostphoneCore

extension Lostphone {
    /// The wallet card: one page from the profile, to print and carry before anything is lost.
    struct Card: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a wallet card from your profile: your hotlines, find-my address, IMEI and the first five steps.",
            discussion: """
            Text fits 80 columns and 40 lines; HTML prints on one A5 page (or the top half of A4 \
            at actual size, folded), with a QR code beside each hotline where libqrencode is \
            installed. Needs a profile: run lostphone prepare first.
            """)

        enum Format: String, CaseIterable, ExpressibleByArgument {
            case txt, html
        }

        @OptionGroup var common: CommonOptions

        @Option(help: ArgumentHelp("txt (80 columns, 40 lines) or html (one A5 page, with QR codes).", valueName: "format"))
        var format: Format = .txt

        @Option(name: .shortAndLong, help: ArgumentHelp("Where to write; - for standard output.", valueName: "file"),
                completion: .file())
        var output: String = "-"

        @Flag(help: "Replace the output file if it exists.")
        var force = false

        func run() throws {
            let playbook = try common.loadPlaybook()
            let language = common.language()
            let w = Words(language)
            let load = ProfileStore(environment: common.environment).load(playbook: playbook)
            if !load.problems.isEmpty {
                for problem in load.problems { printError(problem.text(in: language)) }
                printError("lostphone card: " + w[.cardProfileDamaged(load.problems[0].text(in: language))])
                throw ExitCode(1)
            }
            guard let profile = load.profile else {
                printError("lostphone card: " + w[.cardNoProfile])
                throw ExitCode(1)
            }
            for d in load.dropped {
                printError("lostphone card: " + w[.profileDropped(choice: w[.choiceTitle(d.choice)], id: Sanitize.brief(d.id, limit: 40))])
            }
            let card = WalletCard(profile: profile, playbook: playbook, language: language)
            let content: String
            switch format {
            case .txt:
                content = card.text()
            case .html:
                let page = card.html(qrCode: QREncoder.encode)
                if let missing = page.qrCodesMissing { printError("lostphone card: " + w[.cardNoQRCodes(missing.text(w.language))]) }
                content = page.html
            }
            if output == "-" {
                FileHandle.standardOutput.write(Data(content.utf8))
                return
            }
            do {
                try ReportWriter.write(content, to: output, force: force)
            } catch {
                printError("lostphone card: " + error.text(language))
                throw ExitCode(1)
            }
            printError(w[.cardWritten(path: output)])
        }
    }
}
