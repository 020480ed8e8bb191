package app.firststep.kit

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/**
 * The back stack as a StateFlow (plain Kotlin). It lives as long as the [AppGraph] that owns it, so
 * whoever keeps the graph across a configuration change keeps the stack too.
 */
class Navigator(start: Route = Route.Home) {
    private val stack = MutableStateFlow(listOf(start))
    val routes: StateFlow<List<Route>> = stack.asStateFlow()
    val current: Route get() = stack.value.last()

    fun push(route: Route) { stack.value = stack.value + route }
    fun replace(route: Route) { stack.value = stack.value.dropLast(1) + route }
    fun reset(route: Route) { stack.value = listOf(route) }
    fun back(): Boolean {
        if (stack.value.size <= 1) return false
        stack.value = stack.value.dropLast(1)
        return true
    }
}
