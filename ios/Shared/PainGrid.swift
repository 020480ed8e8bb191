#if canImport(SwiftUI)
import SwiftUI

/// The 0–10 first-step pain scale as one tap: used on home and in the notification content extension
/// (eleven values; a notification category would show at most ten actions). Two rows (0–5, 6–10) so
/// every target stays ≥ 44 pt at the largest Dynamic Type sizes.
struct PainGrid: View {
    var selected: Int?
    var disabled = false
    var onTap: (Int) -> Void

    @Environment(\.dynamicTypeSize) private var typeSize

    private var columns: [GridItem] {
        Array(repeating: GridItem(.flexible(minimum: 44), spacing: 8), count: typeSize.isAccessibilitySize ? 4 : 6)
    }

    var body: some View {
        LazyVGrid(columns: columns, spacing: 8) {
            ForEach(0...10, id: \.self) { value in
                Button { onTap(value) } label: {
                    Text("\(value)")
                        .font(.title3.monospacedDigit().weight(.semibold))
                        .frame(maxWidth: .infinity, minHeight: 44)
                }
                .buttonStyle(.borderedProminent)
                .tint(value == selected ? Color.accentColor : Color(.secondarySystemFill))
                .foregroundStyle(value == selected ? Color.white : Color.primary)
                .disabled(disabled)
                .accessibilityLabel(Text("Pain \(value) of 10"))
                .accessibilityAddTraits(value == selected ? .isSelected : [])
            }
        }
        .accessibilityElement(children: .contain)
        .accessibilityLabel(Text("First-step pain, 0 no pain to 10 worst"))
    }
}
#endif
