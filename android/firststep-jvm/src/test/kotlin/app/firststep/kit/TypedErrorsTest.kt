package app.firststep.kit

import app.firststep.core.FirstStep
import app.firststep.core.FirstStepException
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.nio.file.Files

/** Bad input and bad files come back as typed exceptions naming the problem; nothing crashes. */
class TypedErrorsTest {
    @Test
    fun `pain 11 is refused with the field and the allowed range`() {
        openTempCore().use { core ->
            val error = assertThrows<FirstStepException.InvalidInput> { core.logPain(morning("2026-06-01"), null, 11, null, null) }
            assertEquals("score", error.field)
            assertEquals("0..=10", error.allowed)
            assertEquals("Enter 0–10 for first-step pain (you entered 11)", error.reason)
            assertTrue(core.painEntries("2026-05-01", "2026-06-01").isEmpty(), "nothing was written")
        }
    }

    @Test
    fun `a garbage file is not a database, is named, and is left untouched`() {
        val file = Files.createTempFile("not-a-journal", ".db")
        val garbage = ByteArray(8192) { (it * 31 + 7).toByte() }
        Files.write(file, garbage)
        val error = assertThrows<FirstStepException.Database> { FirstStep.open(file.toString()) }
        assertTrue(error.path.contains(file.fileName.toString()), "path ${error.path} names the file")
        assertArrayEquals(garbage, Files.readAllBytes(file), "the file is unchanged")
    }

    @Test
    fun `a journal from a newer FirstStep says update the app and is left untouched`() {
        val file = tempDatabase()
        FirstStep.open(file.toString()).use { it.logPain(morning("2026-06-01"), null, 4, null, null) }
        // SQLite keeps the schema version (user_version) big-endian at byte 60 of the header.
        val bytes = Files.readAllBytes(file)
        bytes[60] = 0; bytes[61] = 0; bytes[62] = 0; bytes[63] = 99
        Files.write(file, bytes)
        val error = assertThrows<FirstStepException.DatabaseTooNew> { FirstStep.open(file.toString()) }
        assertEquals(99L, error.found)
        assertTrue(error.supported < 99L, "supported ${error.supported}")
        assertEquals(JournalWayOut.UPDATE_APP, error.journalWayOut)
        assertArrayEquals(bytes, Files.readAllBytes(file), "the file is unchanged")
    }

    @Test
    fun `a read-only journal still reads, and a write says so with its way out`() {
        val file = tempDatabase()
        FirstStep.open(file.toString()).use { it.logPain(morning("2026-06-01"), null, 4, null, null) }
        file.toFile().setWritable(false, false)
        try {
            FirstStep.open(file.toString()).use { core ->
                assertEquals(4, core.painEntries("2026-06-01", "2026-06-01").single().score.toInt())
                val error = assertThrows<FirstStepException.DatabaseReadOnly> { core.logPain(morning("2026-06-02"), null, 3, null, null) }
                assertTrue(error.path.contains(file.fileName.toString()), error.path)
                assertEquals(JournalWayOut.KEEP_READING, error.journalWayOut)
            }
        } finally {
            file.toFile().setWritable(true, false)
        }
    }

    @Test
    fun `an out-of-range value keeps its field, allowed range and value`() {
        openTempCore().use { core ->
            val error = assertThrows<FirstStepException.InvalidInput> { core.logPain(morning("2026-06-01"), null, 11, null, null) }
            assertEquals(Triple("score", "0..=10", "11"), Triple(error.field, error.allowed, error.got))
            assertEquals(null, error.journalWayOut)
        }
    }

    @Test
    fun `a future date is refused`() {
        openTempCore().use { core ->
            val error = assertThrows<FirstStepException.InvalidInput> { core.logPain(morning("2026-06-01"), "2026-06-02", 3, null, null) }
            assertEquals("date", error.field)
        }
    }

    @Test
    fun `a session before any assessment is an invalid state`() {
        openTempCore().use { core ->
            assertThrows<FirstStepException.InvalidState> { core.startSession(morning("2026-06-01")) }
        }
    }
}
