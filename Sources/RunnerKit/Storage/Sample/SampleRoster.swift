/// One creator of the sample roster (data-model.md §6.3).
struct SampleCreator {
    var page: String
    var paid: Bool
    var category: String?
    var messageNet: Double?
    var postsNet: Double?
    var fans: Int?
    var assigned: String?
    /// Roster group by row range (1-6 MINIMAL ... 34-40 PREMIUM); drives the recipes.
    var group: String
    var active = true
    var noMM = false
    var noPersona = false
    var timezoneNull = false

    /// "cr_" + hex16 of "eros-sample:" + page_name.
    var creatorID: String { "cr_" + HashText.hex16("eros-sample:" + page) }
}

/// The fixed roster and the tier constants used by the generator.
enum SampleRoster {
    /// Canonical tiers, lowest first.
    static let tiers = ["MINIMAL", "LITE", "STANDARD", "HIGH_VALUE", "PREMIUM"]

    /// The 40 roster creators in table order.
    static let creators: [SampleCreator] = {
        // page, paid, category, message, posts, fans, assigned
        typealias Row = (String, Bool, String?, Double?, Double?, Int?, String?)
        let rows: [Row] = [
            ("new_creator", true, "lifestyle", nil, nil, nil, nil),
            ("fans_only", false, "softcore", 0, 0, 48, nil),
            ("tiny_tess", true, "amateur", 90.10, 20.00, 310, "MINIMAL"),
            ("struggling", true, "softcore", 100.25, 0, 900, "MINIMAL"),
            ("minimal_edge", true, "explicit", 149.00, 0, 420, nil),
            ("dormant_dana", true, "lifestyle", 55.30, 0, 150, "MINIMAL"),
            ("luna_free", false, "lifestyle", 300.40, 0, 2000, "LITE"),
            ("lite_edge", true, "softcore", 150.00, 0, 600, nil),
            ("jade-lee", true, "amateur", 420.60, 15.00, 1100, "LITE"),
            ("rosa_free", false, "softcore", 650.70, 0, 2600, "LITE"),
            ("Sophie_Rae", true, "softcore", 760.80, 0, 2900, "LITE"),
            ("hysteresis_hold", true, "softcore", 700.00, 0, 3000, "STANDARD"),
            ("hysteresis_drop", true, "softcore", 600.00, 0, 2800, "STANDARD"),
            ("stale_stella", true, "explicit", 500.90, 30.00, 1900, "LITE"),
            ("alexia", true, "softcore", 1500.00, 300.00, 5000, "STANDARD"),
            ("maya_hill", true, "softcore", 1800.15, 200.00, 4200, "STANDARD"),
            ("standard_free", false, "lifestyle", 1200.25, 100.00, 6000, "STANDARD"),
            ("all_avoid", true, "explicit", 1500.35, 0, 3900, "STANDARD"),
            ("empty_vault", true, "softcore", 1000.45, 0, 3500, "STANDARD"),
            ("saturated_sam", true, "amateur", 2900.55, 90.00, 7000, "STANDARD"),
            ("warning_wendy", true, "softcore", 2000.65, 150.00, 5200, "STANDARD"),
            ("no_rankings", true, "lifestyle", 900.75, 0, 2500, "STANDARD"),
            ("conflict_carla", true, "softcore", 2200.85, 0, 5600, "STANDARD"),
            ("std_no_va", true, "explicit", 1600.95, 0, 4100, nil),
            ("grace_bennett", true, "softcore", 5000.00, 500.00, 15000, "HIGH_VALUE"),
            ("hv_free", false, "softcore", 3500.10, 0, 12000, "HIGH_VALUE"),
            ("hv_edge", true, "softcore", 3000.00, 0, 9000, nil),
            ("compound_clara", true, "explicit", 6000.20, 300.00, 16000, "HIGH_VALUE"),
            ("expired_erin", true, "softcore", 4000.30, 0, 11000, "HIGH_VALUE"),
            ("old_trigger_olga", true, "amateur", 4500.40, 0, 12500, "HIGH_VALUE"),
            ("hv_low_sat", true, "lifestyle", 7000.50, 0, 14000, "HIGH_VALUE"),
            ("hv_top_edge", true, "softcore", 7999.00, 0, 13000, nil),
            ("inactive_hv", true, "explicit", 5200.60, 0, 10000, "HIGH_VALUE"),
            ("premium_paige", true, "explicit", 12000.70, 800.00, 30000, "PREMIUM"),
            ("premium_free", false, "softcore", 9000.80, 0, 40000, "PREMIUM"),
            ("premium_edge", true, "amateur", 8000.00, 0, 22000, nil),
            ("whale_willa", true, "explicit", 25000.90, 2000.00, 60000, "PREMIUM"),
            ("premium_no_persona", true, "softcore", 10000.10, 0, 28000, "PREMIUM"),
            ("premium_hysteresis", true, "softcore", 6900.00, 0, 20000, "PREMIUM"),
            ("inactive_premium", false, "lifestyle", 15000.20, 0, 45000, "PREMIUM"),
        ]
        let inactive: Set = ["dormant_dana", "inactive_hv", "inactive_premium"]
        let noMM: Set = [
            "new_creator", "fans_only", "dormant_dana", "hysteresis_hold", "hysteresis_drop",
            "premium_hysteresis", "inactive_premium",
        ]
        let noPersona: Set = [
            "new_creator", "fans_only", "minimal_edge", "dormant_dana", "lite_edge", "hysteresis_drop",
            "inactive_hv", "premium_no_persona", "inactive_premium",
        ]
        return rows.enumerated().map { index, row in
            let group: String
            switch index {
            case 0..<6: group = "MINIMAL"
            case 6..<14: group = "LITE"
            case 14..<24: group = "STANDARD"
            case 24..<33: group = "HIGH_VALUE"
            default: group = "PREMIUM"
            }
            var c = SampleCreator(
                page: row.0, paid: row.1, category: row.2, messageNet: row.3, postsNet: row.4, fans: row.5,
                assigned: row.6, group: group)
            c.active = !inactive.contains(row.0)
            c.noMM = noMM.contains(row.0)
            c.noPersona = noPersona.contains(row.0)
            c.timezoneNull = row.0 == "std_no_va"
            return c
        }
    }()

    /// Filler creator number `i` (41, 42, ...): active paid softcore, tiers cycling.
    static func filler(_ i: Int) -> SampleCreator {
        let tier = tiers[(i - 41) % 5]
        let middle: [String: Double] = [
            "MINIMAL": 75, "LITE": 475, "STANDARD": 1900, "HIGH_VALUE": 5500, "PREMIUM": 12000,
        ]
        let fans: [String: Int] = [
            "MINIMAL": 300, "LITE": 1500, "STANDARD": 4000, "HIGH_VALUE": 12000, "PREMIUM": 30000,
        ]
        let page = "sample_creator_" + String(repeating: "0", count: max(0, 4 - String(i).count)) + String(i)
        return SampleCreator(
            page: page, paid: true, category: "softcore", messageNet: roundMoney(middle[tier]! + Double(i) / 100),
            postsNet: 0, fans: fans[tier], assigned: tier, group: tier)
    }

    /// The roster for `count` creators (at least 40).
    static func roster(count: Int) -> [SampleCreator] {
        creators + (count > 40 ? (41...count).map(filler) : [])
    }

    /// Sends per 100 days (the R of the mass_messages recipe).
    static func sendRate(_ c: SampleCreator) -> Int {
        switch c.page {
        case "saturated_sam": 250
        case "hv_low_sat": 30
        case "struggling": 180
        default: ["MINIMAL": 50, "LITE": 80, "STANDARD": 130, "HIGH_VALUE": 160, "PREMIUM": 190][c.group]!
        }
    }

    /// The 30 content types in id order with (category, is_explicit).
    static let contentTypes: [(name: String, category: String, explicit: Int?)] = [
        ("lingerie", "softcore", 0), ("b/g", "explicit", 1), ("g/g", "explicit", 1), ("solo", "explicit", 1),
        ("shower", "softcore", 0), ("bath", "softcore", 0), ("gym", "softcore", 0), ("yoga", "softcore", 0),
        ("outdoor", "softcore", 0), ("beach", "softcore", 0), ("cosplay", "fetish", 0), ("roleplay", "fetish", 0),
        ("feet", "fetish", 0), ("toys", "explicit", 1), ("oil", "softcore", 0), ("dance", "softcore", 0),
        ("tease", "softcore", 0), ("pov", "explicit", 1), ("joi", "interactive", 1), ("sexting", "interactive", 1),
        ("custom_video", "interactive", 1), ("rating", "interactive", 0), ("bts", "softcore", nil),
        ("selfie", "softcore", 0), ("bikini", "softcore", 0), ("implied_nude", "softcore", 0),
        ("topless", "explicit", 1), ("boudoir", "softcore", 0), ("livestream_clip", "interactive", 0),
        ("couple", "explicit", 1),
    ]
}
