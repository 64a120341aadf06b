/// One saved send: an item or a follow-up (schedule-domain §6.1).
///
/// Decoding is lenient so the validator's structural checks (§7.1) can report missing keys and
/// wrong types of an external agent's output instead of failing on the first one.
public struct ScheduleEntry: Sendable, Equatable {
    public var sendTypeKey: String? { didSet { key = sendTypeKey.flatMap(SendTypeKey.init(rawValue:)) } }
    public var captionId: Int?
    public var contentType: String?
    public var scheduledDate: String? { didSet { date = scheduledDate.flatMap(DayDate.init) } }
    public var scheduledTime: String? { didSet { time = scheduledTime.flatMap(ClockTime.init) } }
    public var price: Double?
    public var flyerRequired: Int?
    public var channelKey: String?
    /// Follow-ups only: the index of the parent in `items`.
    public var parentItemIndex: Int?
    /// Follow-ups only.
    public var delayMinutes: Int?
    /// Keys that were present in the decoded object (nil for values built in code).
    public var presentKeys: Set<String>?
    /// Fields whose decoded JSON type was wrong; `<object>` when the entry was not an object.
    public var malformedFields: [String] = []

    /// Creates an entry.
    public init(
        sendTypeKey: String?, captionId: Int?, contentType: String?, scheduledDate: String?, scheduledTime: String?,
        price: Double?, flyerRequired: Int?, channelKey: String?, parentItemIndex: Int? = nil,
        delayMinutes: Int? = nil
    ) {
        self.sendTypeKey = sendTypeKey
        self.captionId = captionId
        self.contentType = contentType
        self.scheduledDate = scheduledDate
        self.scheduledTime = scheduledTime
        self.price = price
        self.flyerRequired = flyerRequired
        self.channelKey = channelKey
        self.parentItemIndex = parentItemIndex
        self.delayMinutes = delayMinutes
        key = sendTypeKey.flatMap(SendTypeKey.init(rawValue:))
        date = scheduledDate.flatMap(DayDate.init)
        time = scheduledTime.flatMap(ClockTime.init)
    }

    // The parsed forms below are kept in step with their text fields (parsed once, read often by
    // the validator's checks).

    /// The send type, when the key is one of the 22.
    public private(set) var key: SendTypeKey?
    /// The parsed date, when well-formed.
    public private(set) var date: DayDate?
    /// The parsed time, when well-formed.
    public private(set) var time: ClockTime?

    /// The stable sort key (date, time) as text.
    var sortKey: (String, String) { (scheduledDate ?? "", scheduledTime ?? "") }
}

extension ScheduleEntry: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case sendTypeKey = "send_type_key", captionId = "caption_id", contentType = "content_type"
        case scheduledDate = "scheduled_date", scheduledTime = "scheduled_time", price
        case flyerRequired = "flyer_required", channelKey = "channel_key"
        case parentItemIndex = "parent_item_index", delayMinutes = "delay_minutes"
    }

    public init(from decoder: any Decoder) throws {
        guard let c = try? decoder.container(keyedBy: CodingKeys.self) else {
            self.init(
                sendTypeKey: nil, captionId: nil, contentType: nil, scheduledDate: nil, scheduledTime: nil, price: nil,
                flyerRequired: nil, channelKey: nil)
            presentKeys = []
            malformedFields = ["<object>"]
            return
        }
        var bad: [String] = []
        func string(_ key: CodingKeys) -> String? {
            guard c.contains(key), (try? c.decodeNil(forKey: key)) == false else { return nil }
            if let v = try? c.decode(String.self, forKey: key) { return v }
            bad.append(key.rawValue)
            return nil
        }
        func integer(_ key: CodingKeys) -> Int? {
            guard c.contains(key), (try? c.decodeNil(forKey: key)) == false else { return nil }
            if let v = try? c.decode(Int.self, forKey: key) { return v }
            if let d = try? c.decode(Double.self, forKey: key), d == d.rounded(), abs(d) < 1e15 { return Int(d) }
            bad.append(key.rawValue)
            return nil
        }
        var price: Double?
        if c.contains(.price), (try? c.decodeNil(forKey: .price)) == false {
            if (try? c.decode(Bool.self, forKey: .price)) == nil, let v = try? c.decode(Double.self, forKey: .price) {
                price = v
            } else {
                bad.append("price")
            }
        }
        var flyer: Int?
        if c.contains(.flyerRequired), (try? c.decodeNil(forKey: .flyerRequired)) == false {
            if let b = try? c.decode(Bool.self, forKey: .flyerRequired) {
                flyer = b ? 1 : 0
            } else if let i = try? c.decode(Int.self, forKey: .flyerRequired), i == 0 || i == 1 {
                flyer = i
            } else {
                bad.append("flyer_required")
            }
        }
        self.init(
            sendTypeKey: string(.sendTypeKey), captionId: integer(.captionId), contentType: string(.contentType),
            scheduledDate: string(.scheduledDate), scheduledTime: string(.scheduledTime), price: price,
            flyerRequired: flyer, channelKey: string(.channelKey), parentItemIndex: integer(.parentItemIndex),
            delayMinutes: integer(.delayMinutes))
        presentKeys = Set(c.allKeys.map(\.rawValue))
        malformedFields = bad
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if parentItemIndex != nil { try c.encode(parentItemIndex, forKey: .parentItemIndex) }
        try c.encode(sendTypeKey, forKey: .sendTypeKey)
        try c.encode(scheduledDate, forKey: .scheduledDate)
        try c.encode(scheduledTime, forKey: .scheduledTime)
        if parentItemIndex != nil || delayMinutes != nil { try c.encode(delayMinutes, forKey: .delayMinutes) }
        try c.encode(captionId, forKey: .captionId)
        try c.encode(contentType, forKey: .contentType)
        try c.encode(price, forKey: .price)
        try c.encode(flyerRequired, forKey: .flyerRequired)
        try c.encode(channelKey, forKey: .channelKey)
    }
}

extension ScheduleEntry {
    /// The entry as an element of save_schedule's `items`: the keys and values `encode(to:)`
    /// writes, built directly (every item of every saved schedule is converted).
    func toolValue() throws -> ToolValue {
        // A non-finite price cannot be JSON; the encoder reports it as JSONEncoder would.
        if let price, !price.isFinite { return try ToolValue.encode(self) }
        func value(_ text: String?) -> ToolValue { text.map(ToolValue.string) ?? .null }
        func value(_ number: Int?) -> ToolValue { number.map { .number(Double($0)) } ?? .null }
        var object: [CodingKeys: ToolValue] = [
            .sendTypeKey: value(sendTypeKey), .scheduledDate: value(scheduledDate), .scheduledTime: value(scheduledTime),
            .captionId: value(captionId), .contentType: value(contentType), .price: price.map(ToolValue.number) ?? .null,
            .flyerRequired: value(flyerRequired), .channelKey: value(channelKey),
        ]
        if parentItemIndex != nil { object[.parentItemIndex] = value(parentItemIndex) }
        if parentItemIndex != nil || delayMinutes != nil { object[.delayMinutes] = value(delayMinutes) }
        return .object(Dictionary(uniqueKeysWithValues: object.map { ($0.key.rawValue, $0.value) }))
    }
}
