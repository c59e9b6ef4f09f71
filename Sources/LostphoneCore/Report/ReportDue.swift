/// What is due, in the md, txt and html reports: the rows of `lostphone due` (the same Core list,
/// in its order), as a section the three renderers lay out alike.
extension Report {
    /// The follow-ups a reader needs: every one in the full report; none for the police (a bank's
    /// deadline is not theirs); the bank's cards and lines for the bank (the written report a
    /// debit card needs within 5 days, a line to call again); the insurance claim's own for the
    /// insurer (its window). docs/report-format.md says the same.
    var dueRows: [DueList.Row] {
        switch audience {
        case nil: return due.rows
        case .police: return []
        case .bank:
            let bankSteps = Set(steps.filter { $0.group == "bank" }.map(\.id))
            return due.rows.filter { bankSteps.contains($0.step) }
        case .insurer: return due.rows.filter { $0.step == "insurance" }
        }
    }

    /// The section: the date, how long is left or how late (or when it was done), what (with
    /// where the deadline comes from), the step and provider, the number to use. Nil in a cut
    /// with nothing for its reader.
    public var dueSection: Section? {
        let rows = dueRows
        if audience != nil && rows.isEmpty { return nil }
        let l = language, w = words, dash = "–"
        return Section(
            title: DueWords.heading[l],
            header: [DueWords.columnDue[l], DueWords.columnLeft[l], DueWords.columnWhat[l], DueWords.columnWhose[l], DueWords.columnContact[l]],
            rows: rows.map { row in
                let left = row.status == .done
                    ? DueWords.doneOn[l] + " " + (row.closedAt?.readable ?? "")
                    : (row.relative ?? DueWords.status(row.status)[l])
                let what = row.title + (row.source.map { "\n" + w.label(.source) + $0 } ?? "")
                let whose = ([row.stepTitle] + (row.providerName.map { [$0] } ?? [])).joined(separator: " · ")
                return [row.due.readable, left, what, whose, row.status == .done ? dash : (row.contact ?? dash)]
            },
            empty: DueWords.none[l])
    }
}
