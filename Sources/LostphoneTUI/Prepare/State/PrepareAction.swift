import LostphoneCore
import TerminalKit

/// What the form is asked to do: by a key (through `PrepareKeys`), the mouse, the terminal, or
/// the runtime reporting an effect's result.
public enum PrepareAction: Hashable, Sendable {
    /// A key as it arrives: the field being edited and the help take it first, else the key table.
    case key(Key)
    case move(Int), page(Int), first, last
    case nextSection, previousSection
    /// Space: tick or untick a checkbox (on a field, edit it).
    case toggle
    /// Enter: tick or untick a checkbox, or edit a field.
    case activate
    /// Save the profile as it is, which marks it reviewed.
    case saveNow
    case toggleHelp
    /// `L`: the other language, remembered as the guide's `L` remembers it.
    case toggleLanguage
    case redraw
    case quit
    case resize(width: Int, height: Int)
    case click(x: Int, y: Int)
    case wheel(Int)
    case paste(String)
    /// The clock: the date a tip is ticked on, and whether the profile is due for review.
    case tick(Timestamp)
    /// The profile is on disk, as saved (with its `updated` time).
    case saved(Profile)
    /// The profile could not be saved; why, in words for the person.
    case saveFailed(String)
}

/// What `PrepareUpdate` asks the runtime to do; each result comes back as an action.
public enum PrepareEffect: Hashable, Sendable {
    /// Save the profile atomically; answered by `.saved` or `.saveFailed`.
    case save(Profile)
    /// Repaint the whole screen.
    case redraw
    /// Remember the language for next time (the guide's too).
    case saveLanguage(Language)
}
