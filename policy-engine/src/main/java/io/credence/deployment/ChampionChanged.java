package io.credence.deployment;

/** Published after a deploy, rollback or promotion commits: {@code action} is DEPLOY, ROLLBACK or PROMOTE. */
public record ChampionChanged(
        String market, int version, Integer replaced, String action, String actor, long durationMs) {}
