/// The skeleton `runner learnings init` writes (learnings.md section 11).
public enum LearningsSkeleton {
    /// The skeleton text dated `today`, with LF endings.
    public static func text(today: String) -> String {
        """
        \(LearningsVocabulary.title)

        **Version**: 1.0.0 | **Last Updated**: \(today) | **Total Learnings**: 0

        ---

        ## Feedback Sources & Confidence Levels

        | Level | Behavior | Sources |
        |-------|----------|---------|
        | **HIGH** | MUST follow | Hard gate violations, explicit user corrections |
        | **MEDIUM** | SHOULD follow | Quality >= 85 patterns, user approvals, sample >= 10 |
        | **LOW** | MAY inform | Sample < 10, emerging trends to monitor |

        ---

        ## Statistics

        ```yaml
        \(LearningsStatistics().lines.joined(separator: "\n"))
        ```

        ---

        ## HIGH Confidence Learnings

        \(LearningTier.high.blockquote)

        ---

        ## MEDIUM Confidence Learnings

        \(LearningTier.medium.blockquote)

        ---

        ## LOW Confidence Learnings

        \(LearningTier.low.blockquote)

        ---

        ## Deprecated Learnings

        \(LearningTier.deprecated.blockquote)

        ---

        ## Changelog

        \(LearningsVocabulary.changelogHeader)
        \(LearningsVocabulary.changelogSeparator)
        | \(today) | CREATED | LEARNINGS.md | - | system |

        ---

        ## Integration Hooks

        ### Validation Phase (Immediate)

        ### Performance Feedback (7-14 days delayed)

        ### Promotion Rules

        | Transition | Criteria |
        |------------|----------|
        | LOW -> MEDIUM | Sample >= 10 AND 80% consistent |
        | MEDIUM -> HIGH | User confirms OR 5+ validation successes |

        ---

        ## Agent Usage

        - **schedule-generator**: receives the HIGH and MEDIUM learnings that apply to the creator
        - **schedule-validator**: its verdicts become learning signals
        - **reflect command**: `runner learnings reflect --apply` is the only automated writer

        \(LearningsVocabulary.readyLine)

        """
    }

    /// The suggested commit message for init.
    public static let commitMessage = "docs(learnings): create LEARNINGS.md"
}
