import AttuneModel
import Foundation
import Testing

@testable import AttuneUI

@Suite("preview") struct ZZPreview {
    @Test func gallery() {
        var out = ""
        func show(_ faces: [[String]]) {
            let h = faces.map(\.count).max() ?? 0
            for i in 0..<h { out += faces.map { i < $0.count ? $0[i] : String(repeating: " ", count: $0[0].count) }.joined(separator: "  ") + "\n" }
            out += "\n"
        }
        for size in Faces.sizes {
            out += "\(size.width)x\(size.height)\n"
            show([
                Faces.infant(gaze: .atCaregiver, behavior: .engaged, affect: .interested, size: size),
                Faces.infant(gaze: .atCaregiver, behavior: .smiling, affect: .delighted, size: size),
                Faces.infant(gaze: .atCaregiver, behavior: .engaged, affect: .dull, size: size),
                Faces.infant(gaze: .away, behavior: .selfSoothing, affect: .dull, size: size),
                Faces.infant(gaze: .away, behavior: .exploring, affect: .interested, size: size),
            ])
            show([
                Faces.infant(gaze: .away, behavior: .crying, affect: .distressed, size: size),
                Faces.infant(gaze: .atCaregiver, behavior: .pushingAway, affect: .protesting, size: size),
                Faces.infant(gaze: .atCaregiver, behavior: .fussing, affect: .fussy, size: size),
                Faces.infant(gaze: .away, behavior: .withdrawn, affect: .withdrawn, size: size),
                Faces.infant(gaze: .atCaregiver, behavior: .cooing, affect: .delighted, size: size),
            ])
            show([
                Faces.infant(gaze: .farAway, behavior: .selfSoothing, affect: .dull, size: size),
                Faces.infant(gaze: .farAway, behavior: .crying, affect: .distressed, size: size),
                Faces.infant(gaze: .farAway, behavior: .lookingAway, affect: .neutral, size: size),
                Faces.caregiver(action: .play, size: size),
                Faces.caregiver(action: .stillFace, size: size),
            ])
            show([
                Faces.caregiver(action: .wait, size: size),
                Faces.caregiver(action: .intrude, size: size),
                Faces.caregiver(action: .soothe, size: size),
                Faces.caregiver(action: .greet, size: size),
                Faces.caregiver(action: .disengage, size: size),
            ])
        }
        try? out.write(toFile: "/tmp/wtp/gallery.txt", atomically: true, encoding: .utf8)
    }
}
