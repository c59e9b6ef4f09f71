extension Profile {
    /// The events that start a new incident prepared, to append right after `opened`: the
    /// phone and its owner; the profile's providers marked as the person's in every step of
    /// their group (the brand in every locate step); an app of a choice the profile answered
    /// but did not tick, skipped as not theirs; and each prevention tip done before, done when
    /// it was. Each is marked `prepared`, so `u` never takes one back. Ids the playbook lacks
    /// are passed over (the loader has said so).
    public func openingEvents(for incident: Incident, playbook: Playbook, language: Language) -> [Event] {
        let time = incident.startedAt
        var commands: [IncidentCommand] = []
        if !device.isEmpty { commands.append(.details(lostAt: nil, device: device)) }
        for choice in playbook.profileChoices {
            let ticked = self.ticked(choice.id)
            guard !ticked.isEmpty else { continue }
            switch choice.kind {
            case .group:
                for id in choice.steps {
                    guard let step = playbook.step(id) else { continue }
                    for provider in providers(of: step, in: choice) { commands.append(.mine(id, provider.id, true)) }
                }
            case .steps:
                for option in choice.options where !ticked.contains(option.id) {
                    commands.append(.move(StepID(option.id), to: .skipped, provider: nil))
                    commands.append(.note(StepID(option.id), ProfileWord.notInProfile.text(in: language), provider: nil))
                }
            }
        }
        for step in playbook.tipSteps {
            guard let doneAt = tips[step.id] else { continue }
            // A time the journal could not hold (from a wrong clock, or years back) is left
            // out: the tip is still done.
            let happened = doneAt <= time && EventLimits.timeProblem(doneAt, opened: time, daysBefore: 5 * 366) == nil
            commands.append(.move(step.id, to: .done, provider: nil, happenedAt: happened ? doneAt : nil))
        }
        var copy = incident
        var events: [Event] = []
        for command in commands {
            guard var event = try? copy.event(for: command, at: time) else { continue }
            event.prepared = true
            guard (try? copy.apply(event)) != nil else { continue }
            events.append(event)
        }
        return events
    }
}
