package app.firststep.ui

import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithText
import app.firststep.core.MaintenanceChoiceKind
import app.firststep.core.MaintenanceState
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Test
import org.junit.Rule

/** Rule P9 on the home screen: after eight calm weeks the core's maintenance offer, with Accept / Not now. */
class MaintenanceOfferTest {
    @get:Rule val rule = createComposeRule()
    // Assessed 8 weeks before today at pain 6; mornings settle to 0–1 within two weeks.
    private val db = tempDb().also { seedCalmEightWeeks(it) }
    private val app = TestApp(db)

    @After fun close() = app.close()

    @Test
    fun `the maintenance offer shows the core's words, and Accept switches today's plan to maintenance (P9)`() {
        rule.setContent { FirstStepApp(app.graph) }
        app.graph.start()
        rule.waitForTag("home-next-step")
        rule.tap("home-pain-1")
        rule.waitForTag("home-maintenance-accept")
        val offer = app.reopen { it.home(morning(TODAY)) }.plan!!.maintenance!!
        assertEquals(MaintenanceState.OFFERED, offer.state)
        rule.onNodeWithText(offer.text, useUnmergedTree = true).assertExists()
        rule.onNodeWithText(EnglishStrings.notNow, useUnmergedTree = true).assertExists()
        rule.tap("home-maintenance-accept")
        rule.waitUntil(5_000) { app.reopen { it.maintenanceChoices() }.isNotEmpty() }
        assertEquals(MaintenanceChoiceKind.ACCEPTED, app.reopen { it.maintenanceChoices() }.single().choice)
        val active = app.reopen { it.home(morning(TODAY)) }.plan!!.maintenance!!
        assertEquals(MaintenanceState.ACTIVE, active.state)
        rule.waitUntil(5_000) { runCatching { rule.onNodeWithText(active.text, useUnmergedTree = true).assertExists() }.isSuccess }
    }
}
