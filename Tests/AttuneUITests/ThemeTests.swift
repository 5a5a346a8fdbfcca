import Testing

@testable import AttuneUI

@Suite struct ThemeTests {
    @Test func colourThemeLeavesStylesAlone() {
        let style = Style(foreground: .distress, background: .calm, underline: true)
        #expect(Theme.colour.resolve(style) == style)
    }

    @Test func monochromeDropsEveryColour() {
        for foreground in SemanticColour.allCases {
            for background in SemanticColour.allCases {
                let resolved = Theme.monochrome.resolve(
                    Style(foreground: foreground, background: background))
                #expect(resolved.foreground == .default && resolved.background == .default)
            }
        }
    }

    @Test func monochromeTurnsColoursIntoAttributes() {
        let mono = Theme.monochrome
        #expect(mono.resolve(.colour(.calm)) == .plain)
        #expect(mono.resolve(.colour(.warm)) == Style(bold: true))
        #expect(mono.resolve(.colour(.alert)) == Style(bold: true))
        #expect(mono.resolve(.colour(.accent)) == Style(bold: true))
        #expect(mono.resolve(.colour(.distress)) == Style(bold: true, reverse: true))
        #expect(mono.resolve(.colour(.muted)) == Style(dim: true))
    }

    @Test func monochromeShowsABackgroundAsReverse() {
        #expect(Theme.monochrome.resolve(Style(background: .alert)) == Style(reverse: true))
    }

    @Test func monochromeKeepsExistingAttributes() {
        #expect(
            Theme.monochrome.resolve(Style(foreground: .calm, underline: true))
                == Style(underline: true))
    }

    @Test func detectHonoursNoColor() {
        #expect(Theme.detect(noColorVariable: "1", terminalColourCount: 256) == .monochrome)
        #expect(Theme.detect(noColorVariable: "", terminalColourCount: 256) == .colour)
        #expect(Theme.detect(noColorVariable: nil, terminalColourCount: 256) == .colour)
    }

    @Test func detectNeedsAColourTerminal() {
        #expect(Theme.detect(noColorVariable: nil, terminalColourCount: 0) == .monochrome)
        #expect(Theme.detect(noColorVariable: nil, terminalColourCount: 8) == .colour)
    }

    @Test func detectHonoursTheUsersRequest() {
        #expect(
            Theme.detect(colourRequested: false, noColorVariable: nil, terminalColourCount: 256)
                == .monochrome)
    }
}
