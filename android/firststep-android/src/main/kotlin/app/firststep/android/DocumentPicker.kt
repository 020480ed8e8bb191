package app.firststep.android

import android.content.ContentResolver
import android.net.Uri
import app.firststep.kit.FilePicker
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/**
 * Export and import through the system's document picker, kept by [AppHolder]. The activity of the
 * moment launches the picker ([Launcher]) and hands back what the runner chose ([created], [opened]);
 * the waiting request lives here, so a picker result delivered to the activity recreated after a
 * rotation still completes it. No activity attached: the request counts as cancelled.
 */
class DocumentPicker(private val resolver: ContentResolver) : FilePicker {
    /** Implemented by the activity: starts the system's create / open document screens. */
    interface Launcher {
        fun create(suggestedName: String)
        fun open()
    }

    @Volatile
    var launcher: Launcher? = null
    private var pendingCreate: CompletableDeferred<Uri?>? = null
    private var pendingOpen: CompletableDeferred<Uri?>? = null

    override suspend fun save(suggestedName: String, content: String): String? {
        val launch = launcher ?: return null
        val result = CompletableDeferred<Uri?>().also { pendingCreate?.complete(null); pendingCreate = it }
        launch.create(suggestedName)
        val uri = result.await() ?: return null
        withContext(Dispatchers.IO) {
            checkNotNull(resolver.openOutputStream(uri, "wt")) { "cannot write $uri" }.use { it.write(content.toByteArray()) }
        }
        return uri.toString()
    }

    override suspend fun open(): String? {
        val launch = launcher ?: return null
        val result = CompletableDeferred<Uri?>().also { pendingOpen?.complete(null); pendingOpen = it }
        launch.open()
        val uri = result.await() ?: return null
        return withContext(Dispatchers.IO) {
            checkNotNull(resolver.openInputStream(uri)) { "cannot read $uri" }.use { it.readBytes().decodeToString() }
        }
    }

    /** Where the runner chose to save (null: cancelled). */
    fun created(uri: Uri?) {
        pendingCreate?.complete(uri)
        pendingCreate = null
    }

    /** The file the runner chose to open (null: cancelled). */
    fun opened(uri: Uri?) {
        pendingOpen?.complete(uri)
        pendingOpen = null
    }
}
