import FirstStepCore

/// How the guided session's cues are heard (issue 21: voice / tones / silent). The core has no such
/// setting yet, so the app keeps the runner's choice on the device.
public enum CueSound: String, CaseIterable, Sendable {
    /// The core's cue text spoken; countdown beeps as tones.
    case voice
    /// A tone for every cue, no words (a shared room, or no speech voice installed).
    case tones
    /// Nothing heard; haptics still mark set, exercise and session ends.
    case silent

    /// design choice: speech by default, as the cues were written to be heard.
    public static let standard = CueSound.voice

    /// Where the app keeps the choice (`UserDefaults` / `@AppStorage`).
    public static let storageKey = "firststep.cueSound"

    /// The stored choice (`UserDefaults` in the app); anything unknown is the default.
    public init(stored: String?) { self = stored.flatMap(CueSound.init(rawValue:)) ?? .standard }
}

/// The speech engine (AVSpeechSynthesizer in the app, a recorder in tests).
public protocol SpeechPort: AnyObject {
    /// Speaks `text`; with `interrupt`, unfinished words are cut off first.
    func speak(_ text: String, interrupt: Bool)
    /// Stops any words still being spoken.
    func stopSpeaking()
}

/// Tones and haptics (an AVAudioEngine beep and UIKit feedback in the app).
public protocol CueSoundPort: AnyObject {
    func tone()
    func haptic(_ haptic: CueAction.Haptic)
}

/// What a cue is heard as, given the runner's `CueSound` choice. Pure: the player below and the tests use it.
public struct CueOutput: Equatable, Sendable {
    /// Words to speak (the core's text); nil when none.
    public var words: String?
    public var tone: Bool
    public var haptic: CueAction.Haptic?

    public static func of(_ cue: Cue, sound: CueSound) -> CueOutput {
        let action = CueAction.of(cue)
        switch sound {
        case .voice: return CueOutput(words: action.speak.isEmpty ? nil : action.speak, tone: action.tone, haptic: action.haptic)
        case .tones: return CueOutput(words: nil, tone: action.tone || !action.speak.isEmpty, haptic: action.haptic)
        case .silent: return CueOutput(words: nil, tone: false, haptic: action.haptic)
        }
    }
}

/// The session's cue player: decides what is heard and when, and hands it to the ports. Late cues
/// (the app was suspended past them) are never heard: a stale "up" would mislead. A new spoken cue
/// cuts off words still being spoken, so the voice never lags the session's clock; nothing is said
/// twice (the same cue at the same instant, e.g. after a restore re-published it, is dropped).
public final class SpokenCuePlayer: CuePlayer, @unchecked Sendable {
    private let speech: SpeechPort
    private let sounds: CueSoundPort
    /// The runner's choice; read at every cue, so a change applies to the next one.
    public var sound: CueSound
    private var lastHeard: (kind: CueKind, atMs: Int64)?

    public init(speech: SpeechPort, sounds: CueSoundPort, sound: CueSound = .standard) {
        self.speech = speech
        self.sounds = sounds
        self.sound = sound
    }

    /// The screen shows every cue through the session state; nothing to do here.
    public func show(_ cue: Cue) {}

    public func play(_ cue: Cue) {
        guard !cue.late else { return }
        if let last = lastHeard, last.kind == cue.kind, last.atMs == cue.atMs { return }
        lastHeard = (cue.kind, cue.atMs)
        let output = CueOutput.of(cue, sound: sound)
        if let words = output.words { speech.speak(words, interrupt: true) }
        if output.tone { sounds.tone() }
        if let haptic = output.haptic { sounds.haptic(haptic) }
    }

    /// The session ended or the screen closed: no words after it.
    public func stop() { speech.stopSpeaking() }
}
