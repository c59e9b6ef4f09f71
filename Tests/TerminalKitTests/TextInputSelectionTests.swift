import Testing
@testable import TerminalKit

/// A pre-filled field starts selected: what is typed replaces it, an editing key edits it.
@Suite struct TextInputSelectionTests {
    @Test func aCharacterTypedReplacesASelectedValue() {
        var field = TextInput("2026-12-04 23:59", limit: 40, selected: true)
        #expect(field.selected)
        field.handle(.char("9"))
        field.handle(.char(":"))
        #expect(field.text == "9:", "replaced, not appended to")
        #expect(!field.selected)
    }

    @Test func arrowsAndBackspaceKeepTheValueAndEditIt() {
        var field = TextInput("14:35", selected: true)
        field.handle(.backspace)
        #expect(field.text == "14:3")
        var other = TextInput("14:35", selected: true)
        other.handle(.home)
        other.handle(.char("1"))
        #expect(other.text == "114:35", "after an arrow, typing inserts")
    }

    @Test func aKeyTheFieldDoesNotTakeLeavesItSelected() {
        var field = TextInput("王芳", selected: true)
        let taken = field.handle(.tab)
        #expect(!taken)
        #expect(field.selected, "Tab moves on in the form; coming back, typing still replaces")
    }

    @Test func aPasteReplacesASelectedValueAndAnEmptyFieldIsNeverSelected() {
        var field = TextInput("old", selected: true)
        field.insert(pasted: "new")
        #expect(field.text == "new")
        #expect(!TextInput("", selected: true).selected)
    }
}
