package app.firststep.kit

import app.firststep.core.coreVersion
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class CoreLoadTest {
    @Test
    fun `loads the host-built core through JNA`() {
        assertTrue(coreVersion().matches(Regex("""\d+\.\d+\.\d+""")))
    }
}
