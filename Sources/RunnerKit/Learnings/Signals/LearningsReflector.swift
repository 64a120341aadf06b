import Foundation

/// `runner learnings reflect`: turns pending signals into proposals and applies them (5.3, 6.3).
public struct LearningsReflector: Sendable {
    /// The signal store (the database in production, in-memory in tests).
    public var store: any LearningSignalStore
    /// The file writer (carries the path and today).
    public var writer: LearningsWriter
    /// Options.
    public var options: ReflectOptions

    /// Creates a reflector.
    public init(store: any LearningSignalStore, writer: LearningsWriter, options: ReflectOptions = ReflectOptions()) {
        self.store = store
        self.writer = writer
        self.options = options
    }

    /// Previews (dry run) or applies the proposals; applying consumes signals only after the rename.
    public func run(apply: Bool, now: String) throws -> ReflectOutcome {
        let pending = try store.pendingSignals()
        let (_, file) = try writer.read()
        let blocking = LearningsLinter(path: writer.displayPath, today: writer.today).lint(file).filter {
            $0.severity == .error && !LearningsLinter.derivedRules.contains($0.rule)
        }
        if !blocking.isEmpty { throw LearningsError.fileHasErrors(writer.displayPath, blocking) }
        let preview = Self.plan(file: file, pending: pending, options: options, today: writer.today)
        let updated = file.metadata?.lastUpdated ?? writer.today
        var outcome = ReflectOutcome(
            plan: preview, write: nil, applied: false,
            statsBefore: LearningsStatistics.compute(file, lastUpdated: updated),
            statsAfter: LearningsStatistics.compute(file, lastUpdated: updated),
            metadataBefore: file.metadata, metadataAfter: file.metadata)
        if preview.change != nil {
            var planned = preview
            let result = try writer.write(dryRun: !apply) { current in
                planned = Self.plan(file: current, pending: pending, options: options, today: writer.today)
                guard let change = planned.change else {
                    throw LearningsError.refused("the file changed: no applicable proposals remain")
                }
                return change
            }
            outcome.plan = planned
            outcome.write = result
            outcome.statsAfter = result.statsAfter
            outcome.metadataAfter = result.metadataAfter
        }
        if apply, !outcome.plan.resolutions.isEmpty {
            try store.consume(outcome.plan.resolutions, at: now)
            outcome.applied = true
        }
        return outcome
    }

    /// Builds the plan over a parsed file; pure.
    public static func plan(file: LearningsFile, pending: [LearningSignal], options: ReflectOptions, today: String) -> ReflectPlan {
        var found: [LearningTier: Int] = [.high: 0, .medium: 0, .low: 0]
        for signal in pending { found[signal.confidence, default: 0] += 1 }
        let selected = pending.sorted(by: LearningSignal.reflectOrder).filter { signal in
            (options.signalIds.isEmpty || options.signalIds.contains(signal.id))
                && (options.minSample.map { signal.sampleSize >= $0 } ?? true)
        }.prefix(max(0, options.limit))
        var editor = LearningsEditor(file.document)
        var proposals: [ReflectProposal] = []
        var resolutions: [SignalResolution] = []
        var targets: Set<String> = []
        var added: [(tier: LearningTier, title: String)] = []
        var updatedTitles: [String] = []
        for signal in selected {
            let current = editor.file
            if let cited = current.entries.first(where: { ReflectEntryBuilder.evidenceIds($0.value("Evidence")).contains(signal.id) }) {
                proposals.append(ReflectProposal(signalIds: [signal.id], action: .recover, section: cited.tier ?? signal.confidence,
                                                 learningId: cited.id, lines: [], blockedBy: nil, blockMessage: nil, title: cited.title))
                resolutions.append(SignalResolution(signalId: signal.id, learningId: cited.id))
                continue
            }
            var trial = editor
            var proposal: ReflectProposal
            if let match = current.activeEntries.first(where: { ReflectEntryBuilder.matches(signal, $0) }) {
                proposal = ReflectEntryBuilder.update(match, with: signal, in: current, today: today, editor: &trial)
            } else {
                proposal = ReflectEntryBuilder.add(signal, today: today, editor: &trial)
                if let blocker = current.activeEntries.first(where: { entry in
                    (entry.tier?.rank ?? 0) > signal.confidence.rank && LearningConflicts.conflict(entry, ReflectEntryBuilder.probe(signal, trial.file, proposal.learningId))
                }) {
                    proposal.blockedBy = "L037"
                    proposal.blockMessage = "conflicts with \(blocker.tier?.rawValue ?? "") entry \(blocker.label)"
                }
            }
            if proposal.blockedBy == nil, let error = Self.newError(trial, today: today) {
                proposal.blockedBy = error.rule
                proposal.blockMessage = error.message
            }
            proposals.append(proposal)
            guard proposal.blockedBy == nil else { continue }
            editor = trial
            targets.insert(proposal.learningId)
            resolutions.append(SignalResolution(signalId: signal.id, learningId: proposal.learningId))
            if proposal.action == .add { added.append((signal.confidence, proposal.title)) } else { updatedTitles.append(proposal.title) }
        }
        let handled = Set(resolutions.map(\.signalId))
        var change: LearningsChange?
        if !targets.isEmpty {
            change = LearningsChange(
                document: editor.document, targets: targets,
                commitMessage: LearningsCommitMessage.reflect(added: added, updated: updatedTitles),
                summary: proposals.filter { $0.blockedBy == nil && $0.action != .recover }
                    .map { "\($0.action.rawValue) \($0.section.rawValue) \($0.learningId) (signals \($0.signalIds.map { "#\($0)" }.joined(separator: ", ")))" })
        }
        return ReflectPlan(proposals: proposals, found: found, remainingPending: pending.count - handled.count,
                           change: change, resolutions: resolutions)
    }

    /// The first non-derived lint error of a trial document, if any.
    static func newError(_ editor: LearningsEditor, today: String) -> Diagnostic? {
        LearningsLinter(path: "LEARNINGS.md", today: today).lint(editor.file).first {
            $0.severity == .error && !LearningsLinter.derivedRules.contains($0.rule)
        }
    }
}
