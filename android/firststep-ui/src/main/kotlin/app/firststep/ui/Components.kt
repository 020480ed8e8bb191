package app.firststep.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ColumnScope
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.sizeIn
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.error
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.selected
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import app.firststep.kit.FieldError

/** Minimum touch target (Material: 48 dp). */
val TouchTarget = 48.dp

@Composable
fun Heading(text: String, modifier: Modifier = Modifier) {
    Text(text, style = MaterialTheme.typography.headlineSmall, modifier = modifier.semantics { heading() })
}

@Composable
fun SectionTitle(text: String, modifier: Modifier = Modifier) {
    Text(text, style = MaterialTheme.typography.titleMedium, modifier = modifier.semantics { heading() })
}

@Composable
fun SectionCard(
    modifier: Modifier = Modifier,
    container: Color = MaterialTheme.colorScheme.surfaceVariant,
    content: @Composable ColumnScope.() -> Unit,
) {
    Card(modifier.fillMaxWidth(), colors = CardDefaults.cardColors(containerColor = container)) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp), content = content)
    }
}

/** The core's message next to the field it names. */
@Composable
fun FieldErrorText(error: FieldError?, field: String? = null, modifier: Modifier = Modifier) {
    if (error == null) return
    if (field != null && !error.concerns(field)) return
    Text(
        error.message,
        color = MaterialTheme.colorScheme.error,
        style = MaterialTheme.typography.bodyMedium,
        modifier = modifier.testTag("error-${field ?: "general"}").semantics { this.error(error.message) },
    )
}

/**
 * A 0–10 pain scale as one row of buttons (wraps at large font sizes). Each value is a 48 dp target
 * announced with the scale's name; [selected] is marked.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun PainScale(label: String, selected: Int?, onSelect: (Int) -> Unit, modifier: Modifier = Modifier, tagPrefix: String = "pain") {
    Column(modifier, verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(label, style = MaterialTheme.typography.titleSmall)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(4.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            for (value in 0..10) {
                val isSelected = value == selected
                val colors = if (isSelected) {
                    androidx.compose.material3.ButtonDefaults.buttonColors()
                } else {
                    androidx.compose.material3.ButtonDefaults.outlinedButtonColors()
                }
                OutlinedButton(
                    onClick = { onSelect(value) },
                    colors = colors,
                    contentPadding = PaddingValues(0.dp),
                    modifier = Modifier
                        .sizeIn(minWidth = TouchTarget, minHeight = TouchTarget)
                        .testTag("$tagPrefix-$value")
                        .semantics {
                            contentDescription = "$label: $value"
                            this.selected = isSelected
                        },
                ) { Text("$value") }
            }
        }
    }
}

/** A set of exclusive choices as chips (48 dp tall). */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun <T> ChoiceChips(options: List<T>, selected: T?, label: (T) -> String, onSelect: (T) -> Unit, modifier: Modifier = Modifier, tagPrefix: String = "choice") {
    FlowRow(modifier, horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        for (option in options) {
            val text = label(option)
            FilterChip(
                selected = option == selected,
                onClick = { onSelect(option) },
                label = { Text(text) },
                modifier = Modifier.sizeIn(minHeight = TouchTarget).testTag("$tagPrefix-$text")
                    .semantics { contentDescription = text },
            )
        }
    }
}

/** A text field for numbers; [filter] keeps what may be typed (digits, one decimal point). */
@Composable
fun NumberField(
    label: String,
    value: String,
    onChange: (String) -> Unit,
    modifier: Modifier = Modifier,
    decimal: Boolean = true,
    error: String? = null,
    tag: String = label,
) {
    OutlinedTextField(
        value = value,
        onValueChange = { onChange(if (decimal) decimalOnly(it) else it.filter(Char::isDigit)) },
        label = { Text(label) },
        singleLine = true,
        isError = error != null,
        supportingText = error?.let { { Text(it, color = MaterialTheme.colorScheme.error) } },
        keyboardOptions = KeyboardOptions(keyboardType = if (decimal) KeyboardType.Decimal else KeyboardType.Number),
        modifier = modifier.fillMaxWidth().testTag(tag).semantics { if (error != null) this.error(error) },
    )
}

@Composable
fun TextInput(label: String, value: String, onChange: (String) -> Unit, modifier: Modifier = Modifier, error: String? = null, tag: String = label) {
    OutlinedTextField(
        value = value,
        onValueChange = onChange,
        label = { Text(label) },
        singleLine = true,
        isError = error != null,
        supportingText = error?.let { { Text(it, color = MaterialTheme.colorScheme.error) } },
        modifier = modifier.fillMaxWidth().testTag(tag).semantics { if (error != null) this.error(error) },
    )
}

fun decimalOnly(text: String): String {
    val kept = text.filter { it.isDigit() || it == '.' }
    val dot = kept.indexOf('.')
    return if (dot < 0) kept else kept.substring(0, dot + 1) + kept.substring(dot + 1).replace(".", "")
}

/** A row that is one selectable 48 dp target (e.g. a yes/no question). */
@Composable
fun SelectableRow(selected: Boolean, onClick: () -> Unit, modifier: Modifier = Modifier, content: @Composable () -> Unit) {
    Row(
        modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).selectable(selected, onClick = onClick, role = Role.Checkbox),
        verticalAlignment = Alignment.CenterVertically,
    ) { content() }
}

/** Numbers from the core, shown as given with one decimal (no rounding rule of our own beyond display). */
fun Double.oneDecimal(): String = String.format(java.util.Locale.ROOT, "%.1f", this)
