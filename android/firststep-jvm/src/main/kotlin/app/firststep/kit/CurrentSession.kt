package app.firststep.kit

import app.firststep.core.SessionState
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/**
 * The state of whichever [SessionTicker] is current, published synchronously: the ticker hands every
 * state to [sinkFor]'s callback under its own lock, so once an event, a tick or `refresh()` has
 * returned, [state] already holds what the core derived. (A `flatMapLatest { ticker.state }.stateIn`
 * published on the collector's dispatcher, later: a test, or a screen reading right after `refresh()`,
 * could see the state from before the pause — issue 24.)
 *
 * Each new ticker gets a new generation; a state from an older ticker (one still finishing a tick
 * after it was replaced) is dropped, so no stale tick can overwrite a newer session.
 */
class CurrentSession {
    private val mutable = MutableStateFlow<SessionState?>(null)
    private var generation = 0L

    val state: StateFlow<SessionState?> = mutable.asStateFlow()

    /** Clears the state and returns the sink for the next ticker; older tickers' sinks go quiet. */
    fun sinkFor(): (SessionState) -> Unit = synchronized(this) {
        val mine = ++generation
        mutable.value = null
        return { s -> synchronized(this) { if (generation == mine) mutable.value = s } }
    }

    /** No current ticker (the session was saved or discarded): clears the state. */
    fun clear() = synchronized(this) {
        generation++
        mutable.value = null
    }
}
