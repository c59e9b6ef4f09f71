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

@Suite struct WrapTests {
    @Test func cjkAfterANumberStaysOnTheSameLine() {
        #expect(TextWidth.wrap("1. 立即致电银行", to: 9) == ["1. 立即致", "电银行"])
    }

    @Test func closingPunctuationNeverStartsALine() {
        #expect(TextWidth.wrap("甲乙丙，丁", to: 6) == ["甲乙", "丙，丁"])
    }

    @Test func aColumnNarrowerThanACharacterStillMakesProgress() {
        #expect(TextWidth.wrap("中国", to: 1) == ["中", "国"])
    }

    @Test func aWordLongerThanTheLineIsCut() {
        #expect(TextWidth.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
    }
}
