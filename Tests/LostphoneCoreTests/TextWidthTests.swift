import Testing
@testable import LostphoneCore

@Suite struct TextWidthTests {
    @Test func cjkIsTwoColumnsWide() {
        #expect(TextWidth.of("中") == 2)
        #expect(TextWidth.of("中国移动") == 8)
        #expect(TextWidth.of("SIM 卡") == 6)
    }

    @Test func prefixNeverCutsAWideCharacter() {
        #expect(TextWidth.prefix("中国移动", fitting: 5) == "中国")
    }

    @Test func wrapBreaksCJKAnywhereAndLatinAtSpaces() {
        #expect(TextWidth.wrap("中国移动中国联通", to: 6) == ["中国移", "动中国", "联通"])
        #expect(TextWidth.wrap("call the bank now", to: 9) == ["call the", "bank now"])
    }
}
