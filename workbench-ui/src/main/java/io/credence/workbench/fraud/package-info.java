/** Fraud lists: entries per market or for every market, with CSV import and export. Changes are audited. */
@NullMarked
package io.credence.workbench.fraud;

import org.jspecify.annotations.NullMarked;
