/** Fraud lists: entries per market or for every market, with CSV import and export. Changes are audited. */
package io.credence.workbench.fraud;
