package jp.systemgear.ec.catalog.domain;

/**
 * What applying a run does to this supplier's stock rows for products the run's file did not list:
 * keep them, set their quantity to zero, or mark them discontinued (quantity zero and flagged, so
 * exports can hide them).
 */
public enum MissingItemsPolicy {
    KEEP, ZERO, DISCONTINUE
}
