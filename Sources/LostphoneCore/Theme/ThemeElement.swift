/// Every element of the screen a theme styles. The raw value is the name used in theme files.
public enum ThemeElement: String, CaseIterable, Sendable, Hashable, Codable {
    /// Everything not otherwise styled.
    case text
    /// Secondary text: hints, sources, times.
    case muted
    /// The header bar across the top.
    case header
    /// The program's title inside the header.
    case headerTitle = "header-title"
    /// A pane tab or border that does not have the focus.
    case paneBorder = "pane-border"
    /// The tab and border of the focused pane.
    case paneBorderFocused = "pane-border-focused"
    /// The selected row of a list.
    case selection
    case stepPending = "step-pending"
    case stepInProgress = "step-in-progress"
    case stepDone = "step-done"
    case stepBlocked = "step-blocked"
    case stepSkipped = "step-skipped"
    /// The priority number of a step.
    case priority
    /// Headings inside the detail view.
    case heading
    /// A phone number.
    case contactPhone = "contact-phone"
    /// A web address.
    case contactWeb = "contact-web"
    /// A menu path in an app or settings.
    case contactPath = "contact-path"
    /// The mark beside a contact no official source confirms.
    case unconfirmed
    /// A caution (erase ends locating).
    case warning
    /// The status line at the bottom.
    case status
    /// A key name in the status line and help.
    case key
    /// A message that something failed.
    case error
    /// A message that something was recorded.
    case success
    /// The help overlay and dialogs.
    case overlay
    /// The border of the help overlay and dialogs.
    case overlayBorder = "overlay-border"
    /// A text input field.
    case input
    /// A search match.
    case match
}
