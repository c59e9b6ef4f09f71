import Testing
@testable import TerminalKit

@Suite struct TextInputPasteTests {
    @Test func pastedLineBreaksAndTabsBecomeOneSpaceAndControlsAreDropped() {
        var field = TextInput("ref ")
        field.insert(pasted: "95588\r\n\r\nx2\t\u{7}ok\u{1B}")
        #expect(field.text == "ref 95588 x2 ok")
        #expect(field.cursor == field.characters.count)
    }

    @Test func aPasteIsCutAtTheFieldsLimit() {
        var field = TextInput(limit: 5)
        field.insert(pasted: "0123456789")
        #expect(field.text == "01234")
    }

    @Test func codePointsTypedOneByOneJoinIntoOneGrapheme() {
        var field = TextInput()
        for s in "a👨‍👩‍👧❤️".unicodeScalars { field.handle(.char(Character(s))) }
        #expect(field.characters == ["a", "👨‍👩‍👧", "❤️"])
        field.handle(.backspace)
        #expect(field.text == "a👨‍👩‍👧")
    }
}
