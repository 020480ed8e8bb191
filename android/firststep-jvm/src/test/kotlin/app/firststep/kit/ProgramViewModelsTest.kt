package app.firststep.kit

import app.firststep.core.ReturnToRunState
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.test.StandardTestDispatcher
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The PSFS (M2) and return-to-run (RR1) view models over the real core. */
@OptIn(ExperimentalCoroutinesApi::class)
class ProgramViewModelsTest {
    private val today = "2026-06-01"

    @Test
    fun `PSFS names are checked by the core, then rated and summarised`() = runTest {
        val repo = FirstStepRepository(openTempCore(), FixedClock(today), StandardTestDispatcher(testScheduler))
        repo.submitAssessmentJson(answersJson(today))
        val vm = PsfsViewModel(repo, backgroundScope)
        vm.open().join()
        assertTrue((vm.state.value as PsfsUiState.Ready).psfs.activities.isEmpty())
        assertEquals(PsfsUiState.MAX_SLOTS, (vm.state.value as PsfsUiState.Ready).names.size)

        vm.setName(0, "Run 10 km"); vm.setName(1, "  ")
        vm.saveActivities().join()
        assertNotNull((vm.state.value as PsfsUiState.Ready).error, "one name is refused")
        assertFalse((vm.state.value as PsfsUiState.Ready).saved)

        vm.setName(1, "Walk the dog"); vm.setName(2, "Stairs")
        vm.saveActivities().join()
        assertNull((vm.state.value as PsfsUiState.Ready).error)
        val activities = (vm.state.value as PsfsUiState.Ready).psfs.activities
        assertEquals(listOf("Run 10 km", "Walk the dog", "Stairs"), activities.map { it.name })
        assertTrue((vm.state.value as PsfsUiState.Ready).psfs.due)

        assertFalse((vm.state.value as PsfsUiState.Ready).canRate)
        activities.forEachIndexed { i, a -> vm.setScore(a.id, 2 + i) }
        assertTrue((vm.state.value as PsfsUiState.Ready).canRate)
        vm.rate().join()
        assertTrue((vm.state.value as PsfsUiState.Ready).saved)
        assertEquals(listOf(2.0, 3.0, 4.0), (vm.state.value as PsfsUiState.Ready).psfs.activities.map { it.first?.score })
        assertFalse((vm.state.value as PsfsUiState.Ready).psfs.due)
        repo.close()
    }

    @Test
    fun `the return-to-run self-test goes to the core and comes back graded`() = runTest {
        val repo = FirstStepRepository(openTempCore(), FixedClock(today), StandardTestDispatcher(testScheduler))
        repo.submitAssessmentJson(answersJson(today))
        val vm = ReturnToRunViewModel(repo, backgroundScope)
        vm.open()
        assertFalse(vm.state.value.canSubmit)
        vm.setWalkPain(1); vm.setHopPain(1); vm.setHeelRaisesAffected("3x0")
        assertEquals("30", vm.state.value.heelRaisesAffected, "digits only")
        vm.setHeelRaisesAffected("150")
        vm.submit().join()
        assertTrue(vm.state.value.error!!.concerns("heel_raises_affected"))
        assertTrue(repo.returnToRunChecks().isEmpty())

        vm.setHeelRaisesAffected("25")
        vm.submit().join()
        val check = vm.state.value.result!!
        // No morning logged, not seven: the mornings criterion fails; the hops pass.
        assertFalse(check.passed)
        assertFalse(check.criteria.single { it.id == "mornings" }.passed)
        assertTrue(check.criteria.single { it.id == "hops" }.passed)
        assertEquals(listOf(check), repo.returnToRunChecks())
        assertEquals(ReturnToRunState.NOT_YET, repo.progress().running.returnToRun?.state)
        repo.close()
    }
}
