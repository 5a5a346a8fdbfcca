import Testing

@testable import AttuneUI

@Suite struct KeyTests {
    @Test func enterEscapeBackspaceAndTab() {
        #expect(Key(characterCode: 10) == .enter)
        #expect(Key(characterCode: 13) == .enter)
        #expect(Key(characterCode: 27) == .escape)
        #expect(Key(characterCode: 127) == .backspace)
        #expect(Key(characterCode: 8) == .backspace)
        #expect(Key(characterCode: 9) == .tab)
    }

    @Test func controlLetters() {
        #expect(Key(characterCode: 12) == .control("l"))
        #expect(Key(characterCode: 1) == .control("a"))
    }

    @Test func printableCharacters() {
        #expect(Key(characterCode: 113) == .character("q"))
        #expect(Key(characterCode: 32) == .character(" "))
        #expect(Key(characterCode: 0xE9) == .character("é"))
    }

    @Test func meaninglessCodesGiveNoKey() {
        #expect(Key(characterCode: 0) == nil)
        #expect(Key(characterCode: 0x9B) == nil)
        #expect(Key(characterCode: 0xD800) == nil)
    }
}
