import Testing
@testable import LostphoneCore

@Suite struct StepStateTests {
    @Test func doneCanOnlyBeReopened() {
        #expect(StepState.done.allowedMoves == [.pending])
    }

    @Test func noStateMovesToItself() {
        for s in StepState.allCases { #expect(!s.canMove(to: s), "\(s) must not move to itself") }
    }
}
