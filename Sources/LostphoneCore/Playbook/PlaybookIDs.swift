/// The ids a person types on the command line (`record STEP --provider ID`), listed for
/// `lostphone guide --ids` and for shell completions.
extension Playbook {
    /// Every step id, in the guide's order.
    public var stepIDs: [StepID] { allSteps.map(\.id) }

    /// The provider ids of `step`, or of every step (each once, in the order first listed).
    public func providerIDs(of step: StepID? = nil) -> [ProviderID] {
        let steps = step.map { id in allSteps.filter { $0.id == id } } ?? allSteps
        var seen = Set<ProviderID>()
        return steps.flatMap(\.providers).map(\.id).filter { seen.insert($0).inserted }
    }
}
