import LostphoneCore

/// The screen the guide is drawn on: its size, its colours and its language.
public struct Display: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public var theme: Theme
    /// The name `theme` was loaded by, so `t` knows which comes next.
    public var themeName: String
    public var language: Language

    public init(width: Int, height: Int, theme: Theme, themeName: String, language: Language) {
        self.width = width
        self.height = height
        self.theme = theme
        self.themeName = themeName
        self.language = language
    }
}
