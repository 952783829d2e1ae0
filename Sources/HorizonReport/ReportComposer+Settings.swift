import HorizonCommon
import Foundation
import HorizonStability

extension ReportComposer {
    /// One settings key: its values per analysis, already printed, and whether they differ.
    struct SettingsRow {
        var key: String
        var values: [String]
        var differs: Bool { Set(values).count > 1 }
    }

    /// Every field of ``AnalysisSettings``, by its JSON key.
    func settingsRows() -> [SettingsRow] {
        let fields: [(key: String, value: (AnalysisSettings) -> String)] = [
            ("profile", \.profile), ("end_marker", \.endMarker), ("truncation", \.truncation),
            ("truncation_value", { String(describing: $0.truncationValue) }), ("estimator", \.estimator),
            ("reference_compat", { String($0.referenceCompat) }), ("window", { String($0.window) }),
            ("bootstrap_resamples", { String($0.bootstrapResamples) }), ("confidence", { String(describing: $0.confidence) }),
            ("seed", { String($0.seed) }), ("problem_set_digest", \.problemSetDigest),
        ]
        return fields.map { field in SettingsRow(key: field.key, values: analyses.map { field.value($0.settings) }) }
    }

    /// The settings the numbers were measured with, side by side, and how to reproduce them.
    func settingsSection() -> ReportSection {
        var markdown = "## Settings\n\n"
        let settings = settingsRows()
        let differing = settings.filter(\.differs).map(\.key)
        if !differing.isEmpty {
            markdown += "⚠ The analyses were measured with different settings (\(differing.map { "`\($0)`" }.joined(separator: ", "))); their numbers may not be comparable.\n\n"
        }
        var table = MarkdownTable(titles: ["Setting"] + labels)
        let identity: [(String, (Analysis) -> String)] = [
            ("label", { MarkdownText.escape($0.label) }),
            ("model", { $0.model.map { MarkdownText.escape($0) } ?? NumberFormat.unavailable }),
            ("horizon_version", { MarkdownText.escape($0.horizonVersion) }),
            ("schema", { "\(MarkdownText.escape($0.schema)) v\($0.schemaVersion)" }),
            ("inputs", { analysis in
                analysis.inputs.isEmpty ? "none recorded"
                    : analysis.inputs.map { "\(MarkdownText.escape($0.path)) (\($0.bytes) bytes)" }.joined(separator: "<br>")
            }),
            // Where the rebuild's truncation came from; the truncation itself is compared below.
            ("settings_source", { $0.settings.settingsSource.map { MarkdownText.escape($0) } ?? NumberFormat.unavailable }),
        ]
        for (key, cell) in identity {
            table.addRow(markdown: [MarkdownText.escape(key)] + analyses.map(cell))
        }
        for row in settings {
            table.addRow(markdown: [(row.differs ? "⚠ " : "") + MarkdownText.escape(row.key)] + row.values.map { MarkdownText.escape($0) })
        }
        markdown += table.render()
        markdown += "\n### How to reproduce\n\n"
        markdown += MarkdownText.codeBlock(reproduceCommands().joined(separator: "\n"), language: "sh")
        return ReportSection(markdown: markdown)
    }

    /// The analysis file name for analysis `index`: the given path, or `LABEL.analysis.json`.
    private func analysisFile(_ index: Int) -> String {
        index < options.analysisFiles.count ? options.analysisFiles[index] : "\(labels[index]).analysis.json"
    }

    /// One `horizon analyze` command per analysis, then the `horizon report` command. An
    /// analysis that recorded its command gets it back word for word (every flag, paths as
    /// typed); otherwise the command is rebuilt from the settings with `analyze`'s flags.
    func reproduceCommands() -> [String] {
        var commands = analyses.indices.map { index -> String in
            let analysis = analyses[index]
            if var commandLine = analysis.commandLine {
                // Written to standard output and redirected: name the file the report read.
                if !commandLine.contains(where: { $0 == "--json" || $0.hasPrefix("--json=") }) {
                    commandLine += ["--json", analysisFile(index)]
                }
                return commandLine.map(Self.shellQuoted).joined(separator: " ")
            }
            let settings = analysis.settings
            let inputs = analysis.inputs.isEmpty ? ["TRACES.jsonl"] : analysis.inputs.map(\.path)
            // A truncation analyze took from the traces is taken from them again (with `mixed`,
            // no single option would reproduce it).
            let fromTraces = ["traces", "mixed", "default"].contains(settings.settingsSource ?? "option")
            let truncation = fromTraces ? []
                : ["--" + settings.truncation.replacingOccurrences(of: "_", with: "-"), String(describing: settings.truncationValue)]
            let arguments = ["horizon", "analyze"] + inputs + ["--label", analysis.label,
                "--profile", settings.profile, "--end-marker", settings.endMarker] + truncation + [
                "--estimator", settings.estimator, "--window", String(settings.window),
                "--bootstrap-resamples", String(settings.bootstrapResamples),
                "--confidence", String(describing: settings.confidence), "--seed", String(settings.seed),
            ] + (settings.referenceCompat ? ["--reference-compat"] : [])
                + (settings.heuristicSpans == true ? ["--heuristic-spans"] : []) + ["--json", analysisFile(index)]
            return arguments.map(Self.shellQuoted).joined(separator: " ")
        }
        let report = ["horizon", "report"] + analyses.indices.map(analysisFile) + (options.title.map { ["--title", $0] } ?? [])
            + ["--out", options.reportDirectory ?? "REPORT_DIR"]
        commands.append(report.map(Self.shellQuoted).joined(separator: " "))
        return commands
    }

    /// `word` as is when it is safe in a POSIX shell, else single-quoted.
    static func shellQuoted(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:=,+@%-")
        if !word.isEmpty && word.allSatisfy(safe.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
