/// The one setting of the suspects analysis, the same for every store (nothing is fitted to
/// incident data). See the README's "Suspects" paragraph for why each value is what it is.
public struct SuspectSettings: Sendable, Hashable {
    /// The window after the incident time that is examined (3 minutes: long enough for a
    /// minute-resolution metric to show two or three samples and for a few hundred requests to
    /// pass, short enough that a second incident a few minutes later stays out of it).
    public var window: Int64
    /// The baseline before the incident time (30 minutes, ten windows: long enough that one
    /// earlier incident inside it is diluted, short enough to stay within the same workload).
    public var baseline: Int64
    /// How far before the incident time a change (deploy, commit, CI failure) counts.
    public var changeLookback: Int64
    /// Weight of the log-template signal (new or louder warning/error templates).
    public var logWeight: Double
    /// Weight of the vanished-template signal (a template the service kept writing stops while it keeps serving).
    public var vanishedWeight: Double
    /// Weight of the stopped-handler signal (the requests of one operation stop calling or logging a step
    /// they took before). Half: it sees the same early stop as the vanished-template signal, at
    /// the finer grain of one operation's requests, so at full weight one silence would count twice.
    public var handlerWeight: Double
    /// Weight of the own-span signal (error spans and the service's own latency).
    public var spanWeight: Double
    /// Weight of the metric signal.
    public var metricWeight: Double
    /// Weight of a change shortly before the incident time.
    public var changeWeight: Double
    /// The share of a caller's score that an anomalous callee explains and takes away (0…1).
    public var calleeDiscount: Double

    public init(
        window: Int64 = 180 * 1_000_000_000,
        baseline: Int64 = 1_800 * 1_000_000_000,
        changeLookback: Int64 = 3_600 * 1_000_000_000,
        logWeight: Double = 1,
        vanishedWeight: Double = 1,
        handlerWeight: Double = 0.5,
        spanWeight: Double = 1,
        metricWeight: Double = 0.5,
        changeWeight: Double = 0.5,
        calleeDiscount: Double = 0.5
    ) {
        self.window = window
        self.baseline = baseline
        self.changeLookback = changeLookback
        self.logWeight = logWeight
        self.vanishedWeight = vanishedWeight
        self.handlerWeight = handlerWeight
        self.spanWeight = spanWeight
        self.metricWeight = metricWeight
        self.changeWeight = changeWeight
        self.calleeDiscount = calleeDiscount
    }

    /// The default setting.
    public static let standard = SuspectSettings()
}
