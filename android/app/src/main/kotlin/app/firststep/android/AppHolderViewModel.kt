package app.firststep.android

import android.app.Application
import androidx.lifecycle.AndroidViewModel

/**
 * Keeps the [AppHolder] (graph + back stack + its own scope) for the activity's task: the same
 * instance after a rotation or any other configuration change; [onCleared] — the activity finished
 * for good — closes it. The default factory builds it with the Application.
 */
class AppHolderViewModel(application: Application) : AndroidViewModel(application) {
    val holder = AppHolder(application.platform())

    override fun onCleared() = holder.close()
}
