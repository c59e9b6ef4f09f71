/// How many steps of a pane are settled (done or skipped), kept up to date as events arrive so
/// drawing a frame never walks every step.
public struct PaneProgress: Hashable, Sendable {
    public var settled: Int
    public var total: Int
}
