import AttuneModel
import Testing

@testable import AttuneUI

@Suite("Faces at every size")
struct FaceSizeTests {
    /// Every infant face and every caregiver face at `size`.
    static func allFaces(_ size: FaceSize) -> [[String]] {
        var faces: [[String]] = []
        for gaze in Gaze.allCases {
            for behavior in Behavior.allCases {
                for affect in Affect.allCases {
                    faces.append(Faces.infant(gaze: gaze, behavior: behavior, affect: affect, size: size))
                }
            }
        }
        for action in CaregiverAction.allCases { faces.append(Faces.caregiver(action: action, size: size)) }
        return faces
    }

    @Test(arguments: Faces.sizes)
    func everyFaceFillsItsSizeInASCII(size: FaceSize) {
        for face in Self.allFaces(size) {
            #expect(face.count == size.height)
            #expect(face.allSatisfy { $0.count == size.width && isASCII($0) }, "\(face.joined(separator: "\n"))")
        }
    }

    @Test(arguments: Faces.sizes.dropFirst())
    func theProfileTurnedFarAwayKeepsItsOutline(size: FaceSize) {
        for behavior in [Behavior.selfSoothing, .crying, .lookingAway, .withdrawn] {
            let face = Faces.infant(gaze: .farAway, behavior: behavior, affect: .dull, size: size)
            // Under the hair and the top of the head, every row has a left
            // and a right stroke: the head is closed.
            for row in face.dropFirst(2) {
                let strokes = row.filter { $0 != " " }
                #expect(strokes.count >= 2, "\(size.width) x \(size.height), \(behavior):\n\(face.joined(separator: "\n"))")
                #expect("|/\\)'._".contains(row.last { $0 != " " } ?? " "), "the back of the head:\n\(face.joined(separator: "\n"))")
            }
            #expect(face.contains { $0.contains("<") }, "the nose stands out")
        }
    }

    @Test(arguments: Faces.sizes.dropFirst())
    func dullEyesLookingAtHerAreAPair(size: FaceSize) {
        // The two eyes are drawn alike, and the mouth sits between them.
        let face = Faces.infant(gaze: .atCaregiver, behavior: .engaged, affect: .dull, size: size)
        let eye = EyeShape.flat.art(size.detail, looking: 1)
        let row = FaceDrawing.eyeRow(height: size.height) - eye.count / 2 + eye.count - 1
        let drawn = eye[eye.count - 1]
        let line = face[row]
        #expect(line.components(separatedBy: drawn).count == 3, "two eyes alike:\n\(face.joined(separator: "\n"))")
        let first = line.distance(from: line.startIndex, to: line.range(of: drawn)!.lowerBound)
        let second = line.distance(from: line.startIndex, to: line.range(of: drawn, options: .backwards)!.lowerBound)
        let eyesMiddle = Double(first + second + drawn.count) / 2
        let mouth = MouthShape.flat.art(size.detail)
        let mouthLine = face[FaceDrawing.mouthRow(height: size.height) - mouth.count / 2 + (mouth.count > 1 ? 1 : 0)]
        let stroke = mouthLine.firstIndex(of: "_").map { mouthLine.distance(from: mouthLine.startIndex, to: $0) }
        let last = mouthLine.lastIndex(of: "_").map { mouthLine.distance(from: mouthLine.startIndex, to: $0) }
        if let stroke, let last {
            #expect(abs(Double(stroke + last + 1) / 2 - eyesMiddle) <= 1, "the mouth under the eyes:\n\(face.joined(separator: "\n"))")
        }
    }

    @Test func theLadderPicksTheLargestSizeThatFits() {
        #expect(Faces.largest(width: 6, height: 40) == .small)
        #expect(Faces.largest(width: 15, height: 9) == FaceSize(width: 15, height: 9))
        #expect(Faces.largest(width: 200, height: 200) == FaceSize(width: 47, height: 29))
        #expect(Faces.sizes == Faces.sizes.sorted())
    }

    @Test func thePresentersFacesGrowWithTheWindow() {
        var sizes: [FaceSize] = []
        for (width, height) in [(80, 24), (100, 30), (160, 45), (200, 60)] {
            let body = Rect(column: 0, row: 0, width: width - 2, height: height - 3 - PresenterView.captionRows(height: height))
            sizes.append(PresenterView.PanelLayout(body: body).faces)
        }
        #expect(
            sizes == [
                FaceSize(width: 15, height: 9), FaceSize(width: 21, height: 13), FaceSize(width: 33, height: 20),
                FaceSize(width: 47, height: 29),
            ])
        // Two pairs side by side at 200 x 60: each panel is half as wide.
        let half = PresenterView.PanelLayout(body: Rect(column: 0, row: 0, width: 98, height: 60 - 3 - 7))
        #expect(half.faces == FaceSize(width: 37, height: 23))
    }

    @Test(arguments: [(80, 24, false), (100, 30, false), (120, 40, true), (160, 45, true), (200, 60, true)])
    func theRunScreenDrawsLargerFacesInALargeWindow(size: (Int, Int, Bool)) throws {
        var app = try liveApp("scene-a-waits", width: size.0, height: size.1)
        app.wait(seconds: 1)
        let lines = app.screenLines
        let action = try #require(app.session).timeline.now.simulation.dyads[0].caregiver.action
        // The largest size whose caregiver face is on screen, row under row.
        let shown = Faces.sizes.reversed().first { faceSize in
            let face = Faces.caregiver(action: action, size: faceSize)
            return lines.indices.contains { top in
                top + face.count <= lines.count && face.indices.allSatisfy { lines[top + $0].contains(face[$0]) }
            }
        }
        #expect((shown.map { $0 > .small }) == size.2, "\(size.0) x \(size.1): \(String(describing: shown))")
    }
}
