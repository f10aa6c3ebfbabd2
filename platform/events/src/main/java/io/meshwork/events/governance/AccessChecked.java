package io.meshwork.events.governance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Governance's compliance check of an access request: {@code decision} is {@code PASSED} (the
 * producer may approve), {@code AUTO_APPROVED} (nothing to decide: a public product without
 * personal data), {@code BOARD_REQUIRED} (personal data: only the governance board approves) or
 * {@code FAILED}; {@code reasons} say why, one line each.
 */
public record AccessChecked(
    UUID requestId, String product, String decision, List<String> reasons, Instant checkedAt) {}
