package app.firststep.desktop

import androidx.compose.ui.draganddrop.DragAndDropEvent
import androidx.compose.ui.draganddrop.DragAndDropTarget
import androidx.compose.ui.draganddrop.DragData
import androidx.compose.ui.draganddrop.awtTransferable
import androidx.compose.ui.draganddrop.dragData
import app.firststep.kit.RunFile
import app.firststep.kit.RunFilePicker
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import java.awt.FileDialog
import java.awt.Frame
import java.awt.datatransfer.DataFlavor
import java.awt.datatransfer.Transferable
import java.io.File

/** The activity files the core reads, by extension (a folder is searched for these; a chosen file is always tried). */
private val ACTIVITY_EXTENSIONS = setOf("fit", "gpx", "tcx")

/**
 * "Import runs…": the AWT file dialog in multiple mode. FIT, GPX and TCX are offered (the filter is
 * a hint: Windows ignores it, and the core says what any other file is).
 */
class DialogRunFilePicker(private val owner: () -> Frame?) : RunFilePicker {
    override suspend fun pickRunFiles(): List<RunFile> = withContext(Dispatchers.Main) {
        val dialog = FileDialog(owner(), null as String?, FileDialog.LOAD).apply {
            isMultipleMode = true
            setFilenameFilter { _, name -> name.substringAfterLast('.', "").lowercase() in ACTIVITY_EXTENSIONS }
            isVisible = true
        }
        dialog.files.orEmpty().toList()
    }.let(::runFilesIn)
}

/** What was dropped on the window, as run files: local files and folders only (a dragged link is not). */
fun droppedRunFiles(transferable: Transferable): List<RunFile> {
    if (!transferable.isDataFlavorSupported(DataFlavor.javaFileListFlavor)) return emptyList()
    val files = runCatching { transferable.getTransferData(DataFlavor.javaFileListFlavor) as List<*> }.getOrDefault(emptyList<Any>())
        .filterIsInstance<File>()
    return runFilesIn(files)
}

/**
 * Each file once, in the order given; a folder (a watch's `GARMIN/Activity`) gives its FIT, GPX and
 * TCX files, sorted by path, like the CLI's `run import FOLDER`.
 */
fun runFilesIn(files: List<File>): List<RunFile> {
    val seen = LinkedHashSet<File>()
    for (f in files) {
        if (f.isDirectory) {
            f.walkTopDown().filter { it.isFile && it.extension.lowercase() in ACTIVITY_EXTENSIONS }.sortedBy { it.path }.forEach { seen += it.canonicalFile }
        } else {
            seen += f.canonicalFile
        }
    }
    return seen.map(RunFile::of)
}

/** Files dropped anywhere on the window go to [onFiles] (the app shows the runs screen as they import). */
@OptIn(androidx.compose.ui.ExperimentalComposeUiApi::class)
fun runFileDropTarget(onFiles: (List<RunFile>) -> Unit) = object : DragAndDropTarget {
    override fun onDrop(event: DragAndDropEvent): Boolean {
        val files = droppedRunFiles(event.awtTransferable)
        if (files.isNotEmpty()) onFiles(files)
        return files.isNotEmpty()
    }
}

/** Whether a drag carries files (only then does the window accept the drop). */
@OptIn(androidx.compose.ui.ExperimentalComposeUiApi::class)
fun carriesFiles(event: DragAndDropEvent): Boolean = event.dragData() is DragData.FilesList
