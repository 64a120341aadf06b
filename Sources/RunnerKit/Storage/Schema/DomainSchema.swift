/// The DDL of migration `0001_domain`: the 12 domain tables of data-model.md §2 and `schema_info`.
enum DomainSchema {
    /// Tables in data-model.md §2 order (the order of the sample digest).
    static let tables = [
        "creators", "volume_assignments", "mass_messages", "top_content_types", "content_types",
        "vault_matrix", "creator_personas", "volume_triggers", "schedule_templates", "caption_bank",
        "caption_creator_performance", "send_types",
    ]

    /// Statements, executed in order inside the migration's transaction.
    static let statements: [String] = [
        """
        CREATE TABLE schema_info (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          schema_version INTEGER NOT NULL,
          migrated_at TEXT NOT NULL,
          runner_version TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE creators (
          creator_id TEXT PRIMARY KEY CHECK (length(creator_id) BETWEEN 2 AND 100),
          page_name TEXT NOT NULL UNIQUE,
          display_name TEXT,
          page_type TEXT NOT NULL CHECK (page_type IN ('paid', 'free')),
          subscription_price REAL,
          timezone TEXT,
          content_category TEXT CHECK (content_category IN ('lifestyle', 'softcore', 'amateur', 'explicit')),
          performance_tier INTEGER CHECK (performance_tier BETWEEN 1 AND 5),
          is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
          current_fan_count INTEGER,
          current_active_fans INTEGER,
          current_total_earnings REAL,
          current_message_net REAL,
          current_posts_net REAL,
          metrics_snapshot_date TEXT,
          metrics_period_start TEXT,
          metrics_period_end TEXT,
          updated_at TEXT,
          current_following INTEGER,
          current_new_fans INTEGER,
          current_fans_renew_on INTEGER,
          current_renew_on_pct REAL,
          current_contribution_pct REAL,
          current_expired_fan_change INTEGER,
          current_subscription_net REAL,
          current_tips_net REAL,
          current_streams_net REAL,
          current_refund_net REAL,
          current_avg_spend_per_spender REAL,
          current_avg_spend_per_txn REAL,
          current_avg_earnings_per_fan REAL,
          current_of_ranking TEXT,
          current_avg_subscription_length TEXT,
          base_price REAL
        )
        """,
        "CREATE UNIQUE INDEX creators_page_name_lower ON creators (lower(page_name))",
        "CREATE INDEX creators_active_revenue ON creators (is_active, current_message_net)",
        """
        CREATE TABLE volume_assignments (
          assignment_id INTEGER PRIMARY KEY AUTOINCREMENT,
          creator_id TEXT NOT NULL REFERENCES creators (creator_id) ON DELETE CASCADE,
          volume_level TEXT NOT NULL CHECK (volume_level IN ('MINIMAL', 'LITE', 'STANDARD', 'HIGH_VALUE', 'PREMIUM')),
          ppv_per_day INTEGER,
          bump_per_day INTEGER,
          is_active INTEGER NOT NULL CHECK (is_active IN (0, 1)),
          assigned_at TEXT NOT NULL
        )
        """,
        "CREATE UNIQUE INDEX volume_assignments_one_active ON volume_assignments (creator_id) WHERE is_active = 1",
        "CREATE INDEX volume_assignments_creator_assigned ON volume_assignments (creator_id, assigned_at DESC)",
        """
        CREATE TABLE mass_messages (
          message_id INTEGER PRIMARY KEY AUTOINCREMENT,
          creator_id TEXT NOT NULL REFERENCES creators (creator_id) ON DELETE CASCADE,
          sent_date TEXT NOT NULL,
          imported_at TEXT NOT NULL,
          sent_count INTEGER NOT NULL DEFAULT 0,
          viewed_count INTEGER NOT NULL DEFAULT 0,
          purchased_count INTEGER NOT NULL DEFAULT 0,
          earnings REAL NOT NULL DEFAULT 0,
          view_rate REAL CHECK (view_rate BETWEEN 0 AND 1)
        )
        """,
        "CREATE INDEX mass_messages_creator_sent ON mass_messages (creator_id, sent_date)",
        "CREATE INDEX mass_messages_creator_imported ON mass_messages (creator_id, imported_at)",
        """
        CREATE TABLE top_content_types (
          ranking_id INTEGER PRIMARY KEY AUTOINCREMENT,
          creator_id TEXT NOT NULL REFERENCES creators (creator_id) ON DELETE CASCADE,
          content_type TEXT NOT NULL,
          analysis_date TEXT NOT NULL,
          performance_tier TEXT NOT NULL CHECK (performance_tier IN ('TOP', 'MID', 'LOW', 'AVOID')),
          avg_rps REAL,
          avg_purchase_rate REAL CHECK (avg_purchase_rate BETWEEN 0 AND 1),
          send_count INTEGER,
          total_earnings REAL,
          confidence_score REAL CHECK (confidence_score BETWEEN 0 AND 1)
        )
        """,
        "CREATE UNIQUE INDEX top_content_types_unique ON top_content_types (creator_id, content_type, analysis_date)",
        "CREATE INDEX top_content_types_creator_date ON top_content_types (creator_id, analysis_date)",
        """
        CREATE TABLE content_types (
          content_type_id INTEGER PRIMARY KEY,
          type_name TEXT NOT NULL UNIQUE,
          type_category TEXT CHECK (type_category IN ('softcore', 'explicit', 'fetish', 'interactive')),
          is_explicit INTEGER CHECK (is_explicit IN (0, 1))
        )
        """,
        """
        CREATE TABLE vault_matrix (
          creator_id TEXT NOT NULL REFERENCES creators (creator_id) ON DELETE CASCADE,
          content_type_id INTEGER NOT NULL REFERENCES content_types (content_type_id),
          has_content INTEGER NOT NULL CHECK (has_content IN (0, 1)),
          PRIMARY KEY (creator_id, content_type_id)
        )
        """,
        """
        CREATE TABLE creator_personas (
          persona_id INTEGER PRIMARY KEY AUTOINCREMENT,
          creator_id TEXT NOT NULL UNIQUE REFERENCES creators (creator_id) ON DELETE CASCADE,
          primary_tone TEXT NOT NULL CHECK (primary_tone IN ('aggressive', 'playful', 'seductive', 'sultry')),
          secondary_tone TEXT,
          emoji_frequency TEXT NOT NULL CHECK (emoji_frequency IN ('heavy', 'moderate', 'light', 'none')),
          favorite_emojis TEXT,
          slang_level TEXT NOT NULL CHECK (slang_level IN ('none', 'light', 'heavy')),
          avg_sentiment REAL,
          avg_caption_length REAL,
          last_analyzed TEXT,
          validation_status TEXT
        )
        """,
        """
        CREATE TABLE volume_triggers (
          trigger_id INTEGER PRIMARY KEY AUTOINCREMENT,
          creator_id TEXT NOT NULL REFERENCES creators (creator_id) ON DELETE CASCADE,
          content_type TEXT NOT NULL,
          trigger_type TEXT NOT NULL CHECK (trigger_type IN ('HIGH_PERFORMER', 'TRENDING_UP', 'EMERGING_WINNER', 'SATURATING', 'AUDIENCE_FATIGUE')),
          adjustment_multiplier REAL NOT NULL,
          reason TEXT NOT NULL DEFAULT '',
          confidence TEXT NOT NULL DEFAULT 'moderate' CHECK (confidence IN ('low', 'moderate', 'high')),
          metrics_json TEXT,
          detected_at TEXT NOT NULL,
          expires_at TEXT NOT NULL,
          is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
          applied_count INTEGER NOT NULL DEFAULT 0,
          last_applied_at TEXT,
          detection_count INTEGER NOT NULL DEFAULT 1,
          first_detected_at TEXT NOT NULL
        )
        """,
        "CREATE UNIQUE INDEX volume_triggers_upsert ON volume_triggers (creator_id, content_type, trigger_type)",
        "CREATE INDEX volume_triggers_active_creator ON volume_triggers (creator_id, expires_at) WHERE is_active = 1",
        "CREATE INDEX volume_triggers_active_expiry ON volume_triggers (expires_at) WHERE is_active = 1",
        """
        CREATE TABLE schedule_templates (
          template_id INTEGER PRIMARY KEY AUTOINCREMENT,
          creator_id TEXT NOT NULL REFERENCES creators (creator_id) ON DELETE CASCADE,
          week_start TEXT NOT NULL,
          week_end TEXT NOT NULL,
          generated_at TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'queued', 'completed')),
          total_items INTEGER NOT NULL DEFAULT 0,
          total_ppvs INTEGER NOT NULL DEFAULT 0,
          total_bumps INTEGER NOT NULL DEFAULT 0,
          projected_earnings REAL,
          actual_earnings REAL,
          completion_rate REAL CHECK (completion_rate BETWEEN 0 AND 1),
          quality_validation_score REAL CHECK (quality_validation_score BETWEEN 0 AND 100),
          health_status TEXT DEFAULT 'HEALTHY',
          creator_tier TEXT CHECK (creator_tier IN ('MINIMAL', 'LITE', 'STANDARD', 'HIGH_VALUE', 'PREMIUM')),
          generated_by TEXT,
          algorithm_version TEXT,
          scheduler_id TEXT,
          notes TEXT,
          algorithm_params TEXT,
          agent_execution_log TEXT,
          generation_metadata TEXT,
          UNIQUE (creator_id, week_start)
        )
        """,
        "CREATE INDEX schedule_templates_generated ON schedule_templates (generated_at)",
        "CREATE INDEX schedule_templates_status ON schedule_templates (status, generated_at)",
        """
        CREATE TABLE caption_bank (
          caption_id INTEGER PRIMARY KEY AUTOINCREMENT,
          caption_text TEXT NOT NULL CHECK (length(caption_text) <= 2000),
          caption_type TEXT NOT NULL,
          content_type_id INTEGER REFERENCES content_types (content_type_id),
          is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
          performance_tier INTEGER CHECK (performance_tier BETWEEN 1 AND 4),
          global_last_used_date TEXT,
          global_times_used INTEGER NOT NULL DEFAULT 0,
          caption_hash TEXT NOT NULL DEFAULT '',
          suggested_price REAL,
          price_range_min REAL DEFAULT 5.00,
          price_range_max REAL DEFAULT 50.00,
          avg_purchase_rate REAL CHECK (avg_purchase_rate BETWEEN 0 AND 1),
          schedulable_type TEXT CHECK (schedulable_type IN ('ppv', 'ppv_bump', 'wall'))
        )
        """,
        "CREATE INDEX caption_bank_type_active ON caption_bank (caption_type, is_active)",
        "CREATE INDEX caption_bank_content_active ON caption_bank (content_type_id, is_active)",
        "CREATE INDEX caption_bank_schedulable_active ON caption_bank (schedulable_type, is_active)",
        """
        CREATE TABLE caption_creator_performance (
          ccp_id INTEGER PRIMARY KEY AUTOINCREMENT,
          caption_id INTEGER NOT NULL REFERENCES caption_bank (caption_id) ON DELETE CASCADE,
          creator_id TEXT NOT NULL REFERENCES creators (creator_id) ON DELETE CASCADE,
          times_used INTEGER NOT NULL DEFAULT 0,
          first_used_date TEXT,
          last_used_date TEXT,
          avg_rps REAL,
          avg_conversion_rate REAL CHECK (avg_conversion_rate BETWEEN 0 AND 1),
          total_revenue REAL DEFAULT 0,
          created_at TEXT,
          updated_at TEXT
        )
        """,
        "CREATE UNIQUE INDEX ccp_caption_creator ON caption_creator_performance (caption_id, creator_id)",
        "CREATE INDEX ccp_creator_last_used ON caption_creator_performance (creator_id, last_used_date)",
        "CREATE INDEX ccp_creator_times_used ON caption_creator_performance (creator_id, times_used, last_used_date)",
        """
        CREATE TABLE send_types (
          send_type_id INTEGER PRIMARY KEY,
          send_type_key TEXT NOT NULL UNIQUE CHECK (length(send_type_key) <= 50),
          display_name TEXT,
          category TEXT CHECK (category IN ('revenue', 'engagement', 'retention')),
          page_type_restriction TEXT CHECK (page_type_restriction IN ('both', 'paid', 'free')),
          description TEXT,
          purpose TEXT,
          strategy TEXT,
          requires_media INTEGER CHECK (requires_media IN (0, 1)),
          requires_flyer INTEGER CHECK (requires_flyer IN (0, 1)),
          requires_price INTEGER CHECK (requires_price IN (0, 1)),
          requires_link INTEGER CHECK (requires_link IN (0, 1)),
          has_expiration INTEGER CHECK (has_expiration IN (0, 1)),
          default_expiration_hours INTEGER,
          can_have_followup INTEGER CHECK (can_have_followup IN (0, 1)),
          followup_delay_minutes INTEGER,
          caption_length TEXT,
          emoji_recommendation TEXT,
          max_per_day INTEGER,
          max_per_week INTEGER,
          min_hours_between REAL,
          sort_order INTEGER,
          is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
          priority_score REAL,
          allocation_weight REAL,
          fatigue_score REAL,
          fatigue_multiplier REAL,
          revenue_weight REAL,
          engagement_weight REAL,
          retention_weight REAL,
          cooldown_category TEXT,
          cooldown_after_engagement_min INTEGER,
          cooldown_after_revenue_min INTEGER,
          audience_segment TEXT,
          ab_test_eligible INTEGER CHECK (ab_test_eligible IN (0, 1)),
          current_experiment_id TEXT,
          min_subscriber_tenure_days INTEGER,
          primary_channel_key TEXT,
          secondary_channel_key TEXT,
          primary_channel_weight REAL,
          wall_delivery_page_type TEXT,
          wall_content_level TEXT,
          supports_link_drop_promo INTEGER CHECK (supports_link_drop_promo IN (0, 1)),
          channel_distribution TEXT,
          hybrid_split TEXT,
          page_type_lock INTEGER CHECK (page_type_lock IN (0, 1)),
          drip_window_allowed INTEGER CHECK (drip_window_allowed IN (0, 1)),
          drip_window_triggers TEXT,
          schema_version INTEGER,
          created_at TEXT,
          updated_at TEXT,
          deprecated_at TEXT,
          replacement_send_type_id INTEGER REFERENCES send_types (send_type_id)
        )
        """,
        "CREATE INDEX send_types_active_category ON send_types (is_active, category, sort_order)",
    ]
}
