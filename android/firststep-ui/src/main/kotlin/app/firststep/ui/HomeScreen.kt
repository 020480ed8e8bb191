package app.firststep.ui

import androidx.compose.runtime.getValue
import app.firststep.kit.Route
import app.firststep.core.AppScreen
import app.firststep.core.JournalChange
import androidx.compose.runtime.collectAsState
import app.firststep.kit.AppGraph
import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.layout.sizeIn
import androidx.compose.foundation.shape.CircleShape
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.firststep.core.MaintenanceState
import app.firststep.core.NextStep
import app.firststep.kit.HomeUiState

class HomeActions(
    val logPain: (Int) -> Unit,
    val editPain: () -> Unit,
    val startSession: () -> Unit,
    val assess: () -> Unit,
    val seekCare: () -> Unit,
    val logRun: () -> Unit,
    /** The return-to-run self-test (RR1). */
    val takeSelfTest: () -> Unit = {},
    /** The PSFS rating form (M2), when a rating is due. */
    val ratePsfs: () -> Unit = {},
    /** An exercise's "why": its lesson (E1–E7) by id. */
    val openLesson: (String) -> Unit = {},
    /** The answer to today's hop check (rule P8): heel pain 0–10. */
    val answerHopCheck: (Int) -> Unit = {},
    /** The answer to the maintenance offer (rule P9): true = accept, false = not now. */
    val answerMaintenance: (Boolean) -> Unit = {},
)

/** Today: one-tap first-step pain, the next step, the running advice, today's exercises, streak, next reminder. */
@Composable
fun HomeScreen(state: HomeUiState, actions: HomeActions, modifier: Modifier = Modifier) {
    val s = LocalStrings.current
    val colors = LocalFirstStepColors.current
    ScreenColumn(modifier, tag = "screen-home") {
        val ready = when (state) {
            HomeUiState.Loading -> { LoadingText(); return@ScreenColumn }
            is HomeUiState.Failed -> { FailedText(state.message); return@ScreenColumn }
            is HomeUiState.Ready -> state
        }
        val home = ready.home
        Text(home.date, style = MaterialTheme.typography.labelLarge, color = MaterialTheme.colorScheme.onSurfaceVariant)
        home.caution?.let { caution ->
            SectionCard(Modifier.testTag("home-caution"), container = MaterialTheme.colorScheme.errorContainer) {
                Text(caution, style = MaterialTheme.typography.bodyLarge, color = MaterialTheme.colorScheme.onErrorContainer)
            }
        }
        home.referral?.let { referral ->
            SectionCard(Modifier.testTag("home-referral"), container = MaterialTheme.colorScheme.tertiaryContainer) {
                Text(referral.text, style = MaterialTheme.typography.bodyLarge, color = MaterialTheme.colorScheme.onTertiaryContainer)
                if (referral.options.isNotEmpty()) {
                    Text(s.referralOptions, style = MaterialTheme.typography.titleSmall)
                    for (option in referral.options) Text("• $option", style = MaterialTheme.typography.bodyMedium)
                }
                Text(s.rules(listOf(referral.rule)), style = MaterialTheme.typography.labelSmall)
            }
        }
        ready.message?.let { SectionCard(container = MaterialTheme.colorScheme.primaryContainer) { Text(it, modifier = Modifier.testTag("home-message")) } }

        // Next step (the core's wording) with its action.
        SectionCard(Modifier.testTag("home-next-step"), container = MaterialTheme.colorScheme.primaryContainer) {
            Text(home.nextStepText, style = MaterialTheme.typography.titleMedium, color = MaterialTheme.colorScheme.onPrimaryContainer)
            when (home.nextStep) {
                NextStep.ASSESS -> Button(actions.assess, Modifier.sizeIn(minHeight = TouchTarget).testTag("home-assess")) { Text(s.startAssessment) }
                NextStep.REASSESS -> Button(actions.assess, Modifier.sizeIn(minHeight = TouchTarget).testTag("home-assess")) { Text(s.reassess) }
                NextStep.DO_SESSION -> Button(actions.startSession, Modifier.sizeIn(minHeight = TouchTarget).testTag("home-start-session")) { Text(s.startSession) }
                NextStep.SEEK_CARE -> Button(actions.seekCare, Modifier.sizeIn(minHeight = TouchTarget).testTag("home-seek-care")) { Text(s.clearedConfirm) }
                NextStep.LOG_PAIN, NextStep.REST -> Unit
            }
        }

        if (home.plan != null) {
            val loggedToday = home.lastPain?.takeIf { it.date == home.date }
            SectionCard(Modifier.testTag("home-pain")) {
                if (loggedToday == null) {
                    PainScale(s.firstStepPainQuestion, null, actions.logPain, tagPrefix = "home-pain")
                } else {
                    Row(verticalAlignment = Alignment.CenterVertically) {
                        Text(s.painLogged(loggedToday.score.toInt()), style = MaterialTheme.typography.titleMedium,
                            modifier = Modifier.weight(1f).testTag("home-pain-logged"))
                        OutlinedButton(actions.editPain, Modifier.sizeIn(minHeight = TouchTarget).testTag("home-pain-edit")) { Text(s.editPain) }
                    }
                }
                TextButton(actions.editPain, Modifier.sizeIn(minHeight = TouchTarget).testTag("home-pain-details")) { Text(s.morningDetails) }
            }
        }

        // rule P7: a flare morning — today's load is cut at once; said right under the pain it follows.
        home.plan?.flare?.let { flare ->
            SectionCard(Modifier.testTag("home-flare"), container = MaterialTheme.colorScheme.errorContainer) {
                Text(flare.text, style = MaterialTheme.typography.bodyLarge, color = MaterialTheme.colorScheme.onErrorContainer)
                Text(s.rules(listOf(flare.rule)), style = MaterialTheme.typography.labelSmall)
            }
        }

        // rule P9: the maintenance offer (Accept / Not now), maintenance itself, or the full
        // program's return and why — the core's words and rule.
        home.plan?.maintenance?.let { note ->
            SectionCard(Modifier.testTag("home-maintenance")) {
                Text(note.text, style = MaterialTheme.typography.bodyMedium)
                Text(s.rules(listOf(note.rule)), style = MaterialTheme.typography.labelSmall)
                if (note.state == MaintenanceState.OFFERED) {
                    Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                        Button({ actions.answerMaintenance(true) }, Modifier.sizeIn(minHeight = TouchTarget).testTag("home-maintenance-accept")) {
                            Text(s.acceptMaintenance)
                        }
                        OutlinedButton({ actions.answerMaintenance(false) }, Modifier.sizeIn(minHeight = TouchTarget).testTag("home-maintenance-decline")) {
                            Text(s.notNow)
                        }
                    }
                }
            }
        }
        home.running?.let { running ->
            SectionCard(Modifier.testTag("home-running")) {
                Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    Box(Modifier.size(16.dp).background(colors.running(running.state), CircleShape))
                    Text("${s.runningAdvice}: ${s.runningState(running.state)}", style = MaterialTheme.typography.titleMedium,
                        modifier = Modifier.semantics { contentDescription = "${s.runningAdvice}: ${s.runningState(running.state)}" })
                }
                Text(running.reason, style = MaterialTheme.typography.bodyMedium)
                running.longRunWarning?.let { Text(it, style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.error) }
                RunningDetails(running, actions.takeSelfTest, tagPrefix = "home-running")
                OutlinedButton(actions.logRun, Modifier.sizeIn(minHeight = TouchTarget).testTag("home-log-run")) { Text(s.logRun) }
            }
        }

        if (home.psfsDue) {
            SectionCard(Modifier.testTag("home-psfs-due")) {
                Text(s.psfsDueHome, style = MaterialTheme.typography.titleSmall)
                OutlinedButton(actions.ratePsfs, Modifier.sizeIn(minHeight = TouchTarget).testTag("home-psfs-rate")) { Text(s.psfsRateNow) }
            }
        }

        home.plan?.let { plan ->
            // rule P8: hops held by the impact gate, and the hop-check question when it is due.
            plan.impactHold?.let { hold ->
                SectionCard(Modifier.testTag("home-impact-hold")) {
                    Text(hold.text, style = MaterialTheme.typography.bodyMedium)
                    Text(s.rules(listOf(hold.rule)), style = MaterialTheme.typography.labelSmall)
                }
            }
            plan.hopCheckQuestion?.let { question ->
                SectionCard(Modifier.testTag("home-hop-check")) {
                    PainScale(question, null, actions.answerHopCheck, tagPrefix = "home-hop-check")
                    Text(s.rules(listOf("P8")), style = MaterialTheme.typography.labelSmall)
                }
            }
            SectionTitle(s.todaysExercises)
            Text(s.planSummary(plan.exercises.size, plan.minutes.toInt()), style = MaterialTheme.typography.bodyLarge,
                modifier = Modifier.testTag("home-plan-summary"))
            plan.note?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
            for (exercise in plan.exercises) ExerciseCard(exercise, done = exercise.exerciseId in home.doneToday, onWhy = actions.openLesson)
            if (plan.exercises.any { it.exerciseId !in home.doneToday } && home.nextStep != NextStep.DO_SESSION) {
                OutlinedButton(actions.startSession, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("home-session")) { Text(s.startSession) }
            }
        }

        Text(s.streak(home.streakDays.toInt()), style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("home-streak"))
        ready.nextReminder?.let {
            Text(s.nextReminder(it.localDate, it.localTime, it.title), style = MaterialTheme.typography.bodyMedium,
                modifier = Modifier.padding(bottom = 8.dp).testTag("home-next-reminder"))
        }
    }
}

/** The route wrapper: collects its view model's state and owns the effects after a write. */
@Composable
fun HomeRoute(graph: AppGraph) {
    val state by graph.home.state.collectAsState()
    HomeScreen(state, HomeActions(
        logPain = { graph.home.logPain(it).invokeOnCompletion { graph.changed(JournalChange.PAIN_LOGGED, except = AppScreen.HOME) } },
        editPain = { graph.navigate(Route.Morning) },
        startSession = { graph.navigate(Route.Session) },
        assess = { graph.navigate(Route.Safety) },
        seekCare = {
            val home = (state as? HomeUiState.Ready)?.home
            graph.safety.retake()
            graph.navigator.push(Route.Urgent(home?.caution ?: home?.nextStepText.orEmpty(), emptyList()))
        },
        logRun = { graph.navigate(Route.Run) },
        answerHopCheck = { graph.home.answerHopCheck(it).invokeOnCompletion { graph.changed(JournalChange.HOP_CHECK, except = AppScreen.HOME) } },
        answerMaintenance = { graph.home.answerMaintenance(it).invokeOnCompletion { graph.changed(JournalChange.MAINTENANCE, except = AppScreen.HOME) } },
        takeSelfTest = { graph.navigate(Route.ReturnToRun) },
        ratePsfs = { graph.navigate(Route.PsfsRate) },
        openLesson = graph::openLesson,
    ))
}
