#if canImport(ActivityKit) && canImport(AVFoundation) && canImport(UIKit)
import ActivityKit
import AVFoundation
import FirstStepCore
import FirstStepKit
import Foundation
import Observation
import UIKit

/// Runs the guided session for the app: FirstStepKit's `SessionViewModel` (core engine + ticker +
/// snapshot), the Live Activity (updated at step changes only, via `SessionActivityFeed`), cues and
/// haptics, and pause/skip from the Live Activity's App Intents.
///
/// Cues while locked: the audio background mode with an active `.playback` session (`.duckOthers`)
/// for the whole guided session — see docs/shells.md "Cues while locked" for why this and not
/// pre-scheduled step notifications.
@MainActor
@Observable
final class SessionController {
    private(set) var state: SessionState?
    private(set) var message: String?
    private(set) var saved = false
    /// "How did the load feel?" (rule P5), open after `finish` until answered or skipped.
    private(set) var effortQuestion: EffortQuestion?
    /// The screen's one state (FirstStepKit's `SessionUiState`), rebuilt whenever any part changes.
    private(set) var ui: SessionUiState = .loading(message: nil)

    private let repository: FirstStepRepository
    @ObservationIgnored private let output: AVCueOutput
    @ObservationIgnored private let cues: SpokenCuePlayer
    private let feed = SessionActivityFeed()
    private var model: SessionViewModel?
    private var activity: Activity<SessionActivityAttributes>?
    private var sessionDate = ""

    init(repository: FirstStepRepository) {
        self.repository = repository
        let output = AVCueOutput()
        self.output = output
        self.cues = SpokenCuePlayer(speech: output, sounds: output)
        SessionCommands.handler = { [weak self] command in await self?.perform(command) }
    }

    /// True when a killed session can be continued.
    var hasSnapshot: Bool { FileSnapshotStore(url: AppGroup.snapshotURL).load() != nil }

    /// Continues an interrupted session (from the core's snapshot) or starts today's.
    func open() async {
        let model = await makeModel()
        await model.open()
        message = model.message
        rebuild()
    }

    /// A Live Activity button. When iOS launched the app only to run the intent, no screen has opened the
    /// session: the new model restores it from its snapshot (never starts one), and the Live Activity that
    /// survived the old process gets the new state.
    func perform(_ command: SessionCommand) async {
        let model: SessionViewModel
        if let open = self.model {
            model = open
        } else {
            model = await makeModel()
            activity = Activity<SessionActivityAttributes>.activities.first
        }
        await model.perform(command)
        message = model.message
    }

    /// A new session model on the App Group's snapshot, publishing to this controller; the previous one
    /// (if any) stops ticking first.
    private func makeModel() async -> SessionViewModel {
        await self.model?.close()
        let model = SessionViewModel(repository: repository, clock: BootClock(), cues: cues,
                                     snapshots: FileSnapshotStore(url: AppGroup.snapshotURL))
        model.onState = { [weak self] state in
            Task { @MainActor in self?.publish(state) }
        }
        model.onChange = { [weak self, weak model] in
            Task { @MainActor in
                self?.message = model?.message
                self?.saved = model?.saved ?? false
                self?.effortQuestion = model?.effortQuestion
                self?.rebuild()
            }
        }
        self.model = model
        saved = false
        cues.sound = CueSound(stored: UserDefaults.standard.string(forKey: CueSound.storageKey))
        output.begin()
        feed.reset()
        sessionDate = (try? await repository.today()) ?? ""
        return model
    }

    func pause() async { await model?.pause() }
    func resume() async { await model?.resume() }
    func skip() async { await model?.skipStep() }
    func repeatStep() async { await model?.repeatStep() }
    func repDone() async { await model?.repDone() }

    func finish(peakPain: Int) async {
        guard let model else { return }
        await model.finish(peakPain: peakPain)
        await afterSave(model)
    }

    /// The answer to the effort question (nil: skipped); the records are saved with it.
    func answerEffort(_ effort: Effort?) async {
        guard let model else { return }
        await model.answerEffort(effort)
        await afterSave(model)
    }

    private func afterSave(_ model: SessionViewModel) async {
        message = model.message
        effortQuestion = model.effortQuestion
        rebuild()
        if model.saved {
            saved = true
            await end()
            AppServices.shared.journalChanged(JournalWrite(.sessionSaved))
        }
    }

    /// The screen went away (the session continues from its snapshot next time).
    func close() async {
        await model?.close()
    }

    /// The one state from the engine's last state and the model's question, saved flag and refusal.
    private func rebuild() {
        ui = model?.uiState(state) ?? .loading(message: message)
    }

    private func publish(_ state: SessionState) {
        self.state = state
        rebuild()
        guard let content = feed.content(for: state, wallNow: Date()) else { return }
        Task { await pushActivity(content, date: sessionDate) }
    }

    private func pushActivity(_ content: SessionActivityContent, date: String) async {
        guard ActivityAuthorizationInfo().areActivitiesEnabled else { return }
        let stale = content.stepEndsAt?.addingTimeInterval(60)
        if let activity {
            await activity.update(ActivityContent(state: content, staleDate: stale))
        } else {
            activity = try? Activity.request(attributes: SessionActivityAttributes(date: date),
                                             content: ActivityContent(state: content, staleDate: stale))
        }
    }

    private func end() async {
        cues.stop()
        output.end()
        if let activity, let state {
            await activity.end(ActivityContent(state: SessionActivityContent(state, wallNow: Date()), staleDate: nil),
                               dismissalPolicy: .after(Date().addingTimeInterval(60)))
        }
        activity = nil
    }
}

/// The AVFoundation side of FirstStepKit's `SpokenCuePlayer` (which decides what is heard and when):
/// `AVSpeechSynthesizer` for the core's cue text, an `AVAudioEngine` beep, UIKit haptics. The audio
/// session stays active for the whole guided session (background audio mode, music ducked), with the
/// engine running so the app keeps ticking with the screen locked.
final class AVCueOutput: SpeechPort, CueSoundPort, @unchecked Sendable {
    private let speech = AVSpeechSynthesizer()
    private let engine = AVAudioEngine()
    private let player = AVAudioPlayerNode()
    private lazy var beep: AVAudioPCMBuffer? = Self.makeBeep(format: engine.mainMixerNode.outputFormat(forBus: 0))

    init() {
        engine.attach(player)
        engine.connect(player, to: engine.mainMixerNode, format: engine.mainMixerNode.outputFormat(forBus: 0))
    }

    func begin() {
        let session = AVAudioSession.sharedInstance()
        try? session.setCategory(.playback, mode: .spokenAudio, options: [.duckOthers])
        try? session.setActive(true)
        try? engine.start()
        player.play()
    }

    func end() {
        player.stop()
        engine.stop()
        try? AVAudioSession.sharedInstance().setActive(false, options: [.notifyOthersOnDeactivation])
    }

    func speak(_ text: String, interrupt: Bool) {
        DispatchQueue.main.async { [self] in
            if interrupt, speech.isSpeaking { speech.stopSpeaking(at: .immediate) }
            speech.speak(AVSpeechUtterance(string: text))
        }
    }

    func stopSpeaking() {
        DispatchQueue.main.async { [self] in _ = speech.stopSpeaking(at: .immediate) }
    }

    func tone() {
        DispatchQueue.main.async { [self] in if let beep { player.scheduleBuffer(beep, at: nil) } }
    }

    func haptic(_ haptic: CueAction.Haptic) {
        DispatchQueue.main.async {
            switch haptic {
            case .setDone: UINotificationFeedbackGenerator().notificationOccurred(.success)
            case .exerciseDone, .sessionDone:
                UINotificationFeedbackGenerator().notificationOccurred(.success)
                UIImpactFeedbackGenerator(style: .heavy).impactOccurred()
            }
        }
    }

    /// A 0.12 s, 880 Hz tone.
    private static func makeBeep(format: AVAudioFormat) -> AVAudioPCMBuffer? {
        let frames = AVAudioFrameCount(format.sampleRate * 0.12)
        guard let buffer = AVAudioPCMBuffer(pcmFormat: format, frameCapacity: frames) else { return nil }
        buffer.frameLength = frames
        for channel in 0..<Int(format.channelCount) {
            guard let data = buffer.floatChannelData?[channel] else { continue }
            for frame in 0..<Int(frames) {
                data[frame] = 0.4 * sinf(2 * .pi * 880 * Float(frame) / Float(format.sampleRate))
            }
        }
        return buffer
    }
}
#endif
