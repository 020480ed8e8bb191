package app.firststep.ui

import app.firststep.kit.Route
import androidx.compose.ui.semantics.SemanticsActions
import androidx.compose.ui.semantics.SemanticsNode
import androidx.compose.ui.semantics.getOrNull
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onRoot
import androidx.compose.ui.test.SemanticsMatcher
import androidx.compose.ui.text.TextLayoutResult
import kotlinx.coroutines.runBlocking
import org.junit.After
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test

/** At font scale 2.0 on a phone-size window, no text is cut off and nothing leaves the window. */
class FontScaleTest {
    @get:Rule val rule = createComposeRule()
    private val app = TestApp(tempDb().also { seedJournal(it, weeks = 2) })

    @After fun close() = app.close()

    private fun checkLayout(screen: String) {
        rule.waitForIdle()
        val root = rule.onRoot().fetchSemanticsNode().boundsInRoot
        val nodes = rule.onAllNodes(SemanticsMatcher("any") { true }, useUnmergedTree = true).fetchSemanticsNodes()
        val problems = mutableListOf<String>()
        var texts = 0
        for (node in nodes) {
            val b = node.boundsInRoot
            if (b.width > 0 && (b.left < root.left - 0.5f || b.right > root.right + 0.5f)) problems += "${describe(node)} outside the window horizontally: $b"
            val layouts = mutableListOf<TextLayoutResult>()
            node.config.getOrNull(SemanticsActions.GetTextLayoutResult)?.action?.invoke(layouts)
            for (layout in layouts) {
                texts++
                // Clipped = lines cut off or ellipsised, a line wider than the text's box, or the
                // lines taller than the box. (Skiko's hasVisualOverflow compares the paragraph's
                // constraint width with the box, so it flags every short text; lines are measured here.)
                val p = layout.multiParagraph
                val lines = 0 until layout.lineCount
                val clipped = p.didExceedMaxLines || lines.any { layout.isLineEllipsized(it) } ||
                    lines.any { layout.getLineRight(it) - layout.getLineLeft(it) > layout.size.width + 0.5f } ||
                    layout.getLineBottom(layout.lineCount - 1) > layout.size.height + 0.5f
                if (clipped) problems += "'${describe(node)}' is clipped (${layout.size}, lines ${lines.map { layout.getLineRight(it) - layout.getLineLeft(it) }})"
            }
        }
        assertTrue("$screen: no text laid out", texts > 5)
        assertTrue("$screen at font scale 2:\n" + problems.joinToString("\n"), problems.isEmpty())
    }

    private fun describe(node: SemanticsNode) =
        node.config.getOrNull(androidx.compose.ui.semantics.SemanticsProperties.Text)?.joinToString { it.text }
            ?: node.config.getOrNull(androidx.compose.ui.semantics.SemanticsProperties.TestTag) ?: "node ${node.id}"

    @Test
    fun `home at font scale 2 has no clipped text and stays inside the window`() {
        rule.setContent { PhoneFrame(fontScale = 2f) { FirstStepApp(app.graph) } }
        app.graph.start()
        rule.waitForTag("home-pain-10")
        checkLayout("home")
    }

    @Test
    fun `the session at font scale 2 has no clipped text and stays inside the window`() {
        rule.setContent { PhoneFrame(fontScale = 2f) { FirstStepApp(app.graph) } }
        app.graph.start()
        rule.waitForTag("home-next-step")
        app.graph.navigate(Route.Session)
        rule.waitForTag("session-countdown")
        app.monotonic.ms += 7_500
        runBlocking { app.graph.session.refresh().join() }
        checkLayout("session")
    }
}
