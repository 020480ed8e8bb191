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


@Composable
fun WelcomeScreen(onStart: () -> Unit) {
    val s = LocalStrings.current
    ScreenColumn(tag = "screen-welcome") {
        Text(s.welcomeTitle, style = MaterialTheme.typography.headlineMedium)
        Text(s.welcomeBody, style = MaterialTheme.typography.bodyLarge)
        Button(onStart, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("welcome-start")) { Text(s.welcomeStart) }
    }
}
