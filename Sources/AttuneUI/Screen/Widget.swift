/// Something that draws itself into a rectangle of a ``Frame``.
///
/// Widgets are small immutable values holding what to show; rendering is a
/// pure function of the widget, the area and the frame. A widget touches
/// only cells inside `area` (already clipped to the frame when called
/// through ``Frame/render(_:in:)``).
public protocol Widget {
    /// Draws into `frame`, inside `area` only.
    func render(in area: Rect, on frame: inout Frame)
}
