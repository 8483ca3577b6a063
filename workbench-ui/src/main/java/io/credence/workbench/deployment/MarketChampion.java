package io.credence.workbench.deployment;

/**
 * One market on the deployments page: what serves it, what served before, and how many approved
 * versions wait to be deployed.
 *
 * @param version null when nothing is deployed
 * @param previous the champion a rollback would restore, null when there is none
 */
record MarketChampion(
        String market, String currency, Integer version, String digest, Integer previous, long approvedWaiting) {}
