package org.regolancer.orchestrator.judgment;

/** Where a run's fee limit comes from ({@code FEE_POLICY}). */
public enum FeePolicy {
    /** LNDg's own cap: the target's {@code ar_max_cost} and LNDg's {@code AR-MaxFeeRate}; hopeless targets not run. */
    LNDG,
    /** The template's fee keys as they are, for every pair (the Python orchestrator's way). */
    TEMPLATE
}
