import GRDB

extension SampleBuilder {
    /// volume_triggers: the 21 rows of §6.4.
    func insertTriggers() throws {
        struct Spec {
            var page, content, type: String
            var mult: Double
            var confidence: String? = nil
            var expiresDays: Double? = nil
            var expiresAt: String? = nil
            var active = true
            var metrics: String? = nil
            var applied = 0
            var detectionCount = 1
            var firstDetectedDays: Double? = nil
        }
        let specs: [Spec] = [
            Spec(page: "alexia", content: "lingerie", type: "HIGH_PERFORMER", mult: 1.20, confidence: "high", expiresDays: 5),
            Spec(page: "alexia", content: "b/g", type: "TRENDING_UP", mult: 1.10, confidence: "moderate", expiresDays: 3),
            Spec(page: "conflict_carla", content: "solo", type: "HIGH_PERFORMER", mult: 1.20),
            Spec(page: "conflict_carla", content: "solo", type: "SATURATING", mult: 0.85),
            Spec(page: "compound_clara", content: "lingerie", type: "HIGH_PERFORMER", mult: 1.80),
            Spec(page: "compound_clara", content: "lingerie", type: "EMERGING_WINNER", mult: 1.50),
            Spec(page: "compound_clara", content: "feet", type: "SATURATING", mult: 0.60),
            Spec(page: "compound_clara", content: "feet", type: "AUDIENCE_FATIGUE", mult: 0.75),
            Spec(page: "compound_clara", content: "solo", type: "TRENDING_UP", mult: 1.30),
            Spec(page: "grace_bennett", content: "lingerie", type: "HIGH_PERFORMER", mult: 1.20),
            Spec(page: "grace_bennett", content: "feet", type: "AUDIENCE_FATIGUE", mult: 0.75, detectionCount: 3, firstDetectedDays: 20),
            Spec(page: "expired_erin", content: "lingerie", type: "HIGH_PERFORMER", mult: 1.20, expiresDays: -2),
            Spec(page: "expired_erin", content: "solo", type: "TRENDING_UP", mult: 1.10, expiresDays: -5),
            Spec(page: "old_trigger_olga", content: "b/g", type: "SATURATING", mult: 0.85, expiresDays: -40),
            Spec(page: "old_trigger_olga", content: "lingerie", type: "HIGH_PERFORMER", mult: 1.20, expiresDays: 5, active: false),
            Spec(page: "premium_paige", content: "toys", type: "EMERGING_WINNER", mult: 1.30, metrics: "{bad", applied: 3),
            Spec(page: "premium_paige", content: "lingerie", type: "HIGH_PERFORMER", mult: 1.60),
            Spec(page: "struggling", content: "solo", type: "SATURATING", mult: 0.85),
            Spec(page: "struggling", content: "b/g", type: "AUDIENCE_FATIGUE", mult: 0.75),
            Spec(page: "hv_low_sat", content: "toys", type: "EMERGING_WINNER", mult: 1.30),
            Spec(page: "luna_free", content: "solo", type: "TRENDING_UP", mult: 1.10, expiresAt: asOf.timestamp(second: 1)),
        ]
        let columns = [
            "creator_id", "content_type", "trigger_type", "adjustment_multiplier", "reason", "confidence",
            "metrics_json", "detected_at", "expires_at", "is_active", "applied_count", "last_applied_at",
            "detection_count", "first_detected_at",
        ]
        let words = ["conversion up", "strong week", "rising revenue", "open rate falling", "heavy recent use", "steady buyers"]
        for s in specs {
            guard let creator = roster.first(where: { $0.page == s.page }) else { continue }
            var rng = SplitMix64(table: "volume_triggers", key: "\(s.page)|\(s.content)|\(s.type)")
            let expiresDays = s.expiresDays ?? Double(rng.int(1...6))
            let expires = s.expiresAt ?? t0Plus(days: expiresDays)
            let detectedDays = expiresDays < 0 ? 7 - expiresDays : Double(rng.int(1...3))
            let detected = t0Minus(days: detectedDays)
            let confidence = s.confidence ?? rng.pick(["low", "moderate", "high"])
            var reason = rng.pick(words)
            while reason.count < 5 { reason += "!" }
            let metrics = s.metrics
                ?? ToolValue.object([
                    "v": 2,
                    "detected": .object([
                        "multiplier": .number(s.mult), "window_days": 7,
                        "conversion": .number(roundTo(rng.uniform(2, 9), 2)),
                    ]),
                ]).canonicalJSON()
            try insert(
                "volume_triggers", columns,
                [
                    creator.creatorID, s.content, s.type, s.mult, reason, confidence, metrics, detected, expires,
                    s.active ? 1 : 0, s.applied, s.applied > 0 ? t0Minus(days: 1) : nil, s.detectionCount,
                    s.firstDetectedDays.map { t0Minus(days: $0) } ?? detected,
                ])
        }
    }

    /// schedule_templates: the 12 saved schedules of §6.4.
    func insertSchedules() throws {
        typealias Spec = (page: String, weekOffset: Int, status: String, extra: String?)
        let specs: [Spec] = [
            ("alexia", -7, "completed", "earned"), ("alexia", 0, "approved", "certificate"),
            ("grace_bennett", -7, "completed", nil), ("grace_bennett", 0, "queued", nil),
            ("maya_hill", 7, "draft", nil), ("conflict_carla", 7, "queued", nil),
            ("premium_paige", 0, "approved", "certificate"), ("struggling", 0, "draft", "death"),
            ("jade-lee", -14, "completed", nil), ("luna_free", 0, "draft", nil),
            ("rosa_free", 0, "draft", "malformed"), ("hv_free", 0, "draft", "null"),
        ]
        let columns = [
            "creator_id", "week_start", "week_end", "generated_at", "status", "total_items", "actual_earnings",
            "completion_rate", "quality_validation_score", "health_status", "generation_metadata",
        ]
        for spec in specs {
            guard let creator = roster.first(where: { $0.page == spec.page }) else { continue }
            var rng = SplitMix64(table: "schedule_templates", key: "\(spec.page)|\(spec.weekOffset)")
            let start = week.adding(spec.weekOffset)
            let generated = t0.adding(seconds: -rng.uniform(0, 30) * 86400).string
            let items = scheduleItems(&rng, creator: creator, start: start)
            let hash = ScheduleHash.compute(items)
            let timezone = try String.fetchOne(
                db, sql: "SELECT timezone FROM creators WHERE creator_id = ?", arguments: [creator.creatorID])
            var meta: [String: ToolValue] = [
                "items": .array(items), "schedule_hash": .string(hash), "item_count": .number(Double(items.count)),
                "generated_at": .string(generated), "timezone": timezone.map(ToolValue.string) ?? .null,
            ]
            if spec.extra == "certificate" {
                meta["validation_certificate"] = .object([
                    "validation_status": "APPROVED", "quality_score": 88,
                    "items_validated": .number(Double(items.count)), "validation_timestamp": .string(generated),
                    "validator": "sample",
                ])
            }
            var metadata: String? = ToolValue.object(meta).canonicalJSON()
            if spec.extra == "malformed" { metadata = "{\"items\": [" }
            if spec.extra == "null" { metadata = nil }
            let earned = spec.extra == "earned"
            try insert(
                "schedule_templates", columns,
                [
                    creator.creatorID, start.string, start.adding(6).string, generated, spec.status, items.count,
                    earned ? roundMoney(rng.uniform(800, 1600)) : nil, earned ? 0.92 : nil, earned ? 88.0 : nil,
                    spec.extra == "death" ? "DEATH_SPIRAL" : "HEALTHY", metadata,
                ])
        }
    }

    /// 7-21 items over the creator's allowed, non-AVOID types, in the save_schedule shape.
    private func scheduleItems(_ rng: inout SplitMix64, creator: SampleCreator, start: CivilDay) -> [ToolValue] {
        let eligible = (allowed[creator.page] ?? []).map(typeName).filter { !(avoid[creator.page] ?? []).contains($0) }
        let types = SampleSendTypes.keys(paid: creator.paid)
        var items: [(String, String, ToolValue)] = []
        for _ in 0..<rng.int(7...21) {
            let type = rng.pick(types)
            let day = start.adding(rng.int(0...6)).string
            let hour = rng.int(8...23)
            let minute = rng.int(0...59)
            let time = (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
            let content = eligible.isEmpty ? nil : rng.pick(eligible)
            let contentID = content.map(typeID)
            let caption = captions.first { $0.type == type.key && $0.active && $0.content == contentID }?.id
            let item: ToolValue = .object([
                "send_type_key": .string(type.key), "scheduled_date": .string(day), "scheduled_time": .string(time),
                "content_type": content.map(ToolValue.string) ?? .null,
                "price": type.price == 1 ? .number(roundMoney(rng.uniform(5, 50))) : .null,
                "caption_id": caption.map { .number(Double($0)) } ?? .null,
                "channel_key": .string(SampleSendTypes.channel(type.key)),
                "flyer_required": .number(Double(type.flyer)),
            ])
            items.append((day, time, item))
        }
        return items.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }
}
