import AttuneUI
internal import CNcurses

/// Turns what `wget_wch` returned into a ``Key``.
enum KeyTranslation {
    /// The key for a function-key code (`KEY_*`, reported with
    /// `KEY_CODE_YES`), or nil for keys the app does not use.
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case attune_key_resize(): return .resize
        case attune_key_up(): return .up
        case attune_key_down(): return .down
        case attune_key_left(): return .left
        case attune_key_right(): return .right
        case attune_key_page_up(): return .pageUp
        case attune_key_page_down(): return .pageDown
        case attune_key_home(): return .home
        case attune_key_end(): return .end
        case attune_key_enter(): return .enter
        case attune_key_backspace(): return .backspace
        default: return nil
        }
    }

    /// The key for a character code (a Unicode scalar value).
    static func character(_ code: UInt32) -> Key? {
        Key(characterCode: code)
    }
}
