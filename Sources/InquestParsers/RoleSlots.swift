/// Eight inline optional slots, one per ``FieldRole``: no heap storage, so a parser can reset
/// and fill them per record without allocating.
struct RoleSlots<Value> {
    private var time: Value?
    private var level: Value?
    private var message: Value?
    private var service: Value?
    private var host: Value?
    private var traceID: Value?
    private var spanID: Value?
    private var requestID: Value?

    init() {}

    subscript(role: FieldRole) -> Value? {
        get {
            switch role {
            case .time: time
            case .level: level
            case .message: message
            case .service: service
            case .host: host
            case .traceID: traceID
            case .spanID: spanID
            case .requestID: requestID
            }
        }
        set {
            switch role {
            case .time: time = newValue
            case .level: level = newValue
            case .message: message = newValue
            case .service: service = newValue
            case .host: host = newValue
            case .traceID: traceID = newValue
            case .spanID: spanID = newValue
            case .requestID: requestID = newValue
            }
        }
    }
}
