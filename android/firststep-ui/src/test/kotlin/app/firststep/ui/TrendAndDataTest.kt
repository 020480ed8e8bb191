package app.firststep.ui

import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onNodeWithText
import app.firststep.core.FirstStepException
import app.firststep.core.Units
import app.firststep.kit.FieldError
import app.firststep.kit.SettingsViewModel
import app.firststep.kit.SettingsUiState
import app.firststep.kit.Transfer
import app.firststep.kit.TrendUiState
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import java.io.File

/** Trend, progress, settings and the backup round trip on a seeded 8-week journal. */
class TrendAndDataTest {
    @get:Rule val rule = createComposeRule()
    private val missing = setOf(10, 11, 30)
    private val db = tempDb().also { seedJournal(it, weeks = 8, missing = missing) }
    private val app = TestApp(db)

    @After fun close() = app.close()

    private fun open(tab: String) {
        rule.setContent { FirstStepApp(app.graph) }
        app.graph.start()
        rule.waitForTag("home-next-step")
        rule.tap("tab-$tab")
    }

    @Test
    fun `a runner who reads miles sees each week's running in miles`() {
        app.reopen { it.saveSettings(it.settings().copy(units = Units.IMPERIAL)) }
        open("trend")
        rule.waitUntil(10_000) { app.graph.trend.state.value is TrendUiState.Ready }
        val shown = app.graph.trend.state.value.weeks
        val data = app.reopen { it.trendChart(TODAY, shown.toUInt()) }
        assertTrue("the seeded weeks have runs", data.trend.weekly.any { it.runKm > 0 })
        rule.onNodeWithText("Run per week (mi)", useUnmergedTree = true).assertExists()
        for ((w, week) in data.trend.weekly.withIndex()) {
            val miles = "%.1f".format(java.util.Locale.ROOT, week.runKm / 1.609344)
            assertEquals("$miles mi", rule.onNodeWithTag("trend-distance-value-${w * 7}", useUnmergedTree = true).text())
        }
    }

    @Test
    fun `the trend's text summary carries the core's baseline and current values, and missing days draw no point`() {
        open("trend")
        rule.tap("weeks-8 weeks")
        rule.waitUntil(10_000) { app.graph.trend.state.value.let { it is TrendUiState.Ready && it.weeks == 8 && it.chart.dates.size == 56 } }
        val data = app.reopen { it.trendChart(TODAY, 8u) }
        val trend = data.trend
        val chart = rule.onNodeWithTag("trend-chart").fetchSemanticsNode().config
        val description = chart[SemanticsProperties.ContentDescription].single()
        // The core's text alternative: what changed, over how many days, where it is now.
        assertEquals(data.textAlternative, description)
        assertTrue(description, description.contains("over 56 days"))
        assertTrue(description, description.contains("baseline of ${trend.baseline!!.oneDecimal()}"))
        assertTrue(description, description.contains("${trend.current!!.oneDecimal()} now"))
        assertEquals(description, rule.onNodeWithTag("trend-summary").text())
        // Points exactly on the days the core has a score for; the seeded gaps stay gaps.
        val drawn = chart[DrawnPainDays]
        assertEquals(trend.days.withIndex().filter { it.value.pain != null }.map { it.index }, drawn)
        val start = java.time.LocalDate.parse(trend.startDate)
        val seedStart = java.time.LocalDate.parse(TODAY).minusDays(8 * 7L - 1)
        for (offset in missing) {
            val x = java.time.temporal.ChronoUnit.DAYS.between(start, seedStart.plusDays(offset.toLong())).toInt()
            assertFalse("day $x has no score but a point", x in drawn)
        }
        rule.onNodeWithText(trend.expectation.text, useUnmergedTree = true).assertExists()
    }

    @Test
    fun `progress lists the core's decisions with reasons and rule ids and the running state`() {
        open("progress")
        rule.waitForTag("progress-running")
        val report = app.reopen { it.progress(morning(TODAY), null) }
        rule.onNodeWithText(report.running.reason, useUnmergedTree = true).assertExists()
        assertTrue("the seeded journal has decisions", report.decisions.isNotEmpty())
        val d = report.decisions.last()
        rule.onNodeWithTag("decision-${d.date}-${d.exerciseId}").assertExists()
        rule.onNodeWithText(d.reason, useUnmergedTree = true).assertExists()
    }

    @Test
    fun `a bad backup shows the core's error and changes nothing`() {
        open("settings")
        rule.waitForTag("export-backup")
        val before = app.reopen { core -> Triple(core.painEntries("2020-01-01", TODAY), core.sessions("2020-01-01", TODAY), core.settings().toString()) }
        app.files.toOpen = """{"format_version": 1, "app": "firststep", "pain": [{"date": "2026-01-01", "score": 14}]}"""
        rule.tap("import-backup")
        rule.waitUntil(10_000) { (app.graph.settings.state.value as? SettingsUiState.Ready)?.transferError != null }
        val expected = try {
            app.reopen { it.importJson(morning(TODAY), app.files.toOpen!!) }
            null
        } catch (e: FirstStepException) { FieldError.of(e).message }
        assertEquals(expected, (app.graph.settings.state.value as SettingsUiState.Ready).transferError!!.message)
        rule.onNodeWithText(expected!!, useUnmergedTree = true).assertExists()
        val after = app.reopen { core -> Triple(core.painEntries("2020-01-01", TODAY), core.sessions("2020-01-01", TODAY), core.settings().toString()) }
        assertEquals(before, after)
    }

    @Test
    fun `an exported backup imports back with nothing new`() {
        open("settings")
        rule.tap("export-backup")
        rule.waitForTag("transfer-result")
        val file = File(app.files.dir, SettingsViewModel.BACKUP_NAME)
        assertTrue(file.length() > 100)
        app.files.toOpen = file.readText()
        rule.tap("import-backup")
        rule.waitUntil(10_000) { (app.graph.settings.state.value as? SettingsUiState.Ready)?.transfer is Transfer.Imported }
        val report = ((app.graph.settings.state.value as SettingsUiState.Ready).transfer as Transfer.Imported).report
        assertEquals(0u, report.painAdded + report.sessionsAdded + report.runsAdded)
        assertNotEquals(0u, report.painUnchanged)
        rule.onNodeWithTag("transfer-result").assertExists()
    }

    @Test
    fun `settings save through the core, and a bad time shows the core's error next to it`() {
        open("settings")
        rule.waitForTag("settings-morning")
        rule.type("settings-morning", "25:00")
        rule.tap("settings-save")
        rule.waitUntil(5_000) { (app.graph.settings.state.value as? SettingsUiState.Ready)?.error != null }
        val error = (app.graph.settings.state.value as SettingsUiState.Ready).error!!
        rule.onNodeWithText(error.message, useUnmergedTree = true).assertExists()
        assertEquals("07:00", app.reopen { it.settings() }.morningReminder)
        rule.type("settings-morning", "06:30")
        rule.tap("units-Miles")
        rule.tap("settings-save")
        rule.waitForTag("settings-saved")
        val saved = app.reopen { it.settings() }
        assertEquals("06:30", saved.morningReminder)
        assertEquals(Units.IMPERIAL, saved.units)
    }
}
