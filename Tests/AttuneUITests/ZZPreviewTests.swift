import AttuneModel
import Foundation
import Testing

@testable import AttuneUI

@Suite("preview") struct ZZPreview {
    @Test func screens() throws {
        var out = ""
        for (name, w, h, t) in [("workshop-wait-or-lean-in", 160, 45, 3.0), ("workshop-wait-or-lean-in", 200, 60, 3.0), ("wait-or-chase", 200, 60, 9.0), ("workshop-wait-or-lean-in", 100, 30, 3.0), ("workshop-wait-or-lean-in", 80, 24, 3.0)] {
            var app = try presenterApp(name, width: w, height: h)
            app.wait(seconds: t)
            out += "=== \(name) \(w)x\(h)\n" + app.screenText + "\n"
        }
        for (name, w, h, t) in [("scene-a-waits", 200, 60, 9.0), ("wait-or-chase", 200, 60, 9.0), ("wait-or-chase", 160, 45, 9.0), ("wait-or-chase", 80, 24, 9.0), ("scene-b-chases", 80, 24, 16.0)] {
            var app = try liveApp(name, width: w, height: h)
            app.wait(seconds: t)
            out += "=== run \(name) \(w)x\(h)\n" + app.screenText + "\n"
        }
        var info = try liveApp("scene-a-waits", width: 80, height: 24, paused: true)
        info.type("?")
        out += "=== help\n" + info.screenText + "\n"
        info.type("i")
        out += "=== info\n" + info.screenText + "\n"
        info.press(.pageDown)
        out += "=== info2\n" + info.screenText + "\n"
        try? out.write(toFile: "/tmp/wtp/screens.txt", atomically: true, encoding: .utf8)
    }
}
