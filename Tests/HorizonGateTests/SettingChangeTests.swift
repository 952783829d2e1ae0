import HorizonGate
import HorizonStability
import Testing

@Suite struct SettingChangeTests {
    typealias F = GateFixtures

    /// One compared setting changed at a time, with the key and texts the message must show.
    static let changes: [(String, @Sendable (inout Analysis) -> Void, String, String)] = [
        ("profile", { $0.settings.profile = "deepseek-r1" }, "auto", "deepseek-r1"),
        ("end_marker", { $0.settings.endMarker = .last }, "first", "last"),
        ("truncation", { $0.settings.truncation = .minP }, "top_p", "min_p"),
        ("truncation_value", { $0.settings.truncationValue = 0.95 }, "0.9", "0.95"),
        ("estimator", { $0.settings.estimator = .nll }, "auto", "nll"),
        ("reference_compat", { $0.settings.referenceCompat = true }, "false", "true"),
        ("problem_set_digest", { $0.settings.problemSetDigest = "digest-2" }, "digest-1", "digest-2"),
        ("confidence", { $0.settings.confidence = 0.9 }, "0.95", "0.9"),
    ]

    @Test(arguments: 0..<changes.count)
    func aChangedSettingStopsTheCheckWithExitTwo(index: Int) throws {
        let (key, change, held, now) = Self.changes[index]
        let baseline = try Baseline.make(from: F.reference())
        var current = F.reference()
        change(&current)
        let error = #expect(throws: GateError.self) { try Gate.check(baseline: baseline, analysis: current) }
        #expect(error?.reason == .settingsChanged([SettingChange(setting: key, baseline: held, current: now)]))
        #expect(error?.exitCode == 2)
        #expect(error?.description.contains("\(key) \(held) → \(now)") == true)
        #expect(error?.description.contains("--allow-settings-change") == true)
    }

    @Test func withTheFlagTheCheckRunsAndListsEveryChange() throws {
        let baseline = try Baseline.make(from: F.reference())
        var current = F.reference()
        current.settings.truncationValue = 0.95
        current.settings.estimator = .nll
        current.bf.overall = 1.5
        current.bf.overallCI = F.around(1.5, 0.01)
        let result = try Gate.check(baseline: baseline, analysis: current,
                                    options: GateOptions(allowSettingsChange: true))
        #expect(result.settingsChanges == [
            SettingChange(setting: "truncation_value", baseline: "0.9", current: "0.95"),
            SettingChange(setting: "estimator", baseline: "auto", current: "nll"),
        ])
        #expect(result.verdict == .regression)
        #expect(result.markdown().contains("allowed by `--allow-settings-change`"))
    }

    /// Issue 9: a plain re-sample of the same model failed with exit 2 because `auto` resolved
    /// to `mixed` once and `nll` the next time. Only what the user chose is a setting.
    @Test func aResampleWhereAutoChoseAnotherEstimatorPasses() throws {
        var first = F.reference()
        first.bf.estimatorUsed = "mixed"
        let baseline = try Baseline.make(from: first)
        #expect(baseline.estimatorUsed == "mixed")
        var again = F.reference(label: "re-sample")
        again.bf.estimatorUsed = "nll"
        let result = try Gate.check(baseline: baseline, analysis: again)
        #expect(result.settingsChanges.isEmpty)
        #expect(result.exitCode == 0)
        // What the user chose still counts.
        again.settings.estimator = .nll
        let error = #expect(throws: GateError.self) { try Gate.check(baseline: baseline, analysis: again) }
        #expect(error?.reason == .settingsChanged([SettingChange(setting: "estimator", baseline: "auto", current: "nll")]))
    }

    @Test func settingsThatOnlyMoveIntervalsOrCurvesDoNotStopTheCheck() throws {
        let baseline = try Baseline.make(from: F.reference())
        var current = F.reference()
        current.settings.seed = 7
        current.settings.bootstrapResamples = 2000
        current.settings.window = 10
        let result = try Gate.check(baseline: baseline, analysis: current)
        #expect(result.settingsChanges.isEmpty)
        #expect(result.verdict == .pass)
    }
}
