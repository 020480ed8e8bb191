package app.firststep.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.sizeIn
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.firststep.core.SafetyResult
import app.firststep.kit.SafetyUiState


/** Refer levels (R2): the core's advice, then continue to the assessment. */
@Composable
fun ReferAdviceScreen(result: SafetyResult, onContinue: () -> Unit) {
    val s = LocalStrings.current
    ScreenColumn(tag = "screen-refer") {
        SectionCard(container = MaterialTheme.colorScheme.tertiaryContainer) {
            Text(s.referTitle, style = MaterialTheme.typography.headlineSmall)
            Text(result.advice, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("refer-advice"))
        }
        for (reason in result.reasons) Text("• $reason", style = MaterialTheme.typography.bodyLarge)
        Button(onContinue, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("refer-continue")) { Text(s.referContinue) }
    }
}
