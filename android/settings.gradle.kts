// The Android app for Android Studio (Gradle). Not built on the Linux CI machines of this project
// (no Google Maven, no Gradle distribution, no NDK there); see README "Android app".
// The Maven reactor in pom.xml builds and tests the same Kotlin sources without Android tooling.
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}
dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}
rootProject.name = "FirstStep"
include(":app")
