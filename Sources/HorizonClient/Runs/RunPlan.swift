import HorizonTraces
import HorizonCommon

/// One line a run must produce: its identity, its request, and how the answer becomes the line;
/// or a chain of such lines whose requests depend on earlier answers (``next``).
struct RunItem: Sendable {
    /// The line's identity, as ``RunPlan/key`` computes it from a written line.
    var key: String
    /// Names the item in error messages, e.g. `problem p2 sample 0`.
    var label: String
    var request: CompletionRequest
    /// The line written for the server's answer, without its newline; throws when the answer
    /// cannot make a line `analyze` accepts.
    var line: @Sendable (Completion) throws(ClientError) -> LineText
    /// The chain's next line, made from this one's answer; `nil` (or returning `nil`) ends it.
    var next: (@Sendable (Completion) throws(ClientError) -> RunItem?)?

    init(
        key: String, label: String, request: CompletionRequest,
        next: (@Sendable (Completion) throws(ClientError) -> RunItem?)? = nil,
        line: @escaping @Sendable (Completion) throws(ClientError) -> LineText
    ) {
        self.key = key
        self.label = label
        self.request = request
        self.line = line
        self.next = next
    }
}

/// The lines a run must produce, made one at a time when requested, so a large run does not hold
/// every request in memory before it sends the first.
struct RunItems: Sendable {
    /// How many items the run must produce (a chain of lines counts once).
    var count: Int
    /// The key of item `index`, without making its request (resuming checks every key); for a
    /// chain, the key of its last line: a chain's lines are written together, so its last line
    /// present means the chain is.
    var key: @Sendable (Int) -> String
    /// Item `index` (0..<count), in the order to request them.
    var item: @Sendable (Int) -> RunItem

    init(count: Int, key: @escaping @Sendable (Int) -> String, item: @escaping @Sendable (Int) -> RunItem) {
        self.count = count
        self.key = key
        self.item = item
    }

    init(_ items: [RunItem]) {
        self.init(count: items.count, key: { items[$0].key }, item: { items[$0] })
    }
}

/// Everything a resumable run needs: the server and run settings, what identifies the run and
/// its lines, the work, and the manifest's entries. ``SamplingRun`` and ``ProbeRun`` each
/// describe their work; this one initializer turns it into a plan.
struct RunPlan: Sendable {
    /// The manifest's `schema`.
    var schema: String
    var server: ServerSettings
    var run: RunSettings
    /// What must match the manifest for the run to resume: the server's identity members, the
    /// seed, then the command's own.
    var settings: JSONValue
    /// What may change between sessions (recorded, not compared).
    var sessionSettings: JSONValue
    /// The manifest key of the inputs (`dataset`, `source`) and their description.
    var inputsKey: String
    var inputs: JSONValue
    /// Extra entries for the manifest's `counts`.
    var counts: JSONValue
    /// The identity of a written line; `nil` for a line this run cannot have written.
    var key: @Sendable (JSONValue) -> String?
    /// Every line the run must have in the end, in the order to request them.
    var items: RunItems
    /// How the output is written (`nil`: plain text).
    var compression: CompressionFormat?

    /// - Parameters:
    ///   - identity: the command's members of the manifest's `settings`, after the server's and
    ///     the seed.
    ///   - session: the command's members of `session_settings`, after the server's.
    init(
        schema: String,
        server: ServerSettings,
        run: RunSettings,
        identity: [(key: String, value: JSONValue)],
        session: [(key: String, value: JSONValue)],
        inputsKey: String,
        inputs: JSONValue,
        counts: JSONValue,
        key: @escaping @Sendable (JSONValue) -> String?,
        items: RunItems,
        compression: CompressionFormat? = nil
    ) {
        self.schema = schema
        self.server = server
        self.run = run
        var settings = server.identityMembers
        settings.append((key: "seed", value: .integer(run.seed)))
        self.settings = .object(settings + identity)
        var sessionSettings = server.sessionMembers + session
        sessionSettings.append((key: "concurrency", value: .integer(run.concurrency)))
        self.sessionSettings = .object(sessionSettings)
        self.inputsKey = inputsKey
        self.inputs = inputs
        self.counts = counts
        self.key = key
        self.items = items
        self.compression = compression
    }

    var outputPath: String { run.outputPath }
    var manifestPath: String { run.outputPath + ".manifest.json" }
}
