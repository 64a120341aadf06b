/// The 22 active send types of schedule-domain.md §4.1 as the sample dataset stores them.
enum SampleSendTypes {
    /// key, category, page restriction, max/day, max/week, min gap hours, media, price, flyer, follow-up parent.
    typealias Entry = (
        key: String, category: String, page: String, maxDay: Int, maxWeek: Int?, gap: Double, media: Int,
        price: Int, flyer: Int, followup: Int
    )

    /// Table order of §4.1.
    static let entries: [Entry] = [
        ("ppv_unlock", "revenue", "both", 4, nil, 2, 1, 1, 1, 1),
        ("ppv_wall", "revenue", "free", 3, nil, 3, 1, 1, 1, 1),
        ("tip_goal", "revenue", "paid", 2, nil, 4, 0, 1, 0, 1),
        ("bundle", "revenue", "both", 1, nil, 3, 1, 1, 1, 0),
        ("flash_bundle", "revenue", "both", 1, nil, 6, 1, 1, 1, 0),
        ("vip_program", "revenue", "both", 1, 1, 24, 0, 0, 1, 0),
        ("game_post", "revenue", "both", 1, nil, 4, 0, 0, 0, 0),
        ("snapchat_bundle", "revenue", "both", 1, 1, 24, 1, 0, 1, 0),
        ("first_to_tip", "revenue", "both", 1, nil, 6, 0, 0, 1, 0),
        ("link_drop", "engagement", "both", 2, nil, 2, 0, 0, 0, 0),
        ("wall_link_drop", "engagement", "both", 2, nil, 3, 1, 0, 0, 0),
        ("bump_normal", "engagement", "both", 3, nil, 1, 0, 0, 0, 0),
        ("bump_descriptive", "engagement", "both", 2, nil, 2, 0, 0, 0, 0),
        ("bump_text_only", "engagement", "both", 2, nil, 2, 0, 0, 0, 0),
        ("bump_flyer", "engagement", "both", 2, nil, 4, 1, 0, 1, 0),
        ("dm_farm", "engagement", "both", 2, nil, 4, 0, 0, 0, 0),
        ("like_farm", "engagement", "both", 1, nil, 24, 0, 0, 0, 0),
        ("live_promo", "engagement", "both", 2, nil, 2, 1, 0, 1, 0),
        ("renew_on_post", "retention", "paid", 2, nil, 12, 0, 0, 0, 0),
        ("renew_on_message", "retention", "paid", 1, nil, 24, 0, 0, 0, 0),
        ("ppv_followup", "retention", "both", 5, nil, 1, 0, 0, 0, 0),
        ("expired_winback", "retention", "paid", 1, nil, 24, 0, 0, 0, 0),
    ]

    /// The channel of §4.3 for a key.
    static func channel(_ key: String) -> String {
        switch key {
        case "ppv_wall", "tip_goal", "wall_link_drop", "game_post", "like_farm", "renew_on_post": "wall_post"
        case "ppv_followup", "expired_winback", "renew_on_message": "targeted_message"
        default: "mass_message"
        }
    }

    /// Title-cased display name from a key.
    static func displayName(_ key: String) -> String {
        key.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// The send types eligible for a page type.
    static func keys(paid: Bool) -> [Entry] {
        entries.filter { $0.page == "both" || $0.page == (paid ? "paid" : "free") }
    }
}
