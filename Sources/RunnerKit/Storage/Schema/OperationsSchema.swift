/// The DDL of migration `0002_operations`: the operations tables of data-model.md §3.
enum OperationsSchema {
    /// Operations tables, as listed in data-model.md §3 (counted by `diagnose db`).
    static let tables = [
        "applied_configs", "runs", "run_phases", "shadow_comparisons", "rollback_state",
        "rollback_events", "alert_states", "alert_events", "notification_attempts",
        "learning_signals", "audit_log",
    ]

    /// Statements, executed in order inside the migration's transaction.
    static let statements: [String] = [
        """
        CREATE TABLE applied_configs (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          seen_at TEXT NOT NULL,
          config_hash TEXT NOT NULL,
          phase TEXT,
          flags TEXT NOT NULL,
          salt TEXT NOT NULL DEFAULT '',
          status TEXT NOT NULL CHECK (status IN ('accepted', 'refused')),
          reason TEXT,
          seen_by TEXT
        )
        """,
        "CREATE UNIQUE INDEX applied_configs_refused_once ON applied_configs (config_hash) WHERE status = 'refused'",
        "CREATE INDEX applied_configs_status ON applied_configs (status, id DESC)",
        """
        CREATE TABLE runs (
          run_id TEXT PRIMARY KEY,
          creator_id TEXT NOT NULL,
          week_start TEXT NOT NULL,
          pipeline TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('primary', 'fallback', 'shadow', 'diagnostic')),
          decision TEXT NOT NULL,
          decision_target TEXT NOT NULL CHECK (decision_target IN ('control', 'candidate', 'shadow')),
          decision_reason TEXT NOT NULL,
          rollout_phase TEXT,
          applied_config_id INTEGER NOT NULL REFERENCES applied_configs (id),
          read_only INTEGER NOT NULL CHECK (read_only IN (0, 1)),
          status TEXT NOT NULL DEFAULT 'running'
            CHECK (status IN ('running', 'succeeded', 'rejected', 'failed', 'abandoned', 'blocked')),
          started_at TEXT NOT NULL,
          finished_at TEXT,
          heartbeat_at TEXT,
          duration_ms INTEGER,
          validation_status TEXT CHECK (validation_status IN ('APPROVED', 'NEEDS_REVIEW', 'REJECTED')),
          quality_score REAL CHECK (quality_score BETWEEN 0 AND 100),
          gate_codes TEXT NOT NULL DEFAULT '[]',
          hard_gate_violation INTEGER NOT NULL DEFAULT 0 CHECK (hard_gate_violation IN (0, 1)),
          total_items INTEGER,
          schedule_id INTEGER REFERENCES schedule_templates (template_id) ON DELETE SET NULL,
          schedule_hash TEXT,
          signals_count INTEGER NOT NULL DEFAULT 0,
          learning_ids TEXT NOT NULL DEFAULT '[]',
          learnings_version TEXT,
          learnings_sha256 TEXT,
          error_code TEXT,
          error_message TEXT,
          fallback_run_id TEXT REFERENCES runs (run_id),
          fallback_of_run_id TEXT REFERENCES runs (run_id),
          shadow_of_run_id TEXT REFERENCES runs (run_id),
          owner_pid INTEGER,
          owner_host TEXT NOT NULL,
          runner_version TEXT NOT NULL,
          CHECK ((role = 'fallback') = (fallback_of_run_id IS NOT NULL)),
          CHECK ((role = 'shadow') = (shadow_of_run_id IS NOT NULL)),
          CHECK (role NOT IN ('shadow', 'diagnostic') OR read_only = 1),
          CHECK ((finished_at IS NULL) = (status = 'running'))
        )
        """,
        """
        CREATE UNIQUE INDEX runs_one_served_running ON runs (creator_id, week_start)
          WHERE status = 'running' AND role IN ('primary', 'fallback')
        """,
        """
        CREATE INDEX runs_pipeline_finished ON runs (pipeline, finished_at DESC, run_id DESC, role, read_only,
          started_at, status, quality_score, hard_gate_violation, duration_ms, rollout_phase, fallback_run_id)
        """,
        """
        CREATE INDEX runs_rollout_gate ON runs (pipeline, rollout_phase, role, started_at, read_only,
          finished_at, status)
        """,
        """
        CREATE INDEX runs_finished ON runs (finished_at, run_id, pipeline, role, read_only, started_at, status,
          quality_score, hard_gate_violation, duration_ms)
        """,
        "CREATE INDEX runs_running_heartbeat ON runs (pipeline, heartbeat_at) WHERE status = 'running'",
        "CREATE INDEX runs_started ON runs (started_at DESC)",
        "CREATE INDEX runs_creator_week ON runs (creator_id, week_start, started_at DESC)",
        """
        CREATE TABLE run_phases (
          run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
          phase TEXT NOT NULL,
          attempt INTEGER NOT NULL CHECK (attempt >= 1),
          ordinal INTEGER NOT NULL,
          started_at TEXT NOT NULL,
          finished_at TEXT,
          status TEXT NOT NULL
            CHECK (status IN ('running', 'succeeded', 'failed', 'timed_out', 'skipped', 'abandoned')),
          duration_ms INTEGER,
          error_code TEXT,
          error_message TEXT,
          data_calls INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (run_id, phase, attempt)
        )
        """,
        "CREATE INDEX run_phases_phase ON run_phases (phase, started_at DESC, status, duration_ms)",
        """
        CREATE TABLE shadow_comparisons (
          comparison_id INTEGER PRIMARY KEY AUTOINCREMENT,
          created_at TEXT NOT NULL,
          creator_id TEXT NOT NULL,
          week_start TEXT NOT NULL,
          control_run_id TEXT NOT NULL REFERENCES runs (run_id),
          candidate_run_id TEXT NOT NULL UNIQUE REFERENCES runs (run_id),
          rollout_phase TEXT,
          tier TEXT NOT NULL,
          control_status TEXT NOT NULL,
          candidate_status TEXT NOT NULL,
          control_duration_ms INTEGER NOT NULL,
          candidate_duration_ms INTEGER NOT NULL,
          control_quality REAL,
          candidate_quality REAL,
          quality_diff REAL,
          control_items INTEGER,
          candidate_items INTEGER,
          items_match INTEGER CHECK (items_match IN (0, 1)),
          category_diffs TEXT,
          send_type_overlap REAL,
          control_gate_codes TEXT NOT NULL DEFAULT '[]',
          candidate_gate_codes TEXT NOT NULL DEFAULT '[]',
          candidate_timed_out INTEGER NOT NULL DEFAULT 0 CHECK (candidate_timed_out IN (0, 1)),
          candidate_error_code TEXT,
          control_schedule_hash TEXT,
          candidate_schedule_hash TEXT,
          recommendation TEXT NOT NULL
            CHECK (recommendation IN ('control_failed', 'v5_failed', 'v5_better', 'v4_better', 'equivalent'))
        )
        """,
        """
        CREATE INDEX shadow_comparisons_report ON shadow_comparisons (created_at, rollout_phase, recommendation,
          candidate_status, quality_diff, control_duration_ms, candidate_duration_ms, items_match,
          send_type_overlap)
        """,
        """
        CREATE TABLE rollback_state (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          state TEXT NOT NULL CHECK (state IN ('ACTIVE', 'DRAINING', 'DISABLED')),
          since TEXT NOT NULL,
          reason TEXT NOT NULL,
          initiated_by TEXT NOT NULL,
          "trigger" TEXT,
          cooldown_until TEXT,
          epoch_started_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE rollback_events (
          event_id INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          event TEXT NOT NULL CHECK (event IN ('drain_started', 'disabled', 'restored')),
          from_state TEXT,
          to_state TEXT,
          reason TEXT,
          initiated_by TEXT,
          "trigger" TEXT,
          metrics_snapshot TEXT,
          drain_ms INTEGER,
          in_flight_at_start INTEGER,
          in_flight_remaining INTEGER,
          recovered INTEGER NOT NULL DEFAULT 0 CHECK (recovered IN (0, 1))
        )
        """,
        "CREATE INDEX rollback_events_at ON rollback_events (at)",
        """
        CREATE TABLE alert_states (
          kind TEXT NOT NULL CHECK (kind IN ('alert', 'trigger')),
          rule_name TEXT NOT NULL,
          definition_hash TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('inactive', 'pending', 'firing', 'resolved')),
          since TEXT NOT NULL,
          active_at TEXT,
          fired_at TEXT,
          resolved_at TEXT,
          last_true_at TEXT,
          consecutive_count INTEGER NOT NULL DEFAULT 0,
          last_value REAL,
          last_evaluated_at TEXT NOT NULL,
          severity TEXT CHECK (severity IN ('info', 'warning', 'critical')),
          PRIMARY KEY (kind, rule_name)
        )
        """,
        """
        CREATE TABLE alert_events (
          event_id INTEGER PRIMARY KEY AUTOINCREMENT,
          kind TEXT NOT NULL,
          rule_name TEXT NOT NULL,
          at TEXT NOT NULL,
          from_state TEXT,
          to_state TEXT,
          value REAL,
          threshold REAL,
          severity TEXT,
          run_id TEXT,
          resolution TEXT CHECK (resolution IN ('rule_changed', 'rule_removed')),
          notification_outcome TEXT NOT NULL DEFAULT 'none'
            CHECK (notification_outcome IN ('none', 'delivered', 'partial', 'failed'))
        )
        """,
        "CREATE INDEX alert_events_rule ON alert_events (rule_name, at)",
        "CREATE INDEX alert_events_at ON alert_events (at)",
        """
        CREATE TABLE notification_attempts (
          attempt_id INTEGER PRIMARY KEY AUTOINCREMENT,
          alert_event_id INTEGER NOT NULL REFERENCES alert_events (event_id),
          notifier TEXT,
          attempt INTEGER,
          at TEXT,
          outcome TEXT CHECK (outcome IN ('delivered', 'failed')),
          http_status INTEGER,
          exit_code INTEGER,
          error TEXT
        )
        """,
        "CREATE INDEX notification_attempts_event ON notification_attempts (alert_event_id)",
        """
        CREATE TABLE learning_signals (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          kind TEXT NOT NULL CHECK (kind IN ('violation', 'quality_pattern', 'user', 'performance')),
          confidence TEXT NOT NULL CHECK (confidence IN ('HIGH', 'MEDIUM', 'LOW')),
          source TEXT NOT NULL CHECK (source IN ('validation', 'user', 'performance')),
          violation_code TEXT,
          applies_to TEXT NOT NULL,
          pattern_key TEXT NOT NULL,
          title TEXT NOT NULL,
          fields_json TEXT,
          subjects_json TEXT,
          run_ids_json TEXT,
          sample_size INTEGER NOT NULL CHECK (sample_size >= 1),
          quality_total INTEGER,
          first_seen_at TEXT,
          last_seen_at TEXT,
          status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'consumed', 'dismissed')),
          resolved_at TEXT,
          learning_id TEXT,
          note TEXT
        )
        """,
        """
        CREATE UNIQUE INDEX learning_signals_pending ON learning_signals
          (kind, coalesce(violation_code, ''), applies_to, pattern_key) WHERE status = 'pending'
        """,
        """
        CREATE TABLE audit_log (
          audit_id INTEGER PRIMARY KEY AUTOINCREMENT,
          occurred_at TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          entity_type TEXT NOT NULL,
          entity_id TEXT NOT NULL,
          run_id TEXT,
          reason TEXT,
          before_json TEXT,
          after_json TEXT
        )
        """,
        "CREATE INDEX audit_log_occurred ON audit_log (occurred_at)",
        "CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, occurred_at)",
        """
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
        """,
        """
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
        """,
    ]
}
