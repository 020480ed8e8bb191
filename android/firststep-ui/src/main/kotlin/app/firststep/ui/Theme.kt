package app.firststep.ui

import androidx.compose.material3.ColorScheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.Immutable
import androidx.compose.runtime.staticCompositionLocalOf
import androidx.compose.ui.graphics.Color
import app.firststep.core.RunningState

private val LightColors = lightColorScheme(
    primary = Color(0xFF1D6B5C),
    onPrimary = Color.White,
    primaryContainer = Color(0xFFA6F2DE),
    onPrimaryContainer = Color(0xFF00201A),
    secondary = Color(0xFF4A635C),
    secondaryContainer = Color(0xFFCCE8DF),
    tertiary = Color(0xFF436278),
    tertiaryContainer = Color(0xFFC8E6FF),
    background = Color(0xFFF6FBF8),
    surface = Color(0xFFF6FBF8),
    surfaceVariant = Color(0xFFDBE5E0),
    error = Color(0xFFB3261E),
    errorContainer = Color(0xFFF9DEDC),
)

private val DarkColors = darkColorScheme(
    primary = Color(0xFF8AD6C2),
    onPrimary = Color(0xFF00382E),
    primaryContainer = Color(0xFF005143),
    onPrimaryContainer = Color(0xFFA6F2DE),
    secondary = Color(0xFFB1CCC3),
    secondaryContainer = Color(0xFF334B45),
    tertiary = Color(0xFFABCAE4),
    tertiaryContainer = Color(0xFF2A4A5F),
    background = Color(0xFF0F1513),
    surface = Color(0xFF0F1513),
    surfaceVariant = Color(0xFF3F4945),
    error = Color(0xFFF2B8B5),
    errorContainer = Color(0xFF8C1D18),
)

/** Colours beyond Material's roles: the running traffic light and the chart's series. */
@Immutable
data class FirstStepColors(
    val green: Color,
    val amber: Color,
    val red: Color,
    val onState: Color,
    val pain: Color,
    val mean: Color,
    val baseline: Color,
    val target: Color,
    val marker: Color,
    val bar: Color,
    /** The M4 expectation band's shade (issue 22). */
    val band: Color = Color(0x1F2E7D32),
    /** Weekly sessions bars: not the pain dots' colour. */
    val sessions: Color = Color(0xFF8A5A00),
) {
    fun running(state: RunningState): Color = when (state) {
        RunningState.GREEN -> green
        RunningState.AMBER -> amber
        RunningState.RED -> red
    }
}

private val LightExtra = FirstStepColors(
    green = Color(0xFF2E7D32), amber = Color(0xFFB26A00), red = Color(0xFFC62828), onState = Color.White,
    pain = Color(0xFF1D6B5C), mean = Color(0xFF6A3FA0), baseline = Color(0xFF5F6B67), target = Color(0xFF2E7D32),
    marker = Color(0xFFB26A00), bar = Color(0xFF436278), band = Color(0x242E7D32), sessions = Color(0xFF7A4E9C),
)
private val DarkExtra = FirstStepColors(
    green = Color(0xFF81C784), amber = Color(0xFFFFB74D), red = Color(0xFFEF9A9A), onState = Color(0xFF1A1A1A),
    pain = Color(0xFF8AD6C2), mean = Color(0xFFD0BCFF), baseline = Color(0xFFB0BAB6), target = Color(0xFF81C784),
    marker = Color(0xFFFFB74D), bar = Color(0xFFABCAE4), band = Color(0x3381C784), sessions = Color(0xFFE0B0FF),
)

val LocalFirstStepColors = staticCompositionLocalOf { LightExtra }

@Composable
fun FirstStepTheme(dark: Boolean = false, strings: Strings = EnglishStrings, content: @Composable () -> Unit) {
    val scheme: ColorScheme = if (dark) DarkColors else LightColors
    CompositionLocalProvider(
        LocalFirstStepColors provides if (dark) DarkExtra else LightExtra,
        LocalStrings provides strings,
    ) {
        MaterialTheme(colorScheme = scheme, content = content)
    }
}
