// R8 for Kotlin 2.4: AGP 8.10's bundled R8 (8.10.x) predates Kotlin 2.4's metadata, and a release build
// (isMinifyEnabled) needs R8 9.1.29 or newer for it. The Android docs' "Kotlin support" table (Kotlin 2.4: AGP
// 8.5.2+, R8 9.1.29) applies to "overriding the bundled version": an R8 on the build script's classpath wins
// over the one AGP depends on. Keep it at or above 9.1.29 until AGP itself bundles such an R8.
buildscript {
    repositories { google() }
    dependencies { classpath("com.android.tools:r8:9.1.29") }
}

plugins {
    alias(libs.plugins.android.application) apply false
    alias(libs.plugins.kotlin.android) apply false
    alias(libs.plugins.kotlin.compose) apply false
}
