import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard output and standard error as Attune uses them: a message on
/// standard error never crashes the program, whatever standard error is
/// (full, closed, a terminal that went away), and text that could not be
/// written to standard output is reported, with exit status 1, instead of
/// being lost in silence.
enum StandardStreams {
    /// Readies the three standard descriptors; call once at start.
    ///
    /// A descriptor the program was started without (`attune list >&-`) is
    /// filled with one that refuses writes, so that no file Attune opens
    /// later can take its number and receive text meant for the screen.
    /// Writing to it then fails and is reported like any other failure.
    /// Also checks, when the program exits by any way, that everything
    /// printed reached standard output.
    static func prepare() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            // The root folder, opened for reading only: every write to it
            // fails (EBADF), and nothing is ever written anywhere.
            let placeholder = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if placeholder >= 0 && placeholder != fd {
                _ = dup2(placeholder, fd)
                _ = close(placeholder)
            }
        }
        atexit(checkStandardOutputAtExit)
    }

    /// Writes `text` to standard error as it is; a failed write is ignored.
    static func writeError(raw text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }

    /// `text` with control characters (other than line feed and tab) made
    /// visible as `\u{1B}`, so that no message can move the cursor, clear
    /// the screen or retitle the window.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v == 0x0A || v == 0x09 { return false }
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// The reason a write to a standard stream failed, in plain words.
    static func explain(_ code: Int32) -> String {
        switch code {
        case EBADF: "it is closed"
        case ENOSPC: "No space left on device"
        case EPIPE: "the program reading it has stopped"
        case EIO: "the terminal has gone away"
        default: String(cString: strerror(code))
        }
    }
}

/// Runs as the program exits: flushes what `print` buffered and, when
/// standard output did not take it all, says so on standard error and ends
/// with exit status 1.
private func checkStandardOutputAtExit() {
    // fflush(NULL) flushes every output stream (only standard output is
    // written through the C library here) and fails when any write failed.
    guard fflush(nil) != 0 else { return }
    let code = errno
    StandardStreams.writeError(raw: "attune: could not write to standard output: \(StandardStreams.explain(code)).\n")
    _exit(1)
}
